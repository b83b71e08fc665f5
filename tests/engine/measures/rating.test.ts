import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ratingMeasure } from '../../../src/engine/measures/rating.js';
import type { RatingMeasure } from '../../../src/model/measures.js';
import type { AttributeValue } from '../../../src/model/record.js';
import { bodyOf, contextFor, measure, rec, recordMeasureProperties, recordsOf } from './harness.js';

const trimmed: RatingMeasure = { type: 'rating', recordTypes: ['appraisal'], aggregate: 'trimmed-mean', scale: 100 };
const year = contextFor({ year: 2022 });
const scores = (list: readonly [string, AttributeValue][]) => list.map(([rater, score], i) => rec(`s-${i}`, '2022-12-01', { rater, score }));

describe('rating', () => {
  it('drops one highest and one lowest score before the mean', () => {
    // 70, 87, 88, 90, 95 → drop 95 and 70 → (87 + 88 + 90) / 3 = 265 / 3 = 88.333…, kept to 1e-9;
    // ratio 88.333333333 / 100
    const outcome = measure(ratingMeasure, trimmed, year, scores([['a', 95], ['b', 90], ['c', 88], ['d', 87], ['e', 70]]));
    expect(outcome).toEqual({
      status: 'measured',
      value: 88.333333333,
      target: null,
      shortfalls: 0,
      ratio: 0.883333333,
      inProgress: false,
      counted: 5,
      detail: {
        zh: '5名评议人，去掉一个最高分和一个最低分后平均 88.33 分（满分100）',
        en: '5 raters, mean 88.33 after dropping the highest and the lowest (out of 100)',
      },
    });
  });

  it('takes the plain mean, and falls back to it with fewer than 3 raters', () => {
    // (80 + 90) / 2 = 85
    const two = scores([['a', 80], ['b', 90]]);
    expect(measure(ratingMeasure, { ...trimmed, aggregate: 'mean' }, year, two).detail.zh).toBe('2名评议人，平均 85 分（满分100）');
    const fallback = measure(ratingMeasure, trimmed, year, two);
    expect(fallback.value).toBe(85);
    expect(fallback.detail.zh).toBe('2名评议人，不足3人无法去掉最高分和最低分，按平均 85 分计（满分100）');
  });

  it('keeps one score per rater, the record with the smallest id, and leaves out invalid scores', () => {
    // rater a: s-0 (90) kept, s-3 (60) a repeat; s-1 scores 120 > 100 and s-2 a string: both invalid
    // valid raters a (90) and b (70) → mean 80
    const outcome = measure(ratingMeasure, { ...trimmed, aggregate: 'mean' }, year, scores([['a', 90], ['c', 120], ['d', '88'], ['a', 60], ['b', 70]]));
    expect(outcome).toMatchObject({ value: 80, counted: 2 });
    expect(outcome.detail.zh).toBe(
      '2名评议人，平均 80 分（满分100）；1条重复评分（同一评议人）只取编号最小的一条；2条评分非数字或超出0–100，未计入',
    );
  });

  it('reaches an atLeast the mean equals exactly, float error notwithstanding', () => {
    // (80.3 + 80.4 + 80.5) / 3 is 80.39999999999999 in binary; kept to 1e-9 it is 80.4, which
    // meets atLeast 80.4: no shortfall; ratio 80.4 / 100 = 0.804
    const outcome = measure(ratingMeasure, { ...trimmed, aggregate: 'mean', atLeast: 80.4 }, year, scores([['a', 80.3], ['b', 80.4], ['c', 80.5]]));
    expect(outcome).toMatchObject({ value: 80.4, target: 80.4, shortfalls: 0, ratio: 0.804 });
    expect(outcome.detail.zh).toBe('3名评议人，平均 80.4 分（满分100），要求不低于80.4分');
  });

  it('treats a record without a rater as its own rater', () => {
    const records = [rec('x1', '2022-12-01', { score: 80 }), rec('x2', '2022-12-01', { score: 60 })];
    expect(measure(ratingMeasure, { ...trimmed, aggregate: 'mean' }, year, records)).toMatchObject({ value: 70, counted: 2 });
  });

  it('adds a shortfall for too few raters and one for a result below atLeast', () => {
    // 2 raters < minRaters 3 → 1; mean 85 < 90 → 1; shortfalls 2; target 90
    const outcome = measure(ratingMeasure, { ...trimmed, aggregate: 'mean', minRaters: 3, atLeast: 90 }, year, scores([['a', 80], ['b', 90]]));
    expect(outcome).toMatchObject({ value: 85, target: 90, shortfalls: 2, ratio: 0.85 });
    expect(outcome.detail.zh).toBe('2名评议人，平均 85 分（满分100），要求不低于90分，未达到；评议人少于要求的3名');
  });

  it('misses the requirement when no score is valid', () => {
    const outcome = measure(ratingMeasure, trimmed, year, scores([['a', null]]));
    expect(outcome).toMatchObject({ value: 0, shortfalls: 1, ratio: 0, counted: 0 });
    expect(outcome.detail.zh).toBe('无有效评分（满分100）；1条评分非数字或超出0–100，未计入');
  });

  describe('properties', () => {
    const attributes = fc.record({
      rater: fc.constantFrom<AttributeValue>('a', 'b', 'c', 'd', 'e', null),
      score: fc.oneof(fc.integer({ min: -5, max: 105 }), fc.double({ min: 0, max: 100, noNaN: true }), fc.constant<AttributeValue>('n/a')),
    });
    const records = recordsOf(bodyOf(attributes));
    recordMeasureProperties(ratingMeasure, trimmed, year, records);
    recordMeasureProperties(ratingMeasure, { ...trimmed, aggregate: 'mean', minRaters: 3, atLeast: 60 }, year, records);
  });
});
