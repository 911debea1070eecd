import chineseDays from 'chinese-days/dist/chinese-days.json';
import { addCalendarDays, assertIsoDate, compareDates, dayOfWeek, IsoDate, yearOf } from './dates';
import { bundledNoticeSource, NoticeSource } from './notice-sources';

/**
 * One year's holiday arrangement, as the State Council's notice gives it: the days off that would
 * otherwise be working days (and the weekend days inside a holiday period), and the weekend days
 * that are worked instead (调休/补班).
 *
 * A notice for year Y may also touch the last days of December of Y−1 (the 2019 notice made
 * 2018-12-29 a working day and 12-30/31 holidays), so dates from December `year − 1` are accepted
 * in `holidays` and `workdays` too.
 */
export interface HolidayNotice {
  year: number;
  holidays: readonly IsoDate[];
  workdays: readonly IsoDate[];
  source: NoticeSource;
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup-workday';

/** Every answer says whether it rests on notices that are not loaded yet, and which. */
export interface Provisional {
  /** True when a date involved lies in a year whose holiday notice is not loaded. */
  provisional: boolean;
  /** e.g. ["2027 holiday notice not loaded"]; empty when final. */
  reasons: string[];
}

export interface DayStatus extends Provisional {
  date: IsoDate;
  working: boolean;
  kind: DayKind;
}

export interface WorkingDaysAdded extends Provisional {
  date: IsoDate;
}

export interface WorkingDaysCounted extends Provisional {
  days: number;
}

export interface HolidayCalendarOptions {
  /**
   * How many days at the end of December also depend on the next year's notice. The notices of
   * 2007, 2008, 2012, 2019 and 2023 changed days from 29 December of the previous year on, so by
   * default 29–31 December stay provisional until the next year's notice is loaded. 0 disables.
   */
  crossYearDays?: number;
}

interface LoadedNotice {
  year: number;
  holidays: ReadonlySet<IsoDate>;
  workdays: ReadonlySet<IsoDate>;
  source: NoticeSource;
}

/** Thrown for malformed notice data (an administrator's input, not a business outcome). */
export class HolidayNoticeError extends Error {
  override readonly name = 'HolidayNoticeError';
}

export const notLoadedReason = (year: number): string => `${year} holiday notice not loaded`;

/**
 * Working days in mainland China, year by year, from the State Council's holiday notices.
 * Years whose notice is not loaded are counted as plain Monday–Friday weeks, and every answer
 * that relies on such a year says so (`provisional: true`, with the reason).
 */
export class HolidayCalendar {
  private readonly notices = new Map<number, LoadedNotice>();
  private readonly crossYearDays: number;

  constructor(notices: readonly HolidayNotice[] = [], options: HolidayCalendarOptions = {}) {
    const crossYearDays = options.crossYearDays ?? 3;
    if (!Number.isInteger(crossYearDays) || crossYearDays < 0 || crossYearDays > 31) {
      throw new RangeError('crossYearDays must be an integer between 0 and 31');
    }
    this.crossYearDays = crossYearDays;
    notices.forEach((n) => this.loadYear(n));
  }

  /** A fresh calendar holding every year the bundled `chinese-days` data carries (2004–2026). */
  static bundled(options: HolidayCalendarOptions = {}): HolidayCalendar {
    return new HolidayCalendar(bundledNotices(), options);
  }

  /**
   * Loads (or replaces) one year's notice. Replacing is how a later amendment is applied
   * (as in 2020, when the Spring Festival holiday was extended).
   */
  loadYear(notice: HolidayNotice): void {
    const { year } = notice;
    if (!Number.isInteger(year) || year < 1999 || year > 9998) {
      throw new HolidayNoticeError(`year must be an integer year, got ${String(year)}`);
    }
    if (!notice.source || typeof notice.source.title !== 'string' || notice.source.title.trim() === '') {
      throw new HolidayNoticeError(`the ${year} notice needs a source with a title`);
    }
    const check = (date: IsoDate, list: string): void => {
      try {
        assertIsoDate(date, `${list} entry`);
      } catch (e) {
        throw new HolidayNoticeError((e as Error).message);
      }
      const y = yearOf(date);
      const lateDecemberOfPrevious = y === year - 1 && date.slice(5, 7) === '12';
      if (y !== year && !lateDecemberOfPrevious) {
        throw new HolidayNoticeError(`${list} entry ${date} is outside the ${year} notice's range`);
      }
    };
    notice.holidays.forEach((d) => check(d, 'holidays'));
    notice.workdays.forEach((d) => check(d, 'workdays'));
    const holidays = new Set(notice.holidays);
    const workdays = new Set(notice.workdays);
    const both = [...holidays].filter((d) => workdays.has(d));
    if (both.length > 0) {
      throw new HolidayNoticeError(`${both.join(', ')} listed both as holiday and as workday`);
    }
    this.notices.set(year, {
      year,
      holidays,
      workdays,
      source: { ...notice.source, urls: [...(notice.source.urls ?? [])] },
    });
  }

  /** Years whose notice is loaded, ascending. */
  loadedYears(): number[] {
    return [...this.notices.keys()].sort((a, b) => a - b);
  }

  isYearLoaded(year: number): boolean {
    return this.notices.has(year);
  }

  /** The notice reference a year's data rests on. */
  sourceOf(year: number): NoticeSource | undefined {
    const n = this.notices.get(year);
    return n ? { ...n.source, urls: [...n.source.urls] } : undefined;
  }

  /** The loaded notice for a year, as data (e.g. to persist or display it). */
  noticeOf(year: number): HolidayNotice | undefined {
    const n = this.notices.get(year);
    if (!n) return undefined;
    return {
      year,
      holidays: [...n.holidays].sort(),
      workdays: [...n.workdays].sort(),
      source: { ...n.source, urls: [...n.source.urls] },
    };
  }

  /** Notice years a date's status depends on: its own year, and the next one at the end of December. */
  private yearsGoverning(date: IsoDate): number[] {
    const year = yearOf(date);
    const years = [year];
    if (this.crossYearDays > 0 && date.slice(5, 7) === '12' && Number(date.slice(8, 10)) > 31 - this.crossYearDays) {
      years.push(year + 1);
    }
    return years;
  }

  private classify(date: IsoDate): { working: boolean; kind: DayKind; missing: number[] } {
    const governing = this.yearsGoverning(date);
    const missing = governing.filter((y) => !this.notices.has(y));
    // A later year's notice speaks last about the late-December days it covers.
    for (const y of [...governing].reverse()) {
      const n = this.notices.get(y);
      if (n?.workdays.has(date)) return { working: true, kind: 'makeup-workday', missing };
      if (n?.holidays.has(date)) return { working: false, kind: 'holiday', missing };
    }
    const dow = dayOfWeek(date);
    const weekend = dow === 0 || dow === 6;
    return { working: !weekend, kind: weekend ? 'weekend' : 'workday', missing };
  }

  isWorkingDay(date: IsoDate): DayStatus {
    const { working, kind, missing } = this.classify(date);
    return { date, working, kind, ...provisional(new Set(missing)) };
  }

  /**
   * The `n`-th working day after `start`. Counting starts the day after `start` (the day of
   * receipt or discovery is not counted), so a 15-working-day deadline from receipt on `start`
   * is `addWorkingDays(start, 15)`. `n = 0` gives `start` itself.
   */
  addWorkingDays(start: IsoDate, n: number): WorkingDaysAdded {
    assertIsoDate(start, 'start');
    if (!Number.isInteger(n) || n < 0 || n > 10_000) {
      throw new RangeError(`n must be a whole number of working days (0–10000), got ${n}`);
    }
    const missing = new Set<number>();
    let date = start;
    let counted = 0;
    while (counted < n) {
      date = addCalendarDays(date, 1);
      const day = this.classify(date);
      day.missing.forEach((y) => missing.add(y));
      if (day.working) counted += 1;
    }
    return { date, ...provisional(missing) };
  }

  /**
   * Working days after `from` up to and including `to` (so `workingDaysBetween(s,
   * addWorkingDays(s, n).date)` is `n`). Negative when `to` is before `from`.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): WorkingDaysCounted {
    assertIsoDate(from, 'from');
    assertIsoDate(to, 'to');
    const sign = compareDates(to, from) < 0 ? -1 : 1;
    const [a, b] = sign < 0 ? [to, from] : [from, to];
    const missing = new Set<number>();
    let days = 0;
    for (let d = addCalendarDays(a, 1); compareDates(d, b) <= 0; d = addCalendarDays(d, 1)) {
      const day = this.classify(d);
      day.missing.forEach((y) => missing.add(y));
      if (day.working) days += 1;
    }
    return { days: sign * days, ...provisional(missing) };
  }
}

function provisional(missing: ReadonlySet<number>): Provisional {
  const years = [...missing].sort((x, y) => x - y);
  return { provisional: years.length > 0, reasons: years.map(notLoadedReason) };
}

type DayMap = Readonly<Record<string, string>>;

/**
 * The bundled data, regrouped by notice year. `chinese-days` files a date under its calendar
 * year; a late-December date that belongs to the next year's New Year's Day arrangement
 * (e.g. 2018-12-29, worked for the 2019 New Year holiday) is moved to that next year's notice.
 */
export function bundledNotices(): HolidayNotice[] {
  const byYear = new Map<number, { holidays: IsoDate[]; workdays: IsoDate[] }>();
  const noticeYear = (date: IsoDate, name: string): number => {
    const y = yearOf(date);
    return date.slice(5, 7) === '12' && name.includes('元旦') ? y + 1 : y;
  };
  const add = (map: DayMap, list: 'holidays' | 'workdays'): void => {
    for (const [date, name] of Object.entries(map)) {
      const y = noticeYear(date, name);
      const entry = byYear.get(y) ?? { holidays: [], workdays: [] };
      entry[list].push(date);
      byYear.set(y, entry);
    }
  };
  add(chineseDays.holidays as DayMap, 'holidays');
  add(chineseDays.workdays as DayMap, 'workdays');
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, days]) => {
      const source = bundledNoticeSource(year);
      if (!source) throw new HolidayNoticeError(`bundled holiday data for ${year} has no source notice reference`);
      return { year, holidays: days.holidays.sort(), workdays: days.workdays.sort(), source };
    });
}
