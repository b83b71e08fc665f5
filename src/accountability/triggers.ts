import { explain, joinExplanations, type Explanation } from '../core/explain.js';
import type { Lang } from '../core/lang.js';
import type { ScoreResult, SubjectResult } from '../engine/result.js';
import type { IndicatorPlan, Plan } from '../engine/plan.js';
import type { MessageParams } from '../core/messages.js';
import type { AccountabilityRule, Trigger } from '../model/accountability.js';
import type { AttributeValue, EvidenceRecord } from '../model/record.js';
import { mayYetChange, measuredStatus } from '../engine/evaluate-line.js';
import { couldBecomeDerelict } from '../engine/verdict.js';
import { namedIds } from './circumstances.js';
import { keyOf } from './hits.js';
import { indexOpenTasks, openTasksOf, type OpenTasks } from './open-tasks.js';
import type { RetainedIndex } from './retained-index.js';

/** A subject that set off a rule, with the evidence. */
export interface TriggerHit {
  readonly subject: { readonly type: 'organization' | 'person'; readonly id: string; readonly name: string };
  readonly indicators: readonly string[];
  readonly recordIds: readonly string[];
  /** People named on the records (直接责任者 candidates), in id order. */
  readonly people: readonly string[];
  readonly explanation: { readonly zh: string; readonly en: string };
  /**
   * The period was still running at `asOf` and what set the rule off may yet change (a grade or
   * verdict read from points so far, a line that may still be made up): no finding is proposed
   * from it yet.
   */
  readonly provisional?: true;
}

/** What the triggers read. */
export interface TriggerContext {
  readonly plan: Plan;
  readonly result: ScoreResult;
  readonly retained: RetainedIndex;
  /** Subjects each rule set off in the previous period (its `hits`, else its findings' trigger subjects): `type\u0000id`. */
  readonly previousHits: ReadonlyMap<string, ReadonlySet<string>>;
  /** Hits of the rules evaluated so far in this period (for `repeat`). */
  readonly currentHits: ReadonlyMap<string, readonly TriggerHit[]>;
  readonly lang: Lang;
  /** Takes a warning about the records a rule read (a severity that is no number). */
  readonly warn: (code: string, params: MessageParams) => void;
}

const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

function subjects(result: ScoreResult): SubjectResult[] {
  return [...result.organizations, ...result.people];
}

function recordHits(ctx: TriggerContext, records: readonly EvidenceRecord[], what: Explanation): TriggerHit[] {
  const bySubject = new Map<string, { type: 'organization' | 'person'; id: string; records: EvidenceRecord[] }>();
  for (const record of records) {
    const type = record.organization !== undefined ? 'organization' : 'person';
    const id = (record.organization ?? record.person) as string;
    const key = keyOf({ type, id });
    const entry = bySubject.get(key) ?? { type, id, records: [] };
    entry.records.push(record);
    bySubject.set(key, entry);
  }
  const { graph } = ctx.plan;
  return [...bySubject.values()]
    .filter((s) => (s.type === 'organization' ? graph.organizations.has(s.id) : graph.people.has(s.id)))
    .sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1))
    .map((s) => {
      const ids = sorted(s.records.map((r) => r.id));
      const name = (s.type === 'organization' ? graph.organizations.get(s.id)?.name : graph.people.get(s.id)?.name) ?? s.id;
      return {
        subject: { type: s.type, id: s.id, name },
        indicators: [],
        recordIds: ids,
        people: sorted(s.records.flatMap((r) => (r.person !== undefined && graph.people.has(r.person) ? [r.person] : []))),
        explanation: explain('hit-records', { what, records: joinExplanations(ids, 'list') }),
      };
    });
}

function hitOf(subject: SubjectResult, indicators: string[], recordIds: string[], people: string[], explanation: Explanation, provisional = false): TriggerHit {
  const hit = { subject: { type: subject.type, id: subject.id, name: subject.name }, indicators, recordIds, people, explanation };
  return provisional ? { ...hit, provisional: true } : hit;
}

/**
 * The people named on some records, when they are in the graph and the record belongs to the
 * subject itself: one act answers directly where it happened, not again at every level above
 * that a subtree-wide rule also reaches.
 */
function peopleOnRecords(ctx: TriggerContext, ids: readonly string[], subject: SubjectResult): string[] {
  const people: string[] = [];
  for (const id of ids) {
    const r = ctx.retained.byId.get(id);
    if (!r || r.person === undefined || !ctx.plan.graph.people.has(r.person)) continue;
    if (subject.type === 'organization' ? r.organization === subject.id : r.person === subject.id) people.push(r.person);
  }
  return sorted(people);
}

const PLAIN_DECIMAL = /^-?\d+(?:\.\d+)?$/;

/**
 * An incident's severity as a number: a number, or a text that is a plain decimal number (`"4"`
 * from a CSV column); `undefined` when absent or null, NaN when it is anything else.
 */
function severityOf(value: AttributeValue | undefined): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && PLAIN_DECIMAL.test(value)) return Number(value);
  return Number.NaN;
}

/** The deadline-open hits: each subject with a deadline line that counted open tasks, and those tasks. */
function deadlineHits(ctx: TriggerContext, indicator: string | undefined): TriggerHit[] {
  // Each indicator's open tasks are indexed once, on first use: a subtree's are then found by
  // binary search, not by going through its organizations (a chain 10,000 deep took 9 s).
  const indexed = new Map<string, { plan: IndicatorPlan; tasks: OpenTasks } | null>();
  const openOf = (subject: SubjectResult, id: string): string[] => {
    let entry = indexed.get(id);
    if (entry === undefined) {
      const plan = ctx.plan.indicators.find((p) => p.indicator.id === id);
      entry = plan && plan.indicator.measure?.type === 'deadline' ? { plan, tasks: indexOpenTasks(ctx.plan, plan, ctx.retained) } : null;
      indexed.set(id, entry);
    }
    return entry ? openTasksOf(ctx.plan, entry.plan, entry.tasks, subject).map((r) => r.id) : [];
  };
  return subjects(ctx.result).flatMap((s) => {
    const lines = s.lines.filter((l) => (indicator === undefined || l.indicator === indicator) && (l.facts?.['open'] ?? 0) > 0);
    if (lines.length === 0) return [];
    const open = sorted(lines.flatMap((l) => openOf(s, l.indicator)));
    const count = lines.reduce((n, l) => n + (l.facts?.['open'] ?? 0), 0);
    const why = explain('hit-deadline-open', { count, titles: joinExplanations(lines.map((l) => l.title), 'list') });
    return [hitOf(s, lines.map((l) => l.indicator), open, peopleOnRecords(ctx, open, s), why)];
  });
}

/**
 * The subjects that set off a rule, in result order (organizations in hierarchy order, then people).
 * While the period is still running at `asOf`, hits that read what may yet change are marked
 * `provisional`: a grade read from the points so far (not one a fired veto gave); a verdict (but
 * 不称职 by a fired veto once it can no longer become 失职, nor any verdict of a vetoed person when
 * the rule lists both 不称职 and 失职, the only two a veto leaves); a
 * shortfall the measure found not final (in progress), with nothing reported yet, with records
 * awaiting review, counting tasks still open, or on a fact of the graph (a vacant post); tasks open
 * past their due date (they may still be completed late). A repeat of a provisional hit is
 * provisional too. Vetoes, incidents and formalism are facts at `asOf`, and stand; so is a
 * shortfall already final on the records in (a month missed).
 *
 * @example
 * evaluateTrigger(rule, ctx).map((hit) => hit.subject.id);
 */
export function evaluateTrigger(rule: AccountabilityRule, ctx: TriggerContext): TriggerHit[] {
  const trigger: Trigger = rule.trigger;
  const all = subjects(ctx.result);
  // The period is still running at asOf: what may still change by its end is provisional.
  const { running } = ctx.plan.context;
  switch (trigger.type) {
    case 'veto': {
      // A person vetoed through their organization (veto scope organization or subtree) is graded
      // 差 for it, and that is all: the case is pursued from the organization where it happened,
      // by that organization's own veto, not again from each person who answers for it (who
      // would be named the direct culprit of what others did, and the case pursued twice).
      const scopes = new Map(ctx.plan.indicators.map((p) => [p.indicator.id, p.vetoScope]));
      const bySubject = (indicator: string): boolean => (scopes.get(indicator) ?? 'self') === 'self';
      return all.flatMap((s) => {
        const vetoes = s.type === 'person' ? s.vetoes.filter((v) => bySubject(v.indicator)) : s.vetoes;
        if (vetoes.length === 0) return [];
        const ids = sorted(vetoes.flatMap((v) => v.recordIds));
        return [hitOf(s, vetoes.map((v) => v.indicator), ids, peopleOnRecords(ctx, ids, s), explain('hit-veto', { records: joinExplanations(ids, 'list') }))];
      });
    }
    case 'lowest-grade':
      // While the period runs, a grade read from the points so far may yet change; one given by a
      // fired veto cannot.
      return all
        .filter((s) => s.grade !== null && s.grade.rank === s.grade.grades && (trigger.ladder === undefined || s.grade.ladder === trigger.ladder))
        .map((s) => hitOf(s, [], [], [], explain('hit-lowest-grade', { grade: String(s.grade?.title), total: s.total }), running && s.grade?.reason !== 'veto'));
    case 'shortfall': {
      const measure = ctx.plan.indicators.find((ip) => ip.indicator.id === trigger.indicator)?.indicator.measure?.type;
      // A fact of the graph (a structure measure: a vacant post) has no dates.
      const structural = running && measure === 'structure';
      // Only a count and a window fall short by a number of times; the others' shortfalls are
      // months missed, a rate below its floor, a post vacant, which the line's explanation says.
      const message = measure === 'count' || measure === 'window' ? 'hit-shortfall' : 'hit-shortfall-unmet';
      return all.flatMap((s) => {
        const line = s.lines.find((l) => l.indicator === trigger.indicator);
        if (!line || line.shortfalls < (trigger.atLeast ?? 1)) return [];
        // Read beneath a veto on the line itself: the veto has a trigger of its own.
        const status = measuredStatus(line);
        if (status === 'excluded') return [];
        // Once the period is over nothing is in progress (a line still so then, with a task due
        // after the period, is passed over).
        if (status === 'in-progress' && !running) return [];
        // While the period runs, a shortfall that what is still to come may change is provisional:
        // a line the measure found not final (short of a count, a window still open); one with
        // nothing reported yet (the records may not be in yet: missing data is not a zero) or with
        // records awaiting review; one counting tasks still open, which a late completion turns
        // into fewer shortfalls; and a fact of the graph (a vacant post), which has no dates and
        // may change before the period ends. A month already missed, on the records in, is final.
        const provisional =
          running &&
          (structural || mayYetChange(line) || status === 'insufficient-evidence' || line.records.pending > 0 || (line.facts?.['open'] ?? 0) > 0);
        const why = explain(message, { title: line.title, count: line.shortfalls, explanation: line.explanation });
        return [hitOf(s, [line.indicator], [...line.records.ids], [], why, provisional)];
      });
    }
    case 'deadline-open': {
      // A task open past its due date at asOf may still be completed (late) before the period
      // ends, and then is open no more: provisional while the period runs.
      const hits = deadlineHits(ctx, trigger.indicator);
      return running ? hits.map((hit) => ({ ...hit, provisional: true })) : hits;
    }
    case 'incident': {
      const types = new Set(trigger.recordTypes);
      const attribute = trigger.severityAttribute ?? 'severity';
      const notNumbers: string[] = [];
      const records = ctx.retained.all.filter((r) => {
        if (!types.has(r.type)) return false;
        if (trigger.minSeverity === undefined) return true;
        const severity = severityOf(r.attributes.get(attribute));
        if (Number.isNaN(severity)) notNumbers.push(r.id);
        return severity !== undefined && severity >= trigger.minSeverity;
      });
      // A severity that is no number can reach no minimum: say so rather than pass the record over.
      if (notNumbers.length > 0) {
        const ids = sorted(notNumbers);
        ctx.warn('warning-incident-severity-not-number', { rule: rule.id, attribute, count: ids.length, records: namedIds(ids) });
      }
      const what = trigger.minSeverity === undefined ? explain('hit-incident') : explain('hit-incident-severity', { severity: trigger.minSeverity });
      return recordHits(ctx, records, what);
    }
    case 'formalism': {
      const types = new Set(trigger.recordTypes);
      const attribute = trigger.attribute ?? 'formalism';
      const records = ctx.retained.all.filter((r) => types.has(r.type) && r.attributes.get(attribute) === true);
      return recordHits(ctx, records, explain('hit-formalism'));
    }
    case 'verdict': {
      // While the period runs a verdict may yet change. With a fired veto it can only be 不称职 or
      // 失职: settled when the rule lists both, or when it is 不称职 and nothing reported so far
      // leaves 失职 open (couldBecomeDerelict).
      const both = trigger.verdicts.includes('derelict') && trigger.verdicts.includes('incompetent');
      const settled = (p: SubjectResult): boolean => p.vetoes.length > 0 && (both || (p.verdict === 'incompetent' && !couldBecomeDerelict(ctx.plan, p)));
      return ctx.result.people
        .filter((p) => p.verdict !== undefined && (trigger.verdicts as readonly string[]).includes(p.verdict))
        .map((p) => hitOf(p, [], [], [], explain('hit-verdict', { verdict: p.verdict as string, total: p.total }), running && !settled(p)));
    }
    case 'repeat': {
      const before = ctx.previousHits.get(trigger.rule) ?? new Set<string>();
      // The repeated rule named by its title in each language, as a finding names its rule.
      const named = ctx.plan.rules.accountability?.rules.find((r) => r.id === trigger.rule);
      const repeated = named ? { zh: named.title, en: named.titleEn ?? named.title } : trigger.rule;
      return (ctx.currentHits.get(trigger.rule) ?? [])
        .filter((hit) => before.has(keyOf(hit.subject)))
        .map((hit) => ({ ...hit, explanation: explain('hit-repeat', { rule: repeated, explanation: hit.explanation }) }));
    }
  }
}
