import { parseCalendarDate } from '../core/calendar.js';
import { hasSupport, matchesWhere } from '../engine/matches.js';
import { isOpenTask } from '../engine/measures/deadline.js';
import { matchingPostOrganizations, type IndicatorPlan, type Plan } from '../engine/plan.js';
import type { EvidenceRecord } from '../model/record.js';
import type { RetainedIndex } from './retained-index.js';
import { lowerBound } from '../core/order.js';
import { pushGroup } from '../graph/frozen-map.js';

/**
 * The open, overdue task records of one deadline indicator, indexed so that a subject's are found
 * without going through the organizations it answers for one by one: those of organizations by
 * their place in the preorder walk (a subtree is one run of places), those of people by person.
 */
export interface OpenTasks {
  /** The open tasks that name a person of the graph, by person. */
  readonly byPerson: ReadonlyMap<string, readonly EvidenceRecord[]>;
  /** Places in the preorder walk of the open tasks' organizations, ascending; `records` beside them. */
  readonly places: readonly number[];
  readonly records: readonly EvidenceRecord[];
}

/**
 * Indexes the open tasks of a deadline indicator: those the measure counts (its record types,
 * filters and required attributes) and judges open at `asOf` — due on the record's due date or
 * the spec's, done on its completion date or (with a spec due date) its own date. One pass over
 * the retained records and one sort.
 *
 * @example
 * const tasks = indexOpenTasks(plan, indicatorPlan, retained);
 */
export function indexOpenTasks(plan: Plan, indicator: IndicatorPlan, retained: RetainedIndex): OpenTasks {
  const measure = indicator.indicator.measure;
  if (measure?.type !== 'deadline') return { byPerson: new Map(), places: [], records: [] };
  const types = new Set(measure.recordTypes);
  const specDue = measure.due === undefined ? undefined : parseCalendarDate(measure.due);
  const { asOf } = plan.context;
  const { span } = plan.graph.index;
  const byPerson = new Map<string, EvidenceRecord[]>();
  const placed: { place: number; record: EvidenceRecord }[] = [];
  for (const r of retained.all) {
    if (!types.has(r.type) || !matchesWhere(r, indicator.where) || !hasSupport(r, indicator.requireAttributes) || !isOpenTask(r, specDue, asOf)) continue;
    if (r.person !== undefined) pushGroup(byPerson, r.person, r);
    const at = r.organization === undefined ? undefined : span.get(r.organization);
    if (at) placed.push({ place: at.enter, record: r });
  }
  // Stable: tasks of one organization keep the order they were retained in.
  placed.sort((a, b) => a.place - b.place);
  return { byPerson, places: placed.map((p) => p.place), records: placed.map((p) => p.record) };
}

/** A run of places in the preorder walk: a subtree, or one organization. */
export interface Run {
  readonly enter: number;
  readonly exit: number;
}

/**
 * The runs not inside another, in walk order: runs of one walk are nested or apart, so their
 * union is the runs that start after the end of every earlier one. Sorts `runs` in place.
 *
 * @example
 * outerRuns([{ enter: 2, exit: 3 }, { enter: 0, exit: 5 }]); // [{ enter: 0, exit: 5 }]
 */
export function outerRuns<R extends Run>(runs: R[]): R[] {
  runs.sort((a, b) => a.enter - b.enter || b.exit - a.exit);
  const out: R[] = [];
  let end = 0;
  for (const run of runs) {
    if (run.enter < end) continue;
    end = run.exit;
    out.push(run);
  }
  return out;
}

/** The open tasks of organizations in some runs of the preorder walk (nested or apart, each once). */
function inRuns(tasks: OpenTasks, runs: Run[]): EvidenceRecord[] {
  const out: EvidenceRecord[] = [];
  for (const { enter, exit } of outerRuns(runs)) {
    for (let i = lowerBound(tasks.places, enter); i < tasks.places.length && (tasks.places[i] as number) < exit; i++) out.push(tasks.records[i] as EvidenceRecord);
  }
  return out;
}

/**
 * The open tasks a deadline line counted for a subject: an organization's own (with subtree
 * scope, those of every organization below it too); a person's own, or — for an indicator read
 * by organization — those of the organizations where the person holds a post it applies to
 * (and, with subtree scope, below them). Work in the number of runs and of tasks found, not in the
 * size of the subtrees.
 *
 * @example
 * openTasksOf(plan, indicatorPlan, tasks, { type: 'organization', id: 'b1' }).map((r) => r.id);
 */
export function openTasksOf(plan: Plan, indicator: IndicatorPlan, tasks: OpenTasks, subject: { readonly type: 'organization' | 'person'; readonly id: string }): EvidenceRecord[] {
  const { span } = plan.graph.index;
  const runOf = (id: string): Run | undefined => {
    const at = span.get(id);
    if (!at) return undefined;
    return indicator.scope === 'subtree' ? { enter: at.enter, exit: at.exit } : { enter: at.enter, exit: at.enter + 1 };
  };
  if (subject.type === 'person' && indicator.by !== 'organization') return [...(tasks.byPerson.get(subject.id) ?? [])];
  const organizations = subject.type === 'organization' ? [subject.id] : matchingPostOrganizations(indicator.applies, plan.graph, subject.id);
  const runs: Run[] = [];
  for (const id of organizations) {
    const run = runOf(id);
    if (run) runs.push(run);
  }
  return inRuns(tasks, runs);
}
