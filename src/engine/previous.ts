import { makeIssue } from '../core/issue.js';
import type { Lang } from '../core/lang.js';
import { formatMessage } from '../core/messages.js';
import { roundTo } from '../core/number.js';
import { ValidationError } from '../core/validation-error.js';
import type { ScoreResult, SubjectResult, Warning } from './result.js';

/**
 * Checks that a previous result has the shape of one; with `currentRuleSet`, returns a warning
 * when it came from a different rule set.
 *
 * @throws {ValidationError} (code `invalid-previous`) when it is not a result at all.
 * @example
 * checkPrevious(previous, 'zh', rules.id);
 */
export function checkPrevious(previous: unknown, lang: Lang, currentRuleSet?: string): Warning[] {
  const p = previous as Partial<ScoreResult> | null;
  if (typeof p !== 'object' || p === null || p.schemaVersion !== 1 || !Array.isArray(p.organizations) || !Array.isArray(p.people) || typeof p.ruleSet?.id !== 'string') {
    throw new ValidationError('records', [makeIssue('invalid-previous', ['previous'], {}, lang)], lang);
  }
  if (currentRuleSet === undefined || p.ruleSet.id === currentRuleSet) return [];
  const params = { id: p.ruleSet.id, current: currentRuleSet };
  return [{ code: 'warning-previous-rules', params, message: formatMessage('warning-previous-rules', params, lang) }];
}

/** A previous result's subjects by type and id, built once per run. */
export type PreviousIndex = ReadonlyMap<string, SubjectResult>;

/**
 * Indexes a previous result's subjects for {@link comparePrevious}.
 *
 * @example
 * const index = indexPrevious(previous);
 */
export function indexPrevious(previous: ScoreResult): PreviousIndex {
  const index = new Map<string, SubjectResult>();
  for (const s of [...previous.organizations, ...previous.people]) index.set(`${s.type}\u0000${s.id}`, s);
  return index;
}

/**
 * Adds the previous period's total, grade and the change to a subject's result.
 *
 * @example
 * comparePrevious(subject, indexPrevious(previous)).previous?.delta;
 */
export function comparePrevious(subject: SubjectResult, previous: PreviousIndex): SubjectResult {
  const before = previous.get(`${subject.type}\u0000${subject.id}`);
  if (!before) return subject;
  return { ...subject, previous: { total: before.total, grade: before.grade?.id ?? null, delta: roundTo(subject.total - before.total, 2) } };
}
