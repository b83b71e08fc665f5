/**
 * Calendar dates as whole day numbers (days since 1970-01-01), computed with integer
 * arithmetic only. Records carry dates in China Standard Time as plain `YYYY-MM-DD`; doing the
 * arithmetic on integers rather than `Date` objects keeps every result independent of the
 * time zone of the machine that runs it.
 */

import { makeIssue, receivedOf } from './issue.js';
import type { Lang } from './lang.js';
import { ValidationError } from './validation-error.js';

// A date is YYYY-MM-DD exactly (the pattern /^(\d{4})-(\d{2})-(\d{2})$/, ASCII digits only).
const DASH = 0x2d;
const ZERO = 0x30;
/** The years a date may fall in: outside them a date is almost surely a typing error. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2999;

/** The number written by ASCII digits from `start` to `end`, or -1 if any is not a digit. */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const d = text.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** A calendar day: days since 1970-01-01 (negative before). */
export type DayNumber = number;

/**
 * Whether `year` is a Gregorian leap year.
 *
 * @example
 * isLeapYear(2024); // true
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Days in a month (1-based month).
 *
 * @example
 * daysInMonth(2022, 2); // 28
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The day number of a civil date (proleptic Gregorian), by Howard Hinnant's days_from_civil.
 *
 * @example
 * dayFromCivil(1970, 1, 1); // 0
 */
export function dayFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * The civil date of a day number.
 *
 * @example
 * civilFromDay(0); // { year: 1970, month: 1, day: 1 }
 */
export function civilFromDay(dayNumber: DayNumber): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * Parses `YYYY-MM-DD` into a day number, or `undefined` when the text is not a real date
 * (`2022-02-30`, `2022-13-01`) or carries a time or an offset.
 *
 * @example
 * parseCalendarDate('2022-07-01'); // 19174
 * parseCalendarDate('2022-02-30'); // undefined
 */
export function parseCalendarDate(text: string): DayNumber | undefined {
  // The pattern, read digit by digit: no match object or substrings per date (one per record).
  if (typeof text !== 'string' || text.length !== 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  if (year < 0 || month < 0 || day < 0) return undefined;
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayFromCivil(year, month, day);
}

/**
 * The day numbers of the first and last dates {@link parseCalendarDate} reads: 1900-01-01 and
 * 2999-12-31.
 *
 * @example
 * CALENDAR_DAYS.first; // -25567
 */
export const CALENDAR_DAYS = { first: dayFromCivil(FIRST_YEAR, 1, 1), last: dayFromCivil(LAST_YEAR, 12, 31) } as const;

/**
 * Whether a value is the day number of a date {@link parseCalendarDate} reads: what a record's
 * days can be, and so what a partial state's days must be.
 *
 * @example
 * isCalendarDay(19174); // true (2022-07-01)
 * isCalendarDay(1e15); // false
 */
export function isCalendarDay(value: unknown): value is DayNumber {
  return Number.isSafeInteger(value) && (value as number) >= CALENDAR_DAYS.first && (value as number) <= CALENDAR_DAYS.last;
}

/** The day numbers of 0000-01-01 and 9999-12-31: the dates `YYYY-MM-DD` can write. */
const FIRST_WRITABLE = -719528;
const LAST_WRITABLE = 2932896;

/**
 * Formats a day number as `YYYY-MM-DD`. Anything but a whole number of days for a date from
 * 0000-01-01 to 9999-12-31 (`NaN`, a fraction, a string) is a `ValidationError` (code
 * `invalid-day-number`, in `lang`), not a text such as "0NaN-NaN-NaN".
 *
 * @example
 * formatCalendarDate(19174); // '2022-07-01'
 * formatCalendarDate(Number.NaN); // throws ValidationError
 */
export function formatCalendarDate(dayNumber: DayNumber, lang: Lang = 'zh'): string {
  if (!(Number.isInteger(dayNumber) && dayNumber >= FIRST_WRITABLE && dayNumber <= LAST_WRITABLE)) {
    throw new ValidationError('query', [makeIssue('invalid-day-number', ['dayNumber'], { value: receivedOf(dayNumber) }, lang)], lang);
  }
  const { year, month, day } = civilFromDay(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
