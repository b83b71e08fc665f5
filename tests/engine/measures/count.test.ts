import { describe, expect, it } from 'vitest';
import { countMeasure } from '../../../src/engine/measures/count.js';
import type { CountMeasure } from '../../../src/model/measures.js';
import { bodyOf, build, contextFor, measure, rec, recordMeasureProperties, recordsOf } from './harness.js';

const spec: CountMeasure = { type: 'count', recordTypes: ['topic-meeting'], atLeast: 4 };
const year = contextFor({ year: 2022 });
const meetings = (n: number) => Array.from({ length: n }, (_, i) => rec(`m-${i}`, `2022-0${i + 1}-15`));

describe('count', () => {
  it('counts records against atLeast: 3 of 4 is one short', () => {
    // value 3; shortfalls max(0, 4 − 3) = 1; ratio min(1, 3/4) = 0.75
    expect(measure(countMeasure, spec, year, meetings(3))).toEqual({
      status: 'measured',
      value: 3,
      target: 4,
      shortfalls: 1,
      ratio: 0.75,
      inProgress: false,
      counted: 3,
      detail: { zh: '要求不少于4次，实有3次，缺1次', en: 'required at least 4, found 3, 1 short' },
    });
  });

  it('caps the ratio at 1 and has no shortfall when met', () => {
    // value 5 ≥ 4: shortfalls 0; ratio min(1, 5/4) = 1
    const outcome = measure(countMeasure, spec, year, meetings(5));
    expect([outcome.value, outcome.shortfalls, outcome.ratio]).toEqual([5, 0, 1]);
    expect(outcome.detail.zh).toBe('要求不少于4次，实有5次');
  });

  it('is in progress while the period runs and the requirement is not met yet', () => {
    const running = contextFor({ year: 2022 }, '2022-09-30');
    const short = measure(countMeasure, spec, running, meetings(2));
    expect(short.inProgress).toBe(true);
    expect(short.detail.zh).toBe('要求不少于4次，实有2次，缺2次（截至2022-09-30，考核期未结束）');
    expect(short.detail.en).toBe('required at least 4, found 2, 2 short (as of 2022-09-30, period still running)');
    expect(measure(countMeasure, spec, running, meetings(4)).inProgress).toBe(false);
  });

  it('removes by id and merges by union', () => {
    const state = build(countMeasure, spec, year, meetings(4));
    countMeasure.remove(state, 'm-0');
    countMeasure.remove(state, 'no-such-id');
    expect(countMeasure.finalize(state, spec, year).value).toBe(3);
    // {m-1, m-2, m-3} ∪ {m-3, x} = 4 ids
    const merged = countMeasure.merge(state, build(countMeasure, spec, year, [rec('m-3', '2022-04-15'), rec('x', '2022-05-01')]));
    expect(countMeasure.finalize(merged, spec, year).value).toBe(4);
  });

  describe('properties', () => {
    recordMeasureProperties(countMeasure, spec, year, recordsOf(bodyOf()), { monotone: true });
  });
});
