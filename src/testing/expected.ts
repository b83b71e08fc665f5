import type { GradeAward, Lang, RuleSet, Verdict } from '../index.js';
import { VERDICT_TITLES, verdictLabel } from './explain.js';
import { didYouMean, fail, kitIssue, listed } from './issues.js';

/**
 * A verdict as a test may name it: its id, or its title in Chinese or English
 * (`derelict`, `失职`, `失职（derelict）`).
 *
 * @example
 * const expected: VerdictName = '失职';
 */
export type VerdictName = Verdict | '本职' | '失职' | '不称职' | '无法认定';

const VERDICT_IDS = Object.keys(VERDICT_TITLES) as Verdict[];

function verdictNames(verdict: Verdict): string[] {
  return [verdict, VERDICT_TITLES[verdict].zh, VERDICT_TITLES[verdict].en, verdictLabel(verdict, 'zh')];
}

/**
 * The verdict a name means, or a `ValidationError` (subject `query`) listing the verdicts there are.
 *
 * @throws {ValidationError} for a name no verdict has (`Derelict`, `失责`).
 * @example
 * verdictOf('不称职', 'zh'); // 'incompetent'
 */
export function verdictOf(name: unknown, lang: Lang): Verdict {
  const found = VERDICT_IDS.find((v) => verdictNames(v).includes(name as string));
  if (found !== undefined) return found;
  const value = typeof name === 'string' ? name : String(name);
  const allowed = VERDICT_IDS.map((v) => `${v} / ${VERDICT_TITLES[v].zh}`).join(', ');
  return fail('query', [kitIssue('no-verdict', ['verdict'], { value, hint: didYouMean(value, VERDICT_IDS.flatMap(verdictNames), lang), allowed }, lang)], lang);
}

interface GradeNames {
  readonly ladder: string;
  readonly id: string;
  readonly names: readonly string[];
}

function gradesOf(rules: RuleSet): GradeNames[] {
  return (rules.ladders ?? []).flatMap((ladder) => ladder.grades.map((g) => ({ ladder: ladder.id, id: g.id, names: [...new Set([g.id, g.title, ...(g.titleEn !== undefined ? [g.titleEn] : [])])] })));
}

/**
 * Checks that a grade named in a test is one of the rule set's, by id or by title in either
 * language, whatever the scenario's language.
 *
 * @throws {ValidationError} listing the grades there are.
 * @example
 * checkGradeName('差', rules, 'en'); // fine: the title of `poor`
 */
export function checkGradeName(name: string, rules: RuleSet, lang: Lang): void {
  const grades = gradesOf(rules);
  if (grades.some((g) => g.names.includes(name))) return;
  const have = listed(new Set(grades.map((g) => g.names.join(' / '))));
  fail('query', [kitIssue('no-grade', ['grade'], { value: name, hint: didYouMean(name, grades.flatMap((g) => g.names), lang), have }, lang)], lang);
}

/**
 * Whether a grade awarded is the one named: its id, its title in the result, or — with the rule
 * set — its title in either language.
 *
 * @example
 * isGrade(s.subject('b1').grade, '差', s.rules); // true when b1 is graded poor
 */
export function isGrade(awarded: GradeAward | null, name: string, rules?: RuleSet): boolean {
  if (awarded === null) return false;
  if (awarded.id === name || awarded.title === name) return true;
  return rules !== undefined && gradesOf(rules).some((g) => g.ladder === awarded.ladder && g.id === awarded.id && g.names.includes(name));
}
