// What an entry of a keyed measure state must look like when it is read back from a partial state
// (after `decodeState`): a partial state edited by hand is refused before anything is merged,
// rather than breaking a merge half-way or a finish later.
import { isCalendarDay } from '../../core/calendar.js';
import { isPlainObject } from '../../evidence/fast-record.js';

/**
 * A plain object with every `required` key, and no key outside `required` and `optional`.
 *
 * @example
 * hasKeys({ day: 1 }, ['day'], ['due']); // true
 */
export function hasKeys(value: unknown, required: readonly string[], optional: readonly string[] = []): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false;
  for (const key of required) if (!Object.hasOwn(value, key)) return false;
  for (const key of Object.keys(value)) if (!required.includes(key) && !optional.includes(key)) return false;
  return true;
}

/**
 * A day number (days since 1970-01-01, China time) of a date a record can carry (1900 to 2999).
 *
 * @example
 * isDay(19050); // true
 * isDay(1e15); // false
 */
export const isDay: (value: unknown) => boolean = isCalendarDay;

/**
 * A count: a whole number, not negative.
 *
 * @example
 * isCount(3); // true
 */
export const isCount = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;
