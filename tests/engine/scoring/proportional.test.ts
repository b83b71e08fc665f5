import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proportionalScoring } from '../../../src/engine/scoring/proportional.js';
import { outcome } from './outcome.js';

const spec = { method: 'proportional' } as const;

describe('proportional', () => {
  it('scores max × ratio', () => {
    // 4 × 0.875 = 3.5
    expect(proportionalScoring.score(outcome({ ratio: 0.875 }), 4, spec)).toEqual({
      points: 3.5,
      detail: { zh: '按完成比例 87.5% 计，得3.5分', en: '87.5% achieved, 3.5 points' },
    });
  });

  it('rounds to hundredths', () => {
    // 3 × 2/3 = 2 exactly after rounding; 5 × 11/12 = 4.58333… → 4.58
    expect(proportionalScoring.score(outcome({ ratio: 2 / 3 }), 3, spec).points).toBe(2);
    expect(proportionalScoring.score(outcome({ ratio: 11 / 12 }), 5, spec).points).toBe(4.58);
  });

  it('keeps points within [0, max] whatever the ratio', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: false }), fc.double({ min: 0, max: 100, noNaN: true }), (ratio, max) => {
        const { points } = proportionalScoring.score(outcome({ ratio }), max, spec);
        expect(points).toBeGreaterThanOrEqual(0);
        expect(points).toBeLessThanOrEqual(max);
      }),
    );
  });
});
