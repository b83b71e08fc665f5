import { explain, joinExplanations, type Explanation } from '../../core/explain.js';
import { formatNumber, roundTo, stableSum } from '../../core/number.js';
import type { RatingMeasure } from '../../model/measures.js';
import type { AttributeValue } from '../../model/record.js';
import type { RecordMeasure } from '../measure-module.js';
import { isAttributeValue } from '../../evidence/fast-record.js';
import { hasKeys } from './entry-shape.js';
import { distinctFigure } from './distinct-figure.js';
import { keyedStateOps } from './keyed-state.js';
import { byCodeUnit } from '../../core/order.js';

/**
 * One rating record: who rated and the raw score attribute. Unnamed raters are keyed by record
 * id, prefixed so that they never collide with a named rater of the same text.
 *
 * @example
 * const entry: RatingEntry = { rater: 'rater:p-zhang', score: 92 };
 */
export interface RatingEntry {
  readonly rater: string;
  readonly score: AttributeValue | undefined;
}

/**
 * Rating state: each record's rater and score, keyed by record id.
 *
 * @example
 * const state: RatingState = new Map([['s-1', { rater: 'record:s-1', score: 88 }]]);
 */
export type RatingState = Map<string, RatingEntry>;

const entryKey = (e: RatingEntry): string => JSON.stringify([e.rater, e.score ?? null]);

/**
 * The valid score of each rater, ascending. A rater's record with the smallest id is the one that
 * counts, chosen before its score is looked at: when its score is invalid the rater has no valid
 * score, and a later sheet does not stand in for it (that would let a rater's second try win
 * unnoticed); the rater's other records are repeats.
 */
function scoresByRater(state: RatingState, scale: number): { scores: number[]; invalid: number; duplicates: number; unused: string[] } {
  // The rater's chosen score, or undefined when the chosen record's score was invalid.
  const byRater = new Map<string, number | undefined>();
  let invalid = 0;
  let duplicates = 0;
  const unused: string[] = [];
  for (const id of [...state.keys()].sort(byCodeUnit)) {
    const { rater, score } = state.get(id) as RatingEntry;
    if (byRater.has(rater)) duplicates++;
    else if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > scale) {
      invalid++;
      byRater.set(rater, undefined);
    } else {
      byRater.set(rater, score);
      continue;
    }
    unused.push(id);
  }
  const scores = [...byRater.values()].filter((score): score is number => score !== undefined);
  return { scores: scores.sort((a, b) => a - b), invalid, duplicates, unused };
}

/**
 * 测评: raters' scores combined by mean or trimmed mean (drops one highest and one lowest,
 * when there are at least 3 raters) — democratic appraisal (民主测评). One score per rater.
 * Fewer valid raters than `minRaters` (default 1) is a shortfall; so is a result below
 * `atLeast`; the two add up.
 *
 * @example
 * const spec: RatingMeasure = { type: 'rating', recordTypes: ['appraisal'], aggregate: 'trimmed-mean', scale: 100 };
 * ratingMeasure.finalize(state, spec, ctx).detail.zh;
 * // '5名评议人，去掉一个最高分和一个最低分后平均 88.33 分（满分100）'
 */
export const ratingMeasure: RecordMeasure<RatingMeasure, RatingState> = {
  kind: 'records',
  type: 'rating',
  init: () => new Map<string, RatingEntry>(),
  add(state, record, spec) {
    const rater = record.attributes.get(spec.rater ?? 'rater');
    const named = (typeof rater === 'string' && rater !== '') || typeof rater === 'number';
    state.set(record.id, { rater: named ? `rater:${String(rater)}` : `record:${record.id}`, score: record.attributes.get(spec.score ?? 'score') });
  },
  ...keyedStateOps(entryKey),
  isEntry: (entry) => hasKeys(entry, ['rater', 'score']) && typeof entry['rater'] === 'string' && isAttributeValue(entry['score']),
  finalize(state, spec, ctx) {
    const { scores, invalid, duplicates, unused } = scoresByRater(state, spec.scale);
    const raters = scores.length;
    const trim = spec.aggregate === 'trimmed-mean' && raters >= 3;
    const kept = trim ? scores.slice(1, -1) : scores;
    // The mean is kept to 1e-9 so that 80.3, 80.4 and 80.5 average 80.4, not 80.39999999999999,
    // and an `atLeast` or a step at 80.4 is reached; the ratio is worked out from the exact mean,
    // so it is rounded once.
    const exact = kept.length > 0 ? stableSum(kept) / kept.length : 0;
    const value = roundTo(exact, 9);
    const minRaters = spec.minRaters ?? 1;
    const tooFew = raters < minRaters ? 1 : 0;
    const below = spec.atLeast !== undefined && value < spec.atLeast ? 1 : 0;
    const scale = formatNumber(spec.scale);
    const mean = distinctFigure(value, spec.atLeast === undefined ? [0, spec.scale] : [spec.atLeast, 0, spec.scale]);

    const summary =
      raters === 0
        ? 'explain-rating-none'
        : trim
          ? 'explain-rating-trimmed'
          : spec.aggregate === 'trimmed-mean'
            ? 'explain-rating-too-few-to-trim'
            : 'explain-rating-mean';
    const parts: Explanation[] = [explain(summary, { raters, mean, scale })];
    if (spec.atLeast !== undefined) {
      parts.push(explain('explain-at-least-points', { atLeast: formatNumber(spec.atLeast) }));
      if (below) parts.push(explain('explain-not-reached'));
    }
    if (tooFew && spec.minRaters !== undefined) parts.push(explain('explain-rating-few-raters', { required: spec.minRaters }));
    if (duplicates > 0) parts.push(explain('explain-rating-duplicates', { count: duplicates }));
    if (invalid > 0) parts.push(explain('explain-scores-invalid', { count: invalid, scale }));
    return {
      status: 'measured',
      value,
      target: spec.atLeast ?? null,
      shortfalls: tooFew + below,
      ratio: Math.min(1, Math.max(0, roundTo(exact / spec.scale, 9))),
      inProgress: ctx.running,
      counted: raters,
      ...(unused.length > 0 ? { unused } : {}),
      detail: joinExplanations(parts),
    };
  },
};
