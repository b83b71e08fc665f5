import { makeIssue } from '../core/issue.js';
import type { Lang } from '../core/lang.js';
import { formatMessage } from '../core/messages.js';
import { roundTo } from '../core/number.js';
import { ValidationError } from '../core/validation-error.js';
import type { AssessmentResult, SubjectResult, Warning } from './result.js';

/**
 * Checks that a previous result has the shape of one; with `currentRuleSet`, returns a warning
 * when it came from a different rule set.
 *
 * @throws {ValidationError} (code `invalid-previous`) when it is not a result at all.
 * @example
 * checkPrevious(previous, 'zh', rules.id);
 */
export function checkPrevious(previous: unknown, lang: Lang, currentRuleSet?: string): Warning[] {
  const p = previous as Partial<AssessmentResult> | null;
  if (typeof p !== 'object' || p === null || p.schemaVersion !== 1 || !Array.isArray(p.organizations) || !Array.isArray(p.people) || typeof p.ruleSet?.id !== 'string') {
    throw new ValidationError('records', [makeIssue('invalid-previous', ['previous'], {}, lang)], lang);
  }
  if (currentRuleSet === undefined || p.ruleSet.id === currentRuleSet) return [];
  const params = { id: p.ruleSet.id, current: currentRuleSet };
  return [{ code: 'warning-previous-rules', params, message: formatMessage('warning-previous-rules', params, lang) }];
}

/**
 * Adds the previous period's total, grade and the change to a subject's result.
 *
 * @example
 * comparePrevious(subject, previous).previous?.delta;
 */
export function comparePrevious(subject: SubjectResult, previous: AssessmentResult): SubjectResult {
  const list = subject.type === 'organization' ? previous.organizations : previous.people;
  const before = list.find((s) => s.id === subject.id);
  if (!before) return subject;
  return { ...subject, previous: { total: before.total, grade: before.grade?.id ?? null, delta: roundTo(subject.total - before.total, 2) } };
}
