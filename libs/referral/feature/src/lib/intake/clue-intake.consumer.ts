import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Collection, Connection } from 'mongoose';
import { EventBackbone } from '@yrd/backbone';
import type { EventEnvelope } from '@yrd/contracts';
import { Clue, DomainContext, Referral } from '@yrd/referral-domain';
import { DOMAIN_CONTEXT, systemActor } from '../domain-context';
import { Repositories } from '../repositories';
import { referralIdForClue, referralStream } from '../streams';

/** `clue.submitted` kept until its `clue.routed` arrives (then deleted: the collection stays small). */
export interface PendingClue extends Omit<Clue.ClueSubmitted['data'], 'clueId'> {
  _id: string;
  eventId: string;
}

export const PENDING_CLUES = 'pending_clues';

/**
 * Opens a referral for each clue case-intake routes to another bureau. `clue.routed` lacks the
 * clue's content, so `clue.submitted` (same stream, same partition, earlier) is kept by clue id
 * until then. The referral id derives from the clue id: a redelivered event finds the stream
 * taken (ALREADY_EXISTS) and does nothing.
 */
@Injectable()
export class ClueIntake implements OnModuleInit {
  private readonly log = new Logger(ClueIntake.name);
  readonly pending: Collection<PendingClue>;

  constructor(
    @InjectConnection() connection: Connection,
    private readonly backbone: EventBackbone,
    private readonly repos: Repositories,
    @Inject(DOMAIN_CONTEXT) private readonly context: DomainContext,
  ) {
    this.pending = connection.collection<PendingClue>(PENDING_CLUES) as unknown as Collection<PendingClue>;
  }

  onModuleInit(): void {
    this.backbone.consume({ name: 'clue-intake', contexts: ['intake'], handler: (e) => this.handle(e) });
  }

  async handle(event: EventEnvelope): Promise<void> {
    if (event.type === 'clue.submitted') {
      const { clueId, ...rest } = event.payload as Clue.ClueSubmitted['data'];
      try {
        await this.pending.insertOne({ _id: clueId, ...rest, eventId: event.eventId });
      } catch (e) {
        if ((e as { code?: number }).code !== 11000) throw e;
      }
    } else if (event.type === 'clue.routed') {
      await this.routed(event);
    } else if (event.type === 'clue.kept-locally') {
      // Checked by its own bureau: no referral, nothing to keep.
      await this.pending.deleteOne({ _id: (event.payload as Clue.ClueKeptLocally['data']).clueId });
    } else if (event.type === 'clue.evidence-attached') {
      await this.evidenceAttached(event);
    }
  }

  /**
   * Evidence linked to a clue after its submission follows it into its referral, so the receiving
   * bureau sees it listed (reading it takes the notary's share, as for evidence given at
   * submission). A clue kept locally has no referral: nothing to do. The clue's events arrive in
   * stream order, so a referred clue's referral exists by now.
   */
  private async evidenceAttached(event: EventEnvelope): Promise<void> {
    const d = event.payload as Clue.ClueEvidenceAttached['data'];
    const streamId = referralStream(referralIdForClue(d.clueId));
    if ((await this.repos.referrals.load(streamId)).state.status === 'none') return;
    const command: Referral.AttachReferralEvidence = {
      type: 'AttachReferralEvidence',
      data: { by: d.attachedBy, evidenceId: d.evidenceId, sha256: d.sha256 },
    };
    const outcome = await this.repos.referrals.handle(
      streamId,
      (s) => Referral.decide(command, s, new Date(), this.context),
      this.backbone.metadata(event.actor, event.eventId),
    );
    if (!outcome.ok) this.log.warn(`evidence ${d.evidenceId} not linked to ${streamId}: ${outcome.error.code} ${outcome.error.message}`);
  }

  private async routed(event: EventEnvelope): Promise<void> {
    const routed = event.payload as Clue.ClueRouted['data'];
    const referralId = referralIdForClue(routed.clueId);
    const streamId = referralStream(referralId);
    const clue = await this.pending.findOne({ _id: routed.clueId });
    if (!clue) {
      if ((await this.repos.referrals.load(streamId)).state.status !== 'none') return; // handled before
      throw new Error(`clue.routed for ${routed.clueId} without its clue.submitted`);
    }
    const command: Referral.CreateReferral = {
      type: 'CreateReferral',
      data: {
        referralId,
        clueId: routed.clueId,
        fromBureau: clue.discoveringBureau,
        toBureau: routed.target,
        basis: routed.basis,
        subject: clue.subject,
        allegedViolation: clue.allegedViolation,
        facts: clue.facts,
        place: clue.place,
        evidenceRefs: clue.evidenceRefs,
        urgency: clue.urgency,
      },
    };
    const outcome = await this.repos.referrals.create(
      streamId,
      (s) => Referral.decide(command, s, new Date(), this.context),
      this.backbone.metadata(systemActor(clue.discoveringBureau), event.eventId),
    );
    if (!outcome.ok && outcome.error.code !== 'ALREADY_EXISTS') {
      // Deterministic: retrying will not help; the consumer's retries end in the DLQ with this reason.
      throw new Error(`referral for clue ${routed.clueId} refused: ${outcome.error.code} ${outcome.error.message}`);
    }
    if (outcome.ok) this.log.log(`referral ${referralId} ${clue.discoveringBureau} → ${routed.target}`);
    await this.pending.deleteOne({ _id: routed.clueId });
  }
}
