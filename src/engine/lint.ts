import { z } from 'zod';
import { checkOptions, LangOptionSchema } from '../core/options.js';
import type { Lang } from '../core/lang.js';
import { joinText } from '../core/explain.js';
import { formatMessage } from '../core/messages.js';
import { formatNumber, stableSum } from '../core/number.js';
import type { IssuePath } from '../core/path.js';
import { graphOf } from '../graph/lookup.js';
import type { Graph } from '../graph/types.js';
import { CHILD_KINDS, ORGANIZATION_KINDS, ORGANIZATION_KIND_LABELS, POST_ROLES, POST_ROLE_LABELS, type OrganizationKind, type PostRole } from '../model/graph.js';
import type { AppliesTo, Indicator, RuleSet } from '../model/rules.js';
import { gradesHighestFirst } from './grading.js';
import { fractionValue, safeParseRuleSet } from './parse-rules.js';
import { inputPath, salvageRuleSet, type SalvagedParts } from './lint-salvage.js';
import { resolvePeriod } from './period.js';
import { parseCalendarDate } from '../core/calendar.js';

/** One finding of the linter. Errors stop an assessment; warnings deserve a look. */
export interface LintFinding {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly path: IssuePath;
  readonly message: string;
}

/** Options for {@link lintRuleSet}. */
export interface LintOptions {
  readonly lang?: Lang;
}

/** {@link LintOptions}, no other name. */
export const LintOptionsSchema = z.strictObject({ lang: LangOptionSchema.optional() });

type Profile = { readonly label: string; readonly matches: (appliesTo: AppliesTo) => boolean; readonly path: IssuePath };

/** The kinds of organization in the graph, in their order (every kind without a graph). */
function kindsIn(graph: Graph | undefined): readonly OrganizationKind[] {
  if (!graph) return ORGANIZATION_KINDS;
  const present = new Set<OrganizationKind>();
  for (const org of graph.organizations.values()) present.add(org.kind);
  return ORGANIZATION_KINDS.filter((k) => present.has(k));
}

function profiles(lang: Lang, graph: Graph | undefined): Profile[] {
  const out: Profile[] = [];
  for (const kind of kindsIn(graph)) {
    out.push({ label: ORGANIZATION_KIND_LABELS[kind][lang], matches: (a) => 'organizations' in a && a.organizations.includes(kind), path: [] });
  }
  // People: one profile per (role, kind of the organization the post is in) that exists.
  const seats = new Set<string>();
  const add = (role: PostRole, kind: OrganizationKind): void => {
    const key = `${role}|${kind}`;
    if (seats.has(key)) return;
    seats.add(key);
    const label = lang === 'zh' ? `${ORGANIZATION_KIND_LABELS[kind].zh}${POST_ROLE_LABELS[role].zh}` : `the ${POST_ROLE_LABELS[role].en} post in a ${ORGANIZATION_KIND_LABELS[kind].en}`;
    out.push({ label, matches: (a) => 'posts' in a && a.posts.includes(role) && (a.in?.includes(kind) ?? true), path: [] });
  };
  if (graph) for (const post of graph.posts) add(post.role, (graph.organizations.get(post.organization) as { kind: OrganizationKind }).kind);
  // Without a graph, every post a graph may hold: a 党小组 has no secretary (its leader, 党小组长,
  // is a team member; docs/rules.md 5.2), so no 党小组书记 is warned of.
  else for (const role of POST_ROLES) for (const kind of ORGANIZATION_KINDS) if (kind !== 'group' || (role !== 'secretary' && role !== 'deputy-secretary')) add(role, kind);
  return out;
}

/**
 * The kinds of organization that lie directly below (`children`) or anywhere below (`subtree`)
 * an organization of each kind: in the graph when given, else all CHILD_KINDS allows.
 */
function kindsBelow(graph: Graph | undefined): { children: Map<OrganizationKind, Set<OrganizationKind>>; subtree: Map<OrganizationKind, Set<OrganizationKind>> } {
  const children = new Map<OrganizationKind, Set<OrganizationKind>>(ORGANIZATION_KINDS.map((k) => [k, new Set<OrganizationKind>()]));
  const subtree = new Map<OrganizationKind, Set<OrganizationKind>>(ORGANIZATION_KINDS.map((k) => [k, new Set<OrganizationKind>()]));
  if (!graph) {
    for (const kind of ORGANIZATION_KINDS) {
      const direct = CHILD_KINDS.get(kind) ?? [];
      for (const child of direct) children.get(kind)?.add(child);
      // CHILD_KINDS is small and closed: a walk from each kind reaches what can lie below it.
      const below = subtree.get(kind) as Set<OrganizationKind>;
      const stack = [...direct];
      while (stack.length > 0) {
        const next = stack.pop() as OrganizationKind;
        if (below.has(next)) continue;
        below.add(next);
        stack.push(...(CHILD_KINDS.get(next) ?? []));
      }
    }
    return { children, subtree };
  }
  // In reverse preorder each organization comes after everything below it.
  const under = new Map<string, Set<OrganizationKind>>();
  const { preorder } = graph.index;
  for (let i = preorder.length - 1; i >= 0; i--) {
    const org = graph.organizations.get(preorder[i] as string);
    if (!org) continue;
    const own = under.get(org.id);
    if (own) for (const kind of own) subtree.get(org.kind)?.add(kind);
    under.delete(org.id);
    if (org.parent === null) continue;
    const parent = graph.organizations.get(org.parent);
    if (!parent) continue;
    children.get(parent.kind)?.add(org.kind);
    let set = under.get(parent.id);
    if (!set) under.set(parent.id, (set = new Set<OrganizationKind>()));
    set.add(org.kind);
    if (own) for (const kind of own) set.add(kind);
  }
  return { children, subtree };
}

function appliesInGraph(indicator: Indicator, graph: Graph): boolean {
  const a = indicator.appliesTo;
  if ('organizations' in a) return [...graph.organizations.values()].some((o) => a.organizations.includes(o.kind));
  return graph.posts.some((p) => a.posts.includes(p.role) && (a.in?.includes((graph.organizations.get(p.organization) as { kind: OrganizationKind }).kind) ?? true));
}

function recordTypesOf(indicator: Indicator): string[] {
  const m = indicator.measure;
  const types: string[] = [];
  if (m?.type === 'manual') types.push(m.recordType ?? 'manual-score');
  else if (m && m.type !== 'structure' && m.type !== 'roll-up') for (const t of m.recordTypes) types.push(t);
  for (const t of indicator.bonus?.recordTypes ?? []) types.push(t);
  for (const t of indicator.veto?.recordTypes ?? []) types.push(t);
  return types;
}

/**
 * Static checks of a rule set before a run, with the graph when given: every parse error, and
 * warnings for points that do not add up to the scale for some kind of subject, grade ladders
 * with gaps, overlaps, wrong order or unreachable grades, indicators that apply to no subject in
 * the graph, record types not declared, subjects with indicators but no ladder, quotas that limit
 * nothing. Findings are in a fixed order: a rule set that does not parse gives its parse errors,
 * in the parser's order (schema problems, then its own checks), then the warnings of the parts
 * that parse on their own (see {@link salvageRuleSet}; none when its id, period or every
 * indicator is wrong); one that parses gives only warnings, sorted by path.
 *
 * @example
 * for (const f of lintRuleSet(json, graph)) console.log(f.severity, f.path, f.message);
 */
export function lintRuleSet(input: unknown, given?: Graph, options: LintOptions = {}): LintFinding[] {
  const lang = checkOptions(LintOptionsSchema, options);
  // A graph document (JSON), or a graph object parseGraph did not make, is parsed first, as
  // assess does: its problems are thrown, not linted.
  const graph = given === undefined ? undefined : graphOf(given, lang);
  const parsed = safeParseRuleSet(input, { lang });
  if (parsed.success) return lintWarnings(parsed.data, graph, lang, WHOLE);
  const errors: LintFinding[] = parsed.error.issues.map((i) => ({ severity: 'error', code: i.code, path: i.path, message: i.message }));
  // The warnings of the parts that parse, after the errors: a sheet with errors may have more to fix.
  const salvaged = salvageRuleSet(input);
  if (!salvaged) return errors;
  const warnings = lintWarnings(salvaged.rules, graph, lang, salvaged.parts).map((f) => ({ ...f, path: inputPath(f.path, salvaged.indexes) }));
  return [...errors, ...warnings.sort(compareFindings)];
}

const WHOLE: SalvagedParts = { indicatorsDropped: false, laddersDropped: false };

/**
 * The warnings of a parsed rule set, sorted by path. `parts` says what was left out of a rule set
 * that did not parse: what would read the missing parts as absent (the points' sum, a roll-up's
 * indicators, the top score with bonuses, subjects without a ladder) is not warned of then.
 */
function lintWarnings(rules: RuleSet, graph: Graph | undefined, lang: Lang, parts: SalvagedParts): LintFinding[] {
  const findings: LintFinding[] = [];
  const warn = (code: string, path: IssuePath, params: Record<string, string | number>): void => {
    findings.push({ severity: 'warning', code, path, message: formatMessage(code, params, lang) });
  };
  const scale = rules.scale ?? 100;
  const byId = new Map(rules.indicators.map((indicator) => [indicator.id, indicator]));
  for (const profile of profiles(lang, graph)) {
    // A roll-up of the subject's own results reads nothing for a kind of subject none of its
    // indicators applies to (the parser refuses a list that applies to none of its subjects).
    rules.indicators.forEach((indicator, i) => {
      const m = indicator.measure;
      if (m?.type !== 'roll-up' || !profile.matches(indicator.appliesTo) || parts.indicatorsDropped) return;
      m.from.forEach((source, s) => {
        // An id that names no indicator is an error already: no warning on top of it.
        if (source.source !== 'self' || !Array.isArray(source.of) || source.of.some((id) => !byId.has(id))) return;
        const reads = source.of.some((id) => {
          const target = byId.get(id);
          return target !== undefined && profile.matches(target.appliesTo);
        });
        if (!reads) {
          warn('lint-rollup-self-missing', ['indicators', i, 'measure', 'from', s, 'of'], { id: indicator.id, subject: profile.label });
        }
      });
    });
    const applicable = rules.indicators.filter((i) => profile.matches(i.appliesTo));
    if (applicable.length === 0) continue;
    const sum = stableSum(applicable.map((i) => i.points));
    if (sum > 0 && Math.abs(sum - scale) > 1e-9 && !parts.indicatorsDropped) warn('lint-points-not-scale', ['indicators'], { subject: profile.label, sum: formatNumber(sum), scale });
    const graded = (rules.ladders ?? []).some((l) => profile.matches(l.appliesTo));
    if (!graded && !parts.laddersDropped) warn('lint-no-ladder', ['ladders'], { subject: profile.label });
  }
  // A roll-up of the organizations below reads nothing for a kind of organization with nothing
  // below it (a 党小组, or any kind the graph gives nothing below), or when none of the
  // indicators it reads (its `of`, or all with points for "total") applies to what lies below.
  const below = kindsBelow(graph);
  const orgKinds = kindsIn(graph);
  rules.indicators.forEach((indicator, i) => {
    const m = indicator.measure;
    const a = indicator.appliesTo;
    if (m?.type !== 'roll-up' || !('organizations' in a) || parts.indicatorsDropped) return;
    m.from.forEach((source, s) => {
      if (source.source !== 'children' && source.source !== 'subtree') return;
      if (Array.isArray(source.of) && source.of.some((id) => !byId.has(id))) return;
      const from = formatMessage(`lint-source-${source.source}`, {}, lang);
      for (const kind of orgKinds) {
        if (!a.organizations.includes(kind)) continue;
        const kinds = [...(below[source.source].get(kind) ?? [])];
        const subject = ORGANIZATION_KIND_LABELS[kind][lang];
        if (kinds.length === 0) {
          warn('lint-rollup-nothing-below', ['indicators', i, 'measure', 'from', s, 'source'], { id: indicator.id, subject, source: from });
          continue;
        }
        // `of` names the indicators read; "total" reads every one that has points.
        const read = Array.isArray(source.of) ? source.of.map((id) => byId.get(id)) : rules.indicators.filter((other) => other.points > 0);
        const reads = read.some((target) => target !== undefined && 'organizations' in target.appliesTo && target.appliesTo.organizations.some((k) => kinds.includes(k)));
        if (!reads) {
          const labels = ORGANIZATION_KINDS.filter((k) => kinds.includes(k)).map((k) => ORGANIZATION_KIND_LABELS[k][lang]);
          warn('lint-rollup-of-not-below', ['indicators', i, 'measure', 'from', s, Array.isArray(source.of) ? 'of' : 'source'], { id: indicator.id, subject, source: from, kinds: joinText(labels, 'list', lang) });
        }
      }
    });
  });
  // Without bonusCap, each bonus indicator adds up to its own cap.
  const top = scale + (rules.bonusCap ?? stableSum(rules.indicators.map((i) => i.bonus?.cap ?? 0)));
  (rules.ladders ?? []).forEach((ladder, li) => {
    const listed = ladder.grades.map((g) => g.min);
    if (listed.some((min, i) => i > 0 && min > (listed[i - 1] as number))) warn('lint-grade-order', ['ladders', li, 'grades'], { ladder: ladder.id });
    const grades = gradesHighestFirst(ladder);
    grades.forEach((grade, gi) => {
      const at: IssuePath = ['ladders', li, 'grades', ladder.grades.indexOf(grade)];
      if (grade.min > top && !parts.indicatorsDropped) warn('lint-grade-unreachable', at, { grade: grade.id, min: grade.min, max: top });
      const above = grades[gi - 1];
      if (above && above.min === grade.min) warn('lint-grade-overlap', at, { ladder: ladder.id, a: above.id, b: grade.id });
      if (above && grade.max !== undefined && grade.max < above.min) warn('lint-grade-gap', at, { ladder: ladder.id, from: grade.max, to: above.min });
      if (above && grade.max !== undefined && grade.max > above.min) warn('lint-grade-overlap', at, { ladder: ladder.id, a: above.id, b: grade.id });
    });
    const lowest = grades[grades.length - 1];
    if (lowest && lowest.min > 0) warn('lint-grade-gap', ['ladders', li, 'grades', ladder.grades.indexOf(lowest), 'min'], { ladder: ladder.id, from: 0, to: lowest.min });
  });
  const period = resolvePeriod(rules.period);
  rules.indicators.forEach((indicator, i) => {
    const m = indicator.measure;
    // Tasks never reported can only fall due on the spec's own due date.
    if (m?.type === 'deadline' && m.expected !== undefined && m.due === undefined) warn('lint-expected-without-due', ['indicators', i, 'measure', 'expected'], { id: indicator.id, expected: m.expected });
    // A task belongs to the period its due date falls in: none of this period is due on another's day.
    if (m?.type === 'deadline' && m.due !== undefined) {
      const due = parseCalendarDate(m.due) as number;
      if (due < period.start || due > period.end) warn('lint-due-outside-period', ['indicators', i, 'measure', 'due'], { id: indicator.id, due: m.due, period: period.label[lang] });
    }
    if (m?.type !== 'window') return;
    const from = parseCalendarDate(m.from) as number;
    const to = parseCalendarDate(m.to) as number;
    if (to < period.start || from > period.end) warn('lint-window-outside-period', ['indicators', i, 'measure'], { id: indicator.id, from: m.from, to: m.to, period: period.label[lang] });
    // A window across the period's start or end (15 June to 31 July against a quarter): records in
    // the window but outside the period count in neither assessment, so a subject may meet the
    // window and still fall short in both.
    else if (from < period.start || to > period.end) {
      warn('lint-window-partly-outside-period', ['indicators', i, 'measure'], { id: indicator.id, from: m.from, to: m.to, period: period.label[lang] });
    }
  });
  if (graph) {
    rules.indicators.forEach((indicator, i) => {
      if (!appliesInGraph(indicator, graph)) warn('lint-no-subject', ['indicators', i, 'appliesTo'], { id: indicator.id });
    });
  }
  if (rules.recordTypes) {
    const declared = new Set(rules.recordTypes.map((t) => t.id));
    rules.indicators.forEach((indicator, i) => {
      for (const type of new Set(recordTypesOf(indicator))) if (!declared.has(type)) warn('lint-unknown-record-type', ['indicators', i], { type });
    });
  }
  (rules.quotas ?? []).forEach((quota, i) => {
    // 1, "1/1", "7/7": every member may hold the grade (a share over 1 is an error of its own).
    const whole = typeof quota.maxShare === 'string' ? fractionValue(quota.maxShare) === 1 : quota.maxShare === 1;
    if (whole && quota.maxCount === undefined) warn('lint-quota-unbounded', ['quotas', i, 'maxShare'], { grade: quota.grade });
  });
  return findings.sort(compareFindings);
}

function compareFindings(a: LintFinding, b: LintFinding): number {
  if (a.severity !== b.severity) return a.severity === 'error' ? -1 : 1;
  const length = Math.min(a.path.length, b.path.length);
  for (let i = 0; i < length; i++) {
    const x = a.path[i] as string | number;
    const y = b.path[i] as string | number;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.path.length - b.path.length;
}
