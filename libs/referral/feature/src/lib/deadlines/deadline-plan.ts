import { addCalendarDays, compareDates, HolidayCalendar, IsoDate } from '@yrd/calendar';

/** What a deadline job acts on. */
export type DeadlineAggregate = 'referral' | 'assistance';
export type DeadlineJobKind = 'remind' | 'overdue';

/** A deadline to watch: the item, its due date, and when the clock started. */
export interface DeadlineTarget {
  aggregate: DeadlineAggregate;
  id: string;
  streamId: string;
  /** Last day (inclusive, China time). */
  dueDate: IsoDate;
  /** Day of receipt: working days are counted from the day after. */
  receivedOn: IsoDate;
  /** Instant of delivery (referral) or request (assistance): the origin of compressed time. */
  deliveredAt: string;
}

/** The job payload (kept small: everything else is read from the stream when it runs). */
export interface DeadlineJobData {
  kind: DeadlineJobKind;
  aggregate: DeadlineAggregate;
  id: string;
  streamId: string;
  dueDate: IsoDate;
  /**
   * The instant the job stands for: 09:00 China time on the reminder day, or 00:00 China time the
   * day after the due date (the due date has ended). The worker decides with
   * `now = max(real now, at)`: with the real calendar the job fires at (or after) `at`, so this is
   * the real time; with compressed time it fires early and the decider is told the instant it
   * stands for, so "has the deadline passed?" keeps its legal meaning.
   */
  at: string;
}

export interface PlannedJob {
  /** `remind:<streamId>:<dueDate>` / `overdue:<streamId>:<dueDate>`: a redelivered event never schedules twice. */
  jobId: string;
  delayMs: number;
  data: DeadlineJobData;
}

export interface PlanOptions {
  calendar: HolidayCalendar;
  /** Remind this many working days before the due date (0: no reminder). */
  reminderWorkingDays: number;
  /** Compressed time: one working day lasts this many seconds from delivery. Undefined: real time. */
  secondsPerWorkingDay?: number;
}

export const deadlineJobId = (kind: DeadlineJobKind, streamId: string, dueDate: IsoDate): string =>
  `${kind}:${streamId}:${dueDate}`;

/** The working day `n` working days before `date` (`date` itself when n = 0). */
export function workingDaysBefore(date: IsoDate, n: number, calendar: HolidayCalendar): IsoDate {
  let d = date;
  for (let counted = 0; counted < n; ) {
    d = addCalendarDays(d, -1);
    if (calendar.isWorkingDay(d).working) counted++;
  }
  return d;
}

/** `date` at hh:00 China time (UTC+8), as an instant. */
export const chinaTime = (date: IsoDate, hour: number): Date =>
  new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);

/**
 * The reminder and the overdue check for a deadline, as delayed jobs. A reminder whose day is not
 * after the day of receipt (a deadline shorter than the reminder window) is left out.
 */
export function planDeadlineJobs(target: DeadlineTarget, now: Date, opts: PlanOptions): PlannedJob[] {
  const jobs: PlannedJob[] = [];
  const compressed = opts.secondsPerWorkingDay;
  const origin = new Date(target.deliveredAt).getTime();
  const firesAt = (day: IsoDate, at: Date): number =>
    compressed === undefined
      ? at.getTime()
      : origin + Math.max(0, opts.calendar.workingDaysBetween(target.receivedOn, day).days) * compressed * 1000;
  const job = (kind: DeadlineJobKind, day: IsoDate, at: Date): PlannedJob => ({
    jobId: deadlineJobId(kind, target.streamId, target.dueDate),
    delayMs: Math.max(0, firesAt(day, at) - now.getTime()),
    data: {
      kind,
      aggregate: target.aggregate,
      id: target.id,
      streamId: target.streamId,
      dueDate: target.dueDate,
      at: at.toISOString(),
    },
  });

  if (opts.reminderWorkingDays > 0) {
    const reminderDay = workingDaysBefore(target.dueDate, opts.reminderWorkingDays, opts.calendar);
    if (compareDates(reminderDay, target.receivedOn) > 0) jobs.push(job('remind', reminderDay, chinaTime(reminderDay, 9)));
  }
  jobs.push(job('overdue', target.dueDate, chinaTime(addCalendarDays(target.dueDate, 1), 0)));
  return jobs;
}

/** The `now` a deadline job is decided with (see `DeadlineJobData.at`). */
export const decisionTime = (data: DeadlineJobData, realNow: Date): Date =>
  new Date(Math.max(realNow.getTime(), new Date(data.at).getTime()));
