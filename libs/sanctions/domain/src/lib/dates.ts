import { addCalendarDays, compareDates, IsoDate, isIsoDate } from '@yrd/calendar';

export { addCalendarDays, compareDates, isIsoDate };
export type { IsoDate };

/** The same calendar day `years` later (29 Feb → 28 Feb in a common year). */
export function addYears(date: IsoDate, years: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, 1));
  const lastDay = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Whether `date` lies in [from, until] (until inclusive; open-ended when absent). */
export function within(date: IsoDate, from: IsoDate, until?: IsoDate | null): boolean {
  return compareDates(from, date) <= 0 && (until == null || compareDates(date, until) <= 0);
}
