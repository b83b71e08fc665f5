import { z } from 'zod';
import type { Lang, RecordInput, ScoreResult } from '../index.js';
import { boundsFailures, type PropertyFailure, type PropertyReport } from './bounds.js';
import { allSubjects, formatPoints, subjectLabel } from './explain.js';
import { kitIssue, langOf, LangSchema, schemaIssues, throwIssues } from './issues.js';
import { checkPropertyReportArgument, kitLang } from './arguments.js';
import { text } from './messages.js';
import { DETAIL_CODES, PART_CODES, renderDetail, type DetailCode, type DetailMessage, type DetailParams, type DetailSubject, type DetailValue } from './detail.js';
import { seededRandom } from './prng.js';
import { scenario, type GraphSource, type RecordsSource, type RuleSetSource, type Scenario } from './scenario.js';
import { recordOf } from './sources.js';
import { additiveLines, requiredRecord } from './synthesize.js';

/**
 * What the property check runs on, and how hard it tries.
 *
 * @example
 * const options: PropertyOptions = { graph: g, records: evidence, runs: 50, seed: 7 };
 */
export interface PropertyOptions {
  readonly graph: GraphSource;
  readonly records?: RecordsSource;
  readonly asOf?: string;
  /** Records added one at a time to test monotonicity: a whole number of at least 1 (default 30). */
  readonly runs?: number;
  /** Shuffles of the records to test order independence: a whole number of at least 1 (default 3). */
  readonly shuffles?: number;
  /** Seed of the generator, a whole number; the same seed replays the same checks (default 1). */
  readonly seed?: number;
  readonly lang?: Lang;
}

const TUNING = {
  runs: z.int().min(1).optional(),
  shuffles: z.int().min(1).optional(),
  seed: z.int().optional(),
};

/**
 * The options `toSatisfyRuleSetProperties` takes on a scenario: how hard to try, and the seed.
 *
 * @example
 * PropertyMatcherOptionsSchema.safeParse({ runs: 0 }).success; // false
 */
export const PropertyMatcherOptionsSchema = z.strictObject(TUNING);

const PropertyOptionsSchema = z.strictObject({ ...TUNING, graph: z.unknown().optional(), records: z.unknown().optional(), asOf: z.string().optional(), lang: LangSchema.optional() });

const MAX_FAILURES = 50;
const EPSILON = 1e-9;

function failureOf(property: PropertyFailure['property'], subject: string, indicator: string | null, code: DetailCode, params: DetailParams, lang: Lang): PropertyFailure {
  return { property, subject, indicator, detail: renderDetail(code, params, lang), code, params };
}

/** An indicator or record type by its titles when the rule set gives them, else its id alone. */
function titled(id: string, known: readonly { readonly id: string; readonly title: string; readonly titleEn?: string | undefined }[] | undefined): DetailValue {
  const found = known?.find((k) => k.id === id);
  if (!found) return id;
  return found.titleEn !== undefined ? { id, title: found.title, titleEn: found.titleEn } : { id, title: found.title };
}

const subjectOf = (subject: { readonly id: string; readonly name: string }): DetailSubject => ({ id: subject.id, name: subject.name });

/**
 * Where two results first differ: a line (its points when they moved), a subject, or else the
 * first differing top-level field — to say what a shuffle of the records changed.
 *
 * @example
 * firstDifference(base.result, shuffled.result, 'zh'); // { subject: 'b1', indicator: 'br-theme-day', what: '得分由 9 变为 8' }
 */
export function firstDifference(before: ScoreResult, after: ScoreResult, lang: Lang): { subject: string; indicator: string | null; what: string } {
  const diff = differenceOf(before, after);
  return { subject: diff.subject, indicator: diff.indicator, what: renderDetail(diff.what.code, diff.what.params, lang) };
}

function differenceOf(before: ScoreResult, after: ScoreResult): { subject: string; indicator: string | null; what: DetailMessage } {
  const afterById = new Map(allSubjects(after).map((s) => [s.id, s]));
  for (const subject of allSubjects(before)) {
    const other = afterById.get(subject.id);
    for (const line of subject.lines) {
      const twin = other?.lines.find((l) => l.indicator === line.indicator);
      if (twin === undefined || JSON.stringify(twin) !== JSON.stringify(line)) {
        const what: DetailMessage =
          twin && twin.points !== line.points
            ? { code: 'order-line', params: { before: formatPoints(line.points), after: formatPoints(twin.points) } }
            : { code: 'order-other', params: { path: `${subject.id}.lines.${line.indicator}` } };
        return { subject: subject.id, indicator: line.indicator, what };
      }
    }
    if (JSON.stringify(other) !== JSON.stringify(subject)) return { subject: subject.id, indicator: null, what: { code: 'order-other', params: { path: subject.id } } };
  }
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  const key = Object.keys(a).find((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])) ?? '?';
  return { subject: '—', indicator: null, what: { code: 'order-other', params: { path: key } } };
}

function monotonicFailures(base: Scenario, variant: Scenario, added: RecordInput, indicator: string, lang: Lang): PropertyFailure[] {
  const out: PropertyFailure[] = [];
  const afterById = new Map(allSubjects(variant.result).map((s) => [s.id, s]));
  const named = titled(indicator, base.rules.indicators);
  const common = { type: titled(added.type, base.rules.recordTypes), record: added.id, date: added.date, indicator: named };
  for (const before of allSubjects(base.result)) {
    const after = afterById.get(before.id);
    if (!after) continue;
    const owner = added.organization === before.id || added.person === before.id;
    if (owner) {
      const lineBefore = before.lines.find((l) => l.indicator === indicator);
      const lineAfter = after.lines.find((l) => l.indicator === indicator);
      if (lineBefore && lineAfter && lineAfter.points < lineBefore.points - EPSILON) {
        const what: DetailMessage = { code: 'what-line', params: { subject: subjectOf(before), indicator: named } };
        out.push(failureOf('monotonic', before.id, indicator, 'detail-monotonic', { ...common, what, before: formatPoints(lineBefore.points), after: formatPoints(lineAfter.points) }, lang));
      }
    }
    if (after.total < before.total - EPSILON) {
      const what: DetailMessage = { code: 'what-total', params: { subject: subjectOf(before) } };
      out.push(failureOf('monotonic', before.id, owner ? indicator : null, 'detail-monotonic', { ...common, what, before: formatPoints(before.total), after: formatPoints(after.total) }, lang));
    }
  }
  return out;
}

/**
 * Checks a rule set for properties every sound rule set has, on a graph and records:
 *
 * - **monotonic**: adding a required record (one a count, cadence or window indicator reads,
 *   for a subject it applies to) never lowers that line's points, nor any subject's total;
 * - **bounds**: every line's points within [0, max], every bonus within its cap, every total
 *   within [0, scale + bonusCap] — on the base run and on every variant;
 * - **order**: the result does not depend on the order of the records.
 *
 * Records to add and shuffles come from a small seeded generator: the same seed replays the
 * same checks, and no property-testing library is needed at run time.
 *
 * Each failure's `detail` is written in the language of the check (`lang`), naming indicators
 * and record types by their titles; its `code` and `params` keep the message, so that
 * `formatPropertyFailures(report, lang)` writes it out in either language.
 *
 * @throws {ValidationError} for an option the check does not have (`run`, `seeed`), `runs` or
 * `shuffles` that are not whole numbers of at least 1, or a seed that is not a whole number.
 * @example
 * const report = checkRuleSetProperties(rules, { graph: g, records: evidence, runs: 40 });
 * report.ok; // true
 * report.failures; // [{ property: 'monotonic', subject: 'b1', indicator: 'br-x', detail: '…', code: 'detail-monotonic', params: {…} }] when not
 */
export function checkRuleSetProperties(rules: RuleSetSource, options: PropertyOptions): PropertyReport {
  const lang = langOf(options);
  // A misspelled option (`run`, `seeed`) would leave the defaults running without a word, and
  // `runs: -5` would check nothing and report ok: each is an error instead.
  // A missing graph is said by scenario() below, in the same words.
  throwIssues('options', schemaIssues(PropertyOptionsSchema, options, [], lang), lang);
  const seed = options.seed ?? 1;
  const random = seededRandom(seed);
  const base = scenario(rules, { graph: options.graph, lang, ...(options.records !== undefined ? { records: options.records } : {}), ...(options.asOf !== undefined ? { asOf: options.asOf } : {}) });
  const failures: PropertyFailure[] = [];
  const seen = new Set<string>();
  const report = (found: readonly PropertyFailure[]): void => {
    for (const f of found) {
      // One failure per property, subject and indicator: the first example is enough to act on.
      const key = `${f.property}\u0000${f.subject}\u0000${f.indicator ?? ''}`;
      if (seen.has(key) || failures.length >= MAX_FAILURES) continue;
      seen.add(key);
      failures.push(f);
    }
  };
  const checks = { monotonic: 0, bounds: 1, order: 0 };
  report(boundsFailures(base.result, base.rules, lang));

  const candidates = additiveLines(base.rules, allSubjects(base.result));
  const taken = new Set(base.records.flatMap((r) => recordOf(r)?.id ?? []));
  const runs = options.runs ?? 30;
  for (let run = 1; run <= runs && candidates.length > 0; run++) {
    const { subject, indicator } = random.pick(candidates);
    let id = `property-check-${run}`;
    while (taken.has(id)) id += '+';
    const added = requiredRecord(base.rules, base.graph, subject, indicator, base.result.period.asOf, random, id);
    if (!added) continue;
    const variant = base.with([added]);
    checks.monotonic++;
    checks.bounds++;
    report(monotonicFailures(base, variant, added, indicator, lang));
    report(boundsFailures(variant.result, base.rules, lang));
  }

  const expected = JSON.stringify(base.result);
  const shuffles = base.records.length > 1 ? (options.shuffles ?? 3) : 0;
  for (let k = 1; k <= shuffles; k++) {
    const shuffled = scenario(base.rules, {
      graph: base.graph,
      records: random.shuffle(base.records) as RecordInput[],
      lang,
      ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
    });
    checks.order++;
    if (JSON.stringify(shuffled.result) === expected) continue;
    const diff = differenceOf(base.result, shuffled.result);
    report([failureOf('order', diff.subject, diff.indicator, 'detail-order', { shuffle: k, what: diff.what }, lang)]);
  }
  return { ok: failures.length === 0, seed, checks, failures };
}

const DetailValueSchema: z.ZodType = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.object({ code: z.enum(PART_CODES), params: DetailParamsSchema }),
    z.object({ id: z.string(), name: z.string() }),
    z.object({ id: z.string(), title: z.string(), titleEn: z.string().optional() }),
  ]),
);
const DetailParamsSchema = z.record(z.string(), DetailValueSchema);
const DetailSchema = z.object({ code: z.enum(DETAIL_CODES), params: DetailParamsSchema });

/**
 * The failures of a report as readable lines, in a language: each failure's detail is rendered
 * in that language from its message (`code`, `params`) whatever language the check ran in, its
 * indicators and record types named by their titles; a failure without one (a bounds failure, a
 * hand-made one) shows its `detail` as it is.
 *
 * @throws {ValidationError} for a report that is not one: no list of failures, a failure without
 * its property, subject, indicator or detail, or with a `code` or `params` that are not a message.
 * @example
 * console.log(formatPropertyFailures(report, 'zh').join('\n'));
 */
export function formatPropertyFailures(report: PropertyReport, lang: Lang = 'zh'): string[] {
  kitLang(lang);
  checkPropertyReportArgument(report, lang);
  // A failure keeps its message whole (code and params) or not at all (bounds failures, old reports).
  const failures = report.failures as readonly PropertyFailure[];
  const issues = failures.flatMap((f, i) => {
    if (f.code === undefined && f.params === undefined) return [];
    const at = ['report', 'failures', i];
    if (f.code === undefined) return [kitIssue('required', [...at, 'code'], { field: 'code' }, lang)];
    return schemaIssues(DetailSchema, { code: f.code, params: f.params }, at, lang);
  });
  throwIssues('options', issues, lang);
  return failures.map((f) => {
    const detail = f.code !== undefined && f.params !== undefined ? renderDetail(f.code, f.params, lang) : f.detail;
    return text('property-failure', { property: text(`property-${f.property}`, {}, lang), where: f.indicator === null ? f.subject : `${f.subject} / ${f.indicator}`, detail }, lang);
  });
}
