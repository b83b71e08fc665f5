import { dayFromCivil, daysInMonth, formatCalendarDate, isCalendarDay, parseCalendarDate, type DayNumber } from '../core/calendar.js';
import { makeIssue, receivedOf, typeName, type Issue } from '../core/issue.js';
import { ValidationError } from '../core/validation-error.js';
import { fromZodIssues } from '../core/zod-issues.js';
import { PeriodSchema, type Period } from '../model/rules.js';

/** A period as day numbers (both ends inclusive) with its labels. */
export interface ResolvedPeriod {
  readonly start: DayNumber;
  readonly end: DayNumber;
  readonly label: { readonly zh: string; readonly en: string };
}

/** A cadence bucket: one month, quarter, half-year or year inside the period. */
export interface Bucket {
  /** The first day inside the period (a bucket the period starts in is cut to it). */
  readonly start: DayNumber;
  /** The last day inside the period (a bucket the period ends in is cut to it). */
  readonly end: DayNumber;
  /**
   * The bucket's own last day, before any cut: after `end` when the bucket runs past the period
   * (a quarter in a monthly period). Such a bucket is not over when the period is, so a cadence
   * never judges it missed.
   */
  readonly calendarEnd: DayNumber;
  readonly label: { readonly zh: string; readonly en: string };
}

/** Cadence units. */
export type CadenceUnit = 'month' | 'quarter' | 'half-year' | 'year';

const MONTHS_PER: Readonly<Record<CadenceUnit, number>> = { month: 1, quarter: 3, 'half-year': 6, year: 12 };
const UNITS = Object.keys(MONTHS_PER).join(', ');

function span(year: number, firstMonth: number, months: number): { start: DayNumber; end: DayNumber } {
  const lastMonth = firstMonth + months - 1;
  return { start: dayFromCivil(year, firstMonth, 1), end: dayFromCivil(year, lastMonth, daysInMonth(year, lastMonth)) };
}

/**
 * Resolves a rule set's period to inclusive day numbers and a label.
 *
 * The period must be one a rule set may have (`PeriodSchema`): anything else — `null`, a quarter
 * 5, a month 13, a year outside 1900–2999, an unknown field, a date that does not exist, a start
 * after its end — is a `ValidationError` (subject `rules`, paths from `period`, in Chinese),
 * never a span running backwards or a label with "undefined" in it.
 *
 * @example
 * resolvePeriod({ year: 2022, quarter: 3 }).label.zh; // '2022年第三季度'
 */
export function resolvePeriod(period: Period): ResolvedPeriod {
  const parsed = PeriodSchema.safeParse(period, { reportInput: true });
  if (!parsed.success) throw new ValidationError('rules', fromZodIssues(parsed.error.issues, ['period'], 'zh'), 'zh');
  if ('start' in period && (parseCalendarDate(period.start) as number) > (parseCalendarDate(period.end) as number)) {
    throw new ValidationError('rules', [makeIssue('range-reversed', ['period', 'end'], { from: period.start, to: period.end }, 'zh')], 'zh');
  }
  if ('start' in period) {
    return {
      start: parseCalendarDate(period.start) as number,
      end: parseCalendarDate(period.end) as number,
      label: { zh: `${period.start}至${period.end}`, en: `${period.start} to ${period.end}` },
    };
  }
  const { year } = period;
  if ('quarter' in period) {
    const names = ['一', '二', '三', '四'];
    return { ...span(year, (period.quarter - 1) * 3 + 1, 3), label: { zh: `${year}年第${names[period.quarter - 1]}季度`, en: `Q${period.quarter} ${year}` } };
  }
  if ('half' in period) {
    return { ...span(year, (period.half - 1) * 6 + 1, 6), label: { zh: `${year}年${period.half === 1 ? '上' : '下'}半年`, en: `H${period.half} ${year}` } };
  }
  if ('month' in period) return { ...span(year, period.month, 1), label: { zh: `${year}年${period.month}月`, en: `${year}-${String(period.month).padStart(2, '0')}` } };
  return { ...span(year, 1, 12), label: { zh: `${year}年度`, en: `${year}` } };
}

function bucketLabel(unit: CadenceUnit, year: number, firstMonth: number): { zh: string; en: string } {
  switch (unit) {
    case 'month':
      return { zh: `${year}年${firstMonth}月`, en: `${year}-${String(firstMonth).padStart(2, '0')}` };
    case 'quarter': {
      const q = (firstMonth - 1) / 3 + 1;
      return { zh: `${year}年第${['一', '二', '三', '四'][q - 1]}季度`, en: `Q${q} ${year}` };
    }
    case 'half-year':
      return { zh: `${year}年${firstMonth === 1 ? '上' : '下'}半年`, en: `H${firstMonth === 1 ? 1 : 2} ${year}` };
    case 'year':
      return { zh: `${year}年`, en: `${year}` };
  }
}

// What makes a period and unit unusable: the loop below would never end on a unit of no months
// (`'fortnight'`) or an end that is not a day number (`NaN`), nor soon on a day far off.
function bucketIssues(period: unknown, unit: unknown): Issue[] {
  const issues: Issue[] = [];
  if (typeof period !== 'object' || period === null || Array.isArray(period)) {
    issues.push(makeIssue('invalid-type', ['period'], { expected: 'object', received: typeName(period) }, 'zh'));
  } else {
    for (const end of ['start', 'end'] as const) {
      const day = (period as Partial<Record<typeof end, unknown>>)[end];
      if (day === undefined) issues.push(makeIssue('required', ['period', end], { field: end }, 'zh'));
      else if (!isCalendarDay(day)) issues.push(makeIssue('invalid-day-number', ['period', end], { value: receivedOf(day) }, 'zh'));
    }
  }
  if (typeof unit !== 'string') issues.push(makeIssue('invalid-type', ['unit'], { expected: 'string', received: typeName(unit) }, 'zh'));
  else if (!Object.hasOwn(MONTHS_PER, unit)) issues.push(makeIssue('invalid-value', ['unit'], { value: unit, allowed: UNITS }, 'zh'));
  return issues;
}

/**
 * The calendar buckets of a unit that overlap the period, clipped to it, in date order; each
 * keeps its own last day as `calendarEnd`.
 *
 * A unit other than `month`, `quarter`, `half-year` or `year`, or a period that is not one
 * {@link resolvePeriod} makes (no object; a start or end that is not the day number of a date
 * from 1900 to 2999, such as `NaN`), is a `ValidationError` (subject `query`, in Chinese) listing
 * each problem, rather than a loop that never ends.
 *
 * @example
 * bucketsOf(resolvePeriod({ year: 2022 }), 'quarter').length; // 4
 */
export function bucketsOf(period: ResolvedPeriod, unit: CadenceUnit): Bucket[] {
  const issues = bucketIssues(period, unit);
  if (issues.length > 0) throw new ValidationError('query', issues, 'zh');
  const months = MONTHS_PER[unit];
  const first = formatCalendarDate(period.start);
  let year = Number(first.slice(0, 4));
  let month = Math.floor((Number(first.slice(5, 7)) - 1) / months) * months + 1;
  const buckets: Bucket[] = [];
  for (;;) {
    const { start, end } = span(year, month, months);
    if (start > period.end) break;
    buckets.push({ start: Math.max(start, period.start), end: Math.min(end, period.end), calendarEnd: end, label: bucketLabel(unit, year, month) });
    month += months;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return buckets;
}
