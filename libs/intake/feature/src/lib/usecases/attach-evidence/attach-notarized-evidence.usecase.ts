import { Inject, Injectable, Logger } from '@nestjs/common';
import { EventBackbone } from '@yrd/backbone';
import type { EventEnvelope } from '@yrd/contracts';
import { Clue } from '@yrd/referral-domain';
import { CLOCK, CLUE_STREAMS, clueStreamId, isClueId, type Clock, type ClueStreams } from '../../ports/clue-streams';

/** What this use case reads of the notary's `evidence.notarized` (its payload is the notary's contract). */
interface NotarizedEvidence {
  entry?: { entryId?: string; sha256?: string };
  ownerBureau?: string;
  metadata?: { clueId?: string };
}

export type AttachOutcome = 'attached' | 'already-attached' | 'not-for-a-clue' | 'refused';

/**
 * Evidence uploaded for a clue after its submission (the console submits the clue, then uploads)
 * is linked to the clue by `clue.evidence-attached` on the clue's stream. The notary's
 * `evidence.notarized` names the clue; the uploader (the envelope's actor) acts, so only the
 * clue's own bureau links evidence. A refusal (another bureau's upload, an unknown clue) is logged
 * and dropped: retrying would not change it. Redelivery appends nothing (the decider is idempotent).
 */
@Injectable()
export class AttachNotarizedEvidenceUseCase {
  private readonly log = new Logger(AttachNotarizedEvidenceUseCase.name);

  constructor(
    @Inject(CLUE_STREAMS) private readonly streams: ClueStreams,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly backbone: EventBackbone,
  ) {}

  async handle(event: EventEnvelope): Promise<AttachOutcome> {
    if (event.type !== 'evidence.notarized') return 'not-for-a-clue';
    const p = event.payload as NotarizedEvidence;
    const clueId = p.metadata?.clueId;
    if (!clueId || !isClueId(clueId)) return 'not-for-a-clue';
    const command: Clue.AttachEvidence = {
      type: 'AttachEvidence',
      data: { by: p.ownerBureau ?? event.actor.bureau, evidenceId: p.entry?.entryId ?? '', sha256: p.entry?.sha256 ?? '' },
    };
    const now = this.clock.now();
    // The uploader acts (recorded as who they are), caused by the notary's event.
    const meta = this.backbone.metadata(event.actor, event.eventId, now);
    const outcome = await this.streams.handle(clueStreamId(clueId), (s) => Clue.decide(command, s, now), meta);
    if (!outcome.ok) {
      this.log.warn(`evidence ${command.data.evidenceId} not linked to clue ${clueId}: ${outcome.error.code} ${outcome.error.message}`);
      return 'refused';
    }
    return outcome.events.length > 0 ? 'attached' : 'already-attached';
  }
}
