import { parseRuleSet, type Lang, type RuleSet, type ScoreResult } from '../index.js';
import { formatPoints } from './explain.js';
import { z } from 'zod';
import { checkResultArgument } from './arguments.js';
import { langOf, LangSchema, schemaIssues, throwIssues } from './issues.js';
import { renderDetail, type DetailCode, type DetailParams } from './detail.js';
import type { RuleSetSource } from './scenario.js';

const BoundsOptionsSchema = z.strictObject({ lang: LangSchema.optional() });

/**
 * The properties a rule set is checked for: `monotonic`, `bounds`, `order`.
 *
 * @example
 * const name: PropertyName = 'monotonic';
 */
export type PropertyName = 'monotonic' | 'bounds' | 'order';

/**
 * One property that did not hold: where, and what was seen.
 *
 * @example
 * const failure: PropertyFailure = { property: 'bounds', subject: 'b1', indicator: 'br-theme-day', detail: '得分 12 不在 0–10 之内' };
 */
export interface PropertyFailure {
  readonly property: PropertyName;
  readonly subject: string;
  /** The indicator concerned, or null for the subject's totals. */
  readonly indicator: string | null;
  /** What failed, in the language of the check. */
  readonly detail: string;
  /**
   * The message `detail` is written in and its values, in no language: what
   * `formatPropertyFailures` writes a report out from, in the language asked for. Every failure a
   * check makes has them; a failure made by hand without them is written out with its `detail`.
   */
  readonly code?: DetailCode;
  readonly params?: DetailParams;
}

/**
 * The outcome of a property check: `ok` when nothing failed, the seed to replay it, how many
 * checks ran, and the failures.
 *
 * @example
 * const report: PropertyReport = checkRuleSetProperties(rules, { graph: g, records: evidence });
 * if (!report.ok) console.log(report.failures);
 */
export interface PropertyReport {
  readonly ok: boolean;
  readonly seed: number;
  readonly checks: { readonly monotonic: number; readonly bounds: number; readonly order: number };
  readonly failures: readonly PropertyFailure[];
}

const EPSILON = 1e-9;

/** The limits a result must keep to, read from the rule set. */
interface Limits {
  readonly scale: number;
  readonly bonusCap: number;
  readonly capOf: ReadonlyMap<string, number>;
}

function limitsOf(rules: RuleSet): Limits {
  const capOf = new Map(rules.indicators.map((i) => [i.id, i.bonus?.cap ?? 0]));
  const sumOfCaps = [...capOf.values()].reduce((a, b) => a + b, 0);
  return { scale: rules.scale ?? 100, bonusCap: rules.bonusCap ?? sumOfCaps, capOf };
}

const outside = (value: number, max: number): boolean => !Number.isFinite(value) || value < -EPSILON || value > max + EPSILON;

/**
 * The bounds failures of one result: every line's points within [0, max] and bonus within
 * [0, cap]; every subject's score within [0, max] and total within [0, scale + bonus cap].
 *
 * @example
 * boundsFailures(result, parseRuleSet(rules), 'zh'); // [] for any result the engine made
 */
export function boundsFailures(result: ScoreResult, rules: RuleSet, lang: Lang): PropertyFailure[] {
  const limits = limitsOf(rules);
  const out: PropertyFailure[] = [];
  const fail = (subject: string, indicator: string | null, code: DetailCode, params: DetailParams): void => {
    out.push({ property: 'bounds', subject, indicator, detail: renderDetail(code, params, lang), code, params });
  };
  for (const subject of [...result.organizations, ...result.people]) {
    for (const line of subject.lines) {
      if (outside(line.points, Math.max(0, line.max))) fail(subject.id, line.indicator, 'detail-line-bounds', { points: formatPoints(line.points), max: formatPoints(line.max) });
      const cap = limits.capOf.get(line.indicator) ?? 0;
      if (outside(line.bonus, cap)) fail(subject.id, line.indicator, 'detail-bonus-bounds', { bonus: formatPoints(line.bonus), cap: formatPoints(cap) });
    }
    if (outside(subject.score, Math.max(0, subject.max))) fail(subject.id, null, 'detail-score-bounds', { score: formatPoints(subject.score), max: formatPoints(subject.max) });
    const limit = limits.scale + limits.bonusCap;
    if (outside(subject.total, limit)) {
      const params = { total: formatPoints(subject.total), limit: formatPoints(limit), scale: formatPoints(limits.scale), bonusCap: formatPoints(limits.bonusCap) };
      fail(subject.id, null, 'detail-total-bounds', params);
    }
  }
  return out;
}

/**
 * Checks one result (a real one, or one made by hand) for the bounds property alone: every
 * line's points within [0, max], every bonus within its cap, every subject's total within
 * [0, scale + bonusCap].
 *
 * @example
 * const broken = structuredClone(s.result);
 * broken.organizations[0].lines[0].points = 99; // more than the line's max
 * checkResultBounds(broken, rules).ok; // false
 */
export function checkResultBounds(result: ScoreResult, rules: RuleSetSource, options: { readonly lang?: Lang } = {}): PropertyReport {
  const lang = langOf(options);
  throwIssues('options', schemaIssues(BoundsOptionsSchema, options, [], lang), lang);
  checkResultArgument(result, lang);
  const failures = boundsFailures(result, parseRuleSet(rules, { lang }), lang);
  return { ok: failures.length === 0, seed: 0, checks: { monotonic: 0, bounds: 1, order: 0 }, failures };
}
