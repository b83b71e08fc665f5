import { explain } from '../../core/explain.js';
import { clamp, formatNumber, roundTo } from '../../core/number.js';
import { distinctFigure } from '../measures/distinct-figure.js';
import type { Scoring } from '../../model/measures.js';
import type { ScoringModule } from '../scoring-module.js';

/**
 * The proportional scoring spec.
 *
 * @example
 * const spec: ProportionalScoring = { method: 'proportional' };
 */
export type ProportionalScoring = Extract<Scoring, { method: 'proportional' }>;

/**
 * 按比例得分: `max × ratio`, the ratio taken as within [0, 1], rounded to hundredths.
 *
 * @example
 * proportionalScoring.score({ ...outcome, ratio: 0.875 }, 4, { method: 'proportional' }).points; // 3.5
 */
export const proportionalScoring: ScoringModule<ProportionalScoring> = {
  method: 'proportional',
  score(outcome, max) {
    const ratio = Number.isFinite(outcome.ratio) ? clamp(outcome.ratio, 0, 1) : 0;
    const full = Math.max(0, max);
    const points = clamp(roundTo(full * ratio, 2), 0, full);
    return { points, detail: explain('explain-score-proportional', { ratio: distinctFigure(ratio, [0, 1], { percent: true }), points: formatNumber(points) }) };
  },
};
