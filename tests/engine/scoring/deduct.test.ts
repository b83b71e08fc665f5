import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deductScoring } from '../../../src/engine/scoring/deduct.js';
import { outcome } from './outcome.js';

describe('deduct', () => {
  const spec = { method: 'deduct', perShortfall: 0.5 } as const;

  it('takes perShortfall off for each shortfall', () => {
    // 4 − 0.5 × 1 = 3.5
    expect(deductScoring.score(outcome({ shortfalls: 1 }), 4, spec)).toEqual({
      points: 3.5,
      detail: { zh: '缺1次，每次扣0.5分，扣0.5分，得3.5分', en: '1 short, 0.5 off each, 0.5 off, 3.5 points' },
    });
  });

  it('gives full points with no shortfall', () => {
    expect(deductScoring.score(outcome(), 4, spec)).toEqual({ points: 4, detail: { zh: '无缺项，得4分', en: 'nothing missed, 4 points' } });
  });

  it('stops at zero (扣完为止)', () => {
    // 0.5 × 10 = 5 > 4: 4 taken, 0 left
    expect(deductScoring.score(outcome({ shortfalls: 10 }), 4, spec)).toEqual({
      points: 0,
      detail: {
        zh: '缺10次，每次扣0.5分，应扣5分，扣完为止，扣4分，得0分',
        en: '10 short, 0.5 off each, 5 due but no line goes below zero, 4 off, 0 points',
      },
    });
  });

  it('takes at most maxDeduction', () => {
    // 0.5 × 6 = 3, capped at 2: 4 − 2 = 2
    const outcomeOf = deductScoring.score(outcome({ shortfalls: 6 }), 4, { ...spec, maxDeduction: 2 });
    expect(outcomeOf).toEqual({ points: 2, detail: { zh: '缺6次，每次扣0.5分，最多扣2分，扣2分，得2分', en: '6 short, 0.5 off each, at most 2 off, 2 off, 2 points' } });
  });

  it('handles weighted shortfalls without float noise', () => {
    // 0.1 × 3 is 0.30000000000000004 in floating point: 1 − 0.3 = 0.7
    expect(deductScoring.score(outcome({ shortfalls: 3 }), 1, { method: 'deduct', perShortfall: 0.1 }).points).toBe(0.7);
    // openWeight 1.5 makes fractional shortfalls: 0.2 × 1.5 = 0.3, 2 − 0.3 = 1.7
    expect(deductScoring.score(outcome({ shortfalls: 1.5 }), 2, { method: 'deduct', perShortfall: 0.2 }).detail.zh).toBe('缺1.5次，每次扣0.2分，扣0.3分，得1.7分');
  });

  it('rounds the line once, after the deduction, and explains the deduction as it is', () => {
    // 3 × 0.125 = 0.375 off 2: 1.625, rounded half away from zero to hundredths → 1.63 (rounding
    // the deduction first, to 0.38, gave 1.62)
    expect(deductScoring.score(outcome({ shortfalls: 3 }), 2, { method: 'deduct', perShortfall: 0.125 })).toEqual({
      points: 1.63,
      detail: { zh: '缺3次，每次扣0.125分，扣0.375分，得1.63分', en: '3 short, 0.125 off each, 0.375 off, 1.63 points' },
    });
    // capped at 0.375 of 0.5 × 3 = 1.5 due: 2 − 0.375 = 1.625 → 1.63 again
    expect(deductScoring.score(outcome({ shortfalls: 3 }), 2, { method: 'deduct', perShortfall: 0.5, maxDeduction: 0.375 }).detail.en).toBe(
      '3 short, 0.5 off each, at most 0.375 off, 0.375 off, 1.63 points',
    );
    // 17 × 0.125 = 2.125 due, more than 2: the line stops at 0, 2 taken
    expect(deductScoring.score(outcome({ shortfalls: 17 }), 2, { method: 'deduct', perShortfall: 0.125 })).toEqual({
      points: 0,
      detail: { zh: '缺17次，每次扣0.125分，应扣2.125分，扣完为止，扣2分，得0分', en: '17 short, 0.125 off each, 2.125 due but no line goes below zero, 2 off, 0 points' },
    });
  });

  it('keeps points within [0, max]', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.double({ min: 0.01, max: 10, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (shortfalls, per, max) => {
        const { points } = deductScoring.score(outcome({ shortfalls }), max, { method: 'deduct', perShortfall: per });
        expect(points).toBeGreaterThanOrEqual(0);
        expect(points).toBeLessThanOrEqual(max);
      }),
    );
  });
});
