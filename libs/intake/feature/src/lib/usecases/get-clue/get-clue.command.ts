import type { BureauScopeValue } from '@yrd/auth';

/** Read one clue with its timeline, within the caller's bureau scope. */
export class GetClueCommand {
  private constructor(
    readonly scope: BureauScopeValue,
    readonly clueId: string,
  ) {}

  static create(p: { scope: BureauScopeValue; clueId: string }): GetClueCommand {
    return new GetClueCommand(p.scope, p.clueId);
  }
}
