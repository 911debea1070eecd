import type { EventEnvelope } from '@yrd/contracts';
import { chainEvents, fixtureSigner, emptyHead, headAfter, type EventMetadata } from '@yrd/event-log';
import { bundledNotices, HolidayCalendar } from '@yrd/calendar';
import { bureauRegistry, DEFAULT_DESIGNATING_AUTHORITY_POLICY } from '@yrd/bureaus';
import { Assistance, JointAction, Referral, type DomainContext } from '@yrd/referral-domain';
import { jointActionProgress, projectAssistance, projectJointAction, projectReferral } from './reducers';
import { ViewStore } from './view-store';
import type { ReferralView } from './views';

const ctx: DomainContext = {
  calendar: new HolidayCalendar(bundledNotices().filter((n) => n.year <= 2026)),
  registry: bureauRegistry,
  designatingPolicy: DEFAULT_DESIGNATING_AUTHORITY_POLICY,
};
const t0 = new Date('2026-02-10T02:00:00Z');
const meta: EventMetadata = { actor: { userId: 'u', bureau: '330421', role: 'bureau' }, correlationId: 'c', causationId: null, now: t0 };

/** Runs commands through a decider and chains the events into envelopes, as the repository does. */
function stream<S, E extends { type: string; data: object }, C>(
  streamId: string,
  decider: { initialState: S; evolve: (s: S, e: E) => S; decide: (c: C, s: S, now: Date, ctx: DomainContext) => { ok: boolean; value?: E[]; error?: unknown } },
  commands: C[],
): EventEnvelope[] {
  let state = decider.initialState;
  const out: EventEnvelope[] = [];
  for (const c of commands) {
    const r = decider.decide(c, state, t0, ctx);
    if (!r.ok || !r.value) throw new Error(JSON.stringify(r.error));
    out.push(...chainEvents(out.length ? headAfter(out, streamId) : emptyHead(streamId), r.value, meta, fixtureSigner('clue-transfer')));
    state = r.value.reduce(decider.evolve, state);
  }
  return out;
}

const fold = <V>(project: (v: V | null, e: EventEnvelope) => V | null, events: EventEnvelope[]): V | null =>
  events.reduce<V | null>((v, e) => project(v, e), null);

const referralEvents = () =>
  stream('referral-r1', Referral, [
    {
      type: 'CreateReferral',
      data: {
        referralId: 'r1',
        clueId: 'c1',
        fromBureau: '310118',
        toBureau: '330421',
        basis: 'registration-authority',
        subject: { name: '某公司' },
        allegedViolation: 'v',
        facts: 'f',
        place: { divisionCode: '330421', address: 'a' },
        evidenceRefs: [],
        urgency: 'normal',
      },
    },
    { type: 'DeliverReferral', data: {} },
    { type: 'DisputeJurisdiction', data: { by: '330421', reason: '不属本局' } },
    { type: 'DesignateJurisdiction', data: { by: '310000', designatedBureau: '320509', jointMechanismCoordinator: true } },
  ] as Referral.ReferralCommand[]);

describe('referral inbox projection', () => {
  it('follows the referral through dispute and designation; every party can find it', () => {
    const view = fold(projectReferral, referralEvents()) as ReferralView;
    expect(view).toMatchObject({
      _id: 'r1',
      streamId: 'referral-r1',
      version: 5,
      status: 'delivered',
      fromBureau: '310118',
      toBureau: '320509',
      designatingAuthority: 'YRD-JOINT',
      parties: ['310118', '330421', 'YRD-JOINT', '320509'],
      designations: [{ designatedBy: 'YRD-JOINT', designatedBureau: '320509', previousBureau: '330421', at: t0.toISOString() }],
      checkDeadline: { dueDate: '2026-03-09', provisional: false },
      dueKey: '2026-03-09',
      overdue: false,
    });
  });

  it('ignores events of other aggregates and events for a view that does not exist', () => {
    const [created, delivered] = referralEvents();
    expect(projectReferral(null, delivered as EventEnvelope)).toBeNull();
    expect(projectAssistance(null, created as EventEnvelope)).toBeNull();
    expect(projectJointAction(null, created as EventEnvelope)).toBeNull();
  });
});

describe('assistance and joint-action projections', () => {
  it('assistance: requested → extension → answered', () => {
    const q = '是否实际经营？';
    const events = stream('assistance-a1', Assistance, [
      { type: 'RequestAssistance', data: { assistanceId: 'a1', requestingBureau: '310118', requestedBureau: '330421', questions: [q] } },
      { type: 'NoticeExtension', data: { by: '330421', newDueDate: '2026-03-20', reason: '需调取流水' } },
      { type: 'AnswerAssistance', data: { by: '330421', findings: [{ question: q, finding: '是', conclusion: 'confirmed' }], attachmentRefs: [] } },
    ] as Assistance.AssistanceCommand[]);
    expect(fold(projectAssistance, events)).toMatchObject({
      version: 3,
      status: 'answered',
      dueKey: '2026-03-20',
      extensions: [{ previousDueDate: '2026-03-09', dueDate: '2026-03-20', reason: '需调取流水' }],
      answer: { withinDeadline: true },
      parties: ['310118', '330421'],
    });
  });

  it('joint action: task statuses and progress', () => {
    const events = stream('joint-action-j1', JointAction, [
      {
        type: 'CreateJointAction',
        data: {
          campaignId: 'j1',
          title: 't',
          leadBureau: '310118',
          startsOn: '2026-02-01',
          endsOn: '2026-02-28',
          targets: ['x'],
          discretionStandardId: 'd',
          tasks: [
            { taskId: 'a', bureau: '310118', description: 'd' },
            { taskId: 'b', bureau: '330421', description: 'd' },
            { taskId: 'c', bureau: '320509', description: 'd' },
          ],
        },
      },
      { type: 'StartTask', data: { by: '330421', taskId: 'b' } },
      { type: 'StartTask', data: { by: '320509', taskId: 'c' } },
      { type: 'CompleteTask', data: { by: '320509', taskId: 'c', result: { summary: 'ok' } } },
    ] as JointAction.JointActionCommand[]);
    const view = fold(projectJointAction, events);
    expect(view?.parties).toEqual(['310118', '330421', '320509']);
    expect(view && jointActionProgress(view)).toEqual({ total: 3, pending: 1, inProgress: 1, completed: 1, percent: 33 });
  });
});

describe('ViewStore version guard', () => {
  /** An in-memory stand-in for the collection (unit test only; the integration test uses FerretDB). */
  function fakeStore() {
    const docs = new Map<string, ReferralView>();
    const writes: string[] = [];
    const collection = {
      findOne: async (f: { _id: string }) => docs.get(f._id) ?? null,
      updateOne: async (f: { _id: string }, u: { $set: Omit<ReferralView, '_id'> }) => {
        writes.push(`${f._id}@${u.$set.version}`);
        docs.set(f._id, { ...(docs.get(f._id) ?? {}), ...u.$set, _id: f._id } as ReferralView);
      },
    };
    const store = new ViewStore<ReferralView>({ collection: () => collection } as never, 'referral_inbox');
    return { store, docs, writes };
  }

  it('applies each version once, in order; a replay or a redelivery writes nothing', async () => {
    const { store, writes } = fakeStore();
    const events = referralEvents();
    for (const e of events) await store.apply('r1', e, projectReferral);
    for (const e of events) expect((await store.apply('r1', e, projectReferral)).applied).toBe(false);
    expect(writes).toEqual(['r1@1', 'r1@2', 'r1@3', 'r1@4', 'r1@5']);
    expect((await store.get('r1'))?.version).toBe(5);
  });

  it('skips an older event arriving after a newer one', async () => {
    const { store, writes } = fakeStore();
    const [created, delivered, disputed] = referralEvents() as [EventEnvelope, EventEnvelope, EventEnvelope];
    await store.apply('r1', created, projectReferral);
    await store.apply('r1', disputed, projectReferral);
    const late = await store.apply('r1', delivered, projectReferral);
    expect(late).toMatchObject({ applied: false, view: { status: 'disputed', version: 3 } });
    expect(writes).toEqual(['r1@1', 'r1@3']);
  });
});
