import type { Lang } from '../core/lang.js';
import type { ScoreResult, SubjectResult } from '../engine/result.js';
import type { Plan } from '../engine/plan.js';
import type { AccountabilityRule, Trigger } from '../model/accountability.js';
import type { EvidenceRecord } from '../model/record.js';
import { hasSupport, matchesWhere } from '../engine/matches.js';
import { isAncestorOf } from '../graph/queries.js';

/** A subject that set off a rule, with the evidence. */
export interface TriggerHit {
  readonly subject: { readonly type: 'organization' | 'person'; readonly id: string; readonly name: string };
  readonly indicators: readonly string[];
  readonly recordIds: readonly string[];
  /** People named on the records (直接责任者 candidates), in id order. */
  readonly people: readonly string[];
  readonly explanation: { readonly zh: string; readonly en: string };
}

/** What the triggers read. */
export interface TriggerContext {
  readonly plan: Plan;
  readonly result: ScoreResult;
  readonly retained: readonly EvidenceRecord[];
  /** Trigger subjects of each rule in the previous period's findings: `type\u0000id`. */
  readonly previousHits: ReadonlyMap<string, ReadonlySet<string>>;
  /** Hits of the rules evaluated so far in this period (for `repeat`). */
  readonly currentHits: ReadonlyMap<string, readonly TriggerHit[]>;
  readonly lang: Lang;
}

const keyOf = (s: { type: string; id: string }): string => `${s.type}\u0000${s.id}`;
const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

function subjects(result: ScoreResult): SubjectResult[] {
  return [...result.organizations, ...result.people];
}

function recordHits(ctx: TriggerContext, records: readonly EvidenceRecord[], what: { zh: string; en: string }): TriggerHit[] {
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
        explanation: { zh: `${what.zh}（记录 ${ids.join('、')}）`, en: `${what.en} (records ${ids.join(', ')})` },
      };
    });
}

function hitOf(subject: SubjectResult, indicators: string[], recordIds: string[], people: string[], zh: string, en: string): TriggerHit {
  return { subject: { type: subject.type, id: subject.id, name: subject.name }, indicators, recordIds, people, explanation: { zh, en } };
}

/**
 * The people named on some records, when they are in the graph and the record belongs to the
 * subject itself: one act answers directly where it happened, not again at every level above
 * that a subtree-wide rule also reaches.
 */
function peopleOnRecords(ctx: TriggerContext, ids: readonly string[], subject: SubjectResult): string[] {
  const wanted = new Set(ids);
  const here = (r: EvidenceRecord): boolean => (subject.type === 'organization' ? r.organization === subject.id : r.person === subject.id);
  return sorted(
    ctx.retained
      .filter((r) => wanted.has(r.id) && here(r) && r.person !== undefined && ctx.plan.graph.people.has(r.person))
      .map((r) => r.person as string),
  );
}

function isOpenTask(record: EvidenceRecord, asOf: number): boolean {
  return record.due !== undefined && record.due <= asOf && (record.completed === undefined || record.completed > asOf);
}

/** The open, overdue task records a deadline line counted for a subject: its filters, support and scope. */
function openTasks(ctx: TriggerContext, subject: SubjectResult, indicatorId: string): EvidenceRecord[] {
  const plan = ctx.plan.indicators.find((p) => p.indicator.id === indicatorId);
  const measure = plan?.indicator.measure;
  if (!plan || measure?.type !== 'deadline') return [];
  const types = new Set(measure.recordTypes);
  const { graph } = ctx.plan;
  const inScope = (r: EvidenceRecord): boolean => {
    if (subject.type === 'person') return r.person === subject.id;
    if (r.organization === subject.id) return true;
    return plan.scope === 'subtree' && r.organization !== undefined && graph.organizations.has(r.organization) && isAncestorOf(graph, subject.id, r.organization);
  };
  return ctx.retained.filter((r) => types.has(r.type) && inScope(r) && matchesWhere(r, plan.where) && hasSupport(r, plan.requireAttributes) && isOpenTask(r, ctx.plan.context.asOf));
}

/**
 * The subjects that set off a rule, in result order (organizations in hierarchy order, then people).
 *
 * @example
 * evaluateTrigger(rule, ctx).map((hit) => hit.subject.id);
 */
export function evaluateTrigger(rule: AccountabilityRule, ctx: TriggerContext): TriggerHit[] {
  const trigger: Trigger = rule.trigger;
  const all = subjects(ctx.result);
  switch (trigger.type) {
    case 'veto':
      return all
        .filter((s) => s.vetoes.length > 0)
        .map((s) => {
          const ids = sorted(s.vetoes.flatMap((v) => v.recordIds));
          return hitOf(s, s.vetoes.map((v) => v.indicator), ids, peopleOnRecords(ctx, ids, s), `触发一票否决（记录 ${ids.join('、')}）`, `one-vote veto (records ${ids.join(', ')})`);
        });
    case 'lowest-grade':
      return all
        .filter((s) => s.grade !== null && s.grade.rank === s.grade.grades && (trigger.ladder === undefined || s.grade.ladder === trigger.ladder))
        .map((s) => hitOf(s, [], [], [], `考核等次为最低等次「${s.grade?.title}」（总分${s.total}）`, `lowest grade "${s.grade?.title}" (total ${s.total})`));
    case 'shortfall':
      return all.flatMap((s) => {
        const line = s.lines.find((l) => l.indicator === trigger.indicator);
        if (!line || line.status === 'in-progress' || line.status === 'excluded' || line.shortfalls < (trigger.atLeast ?? 1)) return [];
        return [hitOf(s, [line.indicator], [...line.records.ids], [], `「${line.title}」缺${line.shortfalls}次（${line.explanation}）`, `"${line.title}": ${line.shortfalls} short (${line.explanation})`)];
      });
    case 'deadline-open':
      return all.flatMap((s) => {
        const lines = s.lines.filter((l) => (trigger.indicator === undefined || l.indicator === trigger.indicator) && (l.facts?.['open'] ?? 0) > 0);
        if (lines.length === 0) return [];
        const open = sorted(lines.flatMap((l) => openTasks(ctx, s, l.indicator).map((r) => r.id)));
        const count = lines.reduce((n, l) => n + (l.facts?.['open'] ?? 0), 0);
        return [hitOf(s, lines.map((l) => l.indicator), open, peopleOnRecords(ctx, open, s), `${count}项任务逾期未完成（${lines.map((l) => l.title).join('、')}）`, `${count} task(s) overdue and still open`)];
      });
    case 'incident': {
      const types = new Set(trigger.recordTypes);
      const attribute = trigger.severityAttribute ?? 'severity';
      const records = ctx.retained.filter((r) => {
        if (!types.has(r.type)) return false;
        if (trigger.minSeverity === undefined) return true;
        const severity = r.attributes.get(attribute);
        return typeof severity === 'number' && severity >= trigger.minSeverity;
      });
      const what = trigger.minSeverity === undefined ? { zh: '发生问题事件', en: 'incident' } : { zh: `发生严重程度不低于${trigger.minSeverity}的问题事件`, en: `incident of severity ${trigger.minSeverity} or more` };
      return recordHits(ctx, records, what);
    }
    case 'formalism': {
      const types = new Set(trigger.recordTypes);
      const attribute = trigger.attribute ?? 'formalism';
      const records = ctx.retained.filter((r) => types.has(r.type) && r.attributes.get(attribute) === true);
      return recordHits(ctx, records, { zh: '存在形式主义问题', en: 'formalism' });
    }
    case 'verdict':
      return ctx.result.people
        .filter((p) => p.verdict !== undefined && (trigger.verdicts as readonly string[]).includes(p.verdict))
        .map((p) => hitOf(p, [], [], [], `评定为「${VERDICT_ZH[p.verdict as string] ?? p.verdict}」（总分${p.total}）`, `verdict "${p.verdict}" (total ${p.total})`));
    case 'repeat': {
      const before = ctx.previousHits.get(trigger.rule) ?? new Set<string>();
      return (ctx.currentHits.get(trigger.rule) ?? [])
        .filter((hit) => before.has(keyOf(hit.subject)))
        .map((hit) => ({ ...hit, explanation: { zh: `连续两期触发「${trigger.rule}」：${hit.explanation.zh}`, en: `"${trigger.rule}" again this period: ${hit.explanation.en}` } }));
    }
  }
}

const VERDICT_ZH: Readonly<Record<string, string>> = { derelict: '失职', incompetent: '不称职', undetermined: '无法认定', fulfilled: '本职' };
