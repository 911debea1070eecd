import type { Actor } from '@yrd/contracts';

/** Art. 18 special circumstances: extend the check period once by 15 working days, with approval. */
export class ExtendCheckCommand {
  private constructor(
    readonly actor: Actor,
    readonly clueId: string,
    readonly approvedBy: string,
    readonly reason: string,
  ) {}

  static create(p: { actor: Actor; clueId: string; approvedBy: string; reason: string }): ExtendCheckCommand {
    return new ExtendCheckCommand(p.actor, p.clueId, p.approvedBy.trim(), p.reason.trim());
  }
}
