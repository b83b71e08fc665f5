import { parseCalendarDate } from '../core/calendar.js';
import { isObject, makeIssue, typeName, type Issue } from '../core/issue.js';
import type { Lang } from '../core/lang.js';
import type { IssuePath } from '../core/path.js';
import type { AssessmentResult, FormDefinition } from './types.js';

/** The fields a decision may have: anything else is refused (`unknown-field`). All are texts. */
const DECISION_FIELDS = ['finding', 'action', 'form', 'by', 'at', 'reason'] as const;

type DecisionField = (typeof DECISION_FIELDS)[number];

const KNOWN_FIELDS: ReadonlySet<string> = new Set(DECISION_FIELDS);

/** What the checks of one decision read of the whole. */
interface CheckContext {
  readonly byId: ReadonlyMap<string, AssessmentResult['findings'][number]>;
  /** The index of the first decision on each finding, so far. */
  readonly decided: Map<string, number>;
  /** The period's first day, when the result says it. */
  readonly start: string | undefined;
  readonly ladderOf: (type: 'organization' | 'person') => readonly Pick<FormDefinition, 'id'>[];
  readonly lang: Lang;
}

/**
 * The problems with one decision (an object), each at its path. Every field is a text: one of
 * another type is `invalid-type`; one given but empty (`by: ""`, or only spaces) is
 * `empty-string` — it is there, so not `required`, which is for a field left out — and is checked
 * no further. Said field by field in the order finding, action, by, at, reason, form.
 */
function oneDecision(d: Readonly<Record<string, unknown>>, i: number, ctx: CheckContext, issues: Issue[]): void {
  const { lang } = ctx;
  const at = (field: string): IssuePath => ['decisions', i, field];
  const say = (code: string, field: string, params: Record<string, string | number>): void => {
    issues.push(makeIssue(code, at(field), params, lang));
  };
  // A misspelt field (`reasn`) would otherwise be dropped and the decision taken without it.
  for (const key of Object.keys(d)) if (!KNOWN_FIELDS.has(key)) say('unknown-field', key, { field: key });
  // A field of the wrong type is named as such (`action: {}` is no "[object Object]"), once, here.
  for (const field of DECISION_FIELDS) {
    const value = d[field];
    if (value !== undefined && typeof value !== 'string') say('invalid-type', field, { expected: 'string', received: typeName(value) });
  }
  // The text of a field, when it is one with something in it; an empty one is said here.
  const text = (field: DecisionField): string | undefined => {
    const value = d[field];
    if (typeof value !== 'string') return undefined;
    if (value.trim() !== '') return value;
    say('empty-string', field, { field });
    return undefined;
  };
  const required = (field: DecisionField): string | undefined => {
    if (d[field] !== undefined) return text(field);
    say('required', field, { field });
    return undefined;
  };

  const findingId = required('finding');
  const finding = findingId === undefined ? undefined : ctx.byId.get(findingId);
  if (findingId !== undefined && !finding) say('unknown-finding', 'finding', { id: findingId });
  else if (findingId !== undefined) {
    const first = ctx.decided.get(findingId);
    if (first !== undefined) say('duplicate-decision', 'finding', { id: findingId, first });
    else ctx.decided.set(findingId, i);
  }
  const action = required('action');
  if (action !== undefined && action !== 'confirm' && action !== 'waive' && action !== 'change') say('invalid-value', 'action', { value: action, allowed: 'confirm, waive, change' });
  required('by');
  const date = required('at');
  if (date !== undefined && parseCalendarDate(date) === undefined) say('invalid-date', 'at', { value: date });
  // A finding is decided on once it is proposed: not before its period began (a typo in the year).
  else if (date !== undefined && ctx.start !== undefined && date < ctx.start) say('decision-before-period', 'at', { value: date, start: ctx.start });
  // A reason given must say something; to waive or change, one must be given.
  text('reason');
  if ((action === 'waive' || action === 'change') && d['reason'] === undefined) say('decision-reason-required', 'reason', { action });
  if (action === 'change') {
    const form = required('form');
    if (form !== undefined && finding && !ctx.ladderOf(finding.subject.type).some((f) => f.id === form)) say('unknown-form', 'form', { id: form, ladder: finding.subject.type });
  } else if (typeof d['form'] === 'string') say('decision-form-unexpected', 'form', { action: typeof d['action'] === 'string' ? d['action'] : typeName(d['action']) });
  if (finding && finding.status !== 'proposed') say('finding-already-decided', 'finding', { id: finding.id, status: finding.status });
}

/**
 * Every problem with a list of decisions on a result's findings, each at its path under
 * `decisions`: an element that is no object; a field a decision does not have; a field that is
 * no text, or an empty one; a field left out that is required (`finding`, `action`, `by`, `at`;
 * `form` to change); an unknown finding, one decided twice or already decided; an unknown action;
 * a date that is none or before the period; no reason to waive or change; a form not on the
 * ladder in force (`ladderOf`), or given with an action other than change.
 *
 * @example
 * decisionIssues(result, [{ finding: id, action: 'confirm', by: '', at: '2023-01-20' }], (type) => result.forms?.[type] ?? [], 'zh');
 * // [{ code: 'empty-string', path: ['decisions', 0, 'by'], … }]
 */
export function decisionIssues(
  result: AssessmentResult,
  decisions: readonly unknown[],
  ladderOf: CheckContext['ladderOf'],
  lang: Lang,
): Issue[] {
  const issues: Issue[] = [];
  const start: unknown = isObject(result.period) ? result.period.start : undefined;
  const ctx: CheckContext = { byId: new Map(result.findings.map((f) => [f.id, f])), decided: new Map(), start: typeof start === 'string' ? start : undefined, ladderOf, lang };
  // An index loop, not forEach: a hole in a sparse list (`[, decision]`) is an element too.
  for (let i = 0; i < decisions.length; i++) {
    const raw: unknown = decisions[i];
    if (isObject(raw)) oneDecision(raw, i, ctx, issues);
    else issues.push(makeIssue('invalid-type', ['decisions', i], { expected: 'object', received: typeName(raw) }, lang));
  }
  return issues;
}
