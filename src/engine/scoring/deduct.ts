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

// A figure of the rule set or one worked out from it, shown as it is (0.125, not 0.13).
const exact = (value: number): string => formatNumber(value, 9);

/**
 * 扣分: `perShortfall` off per shortfall ("每缺一次扣0.5分"), at most `maxDeduction`, and never
 * below zero for the line (扣完为止). The line is rounded to hundredths once, after the deduction.
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
    // The deduction is kept exact (to 1e-9: 0.1 × 3 is 0.30000000000000004) and the line rounded
    // once, at the end: 2 − 3 × 0.125 = 1.625 gives 1.63, where rounding the deduction first
    // (0.38) gave 1.62. The explanation shows the same exact figures, so it adds up to the score.
    const due = roundTo(spec.perShortfall * shortfalls, 9);
    const capped = spec.maxDeduction !== undefined && due > spec.maxDeduction;
    const deduction = capped ? (spec.maxDeduction as number) : due;
    const floored = deduction > full;
    const points = floored ? 0 : clamp(roundTo(full - deduction, 2), 0, full);
    const parts: Explanation[] = [explain('explain-deduct-each', { count: formatNumber(shortfalls), each: exact(spec.perShortfall) })];
    if (capped) parts.push(explain('explain-deduct-cap', { cap: exact(deduction) }));
    if (floored) parts.push(explain('explain-deduct-floored', { due: exact(deduction), taken: exact(full) }));
    else parts.push(explain('explain-deduct-taken', { taken: exact(deduction) }));
    parts.push(explain('explain-score-points', { points: formatNumber(points) }));
    return { points, detail: joinExplanations(parts) };
  },
};
