import { chainEvents, fixtureSigner, emptyHead, headAfter } from '@yrd/event-log';
import type { EventEnvelope } from '@yrd/contracts';
import { FakeClock, FakeClueStreams, FakeClueViews, fakeMetadata } from '../testing/fakes';
import { JIASHAN_OFFICER, MONDAY, QINGPU_COMPANY, QINGPU_OFFICER, submitCommand } from '../testing/fixtures';
import { SubmitClueUseCase } from '../usecases/submit-clue/submit-clue.usecase';
import { ExtendCheckUseCase } from '../usecases/extend-check/extend-check.usecase';
import { ExtendCheckCommand } from '../usecases/extend-check/extend-check.command';
import { ClueViewProjection } from './clue-view.projection';

function referralStream(referralId: string, clueId: string | undefined, steps: Array<[string, Record<string, unknown>]>): EventEnvelope[] {
  const streamId = `referral-${referralId}`;
  const created: [string, Record<string, unknown>] = [
    'referral.created',
    {
      referralId,
      ...(clueId && { clueId }),
      fromBureau: '310118',
      toBureau: '330421',
      basis: 'registration-authority',
    },
  ];
  const out: EventEnvelope[] = [];
  for (const [type, data] of [created, ...steps]) {
    const head = out.length ? headAfter(out, streamId) : emptyHead(streamId);
    out.push(...chainEvents(head, [{ type, data: { referralId, ...data } }], fakeMetadata(JIASHAN_OFFICER, MONDAY), fixtureSigner('clue-transfer')));
  }
  return out;
}

describe('ClueViewProjection', () => {
  let streams: FakeClueStreams;
  let views: FakeClueViews;
  let projection: ClueViewProjection;
  const clock = new FakeClock(MONDAY);

  beforeEach(() => {
    streams = new FakeClueStreams();
    views = new FakeClueViews();
    projection = new ClueViewProjection(views);
  });

  const project = async (events: EventEnvelope[]) => {
    const results = [];
    for (const e of events) results.push(await projection.handle(e));
    return results;
  };

  it('builds the clue view in stream order and skips redelivered or replayed events', async () => {
    const { clueId, streamId } = await new SubmitClueUseCase(streams, fakeMetadata, clock).execute(
      submitCommand(QINGPU_OFFICER, { creditCode: QINGPU_COMPANY, urgency: 'urgent' }),
    );
    await new ExtendCheckUseCase(streams, fakeMetadata, clock).execute(
      ExtendCheckCommand.create({ actor: QINGPU_OFFICER, clueId, approvedBy: 'head', reason: 'lab test' }),
    );
    const events = await streams.readStream(streamId);
    expect(await project(events)).toEqual(['applied', 'applied', 'applied']);
    const view = views.views.get(clueId);
    expect(view).toMatchObject({
      _id: clueId,
      version: 3,
      bureau: '310118',
      status: 'checking',
      referred: false,
      urgency: 'urgent',
      submittedBy: 'officer-qp-1',
      routing: { outcome: 'kept-locally', basis: 'registration-authority' },
      extension: { approvedBy: 'head', previousDueDate: '2026-12-14' },
    });
    expect(await project(events)).toEqual(['skipped', 'skipped', 'skipped']);
    expect(views.views.get(clueId)).toEqual(view);
  });

  it('follows the referral opened for a routed clue through its later events (which carry only referralId)', async () => {
    const { clueId, streamId } = await new SubmitClueUseCase(streams, fakeMetadata, clock).execute(submitCommand(QINGPU_OFFICER));
    await project(await streams.readStream(streamId));
    expect(views.views.get(clueId)).toMatchObject({ status: 'referred', referred: true, routing: { target: '330421' } });

    const referral = referralStream('r1', clueId, [
      ['referral.delivered', { toBureau: '330421', checkDeadline: { dueDate: '2026-12-14', provisional: false, reasons: [] } }],
      ['referral.accepted', { bureau: '330421' }],
      ['referral.feedback-submitted', { bureau: '330421', outcome: 'penalised', handlingResult: 'fined', caseNumber: 'JS-1' }],
    ]);
    await project(referral);
    expect(views.referrals.get('r1')).toMatchObject({ clueId, status: 'feedback', version: 4, checkDueDate: '2026-12-14', caseNumber: 'JS-1' });
    expect(await project(referral)).toEqual(['skipped', 'skipped', 'skipped', 'skipped']);
  });

  it('ignores referrals not opened from a clue, and other streams', async () => {
    expect(await project(referralStream('r2', undefined, [['referral.accepted', { bureau: '330421' }]]))).toEqual(['skipped', 'skipped']);
    expect(views.referrals.size).toBe(0);
  });

  it('fails (so the consumer retries, then dead-letters) on a clue event before clue.submitted', async () => {
    const { streamId } = await new SubmitClueUseCase(streams, fakeMetadata, clock).execute(submitCommand(QINGPU_OFFICER));
    const [, routed] = await streams.readStream(streamId);
    await expect(projection.handle(routed as EventEnvelope)).rejects.toThrow(/arrived before clue.submitted/);
  });
});
