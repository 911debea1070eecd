import {
  BureauRegistry,
  bureauRegistry,
  DEFAULT_DESIGNATING_AUTHORITY_POLICY,
  DesignatingAuthorityPolicy,
} from '@yrd/bureaus';
import { chinaDateOf, compareDates, defaultCalendar, HolidayCalendar, IsoDate } from '@yrd/calendar';

/**
 * A working-day deadline. `dueDate` is the last day (inclusive, China time). When it rests on a
 * year whose holiday notice is not loaded it is `provisional`, with the reasons, and is recomputed
 * (as an event) once the notice is loaded. An explicit date (an extension the bureau set itself)
 * has no `basis` and is never recomputed.
 */
export interface Deadline {
  dueDate: IsoDate;
  provisional: boolean;
  reasons: string[];
  /** Counted from `from` (not included) over `workingDays` working days. */
  basis?: { from: IsoDate; workingDays: number };
}

/** What deciders consult besides the state: reference data and policy, replaceable in tests. */
export interface DomainContext {
  calendar: HolidayCalendar;
  registry: BureauRegistry;
  designatingPolicy: DesignatingAuthorityPolicy;
}

export const defaultContext = (): DomainContext => ({
  calendar: defaultCalendar,
  registry: bureauRegistry,
  designatingPolicy: DEFAULT_DESIGNATING_AUTHORITY_POLICY,
});

export function workingDayDeadline(from: IsoDate, workingDays: number, calendar: HolidayCalendar): Deadline {
  const r = calendar.addWorkingDays(from, workingDays);
  return { dueDate: r.date, provisional: r.provisional, reasons: r.reasons, basis: { from, workingDays } };
}

export const explicitDeadline = (dueDate: IsoDate): Deadline => ({ dueDate, provisional: false, reasons: [] });

/** The deadline recomputed with the calendar as it is now; undefined when nothing changed. */
export function recomputed(deadline: Deadline, calendar: HolidayCalendar): Deadline | undefined {
  if (!deadline.basis) return undefined;
  const next = workingDayDeadline(deadline.basis.from, deadline.basis.workingDays, calendar);
  const same =
    next.dueDate === deadline.dueDate &&
    next.provisional === deadline.provisional &&
    next.reasons.join('\n') === deadline.reasons.join('\n');
  return same ? undefined : next;
}

/** Today in China. */
export const today = (now: Date): IsoDate => chinaDateOf(now);

/** True while the deadline's last day has not ended (China time). */
export const isOnOrBefore = (now: Date, deadline: Deadline): boolean => compareDates(today(now), deadline.dueDate) <= 0;

export const isNonEmpty = (s: unknown): s is string => typeof s === 'string' && s.trim().length > 0;
