// The order partial-codec.ts writes a measure state's entries in (src/engine/partial-codec.ts):
// numbers first, in numeric order; then strings, by UTF-16 code unit; then anything else, by its
// JSON. Equal states must give equal JSON whatever order their entries were made in
// (docs/scale.md). The engine's own states reach only part of this order: since count, window and
// cadence keep no state of their own, no engine state is a Set and none has number keys, so the
// order is pinned down here on the codec itself. Expected values are worked out by hand.
//
// Every case is built inside its `it`: Stryker switches a mutant on in a beforeAll hook.
import { describe, expect, it } from 'vitest';
import { decodeState, encodeState, type Encoded } from '../../src/engine/partial-codec.js';

describe('partial-codec: the order of entries', () => {
  it("a Set's values: 2 before 10 (numbers by value, not as text), then 'B', 'a', 'b', then [1] before an object", () => {
    const values: unknown[] = [{ k: 1 }, 'b', 10, [1], 'B', 2, 'a'];
    const expected = { $s: [2, 10, 'B', 'a', 'b', [1], { $o: [['k', 1]] }] };
    // JSON of [1] is "[1]", of the object '{"$o":…}': '[' (0x5B) sorts before '{' (0x7B)
    expect(encodeState(new Set(values))).toEqual(expected);
    expect(encodeState(new Set([...values].reverse()))).toEqual(expected);
    expect(JSON.stringify(encodeState(new Set([...values].reverse())))).toBe(JSON.stringify(expected));
  });

  it("a Map's entries by key: 1, 3, then 'a', 'b', whatever order they were set in", () => {
    const entries: [unknown, number][] = [['b', 1], [3, 2], ['a', 3], [1, 4]];
    const expected = { $m: [[1, 4], [3, 2], ['a', 3], ['b', 1]] };
    expect(encodeState(new Map(entries))).toEqual(expected);
    expect(encodeState(new Map([...entries].reverse()))).toEqual(expected);
    // and back: the same entries, in that order
    expect([...(decodeState(expected as Encoded) as Map<unknown, number>).entries()]).toEqual([[1, 4], [3, 2], ['a', 3], ['b', 1]]);
  });

  it('equal keys of different kinds keep apart: the number 1 and the string "1"', () => {
    expect(encodeState(new Set(['1', 1]))).toEqual({ $s: [1, '1'] });
    expect(encodeState(new Map<unknown, string>([['1', 's'], [1, 'n']]))).toEqual({ $m: [[1, 'n'], ['1', 's']] });
  });

  it('strings by their own code units, not by their JSON: a" before a#', () => {
    // '"' is 0x22 and '#' 0x23; in JSON '"' is written \\" (0x5C first) and would sort after '#'.
    expect(encodeState(new Map([['a#', 1], ['a"', 2]]))).toEqual({ $m: [['a"', 2], ['a#', 1]] });
    expect(encodeState(new Set(['a#', 'a"']))).toEqual({ $s: ['a"', 'a#'] });
  });

  it('anything else by its JSON, not by its text: [1,2] before [1]', () => {
    // JSON "[1,2]" against "[1]": ',' (0x2C) before ']' (0x5D); as text "1,2" would follow "1"
    expect(encodeState(new Set([[1], [1, 2]]))).toEqual({ $s: [[1, 2], [1]] });
  });

  it('reads back what it wrote: Maps, Sets, arrays, objects and primitives, nested', () => {
    const state = new Map<unknown, unknown>([
      ['r-1', new Set(['a', 2, null])],
      ['r-2', [1, 'x', true, false, null, { k: new Map([[3, 'three']]) }]],
      [7, { s: new Set([[1, 2]]), n: 0, t: 'text' }],
    ]);
    const back = decodeState(JSON.parse(JSON.stringify(encodeState(state))) as Encoded);
    expect(back).toEqual(state);
    expect(back).toBeInstanceOf(Map);
    expect((back as Map<unknown, unknown>).get('r-1')).toBeInstanceOf(Set);
    expect(decodeState('plain')).toBe('plain');
    expect(decodeState(3)).toBe(3);
    expect(decodeState(null)).toBeNull();
  });
});
