import { measuredStatus } from './evaluate-line.js';
import type { SubjectDraft } from './evaluate-subjects.js';
import type { Plan } from './plan.js';
import type { IndicatorLine, Verdict } from './result.js';

/** The line under which a person's result is 不称职, unless the rule set says otherwise. */
export const DEFAULT_INCOMPETENT_BELOW = 60;

const JUDGEMENTS = new Set(['rating', 'manual']);

/**
 * The speech's verdict on a person — 抓好党建工作是本职、不抓党建工作是失职、抓不好党建工作是不称职.
 * "Record-based" lines are those of record measures other than ratings and assessors' scores
 * (those are judgements by others, not activity); "known" record-based lines are those neither
 * `insufficient-evidence` nor `excluded`. A vetoed line is read by what its own records made it
 * ({@link measuredStatus}): a veto on the line itself hides nothing the verdict needs. In this order:
 *
 * 1. When every line with points at stake (max > 0) is `insufficient-evidence`, or there is no such
 *    line at all: `incompetent` if a veto fired, else `undetermined` (missing data is not a zero).
 * 2. When the person has record-based lines but none of them is known: likewise `incompetent` if
 *    a veto fired, else `undetermined`.
 * 3. When no record-based line has an approved record:
 *    - if some has a pending one (activity awaiting review, whose outcome is not known until it
 *      is reviewed: it neither shows that nothing was done nor earns points yet): `incompetent` if a
 *      veto fired, else `undetermined`;
 *    - else `derelict` if some known record-based line is a `shortfall` (a veto does not change this);
 *    - else, if some known record-based line is still `in-progress` (nothing has failed yet and it
 *      may still be made up before the period ends): `incompetent` if a veto fired, else `undetermined`;
 *    - else (every known line is met, e.g. a deadline with no tasks): go on to 4.
 * 4. `incompetent` when a veto fired or the total (the composite, when the rule set grades on it)
 *    is under the rule set's line (default 60); `fulfilled` otherwise.
 *
 * @example
 * verdictOf(plan, draft); // 'fulfilled'
 */
export function verdictOf(plan: Plan, subject: SubjectDraft): Verdict {
  const vetoed = subject.vetoes.length > 0;
  // A fired veto is a known fact: where the evidence says nothing else, it still decides.
  const unknown: Verdict = vetoed ? 'incompetent' : 'undetermined';
  // Nothing assessed (a person covered by a ladder but no indicator, or veto indicators only, worth
  // 0 points), or nothing known on any line that carries points (ratings and assessors' scores included).
  if (subject.lines.every((l) => l.max === 0 || measuredStatus(l) === 'insufficient-evidence')) return unknown;
  const lines = recordBasedLines(plan, subject.lines);
  const line = plan.rules.verdicts?.incompetentBelow ?? DEFAULT_INCOMPETENT_BELOW;
  const value = plan.rules.composite?.gradeOn === 'composite' && subject.composite?.value != null ? subject.composite.value : subject.total;
  if (lines.length > 0) {
    // Lines whose evidence is unknown (nothing reported, source not declared complete) say nothing either way.
    const known = lines.map(measuredStatus).filter((status) => status !== 'insufficient-evidence' && status !== 'excluded');
    if (known.length === 0) return unknown;
    if (lines.every((l) => l.records.reported === 0)) {
      // Records awaiting review are activity whose outcome is not known yet: neither 失职 (something
      // was done) nor a score to judge (they earn nothing until approved).
      if (lines.some((l) => l.records.pending > 0)) return unknown;
      // 失职 needs an actual failure: a line met with nothing reported (a deadline with no tasks) is not one.
      if (known.includes('shortfall')) return 'derelict';
      // Nothing failed, but a line may still be made up before the period ends: too early to say.
      if (known.includes('in-progress')) return unknown;
    }
  }
  return value < line || vetoed ? 'incompetent' : 'fulfilled';
}

// The lines of record measures other than judgements that carry points (or were excluded), read
// with a veto on the line itself set aside (measuredStatus): a veto hides no shortfall.
function recordBasedLines(plan: Plan, lines: readonly IndicatorLine[]): IndicatorLine[] {
  const recordBased = recordBasedOf(plan);
  return lines.filter((l) => recordBased.has(l.indicator) && (l.max > 0 || measuredStatus(l) === 'excluded'));
}

// The record-based indicators of a plan, found once per plan rather than once per person.
const RECORD_BASED = new WeakMap<Plan, ReadonlySet<string>>();

function recordBasedOf(plan: Plan): ReadonlySet<string> {
  let ids = RECORD_BASED.get(plan);
  if (ids === undefined) {
    // Activity is what the person did: ratings and assessors' scores are others' judgements of it.
    ids = new Set(plan.indicators.filter((ip) => ip.module?.kind === 'records' && !JUDGEMENTS.has(ip.indicator.measure?.type ?? '')).map((ip) => ip.indicator.id));
    RECORD_BASED.set(plan, ids);
  }
  return ids;
}

/**
 * Whether records still to come could make a person's verdict 失职 (`derelict`): they have
 * record-based lines (see {@link verdictOf}) and nothing reported on any. Once something is
 * reported it never can, whatever comes later. Accountability reads it: 不称职 by a fired veto
 * mid-period is settled only when it cannot become 失职 by the period's end.
 *
 * @example
 * couldBecomeDerelict(plan, person); // false once any activity is on record
 */
export function couldBecomeDerelict(plan: Plan, subject: { readonly lines: readonly IndicatorLine[] }): boolean {
  const lines = recordBasedLines(plan, subject.lines);
  return lines.length > 0 && lines.every((l) => l.records.reported === 0);
}
