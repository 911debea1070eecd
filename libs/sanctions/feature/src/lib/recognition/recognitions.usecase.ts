import { Injectable } from '@nestjs/common';
import type { Principal } from '@yrd/auth';
import { maskIdNumber } from '@yrd/bureaus';
import { DELTA_REGIONS, Recognition, regionOf } from '@yrd/sanctions-domain';
import { Refusal } from '../http/refusal';
import { RecognitionView } from '../read-models/read-models';
import { SanctionsReadModelsHost } from '../read-models/sanctions-read-models.provider';
import { actorOf, SanctionsStreams, streamIds } from '../streams';

/** The review queue of each region: list, recognise, decline (with a reason). */
@Injectable()
export class RecognitionsUseCase {
  constructor(
    private readonly streams: SanctionsStreams,
    private readonly read: SanctionsReadModelsHost,
  ) {}

  /** Officers and bureaus see their own region's queue; auditors and admins any region. */
  list(principal: Principal, region: string | undefined, status: RecognitionView['status'] | undefined): RecognitionView[] {
    const own = regionOf(principal.bureau);
    const wide = principal.role === 'auditor' || principal.role === 'admin';
    if (region && !DELTA_REGIONS.includes(region)) throw Refusal.badRequest(`region must be one of ${DELTA_REGIONS.join(', ')}`);
    if (!wide && region && region !== own) throw Refusal.forbidden(`bureau ${principal.bureau} may only see the queue of region ${own}`);
    // A region reviews another region's decision: a natural person's id number is not needed for that.
    return this.read.models.queue(wide ? region : own, status).map((r) => {
      const personId = r.decision.subject.personId;
      return personId === undefined || r.decision.issuingBureau === principal.bureau
        ? r
        : { ...r, decision: { ...r.decision, subject: { ...r.decision.subject, personId: maskIdNumber(personId) } } };
    });
  }

  async recognise(principal: Principal, recognitionId: string, reason?: string) {
    return this.run(principal, recognitionId, { type: 'RecogniseDecision', data: { by: principal.bureau, ...(reason ? { reason } : {}) } });
  }

  async decline(principal: Principal, recognitionId: string, reason: string) {
    return this.run(principal, recognitionId, { type: 'DeclineDecision', data: { by: principal.bureau, reason } });
  }

  private async run(principal: Principal, recognitionId: string, command: Recognition.RecognitionCommand) {
    if (!/^\d{6}-[A-Za-z0-9_.:]{1,100}$/.test(recognitionId)) throw Refusal.badRequest('recognitionId must look like <region>-<decisionId>');
    const outcome = await this.streams.recognitions.handle(
      streamIds.recognition(recognitionId),
      (s) => Recognition.decide(command, s, new Date()),
      this.streams.backbone.metadata(actorOf(principal)),
    );
    if (!outcome.ok) throw Refusal.of(outcome.error);
    return { recognitionId, status: outcome.state.status, events: outcome.events.map((e) => ({ eventId: e.eventId, type: e.type, streamVersion: e.streamVersion })) };
  }
}
