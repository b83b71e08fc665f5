import { formatCalendarDate } from '../../core/calendar.js';
import { explain, joinExplanations, type Explanation } from '../../core/explain.js';
import { formatNumber } from '../../core/number.js';
import type { CountMeasure } from '../../model/measures.js';
import type { RecordMeasure } from '../measure-module.js';

/**
 * Count state: the ids of the records counted. A set, so merge is a union and remove a delete.
 *
 * @example
 * const state: CountState = new Set(['r-1', 'r-2']);
 */
export type CountState = Set<string>;

/**
 * 计数: the period total of records, at least `atLeast` ("专题研究党建工作每年不少于4次").
 * One missing record is one shortfall; the ratio is capped at 1.
 *
 * @example
 * const spec: CountMeasure = { type: 'count', recordTypes: ['topic-meeting'], atLeast: 4 };
 * const state = countMeasure.init(spec, ctx);
 * for (const record of records) countMeasure.add(state, record, spec, ctx);
 * countMeasure.finalize(state, spec, ctx).detail.zh; // '要求不少于4次，实有3次，缺1次'
 */
export const countMeasure: RecordMeasure<CountMeasure, CountState> = {
  kind: 'records',
  type: 'count',
  init: () => new Set<string>(),
  add(state, record) {
    state.add(record.id);
  },
  remove(state, recordId) {
    state.delete(recordId);
  },
  merge(into, other) {
    for (const id of other) into.add(id);
    return into;
  },
  finalize(state, spec, ctx) {
    return countMeasure.finalizeCounted!({ size: state.size, days: () => [] }, spec, ctx);
  },
  finalizeCounted(counted, spec, ctx) {
    const value = counted.size;
    const shortfalls = Math.max(0, spec.atLeast - value);
    const inProgress = ctx.running && shortfalls > 0;
    const parts: Explanation[] = [explain('explain-count', { required: formatNumber(spec.atLeast), value })];
    if (shortfalls > 0) parts.push(explain('explain-times-short', { count: shortfalls }));
    if (inProgress) parts.push(explain('explain-count-running', { asOf: formatCalendarDate(ctx.asOf) }));
    return {
      status: 'measured',
      value,
      target: spec.atLeast,
      shortfalls,
      ratio: Math.min(1, value / spec.atLeast),
      inProgress,
      counted: value,
      detail: joinExplanations(parts),
    };
  },
};
