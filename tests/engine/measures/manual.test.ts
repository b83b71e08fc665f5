import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { manualMeasure } from '../../../src/engine/measures/manual.js';
import type { ManualMeasure } from '../../../src/model/measures.js';
import type { AttributeValue } from '../../../src/model/record.js';
import { bodyOf, contextFor, measure, rec, recordMeasureProperties, recordsOf } from './harness.js';

const spec: ManualMeasure = {
  type: 'manual',
  scale: 100,
  groups: [
    { id: 'dept', title: '部门', weight: 7 },
    { id: 'inspection', title: '巡察组', weight: 3 },
  ],
};
const year = contextFor({ year: 2022 });
const scores = (list: readonly [AttributeValue, AttributeValue][]) => list.map(([group, score], i) => rec(`g-${i}`, '2022-12-20', { group, score }));

describe('manual', () => {
  it('combines the groups’ means under their weights', () => {
    // dept mean (88 + 92) / 2 = 90; inspection 80; (7 × 90 + 3 × 80) / (7 + 3) = 870 / 10 = 87
    expect(measure(manualMeasure, spec, year, scores([['dept', 88], ['dept', 92], ['inspection', 80]]))).toEqual({
      status: 'measured',
      value: 87,
      target: null,
      shortfalls: 0,
      ratio: 0.87,
      inProgress: false,
      counted: 3,
      detail: {
        zh: '部门评分 90（权重70%），巡察组评分 80（权重30%），综合 87',
        en: 'dept 90 (weight 70%), inspection 80 (weight 30%), combined 87',
      },
    });
  });

  it('meets a threshold equal to the combined score even with decimal weights', () => {
    // 0.7 × 90 + 0.3 × 80 is 86.99999999999999 in floating point; the result is settled to 87
    const decimal: ManualMeasure = { ...spec, atLeast: 87, groups: [{ id: 'dept', weight: 0.7 }, { id: 'inspection', weight: 0.3 }] };
    expect(measure(manualMeasure, decimal, year, scores([['dept', 90], ['inspection', 80]]))).toMatchObject({ value: 87, shortfalls: 0 });
    expect(measure(manualMeasure, { ...decimal, atLeast: 88 }, year, scores([['dept', 90], ['inspection', 80]])).shortfalls).toBe(1);
  });

  it('reports a missing group as a shortfall, or reweights when told to', () => {
    // only dept (90), the inspection group counted as 0: combined = (7 × 90 + 3 × 0) / 10 = 63
    const insufficient = measure(manualMeasure, spec, year, scores([['dept', 90]]));
    expect(insufficient).toMatchObject({ value: 63, shortfalls: 1 });
    expect(insufficient.detail.zh).toBe('部门评分 90（权重70%），巡察组未评分（权重30%），综合 63（评分不全：缺巡察组，按0分计）');
    // reweighted over the groups that scored: 7 × 90 / 7 = 90
    const reweighted = measure(manualMeasure, { ...spec, missingGroup: 'reweight' }, year, scores([['dept', 90]]));
    expect(reweighted).toMatchObject({ value: 90, shortfalls: 0 });
    expect(reweighted.detail.zh).toBe('部门评分 90（权重70%），巡察组未评分（权重30%），综合 90（按已评分组重新折算权重）');
  });

  it('leaves out scores outside the scale and groups the rule does not list', () => {
    // scale 10: dept 8 counts, dept 11 out of range, 'audit' not a group; inspection 6 → (7 × 8 + 3 × 6) / 10 = 7.4; ratio 0.74
    const outcome = measure(manualMeasure, { ...spec, scale: 10, atLeast: 8 }, year, scores([['dept', 8], ['dept', 11], ['audit', 9], ['inspection', 6]]));
    expect(outcome).toMatchObject({ value: 7.4, ratio: 0.74, target: 8, shortfalls: 1, counted: 2 });
    expect(outcome.detail.zh).toBe(
      '部门评分 8（权重70%），巡察组评分 6（权重30%），综合 7.4，要求不低于8，未达到；1条评分的评分组不在细则所列之中，未计入；1条评分非数字或超出0–10，未计入',
    );
  });

  it('misses the requirement when no group scored, even with reweight', () => {
    const outcome = measure(manualMeasure, { ...spec, missingGroup: 'reweight' }, year, []);
    expect(outcome).toMatchObject({ value: 0, shortfalls: 1, ratio: 0 });
    expect(outcome.detail.en).toBe('dept: no score (weight 70%), inspection: no score (weight 30%), combined 0 (no valid score)');
  });

  describe('properties', () => {
    const attributes = fc.record({
      group: fc.constantFrom<AttributeValue>('dept', 'inspection', 'other', null),
      score: fc.oneof(fc.integer({ min: -5, max: 105 }), fc.double({ min: 0, max: 100, noNaN: true })),
    });
    recordMeasureProperties(manualMeasure, spec, year, recordsOf(bodyOf(attributes)));
    recordMeasureProperties(manualMeasure, { ...spec, missingGroup: 'reweight', atLeast: 50 }, year, recordsOf(bodyOf(attributes)));
  });
});
