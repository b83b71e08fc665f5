import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { windowMeasure } from '../../../src/engine/measures/window.js';
import type { WindowMeasure } from '../../../src/model/measures.js';
import { bodyOf, build, contextFor, day, measure, rec, recordMeasureProperties, recordsOf } from './harness.js';

const spec: WindowMeasure = { type: 'window', recordTypes: ['party-lecture'], from: '2022-06-15', to: '2022-07-31' };
const year = contextFor({ year: 2022 });

describe('window', () => {
  it('accepts records from `from` to `to`, both inclusive', () => {
    const accepts = (date: string): boolean | undefined => windowMeasure.accepts?.(rec('r', date), spec, year);
    expect(['2022-06-14', '2022-06-15', '2022-07-31', '2022-08-01'].map(accepts)).toEqual([false, true, true, false]);
  });

  it('counts the records inside the window', () => {
    // one lecture on 2022-07-01, inside; value 1 ≥ 1 → no shortfall, ratio 1
    expect(measure(windowMeasure, spec, year, [rec('l1', '2022-07-01'), rec('l0', '2022-05-01')])).toEqual({
      status: 'measured',
      value: 1,
      target: 1,
      shortfalls: 0,
      ratio: 1,
      inProgress: false,
      counted: 1,
      detail: { zh: '要求在2022-06-15至2022-07-31期间至少1次，实有1次', en: 'required at least 1 from 2022-06-15 to 2022-07-31, found 1' },
    });
  });

  it('ignores a record outside the window even when added without accepts', () => {
    const state = build(windowMeasure, spec, year, []);
    windowMeasure.add(state, rec('early', '2022-06-01'), spec, year);
    expect(windowMeasure.finalize(state, spec, year).value).toBe(0);
  });

  it('is in progress before the window closes, missed after', () => {
    const open = measure(windowMeasure, { ...spec, atLeast: 2 }, contextFor({ year: 2022 }, '2022-07-10'), [rec('l1', '2022-06-20')]);
    // value 1, atLeast 2: 1 short, ratio 1/2; asOf 07-10 < 07-31 → in progress
    expect(open).toMatchObject({ value: 1, target: 2, shortfalls: 1, ratio: 0.5, inProgress: true });
    expect(open.detail.zh).toBe('要求在2022-06-15至2022-07-31期间至少2次，实有1次，缺1次（截至2022-07-10，窗口期未结束）');
    const closed = measure(windowMeasure, spec, contextFor({ year: 2022 }, '2022-09-30'), []);
    expect(closed).toMatchObject({ value: 0, shortfalls: 1, ratio: 0, inProgress: false });
  });

  describe('properties', () => {
    // days around the window so that some records fall outside it
    const around = fc.integer({ min: day('2022-06-01'), max: day('2022-08-15') });
    recordMeasureProperties(windowMeasure, spec, year, recordsOf(bodyOf(undefined, undefined, around)), { monotone: true });
  });
});
