import type { Principal, ScopedBureau } from '@yrd/auth';
import { bundledNotices, HolidayCalendar } from '@yrd/calendar';
import { refuse } from '@yrd/referral-domain';
import { DomainRefusal } from '../errors';
import type { StreamRepository } from '../repositories';
import { runCommand } from './command-runner';
import { decodeCursor, deadlineStatus, encodeCursor, inboxFilter } from './queries';
import { commandFor } from './referral.usecases';

const jiashan: Principal = { sub: 'bureau-jsh-1', role: 'bureau', bureau: '330421' };
const admin: Principal = { sub: 'admin-1', role: 'admin', bureau: '310000' };
const jiangsu: Principal = { sub: 'bureau-js-1', role: 'bureau', bureau: '320000' };

describe('referral commands: who acts for whom', () => {
  it('officers and bureau users act for their own bureau', () => {
    expect(commandFor({ type: 'accept' }, jiashan)).toEqual({ type: 'AcceptReferral', data: { by: '330421' } });
    expect(commandFor({ type: 'transfer', toBureau: '320509' }, jiashan)).toEqual({
      type: 'TransferReferral',
      data: { by: '330421', toBureau: '320509' },
    });
    expect(commandFor({ type: 'feedback', outcome: 'case-not-opened', handlingResult: 'x' }, jiashan).data).toEqual({
      by: '330421',
      outcome: 'case-not-opened',
      handlingResult: 'x',
    });
  });

  it('designation is always the caller’s own bureau; an admin is marked as the joint mechanism’s coordinator, never substituted', () => {
    expect(commandFor({ type: 'designate', designatedBureau: '320509' }, jiangsu)).toEqual({
      type: 'DesignateJurisdiction',
      data: { by: '320000', designatedBureau: '320509' },
    });
    expect(commandFor({ type: 'designate', designatedBureau: '320509', reason: 'r' }, admin)).toEqual({
      type: 'DesignateJurisdiction',
      data: { by: '310000', designatedBureau: '320509', reason: 'r', jointMechanismCoordinator: true },
    });
  });
});

describe('runCommand', () => {
  const backbone = { metadata: () => ({ actor: { userId: 'u', bureau: '330421', role: 'bureau' }, correlationId: 'c', causationId: null, now: new Date() }) };

  it('a refusal becomes a DomainRefusal and appends nothing', async () => {
    const appended: unknown[] = [];
    const repo = {
      handle: async (_id: string, decide: (s: unknown) => { ok: boolean }) => {
        const d = decide({});
        if (d.ok) appended.push(d);
        return d.ok ? { ok: true, state: {}, events: [], version: 1 } : { ...(d as object), state: {}, version: 1 };
      },
    };
    const run = runCommand(backbone as never, repo as unknown as StreamRepository<object, never>, { id: 'r1', streamId: 'referral-r1' }, jiashanActor(), () =>
      refuse('REFERRAL_ALREADY_ACCEPTED', 'the referral was already accepted'),
    );
    await expect(run).rejects.toBeInstanceOf(DomainRefusal);
    await expect(run).rejects.toMatchObject({ status: 409, error: { code: 'REFERRAL_ALREADY_ACCEPTED' } });
    expect(appended).toEqual([]);
  });

  it('answers the new state, version and appended events', async () => {
    const repo = {
      create: async () => ({ ok: true, state: { status: 'requested' }, version: 1, events: [{ eventId: 'e1', type: 'assistance.requested', streamVersion: 1, hash: 'h', payload: {} }] }),
    };
    const r = await runCommand(backbone as never, repo as never, { id: 'a1', streamId: 'assistance-a1', create: true }, jiashanActor(), () => ({ ok: true, value: [] }));
    expect(r).toEqual({ id: 'a1', streamId: 'assistance-a1', version: 1, state: { status: 'requested' }, events: [{ eventId: 'e1', type: 'assistance.requested', streamVersion: 1, hash: 'h' }] });
  });

  function jiashanActor() {
    return { userId: 'bureau-jsh-1', bureau: '330421', role: 'bureau' as const };
  }
});

describe('inbox queries', () => {
  const scope = '330421' as ScopedBureau;
  const today = '2026-03-01';
  const fields = { incoming: 'toBureau', outgoing: 'fromBureau', undecided: 'delivered' };

  it('scopes every box to the caller’s bureau; all bureaus only without a scope', () => {
    expect(inboxFilter({ scope, box: 'incoming' }, fields, today)).toEqual({ toBureau: scope });
    expect(inboxFilter({ scope, box: 'outgoing' }, fields, today)).toEqual({ fromBureau: scope });
    expect(inboxFilter({ scope }, fields, today)).toEqual({ parties: scope });
    expect(inboxFilter({ scope, box: 'designation' }, fields, today)).toEqual({ designatingAuthority: scope, status: 'disputed' });
    expect(inboxFilter({ scope: undefined, box: 'incoming' }, fields, today)).toEqual({});
  });

  it('combines filters, overdue and the cursor', () => {
    const cursor = encodeCursor('2026-03-09', 'r1');
    expect(decodeCursor(cursor)).toEqual(['2026-03-09', 'r1']);
    expect(inboxFilter({ scope, box: 'incoming', status: 'delivered', urgency: 'urgent', overdue: true, cursor }, fields, today)).toEqual({
      $and: [
        { toBureau: scope },
        { status: 'delivered' },
        { urgency: 'urgent' },
        { $or: [{ overdue: true }, { status: 'delivered', dueKey: { $lt: today } }] },
        { $or: [{ dueKey: { $gt: '2026-03-09' } }, { dueKey: '2026-03-09', _id: { $gt: 'r1' } }] },
      ],
    });
    expect(() => decodeCursor('garbage')).toThrow(/cursor/);
  });

  it('working days left and lateness at read time', () => {
    const calendar = new HolidayCalendar(bundledNotices().filter((n) => n.year <= 2026));
    expect(deadlineStatus('2026-03-09', true, false, '2026-03-04', calendar)).toEqual({ workingDaysLeft: 3, overdue: false });
    expect(deadlineStatus('2026-03-09', true, false, '2026-03-10', calendar)).toEqual({ workingDaysLeft: -1, overdue: true });
    expect(deadlineStatus('2026-03-09', false, false, '2026-03-10', calendar)).toEqual({ workingDaysLeft: -1, overdue: false });
    expect(deadlineStatus(undefined, true, false, '2026-03-10', calendar)).toEqual({ overdue: false });
  });
});
