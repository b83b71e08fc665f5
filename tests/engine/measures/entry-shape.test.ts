import { describe, expect, it } from 'vitest';
import { keepsState, type RecordMeasure } from '../../../src/engine/measure-module.js';
import { MEASURES } from '../../../src/engine/measures/index.js';
import { decodeState, encodeState } from '../../../src/engine/partial-codec.js';

// Each measure that keeps a state by record id says which entries it could hold (`isEntry`), so
// that a partial state edited by hand is refused before it is merged. An entry is checked as it
// is read back from a partial state: encoded, then decoded.
const entryCheck = (type: string): ((entry: unknown) => boolean) => {
  const module = MEASURES.get(type as never) as RecordMeasure<never, unknown>;
  expect(keepsState(module), type).toBe(true);
  return (entry) => (module.isEntry as (e: unknown) => boolean)(decodeState(encodeState(entry)));
};

const cases: Record<string, { accepted: unknown[]; refused: unknown[] }> = {
  deadline: {
    accepted: [{ day: 19050 }, { day: 19050, due: 19082 }, { day: 19050, completed: 19071 }, { day: 19050, due: 19082, completed: 19071 }, { day: -5 }],
    refused: [{}, { due: 1 }, { day: 1.5 }, { day: '19050' }, { day: 1, due: 1.5 }, { day: 1, due: null }, { day: 1, completed: 'x' }, { day: 1, extra: 1 }, null, 5, 'x', [19050]],
  },
  rating: {
    accepted: [
      { rater: 'rater:p-zhang', score: 92 },
      { rater: 'record:s-1', score: null },
      { rater: 'rater:1', score: 'A' },
      { rater: 'rater:1', score: true },
      { rater: 'rater:1', score: ['a', 'b'] },
    ],
    refused: [{ rater: 5, score: 1 }, { rater: 'x' }, { score: 1 }, { rater: 'x', score: {} }, { rater: 'x', score: [1] }, { rater: 'x', score: ['a', 1] }, { rater: 'x', score: 1, extra: 0 }, null, []],
  },
  manual: {
    accepted: [{ group: 'inspection', score: 80 }, { group: null, score: null }, { group: 'g', score: '优' }, { group: ['a'], score: false }],
    refused: [{ group: {}, score: 1 }, { group: 'g', score: [1] }, { group: 'g' }, { score: 1 }, { group: 'g', score: 1, extra: 0 }, 'g'],
  },
  ratio: {
    accepted: [
      { kind: 'unusable' },
      { kind: 'numbers', num: 18, den: 20, capped: false },
      { kind: 'numbers', num: 1.5, den: 2, capped: true },
      { kind: 'numbers', num: 0, den: 0, capped: false },
      { kind: 'lists', num: 3, den: 4, outside: 1 },
      { kind: 'lists', num: 0, den: 0, outside: 0 },
    ],
    refused: [
      { kind: 'other' },
      { kind: 'numbers' },
      { kind: 'unusable', num: 1 },
      { kind: 'lists', num: 1, den: 1, capped: false },
      { kind: 'numbers', num: 1, den: 1, outside: 0 },
      { kind: 'numbers', num: -1, den: 2, capped: false },
      { kind: 'numbers', num: 1, den: -2, capped: false },
      { kind: 'numbers', num: '1', den: 2, capped: false },
      { kind: 'numbers', num: 1, den: '2', capped: false },
      { kind: 'numbers', num: 1, den: 2, capped: 'no' },
      { kind: 'lists', num: 1.5, den: 4, outside: 1 },
      { kind: 'lists', num: 1, den: -1, outside: 0 },
      { kind: 'lists', num: 1, den: 1.5, outside: 0 },
      { kind: 'lists', num: 1, den: 1, outside: 0.5 },
      { kind: 'lists', num: 1, den: 1, outside: -1 },
      { kind: 'numbers', num: 1, den: 2, capped: false, extra: 1 },
      null,
      [],
    ],
  },
};

describe('the entries a keyed measure state may hold', () => {
  it.each(Object.entries(cases))('%s: accepts the entries it writes and refuses anything else', (type, { accepted, refused }) => {
    const isEntry = entryCheck(type);
    for (const entry of accepted) expect(isEntry(entry), JSON.stringify(entry)).toBe(true);
    for (const entry of refused) expect(isEntry(entry), JSON.stringify(entry)).toBe(false);
  });

  it('a number that is not finite is no attribute value (such a value never comes out of JSON, but a state built in code may hold one)', () => {
    const rating = MEASURES.get('rating') as RecordMeasure<never, unknown>;
    expect(rating.isEntry?.({ rater: 'x', score: Number.POSITIVE_INFINITY })).toBe(false);
    expect(rating.isEntry?.({ rater: 'x', score: Number.NaN })).toBe(false);
    const ratio = MEASURES.get('ratio') as RecordMeasure<never, unknown>;
    expect(ratio.isEntry?.({ kind: 'numbers', num: 1, den: Number.POSITIVE_INFINITY, capped: false })).toBe(false);
    expect(ratio.isEntry?.({ kind: 'numbers', num: Number.NaN, den: 1, capped: false })).toBe(false);
  });

  it('every measure that keeps a state says which entries it holds; the others keep none', () => {
    for (const [type, module] of MEASURES) {
      if (keepsState(module)) expect(typeof (module as RecordMeasure<never, unknown>).isEntry, type).toBe('function');
    }
    expect(Object.keys(cases).sort()).toEqual([...MEASURES].filter(([, m]) => keepsState(m)).map(([t]) => t).sort());
  });
});
