import { civilFromDay, dayFromCivil, formatCalendarDate, parseCalendarDate, type DayNumber } from '../core/calendar.js';
import { isObject, makeIssue, type Issue } from '../core/issue.js';
import { formatPath } from '../core/path.js';
import type { Lang } from '../core/lang.js';
import { formatMessage } from '../core/messages.js';
import { roundTo } from '../core/number.js';
import type { MessageParams } from '../messages/index.js';
import { ValidationError } from '../core/validation-error.js';
import type { Period } from '../model/rules.js';
import type { ResolvedPeriod } from './period.js';
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
 * trigger; each rule hit's rule and subject; the period's start and end; the fingerprint), the
 * first 100 of them. Among them, with their own codes: `previous-duplicate-subject` (at the id of
 * a subject listed a second time, same type and id, naming the first), `previous-total-out-of-range`
 * (a total below 0, or above the subject's own `scaled` plus `bonus` when it gives both) and
 * `previous-period-reversed` (at `previous.period`, a period starting after it ends).
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
 * The most a subject's total can be, by its own figures: the engine's total is its `scaled`
 * score plus its `bonus`, rounded to hundredths (evaluate-subjects.ts). Not its `max`: that is
 * the points at stake, not on the total's scale (85 points at stake, all earned, give a total of
 * 100). Undefined when the subject does not give both as numbers of 0 or more: the rule set's
 * `scale`, any bonus cap and the number of indicators are not in a result, so no other bound is certain.
 */
function totalCeiling(subject: Record<string, unknown>): number | undefined {
  const { scaled, bonus } = subject;
  if (typeof scaled !== 'number' || typeof bonus !== 'number' || !Number.isFinite(scaled) || !Number.isFinite(bonus) || scaled < 0 || bonus < 0) return undefined;
  return roundTo(scaled + bonus, 2);
}

/**
 * The problems of a previous result's elements that a run reads: each subject's type, id, total
 * and grade (compared with this period's), each finding's rule, subject and trigger subject (for
 * repeats), and the fingerprint (part of this run's). Without this a hand-edited or truncated file
 * crashed the run (`findings: [null]`) or carried a text into this period's results as a total.
 * A subject listed twice (the later one was compared with, so the output hung on the list's
 * order), a total no run can give (1e308 printed a change of -1e+308) and a period starting
 * after it ends are refused too.
 */
function elementIssues(p: Partial<ScoreResult> & { findings?: unknown; fingerprint?: unknown }, lang: Lang): Issue[] {
  const issues: Issue[] = [];
  const add = (code: string, field: (string | number)[], params: MessageParams): void => {
    if (issues.length < ELEMENT_ISSUES_KEPT) issues.push(makeIssue(code, ['previous', ...field], params, lang));
  };
  const wrong = (field: (string | number)[], expected: string): void => add('invalid-previous', field, { field: formatPath(field, lang), expected });
  if (p.fingerprint !== undefined && typeof p.fingerprint !== 'string') wrong(['fingerprint'], 'string');
  // Every result has its period: without one, whether it comes before this period cannot be told.
  if (!isObject(p.period)) wrong(['period'], 'object');
  else {
    for (const end of ['start', 'end'] as const) if (parseCalendarDate(p.period[end] as string) === undefined) wrong(['period', end], 'date');
    const [from, to] = [parseCalendarDate(p.period.start as string), parseCalendarDate(p.period.end as string)];
    // Reversed, it was only warned of as not the period just before, and its findings counted as last period's.
    if (from !== undefined && to !== undefined && from > to) add('previous-period-reversed', ['period'], { start: p.period.start as string, end: p.period.end as string });
    // Read to tell whether it was made while its period was still running.
    const { asOf } = p.period as { asOf?: unknown };
    if (asOf !== undefined && asOf !== null && parseCalendarDate(asOf as string) === undefined) wrong(['period', 'asOf'], 'date-or-null');
  }
  const subjectRef = (value: unknown, at: (string | number)[]): void => {
    if (!isObject(value)) return wrong(at, 'object');
    if (value['type'] !== 'organization' && value['type'] !== 'person') wrong([...at, 'type'], 'subject-type');
    if (typeof value['id'] !== 'string') wrong([...at, 'id'], 'string');
  };
  // Where each subject (by type and id, as indexPrevious keys them) was first listed, in either list.
  const firstAt = new Map<string, (string | number)[]>();
  for (const list of ['organizations', 'people'] as const) {
    const subjects = p[list] as readonly unknown[];
    for (let i = 0; i < subjects.length && issues.length < ELEMENT_ISSUES_KEPT; i++) {
      const subject = subjects[i];
      subjectRef(subject, [list, i]);
      if (!isObject(subject)) continue;
      const { type, id } = subject;
      if ((type === 'organization' || type === 'person') && typeof id === 'string') {
        const key = `${type}\u0000${id}`;
        const first = firstAt.get(key);
        if (first === undefined) firstAt.set(key, [list, i]);
        else add('previous-duplicate-subject', [list, i, 'id'], { type, id, first: formatPath(first, lang) });
      }
      const total = subject['total'];
      if (typeof total !== 'number' || !Number.isFinite(total)) wrong([list, i, 'total'], 'number');
      else {
        const ceiling = totalCeiling(subject);
        if (total < 0 || (ceiling !== undefined && total > ceiling)) add('previous-total-out-of-range', [list, i, 'total'], { field: formatPath([list, i, 'total'], lang), total, max: ceiling ?? '' });
      }
      const grade = subject['grade'];
      if (grade !== undefined && grade !== null && !(isObject(grade) && typeof grade['id'] === 'string')) wrong([list, i, 'grade'], 'grade');
    }
  }
  // Each rule's trigger subjects (the accountability layer's `hits`): read for repeats,
  // supervision and pressure. A result from before them has none.
  const hits = (p as { hits?: unknown }).hits;
  if (hits !== undefined) {
    if (!Array.isArray(hits)) wrong(['hits'], 'array');
    else {
      for (let i = 0; i < hits.length && issues.length < ELEMENT_ISSUES_KEPT; i++) {
        const hit: unknown = hits[i];
        if (!isObject(hit)) {
          wrong(['hits', i], 'object');
          continue;
        }
        if (typeof hit['rule'] !== 'string') wrong(['hits', i, 'rule'], 'string');
        subjectRef(hit['subject'], ['hits', i, 'subject']);
        // A provisional hit is not counted as last period's: `"provisional": "false"` must not pass for one.
        if (hit['provisional'] !== undefined && hit['provisional'] !== true) wrong(['hits', i, 'provisional'], 'true-if-given');
      }
    }
  }
  if (p.findings !== undefined) {
    if (!Array.isArray(p.findings)) wrong(['findings'], 'array');
    else {
      // Where each finding id was first listed: a result lists each once (one decision decides it).
      const firstFinding = new Map<string, number>();
      for (let i = 0; i < p.findings.length && issues.length < ELEMENT_ISSUES_KEPT; i++) {
        const finding: unknown = p.findings[i];
        if (!isObject(finding)) {
          wrong(['findings', i], 'object');
          continue;
        }
        const id = finding['id'];
        if (typeof id === 'string') {
          const first = firstFinding.get(id);
          if (first === undefined) firstFinding.set(id, i);
          else add('duplicate-id', ['findings', i, 'id'], { id, first: `findings[${first}]` });
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

/** Months in a calendar period of each kind: the period just before one is the one as long. */
function monthsOf(period: Period): number | undefined {
  if ('start' in period) return undefined;
  return 'quarter' in period ? 3 : 'half' in period ? 6 : 'month' in period ? 1 : 12;
}

/**
 * The period just before this one: the year, half, quarter or month before for a calendar period;
 * for one given by its dates, any period ending the day before it starts (its start undefined).
 */
function periodBefore(period: Period, current: ResolvedPeriod): { readonly start: DayNumber | undefined; readonly end: DayNumber } {
  const end = current.start - 1;
  const months = monthsOf(period);
  if (months === undefined) return { start: undefined, end };
  const first = civilFromDay(current.start);
  const month = first.year * 12 + first.month - 1 - months;
  return { start: dayFromCivil(Math.floor(month / 12), (month % 12) + 1, 1), end };
}

/**
 * Checks that a previous result (shape checked by {@link checkPrevious}) is of an earlier period:
 * its findings are what `repeat` rules and the repeat circumstance read as "last period", and its
 * totals what this period's are compared with.
 *
 * @throws {ValidationError} (subject `previous`, code `previous-period-not-before`, path
 * `previous.period`) when its period does not end before this one starts: the same period, a
 * later one, or one overlapping this (every finding of this period would count as repeated).
 * @returns a warning (`warning-previous-not-adjacent`) when it is earlier but not the period just
 * before this one: not the year, half, quarter or month just before a calendar period of that
 * kind (2020 or the fourth quarter of 2021 for 2022), or, for a period given by its dates, ending
 * not the day before it starts. The comparison and the repeats are still made. And a warning
 * (`warning-previous-provisional`) when it was made while its period was still running (its
 * `asOf` before its end): its totals are points so far, and its provisional hits are not counted.
 * @example
 * checkPreviousPeriod(result2021, { year: 2022 }, resolvePeriod({ year: 2022 }), 'zh'); // []
 */
export function checkPreviousPeriod(previous: ScoreResult, period: Period, current: ResolvedPeriod, lang: Lang): Warning[] {
  const start = parseCalendarDate(previous.period.start) as DayNumber;
  const end = parseCalendarDate(previous.period.end) as DayNumber;
  const params = { start: previous.period.start, end: previous.period.end, currentStart: formatCalendarDate(current.start), currentEnd: formatCalendarDate(current.end) };
  if (end >= current.start) throw new ValidationError('previous', [makeIssue('previous-period-not-before', ['previous', 'period'], params, lang)], lang);
  const warnings: Warning[] = [];
  const before = periodBefore(period, current);
  if (end !== before.end || (before.start !== undefined && start !== before.start)) {
    const expected = { ...params, expectedStart: before.start === undefined ? '' : formatCalendarDate(before.start), expectedEnd: formatCalendarDate(before.end) };
    warnings.push({ code: 'warning-previous-not-adjacent', params: expected, message: formatMessage('warning-previous-not-adjacent', expected, lang) });
  }
  // Made while its period was still running: its totals are points so far, and its provisional
  // hits are not counted as last period's.
  const asOf = typeof previous.period.asOf === 'string' ? parseCalendarDate(previous.period.asOf) : undefined;
  if (asOf !== undefined && asOf < end) {
    const running = { ...params, asOf: previous.period.asOf as string };
    warnings.push({ code: 'warning-previous-provisional', params: running, message: formatMessage('warning-previous-provisional', running, lang) });
  }
  return warnings;
}
