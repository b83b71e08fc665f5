import { joinText } from '../core/explain.js';
import type { Lang } from '../core/lang.js';
import { formatMessage } from '../core/messages.js';
import { formatNumber, roundTo, stableSum } from '../core/number.js';
import { byCodeUnit } from '../core/order.js';
import { countedDays, countedSize, emptyLineState, firstCountedIds, type LineState } from './line-state.js';
import type { DerivedContext, DerivedMeasure, MeasureOutcome, RecordMeasure, SubjectRef } from './measure-module.js';
import { matchingPostOrganizations, type IndicatorPlan, type Plan } from './plan.js';
import type { IndicatorLine, LineStatus } from './result.js';
import { scorePoints } from './scoring/index.js';

const ID_SAMPLE = 20;

const sortedIds = (ids: Iterable<string>): string[] => [...ids].sort(byCodeUnit);

/** What each vetoed line's own records made it: its status says only that it was vetoed. */
const beneathVeto = new WeakMap<IndicatorLine, LineStatus>();

/**
 * A line's status as its own records made it, the veto aside: a vetoed line shows `vetoed`,
 * which hides whether anything was done. The verdict reads this (a veto does not turn a
 * shortfall into activity: 失职 whether the veto sits on the line or on an indicator of its own).
 *
 * @example
 * line.status; // 'vetoed'
 * measuredStatus(line); // 'shortfall': nothing was reported
 */
export function measuredStatus(line: IndicatorLine): LineStatus {
  return line.status === 'vetoed' ? (beneathVeto.get(line) ?? 'vetoed') : line.status;
}

// Lines whose measure said its requirement is not final yet (a count short while the year runs,
// a window still open), whatever status the line shows: `insufficient-evidence` (nothing reported
// yet) or `vetoed` hide it.
const notFinal = new WeakSet<IndicatorLine>();

/**
 * Whether the measure found a line's requirement not final yet: the period still running (or a
 * cadence bucket running past its end) and nothing missed for good, so that records still to come
 * may change it. A line showing `in-progress` always is; one showing `insufficient-evidence` or
 * `vetoed` may be too, underneath. Accountability reads it (a shortfall that may yet be made up
 * gives no finding while the period runs). Only for lines this process evaluated: false for others.
 *
 * @example
 * mayYetChange(line); // true for "0 of 4 meetings" as of June
 */
export function mayYetChange(line: IndicatorLine): boolean {
  return line.status === 'in-progress' || notFinal.has(line);
}

/**
 * A copy of a line made by the engine (a line shared by every subject without records) keeps
 * what {@link measuredStatus} and {@link mayYetChange} know of the line it was copied from.
 *
 * @example
 * const copy = keepMarks(line, { ...line });
 */
export function keepMarks<T extends IndicatorLine>(from: IndicatorLine, copy: T): T {
  const beneath = beneathVeto.get(from);
  if (beneath !== undefined) beneathVeto.set(copy, beneath);
  if (notFinal.has(from)) notFinal.add(copy);
  return copy;
}

function measureOutcome(plan: Plan, subject: SubjectRef, ip: IndicatorPlan, line: LineState, derived: DerivedContext): MeasureOutcome | undefined {
  const spec = ip.indicator.measure;
  const module = ip.module;
  if (!spec || !module) return undefined;
  if (module.kind === 'derived') return (module as DerivedMeasure<never>).evaluate(subject, spec as never, derived);
  const records = module as RecordMeasure<never, unknown>;
  const outcome = records.finalizeCounted
    ? records.finalizeCounted({ size: countedSize(line), days: () => countedDays(line) }, spec as never, plan.context)
    : records.finalize(line.measure ?? records.init(spec as never, plan.context), spec as never, plan.context);
  if (!ip.complete && line.seen.size === 0) return { ...outcome, status: 'insufficient-evidence' };
  return outcome;
}

function notes(line: LineState, ip: IndicatorPlan, lang: Lang): string[] {
  const out: string[] = [];
  if (line.pending.size > 0) out.push(formatMessage('explain-line-pending', { count: line.pending.size }, lang));
  if (line.rejected.size > 0) out.push(formatMessage('explain-line-rejected', { count: line.rejected.size }, lang));
  if (line.unsupported.size > 0) {
    const attributes = joinText(ip.requireAttributes, 'list', lang);
    out.push(formatMessage('explain-line-unsupported', { count: line.unsupported.size, attributes }, lang));
  }
  return out;
}

/**
 * The clause of a fired veto. A person's veto that reads organizations' records names the
 * organizations where they hold the post: the line keeps only the records' ids, and the posts are
 * what brought the records to the person.
 */
function vetoClause(plan: Plan, subject: SubjectRef, ip: IndicatorPlan, records: string, lang: Lang): string {
  if (subject.type !== 'person' || ip.vetoScope === 'self') return formatMessage('explain-line-veto', { records }, lang);
  const { graph } = plan;
  const names = matchingPostOrganizations(ip.applies, graph, subject.id).map((id) => graph.organizations.get(id)?.name ?? id);
  const code = ip.vetoScope === 'subtree' ? 'explain-line-veto-subtree' : 'explain-line-veto-organization';
  return formatMessage(code, { organizations: joinText(names, 'list', lang), records }, lang);
}

/**
 * Scores one indicator for one subject: the measure's outcome, the points by the scoring
 * method, bonus and veto, and the explanation line.
 */
export function evaluateLine(
  plan: Plan,
  subject: SubjectRef,
  ip: IndicatorPlan,
  gathered: LineState | undefined,
  derived: DerivedContext,
  lang: Lang,
): IndicatorLine {
  const rule = ip.indicator;
  const line = gathered ?? emptyLineState(undefined);
  const outcome = measureOutcome(plan, subject, ip, line, derived);
  const policy = rule.onInsufficientEvidence ?? plan.rules.onInsufficientEvidence ?? 'shortfall';
  const parts: string[] = [];
  // + 0 turns a -0 from the rule file into 0.
  let max = rule.points + 0;
  let points = 0;
  let status: LineStatus = 'met';
  // The figures the line shows: the outcome it was scored on.
  let shown = outcome;
  if (outcome) {
    parts.push(outcome.detail[lang]);
    const insufficient = outcome.status === 'insufficient-evidence';
    // The measure found nothing to measure (a ratio of 0 of 0, or no records under a source
    // declared complete): its own clause says why, so the policy's clause must not say that
    // nothing was reported from a source not declared complete.
    const unmeasurable = insufficient && (line.seen.size > 0 || ip.complete);
    if (insufficient && policy === 'exclude') {
      max = 0;
      status = 'excluded';
      parts.push(formatMessage(unmeasurable ? 'explain-line-unmeasurable-excluded' : 'explain-line-excluded', {}, lang));
    } else if (insufficient && policy === 'zero') {
      status = 'insufficient-evidence';
      parts.push(formatMessage(unmeasurable ? 'explain-line-unmeasurable-zero' : 'explain-line-zero', {}, lang));
    } else {
      let scoredOutcome = outcome;
      if (insufficient && outcome.shortfalls === 0 && outcome.inProgress) {
        // Nothing required yet (a deadline not yet due, no bucket due): nothing can be counted as
        // not done, so the line is in progress, and says so rather than "counted as not done".
        status = 'in-progress';
        parts.push(formatMessage('explain-line-nothing-due', {}, lang));
      } else if (insufficient) {
        status = 'insufficient-evidence';
        parts.push(formatMessage(unmeasurable ? 'explain-line-unmeasurable-not-done' : 'explain-line-not-done', {}, lang));
        // "Not done" must cost something even where an empty state shows no shortfall (no tasks known).
        if (outcome.shortfalls === 0) shown = scoredOutcome = { ...outcome, shortfalls: 1, ratio: 0, value: 0 };
      } else status = outcome.shortfalls === 0 ? 'met' : outcome.inProgress ? 'in-progress' : 'shortfall';
      if (rule.scoring && max > 0) {
        const scored = scorePoints(scoredOutcome, max, rule.scoring);
        points = scored.points;
        parts.push(scored.detail[lang]);
        // Nothing missed so far but the points not all earned yet (steps counting buckets met
        // while half the year is still to come): not `met`, which would read as final.
        if (status === 'met' && outcome.inProgress && points < max) status = 'in-progress';
      }
    }
  }
  parts.push(...notes(line, ip, lang));
  const bonusIds = sortedIds(line.bonus.keys());
  const rawBonus = stableSum(line.bonus.values());
  const bonus = rule.bonus ? roundTo(Math.min(rule.bonus.cap, rawBonus), 2) : 0;
  if (bonus > 0) {
    const capped = rawBonus > rule.bonus!.cap;
    const cap = capped ? formatMessage('explain-line-bonus-cap', { cap: formatNumber(rule.bonus!.cap) }, lang) : '';
    parts.push(`${formatMessage('explain-line-bonus', { bonus: formatNumber(bonus) }, lang)}${cap}`);
  }
  const vetoIds = sortedIds(line.veto);
  if (vetoIds.length > 0) parts.push(vetoClause(plan, subject, ip, joinText(vetoIds.slice(0, 5), 'list', lang), lang));
  else if (rule.veto && !outcome) parts.push(formatMessage('explain-line-no-veto', {}, lang));
  if (rule.bonus && bonus === 0 && !outcome) parts.push(formatMessage('explain-line-no-bonus', {}, lang));
  const title = lang === 'en' && rule.titleEn !== undefined ? rule.titleEn : rule.title;
  const result: IndicatorLine = {
    indicator: rule.id,
    title,
    ...(rule.section !== undefined ? { section: rule.section } : {}),
    responsibility: rule.responsibility,
    status: vetoIds.length > 0 ? 'vetoed' : status,
    // Rounded to a hundredth, but never above the points at stake (a rule set may give 33.335):
    // so no subject's score passes its maximum.
    points: Math.min(roundTo(points, 2), max),
    max,
    value: roundTo(shown?.value ?? 0, 9),
    target: shown?.target ?? null,
    shortfalls: roundTo(shown?.shortfalls ?? 0, 4),
    ratio: roundTo(shown?.ratio ?? (max === 0 ? 1 : 0), 9),
    ...(shown?.facts ? { facts: shown.facts } : {}),
    bonus,
    veto: vetoIds.length > 0,
    records: {
      reported: line.seen.size - line.pending.size - line.rejected.size,
      counted: outcome && ip.module?.kind === 'records' ? outcome.counted : countedSize(line),
      ids: firstCountedIds(line, ID_SAMPLE, outcome?.unused ? new Set(outcome.unused) : undefined),
      pending: line.pending.size,
      rejected: line.rejected.size,
      unsupported: line.unsupported.size,
      bonusIds: bonusIds.slice(0, ID_SAMPLE),
      vetoIds: vetoIds.slice(0, ID_SAMPLE),
    },
    explanation: formatMessage('explain-line', { title, parts: joinText(parts.filter((p) => p !== ''), 'clause', lang) }, lang),
  };
  if (vetoIds.length > 0) beneathVeto.set(result, status);
  if (outcome?.inProgress) notFinal.add(result);
  return result;
}
