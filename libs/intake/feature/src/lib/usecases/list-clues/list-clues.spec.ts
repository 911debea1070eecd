import { UnprocessableEntityException } from '@nestjs/common';
import { systemScope } from '@yrd/auth';
import { FakeClock, FakeClueStreams, FakeClueViews, fakeMetadata } from '../../testing/fakes';
import { MONDAY, QINGPU_COMPANY, QINGPU_OFFICER, JIASHAN_OFFICER, submitCommand } from '../../testing/fixtures';
import { ClueViewProjection } from '../../views/clue-view.projection';
import { clueListQuery } from '../../views/clue-view.store';
import { SubmitClueUseCase } from '../submit-clue/submit-clue.usecase';
import { decodeCursor, encodeCursor, ListCluesCommand } from './list-clues.command';
import { ListCluesUseCase } from './list-clues.usecase';

describe('ListCluesUseCase', () => {
  const clock = new FakeClock(MONDAY);

  async function seed() {
    const streams = new FakeClueStreams();
    const views = new FakeClueViews();
    const projection = new ClueViewProjection(views);
    const submit = new SubmitClueUseCase(streams, fakeMetadata, clock);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      clock.current = new Date(MONDAY.getTime() + i);
      const r = await submit.execute(submitCommand(QINGPU_OFFICER, i % 2 ? {} : { creditCode: QINGPU_COMPANY }));
      ids.push(r.clueId);
    }
    await submit.execute(submitCommand(JIASHAN_OFFICER, { place: { divisionCode: '330421', address: 'Jiashan' } }));
    for (const events of streams.streams.values()) for (const e of events) await projection.handle(e);
    clock.current = MONDAY;
    return { views, ids };
  }

  it('pages newest first with an opaque cursor, within the scope', async () => {
    const { views, ids } = await seed();
    const list = new ListCluesUseCase(views, clock);
    const scope = systemScope('310118');
    const p1 = await list.execute(ListCluesCommand.create({ scope, limit: 2 }));
    expect(p1.items.map((i) => i.clueId)).toEqual([ids[4], ids[3]]);
    expect(p1.nextCursor).toBeDefined();
    const p2 = await list.execute(ListCluesCommand.create({ scope, limit: 2, cursor: p1.nextCursor }));
    const p3 = await list.execute(ListCluesCommand.create({ scope, limit: 2, cursor: p2.nextCursor }));
    expect([...p2.items, ...p3.items].map((i) => i.clueId)).toEqual([ids[2], ids[1], ids[0]]);
    expect(p3.nextCursor).toBeUndefined();
    expect(p1.items.every((i) => i.bureau === '310118')).toBe(true);
  });

  it('shows the check deadline with working days left for clues kept locally', async () => {
    const { views } = await seed();
    const r = await new ListCluesUseCase(views, clock).execute(
      ListCluesCommand.create({ scope: systemScope('310118'), filters: { referred: false } }),
    );
    expect(r.items).toHaveLength(3);
    expect(r.items[0]?.checkDeadline).toEqual({ dueDate: '2026-12-14', provisional: false, reasons: [], workingDaysLeft: 15, overdue: false });
    clock.current = new Date('2026-12-15T02:00:00Z');
    const later = await new ListCluesUseCase(views, clock).execute(ListCluesCommand.create({ scope: systemScope('310118'), filters: { referred: false } }));
    expect(later.items[0]).toMatchObject({ overdue: true, checkDeadline: { workingDaysLeft: -1, overdue: true } });
  });

  it('caps the page size at 100 and rejects a forged cursor', () => {
    expect(ListCluesCommand.create({ scope: undefined, limit: 1000 }).limit).toBe(100);
    expect(() => ListCluesCommand.create({ scope: undefined, cursor: 'abc' })).toThrow(UnprocessableEntityException);
    const id = '019ab2c4-1111-7000-8000-000000000000';
    expect(decodeCursor(encodeCursor(id))).toBe(id);
  });

  it('builds the store query with the scope always present', () => {
    const q = clueListQuery({ scope: systemScope('310118'), overdue: true, from: '2026-11-01', today: '2026-11-23', limit: 21 });
    expect(q).toEqual({
      $and: [
        { version: { $gte: 1 } },
        { bureau: '310118' },
        { status: 'checking' },
        { 'checkDeadline.dueDate': { $lt: '2026-11-23' } },
        { discoveredOn: { $gte: '2026-11-01' } },
      ],
    });
    expect(clueListQuery({ scope: systemScope(), today: '2026-11-23', limit: 1 })).toEqual({ $and: [{ version: { $gte: 1 } }] });
  });
});
