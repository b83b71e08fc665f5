import { formatNumber, stableSum } from '../../core/number.js';
import type { RatingMeasure } from '../../model/measures.js';
import type { AttributeValue } from '../../model/record.js';
import type { RecordMeasure } from '../measure-module.js';
import { keyedStateOps } from './keyed-state.js';

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

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const entryKey = (e: RatingEntry): string => JSON.stringify([e.rater, e.score ?? null]);

/** The valid score of each rater, ascending; a rater's record with the smallest id wins. */
function scoresByRater(state: RatingState, scale: number): { scores: number[]; invalid: number; duplicates: number } {
  const byRater = new Map<string, number>();
  let invalid = 0;
  let duplicates = 0;
  for (const id of [...state.keys()].sort(byCodeUnit)) {
    const { rater, score } = state.get(id) as RatingEntry;
    if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > scale) invalid++;
    else if (byRater.has(rater)) duplicates++;
    else byRater.set(rater, score);
  }
  return { scores: [...byRater.values()].sort((a, b) => a - b), invalid, duplicates };
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
  finalize(state, spec, ctx) {
    const { scores, invalid, duplicates } = scoresByRater(state, spec.scale);
    const raters = scores.length;
    const trim = spec.aggregate === 'trimmed-mean' && raters >= 3;
    const kept = trim ? scores.slice(1, -1) : scores;
    const value = kept.length > 0 ? stableSum(kept) / kept.length : 0;
    const minRaters = spec.minRaters ?? 1;
    const tooFew = raters < minRaters ? 1 : 0;
    const below = spec.atLeast !== undefined && value < spec.atLeast ? 1 : 0;
    const scale = formatNumber(spec.scale);
    const mean = formatNumber(value);

    let zh: string;
    let en: string;
    if (raters === 0) {
      zh = `无有效评分（满分${scale}）`;
      en = `no valid score (out of ${scale})`;
    } else if (trim) {
      zh = `${raters}名评议人，去掉一个最高分和一个最低分后平均 ${mean} 分（满分${scale}）`;
      en = `${raters} raters, mean ${mean} after dropping the highest and the lowest (out of ${scale})`;
    } else if (spec.aggregate === 'trimmed-mean') {
      zh = `${raters}名评议人，不足3人无法去掉最高分和最低分，按平均 ${mean} 分计（满分${scale}）`;
      en = `${raters} rater(s), too few to drop the highest and the lowest, plain mean ${mean} (out of ${scale})`;
    } else {
      zh = `${raters}名评议人，平均 ${mean} 分（满分${scale}）`;
      en = `${raters} rater(s), mean ${mean} (out of ${scale})`;
    }
    if (spec.atLeast !== undefined) {
      zh += `，要求不低于${formatNumber(spec.atLeast)}分${below ? '，未达到' : ''}`;
      en += `, required at least ${formatNumber(spec.atLeast)}${below ? ', not reached' : ''}`;
    }
    if (tooFew && spec.minRaters !== undefined) {
      zh += `；评议人少于要求的${spec.minRaters}名`;
      en += `; fewer raters than the ${spec.minRaters} required`;
    }
    if (duplicates > 0) {
      zh += `；${duplicates}条重复评分（同一评议人）只取编号最小的一条`;
      en += `; ${duplicates} repeated score(s) by the same rater ignored (the smallest record id kept)`;
    }
    if (invalid > 0) {
      zh += `；${invalid}条评分非数字或超出0–${scale}，未计入`;
      en += `; ${invalid} score(s) not a number or outside 0–${scale} not counted`;
    }
    return {
      status: 'measured',
      value,
      target: spec.atLeast ?? null,
      shortfalls: tooFew + below,
      ratio: Math.min(1, Math.max(0, value / spec.scale)),
      inProgress: ctx.running,
      counted: raters,
      detail: { zh, en },
    };
  },
};
