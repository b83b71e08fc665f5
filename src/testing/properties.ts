import { z } from 'zod';
import type { Lang, RecordInput, ScoreResult } from '../index.js';
import { boundsFailures, type PropertyFailure, type PropertyReport } from './bounds.js';
import { allSubjects, formatPoints, subjectLabel } from './explain.js';
import { langOf, LangSchema, schemaIssues, throwIssues } from './issues.js';
import { checkPropertyReportArgument, kitLang } from './arguments.js';
import { text } from './messages.js';
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

/**
 * Where two results first differ: a line (its points when they moved), a subject, or else the
 * first differing top-level field — to say what a shuffle of the records changed.
 *
 * @example
 * firstDifference(base.result, shuffled.result, 'zh'); // { subject: 'b1', indicator: 'br-theme-day', what: '得分由 9 变为 8' }
 */
export function firstDifference(before: ScoreResult, after: ScoreResult, lang: Lang): { subject: string; indicator: string | null; what: string } {
  const afterById = new Map(allSubjects(after).map((s) => [s.id, s]));
  for (const subject of allSubjects(before)) {
    const other = afterById.get(subject.id);
    for (const line of subject.lines) {
      const twin = other?.lines.find((l) => l.indicator === line.indicator);
      if (twin === undefined || JSON.stringify(twin) !== JSON.stringify(line)) {
        const what = twin && twin.points !== line.points ? text('order-line', { before: formatPoints(line.points), after: formatPoints(twin.points) }, lang) : text('order-other', { path: `${subject.id}.lines.${line.indicator}` }, lang);
        return { subject: subject.id, indicator: line.indicator, what };
      }
    }
    if (JSON.stringify(other) !== JSON.stringify(subject)) return { subject: subject.id, indicator: null, what: text('order-other', { path: subject.id }, lang) };
  }
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  const key = Object.keys(a).find((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])) ?? '?';
  return { subject: '—', indicator: null, what: text('order-other', { path: key }, lang) };
}

function monotonicFailures(base: Scenario, variant: Scenario, added: RecordInput, indicator: string, lang: Lang): PropertyFailure[] {
  const out: PropertyFailure[] = [];
  const afterById = new Map(allSubjects(variant.result).map((s) => [s.id, s]));
  const common = { type: added.type, record: added.id, date: added.date, indicator };
  for (const before of allSubjects(base.result)) {
    const after = afterById.get(before.id);
    if (!after) continue;
    const owner = added.organization === before.id || added.person === before.id;
    if (owner) {
      const lineBefore = before.lines.find((l) => l.indicator === indicator);
      const lineAfter = after.lines.find((l) => l.indicator === indicator);
      if (lineBefore && lineAfter && lineAfter.points < lineBefore.points - EPSILON) {
        const what = text('what-line', { subject: subjectLabel(before, lang), indicator }, lang);
        out.push({ property: 'monotonic', subject: before.id, indicator, detail: text('detail-monotonic', { ...common, what, before: formatPoints(lineBefore.points), after: formatPoints(lineAfter.points) }, lang) });
      }
    }
    if (after.total < before.total - EPSILON) {
      const what = text('what-total', { subject: subjectLabel(before, lang) }, lang);
      out.push({ property: 'monotonic', subject: before.id, indicator: owner ? indicator : null, detail: text('detail-monotonic', { ...common, what, before: formatPoints(before.total), after: formatPoints(after.total) }, lang) });
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
 * @throws {ValidationError} for an option the check does not have (`run`, `seeed`), `runs` or
 * `shuffles` that are not whole numbers of at least 1, or a seed that is not a whole number.
 * @example
 * const report = checkRuleSetProperties(rules, { graph: g, records: evidence, runs: 40 });
 * report.ok; // true
 * report.failures; // [{ property: 'monotonic', subject: 'b1', indicator: 'br-x', detail: '…' }] when not
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
    const diff = firstDifference(base.result, shuffled.result, lang);
    report([{ property: 'order', subject: diff.subject, indicator: diff.indicator, detail: text('detail-order', { shuffle: k, what: diff.what }, lang) }]);
  }
  return { ok: failures.length === 0, seed, checks, failures };
}

/**
 * The failures of a report as readable lines, in a language.
 *
 * @example
 * console.log(formatPropertyFailures(report, 'zh').join('\n'));
 */
export function formatPropertyFailures(report: PropertyReport, lang: Lang = 'zh'): string[] {
  kitLang(lang);
  checkPropertyReportArgument(report, lang);
  return report.failures.map((f) =>
    text('property-failure', { property: text(`property-${f.property}`, {}, lang), where: f.indicator === null ? f.subject : `${f.subject} / ${f.indicator}`, detail: f.detail }, lang),
  );
}
