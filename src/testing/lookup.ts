import type { Finding, IndicatorLine, Lang, Liability, ResponsibilityKind, ScoreResult, SubjectResult } from '../index.js';
import { allSubjects, subjectLabel } from './explain.js';
import { text } from './messages.js';

/**
 * Which findings to pick. Every field given must match.
 *
 * @example
 * const filter: FindingFilter = { subject: 'p4', rule: 'serious-case', form: 'admonishment' };
 */
export interface FindingFilter {
  /** The id of the organization or person the finding is about. */
  readonly subject?: string;
  /** The liability (`direct`, `principal-leadership`…) or the responsibility basis (`first`, `dual`…). */
  readonly kind?: Liability | ResponsibilityKind | 'direct';
  /** The proposed form's id (`admonishment`) or title (`诫勉`). */
  readonly form?: string;
  readonly rule?: string;
  /** The id of the subject that set the rule off. */
  readonly trigger?: string;
  readonly status?: Finding['status'];
}

/**
 * The findings matching a filter, in result order.
 *
 * @example
 * filterFindings(result.findings, { rule: 'derelict' }).map((f) => f.subject.id);
 */
export function filterFindings(findings: readonly Finding[], filter: FindingFilter = {}): Finding[] {
  return findings.filter(
    (f) =>
      (filter.subject === undefined || f.subject.id === filter.subject) &&
      (filter.kind === undefined || f.liability === filter.kind || f.basis === filter.kind) &&
      (filter.form === undefined || f.form.id === filter.form || f.form.title === filter.form) &&
      (filter.rule === undefined || f.rule === filter.rule) &&
      (filter.trigger === undefined || f.trigger.subject.id === filter.trigger) &&
      (filter.status === undefined || f.status === filter.status),
  );
}

/**
 * A subject of a result by id (organizations first, then people).
 *
 * @throws {Error} naming the subjects the result does have.
 * @example
 * findSubject(result, 'b1', 'zh').total;
 */
export function findSubject(result: ScoreResult, id: string, lang: Lang): SubjectResult {
  const found = allSubjects(result).find((s) => s.id === id);
  if (found) return found;
  const list = (subjects: readonly SubjectResult[]): string => (subjects.length === 0 ? '—' : subjects.map((s) => s.id).join(', '));
  throw new Error(text('no-subject', { id, organizations: list(result.organizations), people: list(result.people) }, lang));
}

/**
 * One line of a subject by indicator id.
 *
 * @throws {Error} saying whether the indicator is unknown or does not apply, and listing the subject's lines.
 * @example
 * findLine(result, 'b1', 'br-theme-day', 'zh').points;
 */
export function findLine(result: ScoreResult, subjectId: string, indicator: string, lang: Lang, indicators?: ReadonlySet<string>): IndicatorLine {
  const subject = findSubject(result, subjectId, lang);
  const found = subject.lines.find((l) => l.indicator === indicator);
  if (found) return found;
  const known = indicators ? indicators.has(indicator) : allSubjects(result).some((s) => s.lines.some((l) => l.indicator === indicator));
  throw new Error(
    text(
      'no-line',
      {
        subject: subjectLabel(subject, lang),
        indicator,
        reason: text(known ? 'no-line-not-applicable' : 'no-line-unknown', {}, lang),
        have: subject.lines.map((l) => l.indicator).join(', ') || '—',
      },
      lang,
    ),
  );
}
