import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LargeMap, MAP_PART_CAPACITY } from '../../src/core/large-map.js';

describe('LargeMap', () => {
  it('keeps entries past one part: 10 keys in parts of 3 (3 + 3 + 3 + 1)', () => {
    const map = new LargeMap<string, number>(3);
    for (let i = 0; i < 10; i++) map.set(`k${i}`, i);
    expect(map.size).toBe(10);
    for (let i = 0; i < 10; i++) expect(map.get(`k${i}`)).toBe(i);
    expect(map.get('k10')).toBeUndefined();
    expect(map.has('k9')).toBe(true);
    expect(map.has('k10')).toBe(false);
    expect([...map.keys()]).toEqual(['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7', 'k8', 'k9']);
  });

  it('set on a key of an earlier, full part replaces its value there: the size does not change', () => {
    const map = new LargeMap<string, number>(2);
    map.set('a', 1).set('b', 2).set('c', 3);
    map.set('a', 10);
    expect(map.size).toBe(3);
    expect([...map.entries()]).toEqual([['a', 10], ['b', 2], ['c', 3]]);
  });

  it('tells an undefined value from a missing key', () => {
    const map = new LargeMap<string, number | undefined>(1);
    map.set('x', undefined).set('y', 2);
    expect(map.has('x')).toBe(true);
    expect(map.get('y')).toBe(2);
    expect(map.size).toBe(2);
  });

  it('insert adds without searching; clear empties every part', () => {
    const map = new LargeMap<number, string>(2);
    for (let i = 0; i < 5; i++) map.insert(i, String(i));
    expect([...map.entries()]).toEqual([[0, '0'], [1, '1'], [2, '2'], [3, '3'], [4, '4']]);
    map.clear();
    expect(map.size).toBe(0);
    expect([...map.keys()]).toEqual([]);
    map.set(7, 'seven');
    expect(map.get(7)).toBe('seven');
    expect(map.size).toBe(1);
  });

  it('refuses a capacity that is not a positive integer', () => {
    for (const capacity of [0, -1, 1.5, Number.NaN]) expect(() => new LargeMap(capacity)).toThrow(RangeError);
  });

  it('parts hold half of what V8 allows one Map (2^24 entries)', () => {
    expect(MAP_PART_CAPACITY).toBe(8_388_608);
  });

  it('behaves as a Map for any sequence of sets, whatever the part size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer())), (capacity, ops) => {
        const large = new LargeMap<number, number>(capacity);
        const plain = new Map<number, number>();
        for (const [key, value] of ops) {
          large.set(key, value);
          plain.set(key, value);
        }
        expect(large.size).toBe(plain.size);
        expect([...large.entries()]).toEqual([...plain.entries()]);
        for (let key = 0; key <= 21; key++) {
          expect(large.get(key)).toBe(plain.get(key));
          expect(large.has(key)).toBe(plain.has(key));
        }
      }),
      { numRuns: 300 },
    );
  });
});
