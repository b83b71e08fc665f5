import type { SubjectDraft } from './evaluate-subjects.js';
import type { Plan } from './plan.js';
import type { Verdict } from './result.js';

/** The line under which a person's result is 不称职, unless the rule set says otherwise. */
export const DEFAULT_INCOMPETENT_BELOW = 60;

const JUDGEMENTS = new Set(['rating', 'manual']);

/**
 * The speech's verdict on a person — 抓好党建工作是本职、不抓党建工作是失职、抓不好党建工作是不称职:
 * `derelict` when there is no activity at all on their record-based indicators (ratings and
 * assessors' scores are judgements by others, not activity); `incompetent`
 * when there is activity but the result is under the rule set's line (or a veto fired);
 * `fulfilled` otherwise; `undetermined` when nothing was reported and the sources are not
 * declared complete, since missing data is not a zero.
 *
 * @example
 * verdictOf(plan, draft); // 'fulfilled'
 */
export function verdictOf(plan: Plan, subject: SubjectDraft): Verdict {
  // Activity is what the person did: ratings and assessors' scores are others' judgements of it.
  const recordBased = new Set(
    plan.indicators
      .filter((ip) => ip.module?.kind === 'records' && !JUDGEMENTS.has(ip.indicator.measure?.type ?? ''))
      .map((ip) => ip.indicator.id),
  );
  const lines = subject.lines.filter((l) => recordBased.has(l.indicator) && (l.max > 0 || l.status === 'excluded'));
  const line = plan.rules.verdicts?.incompetentBelow ?? DEFAULT_INCOMPETENT_BELOW;
  const value = plan.rules.composite?.gradeOn === 'composite' && subject.composite?.value != null ? subject.composite.value : subject.total;
  // Nothing assessed at all (a person covered by a ladder but no indicator): no basis for a verdict.
  if (subject.lines.every((l) => l.max === 0)) return 'undetermined';
  if (lines.length > 0) {
    // Lines whose evidence is unknown (nothing reported, source not declared complete) say nothing either way.
    const known = lines.filter((l) => l.status !== 'insufficient-evidence' && l.status !== 'excluded');
    if (known.length === 0) return 'undetermined';
    if (lines.every((l) => l.records.reported === 0)) {
      // Nothing reported yet, but every line that is known may still be made up before the period ends: too early to say.
      return known.every((l) => l.status === 'in-progress') ? 'undetermined' : 'derelict';
    }
  }
  return value < line || subject.vetoes.length > 0 ? 'incompetent' : 'fulfilled';
}
