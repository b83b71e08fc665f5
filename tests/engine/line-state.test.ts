// A line's id sets: shared empty sets that become the line's own on the first write, what counted
// derived from what was seen, and the sample of the smallest counted ids.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addId, countedDays, countedIds, countedSize, emptyLineState, firstCountedIds, forgetRecord, isCounted, setBonus } from '../../src/engine/line-state.js';

describe('line state', () => {
  it('a write to one fresh line never shows on another', () => {
    const a = emptyLineState(undefined);
    const b = emptyLineState(undefined);
    addId(a, 'pending', 'r1');
    addId(a, 'veto', 'r2');
    setBonus(a, 'r3', 2);
    expect([...a.pending]).toEqual(['r1']);
    expect([...a.veto]).toEqual(['r2']);
    expect([...a.bonus]).toEqual([['r3', 2]]);
    expect(b.pending.size + b.rejected.size + b.unsupported.size + b.refused.size + b.veto.size + b.bonus.size).toBe(0);
    expect(emptyLineState(undefined).pending.size).toBe(0);
  });

  it("reads what counted without looking a record up among the line's records seen (no index built)", () => {
    const line = emptyLineState(undefined);
    for (const [i, id] of ['a', 'b', 'c', 'd'].entries()) line.seen.add(id, 19_000 + i);
    addId(line, 'pending', 'b');
    addId(line, 'refused', 'd');
    expect(countedIds(line).sort()).toEqual(['a', 'c']);
    expect(countedDays(line).sort()).toEqual([19_000, 19_002]);
    expect(firstCountedIds(line, 5)).toEqual(['a', 'c']);
    expect(firstCountedIds(line, 5, new Set(['a']))).toEqual(['c']);
    expect(line.seen.indexed).toBe(false);
  });

  it('what counted is what was seen less pending, rejected, unsupported and refused', () => {
    const line = emptyLineState(undefined);
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) line.seen.set(id, 0);
    addId(line, 'pending', 'b');
    addId(line, 'rejected', 'c');
    addId(line, 'unsupported', 'd');
    addId(line, 'refused', 'e');
    expect(countedIds(line).sort()).toEqual(['a', 'f']);
    expect(countedSize(line)).toBe(2);
    expect(isCounted(line, 'a')).toBe(true);
    expect(isCounted(line, 'b')).toBe(false);
    expect(isCounted(line, 'zz')).toBe(false);
  });

  it('the days of what counted are the days of the records seen less those set aside', () => {
    const line = emptyLineState(undefined);
    expect(countedDays(line)).toEqual([]);
    // nothing set aside: every day seen, in the order seen
    line.seen.set('a', 10).set('b', 20).set('c', 20);
    expect(countedDays(line)).toEqual([10, 20, 20]);
    addId(line, 'pending', 'b');
    addId(line, 'refused', 'a');
    expect(countedDays(line)).toEqual([20]);
    expect(countedDays(line).length).toBe(countedSize(line));
  });

  it('forgetting a record takes it out of every set and the bonus', () => {
    const line = emptyLineState(undefined);
    line.seen.set('a', 0);
    line.seen.set('b', 0);
    addId(line, 'pending', 'a');
    addId(line, 'veto', 'a');
    setBonus(line, 'a', 1);
    forgetRecord(line, 'a');
    expect([...line.seen.keys()]).toEqual(['b']);
    expect(line.pending.size + line.veto.size + line.bonus.size).toBe(0);
    // forgetting on a fresh line leaves its shared sets empty
    const fresh = emptyLineState(undefined);
    forgetRecord(fresh, 'x');
    expect(emptyLineState(undefined).veto.size).toBe(0);
  });

  it('firstCountedIds: the n smallest counted ids in code-unit order', () => {
    const line = emptyLineState(undefined);
    for (const id of ['r-10', 'r-2', 'r-1', 'R-9', 'r-3']) line.seen.set(id, 0);
    addId(line, 'pending', 'r-1');
    // 'R' (0x52) sorts before 'r' (0x72); 'r-10' before 'r-2'
    expect(firstCountedIds(line, 3)).toEqual(['R-9', 'r-10', 'r-2']);
    expect(firstCountedIds(line, 0)).toEqual([]);
    expect(firstCountedIds(line, 10)).toEqual(['R-9', 'r-10', 'r-2', 'r-3']);
  });

  it('firstCountedIds equals sorting every counted id and taking the first n', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ maxLength: 4 }), { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 20 }), fc.nat({ max: 25 }), (ids, drops, n) => {
        const line = emptyLineState(undefined);
        for (const id of ids) line.seen.set(id, 0);
        for (const d of drops) if (ids.length > 0) addId(line, 'rejected', ids[d % ids.length] as string);
        const expected = countedIds(line).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).slice(0, n);
        expect(firstCountedIds(line, n)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
