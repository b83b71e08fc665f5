import { formatCalendarDate, parseCalendarDate, type DayNumber } from '../../core/calendar.js';
import { explain, joinExplanations, type Explanation } from '../../core/explain.js';
import type { WindowMeasure } from '../../model/measures.js';
import type { EvidenceRecord } from '../../model/record.js';
import type { RecordMeasure } from '../measure-module.js';

/**
 * Window state: the ids of the records dated inside the window.
 *
 * @example
 * const state: WindowState = new Set(['lecture-0701']);
 */
export type WindowState = Set<string>;

/** The window's inclusive bounds as day numbers; an unparsable bound (never after validation) accepts nothing. */
function bounds(spec: WindowMeasure): { from: DayNumber; to: DayNumber } {
  return { from: parseCalendarDate(spec.from) ?? Infinity, to: parseCalendarDate(spec.to) ?? -Infinity };
}

function inside(record: EvidenceRecord, spec: WindowMeasure): boolean {
  const { from, to } = bounds(spec);
  return from <= record.day && record.day <= to;
}

/**
 * 时间窗口: at least `atLeast` records (default 1) dated from `from` to `to` inclusive, such as
 * the secretary's topic party lecture around 1 July. Before the window closes an unmet
 * requirement is in progress, not missed.
 *
 * @example
 * const spec: WindowMeasure = { type: 'window', recordTypes: ['party-lecture'], from: '2022-06-15', to: '2022-07-31' };
 * windowMeasure.accepts?.(record, spec, ctx); // true when record.date is inside the window
 * windowMeasure.finalize(state, spec, ctx).detail.zh; // '要求在2022-06-15至2022-07-31期间至少1次，实有1次'
 */
export const windowMeasure: RecordMeasure<WindowMeasure, WindowState> = {
  kind: 'records',
  type: 'window',
  init: () => new Set<string>(),
  accepts: (record, spec) => inside(record, spec),
  add(state, record, spec) {
    // Checked again so that a caller skipping `accepts` cannot count a record outside the window.
    if (inside(record, spec)) state.add(record.id);
  },
  remove(state, recordId) {
    state.delete(recordId);
  },
  merge(into, other) {
    for (const id of other) into.add(id);
    return into;
  },
  finalize(state, spec, ctx) {
    return windowMeasure.finalizeCounted!({ size: state.size, days: () => [] }, spec, ctx);
  },
  // Every record that counted passed `accepts`: it is inside the window.
  finalizeCounted(counted, spec, ctx) {
    const atLeast = spec.atLeast ?? 1;
    const value = counted.size;
    const shortfalls = Math.max(0, atLeast - value);
    const inProgress = shortfalls > 0 && ctx.asOf < bounds(spec).to;
    const parts: Explanation[] = [explain('explain-window', { from: spec.from, to: spec.to, atLeast, value })];
    if (shortfalls > 0) parts.push(explain('explain-times-short', { count: shortfalls }));
    if (inProgress) parts.push(explain('explain-window-open', { asOf: formatCalendarDate(ctx.asOf) }));
    return {
      status: 'measured',
      value,
      target: atLeast,
      shortfalls,
      ratio: Math.min(1, value / atLeast),
      inProgress,
      counted: value,
      detail: joinExplanations(parts),
    };
  },
};
