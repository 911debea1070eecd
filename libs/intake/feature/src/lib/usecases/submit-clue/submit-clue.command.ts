import type { Actor } from '@yrd/contracts';
import type { Clue } from '@yrd/referral-domain';

/** Submit a clue found by the caller's bureau (the discovering bureau is always the actor's). */
export class SubmitClueCommand {
  private constructor(
    readonly actor: Actor,
    readonly clue: Omit<Clue.SubmitClue['data'], 'clueId' | 'discoveringBureau'>,
  ) {}

  static create(actor: Actor, clue: SubmitClueCommand['clue']): SubmitClueCommand {
    if (!actor?.bureau || !actor.userId) throw new Error('SubmitClueCommand: actor with userId and bureau required');
    return new SubmitClueCommand(actor, {
      ...clue,
      evidenceRefs: [...(clue.evidenceRefs ?? [])],
    });
  }
}
