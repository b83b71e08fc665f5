import { explain, joinExplanations } from '../../core/explain.js';
import { formatNumber, formatPercent } from '../../core/number.js';
import { distinctFigure } from '../measures/distinct-figure.js';
import type { Scoring } from '../../model/measures.js';
import type { ScoringModule } from '../scoring-module.js';

/**
 * The step scoring spec.
 *
 * @example
 * const spec: StepsScoring = { method: 'steps', on: 'ratio', steps: [{ atLeast: 0.9, points: 4 }, { atLeast: 0.6, points: 2 }] };
 */
export type StepsScoring = Extract<Scoring, { method: 'steps' }>;

/**
 * 分档得分: the points of the highest step whose `atLeast` the value (or, with `on: 'ratio'`, the
 * ratio) reaches, whatever order the steps are written in; never more than the line's points;
 * 0 below the lowest step.
 *
 * @example
 * const spec: StepsScoring = { method: 'steps', steps: [{ atLeast: 2, points: 2 }, { atLeast: 4, points: 4 }, { atLeast: 3, points: 3 }] };
 * stepsScoring.score({ ...outcome, value: 3 }, 4, spec).detail.zh; // '实测值 3，对应3分档，得3分'
 */
export const stepsScoring: ScoringModule<StepsScoring> = {
  method: 'steps',
  score(outcome, max, spec) {
    const full = Math.max(0, max);
    const onRatio = spec.on === 'ratio';
    const measured = onRatio ? outcome.ratio : outcome.value;
    // Shown with enough digits not to read as a step it did not reach (0.8996 is not "0.9").
    const marks = spec.steps.map((s) => s.atLeast);
    const what = onRatio
      ? explain('explain-steps-ratio', { ratio: distinctFigure(measured, [...marks, 0, 1], { percent: true }) })
      : explain('explain-steps-value', { value: distinctFigure(measured, marks) });
    // Highest threshold first; on equal thresholds the higher points, so input order never matters.
    const sorted = [...spec.steps].sort((a, b) => b.atLeast - a.atLeast || b.points - a.points);
    const step = sorted.find((s) => s.atLeast <= measured);
    if (step === undefined) {
      const lowest = sorted[sorted.length - 1]?.atLeast ?? 0;
      const floor = onRatio ? formatPercent(lowest) : formatNumber(lowest);
      return { points: 0, detail: explain('explain-steps-below', { measured: what, floor }) };
    }
    const points = Math.min(step.points, full);
    const limited = step.points > full;
    const parts = [explain('explain-steps-band', { measured: what, band: formatNumber(step.points) })];
    if (limited) parts.push(explain('explain-steps-limited', { max: formatNumber(full) }));
    parts.push(explain('explain-score-points', { points: formatNumber(points) }));
    return { points, detail: joinExplanations(parts) };
  },
};
