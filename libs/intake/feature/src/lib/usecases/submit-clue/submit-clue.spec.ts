import { HttpStatus } from '@nestjs/common';
import { verifyStream } from '@yrd/event-log';
import { DomainErrorException } from '../../http/domain-error.exception';
import { FakeClock, FakeClueStreams, fakeMetadata } from '../../testing/fakes';
import { JIASHAN_COMPANY, MONDAY, QINGPU_COMPANY, QINGPU_OFFICER, submitCommand } from '../../testing/fixtures';
import { SubmitClueUseCase } from './submit-clue.usecase';

describe('SubmitClueUseCase', () => {
  let streams: FakeClueStreams;
  let useCase: SubmitClueUseCase;

  beforeEach(() => {
    streams = new FakeClueStreams();
    useCase = new SubmitClueUseCase(streams, fakeMetadata, new FakeClock(MONDAY));
  });

  it('given a Jiashan-registered company found in Qingpu, when submitted, then it is routed to Jiashan by registration authority', async () => {
    const r = await useCase.execute(submitCommand(QINGPU_OFFICER, { creditCode: JIASHAN_COMPANY }));
    expect(r.clueId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(r.streamId).toBe(`clue-${r.clueId}`);
    expect(r.status).toBe('referred');
    expect(r.routing).toEqual({
      outcome: 'referred',
      target: '330421',
      targetName: '嘉善县市场监督管理局',
      basis: 'registration-authority',
      competentDivision: '330421',
    });
    expect(r.events.map((e) => e.type)).toEqual(['clue.submitted', 'clue.routed']);
    const stored = await streams.readStream(r.streamId);
    expect(verifyStream(stored)).toEqual([]);
    expect(stored[0]?.payload).toMatchObject({ discoveringBureau: '310118', discoveredOn: '2026-11-23' });
    expect(stored[0]?.actor).toEqual(QINGPU_OFFICER);
  });

  it('given a clue within the officer’s own area, then it is kept locally with a 15-working-day deadline', async () => {
    const r = await useCase.execute(submitCommand(QINGPU_OFFICER, { creditCode: QINGPU_COMPANY }));
    expect(r.status).toBe('checking');
    expect(r.routing).toMatchObject({
      outcome: 'kept-locally',
      bureau: '310118',
      basis: 'registration-authority',
      checkDeadline: { dueDate: '2026-12-14', provisional: false, reasons: [], workingDaysLeft: 15, overdue: false },
    });
    expect(r.events.map((e) => e.type)).toEqual(['clue.submitted', 'clue.kept-locally']);
  });

  it('an explicit target wins over the credit code', async () => {
    const r = await useCase.execute(submitCommand(QINGPU_OFFICER, { creditCode: QINGPU_COMPANY, suggestedTarget: '320509' }));
    expect(r.routing).toMatchObject({ outcome: 'referred', target: '320509', basis: 'explicit' });
  });

  it('a refused command appends nothing and maps to its HTTP status (422: valid per the schema, refused by the domain)', async () => {
    const bad = submitCommand(QINGPU_OFFICER, { discoveredOn: '2026-11-24' }); // tomorrow
    const err = await useCase.execute(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainErrorException);
    expect((err as DomainErrorException).getStatus()).toBe(HttpStatus.UNPROCESSABLE_ENTITY);
    expect((err as DomainErrorException).getResponse()).toMatchObject({ error: 'INVALID_COMMAND' });
    expect(streams.appendedCount()).toBe(0);
  });
});
