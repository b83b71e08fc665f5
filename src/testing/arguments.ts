// The arguments of the testing kit's helpers that read a result, its findings or a property
// report, checked before they are read: one built by hand, or `null`, would otherwise fail with a
// TypeError deep inside (`describeFindings([null])`), and a language other than zh or en would
// render every text in neither.
import { z } from 'zod';
import { ValidationError, type Issue, type Lang } from '../index.js';
import { kitIssue, schemaIssues, throwIssues, typeOf } from './issues.js';

// What the helpers read of a finding and of a subject (other members are let through).
const SubjectRef = z.object({ type: z.enum(['organization', 'person']), id: z.string(), name: z.string() });
const FindingShape = z.object({
  id: z.string(),
  rule: z.string(),
  status: z.string(),
  subject: SubjectRef,
  liability: z.string(),
  basis: z.string(),
  form: z.object({ id: z.string(), title: z.string() }),
  trigger: z.object({ subject: z.object({ id: z.string() }) }),
  explanation: z.string(),
});
const LineShape = z.object({ indicator: z.string(), points: z.number(), max: z.number(), bonus: z.number() });
const SubjectShape = z.object({ id: z.string(), score: z.number(), max: z.number(), total: z.number(), lines: z.array(LineShape) });
const FindingsArgument = z.object({ findings: z.array(FindingShape) });
const SubjectsArgument = z.object({ organizations: z.array(SubjectShape), people: z.array(SubjectShape) });

/**
 * The language a helper was given, checked: `zh` when none, else a `ValidationError` (subject
 * `options`, `invalid-value` at `lang`) for one other than `zh` or `en`.
 *
 * @example
 * kitLang(undefined); // 'zh'
 */
export function kitLang(lang: unknown): Lang {
  if (lang === undefined) return 'zh';
  if (lang === 'zh' || lang === 'en') return lang;
  throw new ValidationError('options', [kitIssue('invalid-value', ['lang'], { value: String(lang), allowed: 'zh, en' }, 'zh')], 'zh');
}

/**
 * Checks the list of findings a helper reads: a `ValidationError` (subject `options`) for one
 * that is not a list, or listing each finding that is not one (`null`, a field missing or of the
 * wrong type) at `['findings', i, …]`.
 *
 * @example
 * checkFindingsArgument(result.findings, 'zh');
 */
export function checkFindingsArgument(findings: unknown, lang: Lang): void {
  if (!Array.isArray(findings)) throwIssues('options', [kitIssue('invalid-type', ['findings'], { expected: 'array', received: typeOf(findings) }, lang)], lang);
  throwIssues('options', schemaIssues(FindingsArgument, { findings }, [], lang), lang);
}

/**
 * Checks a result a helper reads: an object whose subjects (`organizations`, `people`) are
 * lists of subjects, each problem at its path from `result`.
 *
 * @example
 * checkResultArgument(result, 'zh');
 */
export function checkResultArgument(result: unknown, lang: Lang): void {
  if (typeof result !== 'object' || result === null || Array.isArray(result)) {
    throwIssues('options', [kitIssue('invalid-type', ['result'], { expected: 'assess(…)', received: typeOf(result) }, lang)], lang);
  }
  const value = result as Record<string, unknown>;
  const lists = (['organizations', 'people'] as const).filter((part) => !Array.isArray(value[part]));
  throwIssues('options', lists.map((part) => kitIssue('invalid-type', ['result', part], { expected: 'array', received: typeOf(value[part]) }, lang)), lang);
  throwIssues('options', schemaIssues(SubjectsArgument, value, ['result'], lang), lang);
}

/**
 * Checks a property report given to be formatted: an object with a list of failures, each with
 * its property, subject, indicator (a text or `null`) and detail.
 *
 * @example
 * checkPropertyReportArgument(report, 'en');
 */
export function checkPropertyReportArgument(report: unknown, lang: Lang): void {
  if (typeof report !== 'object' || report === null || Array.isArray(report)) {
    throwIssues('options', [kitIssue('invalid-type', ['report'], { expected: 'object', received: typeOf(report) }, lang)], lang);
  }
  const failures = (report as { failures?: unknown }).failures;
  if (!Array.isArray(failures)) throwIssues('options', [kitIssue('invalid-type', ['report', 'failures'], { expected: 'array', received: typeOf(failures) }, lang)], lang);
  const issues: Issue[] = [];
  const list = failures as unknown[];
  for (let i = 0; i < list.length; i++) {
    const failure = list[i];
    if (typeof failure !== 'object' || failure === null || Array.isArray(failure)) {
      issues.push(kitIssue('invalid-type', ['report', 'failures', i], { expected: 'object', received: typeOf(failure) }, lang));
      continue;
    }
    const f = failure as Record<string, unknown>;
    for (const key of ['property', 'subject', 'detail']) {
      if (typeof f[key] !== 'string') issues.push(kitIssue('invalid-type', ['report', 'failures', i, key], { expected: 'string', received: typeOf(f[key]) }, lang));
    }
    if (f['indicator'] !== null && typeof f['indicator'] !== 'string') issues.push(kitIssue('invalid-type', ['report', 'failures', i, 'indicator'], { expected: 'string or null', received: typeOf(f['indicator']) }, lang));
  }
  throwIssues('options', issues, lang);
}
