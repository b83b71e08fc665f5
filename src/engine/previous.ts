import { isObject, makeIssue, type Issue } from '../core/issue.js';
import { formatPath } from '../core/path.js';
import type { Lang } from '../core/lang.js';
import { formatMessage } from '../core/messages.js';
import { roundTo } from '../core/number.js';
import { ValidationError } from '../core/validation-error.js';
import type { ScoreResult, SubjectResult, Warning } from './result.js';

/** What a previous result must hold, field by field, with what the field must be. */
const PREVIOUS_FIELDS: readonly { readonly field: string; readonly expected: 'one' | 'array' | 'string'; readonly ok: (p: Partial<ScoreResult>) => boolean }[] = [
  { field: 'schemaVersion', expected: 'one', ok: (p) => p.schemaVersion === 1 },
  { field: 'organizations', expected: 'array', ok: (p) => Array.isArray(p.organizations) },
  { field: 'people', expected: 'array', ok: (p) => Array.isArray(p.people) },
  { field: 'ruleSet.id', expected: 'string', ok: (p) => typeof p.ruleSet?.id === 'string' },
];

/**
 * Checks that a previous result has the shape of one; with `currentRuleSet`, returns a warning
 * when it came from a different rule set.
 *
 * @throws {ValidationError} (subject `previous`, code `invalid-previous`) when it is not a result:
 * one issue for each field that is missing or wrong (`schemaVersion`, `organizations`, `people`,
 * `ruleSet.id`), or one for the whole value when it is not an object; then one for each element
 * a run reads that is wrong (a subject's type, id, total or grade; a finding's rule, subject or
 * trigger; the fingerprint), the first 100 of them.
 * @example
 * checkPrevious(previous, 'zh', rules.id);
 */
export function checkPrevious(previous: unknown, lang: Lang, currentRuleSet?: string): Warning[] {
  if (typeof previous !== 'object' || previous === null || Array.isArray(previous)) {
    throw new ValidationError('previous', [makeIssue('invalid-previous', ['previous'], { field: '', expected: 'object' }, lang)], lang);
  }
  const p = previous as Partial<ScoreResult>;
  const wrong = PREVIOUS_FIELDS.filter((check) => !check.ok(p));
  if (wrong.length > 0) {
    const issues = wrong.map(({ field, expected }) => makeIssue('invalid-previous', ['previous', ...field.split('.')], { field, expected }, lang));
    throw new ValidationError('previous', issues, lang);
  }
  const deep = elementIssues(p, lang);
  if (deep.length > 0) throw new ValidationError('previous', deep, lang);
  const id = (p.ruleSet as { id: string }).id;
  if (currentRuleSet === undefined || id === currentRuleSet) return [];
  const params = { id, current: currentRuleSet };
  return [{ code: 'warning-previous-rules', params, message: formatMessage('warning-previous-rules', params, lang) }];
}

/** At most this many problems listed in a previous result's elements: a wrong file has millions. */
const ELEMENT_ISSUES_KEPT = 100;


/**
 * The problems of a previous result's elements that a run reads: each subject's type, id, total
 * and grade (compared with this period's), each finding's rule, subject and trigger subject (for
 * repeats), and the fingerprint (part of this run's). Without this a hand-edited or truncated file
 * crashed the run (`findings: [null]`) or carried a text into this period's results as a total.
 */
function elementIssues(p: Partial<ScoreResult> & { findings?: unknown; fingerprint?: unknown }, lang: Lang): Issue[] {
  const issues: Issue[] = [];
  const wrong = (field: (string | number)[], expected: string): void => {
    if (issues.length < ELEMENT_ISSUES_KEPT) issues.push(makeIssue('invalid-previous', ['previous', ...field], { field: formatPath(field, lang), expected }, lang));
  };
  if (p.fingerprint !== undefined && typeof p.fingerprint !== 'string') wrong(['fingerprint'], 'string');
  const subjectRef = (value: unknown, at: (string | number)[]): void => {
    if (!isObject(value)) return wrong(at, 'object');
    if (value['type'] !== 'organization' && value['type'] !== 'person') wrong([...at, 'type'], 'subject-type');
    if (typeof value['id'] !== 'string') wrong([...at, 'id'], 'string');
  };
  for (const list of ['organizations', 'people'] as const) {
    const subjects = p[list] as readonly unknown[];
    for (let i = 0; i < subjects.length && issues.length < ELEMENT_ISSUES_KEPT; i++) {
      const subject = subjects[i];
      subjectRef(subject, [list, i]);
      if (!isObject(subject)) continue;
      if (typeof subject['total'] !== 'number' || !Number.isFinite(subject['total'])) wrong([list, i, 'total'], 'number');
      const grade = subject['grade'];
      if (grade !== undefined && grade !== null && !(isObject(grade) && typeof grade['id'] === 'string')) wrong([list, i, 'grade'], 'grade');
    }
  }
  if (p.findings !== undefined) {
    if (!Array.isArray(p.findings)) wrong(['findings'], 'array');
    else {
      for (let i = 0; i < p.findings.length && issues.length < ELEMENT_ISSUES_KEPT; i++) {
        const finding: unknown = p.findings[i];
        if (!isObject(finding)) {
          wrong(['findings', i], 'object');
          continue;
        }
        if (typeof finding['rule'] !== 'string') wrong(['findings', i, 'rule'], 'string');
        subjectRef(finding['subject'], ['findings', i, 'subject']);
        const trigger = finding['trigger'];
        if (!isObject(trigger)) wrong(['findings', i, 'trigger'], 'object');
        else subjectRef(trigger['subject'], ['findings', i, 'trigger', 'subject']);
      }
    }
  }
  return issues;
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
 * Adds the previous period's total, grade and the change to a subject's result, in place.
 *
 * @example
 * comparePrevious(subject, indexPrevious(previous)).previous?.delta;
 */
export function comparePrevious(subject: SubjectResult, previous: PreviousIndex): SubjectResult {
  const before = previous.get(`${subject.type}\u0000${subject.id}`);
  if (!before) return subject;
  // Added in place (the result is this run's own): a copy by `{ ...subject, previous }` would get a
  // hidden class of its own on Node 20 (see SubjectDraft in evaluate-subjects.ts).
  (subject as { previous?: SubjectResult['previous'] }).previous = { total: before.total, grade: before.grade?.id ?? null, delta: roundTo(subject.total - before.total, 2) };
  return subject;
}
