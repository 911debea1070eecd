import type { BureauScopeValue } from '@yrd/auth';

/** Read a case (a clue on which a case was opened) by its case number, within the caller's scope. */
export class GetCaseCommand {
  private constructor(
    readonly scope: BureauScopeValue,
    readonly caseNumber: string,
  ) {}

  static create(p: { scope: BureauScopeValue; caseNumber: string }): GetCaseCommand {
    return new GetCaseCommand(p.scope, p.caseNumber.trim());
  }
}
