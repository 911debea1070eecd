import type { Actor } from '@yrd/contracts';

/** 立案: the bureau head approved opening a case on a clue the caller's bureau is checking. */
export class OpenCaseCommand {
  private constructor(
    readonly actor: Actor,
    readonly clueId: string,
    readonly caseNumber: string,
    readonly approvedBy: string,
  ) {}

  static create(p: { actor: Actor; clueId: string; caseNumber: string; approvedBy: string }): OpenCaseCommand {
    return new OpenCaseCommand(p.actor, p.clueId, p.caseNumber.trim(), p.approvedBy.trim());
  }
}
