// Behaviour of src/engine/scoring that mutation testing (npm run mutate:engine, see TESTING.md)
// found no test for. The points and explanations are worked out by hand.
import { describe, expect, it } from 'vitest';
import { deductScoring } from '../../src/engine/scoring/deduct.js';
import { stepsScoring, type StepsScoring } from '../../src/engine/scoring/steps.js';
import { outcome } from '../engine/scoring/outcome.js';

describe('deduct with maxDeduction', () => {
  const spec = { method: 'deduct', perShortfall: 0.5, maxDeduction: 2 } as const;

  it('below the cap, the cap plays no part: 2 short × 0.5 = 1 off, 4 − 1 = 3', () => {
    expect(deductScoring.score(outcome({ shortfalls: 2 }), 4, spec)).toEqual({
      points: 3,
      detail: { zh: '缺2次，每次扣0.5分，扣1分，得3分', en: '2 short, 0.5 off each, 1 off, 3 points' },
    });
  });

  it('exactly at the cap: 4 short × 0.5 = 2 off, 4 − 2 = 2, and no "at most" (the cap changed nothing)', () => {
    expect(deductScoring.score(outcome({ shortfalls: 4 }), 4, spec)).toEqual({
      points: 2,
      detail: { zh: '缺4次，每次扣0.5分，扣2分，得2分', en: '4 short, 0.5 off each, 2 off, 2 points' },
    });
  });
});

describe('steps', () => {
  it('a step worth exactly the line\'s points is not "limited": value 4 → the 4-point step of a 4-point line', () => {
    const spec: StepsScoring = { method: 'steps', steps: [{ atLeast: 2, points: 2 }, { atLeast: 4, points: 4 }] };
    expect(stepsScoring.score(outcome({ value: 4 }), 4, spec)).toEqual({
      points: 4,
      detail: { zh: '实测值 4，对应4分档，得4分', en: 'measured 4, 4-point step, 4 points' },
    });
  });
});
