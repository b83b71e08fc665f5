import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilFromDay, dayFromCivil, daysInMonth, isLeapYear } from '../../src/core/calendar.js';
import { formatCalendarDate, parseCalendarDate, ValidationError } from '../../src/index.js';

// Day numbers worked out by hand: 1970–2021 is 52 years with 13 leap days (1972 … 2020), so
// 2022-01-01 is 52 × 365 + 13 = 18993; 2022-07-01 adds 31+28+31+30+31+30 = 181 → 19174.
describe('parseCalendarDate', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2022-01-01', 18993],
    ['2022-07-01', 19174],
    ['2022-12-31', 18993 + 364],
    ['2000-01-01', 10957], // 30 × 365 + 7 leap days (1972 … 1996)
    ['1900-01-01', -25567], // −(70 × 365 + 17 leap days 1904 … 1968)
  ])('%s → %i', (text, day) => {
    expect(parseCalendarDate(text)).toBe(day);
  });

  it('leap years: divisible by 4, not by 100 unless by 400', () => {
    expect(parseCalendarDate('2024-02-29')).toBe(parseCalendarDate('2024-03-01')! - 1);
    expect(parseCalendarDate('2000-02-29')).toBe(11016); // 10957 + 31 + 28
    expect(parseCalendarDate('2023-02-29')).toBeUndefined();
    expect(parseCalendarDate('2100-02-29')).toBeUndefined();
    expect(parseCalendarDate('1900-02-29')).toBeUndefined();
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2022)).toBe(false);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2022, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(daysInMonth(2024, 2)).toBe(29);
  });

  it.each([
    '2022-02-30',
    '2022-02-29',
    '2022-04-31',
    '2022-13-01',
    '2022-00-10',
    '2022-01-00',
    '2022-01-32',
    '2022-07-01T00:00:00+08:00',
    '2022-07-01T00:00:00Z',
    '2022-07-01 ',
    ' 2022-07-01',
    '2022-07-01\n',
    '2022-7-1',
    '20220701',
    '2022/07/01',
    '２０２２-07-01',
    '+2022-07-01',
    '1899-12-31',
    '3000-01-01',
    '',
  ])('refuses %j', (text) => {
    expect(parseCalendarDate(text)).toBeUndefined();
  });

  it('accepts the ends of its range', () => {
    expect(parseCalendarDate('1900-01-01')).toBe(-25567);
    expect(formatCalendarDate(parseCalendarDate('2999-12-31') as number)).toBe('2999-12-31');
  });
});

describe('formatCalendarDate', () => {
  it.each([
    [0, '1970-01-01'],
    [-1, '1969-12-31'],
    [19174, '2022-07-01'],
    [11016, '2000-02-29'],
    [-25567, '1900-01-01'],
    [-719528, '0000-01-01'], // 1970 × 365 + 478 leap days (493 years 0, 4 … 1968, less the 15 centuries not divisible by 400)
    [2932896, '9999-12-31'],
  ])('%i → %s', (day, text) => {
    expect(formatCalendarDate(day)).toBe(text);
  });

  it.each([Number.NaN, 0.5, -719529, 2932897, Infinity, '19174' as unknown as number, undefined as unknown as number])(
    '%s: a ValidationError at dayNumber, in Chinese or English, never a text like 0NaN-NaN-NaN',
    (day) => {
      const error = (lang?: 'en'): ValidationError => {
        try {
          formatCalendarDate(day, lang);
        } catch (e) {
          return e as ValidationError;
        }
        throw new Error('no error');
      };
      const zh = error();
      expect(zh).toBeInstanceOf(ValidationError);
      expect(zh.issues.map((i) => [i.code, i.path])).toEqual([['invalid-day-number', ['dayNumber']]]);
      expect(zh.issues[0]?.message).toMatch(/^日序号「.+」无效/);
      expect(error('en').issues[0]?.message).toMatch(/^invalid day number ".+"/);
    },
  );
});

describe('day numbers', () => {
  it('dayFromCivil(1970, 1, 1) is 0, and civilFromDay inverts it', () => {
    expect(dayFromCivil(1970, 1, 1)).toBe(0);
    expect(civilFromDay(0)).toEqual({ year: 1970, month: 1, day: 1 });
    expect(dayFromCivil(2022, 7, 1)).toBe(19174);
    expect(civilFromDay(19174)).toEqual({ year: 2022, month: 7, day: 1 });
  });

  const MIN = -25567; // 1900-01-01
  const MAX = dayFromCivil(2999, 12, 31);

  it('round trip: parse(format(d)) = d over the whole range (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN, max: MAX }), (d) => {
        const text = formatCalendarDate(d);
        expect(text).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(parseCalendarDate(text)).toBe(d);
      }),
      { numRuns: 2000 },
    );
  });

  it('consecutive day numbers are consecutive dates, in increasing text order (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN, max: MAX - 1 }), (d) => {
        const a = civilFromDay(d);
        const b = civilFromDay(d + 1);
        if (a.day < daysInMonth(a.year, a.month)) expect(b).toEqual({ ...a, day: a.day + 1 });
        else if (a.month < 12) expect(b).toEqual({ year: a.year, month: a.month + 1, day: 1 });
        else expect(b).toEqual({ year: a.year + 1, month: 1, day: 1 });
        expect(formatCalendarDate(d) < formatCalendarDate(d + 1)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('every real date of the range parses, and formats back to the same text (property)', () => {
    const date = fc
      .record({ year: fc.integer({ min: 1900, max: 2999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
      .filter(({ year, month, day }) => day <= daysInMonth(year, month));
    fc.assert(
      fc.property(date, ({ year, month, day }) => {
        const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        const n = parseCalendarDate(text);
        expect(n).toBe(dayFromCivil(year, month, day));
        expect(formatCalendarDate(n as number)).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('a full sweep from 1969-12-01 to 2030-12-31 agrees with UTC Date arithmetic', () => {
    // UTC Date is independent of the machine's zone; used here only as an oracle.
    for (let d = -31; d <= dayFromCivil(2030, 12, 31); d++) {
      expect(formatCalendarDate(d)).toBe(new Date(d * 86_400_000).toISOString().slice(0, 10));
    }
  });
});
