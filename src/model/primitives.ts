import { z } from 'zod';
import { parseCalendarDate } from '../core/calendar.js';

// Control characters or surrounding white space in an id are almost always an export
// artefact (a trailing tab from a spreadsheet); refusing them keeps ids comparable.
// eslint-disable-next-line no-control-regex
const ID_PATTERN = /^(?!\s)[^\u0000-\u001f\u007f-\u009f]{1,256}(?<!\s)$/;

/**
 * Whether a string is a valid id (the test behind {@link IdSchema}).
 *
 * @example
 * isValidId('branch-01'); // true
 * isValidId(' b'); // false
 */
export function isValidId(value: string): boolean {
  // Printable ASCII without space is always allowed (the common case, checked without the regex).
  const n = value.length;
  if (n === 0 || n > 256) return false;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) return ID_PATTERN.test(value);
  }
  return true;
}

/**
 * An id: 1–256 characters, no control characters, no surrounding spaces. Any such string
 * works, including `__proto__` or `constructor`: ids only ever key `Map`s.
 *
 * @example
 * IdSchema.parse('branch-01');
 */
export const IdSchema = z
  .string()
  .refine((s) => ID_PATTERN.test(s), { params: { code: 'invalid-id' }, abort: true })
  .meta({ minLength: 1, maxLength: 256 });

/**
 * A calendar date in China Standard Time, `YYYY-MM-DD`, that really exists.
 *
 * @example
 * CalendarDateSchema.parse('2022-07-01');
 */
export const CalendarDateSchema = z
  .string()
  .refine((s) => parseCalendarDate(s) !== undefined, { params: { code: 'invalid-date' }, abort: true })
  .meta({ description: 'A calendar date in China Standard Time, YYYY-MM-DD.', examples: ['2022-07-01'], pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

/** A display name: non-empty, at most 500 characters. */
export const NameSchema = z.string().min(1).max(500);

/**
 * A finite number (refuses NaN and ±Infinity; JSON cannot carry them, but objects can).
 *
 * @example
 * FiniteNumberSchema.parse(0.5);
 */
export const FiniteNumberSchema = z.number().refine((n) => Number.isFinite(n), { params: { code: 'not-finite' }, abort: true });

/**
 * The largest magnitude a rule set's numbers may have (points, scales, weights, thresholds).
 * Scoring sheets use figures up to a few hundred; the bound keeps sums and products finite.
 *
 * @example
 * Amount.safeParse(1e308).success; // false
 */
export const MAX_AMOUNT = 1_000_000;

/**
 * A number of a rule set within ±{@link MAX_AMOUNT}.
 *
 * @example
 * Amount.parse(4); // 4
 */
export const Amount = z.number().min(-MAX_AMOUNT).max(MAX_AMOUNT);
