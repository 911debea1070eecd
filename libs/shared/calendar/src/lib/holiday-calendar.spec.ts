import * as chineseDays from 'chinese-days';
import { addWorkingDays, defaultCalendar, isWorkingDay, workingDaysBetween } from './calendar';
import { chinaDateOf } from './dates';
import { bundledNotices, HolidayCalendar, HolidayNotice, HolidayNoticeError } from './holiday-calendar';

/** The bundled data as it stands without 2027, whatever a later package version carries. */
const upTo2026 = (): HolidayCalendar => new HolidayCalendar(bundledNotices().filter((n) => n.year <= 2026));

/** A made-up 2027 arrangement for the tests (NOT the real notice, which is not published yet). */
const fake2027: HolidayNotice = {
  year: 2027,
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
  workdays: [],
  source: { title: 'test fixture: 2027 arrangement', urls: [] },
};

describe('HolidayCalendar', () => {
  describe('bundled data (chinese-days)', () => {
    it('holds one notice per year, 2004 through the last year the package carries, each with its source', () => {
      const years = defaultCalendar.loadedYears();
      expect(years[0]).toBe(2004);
      expect(years).toEqual(Array.from({ length: years.length }, (_, i) => 2004 + i));
      expect(years).toContain(2026);
      for (const y of years) expect(defaultCalendar.sourceOf(y)?.title).toContain(`${y}年部分节假日安排`);
      expect(defaultCalendar.sourceOf(2026)?.urls[0]).toContain('content_7047091');
      expect(defaultCalendar.sourceOf(2025)?.documentNumber).toBe('国办发明电〔2024〕12号');
    });

    it('chinese-days 1.5.7 has no 2027 data: it calls 2027-01-01 a workday, and the calendar says 2027 is not loaded', () => {
      expect(chineseDays.isWorkday('2027-01-01')).toBe(true);
      expect(upTo2026().isYearLoaded(2027)).toBe(false);
      expect(isWorkingDay('2027-01-01', upTo2026())).toMatchObject({
        working: true,
        provisional: true,
        reasons: ['2027 holiday notice not loaded'],
      });
    });

    it('files late-December days under the next year’s notice (2019 notice: 2018-12-29 worked, 12-30/31 off)', () => {
      expect(isWorkingDay('2018-12-29')).toMatchObject({ working: true, kind: 'makeup-workday', provisional: false });
      expect(isWorkingDay('2018-12-31')).toMatchObject({ working: false, kind: 'holiday', provisional: false });
      expect(defaultCalendar.noticeOf(2019)?.workdays).toContain('2018-12-29');
      const without2019 = new HolidayCalendar(bundledNotices().filter((n) => n.year <= 2018));
      expect(without2019.isWorkingDay('2018-12-29')).toMatchObject({
        working: false,
        kind: 'weekend',
        provisional: true,
        reasons: ['2019 holiday notice not loaded'],
      });
    });
  });

  describe('isWorkingDay', () => {
    it.each([
      ['2026-02-14', true, 'makeup-workday'],
      ['2026-02-15', false, 'holiday'],
      ['2026-02-23', false, 'holiday'],
      ['2026-02-24', true, 'workday'],
      ['2026-02-28', true, 'makeup-workday'],
      ['2026-03-01', false, 'weekend'],
      ['2025-09-28', true, 'makeup-workday'],
      ['2025-10-08', false, 'holiday'],
      ['2025-10-11', true, 'makeup-workday'],
    ])('%s → working %s (%s)', (date, working, kind) => {
      expect(isWorkingDay(date)).toEqual({ date, working, kind, provisional: false, reasons: [] });
    });
  });

  describe('addWorkingDays (counting starts the day after receipt)', () => {
    it('2026 Spring Festival: 15 working days from 2026-02-10 end on 2026-03-09, counting both Saturday make-up days', () => {
      // Given a clue received on Tuesday 10 February 2026
      // When the 15-working-day check deadline is computed
      const due = addWorkingDays('2026-02-10', 15);
      // Then 11–14 Feb (14th a make-up Saturday), 24–28 Feb (28th a make-up Saturday), 2–6 and 9 March count
      expect(due).toEqual({ date: '2026-03-09', provisional: false, reasons: [] });
      // (weekdays only would give 03-03; holidays without make-up days would give 03-11)
    });

    it('2025 National Day: 09-28 (Sunday) and 10-11 (Saturday) are working days', () => {
      expect(addWorkingDays('2025-09-26', 1).date).toBe('2025-09-28');
      expect(addWorkingDays('2025-09-26', 5).date).toBe('2025-10-10');
      expect(addWorkingDays('2025-09-26', 6).date).toBe('2025-10-11');
      expect(addWorkingDays('2025-09-26', 15)).toEqual({ date: '2025-10-23', provisional: false, reasons: [] });
    });

    it('n = 0 is the start date itself; the start day is never counted', () => {
      expect(addWorkingDays('2026-02-14', 0).date).toBe('2026-02-14');
      expect(addWorkingDays('2026-02-13', 1).date).toBe('2026-02-14');
    });

    it('rejects negative or fractional counts and malformed dates', () => {
      expect(() => addWorkingDays('2026-02-10', -1)).toThrow(RangeError);
      expect(() => addWorkingDays('2026-02-10', 1.5)).toThrow(RangeError);
      expect(() => addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
      expect(() => addWorkingDays('10/02/2026', 1)).toThrow(RangeError);
    });

    it('a deadline reaching into 2027 is provisional, and final once the 2027 notice is loaded', () => {
      // Given a calendar without 2027 and a referral received on Tuesday 15 December 2026
      const calendar = upTo2026();
      // When the 15-working-day deadline is computed
      const before = calendar.addWorkingDays('2026-12-15', 15);
      // Then 2027-01-01 counts as an ordinary Friday, and the answer says it is provisional
      expect(before).toEqual({ date: '2027-01-05', provisional: true, reasons: ['2027 holiday notice not loaded'] });

      // When an administrator loads the 2027 notice
      calendar.loadYear(fake2027);
      // Then the same computation is final and takes the new holiday into account
      expect(calendar.addWorkingDays('2026-12-15', 15)).toEqual({
        date: '2027-01-06',
        provisional: false,
        reasons: [],
      });
      expect(calendar.isYearLoaded(2027)).toBe(true);
      expect(calendar.sourceOf(2027)?.title).toBe('test fixture: 2027 arrangement');
    });

    it('29–31 December stay provisional until the next year’s notice is loaded (it may rearrange them)', () => {
      const calendar = upTo2026();
      expect(calendar.addWorkingDays('2026-12-08', 14)).toEqual({
        date: '2026-12-28',
        provisional: false,
        reasons: [],
      });
      expect(calendar.addWorkingDays('2026-12-08', 15)).toEqual({
        date: '2026-12-29',
        provisional: true,
        reasons: ['2027 holiday notice not loaded'],
      });
      const strictYear = new HolidayCalendar(
        bundledNotices().filter((n) => n.year <= 2026),
        { crossYearDays: 0 },
      );
      expect(strictYear.addWorkingDays('2026-12-08', 15).provisional).toBe(false);
    });

    it('a 2027 notice may carry late-December 2026 days', () => {
      const calendar = upTo2026();
      calendar.loadYear({ ...fake2027, holidays: ['2026-12-31', ...fake2027.holidays] });
      expect(calendar.isWorkingDay('2026-12-31')).toMatchObject({
        working: false,
        kind: 'holiday',
        provisional: false,
      });
    });
  });

  describe('workingDaysBetween', () => {
    it('counts the days after `from` up to and including `to`', () => {
      expect(workingDaysBetween('2026-02-10', '2026-03-09')).toEqual({ days: 15, provisional: false, reasons: [] });
      expect(workingDaysBetween('2026-03-09', '2026-02-10').days).toBe(-15);
      expect(workingDaysBetween('2026-02-10', '2026-02-10').days).toBe(0);
      expect(workingDaysBetween('2025-09-30', '2025-10-09').days).toBe(1);
    });

    it('is provisional when the range reaches an unloaded year', () => {
      expect(upTo2026().workingDaysBetween('2026-12-20', '2027-01-10')).toMatchObject({
        provisional: true,
        reasons: ['2027 holiday notice not loaded'],
      });
    });
  });

  describe('loadYear', () => {
    it('rejects malformed notices', () => {
      const cal = upTo2026();
      expect(() => cal.loadYear({ ...fake2027, holidays: ['2027-13-01'] })).toThrow(HolidayNoticeError);
      expect(() => cal.loadYear({ ...fake2027, holidays: ['2028-01-01'] })).toThrow(/outside the 2027 notice/);
      expect(() => cal.loadYear({ ...fake2027, workdays: ['2027-01-01'] })).toThrow(/both as holiday and as workday/);
      expect(() => cal.loadYear({ ...fake2027, source: { title: ' ', urls: [] } })).toThrow(/source/);
      expect(cal.isYearLoaded(2027)).toBe(false);
    });

    it('replaces a year (an amending notice)', () => {
      const cal = upTo2026();
      cal.loadYear(fake2027);
      cal.loadYear({ ...fake2027, holidays: [], source: { title: 'amended', urls: ['https://example.org'] } });
      expect(cal.isWorkingDay('2027-01-01').working).toBe(true);
      expect(cal.noticeOf(2027)?.source.title).toBe('amended');
    });
  });

  describe('chinaDateOf', () => {
    it('gives the date in Asia/Shanghai', () => {
      expect(chinaDateOf(new Date('2026-02-13T15:59:59Z'))).toBe('2026-02-13');
      expect(chinaDateOf(new Date('2026-02-13T16:00:00Z'))).toBe('2026-02-14');
    });
  });
});
