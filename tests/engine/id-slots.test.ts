import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdSlots } from '../../src/engine/id-slots.js';

describe('IdSlots', () => {
  it('numbers ids in the order they came and finds each again, as a Map of id to slot does', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ unit: 'binary', maxLength: 12 }), { maxLength: 300 }), fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { maxLength: 50 }), (ids, probes) => {
        const slots = new IdSlots();
        const model = new Map<string, number>();
        for (const id of ids) {
          expect(slots.insert(id)).toBe(model.size);
          model.set(id, model.size);
        }
        expect(slots.size).toBe(model.size);
        for (const id of [...ids, ...probes]) expect(slots.get(id)).toBe(model.get(id));
        expect([...slots.ids()]).toEqual(ids);
        ids.forEach((id, slot) => expect(slots.id(slot)).toBe(id));
      }),
      { numRuns: 300 },
    );
  });

  it('inserts where the last lookup missed only when that lookup was of the same id, in any interleaving', () => {
    // ingest looks an id up, then inserts it: the place the lookup ended on is reused. Lookups of
    // other ids, inserts of others and growth in between must not misplace anything.
    const step = fc.record({ id: fc.integer({ min: 0, max: 40 }), lookFirst: fc.boolean(), other: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 200 }), (steps) => {
        const slots = new IdSlots();
        const model = new Map<string, number>();
        for (const { id, lookFirst, other } of steps) {
          const key = `r-${id}`;
          if (lookFirst) expect(slots.get(key)).toBe(model.get(key));
          if (other !== undefined) expect(slots.get(`r-${other}`)).toBe(model.get(`r-${other}`));
          if (!model.has(key)) {
            model.set(key, model.size);
            expect(slots.insert(key)).toBe(model.get(key));
          }
        }
        for (let id = 0; id <= 40; id++) expect(slots.get(`r-${id}`)).toBe(model.get(`r-${id}`));
      }),
      { numRuns: 300 },
    );
    // looked up, another inserted (it may take that place), then the first inserted
    const slots = new IdSlots();
    expect(slots.get('a')).toBeUndefined();
    slots.insert('b');
    slots.insert('a');
    expect([slots.get('a'), slots.get('b')]).toEqual([1, 0]);
  });

  it('holds ids that differ only in their last code unit, or are empty, or are surrogates cut in half', () => {
    const slots = new IdSlots();
    const ids = ['', 'r-1', 'r-2', 'r-10', '\ud800', '\udc00', '\ud800\udc00', 'r-1\u0000', '党支部-1', '党支部-2'];
    for (const id of ids) slots.insert(id);
    ids.forEach((id, slot) => expect(slots.get(id)).toBe(slot));
    expect(slots.get('r-3')).toBeUndefined();
    expect(slots.get('r-1\u0001')).toBeUndefined();
  });

  it('grows its table and its lists past their first sizes (1,024 places, 2^20 ids a list), everything found again', () => {
    const slots = new IdSlots();
    const n = (1 << 20) + 1_500;
    for (let i = 0; i < n; i++) slots.insert(`r-${i}`);
    expect(slots.size).toBe(n);
    for (const i of [0, 1, 1023, 1024, 2047, (1 << 20) - 1, 1 << 20, n - 1]) {
      expect(slots.get(`r-${i}`)).toBe(i);
      expect(slots.id(i)).toBe(`r-${i}`);
    }
    expect(slots.get(`r-${n}`)).toBeUndefined();
    let count = 0;
    for (const id of slots.ids()) if (id === `r-${count}`) count++;
    expect(count).toBe(n);
    // Every id found at its own slot: among a million ids about a hundred pairs share a 32-bit
    // hash, so a lookup that trusted the hash alone would answer some with the other's slot.
    let found = 0;
    for (let i = 0; i < n; i++) if (slots.get(`r-${i}`) === i) found++;
    expect(found).toBe(n);
  });

  it('gives the same slots whatever its seed: two tables of the same ids agree', () => {
    const ids = Array.from({ length: 5_000 }, (_, i) => `id-${(i * 7_919) % 5_000}`);
    const a = new IdSlots();
    const b = new IdSlots();
    for (const id of ids) {
      a.insert(id);
      b.insert(id);
    }
    expect([...a.ids()]).toEqual([...b.ids()]);
    for (const id of ids) expect(a.get(id)).toBe(b.get(id));
  });

  it('is empty after clear, and numbers from 0 again', () => {
    const slots = new IdSlots();
    for (let i = 0; i < 3_000; i++) slots.insert(`r-${i}`);
    slots.clear();
    expect(slots.size).toBe(0);
    expect(slots.get('r-1')).toBeUndefined();
    expect([...slots.ids()]).toEqual([]);
    expect(slots.insert('r-1')).toBe(0);
    expect(slots.get('r-1')).toBe(0);
  });
});
