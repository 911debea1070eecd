import { bundledNotices, HolidayCalendar } from '@yrd/calendar';
import { chinaTime, deadlineJobId, decisionTime, planDeadlineJobs, workingDaysBefore, type DeadlineTarget } from './deadline-plan';

const calendar = new HolidayCalendar(bundledNotices().filter((n) => n.year <= 2026));
// delivered 2026-02-10 (Tue): 15 working days across the Spring Festival → due 2026-03-09 (Mon)
const target: DeadlineTarget = {
  aggregate: 'referral',
  id: 'r1',
  streamId: 'referral-r1',
  dueDate: '2026-03-09',
  receivedOn: '2026-02-10',
  deliveredAt: '2026-02-10T02:00:00.000Z',
};

describe('deadline plan', () => {
  it('counts working days backwards over weekends and make-up days', () => {
    expect(workingDaysBefore('2026-03-09', 3, calendar)).toBe('2026-03-04');
    expect(workingDaysBefore('2026-03-09', 0, calendar)).toBe('2026-03-09');
    // 2026-02-28 (Sat) is a make-up workday (补班); 2026-02-15..23 is the Spring Festival
    expect(workingDaysBefore('2026-03-02', 1, calendar)).toBe('2026-02-28');
    expect(workingDaysBefore('2026-02-24', 2, calendar)).toBe('2026-02-13');
  });

  describe('real calendar time', () => {
    const now = new Date(target.deliveredAt);
    const [remind, overdue] = planDeadlineJobs(target, now, { calendar, reminderWorkingDays: 3 });

    it('reminds at 09:00 China time three working days before, with a deterministic job id', () => {
      expect(remind).toEqual({
        jobId: 'remind:referral-r1:2026-03-09',
        delayMs: chinaTime('2026-03-04', 9).getTime() - now.getTime(),
        data: { kind: 'remind', aggregate: 'referral', id: 'r1', streamId: 'referral-r1', dueDate: '2026-03-09', at: '2026-03-04T01:00:00.000Z' },
      });
    });

    it('checks for overdue when the due date has ended in China (00:00 +08:00 the next day)', () => {
      expect(overdue?.jobId).toBe('overdue:referral-r1:2026-03-09');
      expect(overdue?.data.at).toBe('2026-03-09T16:00:00.000Z');
      expect(overdue?.delayMs).toBe(new Date('2026-03-09T16:00:00Z').getTime() - now.getTime());
    });

    it('never plans a negative delay, and leaves out a reminder inside the window at receipt', () => {
      const late = planDeadlineJobs(target, new Date('2026-04-01T00:00:00Z'), { calendar, reminderWorkingDays: 3 });
      expect(late.map((j) => j.delayMs)).toEqual([0, 0]);
      const short = planDeadlineJobs({ ...target, dueDate: '2026-02-12' }, now, { calendar, reminderWorkingDays: 3 });
      expect(short.map((j) => j.data.kind)).toEqual(['overdue']);
      expect(planDeadlineJobs(target, now, { calendar, reminderWorkingDays: 0 }).map((j) => j.data.kind)).toEqual(['overdue']);
    });
  });

  describe('compressed time (DEADLINE_SECONDS_PER_WORKING_DAY)', () => {
    it('fires N × seconds after delivery, N counted in working days from receipt', () => {
      const now = new Date(new Date(target.deliveredAt).getTime() + 500);
      const [remind, overdue] = planDeadlineJobs(target, now, { calendar, reminderWorkingDays: 3, secondsPerWorkingDay: 2 });
      expect(remind?.delayMs).toBe(12 * 2000 - 500);
      expect(overdue?.delayMs).toBe(15 * 2000 - 500);
      // the job still stands for the legal instant
      expect(overdue?.data.at).toBe('2026-03-09T16:00:00.000Z');
    });

    it('is decided at the instant it stands for when it fires early, at the real time when late', () => {
      const data = { kind: 'overdue' as const, aggregate: 'referral' as const, id: 'r1', streamId: 'referral-r1', dueDate: '2026-03-09', at: '2026-03-09T16:00:00.000Z' };
      expect(decisionTime(data, new Date('2026-02-10T03:00:00Z')).toISOString()).toBe('2026-03-09T16:00:00.000Z');
      expect(decisionTime(data, new Date('2026-03-11T00:00:00Z')).toISOString()).toBe('2026-03-11T00:00:00.000Z');
    });
  });

  it('job ids have exactly three ":"-separated parts (BullMQ accepts no other custom id with ":")', () => {
    expect(deadlineJobId('overdue', 'assistance-01JABC', '2026-03-09').split(':')).toHaveLength(3);
  });
});
