import { formatCalendarDate, parseCalendarDate, type DayNumber } from '../../core/calendar.js';
import { explain, joinExplanations, type Explanation } from '../../core/explain.js';
import { formatNumber } from '../../core/number.js';
import type { DeadlineMeasure } from '../../model/measures.js';
import type { RecordMeasure } from '../measure-module.js';
import { hasKeys, isDay } from './entry-shape.js';
import { keyedStateOps } from './keyed-state.js';
import { byCodeUnit } from '../../core/order.js';

/**
 * What a task record contributes: its own date, due date and completion date (day numbers).
 *
 * @example
 * const task: TaskEntry = { day: 19050, due: 19082, completed: 19071 };
 */
export interface TaskEntry {
  readonly day: DayNumber;
  readonly due?: DayNumber;
  readonly completed?: DayNumber;
}

/**
 * Deadline state: each task record's dates, keyed by record id.
 *
 * @example
 * const state: DeadlineState = new Map([['t-1', { day: 19050, due: 19082 }]]);
 */
export type DeadlineState = Map<string, TaskEntry>;

interface Tally {
  onTime: number;
  late: number;
  worstLate: number;
  overdue: number;
  pending: number;
  dueSoon: number;
}

/** Where a task stands at `asOf`: done on time, done late, open past its due day, or not yet due. */
export type TaskStanding = 'on-time' | 'late' | 'open' | 'not-yet-due';

/**
 * A task's due day and completion day as the deadline measure reads them, or `undefined` when it
 * has no due day (the measure lists it as unused): due on the record's own `due`, else the spec's
 * `due`; done on the record's own `completed`, else — when the spec sets `due` — on the record's
 * date (the record is the thing done). The measure and the `deadline-open` accountability trigger
 * both read tasks through this, so they cannot disagree on which task is open.
 *
 * @example
 * taskDays({ day: 19043, due: 19052 }, parseCalendarDate('2022-06-30')); // { due: 19052, completed: 19043 }
 */
export function taskDays(task: { readonly day: DayNumber; readonly due?: DayNumber | undefined; readonly completed?: DayNumber | undefined }, specDue: DayNumber | undefined): { due: DayNumber; completed: DayNumber | undefined } | undefined {
  const due = task.due ?? specDue;
  if (due === undefined) return undefined;
  return { due, completed: task.completed ?? (specDue !== undefined ? task.day : undefined) };
}

/**
 * Where a task with these days stands at `asOf`. A completion dated after `asOf` has not happened
 * yet as far as the assessment knows: the task is open once its due day has passed.
 *
 * @example
 * taskStanding({ due: 19082, completed: undefined }, 19357); // 'open'
 */
export function taskStanding(days: { readonly due: DayNumber; readonly completed: DayNumber | undefined }, asOf: DayNumber): TaskStanding {
  const { due, completed } = days;
  if (completed !== undefined && completed <= asOf) return completed <= due ? 'on-time' : 'late';
  return due <= asOf ? 'open' : 'not-yet-due';
}

/**
 * Whether a task record is one the deadline measure counts as open at `asOf` (overdue and not
 * done): {@link taskDays} then {@link taskStanding}.
 *
 * @example
 * isOpenTask({ day: 19052, completed: 19389 }, parseCalendarDate('2022-06-30'), 19357); // true
 */
export function isOpenTask(task: { readonly day: DayNumber; readonly due?: DayNumber | undefined; readonly completed?: DayNumber | undefined }, specDue: DayNumber | undefined, asOf: DayNumber): boolean {
  const days = taskDays(task, specDue);
  return days !== undefined && taskStanding(days, asOf) === 'open';
}

function judge(tally: Tally, due: DayNumber, completed: DayNumber | undefined, asOf: DayNumber, soonDays: number): void {
  switch (taskStanding({ due, completed }, asOf)) {
    case 'on-time':
      tally.onTime++;
      break;
    case 'late':
      tally.late++;
      tally.worstLate = Math.max(tally.worstLate, (completed as DayNumber) - due);
      break;
    case 'open':
      tally.overdue++;
      break;
    case 'not-yet-due':
      tally.pending++;
      if (due - asOf <= soonDays) tally.dueSoon++;
  }
}

const entryKey = (e: TaskEntry): string => `${e.day}|${e.due ?? ''}|${e.completed ?? ''}`;

/**
 * 时限: each record is a task due on `record.due` (or the spec's `due`), done on
 * `record.completed` (or, with a spec `due`, on the record's date). Late tasks are one shortfall
 * each, tasks still open after their due date `openWeight` (default 1) each; with `expected`,
 * tasks never reported count as open. `target` counts the tasks due by `asOf` plus any already
 * done ahead of a later due date, so that `value` (on time) never exceeds it.
 *
 * @example
 * const spec: DeadlineMeasure = { type: 'deadline', recordTypes: ['rectification'] };
 * deadlineMeasure.finalize(state, spec, ctx).detail.zh;
 * // '应完成3项，按时2项，逾期完成1项（最长逾期12天），未完成0项'
 */
export const deadlineMeasure: RecordMeasure<DeadlineMeasure, DeadlineState> = {
  kind: 'records',
  type: 'deadline',
  init: () => new Map<string, TaskEntry>(),
  add(state, record) {
    state.set(record.id, {
      day: record.day,
      ...(record.due !== undefined ? { due: record.due } : {}),
      ...(record.completed !== undefined ? { completed: record.completed } : {}),
    });
  },
  ...keyedStateOps(entryKey),
  isEntry: (entry) => hasKeys(entry, ['day'], ['due', 'completed']) && isDay(entry['day']) && (entry['due'] === undefined || isDay(entry['due'])) && (entry['completed'] === undefined || isDay(entry['completed'])),
  finalize(state, spec, ctx) {
    const specDue = spec.due === undefined ? undefined : parseCalendarDate(spec.due);
    const soonDays = spec.dueSoonDays ?? 14;
    const openWeight = spec.openWeight ?? 1;
    const tally: Tally = { onTime: 0, late: 0, worstLate: 0, overdue: 0, pending: 0, dueSoon: 0 };
    let tasks = 0;
    let withoutDue = 0;
    const unused: string[] = [];
    const judged: { id: string; due: DayNumber; completed: DayNumber | undefined }[] = [];
    for (const [id, entry] of state) {
      const days = taskDays(entry, specDue);
      if (days === undefined) {
        withoutDue++;
        unused.push(id);
        continue;
      }
      judged.push({ id, ...days });
    }
    // Tasks never reported are this period's only if they fall due in it: a task belongs to the
    // period its due date falls in, so a due date in another period expects none of them here.
    const dueHere = specDue !== undefined && specDue >= ctx.period.start && specDue <= ctx.period.end;
    // With a due date and a number expected, the rule asks for that many tasks: records beyond it
    // (a revised issue of the same document) are not more tasks, late or not. The earliest done
    // count (then the smallest id), so that a later record never makes the task late.
    let extra = 0;
    if (dueHere && spec.expected !== undefined && judged.length > spec.expected) {
      const doneBy = (t: { completed: DayNumber | undefined }): number => (t.completed !== undefined && t.completed <= ctx.asOf ? t.completed : Number.POSITIVE_INFINITY);
      judged.sort((a, b) => doneBy(a) - doneBy(b) || byCodeUnit(a.id, b.id));
      for (const t of judged.splice(spec.expected)) unused.push(t.id);
      extra = state.size - withoutDue - judged.length;
    }
    for (const t of judged) {
      tasks++;
      judge(tally, t.due, t.completed, ctx.asOf, soonDays);
    }
    const unreported = dueHere && spec.expected !== undefined ? Math.max(0, spec.expected - tasks) : 0;
    for (let i = 0; i < unreported; i++) judge(tally, specDue as DayNumber, undefined, ctx.asOf, soonDays);

    const target = tally.onTime + tally.late + tally.overdue;
    const parts: Explanation[] = [explain('explain-deadline', { target, onTime: tally.onTime, late: tally.late })];
    if (tally.late > 0) parts.push(explain('explain-deadline-worst-late', { days: tally.worstLate }));
    parts.push(explain('explain-deadline-open', { count: tally.overdue }));
    if (tally.overdue > 0 && openWeight !== 1) parts.push(explain('explain-deadline-open-weight', { weight: formatNumber(openWeight) }));
    if (tally.pending > 0) {
      parts.push(explain('explain-deadline-pending', { count: tally.pending, asOf: formatCalendarDate(ctx.asOf) }));
      if (tally.dueSoon > 0) parts.push(explain('explain-deadline-due-soon', { count: tally.dueSoon, days: soonDays }));
    }
    // unreported > 0 only when the spec sets expected.
    // Not yet due, the tasks never reported are not open either: they will be once due.
    if (unreported > 0) {
      const code = (specDue as DayNumber) > ctx.asOf ? 'explain-deadline-unreported-not-due' : 'explain-deadline-unreported';
      parts.push(explain(code, { expected: spec.expected as number, reported: tasks }));
    }
    if (extra > 0) parts.push(explain('explain-deadline-extra', { count: extra, expected: spec.expected as number }));
    if (withoutDue > 0) parts.push(explain('explain-deadline-without-due', { count: withoutDue }));
    return {
      status: 'measured',
      value: tally.onTime,
      target,
      shortfalls: tally.late + openWeight * tally.overdue,
      ratio: target === 0 ? 1 : tally.onTime / target,
      // Provisional only while nothing is late or overdue yet and tasks remain to fall due.
      inProgress: tally.pending > 0 && tally.late === 0 && tally.overdue === 0,
      counted: tasks,
      ...(unused.length > 0 ? { unused: unused.sort(byCodeUnit) } : {}),
      facts: { onTime: tally.onTime, late: tally.late, open: tally.overdue, notYetDue: tally.pending, dueSoon: tally.dueSoon, worstLateDays: tally.worstLate },
      detail: joinExplanations(parts),
    };
  },
};
