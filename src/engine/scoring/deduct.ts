import { explain, joinExplanations, type Explanation } from '../../core/explain.js';
import { clamp, formatNumber, roundTo } from '../../core/number.js';
import type { Scoring } from '../../model/measures.js';
import type { ScoringModule } from '../scoring-module.js';

/**
 * The deduction scoring spec.
 *
 * @example
 * const spec: DeductScoring = { method: 'deduct', perShortfall: 0.5, maxDeduction: 2 };
 */
export type DeductScoring = Extract<Scoring, { method: 'deduct' }>;

/**
 * 扣分: `perShortfall` off per shortfall ("每缺一次扣0.5分"), at most `maxDeduction`, and never
 * below zero for the line (扣完为止).
 *
 * @example
 * deductScoring.score({ ...outcome, shortfalls: 1 }, 4, { method: 'deduct', perShortfall: 0.5 }).detail.zh;
 * // '缺1次，每次扣0.5分，扣0.5分，得3.5分'
 */
export const deductScoring: ScoringModule<DeductScoring> = {
  method: 'deduct',
  score(outcome, max, spec) {
    const full = Math.max(0, max);
    const shortfalls = Math.max(0, outcome.shortfalls);
    if (shortfalls === 0) {
      return { points: full, detail: explain('explain-score-nothing-missed', { points: formatNumber(full) }) };
    }
    const due = roundTo(spec.perShortfall * shortfalls, 2);
    const capped = spec.maxDeduction !== undefined && due > spec.maxDeduction;
    const deduction = capped ? (spec.maxDeduction as number) : due;
    const floored = deduction > full;
    const points = clamp(roundTo(full - deduction, 2), 0, full);
    const taken = roundTo(full - points, 2);
    const parts: Explanation[] = [explain('explain-deduct-each', { count: formatNumber(shortfalls), each: formatNumber(spec.perShortfall) })];
    if (capped) parts.push(explain('explain-deduct-cap', { cap: formatNumber(deduction) }));
    if (floored) parts.push(explain('explain-deduct-floored', { due: formatNumber(deduction), taken: formatNumber(taken) }));
    else parts.push(explain('explain-deduct-taken', { taken: formatNumber(taken) }));
    parts.push(explain('explain-score-points', { points: formatNumber(points) }));
    return { points, detail: joinExplanations(parts) };
  },
};
