import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { EventBackbone } from '@yrd/backbone';
import type { EventEnvelope } from '@yrd/contracts';
import type { EventContext } from '@yrd/messaging';
import {
  DELTA_REGIONS,
  PenaltyDecision,
  Recognition,
  RecognitionPolicy,
  regionOf,
  Sanction,
  sanctionsFromDecision,
  signedDocumentOf,
  summaryOf,
  verifyDocument,
} from '@yrd/sanctions-domain';
import { KeyMaterial } from '../keys/key-material';
import { SanctionsReadModelsHost } from '../read-models/sanctions-read-models.provider';
import { RECOGNITION_POLICIES } from '../sanctions.tokens';
import { SanctionsStreams, streamIds, systemActor } from '../streams';

const DECISION_EVENTS = new Set(['penalty-decision.recorded', 'penalty-decision.corrected', 'penalty-decision.revoked']);

/**
 * Every region's receiving side of penalty decisions. Each decision event is verified against the
 * bureau key registry first: a bad signature is refused — recorded as `penalty-decision.refused`
 * and logged — and nothing else happens. A verified decision is considered by every other region
 * under its policy (recognised automatically or queued for review), and the sanctions it carries
 * (food-industry ban on a food licence revocation, serious-violation listing) enter the shared
 * registry. A verified revocation lifts the sanctions its decision carried.
 */
@Injectable()
export class DecisionRecognitionConsumer implements OnModuleInit {
  private readonly log = new Logger('DecisionRecognition');

  constructor(
    private readonly backbone: EventBackbone,
    private readonly streams: SanctionsStreams,
    private readonly keys: KeyMaterial,
    private readonly read: SanctionsReadModelsHost,
    @Inject(RECOGNITION_POLICIES) private readonly policies: RecognitionPolicy[],
  ) {}

  onModuleInit(): void {
    this.backbone.consume({ name: 'decision-recognition', contexts: ['sanctions'], handler: (e, ctx) => this.handle(e, ctx) });
  }

  async handle(e: EventEnvelope, ctx: EventContext): Promise<void> {
    if (!DECISION_EVENTS.has(e.type)) return;
    const event = { type: e.type, data: e.payload } as unknown as PenaltyDecision.PenaltyDecisionEvent;
    const doc = signedDocumentOf(e.type, e.payload);
    const verified = doc ? verifyDocument(doc, event.data.signature, this.keys.registry, new Date(e.occurredAt)) : undefined;
    if (!verified || !verified.ok) {
      await this.refuse(e, verified && !verified.ok ? verified.error : { code: 'MALFORMED', message: 'not a signed decision event' });
      return;
    }
    const meta = (bureau: string) => this.backbone.metadata(systemActor(bureau), e.eventId);
    const now = new Date();
    switch (event.type) {
      case 'penalty-decision.recorded': {
        const { decisionId, decision, signature, revision } = event.data;
        const sourceRegion = regionOf(decision.issuingBureau) ?? decision.issuingBureau;
        const summary = summaryOf(decisionId, decision, sourceRegion, signature.keyId, revision);
        for (const region of DELTA_REGIONS.filter((r) => r !== sourceRegion)) {
          const policy = this.policies.find((p) => p.region === region);
          const outcome = await this.streams.recognitions.create(
            streamIds.recognition(Recognition.recognitionId(region, decisionId)),
            (s) => Recognition.decide({ type: 'ConsiderDecision', data: { region, decision: summary, policy } }, s, now),
            meta(region),
          );
          if (!outcome.ok && outcome.error.code !== 'ALREADY_CONSIDERED') this.log.warn(`recognition of ${decisionId} in ${region}: ${outcome.error.message}`);
        }
        await this.impose(decisionId, decision, sourceRegion, meta(decision.issuingBureau), now);
        return;
      }
      case 'penalty-decision.corrected': {
        // A correction may add a ban (e.g. a revocation added); existing ones stand until the decision is revoked.
        const { decisionId, decision } = event.data;
        await this.impose(decisionId, decision, regionOf(decision.issuingBureau) ?? decision.issuingBureau, meta(decision.issuingBureau), now);
        return;
      }
      case 'penalty-decision.revoked': {
        const { decisionId, issuingBureau, reason, revokedOn } = event.data;
        // The content of the decision is in this instance's read model once it has read this far.
        await this.read.waitFor(ctx.partition, ctx.offset);
        const record = this.read.models.decisions.get(decisionId);
        if (!record) return;
        for (const terms of sanctionsFromDecision(decisionId, record.content, record.sourceRegion)) {
          const outcome = await this.streams.sanctions.handle(
            streamIds.sanction(terms.sanctionId),
            (s) => Sanction.decide({ type: 'LiftSanction', data: { how: 'source-revoked', by: issuingBureau, ref: decisionId, reason, liftedOn: revokedOn } }, s, now),
            meta(issuingBureau),
          );
          if (!outcome.ok && !['NOT_FOUND', 'SANCTION_LIFTED'].includes(outcome.error.code)) this.log.warn(`lift ${terms.sanctionId}: ${outcome.error.message}`);
        }
        return;
      }
      default: {
        const _exhaustive: never = event;
        return _exhaustive;
      }
    }
  }

  private async impose(decisionId: string, decision: PenaltyDecision.PenaltyDecisionRecorded['data']['decision'], sourceRegion: string, meta: ReturnType<EventBackbone['metadata']>, now: Date): Promise<void> {
    for (const terms of sanctionsFromDecision(decisionId, decision, sourceRegion)) {
      const outcome = await this.streams.sanctions.create(streamIds.sanction(terms.sanctionId), (s) => Sanction.decide({ type: 'ImposeSanction', data: { terms } }, s, now), meta);
      if (!outcome.ok && outcome.error.code !== 'ALREADY_EXISTS') this.log.warn(`sanction ${terms.sanctionId}: ${outcome.error.message}`);
    }
  }

  /** Never recorded, never recognised: the refusal itself is recorded (once) and logged. */
  private async refuse(e: EventEnvelope, error: { code: string; message: string }): Promise<void> {
    const p = e.payload as Record<string, unknown>;
    const signature = p['signature'] as { keyId?: unknown } | undefined;
    const decision = p['decision'] as { issuingBureau?: unknown } | undefined;
    const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v.slice(0, 200) : undefined);
    const issuingBureau = str(decision?.issuingBureau) ?? str(p['issuingBureau']);
    this.log.warn(`refused ${e.type} ${e.eventId} (stream ${e.streamId}): ${error.code} ${error.message}`);
    const data = Object.fromEntries(
      Object.entries({
        sourceEventId: e.eventId,
        sourceStreamId: e.streamId,
        sourceType: e.type,
        decisionId: str(p['decisionId']),
        issuingBureau: issuingBureau && /^\d{6}$/.test(issuingBureau) ? issuingBureau : undefined,
        keyId: str(signature?.keyId),
        code: ['BAD_SIGNATURE', 'UNKNOWN_KEY', 'KEY_NOT_FOR_BUREAU', 'KEY_NOT_VALID'].includes(error.code) ? error.code : 'MALFORMED',
        reason: error.message,
        refusedAt: new Date().toISOString(),
      }).filter(([, v]) => v !== undefined),
    );
    await this.streams.once.create(
      streamIds.refusal(e.eventId),
      (s) => ({ ok: true, value: s.written ? [] : [{ type: 'penalty-decision.refused', data }] }),
      this.backbone.metadata(systemActor(issuingBureau && /^\d{6}$/.test(issuingBureau) ? issuingBureau : 'YRD-JOINT'), e.eventId),
    );
  }
}
