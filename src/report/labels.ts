// Words for values in the reports, from the message catalogue, the lookups every report needs
// (names of organizations and people, titles of grades).
import type { Lang } from '../core/lang.js';
import { formatMessage, type MessageParams } from '../core/messages.js';
import { formatNumber } from '../core/number.js';
import { LIABILITY_LABELS, type AssessmentResult, type Circumstance, type Finding, type FindingForm } from '../accountability/types.js';
import type { GradeAward, LineStatus, SubjectResult, Verdict } from '../engine/result.js';
import type { Graph } from '../graph/types.js';
import { ORGANIZATION_KIND_LABELS, POST_ROLE_LABELS } from '../model/graph.js';
import { RESPONSIBILITY_LABELS, type ResponsibilityKind } from '../model/responsibility.js';
import { formTitles, waiverTitle } from './report-language.js';
import { formTitlesById, indicatorTitles, ladderTitles, ruleTitles, type RuleTitleSource } from './titles.js';

/**
 * A catalogue message in a language.
 *
 * @example
 * say('report-h-summary', 'en'); // 'Summary'
 */
export function say(code: string, lang: Lang, params: MessageParams = {}): string {
  return formatMessage(code, params, lang);
}

/**
 * The separator of a list in running text: `、` in Chinese, `, ` in English.
 *
 * @example
 * ['a', 'b'].join(listSeparator('zh')); // 'a、b'
 */
export function listSeparator(lang: Lang): string {
  return lang === 'zh' ? '、' : ', ';
}

/**
 * What the reports look up while they write: language, names, grade titles, and form titles in
 * the report's language.
 *
 * @example
 * const context: ReportContext = reportContext(result, 'zh', graph);
 */
export interface ReportContext {
  readonly lang: Lang;
  readonly result: AssessmentResult;
  readonly organizationName: (id: string) => string;
  readonly personName: (id: string) => string;
  readonly gradeTitle: (ladder: string, id: string) => string;
  readonly formTitle: (form: FindingForm, type: 'organization' | 'person') => string;
  /** A form named by id (a decision record's), on the ladder of a subject type. */
  readonly formTitleById: (id: string, type: 'organization' | 'person' | undefined) => string;
  /** A grade ladder's title in the report's language (its id without the rule set). */
  readonly ladderTitle: (id: string) => string;
  /** An indicator's title, in the result's language. */
  readonly indicatorTitle: (id: string) => string;
  /** An accountability rule's title, in the result's language. */
  readonly ruleTitle: (id: string) => string;
}

/**
 * The lookups for a result: names come from the result's subjects and, when given, the graph
 * (for organizations and people that were not assessed); an unknown id stands for itself. Form
 * titles are in `lang` where the result's ladders have them in both languages; grade ladders'
 * titles come from the rule set, when given (`rules`), in `lang`; accountability rules' titles
 * from the findings, else the rule set, in the result's language.
 *
 * @example
 * const context = reportContext(result, 'zh', graph, rules);
 * context.organizationName('br-office'); // '机关第一党支部（办公室、财务科）'
 * context.ladderTitle('organization'); // '基层党组织考核等次'
 */
export function reportContext(result: AssessmentResult, lang: Lang, graph?: Graph, rules?: RuleTitleSource): ReportContext {
  const organizations = new Map<string, string>();
  const people = new Map<string, string>();
  for (const [id, o] of graph?.organizations ?? []) organizations.set(id, o.name);
  for (const [id, p] of graph?.people ?? []) people.set(id, p.name);
  for (const s of result.organizations) organizations.set(s.id, s.name);
  for (const s of result.people) people.set(s.id, s.name);
  for (const f of result.findings) {
    for (const s of [f.subject, f.trigger.subject]) (s.type === 'organization' ? organizations : people).set(s.id, s.name);
  }
  const grades = new Map<string, string>();
  for (const s of [...result.organizations, ...result.people]) {
    if (s.grade) grades.set(`${s.grade.ladder}\u0000${s.grade.id}`, s.grade.title);
  }
  return {
    lang,
    result,
    organizationName: (id) => organizations.get(id) ?? id,
    personName: (id) => people.get(id) ?? id,
    gradeTitle: (ladder, id) => grades.get(`${ladder}\u0000${id}`) ?? id,
    formTitle: formTitles(result, lang),
    formTitleById: formTitlesById(result, lang),
    ladderTitle: ladderTitles(rules, lang),
    indicatorTitle: indicatorTitles(result),
    ruleTitle: ruleTitles(result, rules),
  };
}

/**
 * A line's status in words (a status the catalogue does not know, as itself).
 *
 * @example
 * statusLabel('insufficient-evidence', 'zh'); // '证据不足'
 */
export function statusLabel(status: LineStatus, lang: Lang): string {
  const text = say(`report-status-${status}`, lang);
  return text.startsWith('report-status-') ? status : text;
}

/**
 * A person's verdict in words.
 *
 * @example
 * verdictLabel('derelict', 'zh'); // '失职（不抓党建）'
 */
export function verdictLabel(verdict: Verdict | undefined, lang: Lang): string {
  return verdict === undefined ? '' : say(`report-verdict-${verdict}`, lang);
}

/**
 * The kind of what set off a finding, in words (an unknown kind as itself).
 *
 * @example
 * triggerLabel('veto', 'zh'); // '一票否决'
 */
export function triggerLabel(type: string, lang: Lang): string {
  const text = say(`report-trigger-${type}`, lang);
  return text.startsWith('report-trigger-') ? type : text;
}

/**
 * The responsibility a finding rests on, in words.
 *
 * @example
 * basisLabel('first', 'zh'); // '第一责任'
 */
export function basisLabel(basis: ResponsibilityKind | 'direct', lang: Lang): string {
  return basis === 'direct' ? say('report-basis-direct', lang) : RESPONSIBILITY_LABELS[basis][lang];
}

/**
 * The liability of a finding (问责条例 Art. 6), in words.
 *
 * @example
 * liabilityLabel(finding, 'zh'); // '主要领导责任'
 */
export function liabilityLabel(finding: Finding, lang: Lang): string {
  return LIABILITY_LABELS[finding.liability][lang];
}

/**
 * `党组织` or `个人`.
 *
 * @example
 * subjectTypeLabel('person', 'en'); // 'person'
 */
export function subjectTypeLabel(type: 'organization' | 'person', lang: Lang): string {
  return say(`report-subject-${type}`, lang);
}

/**
 * An organization's kind in words, or empty.
 *
 * @example
 * kindLabel(subject, 'zh'); // '党支部'
 */
export function kindLabel(subject: SubjectResult, lang: Lang): string {
  return subject.kind === undefined ? '' : ORGANIZATION_KIND_LABELS[subject.kind][lang];
}

/**
 * A person's leadership and officer posts: `市某某局党委书记`, ordinary membership left out.
 *
 * @example
 * postsText(context, subject); // '市某某局党委委员'
 */
export function postsText(context: ReportContext, subject: SubjectResult): string {
  const { lang } = context;
  return (subject.posts ?? [])
    .filter((p) => p.role !== 'member')
    .map((p) => (lang === 'zh' ? `${context.organizationName(p.organization)}${POST_ROLE_LABELS[p.role].zh}` : `${POST_ROLE_LABELS[p.role].en}, ${context.organizationName(p.organization)}`))
    .join(lang === 'zh' ? '；' : '; ');
}

/**
 * A grade with how it was given: the quota that moved it, or the veto.
 *
 * @example
 * gradeText(context, subject.grade); // '较好（受名额限制，原为好）'
 */
export function gradeText(context: ReportContext, grade: GradeAward | null): string {
  const { lang } = context;
  if (grade === null) return say('report-ungraded', lang);
  if (grade.reason === 'veto') return say('report-grade-veto', lang, { title: grade.title });
  if (grade.reason === 'quota' && grade.earned !== undefined) {
    return say('report-grade-quota', lang, { title: grade.title, earned: context.gradeTitle(grade.ladder, grade.earned) });
  }
  return grade.title;
}

/**
 * A number as reports print it: at most two decimals.
 *
 * @example
 * num(87.2600001); // '87.26'
 */
export function num(value: number): string {
  return formatNumber(value);
}

/**
 * A rule-set amount (an indicator's maximum) as the rule set gives it, not rounded: a rule set
 * that gives 3.335 points means 3.335, and the CSV and JSON say so too. Scores, which the engine
 * rounds, go through {@link num}.
 *
 * @example
 * amount(3.335); // '3.335'
 */
export function amount(value: number): string {
  return String(value + 0);
}

/**
 * A change as `+1.5`, `-2` or `0`.
 *
 * @example
 * signed(-2); // '-2'
 */
export function signed(value: number): string {
  return value > 0 ? `+${num(value)}` : num(value);
}

/**
 * The form of a finding, with the base form when circumstances moved it, titles in the report's
 * language where the result's ladders have them.
 *
 * @example
 * formText(context, finding); // '批评教育（原定责令书面检查）'
 */
export function formText(context: ReportContext, finding: Finding): string {
  const { lang } = context;
  const title = (form: FindingForm): string => context.formTitle(form, finding.subject.type);
  const form = finding.decision?.form ?? finding.form;
  return form.id === finding.baseForm.id ? title(form) : say('report-form-changed', lang, { form: title(form), base: title(finding.baseForm) });
}

/**
 * The circumstances of a finding in words, with their records.
 *
 * @example
 * circumstancesText(finding, 'zh'); // '减轻情节（记录 r-2022-a002；已到形式梯度尽头）'
 */
export function circumstancesText(circumstances: readonly Circumstance[], lang: Lang): string {
  return circumstances
    .map((c) => {
      const details = [c.recordIds.length > 0 ? say('report-records', lang, { ids: c.recordIds.join(listSeparator(lang)) }) : '', c.clamped ? say('report-circumstance-clamped', lang) : '']
        .filter((d) => d !== '')
        .join(lang === 'zh' ? '；' : '; ');
      const label = say(`report-circumstance-${c.kind}`, lang);
      return details === '' ? label : lang === 'zh' ? `${label}（${details}）` : `${label} (${details})`;
    })
    .join(listSeparator(lang));
}

/**
 * The proposed waiver of a finding, in words, or empty.
 *
 * @example
 * waiverText(context, finding); // '建议免予问责：在集体决策中…（记录 r-2022-a003）'
 */
export function waiverText(context: ReportContext, finding: Finding): string {
  const { lang } = context;
  const w = finding.waiver;
  if (!w) return '';
  return say('report-waiver', lang, { title: waiverTitle(w, context.result.lang, lang), records: say('report-records', lang, { ids: w.recordIds.join(listSeparator(lang)) }) });
}

/**
 * The chain from the subject that set a rule off to the finding's subject:
 * `事业发展中心第二党支部（主体责任）→ 市某某事业发展中心党总支（一岗双责）`.
 *
 * @example
 * pathText(context, finding);
 */
export function pathText(context: ReportContext, finding: Finding): string {
  const { lang } = context;
  return finding.path
    .map((step) => {
      const org = context.organizationName(step.organization);
      const kind = basisLabel(step.kind, lang);
      return lang === 'zh' ? `${org}（${kind}）` : `${org} (${kind})`;
    })
    .join(' → ');
}

/**
 * What set a finding off: the kind (with the verdict or grade that did it, when given), the
 * indicators (by title, when `indicatorTitle` gives them) and the records.
 *
 * @example
 * triggerText(finding, 'zh', '', context.indicatorTitle); // '一票否决；指标「违纪违法案件」；记录 r-2022-0229'
 */
export function triggerText(finding: Finding, lang: Lang, outcome = '', indicatorTitle: (id: string) => string = (id) => id): string {
  const t = finding.trigger;
  const label = triggerLabel(t.type, lang);
  const parts = [outcome === '' ? label : `${label}${lang === 'zh' ? '为' : ': '}${outcome}`];
  if (t.indicators.length > 0) {
    const titles = t.indicators.map((id) => (lang === 'zh' ? `「${indicatorTitle(id)}」` : `"${indicatorTitle(id)}"`));
    parts.push(say('report-indicator-titles', lang, { titles: titles.join(listSeparator(lang)), count: titles.length }));
  }
  if (t.recordIds.length > 0) parts.push(say('report-records', lang, { ids: t.recordIds.join(listSeparator(lang)) }));
  return parts.join(lang === 'zh' ? '；' : '; ');
}

/**
 * A finding's status, with the decision when one is recorded.
 *
 * @example
 * findingStatusText(finding, 'zh'); // '拟提出'
 */
export function findingStatusText(finding: Finding, lang: Lang): string {
  const status = say(`report-finding-status-${finding.status}`, lang);
  const d = finding.decision;
  if (!d) return status;
  return lang === 'zh' ? `${status}（${d.by}，${d.at}）` : `${status} (${d.by}, ${d.at})`;
}

