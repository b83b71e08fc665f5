import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastRecord } from '../../src/evidence/fast-record.js';
import { canonicalRecord } from '../../src/evidence/normalize.js';
import type { EvidenceRecord } from '../../src/model/record.js';

const recordWith = (attributes: readonly (readonly [string, number])[]): EvidenceRecord => {
  const record = fastRecord({ id: 'r-1', type: 'theme-day', organization: 'br-office', date: '2022-07-01', attributes: Object.fromEntries(attributes) });
  if (!record) throw new Error('the fast path refused a valid record');
  return record;
};

// The attributes' part of the canonical text, worked out apart: sorted by key with the runtime's
// own sort, then written as JSON.
const attributesPart = (text: string): unknown => (JSON.parse(text) as unknown[])[10];

describe('canonicalRecord', () => {
  it('sorts the attributes by key, whatever their order and number (up to forty)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('支部', 'topic', 'Topic', 'a', 'b', '10', '9')), { maxLength: 40 }),
        fc.integer(),
        (keys, seed) => {
          const entries = keys.filter((k) => k !== '__proto__').map((k, i) => [k, i] as const);
          // the same attributes in another order
          const shuffled = [...entries].sort((a, b) => ((a[1] * 2654435761 + seed) >>> 0) - ((b[1] * 2654435761 + seed) >>> 0));
          const text = canonicalRecord(recordWith(entries));
          expect(canonicalRecord(recordWith(shuffled))).toBe(text);
          const reference = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
          expect(attributesPart(text)).toEqual(reference.map(([k, v]) => [k, v]));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a worked example: three attributes out of order, and seventeen', () => {
    expect(attributesPart(canonicalRecord(recordWith([['c', 3], ['a', 1], ['b', 2]])))).toEqual([['a', 1], ['b', 2], ['c', 3]]);
    const seventeen = Array.from({ length: 17 }, (_, i) => [`k${String(16 - i).padStart(2, '0')}`, i] as const);
    expect((attributesPart(canonicalRecord(recordWith(seventeen))) as [string, number][]).map(([k]) => k)).toEqual(Array.from({ length: 17 }, (_, i) => `k${String(i).padStart(2, '0')}`));
  });
});
