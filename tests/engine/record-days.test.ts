import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CollectionFullError } from '../../src/core/collection-limit.js';
import { RecordDays } from '../../src/engine/record-days.js';

const sortedEntries = (entries: Iterable<[string, number]>): [string, number][] => [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

describe('RecordDays', () => {
  it('holds what a Map of id to day holds, whatever is added, set, deleted and looked up, in any order', () => {
    type Op = { op: 'add' | 'set' | 'delete' | 'get'; id: string; day: number };
    const op = fc.record({ op: fc.constantFrom<Op['op']>('add', 'set', 'delete', 'get'), id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), day: fc.integer({ min: -800_000, max: 3_000_000 }) });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const days = new RecordDays();
        const model = new Map<string, number>();
        for (const { op: kind, id, day } of ops) {
          if (kind === 'add') {
            // add is for an id the line does not hold: the engine's own promise
            if (model.has(id)) continue;
            days.add(id, day);
            model.set(id, day);
          } else if (kind === 'set') {
            expect(days.set(id, day)).toBe(days);
            model.set(id, day);
          } else if (kind === 'delete') expect(days.delete(id)).toBe(model.delete(id));
          else {
            expect(days.get(id)).toBe(model.get(id));
            expect(days.has(id)).toBe(model.has(id));
          }
          expect(days.size).toBe(model.size);
        }
        expect(sortedEntries(days.entries())).toEqual(sortedEntries(model.entries()));
        expect(sortedEntries(days)).toEqual(sortedEntries(model));
        // keys and values come in the same order, one for one
        const keys = [...days.keys()];
        const values = [...days.values()];
        expect(values).toHaveLength(keys.length);
        expect(keys.map((id, i) => [id, values[i]])).toEqual([...days.entries()]);
        // and so do the entries by place
        expect(Array.from({ length: days.size }, (_, i) => [days.idAt(i), days.dayAt(i)])).toEqual([...days.entries()]);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the index it built up to date with the records added after it', () => {
    const days = new RecordDays();
    days.add('r-1', 19_000);
    expect(days.get('r-1')).toBe(19_000); // builds the index
    days.add('r-2', 19_001);
    days.add('r-3', 19_002);
    expect(days.get('r-3')).toBe(19_002);
    expect(days.delete('r-1')).toBe(true);
    // r-3, the last, took r-1's place: it is still found, and so is r-2
    expect([...days.keys()]).toEqual(['r-3', 'r-2']);
    expect(days.get('r-3')).toBe(19_002);
    expect(days.get('r-2')).toBe(19_001);
    expect(days.delete('r-1')).toBe(false);
    expect(days.delete('r-2')).toBe(true);
    expect([...days]).toEqual([['r-3', 19_002]]);
  });

  it('builds its index on the first lookup only; with an index, add sets the day of a record it holds', () => {
    const days = new RecordDays();
    days.add('a', 1);
    days.add('b', 2);
    expect(days.indexed).toBe(false);
    expect(days.has('a')).toBe(true);
    expect(days.indexed).toBe(true);
    days.add('a', 7);
    expect([...days]).toEqual([['a', 7], ['b', 2]]);
    days.dropIndex();
    expect(days.indexed).toBe(false);
    // built again from the list when next needed
    expect(days.get('b')).toBe(2);
    expect(days.delete('a')).toBe(true);
    expect([...days]).toEqual([['b', 2]]);
  });

  it('deleting the last entry moves nothing; an empty line has nothing', () => {
    const days = new RecordDays();
    expect(days.size).toBe(0);
    expect([...days.entries()]).toEqual([]);
    expect(days.has('x')).toBe(false);
    days.add('a', 1);
    days.add('b', 2);
    expect(days.delete('b')).toBe(true);
    expect([...days]).toEqual([['a', 1]]);
    expect(days.delete('a')).toBe(true);
    expect(days.size).toBe(0);
    days.set('a', 5);
    expect([...days]).toEqual([['a', 5]]);
  });

  it('keeps any integer day exactly, as a Map does (a partial state may carry any)', () => {
    const days = new RecordDays();
    // 0001-01-01 and 9999-12-31 as day numbers, past 32 bits, and the safe integers' ends
    const all = [-719_162, 2_932_896, -(2 ** 31) - 1, 2 ** 31, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
    for (const [i, day] of all.entries()) days.add(`r-${i}`, day);
    expect([...days.values()]).toEqual(all);
  });

  it('grows past the lists it sizes itself (2^16 places) as it did below, every record and day kept', () => {
    const days = new RecordDays();
    // 100,000 places: the list made by hand stops at 81,928 places, then grows by push
    const n = 50_000;
    for (let i = 0; i < n; i++) days.add(`r-${i}`, i);
    expect(days.size).toBe(n);
    expect(days.get('r-0')).toBe(0);
    expect(days.get('r-32767')).toBe(32_767);
    expect(days.get('r-49999')).toBe(49_999);
    expect(days.get('r-45000')).toBe(45_000);
    expect(days.delete('r-5')).toBe(true);
    days.add('r-new', -1);
    expect(days.size).toBe(n);
    let sum = 0;
    for (const day of days.values()) sum += day;
    // 0 + 1 + … + 49,999, less the 5 deleted, plus the -1 added
    expect(sum).toBe((n * (n - 1)) / 2 - 5 - 1);
    expect(new Set(days.keys()).size).toBe(n);
  });

  it('refuses a record past its limit with the error the session reports as collection-full, and is unchanged', () => {
    const limit = RecordDays.limit;
    RecordDays.limit = 3;
    try {
      const days = new RecordDays();
      for (const id of ['a', 'b', 'c']) days.add(id, 1);
      for (const refused of [() => days.add('d', 2), () => days.set('d', 2)]) {
        expect(refused).toThrow(CollectionFullError);
        expect(refused).toThrow('RecordDays maximum size exceeded');
      }
      expect([...days.keys()]).toEqual(['a', 'b', 'c']);
      // a record it holds can still be set, and one deleted makes room
      days.set('a', 5);
      expect(days.delete('b')).toBe(true);
      days.add('d', 2);
      expect([...days]).toEqual([['a', 5], ['c', 1], ['d', 2]]);
    } finally {
      RecordDays.limit = limit;
    }
  });
});
