import { DomainErrorException } from '../../http/domain-error.exception';
import { FakeClock, FakeClueStreams, fakeMetadata } from '../../testing/fakes';
import { MONDAY, QINGPU_COMPANY, QINGPU_OFFICER, submitCommand } from '../../testing/fixtures';
import { SubmitClueUseCase } from '../submit-clue/submit-clue.usecase';
import { DeclineCaseCommand } from '../decline-case/decline-case.command';
import { DeclineCaseUseCase } from '../decline-case/decline-case.usecase';
import { OpenCaseCommand } from './open-case.command';
import { OpenCaseUseCase } from './open-case.usecase';

describe('OpenCaseUseCase / DeclineCaseUseCase', () => {
  const clock = new FakeClock(MONDAY);
  let streams: FakeClueStreams;
  let submit: SubmitClueUseCase;
  let open: OpenCaseUseCase;
  let decline: DeclineCaseUseCase;

  beforeEach(() => {
    streams = new FakeClueStreams();
    submit = new SubmitClueUseCase(streams, fakeMetadata, clock);
    open = new OpenCaseUseCase(streams, fakeMetadata, clock);
    decline = new DeclineCaseUseCase(streams, fakeMetadata, clock);
  });

  const openCmd = (clueId: string) =>
    OpenCaseCommand.create({ actor: QINGPU_OFFICER, clueId, caseNumber: ' QP-2026-101 ', approvedBy: 'head-qp' });

  it('opens a case on a clue kept locally, within the deadline', async () => {
    const { clueId } = await submit.execute(submitCommand(QINGPU_OFFICER, { creditCode: QINGPU_COMPANY }));
    const r = await open.execute(openCmd(clueId));
    expect(r).toMatchObject({ clueId, status: 'case-opened', caseNumber: 'QP-2026-101', openedOn: '2026-11-23', withinDeadline: true });
    expect(r.events[0]).toMatchObject({ type: 'clue.case-opened', streamVersion: 3 });
  });

  it('refuses a second decision (409) and a case on a referred clue (409)', async () => {
    const local = await submit.execute(submitCommand(QINGPU_OFFICER, { creditCode: QINGPU_COMPANY }));
    await open.execute(openCmd(local.clueId));
    const again = (await decline
      .execute(DeclineCaseCommand.create({ actor: QINGPU_OFFICER, clueId: local.clueId, reason: 'x', approvedBy: 'h' }))
      .catch((e: unknown) => e)) as DomainErrorException;
    expect(again.getStatus()).toBe(409);
    expect(again.getResponse()).toMatchObject({ error: 'CLUE_ALREADY_DECIDED' });

    const referred = await submit.execute(submitCommand(QINGPU_OFFICER));
    const err = (await open.execute(openCmd(referred.clueId)).catch((e: unknown) => e)) as DomainErrorException;
    expect(err.getStatus()).toBe(409);
    expect(err.getResponse()).toMatchObject({ error: 'CLUE_REFERRED', rule: { id: 'TRANSFER_TO_COMPETENT' } });
  });

  it('a clue that does not exist is a 404', async () => {
    const err = (await open.execute(openCmd('0190f2a4-0000-7000-8000-000000000000')).catch((e: unknown) => e)) as DomainErrorException;
    expect(err.getStatus()).toBe(404);
  });

  it('declines with a reason', async () => {
    const { clueId } = await submit.execute(submitCommand(QINGPU_OFFICER, { creditCode: QINGPU_COMPANY }));
    const r = await decline.execute(DeclineCaseCommand.create({ actor: QINGPU_OFFICER, clueId, reason: 'no violation found', approvedBy: 'head-qp' }));
    expect(r).toMatchObject({ status: 'declined', decidedOn: '2026-11-23', withinDeadline: true });
  });
});
