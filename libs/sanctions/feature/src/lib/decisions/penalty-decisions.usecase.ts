import { Injectable } from '@nestjs/common';
import type { Principal } from '@yrd/auth';
import { ok, PenaltyDecision, PenaltyDecisionContent, refuse, signDocument, withMaskedPersonalData } from '@yrd/sanctions-domain';
import { DiscretionClaim, DiscretionUseCase } from '../discretion/discretion.usecase';
import { Refusal } from '../http/refusal';
import { KeyMaterial } from '../keys/key-material';
import type { DecisionRecord } from '../read-models/read-models';
import { SanctionsReadModelsHost } from '../read-models/sanctions-read-models.provider';
import { actorOf, newId, SanctionsStreams, streamIds, uuidv7 } from '../streams';

export interface DecisionCommandResult {
  decisionId: string;
  streamId: string;
  revision: number;
  status: string;
  signature: { alg: string; keyId: string; value: string };
  events: Array<{ eventId: string; type: string; streamVersion: number }>;
  /** With a discretion basis: whether the fine is inside the suggested range, and the flag's event when it is not. */
  discretion?: { standardId: string | null; standardVersion: number | null; band: string | null; withinRange: boolean; departure?: string; flagEventId?: string };
}

/** Penalty decisions (行政处罚决定): record, correct, revoke — each signed with the issuing bureau's key. */
@Injectable()
export class PenaltyDecisionsUseCase {
  constructor(
    private readonly streams: SanctionsStreams,
    private readonly keys: KeyMaterial,
    private readonly read: SanctionsReadModelsHost,
    private readonly discretion: DiscretionUseCase,
  ) {}

  private context(bureau: string): PenaltyDecision.PenaltyDecisionContext {
    const key = this.keys.signingKeyFor(bureau);
    return {
      sign: (doc) => (key ? ok(signDocument(doc, key)) : refuse('NO_SIGNING_KEY', `this service holds no signing key for bureau ${bureau}`)),
    };
  }

  async record(principal: Principal, decision: PenaltyDecisionContent, claim?: DiscretionClaim): Promise<DecisionCommandResult> {
    const decisionId = newId('pd', uuidv7());
    return this.withDiscretion(principal, decisionId, decision, claim, (d) => this.run(principal, decisionId, true, { type: 'RecordPenaltyDecision', data: { decisionId, by: principal.bureau, decision: d } }));
  }

  async correct(principal: Principal, decisionId: string, decision: PenaltyDecisionContent, reason: string, claim?: DiscretionClaim): Promise<DecisionCommandResult> {
    return this.withDiscretion(principal, decisionId, decision, claim, (d) => this.run(principal, decisionId, false, { type: 'CorrectPenaltyDecision', data: { by: principal.bureau, decision: d, reason } }));
  }

  /**
   * A decision with a discretion claim is weighed first (a departure without a justification is
   * refused before anything is written); its basis goes into the signed content; a justified
   * departure is then flagged on its own stream. The basis is never taken from the client.
   */
  private async withDiscretion(
    principal: Principal,
    decisionId: string,
    decision: PenaltyDecisionContent,
    claim: DiscretionClaim | undefined,
    write: (d: PenaltyDecisionContent) => Promise<DecisionCommandResult>,
  ): Promise<DecisionCommandResult> {
    const { discretion: _ignored, ...content } = decision;
    if (!claim) return write(content);
    const { basis, departure } = this.discretion.assess(content, claim);
    const withBasis = { ...content, discretion: basis };
    const result = await write(withBasis);
    const flagEventId = await this.discretion.flag(principal, result.revision > 1 ? `${decisionId}.r${result.revision}` : decisionId, decisionId, withBasis, departure);
    return {
      ...result,
      discretion: {
        standardId: basis.standardId,
        standardVersion: basis.standardVersion,
        band: basis.band,
        withinRange: basis.withinRange,
        ...(departure.ok && !departure.withinRange ? { departure: departure.departure } : {}),
        ...(flagEventId ? { flagEventId } : {}),
      },
    };
  }

  async revoke(principal: Principal, decisionId: string, reason: string, revokedOn?: string): Promise<DecisionCommandResult> {
    return this.run(principal, decisionId, false, { type: 'RevokePenaltyDecision', data: { by: principal.bureau, reason, ...(revokedOn ? { revokedOn } : {}) } });
  }

  /**
   * The decision as verified by this instance's read model (any region's). The issuing bureau reads
   * it whole; every other reader gets natural persons' id numbers masked (`personalData: 'masked'`).
   */
  get(principal: Principal, decisionId: string): DecisionRecord & { personalData: 'full' | 'masked' } {
    const d = this.read.models.decisions.get(decisionId);
    if (!d) throw Refusal.notFound(`no verified penalty decision ${decisionId}`);
    if (principal.bureau === d.content.issuingBureau) return { ...d, personalData: 'full' };
    return { ...d, content: withMaskedPersonalData(d.content), personalData: 'masked' };
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
