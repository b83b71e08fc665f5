import type { Finding, IndicatorLine, Lang, LineStatus, ScoreResult, SubjectResult, Verdict } from '../index.js';
import { LIABILITY_LABELS } from '../index.js';
import { checkFindingsArgument, kitLang } from './arguments.js';
import { text } from './messages.js';

// Enough ids to recognise the records, few enough to keep a failure message readable.
const ID_SAMPLE = 5;

const STATUS: Readonly<Record<LineStatus, { zh: string; en: string }>> = {
  met: { zh: '达标', en: 'met' },
  shortfall: { zh: '未达标', en: 'shortfall' },
  'in-progress': { zh: '进行中', en: 'in progress' },
  'insufficient-evidence': { zh: '证据不足', en: 'insufficient evidence' },
  excluded: { zh: '不计分', en: 'excluded' },
  vetoed: { zh: '一票否决', en: 'vetoed' },
};

/**
 * The verdicts' titles, as the speech names them (本职、失职、不称职) and in English.
 *
 * @example
 * VERDICT_TITLES.derelict.zh; // '失职'
 */
export const VERDICT_TITLES: Readonly<Record<Verdict, { readonly zh: string; readonly en: string }>> = {
  fulfilled: { zh: '本职', en: 'fulfilled' },
  derelict: { zh: '失职', en: 'derelict' },
  incompetent: { zh: '不称职', en: 'incompetent' },
  undetermined: { zh: '无法认定', en: 'undetermined' },
};

/**
 * A number as the engine reports it: at most two decimals, no trailing zeros.
 *
 * @example
 * formatPoints(26.299999999); // '26.3'
 */
export function formatPoints(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * A verdict's label in a language, with its id in Chinese.
 *
 * @example
 * verdictLabel('derelict', 'zh'); // '失职（derelict）'
 */
export function verdictLabel(verdict: Verdict | undefined, lang: Lang): string {
  if (verdict === undefined) return '—';
  return lang === 'zh' ? `${VERDICT_TITLES[verdict].zh}（${verdict}）` : VERDICT_TITLES[verdict].en;
}

/**
 * How a subject is named in messages: `名称（id）`.
 *
 * @example
 * subjectLabel({ id: 'b1', name: '第一党支部' }, 'zh'); // '第一党支部（b1）'
 */
export function subjectLabel(subject: { readonly id: string; readonly name: string }, lang: Lang): string {
  if (subject.name === subject.id) return subject.id;
  return lang === 'zh' ? `${subject.name}（${subject.id}）` : `${subject.name} (${subject.id})`;
}

/**
 * One line's story: status and points, the records counted, and the engine's explanation.
 *
 * @example
 * describeLine(scenario.line('b1', 'br-theme-day'), 'zh').join('\n');
 * // '「主题党日每月开展（须有活动记录）」（br-theme-day）：未达标，得 9/10 分\n记录：计入 11 条…\n说明：…'
 */
export function describeLine(line: IndicatorLine, lang: Lang): string[] {
  const extra = `${line.bonus > 0 ? text('line-bonus', { bonus: formatPoints(line.bonus) }, lang) : ''}${line.veto ? text('line-veto', {}, lang) : ''}`;
  const r = line.records;
  const shown = r.ids.slice(0, ID_SAMPLE).join(', ') + (r.counted > ID_SAMPLE ? ', …' : '');
  const ids = r.ids.length > 0 ? text('line-ids', { ids: shown }, lang) : '';
  return [
    text('line-head', { title: line.title, indicator: line.indicator, status: STATUS[line.status][lang], points: formatPoints(line.points), max: formatPoints(line.max), extra }, lang),
    text('line-records', { counted: r.counted, reported: r.reported, pending: r.pending, rejected: r.rejected, unsupported: r.unsupported, ids }, lang),
    text('line-explanation', { text: line.explanation }, lang),
  ];
}

function gradeText(subject: SubjectResult, lang: Lang): string {
  const g = subject.grade;
  if (g === null) return text('grade-none', {}, lang);
  if (g.reason === 'veto') return text('grade-veto', { title: g.title, id: g.id }, lang);
  if (g.reason === 'quota') return text('grade-quota', { title: g.title, id: g.id, earned: g.earned ?? '?' }, lang);
  return text('grade-score', { title: g.title, id: g.id }, lang);
}

/**
 * A subject's story: its totals, grade and verdict, then every line (indented).
 *
 * @example
 * console.log(describeSubject(scenario.subject('b1'), 'zh').join('\n'));
 */
export function describeSubject(subject: SubjectResult, lang: Lang): string[] {
  const head = text(
    'subject-head',
    {
      who: subjectLabel(subject, lang),
      score: formatPoints(subject.score),
      max: formatPoints(subject.max),
      scaled: formatPoints(subject.scaled),
      bonus: formatPoints(subject.bonus),
      total: formatPoints(subject.total),
    },
    lang,
  );
  const out = [head, text('subject-grade', { grade: gradeText(subject, lang) }, lang)];
  if (subject.type === 'person') out.push(text('subject-verdict', { verdict: verdictLabel(subject.verdict, lang) }, lang));
  for (const line of subject.lines) out.push(...describeLine(line, lang).map((l, i) => (i === 0 ? `  · ${l}` : `    ${l}`)));
  return out;
}

/**
 * A list of findings, one per line with its explanation, or a note that there are none.
 *
 * @example
 * describeFindings(result.findings, 'zh').join('\n');
 */
export function describeFindings(findings: readonly Finding[], lang: Lang): string[] {
  kitLang(lang);
  checkFindingsArgument(findings, lang);
  if (findings.length === 0) return [text('findings-none', {}, lang)];
  return findings.flatMap((f) => [
    `  · ${text('finding-line', { id: f.id, subject: subjectLabel(f.subject, lang), liability: LIABILITY_LABELS[f.liability][lang], form: f.form.title, formId: f.form.id }, lang)}`,
    `    ${f.explanation}`,
  ]);
}

/**
 * Every subject of a result (organizations, then people), for lookups.
 *
 * @example
 * allSubjects(result).map((s) => s.id);
 */
export function allSubjects(result: ScoreResult): SubjectResult[] {
  return [...result.organizations, ...result.people];
}
