import type { FilterValue } from '../model/attribute-map.js';
import type { AttributeValue, EvidenceRecord } from '../model/record.js';

function sameScalar(a: AttributeValue, b: string | number | boolean | null): boolean {
  if (Array.isArray(a)) return a.includes(b as string);
  return a === b;
}

/**
 * Whether a record passes an attribute filter: each named attribute equals the value, or one
 * of the listed values; a list attribute matches when it contains the value.
 *
 * @example
 * matchesWhere(record, new Map([['kind', '专题党课']]));
 */
export function matchesWhere(record: EvidenceRecord, where: ReadonlyMap<string, FilterValue>): boolean {
  for (const [key, expected] of where) {
    if (!record.attributes.has(key)) return false;
    const actual = record.attributes.get(key) as AttributeValue;
    const options = Array.isArray(expected) ? expected : [expected as string | number | boolean | null];
    if (!options.some((option) => sameScalar(actual, option))) return false;
  }
  return true;
}

/** Text that is empty once whitespace is trimmed says nothing; `\S` covers Unicode spaces (U+3000). */
const SOME_TEXT = /\S/u;

/**
 * Whether one attribute value is supporting material. `false` ("否", no minutes) is a statement
 * that the material is absent, and blank text is no material, so neither counts; a list counts
 * when at least one of its items does. Numbers (page counts, file ids) and `true` count.
 *
 * @example
 * isSupportValue('2024-03 会议记录'); // true
 * isSupportValue(false); // false
 * isSupportValue(['', ' ']); // false
 */
export function isSupportValue(value: AttributeValue | undefined): boolean {
  if (value === undefined || value === null || value === false) return false;
  if (typeof value === 'string') return SOME_TEXT.test(value);
  if (Array.isArray(value)) return value.some((item) => typeof item === 'string' && SOME_TEXT.test(item));
  return true;
}

/**
 * Whether a record carries every attribute named as supporting material: present and not
 * null, `false`, empty or whitespace-only text, or a list of only such values (see
 * {@link isSupportValue}).
 *
 * @example
 * hasSupport(record, ['minutes']);
 */
export function hasSupport(record: EvidenceRecord, required: readonly string[]): boolean {
  return required.every((key) => isSupportValue(record.attributes.get(key)));
}
