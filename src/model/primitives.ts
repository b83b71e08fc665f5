import { z } from 'zod';
import { parseCalendarDate } from '../core/calendar.js';

// Control characters or surrounding white space in an id are almost always an export
// artefact (a trailing tab from a spreadsheet); refusing them keeps ids comparable. The pattern
// is written once, as text, for the parser and for the JSON Schema alike: no look-around, so
// validators in other languages read it too; its length bound is `maxLength`, which JSON Schema
// counts in code points, as the parser does (an astral character such as 𠀀 is one).
const ID_CHAR = '[^\\u0000-\\u001f\\u007f-\\u009f]';
const ID_EDGE = '[^\\s\\u0000-\\u001f\\u007f-\\u009f]';
/**
 * The pattern every id matches, as JSON Schema's `pattern` carries it: no control characters
 * (C0, DEL, C1), no white space first or last. The length, 1–256 code points, is checked apart
 * (`minLength` / `maxLength` in the JSON Schema).
 *
 * @example
 * new RegExp(ID_PATTERN_SOURCE, 'u').test('branch-01'); // true
 */
export const ID_PATTERN_SOURCE = `^${ID_EDGE}(?:${ID_CHAR}*${ID_EDGE})?$`;
// The fewest and the most code points an id has (JSON Schema's minLength / maxLength count code points).
const ID_MIN_LENGTH = 1;
const ID_MAX_LENGTH = 256;
// The `u` flag: a surrogate pair is one character, as it is for JSON Schema.
const ID_PATTERN = new RegExp(ID_PATTERN_SOURCE, 'u');

/** The number of code points in a text, stopping as soon as it passes `limit`. */
function codePointsUpTo(value: string, limit: number): number {
  let count = 0;
  for (let i = 0; i < value.length && count <= limit; i++) {
    const c = value.charCodeAt(i);
    // A high surrogate followed by a low one is one code point; a lone surrogate counts as one.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length) {
      const d = value.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/**
 * Whether a string is a valid id (the test behind {@link IdSchema}): it matches
 * {@link ID_PATTERN_SOURCE} and has 1–256 code points.
 *
 * @example
 * isValidId('branch-01'); // true
 * isValidId(' b'); // false
 * isValidId('𠀀'.repeat(256)); // true: 256 code points (512 UTF-16 code units)
 */
export function isValidId(value: string): boolean {
  const n = value.length;
  // Each code point is one or two code units: more than twice the bound is too long for certain.
  if (n < ID_MIN_LENGTH || n > 2 * ID_MAX_LENGTH) return false;
  // Printable ASCII without space is always allowed (the common case, checked without the regex).
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) return ID_PATTERN.test(value) && codePointsUpTo(value, ID_MAX_LENGTH) <= ID_MAX_LENGTH;
  }
  return n <= ID_MAX_LENGTH;
}

/**
 * An id: 1–256 characters (code points), no control characters, no surrounding spaces. Any such
 * string works, including `__proto__` or `constructor`: ids only ever key `Map`s. Its JSON
 * Schema carries the same pattern and bounds, so a file the schema accepts the parser accepts.
 *
 * @example
 * IdSchema.parse('branch-01');
 */
export const IdSchema = z
  .string()
  .refine((s) => isValidId(s), { params: { code: 'invalid-id' }, abort: true })
  .meta({ minLength: ID_MIN_LENGTH, maxLength: ID_MAX_LENGTH, pattern: ID_PATTERN_SOURCE });

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
