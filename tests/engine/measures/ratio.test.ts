import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ratioMeasure } from '../../../src/engine/measures/ratio.js';
import type { RatioMeasure } from '../../../src/model/measures.js';
import { bodyOf, contextFor, measure, rec, recordMeasureProperties, recordsOf } from './harness.js';

const spec: RatioMeasure = { type: 'ratio', recordTypes: ['branch-meeting'], numerator: 'attended', denominator: 'expected', atLeast: 0.9 };
const year = contextFor({ year: 2022 });

describe('ratio', () => {
  it('divides the summed numerators by the summed denominators', () => {
    // (18 + 17) / (20 + 20) = 35/40 = 0.875 < 0.9 → 1 shortfall; ratio 0.875 / 0.9 = 0.97222…, kept to 1e-9
    const records = [rec('m1', '2022-03-01', { attended: 18, expected: 20 }), rec('m2', '2022-04-01', { attended: 17, expected: 20 })];
    expect(measure(ratioMeasure, spec, year, records)).toEqual({
      status: 'measured',
      value: 0.875,
      target: 0.9,
      shortfalls: 1,
      ratio: 0.972222222,
      inProgress: false,
      counted: 2,
      detail: { zh: '比率 87.5%（35/40），要求不低于90%', en: 'ratio 87.5% (35/40), required at least 90%' },
    });
  });

  it('gives an achievement that lands on a decimal exactly: 0.72 of 0.9 is 0.8, not 0.7999999999999999', () => {
    // 72 / 100 = 0.72 < 0.9 → 1 shortfall; 0.72 / 0.9 is 0.7999999999999999 in binary, kept to 1e-9: 0.8
    const outcome = measure(ratioMeasure, spec, year, [rec('m1', '2022-03-01', { attended: 72, expected: 100 })]);
    expect(outcome).toMatchObject({ value: 0.72, target: 0.9, shortfalls: 1, ratio: 0.8 });
  });

  it('sums past the largest number: the ratio over the figures scaled down, shown as figure × scale', () => {
    // 1e308 + 1e308 overflows; scaled by the largest denominator (1e308): 2/2 = 100%
    const records = [rec('m1', '2022-03-01', { attended: 1e308, expected: 1e308 }), rec('m2', '2022-04-01', { attended: 1e308, expected: 1e308 })];
    const outcome = measure(ratioMeasure, spec, year, records);
    expect(outcome.value).toBe(1);
    expect(outcome.detail.en).toBe('ratio 100% (2×1e+308/2×1e+308), required at least 90%');
    expect(outcome.detail.zh).not.toContain('Infinity');
  });

  it('counts a numerator above its denominator as the denominator, and says so', () => {
    // min(22, 20) + 10 = 30; 20 + 20 = 40; 30/40 = 0.75
    const records = [rec('m1', '2022-03-01', { attended: 22, expected: 20 }), rec('m2', '2022-04-01', { attended: 10, expected: 20 })];
    const outcome = measure(ratioMeasure, spec, year, records);
    expect(outcome.value).toBe(0.75);
    expect(outcome.detail.zh).toBe('比率 75%（30/40），要求不低于90%；1条记录的attended大于expected，按expected计');
  });

  it('intersects name lists, ignoring names not expected and repeated names', () => {
    // m1: {a,b,c,x} ∩ {a,b,c,d} = 3 of 4, x not expected; m2: {a,b} ∩ {a,b} = 2 of 2
    // 5/6 = 0.833333333 (to 1e-9) ≥ 0.8 → met, ratio 1
    const records = [
      rec('m1', '2022-03-01', { attended: ['a', 'b', 'c', 'x'], expected: ['a', 'b', 'c', 'd'] }),
      rec('m2', '2022-04-01', { attended: ['a', 'a', 'b'], expected: ['a', 'b'] }),
    ];
    const outcome = measure(ratioMeasure, { ...spec, atLeast: 0.8 }, year, records);
    expect(outcome).toMatchObject({ value: 0.833333333, shortfalls: 0, ratio: 1, counted: 2 });
    expect(outcome.detail.zh).toBe('比率 83.3%（5人次/6人次），要求不低于80%；1人次不在expected名单中，未计入');
  });

  it('leaves out records lacking the attributes or mixing kinds, and treats an empty denominator as 0', () => {
    const records = [
      rec('m1', '2022-03-01', { attended: 3 }),
      rec('m2', '2022-03-02', { attended: 3, expected: ['a'] }),
      rec('m3', '2022-03-03', { attended: -1, expected: 4 }),
    ];
    const outcome = measure(ratioMeasure, spec, year, records);
    expect(outcome).toMatchObject({ value: 0, shortfalls: 1, ratio: 0, counted: 0 });
    expect(outcome.detail.zh).toBe(
      '比率 0%（0/0），要求不低于90%；应计总数为0，比率按0计；3条记录缺少attended或expected、或取值无效，未计入',
    );
  });

  it('has ratio 1 when the rule asks for nothing (atLeast 0)', () => {
    const outcome = measure(ratioMeasure, { ...spec, atLeast: 0 }, year, [rec('m1', '2022-03-01', { attended: 1, expected: 4 })]);
    expect(outcome).toMatchObject({ value: 0.25, shortfalls: 0, ratio: 1 });
  });

  describe('properties', () => {
    const numbers = fc
      .tuple(fc.double({ min: 0, max: 60, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }))
      .map(([attended, expected]) => ({ attended, expected }));
    const names = fc.subarray(['a', 'b', 'c', 'd', 'e']);
    const lists = fc.tuple(names, names).map(([attended, expected]) => ({ attended, expected }));
    const broken = fc.constantFrom({}, { attended: 1 }, { attended: 2, expected: ['a'] });
    const attributes = fc.oneof(numbers, lists, broken);
    recordMeasureProperties(ratioMeasure, spec, year, recordsOf(bodyOf(attributes)));
  });
});
