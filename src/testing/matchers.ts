import type { AssessmentResult, Lang, RuleSet, ScoreResult } from '../index.js';
import type { PropertyReport } from './bounds.js';
import { checkGradeName, isGrade, verdictOf, type VerdictName } from './expected.js';
import { describeFindings, describeLine, describeSubject, formatPoints, subjectLabel, verdictLabel } from './explain.js';
import { filterFindings, findingContext, selectFindings, type FindingContext, type FindingFilter } from './finding-filter.js';
import { fail, kitIssue, schemaIssues, throwIssues } from './issues.js';
import { findLine, findSubject } from './lookup.js';
import { text } from './messages.js';
import { checkRuleSetProperties, formatPropertyFailures, PropertyMatcherOptionsSchema, type PropertyOptions } from './properties.js';
import { isScenario, scenarioFindingContext } from './scenario.js';

/**
 * The part of Vitest's (or Jest's) matcher context the kit's matchers read.
 *
 * @example
 * const context: MatcherContext = { isNot: false };
 */
export interface MatcherContext {
  readonly isNot: boolean;
}

/**
 * What a matcher returns: whether it passed, and the message to show when the assertion fails.
 *
 * @example
 * const outcome: MatcherOutcome = { pass: true, message: () => '' };
 */
export interface MatcherOutcome {
  readonly pass: boolean;
  readonly message: () => string;
}

/**
 * Options of `toSatisfyRuleSetProperties` on a scenario (its graph, records and asOf are used).
 *
 * @example
 * const options: PropertyMatcherOptions = { runs: 50, seed: 7 };
 */
export type PropertyMatcherOptions = Omit<PropertyOptions, 'graph' | 'records' | 'asOf' | 'lang'>;

interface Target {
  readonly result: ScoreResult & Partial<Pick<AssessmentResult, 'findings' | 'forms'>>;
  readonly lang: Lang;
  readonly indicators?: ReadonlySet<string>;
  /** The rule set, when the target is a scenario (a result alone does not carry it). */
  readonly rules?: RuleSet;
  /** What a finding filter's ids are checked against. */
  readonly known: () => FindingContext;
}

function describeReceived(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  return Array.isArray(value) ? 'array' : (value.constructor?.name ?? 'object');
}

function isResult(value: unknown): value is ScoreResult {
  const v = value as Partial<ScoreResult> | null;
  return typeof v === 'object' && v !== null && Array.isArray(v.organizations) && Array.isArray(v.people);
}

function target(received: unknown, matcher: string): Target {
  if (isScenario(received)) {
    return { result: received.result, lang: received.lang, indicators: new Set(received.rules.indicators.map((i) => i.id)), rules: received.rules, known: () => scenarioFindingContext(received) };
  }
  if (isResult(received)) return { result: received, lang: received.lang === 'en' ? 'en' : 'zh', known: () => findingContext(received) };
  const params = { matcher, received: describeReceived(received) };
  throw new TypeError(`${text('bad-received', params, 'zh')}\n${text('bad-received', params, 'en')}`);
}

const indent = (lines: readonly string[]): string => lines.map((l) => `  ${l}`).join('\n');
const near = (a: number, b: number): boolean => Math.abs(a - b) < 0.005;

/**
 * The kit's matchers, in the shape `expect.extend` takes (Vitest, or Jest). Each failure
 * message says why, from the result's own explanations: status, points out of max, records
 * counted and the engine's explanation — in Chinese, or English when the scenario's lang is `en`.
 *
 * @example
 * import { expect } from 'vitest';
 * expect.extend(matchers);
 * expect(s).toScore('b1', 'br-theme-day', 9);
 */
export const matchers = {
  /**
   * A line's points (compared to hundredths, as the engine rounds).
   *
   * @example
   * expect(s).toScore('b1', 'br-committee-meeting', 7); // 8 − 2 missed months × 0.5
   */
  toScore(this: MatcherContext, received: unknown, subject: string, indicator: string, points: number): MatcherOutcome {
    const { result, lang, indicators } = target(received, 'toScore');
    const line = findLine(result, subject, indicator, lang, indicators);
    const who = subjectLabel(findSubject(result, subject, lang), lang);
    const params = { subject: who, indicator: line.title, expected: formatPoints(points), actual: formatPoints(line.points), max: formatPoints(line.max) };
    return {
      pass: near(line.points, points),
      message: () => `${text(this.isNot ? 'expect-points-not' : 'expect-points', params, lang)}\n${indent(describeLine(line, lang))}`,
    };
  },

  /**
   * A subject's total (scaled score plus bonus), to hundredths.
   *
   * @example
   * expect(s).toHaveTotal('b1', 103); // 100 + 3 bonus
   */
  toHaveTotal(this: MatcherContext, received: unknown, subject: string, total: number): MatcherOutcome {
    const { result, lang } = target(received, 'toHaveTotal');
    const found = findSubject(result, subject, lang);
    const params = { subject: subjectLabel(found, lang), expected: formatPoints(total), actual: formatPoints(found.total) };
    return { pass: near(found.total, total), message: () => `${text(this.isNot ? 'expect-total-not' : 'expect-total', params, lang)}\n${indent(describeSubject(found, lang))}` };
  },

  /**
   * A subject's grade, by id (`good`) or title in either language (`好`, `good`); null for "not
   * graded". On a scenario, a grade the rule set does not have is an error (with `.not` too).
   *
   * @example
   * expect(s).toHaveGrade('b2', 'poor'); // vetoed
   */
  toHaveGrade(this: MatcherContext, received: unknown, subject: string, grade: string | null): MatcherOutcome {
    const { result, lang, rules } = target(received, 'toHaveGrade');
    if (grade !== null && typeof grade !== 'string') fail('query', [kitIssue('invalid-type', ['grade'], { expected: 'string | null', received: typeof grade }, lang)], lang);
    if (grade !== null && rules !== undefined) checkGradeName(grade, rules, lang);
    const found = findSubject(result, subject, lang);
    const actual = found.grade;
    const pass = grade === null ? actual === null : isGrade(actual, grade, rules);
    const params = { subject: subjectLabel(found, lang), expected: grade ?? '—', actual: actual === null ? '—' : `${actual.title} / ${actual.id}` };
    return { pass, message: () => `${text(this.isNot ? 'expect-grade-not' : 'expect-grade', params, lang)}\n${indent(describeSubject(found, lang))}` };
  },

  /**
   * The verdict on a person: fulfilled (本职), derelict (失职), incompetent (不称职),
   * undetermined (无法认定) — by id or by title in either language.
   *
   * @example
   * expect(s).toHaveVerdict('p4', 'derelict');
   * expect(s).toHaveVerdict('p4', '失职');
   */
  toHaveVerdict(this: MatcherContext, received: unknown, person: string, verdict: VerdictName): MatcherOutcome {
    const { result, lang } = target(received, 'toHaveVerdict');
    const expected = verdictOf(verdict, lang);
    const found = findSubject(result, person, lang);
    if (found.type !== 'person') fail('query', [kitIssue('not-a-person', ['person'], { id: person }, lang)], lang);
    const params = { subject: subjectLabel(found, lang), expected: verdictLabel(expected, lang), actual: verdictLabel(found.verdict, lang) };
    return { pass: found.verdict === expected, message: () => `${text(this.isNot ? 'expect-verdict-not' : 'expect-verdict', params, lang)}\n${indent(describeSubject(found, lang))}` };
  },

  /**
   * A proposed accountability finding matching a filter (subject, liability, basis, form,
   * rule…). A field the filter does not have, or a subject, rule or form that does not exist,
   * is an error, with `.not` too: such a filter matches nothing whatever the result. When it
   * fails on a run made while the period is still running, the message lists the hits (of the
   * filter's rule and trigger subject, when it names them) that gave no finding yet (`provisional`).
   *
   * @example
   * expect(s).toHaveFinding({ subject: 'p4', rule: 'serious-case', form: 'admonishment', liability: 'principal-leadership' });
   */
  toHaveFinding(this: MatcherContext, received: unknown, filter: FindingFilter): MatcherOutcome {
    const { result, lang, known } = target(received, 'toHaveFinding');
    const all = result.findings ?? [];
    const matching = selectFindings(all, filter, lang, known());
    const params = { filter: JSON.stringify(filter), count: matching.length };
    const message = (): string => {
      if (this.isNot) return `${text('expect-finding-not', params, lang)}\n${text('findings-matching', { count: matching.length }, lang)}\n${describeFindings(matching, lang).join('\n')}`;
      const near = filter.subject !== undefined ? filterFindings(all, { subject: filter.subject }, lang) : [];
      const shown = near.length > 0 ? near : all;
      const heading = near.length > 0 ? text('findings-matching', { count: near.length }, lang) : text('findings-all', { count: all.length }, lang);
      const subject = filter.subject !== undefined && near.length === 0 ? describeSubjectIfAny(result, filter.subject, lang) : '';
      return `${text('expect-finding', params, lang)}\n${heading}\n${describeFindings(shown, lang).join('\n')}${subject}${provisionalNote(result, filter, lang)}`;
    };
    return { pass: matching.length > 0, message };
  },

  /**
   * The rule-set properties (monotonic, bounds, order) on a scenario, or a report already made.
   *
   * @example
   * expect(s).toSatisfyRuleSetProperties({ runs: 40 });
   * expect(checkResultBounds(handMade, rules)).not.toSatisfyRuleSetProperties();
   */
  toSatisfyRuleSetProperties(this: MatcherContext, received: unknown, options?: PropertyMatcherOptions): MatcherOutcome {
    let report: PropertyReport;
    let lang: Lang = 'zh';
    if (isScenario(received)) {
      lang = received.lang;
      // Checked here, in the scenario's language: the graph, records and asOf are the scenario's own.
      throwIssues('options', schemaIssues(PropertyMatcherOptionsSchema, options, [], lang, { required: false }), lang);
      report = checkRuleSetProperties(received.rules, {
        ...options,
        graph: received.graph,
        records: received.records as Iterable<object>,
        lang,
        ...(received.asOf !== undefined ? { asOf: received.asOf } : {}),
      });
    } else if (isReport(received)) {
      // A report is already made: options would change nothing, so they are refused, not dropped.
      if (options !== undefined) {
        const isObject = typeof options === 'object' && options !== null && !Array.isArray(options);
        if (!isObject) fail('options', [kitIssue('invalid-type', [], { expected: 'object', received: options === null ? 'null' : typeof options }, lang)], lang);
        if (Object.keys(options).length > 0) fail('options', [kitIssue('options-with-report', [], { keys: Object.keys(options).join(', ') }, lang)], lang);
      }
      report = received;
    } else {
      const params = { received: describeReceived(received) };
      throw new TypeError(`${text('bad-received-properties', params, 'zh')}\n${text('bad-received-properties', params, 'en')}`);
    }
    const params = { count: report.failures.length, seed: report.seed };
    return {
      pass: report.ok,
      message: () => (this.isNot ? text('expect-properties-not', params, lang) : `${text('expect-properties', params, lang)}\n${indent(formatPropertyFailures(report, lang))}`),
    };
  },
};

// The hits a run made while its period was still running gave no finding from (of the filter's
// rule and trigger subject, when it names them): why an expected finding is not there yet.
function provisionalNote(result: Target['result'], filter: FindingFilter, lang: Lang): string {
  const hits = ((result as Partial<AssessmentResult>).hits ?? []).filter(
    (h) => h.provisional === true && (filter.rule === undefined || h.rule === filter.rule) && (filter.trigger === undefined || h.subject.id === filter.trigger),
  );
  if (hits.length === 0) return '';
  const lines = hits.map((h) => (lang === 'zh' ? `  ${h.rule} · ${h.subject.name}（${h.subject.id}）：${h.explanation ?? ''}` : `  ${h.rule} · ${h.subject.name} (${h.subject.id}): ${h.explanation ?? ''}`));
  return `\n${text('findings-provisional', { asOf: result.period.asOf ?? '', count: hits.length }, lang)}\n${lines.join('\n')}`;
}

function describeSubjectIfAny(result: ScoreResult, id: string, lang: Lang): string {
  try {
    return `\n${describeSubject(findSubject(result, id, lang), lang).join('\n')}`;
  } catch {
    return '';
  }
}

function isReport(value: unknown): value is PropertyReport {
  const v = value as Partial<PropertyReport> | null;
  return typeof v === 'object' && v !== null && typeof v.ok === 'boolean' && Array.isArray(v.failures);
}
