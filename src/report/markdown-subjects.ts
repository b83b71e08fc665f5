// The Markdown report's sections on subjects: the organizations' and people's tables, and each
// subject's lines with their explanations.
import type { IndicatorLine, SubjectResult } from '../engine/result.js';
import { RESPONSIBILITY_LABELS } from '../model/responsibility.js';
import { amount, gradeText, kindLabel, num, postsText, say, signed, statusLabel, verdictLabel, type ReportContext } from './labels.js';
import { heading, html, md, table, type Align } from './markdown-text.js';

/**
 * Subjects in the order the report lists them: by ladder (in the order ladders first appear),
 * then grade (the top grade first, ungraded last), then total (highest first), then the
 * result's order (organizations in hierarchy order).
 *
 * @example
 * rankSubjects(result.organizations)[0]?.grade?.rank; // 1
 */
export function rankSubjects(subjects: readonly SubjectResult[]): SubjectResult[] {
  const ladders = new Map<string, number>();
  for (const s of subjects) if (s.grade && !ladders.has(s.grade.ladder)) ladders.set(s.grade.ladder, ladders.size);
  const ladderOf = (s: SubjectResult): number => (s.grade ? (ladders.get(s.grade.ladder) as number) : ladders.size);
  const order = new Map(subjects.map((s, i) => [s, i]));
  return [...subjects].sort(
    (a, b) =>
      ladderOf(a) - ladderOf(b) ||
      (a.grade?.rank ?? Infinity) - (b.grade?.rank ?? Infinity) ||
      b.total - a.total ||
      (order.get(a) as number) - (order.get(b) as number),
  );
}

// Columns shown only when some subject has a value for them.
function optionalColumns(context: ReportContext, subjects: readonly SubjectResult[]): { headers: string[]; cells: (s: SubjectResult) => string[] } {
  const { lang } = context;
  const headers: string[] = [];
  const getters: ((s: SubjectResult) => string)[] = [];
  if (subjects.some((s) => s.bonus > 0)) {
    headers.push(say('report-col-bonus', lang));
    getters.push((s) => (s.bonus > 0 ? num(s.bonus) : ''));
  }
  if (subjects.some((s) => s.composite?.value !== null && s.composite?.value !== undefined)) {
    headers.push(say('report-col-composite', lang));
    getters.push((s) => (s.composite?.value === null || s.composite?.value === undefined ? '' : num(s.composite.value)));
  }
  if (subjects.some((s) => s.previous !== undefined)) {
    headers.push(say('report-col-previous', lang));
    getters.push((s) => (s.previous === undefined ? '' : signed(s.previous.delta)));
  }
  return { headers, cells: (s) => getters.map((get) => get(s)) };
}

/**
 * The organizations' table: name, kind, score, grade, veto (and bonus, composite, change when any).
 *
 * @example
 * organizationsSection(context);
 */
export function organizationsSection(context: ReportContext): string {
  const { lang, result } = context;
  const subjects = rankSubjects(result.organizations);
  const extra = optionalColumns(context, subjects);
  const headers = ['report-col-name', 'report-col-kind', 'report-col-total', 'report-col-grade', 'report-col-veto'].map((c) => say(c, lang));
  const rows = subjects.map((s) => [
    md(s.name),
    md(kindLabel(s, lang)),
    num(s.total),
    md(gradeText(context, s.grade)),
    s.vetoes.length > 0 ? say('report-yes', lang) : '',
    ...extra.cells(s),
  ]);
  const align: Align[] = ['l', 'l', 'r', 'l', 'l', ...extra.headers.map((): Align => 'r')];
  return [heading(2, say('report-h-organizations', lang)), table([...headers, ...extra.headers], rows, align)].join('\n\n');
}

/**
 * The people's table: name, posts, score, grade, verdict (and bonus, composite, change when any).
 *
 * @example
 * peopleSection(context);
 */
export function peopleSection(context: ReportContext): string {
  const { lang, result } = context;
  if (result.people.length === 0) return '';
  const subjects = rankSubjects(result.people);
  const extra = optionalColumns(context, subjects);
  const headers = ['report-col-person-name', 'report-col-posts', 'report-col-total', 'report-col-grade', 'report-col-verdict'].map((c) => say(c, lang));
  const rows = subjects.map((s) => [md(s.name), md(postsText(context, s)), num(s.total), md(gradeText(context, s.grade)), md(verdictLabel(s.verdict, lang)), ...extra.cells(s)]);
  const align: Align[] = ['l', 'l', 'r', 'l', 'l', ...extra.headers.map((): Align => 'r')];
  return [heading(2, say('report-h-people', lang)), table([...headers, ...extra.headers], rows, align)].join('\n\n');
}

// The explanation without the indicator title it starts with (the table has a column for it).
function explanationOf(line: IndicatorLine): string {
  for (const separator of ['：', ': ']) {
    if (line.explanation.startsWith(`${line.title}${separator}`)) return line.explanation.slice(line.title.length + separator.length);
  }
  return line.explanation;
}

function subjectLines(context: ReportContext, subject: SubjectResult): string {
  const { lang } = context;
  // As the tables write it: with the veto or the quota that gave it.
  const grade = gradeText(context, subject.grade);
  const summary = say('report-lines-summary', lang, { name: subject.name, total: num(subject.total), grade });
  const headers = ['report-col-indicator', 'report-col-responsibility', 'report-col-points', 'report-col-max', 'report-col-status', 'report-col-explanation'].map((c) => say(c, lang));
  const rows = subject.lines.map((line) => [
    md(line.title),
    RESPONSIBILITY_LABELS[line.responsibility][lang],
    line.bonus > 0 ? `${num(line.points)} (+${num(line.bonus)})` : num(line.points),
    // The maximum is the rule set's, shown as given (as in the CSV and JSON); points are the engine's, rounded.
    amount(line.max),
    statusLabel(line.status, lang),
    md(explanationOf(line)),
  ]);
  rows.push([`**${say('report-lines-total', lang)}**`, '', `**${num(subject.score)}**`, `**${num(subject.max)}**`, '', md(say('report-lines-scaled', lang, { scaled: num(subject.scaled), bonus: num(subject.bonus), total: num(subject.total) }))]);
  return [`<details>\n<summary>${html(summary)}</summary>`, table(headers, rows, ['l', 'l', 'r', 'r', 'l', 'l']), '</details>'].join('\n\n');
}

/**
 * Each subject's lines with their explanations, one collapsible block per subject, in the
 * order of the tables: the section's heading, then one block per subject, to be joined with a
 * blank line. The section that makes most of a province's report (87% of L100k's 213 million
 * characters), hence in pieces.
 *
 * @example
 * [...linesSectionBlocks(context)].join('\n\n');
 */
export function* linesSectionBlocks(context: ReportContext): Generator<string> {
  const { lang, result } = context;
  const subjects = [...rankSubjects(result.organizations), ...rankSubjects(result.people)];
  if (subjects.length === 0) return;
  yield heading(2, say('report-h-lines', lang));
  for (const s of subjects) yield subjectLines(context, s);
}
