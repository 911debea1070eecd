import { Injectable } from '@nestjs/common';
import type { Principal } from '@yrd/auth';
import { ok, PenaltyDecision, PenaltyDecisionContent, refuse, signDocument } from '@yrd/sanctions-domain';
import { Refusal } from '../http/refusal';
import { KeyMaterial } from '../keys/key-material';
import { SanctionsReadModelsHost } from '../read-models/sanctions-read-models.provider';
import { actorOf, newId, SanctionsStreams, streamIds, uuidv7 } from '../streams';

export interface DecisionCommandResult {
  decisionId: string;
  streamId: string;
  revision: number;
  status: string;
  signature: { alg: string; keyId: string; value: string };
  events: Array<{ eventId: string; type: string; streamVersion: number }>;
}

/** Penalty decisions (行政处罚决定): record, correct, revoke — each signed with the issuing bureau's key. */
@Injectable()
export class PenaltyDecisionsUseCase {
  constructor(
    private readonly streams: SanctionsStreams,
    private readonly keys: KeyMaterial,
    private readonly read: SanctionsReadModelsHost,
  ) {}

  private context(bureau: string): PenaltyDecision.PenaltyDecisionContext {
    const key = this.keys.signingKeyFor(bureau);
    return {
      sign: (doc) => (key ? ok(signDocument(doc, key)) : refuse('NO_SIGNING_KEY', `this service holds no signing key for bureau ${bureau}`)),
    };
  }

  async record(principal: Principal, decision: PenaltyDecisionContent): Promise<DecisionCommandResult> {
    const decisionId = newId('pd', uuidv7());
    return this.run(principal, decisionId, true, { type: 'RecordPenaltyDecision', data: { decisionId, by: principal.bureau, decision } });
  }

  async correct(principal: Principal, decisionId: string, decision: PenaltyDecisionContent, reason: string): Promise<DecisionCommandResult> {
    return this.run(principal, decisionId, false, { type: 'CorrectPenaltyDecision', data: { by: principal.bureau, decision, reason } });
  }

  async revoke(principal: Principal, decisionId: string, reason: string, revokedOn?: string): Promise<DecisionCommandResult> {
    return this.run(principal, decisionId, false, { type: 'RevokePenaltyDecision', data: { by: principal.bureau, reason, ...(revokedOn ? { revokedOn } : {}) } });
  }

  /** The decision as verified by this instance's read model (any region's). */
  get(decisionId: string) {
    const d = this.read.models.decisions.get(decisionId);
    if (!d) throw Refusal.notFound(`no verified penalty decision ${decisionId}`);
    return d;
  }

  private async run(principal: Principal, decisionId: string, create: boolean, command: PenaltyDecision.PenaltyDecisionCommand): Promise<DecisionCommandResult> {
    if (!/^[A-Za-z0-9_.:]{1,100}$/.test(decisionId)) throw Refusal.badRequest('decisionId must be 1-100 characters of [A-Za-z0-9_.:]');
    const streamId = streamIds.decision(decisionId);
    const decide = (s: PenaltyDecision.PenaltyDecisionState) => PenaltyDecision.decide(command, s, new Date(), this.context(principal.bureau));
    const meta = this.streams.backbone.metadata(actorOf(principal));
    const outcome = create ? await this.streams.decisions.create(streamId, decide, meta) : await this.streams.decisions.handle(streamId, decide, meta);
    if (!outcome.ok) throw Refusal.of(outcome.error);
    const state = outcome.state;
    if (state.status === 'none') throw new Error('decision state missing after a successful command');
    return {
      decisionId,
      streamId,
      revision: state.revision,
      status: state.status,
      signature: state.signature,
      events: outcome.events.map((e) => ({ eventId: e.eventId, type: e.type, streamVersion: e.streamVersion })),
    };
  }
}
