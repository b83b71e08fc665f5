import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastRecord } from '../../src/evidence/fast-record.js';
import { normalizeBySchema } from '../../src/evidence/normalize.js';
import type { EvidenceRecord } from '../../src/model/record.js';

// The fast path may only ever accept what the schema accepts, and must produce the same record.
const plain = (r: EvidenceRecord): unknown => ({ ...r, attributes: [...r.attributes.entries()] });

const idLike = fc.oneof(
  fc.constantFrom('r1', 'b-01', '__proto__', 'constructor', '支部', ' lead', 'trail ', '', 'a\u0001b', 'a\u0085b'),
  fc.string({ maxLength: 8 }),
);
const dateLike = fc.oneof(
  fc.constantFrom('2022-07-01', '2022-02-30', '2022-13-01', '2022-07-01T00:00:00+08:00', '1899-12-31', '2024-02-29', '2023-02-29'),
  fc.string({ maxLength: 12 }),
);
const attributeValue = fc.oneof(
  fc.string({ maxLength: 5 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.integer()), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);
const recordLike = fc.record(
  {
    id: idLike,
    type: idLike,
    organization: idLike,
    person: idLike,
    date: dateLike,
    due: dateLike,
    completed: dateLike,
    status: fc.constantFrom('approved', 'pending', 'rejected', 'done', 1),
    source: idLike,
    title: fc.string({ maxLength: 5 }),
    attributes: fc.oneof(fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'a', 'kind', '名称'), attributeValue), fc.constant([]), fc.constant(null)),
    extra: fc.anything(),
  },
  { requiredKeys: [] },
);

describe('fastRecord', () => {
  it('accepts only what the schema accepts, with the same result', () => {
    fc.assert(
      fc.property(fc.oneof(recordLike, fc.anything()), (input) => {
        const fast = fastRecord(input);
        if (fast === undefined) return;
        const reference = normalizeBySchema(input);
        expect(reference.ok).toBe(true);
        if (reference.ok) expect(plain(fast)).toEqual(plain(reference.record));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with the schema on valid records with one field mutated', () => {
    const valid = fc.record(
      {
        id: fc.constantFrom('r1', '__proto__', '支部-1'),
        type: fc.constantFrom('theme-day', 'award'),
        organization: fc.constantFrom('b1', 'constructor'),
        date: fc.constantFrom('2022-07-01', '2024-02-29'),
        status: fc.constantFrom('approved', 'pending'),
        attributes: fc.dictionary(fc.constantFrom('a', '__proto__', 'minutes'), fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.array(fc.string({ maxLength: 2 }), { maxLength: 2 }))),
      },
      { requiredKeys: ['id', 'type', 'organization', 'date'] },
    );
    const field = fc.constantFrom('id', 'type', 'organization', 'person', 'date', 'due', 'status', 'title', 'attributes', 'extra');
    let accepted = 0;
    fc.assert(
      fc.property(valid, fc.option(fc.tuple(field, fc.anything()), { nil: undefined }), (base, mutation) => {
        const input: Record<string, unknown> = { ...base };
        if (mutation) input[mutation[0]] = mutation[1];
        const fast = fastRecord(input);
        const reference = normalizeBySchema(input);
        if (fast === undefined) return;
        accepted++;
        expect(reference.ok).toBe(true);
        if (reference.ok) expect(plain(fast)).toEqual(plain(reference.record));
      }),
      { numRuns: 1000 },
    );
    // The property must have exercised the fast path, not only its refusals.
    expect(accepted).toBeGreaterThan(150);
  });

  it('takes the common valid record (the engine relies on this for speed)', () => {
    // A typical record: must not fall back to the schema.
    const record = { id: 'r-1', type: 'theme-day', organization: 'b1', date: '2022-07-01', status: 'approved', source: 'zhdj', title: '主题党日', attributes: { minutes: 'x.pdf', attendees: ['p1', 'p2'], n: 3 } };
    const fast = fastRecord(record);
    expect(fast?.day).toBe(19174); // 2022-07-01: 52 years + 13 leap days after 1970-01-01 = 19174
    expect([...(fast?.attributes.keys() ?? [])]).toEqual(['minutes', 'attendees', 'n']);
  });

  it('keeps __proto__ as an ordinary attribute and never touches Object.prototype', () => {
    const input = JSON.parse('{"id":"r","type":"t","organization":"b","date":"2022-01-01","attributes":{"__proto__":{"polluted":1}}}') as unknown;
    expect(fastRecord(input)).toBeUndefined(); // an object value is not an attribute value: the schema reports it
    const ok = JSON.parse('{"id":"r","type":"t","organization":"b","date":"2022-01-01","attributes":{"__proto__":"v"}}') as unknown;
    expect(fastRecord(ok)?.attributes.get('__proto__')).toBe('v');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
