import { explain } from '../../core/explain.js';
import { formatNumber } from '../../core/number.js';
import type { Scoring } from '../../model/measures.js';
import type { ScoringModule } from '../scoring-module.js';

/**
 * The all-or-nothing scoring spec.
 *
 * @example
 * const spec: AllOrNothingScoring = { method: 'all-or-nothing' };
 */
export type AllOrNothingScoring = Extract<Scoring, { method: 'all-or-nothing' }>;

/**
 * 达标得分: full points when the requirement is met (no shortfall), none otherwise.
 *
 * @example
 * allOrNothingScoring.score(outcome, 4, { method: 'all-or-nothing' }); // { points: 4, detail: { zh: '达标，得4分', ... } } when met
 */
export const allOrNothingScoring: ScoringModule<AllOrNothingScoring> = {
  method: 'all-or-nothing',
  score(outcome, max) {
    const full = Math.max(0, max);
    if (outcome.shortfalls === 0) {
      return { points: full, detail: explain('explain-score-met', { points: formatNumber(full) }) };
    }
    return { points: 0, detail: explain('explain-score-not-met') };
  },
};
