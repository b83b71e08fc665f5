import { describe, expect, it } from 'vitest';
import { allOrNothingScoring } from '../../../src/engine/scoring/all-or-nothing.js';
import { outcome } from './outcome.js';

const spec = { method: 'all-or-nothing' } as const;

describe('all-or-nothing', () => {
  it('gives full points with no shortfall', () => {
    expect(allOrNothingScoring.score(outcome(), 4, spec)).toEqual({ points: 4, detail: { zh: '达标，得4分', en: 'met, 4 points' } });
  });

  it('gives nothing with any shortfall, however small', () => {
    expect(allOrNothingScoring.score(outcome({ shortfalls: 0.5, ratio: 0.99 }), 4, spec)).toEqual({
      points: 0,
      detail: { zh: '未达标，得0分', en: 'not met, 0 points' },
    });
  });

  it('never gives more than the line is worth, nor less than 0', () => {
    expect(allOrNothingScoring.score(outcome(), 0, spec).points).toBe(0);
    expect(allOrNothingScoring.score(outcome(), 2.5, spec).points).toBe(2.5);
  });
});
