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
      return { points: full, detail: { zh: `无缺项，得${formatNumber(full)}分`, en: `nothing missed, ${formatNumber(full)} points` } };
    }
    const due = roundTo(spec.perShortfall * shortfalls, 2);
    const capped = spec.maxDeduction !== undefined && due > spec.maxDeduction;
    const deduction = capped ? (spec.maxDeduction as number) : due;
    const floored = deduction > full;
    const points = clamp(roundTo(full - deduction, 2), 0, full);
    const taken = roundTo(full - points, 2);
    const n = formatNumber(shortfalls);
    const each = formatNumber(spec.perShortfall);
    let zh = `缺${n}次，每次扣${each}分`;
    let en = `${n} short, ${each} off each`;
    if (capped) {
      zh += `，最多扣${formatNumber(deduction)}分`;
      en += `, at most ${formatNumber(deduction)} off`;
    }
    if (floored) {
      zh += `，应扣${formatNumber(deduction)}分，扣完为止，扣${formatNumber(taken)}分`;
      en += `, ${formatNumber(deduction)} due but no line goes below zero, ${formatNumber(taken)} off`;
    } else {
      zh += `，扣${formatNumber(taken)}分`;
      en += `, ${formatNumber(taken)} off`;
    }
    zh += `，得${formatNumber(points)}分`;
    en += `, ${formatNumber(points)} points`;
    return { points, detail: { zh, en } };
  },
};
