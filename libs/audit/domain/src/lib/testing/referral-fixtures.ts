import type { EventEnvelope } from '@yrd/contracts';
import { chainEvents, fixtureSigner, emptyHead, type DomainEvent, type EventMetadata, type StreamHead } from '@yrd/event-log';
import { Referral } from '@yrd/referral-domain';

/** Test fixtures: real referral decisions (the decider, not hand-written payloads). */
export const QINGPU = '310118';
export const JIASHAN = '330421';

export function createReferral(referralId: string, clueId?: string): Referral.CreateReferral {
  return {
    type: 'CreateReferral',
    data: {
      referralId,
      ...(clueId !== undefined && { clueId }),
      fromBureau: QINGPU,
      toBureau: JIASHAN,
      basis: 'place',
      subject: { name: '某某食品有限公司' },
      allegedViolation: '销售超过保质期的食品',
      facts: '网店销售过期食品',
      place: { divisionCode: JIASHAN, address: '嘉善县某路1号' },
      evidenceRefs: ['ev-1'],
      urgency: 'normal',
    },
  };
}

/** create → deliver → accept: three commands, four… events as the decider decides them. */
export function referralLifecycle(referralId: string, clueId?: string): Referral.ReferralCommand[] {
  return [createReferral(referralId, clueId), { type: 'DeliverReferral', data: {} }, { type: 'AcceptReferral', data: { by: JIASHAN } }];
}

export function fixtureMeta(now: Date, bureau = QINGPU): EventMetadata {
  return { actor: { userId: 'officer-qp-1', bureau, role: 'officer' }, correlationId: 'corr-fixture', causationId: null, now };
}

/** Runs the commands through `Referral.decide` and seals the events into one chained stream. */
export function referralStream(referralId: string, commands: readonly Referral.ReferralCommand[], start = new Date('2026-03-02T02:00:00.000Z')): EventEnvelope[] {
  const streamId = `referral-${referralId}`;
  let state: Referral.ReferralState = Referral.initialState;
  let head: StreamHead = emptyHead(streamId);
  const out: EventEnvelope[] = [];
  commands.forEach((command, i) => {
    const now = new Date(start.getTime() + i * 60_000);
    const decision = Referral.decide(command, state, now);
    if (!decision.ok) throw new Error(`fixture command ${command.type} refused: ${decision.error.message}`);
    const sealed = chainEvents(head, decision.value as unknown as DomainEvent[], fixtureMeta(now, command.type === 'AcceptReferral' ? JIASHAN : QINGPU), fixtureSigner('clue-transfer'));
    for (const e of decision.value) state = Referral.evolve(state, e);
    head = { streamId, version: head.version + sealed.length, lastHash: sealed[sealed.length - 1].hash };
    out.push(...sealed);
  });
  return out;
}
