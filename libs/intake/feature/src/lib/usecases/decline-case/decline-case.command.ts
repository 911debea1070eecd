import type { Actor } from '@yrd/contracts';

/** 不予立案: the bureau head decided not to open a case, with a reason. */
export class DeclineCaseCommand {
  private constructor(
    readonly actor: Actor,
    readonly clueId: string,
    readonly reason: string,
    readonly approvedBy: string,
  ) {}

  static create(p: { actor: Actor; clueId: string; reason: string; approvedBy: string }): DeclineCaseCommand {
    return new DeclineCaseCommand(p.actor, p.clueId, p.reason.trim(), p.approvedBy.trim());
  }
}
