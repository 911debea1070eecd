import { IsoDate } from './dates';
import { DayStatus, HolidayCalendar, HolidayNotice, WorkingDaysAdded, WorkingDaysCounted } from './holiday-calendar';

/**
 * The process-wide calendar: the bundled years, plus whatever an administrator loads with
 * `loadYear`. Pass a calendar explicitly where a computation must not see later loads
 * (tests, replays that must reproduce a past answer).
 */
export const defaultCalendar: HolidayCalendar = HolidayCalendar.bundled();

export function addWorkingDays(
  start: IsoDate,
  n: number,
  calendar: HolidayCalendar = defaultCalendar,
): WorkingDaysAdded {
  return calendar.addWorkingDays(start, n);
}

export function workingDaysBetween(
  from: IsoDate,
  to: IsoDate,
  calendar: HolidayCalendar = defaultCalendar,
): WorkingDaysCounted {
  return calendar.workingDaysBetween(from, to);
}

export function isWorkingDay(date: IsoDate, calendar: HolidayCalendar = defaultCalendar): DayStatus {
  return calendar.isWorkingDay(date);
}

export function loadYear(notice: HolidayNotice, calendar: HolidayCalendar = defaultCalendar): void {
  calendar.loadYear(notice);
}
