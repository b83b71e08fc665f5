import { FrozenMap } from '../../graph/frozen-map.js';
import type { Scoring } from '../../model/measures.js';
import type { MeasureOutcome } from '../measure-module.js';
import type { ScoredPoints, ScoringModule } from '../scoring-module.js';
import { allOrNothingScoring } from './all-or-nothing.js';
import { deductScoring } from './deduct.js';
import { proportionalScoring } from './proportional.js';
import { stepsScoring } from './steps.js';

/**
 * A scoring method's name.
 *
 * @example
 * const method: ScoringMethod = 'deduct';
 */
export type ScoringMethod = Scoring['method'];

// A mapped type, so that a method without a module fails to compile.
const MODULES: { readonly [M in ScoringMethod]: ScoringModule<Extract<Scoring, { method: M }>> } = {
  'all-or-nothing': allOrNothingScoring,
  proportional: proportionalScoring,
  deduct: deductScoring,
  steps: stepsScoring,
};

/**
 * Every scoring module, by method, read-only.
 *
 * @example
 * SCORING.get('deduct')?.method; // 'deduct'
 */
export const SCORING: ReadonlyMap<ScoringMethod, ScoringModule> = new FrozenMap<ScoringMethod, ScoringModule>(
  (Object.keys(MODULES) as ScoringMethod[]).map((method) => [method, MODULES[method] as ScoringModule]),
);

/**
 * Scores a measure's outcome out of `max` points by the given method. Points are rounded to
 * hundredths and never below 0 nor above `max`.
 *
 * @example
 * scorePoints(outcome, 4, { method: 'deduct', perShortfall: 0.5 }); // { points: 3.5, detail: { zh: '缺1次，每次扣0.5分，扣0.5分，得3.5分', en: ... } }
 */
export function scorePoints(outcome: MeasureOutcome, max: number, spec: Scoring): ScoredPoints {
  const module = SCORING.get(spec.method);
  if (module === undefined) throw new TypeError(`zerenzhi: unknown scoring method "${String(spec.method)}"`);
  return module.score(outcome, max, spec);
}
