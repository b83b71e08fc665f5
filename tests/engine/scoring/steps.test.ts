import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stepsScoring, type StepsScoring } from '../../../src/engine/scoring/steps.js';
import { outcome } from './outcome.js';

// written out of order on purpose: the highest threshold reached wins
const spec: StepsScoring = {
  method: 'steps',
  steps: [
    { atLeast: 2, points: 2 },
    { atLeast: 4, points: 4 },
    { atLeast: 3, points: 3 },
  ],
};

describe('steps', () => {
  it('takes the highest step the value reaches, whatever the input order', () => {
    // value 3: steps by threshold 4, 3, 2 → 4 > 3, 3 ≤ 3 → 3 points
    expect(stepsScoring.score(outcome({ value: 3 }), 4, spec)).toEqual({
      points: 3,
      detail: { zh: '实测值 3，对应3分档，得3分', en: 'measured 3, 3-point step, 3 points' },
    });
    expect(stepsScoring.score(outcome({ value: 9 }), 4, spec).points).toBe(4);
  });

  it('gives 0 below the lowest step', () => {
    expect(stepsScoring.score(outcome({ value: 1 }), 4, spec)).toEqual({
      points: 0,
      detail: { zh: '实测值 1，未达到最低档（2），得0分', en: 'measured 1, below the lowest step (2), 0 points' },
    });
  });

  it('with no steps at all (an untyped caller: the schema asks for one), gives 0 and names 0 as the lowest step', () => {
    expect(stepsScoring.score(outcome({ value: 1 }), 4, { method: 'steps', steps: [] } as never)).toEqual({
      points: 0,
      detail: { zh: '实测值 1，未达到最低档（0），得0分', en: 'measured 1, below the lowest step (0), 0 points' },
    });
  });

  it('reads the ratio when told to, and never gives more than the line', () => {
    const onRatio: StepsScoring = { method: 'steps', on: 'ratio', steps: [{ atLeast: 0.9, points: 5 }, { atLeast: 0.6, points: 2 }] };
    // ratio 0.95 ≥ 0.9 → 5 points, but the line is worth 4
    expect(stepsScoring.score(outcome({ ratio: 0.95 }), 4, onRatio)).toEqual({
      points: 4,
      detail: { zh: '完成比例 95%，对应5分档（以本项满分4分为限），得4分', en: "95% achieved, 5-point step (limited to the line's 4), 4 points" },
    });
    expect(stepsScoring.score(outcome({ ratio: 0.7 }), 4, onRatio).points).toBe(2);
  });

  it('does not depend on the order steps are written in', () => {
    const step = fc.record({ atLeast: fc.integer({ min: -2, max: 10 }), points: fc.integer({ min: 0, max: 6 }) });
    const stepsAndOrder = fc
      .array(step, { minLength: 1, maxLength: 6 })
      .chain((steps) => fc.tuple(fc.constant(steps), fc.shuffledSubarray(steps, { minLength: steps.length, maxLength: steps.length })));
    fc.assert(
      fc.property(stepsAndOrder, fc.integer({ min: -3, max: 12 }), ([steps, shuffled], value) => {
        const a = stepsScoring.score(outcome({ value }), 5, { method: 'steps', steps });
        const b = stepsScoring.score(outcome({ value }), 5, { method: 'steps', steps: shuffled });
        expect(b).toEqual(a);
      }),
    );
  });
});
