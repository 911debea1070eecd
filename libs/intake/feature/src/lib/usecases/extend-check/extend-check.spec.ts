import { FakeClock, FakeClueStreams, fakeMetadata } from '../../testing/fakes';
import { JIASHAN_OFFICER, MONDAY, QINGPU_COMPANY, QINGPU_OFFICER, submitCommand } from '../../testing/fixtures';
import { DomainErrorException } from '../../http/domain-error.exception';
import { SubmitClueUseCase } from '../submit-clue/submit-clue.usecase';
import { ExtendCheckCommand } from './extend-check.command';
import { ExtendCheckUseCase } from './extend-check.usecase';

describe('ExtendCheckUseCase', () => {
  const clock = new FakeClock(MONDAY);
  let streams: FakeClueStreams;
  let clueId: string;
  let extend: ExtendCheckUseCase;
  const cmd = (actor = QINGPU_OFFICER) => ExtendCheckCommand.create({ actor, clueId, approvedBy: 'head-qp', reason: 'lab test pending' });

  beforeEach(async () => {
    clock.current = MONDAY;
    streams = new FakeClueStreams();
    clueId = (await new SubmitClueUseCase(streams, fakeMetadata, clock).execute(submitCommand(QINGPU_OFFICER, { creditCode: QINGPU_COMPANY }))).clueId;
    extend = new ExtendCheckUseCase(streams, fakeMetadata, clock);
  });

  it('extends once by 15 working days (into 2027: provisional, with the reason)', async () => {
    const r = await extend.execute(cmd());
    expect(r.previousDueDate).toBe('2026-12-14');
    expect(r.checkDeadline.dueDate > '2026-12-31').toBe(true);
    expect(r.checkDeadline.provisional).toBe(true);
    expect(r.checkDeadline.reasons).toContain('2027 holiday notice not loaded');
    expect(r.events.map((e) => e.type)).toEqual(['clue.check-extended']);
  });

  it('refuses a second extension naming the rule (422)', async () => {
    await extend.execute(cmd());
    const err = (await extend.execute(cmd()).catch((e: unknown) => e)) as DomainErrorException;
    expect(err.getStatus()).toBe(422);
    expect(err.getResponse()).toMatchObject({ error: 'EXTENSION_ALREADY_USED', rule: { id: 'CLUE_CHECK_DEADLINE', article: '第十八条' } });
  });

  it('refuses an extension after the deadline', async () => {
    clock.current = new Date('2026-12-15T02:00:00Z');
    const err = (await extend.execute(cmd()).catch((e: unknown) => e)) as DomainErrorException;
    expect(err.getStatus()).toBe(422);
    expect(err.getResponse()).toMatchObject({ error: 'EXTENSION_AFTER_DEADLINE', rule: { id: 'CLUE_CHECK_DEADLINE' } });
  });

  it('another bureau gets 404, as for a clue that does not exist, and nothing is appended', async () => {
    const before = streams.appendedCount();
    const err = (await extend.execute(cmd(JIASHAN_OFFICER)).catch((e: unknown) => e)) as DomainErrorException;
    expect(err.getStatus()).toBe(404);
    expect(streams.appendedCount()).toBe(before);
  });
});
