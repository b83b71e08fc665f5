import type { IndicatorLine, Lang, ScoreResult, SubjectResult } from '../index.js';
import { allSubjects, subjectLabel } from './explain.js';
import { text } from './messages.js';

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
