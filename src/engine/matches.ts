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

/**
 * Whether a record carries every attribute named (non-empty: not null, not '', not []).
 *
 * @example
 * hasSupport(record, ['minutes']);
 */
export function hasSupport(record: EvidenceRecord, required: readonly string[]): boolean {
  return required.every((key) => {
    const value = record.attributes.get(key);
    return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
  });
}
