import { describe, expect, it } from 'vitest';
import { cadenceMeasure } from '../../../src/engine/measures/cadence.js';
import type { CadenceMeasure } from '../../../src/model/measures.js';
import { bodyOf, contextFor, measure, rec, recordMeasureProperties, recordsOf } from './harness.js';

const monthly: CadenceMeasure = { type: 'cadence', recordTypes: ['branch-committee'], every: 'month' };
const year = contextFor({ year: 2022 });
const month = (m: number, d = 10): string => `2022-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

describe('cadence', () => {
  it('counts each missed month once: January to November met, December missed', () => {
    // 12 monthly buckets, all due (asOf 2022-12-31); 11 met → value 11, shortfalls 1, ratio 11/12
    const records = Array.from({ length: 11 }, (_, i) => rec(`m-${i + 1}`, month(i + 1)));
    expect(measure(cadenceMeasure, monthly, year, records)).toEqual({
      status: 'measured',
      value: 11,
      target: 12,
      shortfalls: 1,
      ratio: 11 / 12,
      inProgress: false,
      counted: 11,
      // 12 due, 11 met, 1 missed, none not yet due
      facts: { due: 12, met: 11, missed: 1, notYetDue: 0 },
      detail: {
        zh: '要求每月至少1次；已到期12个月中11个月达到，缺1个月：2022年12月',
        en: 'required at least 1 per month; 11 of 12 months due met, 1 missed: 2022-12',
      },
    });
  });

  it('never lets records of one month fill another', () => {
    // two in January, none in February, one in each of March..December: only February is missed
    const records = [rec('a', '2022-01-05'), rec('b', '2022-01-25'), ...Array.from({ length: 10 }, (_, i) => rec(`m-${i + 3}`, month(i + 3)))];
    const outcome = measure(cadenceMeasure, monthly, year, records);
    expect([outcome.value, outcome.shortfalls, outcome.counted]).toEqual([11, 1, 12]);
    expect(outcome.detail.zh).toContain('缺1个月：2022年2月');
  });

  it('leaves buckets not yet due neither met nor missed, and says so', () => {
    // asOf 2022-08-15: Q1 and Q2 due, Q3 and Q4 not. Q1 has 2 (met), Q2 has 1 (< 2, missed), Q3 has 3 (not due).
    // value 1, target 2, shortfalls 1, ratio 1/2; counted 6 (every record sits in a bucket)
    const spec: CadenceMeasure = { ...monthly, every: 'quarter', atLeast: 2 };
    const ctx = contextFor({ year: 2022 }, '2022-08-15');
    const records = [
      rec('q1a', '2022-01-10'),
      rec('q1b', '2022-03-31'),
      rec('q2a', '2022-04-01'),
      rec('q3a', '2022-07-01'),
      rec('q3b', '2022-07-15'),
      rec('q3c', '2022-08-01'),
    ];
    const outcome = measure(cadenceMeasure, spec, ctx, records);
    // Q2 is missed for good: the shortfall is final although Q3 and Q4 are still to come (inProgress false)
    expect(outcome).toMatchObject({ value: 1, target: 2, shortfalls: 1, ratio: 0.5, inProgress: false, counted: 6 });
    expect(outcome.detail.zh).toBe('要求每季度至少2次；已到期2个季度中1个季度达到，缺1个季度：2022年第二季度；另有2个季度截至2022-08-15尚未到期');
    expect(outcome.detail.en).toBe('required at least 2 per quarter; 1 of 2 quarters due met, 1 missed: Q2 2022; 2 quarters not yet due as of 2022-08-15');
  });

  it('has ratio 1 when nothing is due yet', () => {
    const ctx = contextFor({ year: 2022 }, '2022-01-10');
    const outcome = measure(cadenceMeasure, monthly, ctx, [rec('a', '2022-01-05')]);
    expect(outcome).toMatchObject({ value: 0, target: 0, shortfalls: 0, ratio: 1, inProgress: true });
    expect(outcome.detail.zh).toBe('要求每月至少1次；尚无到期的月份；另有12个月截至2022-01-10尚未到期');
  });

  it('ignores records outside the period or after asOf', () => {
    const ctx = contextFor({ year: 2022, half: 1 });
    // period 2022-01..06: the December 2021 and July 2022 records fall in no bucket
    const outcome = measure(cadenceMeasure, { ...monthly, every: 'half-year' }, ctx, [rec('old', '2021-12-31'), rec('late', '2022-07-01')]);
    expect(outcome).toMatchObject({ value: 0, target: 1, shortfalls: 1, counted: 0 });
    expect(outcome.detail.zh).toBe('要求每半年至少1次；已到期1个半年中0个半年达到，缺1个半年：2022年上半年');
  });

  describe('properties', () => {
    recordMeasureProperties(cadenceMeasure, monthly, year, recordsOf(bodyOf()), { monotone: true });
    recordMeasureProperties(cadenceMeasure, { ...monthly, every: 'quarter', atLeast: 2 }, contextFor({ year: 2022 }, '2022-08-15'), recordsOf(bodyOf()), {
      monotone: true,
    });
  });
});
