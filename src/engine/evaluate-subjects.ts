import type { Lang } from '../core/lang.js';
import { roundTo, stableSum } from '../core/number.js';
import { LEADERSHIP_ROLES } from '../model/graph.js';
import type { Accumulation } from './accumulate.js';
import { evaluateLine, keepMarks } from './evaluate-line.js';
import type { DerivedContext, SubjectRef } from './measure-module.js';
import { appliesToOrganization, type IndicatorPlan, type Plan } from './plan.js';
import type { IndicatorLine, SubjectResult } from './result.js';

/**
 * A subject's result before grades, quotas and verdicts are settled. It is made with its result's
 * `grade` (and a person's `verdict`) already in place, null and undetermined until then, which
 * {@link settleDraft} fills in: the result is then the same object, with the hidden class of an
 * object literal. A copy made by `{ ...draft, grade }` would get one of its own on Node 20 (see
 * core/extend.ts): about 400 bytes more for each of a city's 10,000 organizations, and slower
 * to read when written out.
 */
export type SubjectDraft = Omit<SubjectResult, 'grade' | 'verdict' | 'previous'>;

/**
 * The result a draft becomes, in place: its grade, and a person's verdict.
 *
 * @example
 * const result = settleDraft(draft, grades.get(draft) ?? null, verdict);
 */
export function settleDraft(draft: SubjectDraft, grade: SubjectResult['grade'], verdict: SubjectResult['verdict']): SubjectResult {
  const result = draft as { -readonly [K in keyof SubjectResult]: SubjectResult[K] };
  result.grade = grade;
  if (draft.type === 'person' && verdict !== undefined) result.verdict = verdict;
  return result;
}

type Shares = Map<string, Map<string, { points: number; max: number }>>;

/** Sums of descendants' shares, per organization and per `of` (its canonical key). */
type SubtreeSums = Map<string, Map<string, { sum: number; count: number }>>;

const LEADERSHIP: ReadonlySet<string> = new Set(LEADERSHIP_ROLES);

// An indicator listed twice in `of` is read once: `of` names a set of indicators.
const ofKey = (of: 'total' | readonly string[]): string => (of === 'total' ? 'total' : JSON.stringify([...new Set(of)].sort()));

/** The `of` selections subtree and oversight roll-ups read, so their sums are kept as organizations finish. */
function subtreeSelections(plan: Plan): ('total' | readonly string[])[] {
  const out = new Map<string, 'total' | readonly string[]>();
  for (const ip of plan.indicators) {
    const m = ip.indicator.measure;
    if (m?.type !== 'roll-up') continue;
    for (const source of m.from) if (source.source === 'subtree' || source.source === 'oversight') out.set(ofKey(source.of ?? 'total'), source.of ?? 'total');
  }
  return [...out.values()];
}

// Called for every organization, children before parents, before the organization itself is
// scored: its descendants' sums are its children's shares plus their own descendants' sums.
function keepSubtreeSums(plan: Plan, shares: Shares, sums: SubtreeSums, id: string, selections: readonly ('total' | readonly string[])[]): void {
  if (selections.length === 0) return;
  const mine = new Map<string, { sum: number; count: number }>();
  for (const of of selections) {
    const key = ofKey(of);
    let sum = 0;
    let count = 0;
    for (const child of plan.graph.index.children.get(id) ?? []) {
      const share = shareFrom(shares.get(child), of);
      if (share !== undefined) {
        sum += share;
        count++;
      }
      const below = sums.get(child)?.get(key);
      if (below) {
        sum += below.sum;
        count += below.count;
      }
    }
    mine.set(key, { sum, count });
  }
  sums.set(id, mine);
}

function shareFrom(lines: ReadonlyMap<string, { points: number; max: number }> | undefined, of: 'total' | readonly string[]): number | undefined {
  if (!lines) return undefined;
  const picked = of === 'total' ? [...lines.values()] : [...new Set(of)].flatMap((id) => lines.get(id) ?? []);
  const max = stableSum(picked.map((l) => l.max));
  return max > 0 ? stableSum(picked.map((l) => l.points)) / max : undefined;
}

function applicableIndicators(plan: Plan, subject: SubjectRef): IndicatorPlan[] {
  return plan.evaluationOrder.filter((ip) =>
    subject.type === 'organization'
      ? appliesToOrganization(ip.applies, plan.graph, subject.id)
      : ip.applies.subject === 'person' && (plan.peopleOfIndicator.get(ip.indicator.id)?.has(subject.id) ?? false),
  );
}

function businessScore(plan: Plan, scores: ReadonlyMap<string, number> | undefined): number | null {
  if (!scores || scores.size === 0) return null;
  const scale = plan.rules.composite?.scale ?? 100;
  return (stableSum(scores.values()) / scores.size) * ((plan.rules.scale ?? 100) / scale);
}

/**
 * The line of an indicator for a subject that gathered no records for it, kept per indicator.
 * Without records, a record measure (or an indicator with no measure) reads nothing of the
 * subject: the line is the same for every such subject, about half of all lines. Each subject
 * gets its own copy, so no two results share an object.
 */
class LinesWithoutRecords {
  readonly #byIndicator = new Map<string, IndicatorLine>();

  static applies(ip: IndicatorPlan, gathered: unknown): boolean {
    return gathered === undefined && ip.module?.kind !== 'derived';
  }

  lineFor(plan: Plan, subject: SubjectRef, ip: IndicatorPlan, derived: DerivedContext, lang: Lang): IndicatorLine {
    let line = this.#byIndicator.get(ip.indicator.id);
    if (!line) {
      line = evaluateLine(plan, subject, ip, undefined, derived, lang);
      this.#byIndicator.set(ip.indicator.id, line);
    }
    const { records } = line;
    return keepMarks(line, {
      ...line,
      ...(line.facts ? { facts: { ...line.facts } } : {}),
      records: { ...records, ids: [...records.ids], bonusIds: [...records.bonusIds], vetoIds: [...records.vetoIds] },
    });
  }
}

/** What a subject's derived measures read of the results so far: the same for every subject. */
type ResultsSoFar = Omit<DerivedContext, 'ownShare' | 'postOrganizations'>;

function draft(plan: Plan, acc: Accumulation, subject: SubjectRef, shares: Shares, results: ResultsSoFar, unrecorded: LinesWithoutRecords, lang: Lang): SubjectDraft {
  const { graph } = plan;
  const own = new Map<string, { points: number; max: number }>();
  const posts = subject.type === 'person' ? (graph.index.postsByPerson.get(subject.id) ?? []) : [];
  const derived: DerivedContext = {
    ...results,
    ownShare: (of) => shareFrom(own, of),
    postOrganizations: [...new Set(posts.filter((p) => LEADERSHIP.has(p.role)).map((p) => p.organization))].sort(),
  };
  const gathered = (subject.type === 'organization' ? acc.organizationLines : acc.personLines).get(subject.id);
  const byId = new Map<string, IndicatorLine>();
  for (const ip of applicableIndicators(plan, subject)) {
    const gatheredLine = gathered?.get(ip.indicator.id);
    const line = LinesWithoutRecords.applies(ip, gatheredLine)
      ? unrecorded.lineFor(plan, subject, ip, derived, lang)
      : evaluateLine(plan, subject, ip, gatheredLine, derived, lang);
    byId.set(ip.indicator.id, line);
    own.set(ip.indicator.id, { points: line.points, max: line.max });
  }
  if (subject.type === 'organization') shares.set(subject.id, own);
  // Lines in sheet order, whatever order the roll-ups needed.
  const lines = plan.indicators.flatMap((ip) => byId.get(ip.indicator.id) ?? []);
  const scale = plan.rules.scale ?? 100;
  const score = roundTo(stableSum(lines.map((l) => l.points)), 2);
  const max = roundTo(stableSum(lines.map((l) => l.max)), 2);
  const scaled = max > 0 ? roundTo((score / max) * scale, 2) : 0;
  const bonus = roundTo(Math.min(plan.rules.bonusCap ?? Number.POSITIVE_INFINITY, stableSum(lines.map((l) => l.bonus))), 2);
  const total = roundTo(scaled + bonus, 2);
  const composite = plan.rules.composite;
  let compositeResult: SubjectDraft['composite'] = null;
  if (composite) {
    const business = businessScore(plan, (subject.type === 'organization' ? acc.businessByOrganization : acc.businessByPerson).get(subject.id));
    const value = business === null ? null : (composite.partyWeight * total + composite.businessWeight * business) / (composite.partyWeight + composite.businessWeight);
    compositeResult = { business: business === null ? null : roundTo(business, 2), value: value === null ? null : roundTo(value, 2) };
  }
  const vetoes = lines.filter((l) => l.veto).map((l) => ({ indicator: l.indicator, recordIds: l.records.vetoIds }));
  if (subject.type === 'organization') {
    const org = graph.organizations.get(subject.id);
    const result: SubjectResult = { type: 'organization', id: subject.id, name: org?.name ?? subject.id, ...(org ? { kind: org.kind } : {}), score, max, scaled, bonus, total, composite: compositeResult, vetoes, lines, grade: null };
    return result;
  }
  const result: SubjectResult = {
    type: 'person',
    id: subject.id,
    name: graph.people.get(subject.id)?.name ?? subject.id,
    posts: posts.map((p) => ({ organization: p.organization, role: p.role })),
    score,
    max,
    scaled,
    bonus,
    total,
    composite: compositeResult,
    vetoes,
    lines,
    grade: null,
    verdict: 'undetermined',
  };
  return result;
}

/**
 * Evaluates every subject: organizations from the leaves up (so that roll-ups read finished
 * results below them), then people. Output in hierarchy order and id order. `release`: each
 * subject's gathered lines are taken out of the accumulation once its draft is made (no subject
 * reads another's lines, only their results).
 */
export function evaluateSubjects(plan: Plan, acc: Accumulation, lang: Lang, options: { readonly release?: boolean } = {}): { organizations: SubjectDraft[]; people: SubjectDraft[] } {
  const shares: Shares = new Map();
  const sums: SubtreeSums = new Map();
  const selections = subtreeSelections(plan);
  const unrecorded = new LinesWithoutRecords();
  const results: ResultsSoFar = {
    ...plan.context,
    graph: plan.graph,
    shareOf: (organizationId, of) => shareFrom(shares.get(organizationId), of),
    subtreeShares: (organizationId, of) => sums.get(organizationId)?.get(ofKey(of)) ?? { sum: 0, count: 0 },
  };
  const subjects = new Set(plan.organizationSubjects);
  const organizations = new Map<string, SubjectDraft>();
  // Every organization in reverse preorder (children first); subjects are scored, and the sums
  // below each one are kept for the subtree roll-ups above it.
  const { preorder } = plan.graph.index;
  for (let i = preorder.length - 1; i >= 0; i--) {
    const id = preorder[i] as string;
    keepSubtreeSums(plan, shares, sums, id, selections);
    if (subjects.has(id)) {
      organizations.set(id, draft(plan, acc, { type: 'organization', id }, shares, results, unrecorded, lang));
      if (options.release) acc.organizationLines.delete(id);
    }
  }
  const people = plan.personSubjects.map((id) => {
    const made = draft(plan, acc, { type: 'person', id }, shares, results, unrecorded, lang);
    if (options.release) acc.personLines.delete(id);
    return made;
  });
  if (options.release) {
    // Lines of organizations and people that are not subjects of the rule set: never read.
    acc.organizationLines.clear();
    acc.personLines.clear();
  }
  return { organizations: plan.organizationSubjects.map((id) => organizations.get(id) as SubjectDraft), people };
}

