// The Markdown report's sections on accountability: the proposed findings grouped by what set
// them off, the recorded decisions, eligibility and pressure.
import { formatPercent } from '../core/number.js';
import { provisionalHits } from '../accountability/hits.js';
import type { AssessmentResult, Finding, RuleHit } from '../accountability/types.js';
import {
  basisLabel,
  circumstancesText,
  findingStatusText,
  formText,
  liabilityLabel,
  listSeparator,
  pathText,
  say,
  subjectTypeLabel,
  triggerText,
  verdictLabel,
  waiverText,
  type ReportContext,
} from './labels.js';
import { code, codeCell, heading, md, table } from './markdown-text.js';
import { eligibilityReason } from './report-language.js';

/** Findings of one rule set off by one subject, in the result's order. */
interface FindingGroup {
  readonly rule: string;
  readonly ruleTitle: string;
  readonly trigger: Finding['trigger'];
  readonly findings: Finding[];
}

function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    const key = `${f.rule}\u0000${f.trigger.subject.type}\u0000${f.trigger.subject.id}`;
    const group = groups.get(key);
    if (group) group.findings.push(f);
    else groups.set(key, { rule: f.rule, ruleTitle: f.ruleTitle, trigger: f.trigger, findings: [f] });
  }
  return [...groups.values()];
}

// What the trigger subject came out as, for triggers that read the result: its verdict or grade.
function triggerOutcome(context: ReportContext, trigger: Finding['trigger']): string {
  const list = trigger.subject.type === 'organization' ? context.result.organizations : context.result.people;
  const subject = list.find((s) => s.id === trigger.subject.id);
  if (!subject) return '';
  if (trigger.type === 'verdict') return verdictLabel(subject.verdict, context.lang);
  if (trigger.type === 'lowest-grade' && subject.grade) return subject.grade.title;
  return '';
}

/**
 * The proposed findings, grouped by rule and the subject that set the rule off; for each
 * subject reached: liability, basis, form, the chain, circumstances, waiver and status. Then the
 * rules set off that reached no one ({@link unreachedHits}), and the early warnings.
 *
 * @example
 * findingsSection(context);
 */
export function findingsSection(context: ReportContext): string {
  const { lang, result } = context;
  const parts = [heading(2, say('report-h-findings', lang))];
  if (result.findings.length === 0) parts.push(say('report-summary-no-findings', lang));
  else parts.push(say('report-findings-note', lang), ...findingGroups(context));
  const unreached = unreachedSection(context);
  if (unreached !== '') parts.push(unreached);
  const provisional = provisionalSection(context);
  if (provisional !== '') parts.push(provisional);
  return parts.join('\n\n');
}

// A subject in a table cell: its name, then whether an organization or a person.
function subjectCell(subject: Finding['subject'], lang: ReportContext['lang']): string {
  const type = subjectTypeLabel(subject.type, lang);
  return lang === 'zh' ? `${md(subject.name)}（${type}）` : `${md(subject.name)} (${type})`;
}

/**
 * The hits that reached no one: a rule set off at a subject at the period's end (not provisional)
 * that gave no finding, in the result's order. A result from before hits has none.
 *
 * @example
 * unreachedHits(result).map((h) => h.rule); // ['lowest']
 */
export function unreachedHits(result: AssessmentResult): RuleHit[] {
  return (result.hits ?? []).filter((h) => h.reached === 0 && h.provisional !== true);
}

// A rule set off at a subject that found no one to hold to account among those it reaches (a
// vacant secretary post, a branch without a liaison leader): no finding says so, so this does,
// lest the gap pass unseen. Provisional hits are the early warnings' (below).
function unreachedSection(context: ReportContext): string {
  const { lang } = context;
  const hits = unreachedHits(context.result);
  if (hits.length === 0) return '';
  const headers = ['report-col-rule', 'report-col-trigger-subject', 'report-col-reason'].map((c) => say(c, lang));
  const ruleCell = (h: RuleHit): string => {
    const title = h.ruleTitle ?? context.ruleTitle(h.rule);
    return title === h.rule ? codeCell(h.rule) : `${md(title)} · ${codeCell(h.rule)}`;
  };
  const rows = hits.map((h) => [
    ruleCell(h),
    subjectCell(h.subject, lang),
    md(say('report-unreached-reason', lang, { subject: h.subject.name })),
  ]);
  return [heading(3, say('report-h-unreached', lang)), say('report-unreached-note', lang), table(headers, rows)].join('\n\n');
}

// 预警: what was set off so far and may still change by the period's end, with the reason.
function provisionalSection(context: ReportContext): string {
  const { lang, result } = context;
  const hits = provisionalHits(result);
  if (hits.length === 0) return '';
  const headers = ['report-col-rule', 'report-col-trigger-subject', 'report-col-reason'].map((c) => say(c, lang));
  const rows = hits.map((h) => [
    `${md(h.ruleTitle ?? h.rule)} · ${codeCell(h.rule)}`,
    subjectCell(h.subject, lang),
    md(h.explanation ?? ''),
  ]);
  const note = say('report-provisional-note', lang, { asOf: result.period.asOf ?? result.period.end, end: result.period.end });
  return [heading(3, say('report-h-provisional', lang)), md(note), table(headers, rows)].join('\n\n');
}

// One block per rule and the subject that set it off.
function findingGroups(context: ReportContext): string[] {
  const { lang, result } = context;
  const parts: string[] = [];
  const headers = [
    'report-col-subject',
    'report-col-liability',
    'report-col-basis',
    'report-col-form',
    'report-col-chain',
    'report-col-circumstances',
    'report-col-waiver',
    'report-col-status',
  ].map((c) => say(c, lang));
  groupFindings(result.findings).forEach((group, i) => {
    const subject = group.trigger.subject;
    parts.push(heading(3, `${i + 1}. ${md(group.ruleTitle)} — ${md(subject.name)}`));
    const trigger = triggerText(group.findings[0] as Finding, lang, triggerOutcome(context, group.trigger), context.indicatorTitle);
    parts.push(`${md(say('report-triggered-by', lang, { trigger }))} · ${code(group.rule)}`);
    const rows = group.findings.map((f) => [
      subjectCell(f.subject, lang),
      liabilityLabel(f, lang),
      basisLabel(f.basis, lang),
      md(formText(context, f)),
      md(pathText(context, f)),
      md(circumstancesText(f.circumstances, lang)),
      md(waiverText(context, f)),
      md(findingStatusText(f, lang)),
    ]);
    parts.push(table(headers, rows));
  });
  return parts;
}

/**
 * The recorded decisions, when decisions have been applied to the result.
 *
 * @example
 * auditSection(context);
 */
export function auditSection(context: ReportContext): string {
  const { lang, result } = context;
  if (!result.audit || result.audit.length === 0) return '';
  const headers = ['report-col-finding', 'report-col-action', 'report-col-by', 'report-col-at', 'report-col-change', 'report-col-reason'].map((c) => say(c, lang));
  const byId = new Map(result.findings.map((f) => [f.id, f]));
  const rows = result.audit.map((a) => {
    const finding = byId.get(a.finding);
    const type = finding?.subject.type;
    // A waiver takes the finding to no form at all (\`none\`).
    const to = a.action === 'waive' && a.to === 'none' ? say('report-form-none', lang) : context.formTitleById(a.to, type);
    const change = `${context.formTitleById(a.from, type)} → ${to}`;
    // The finding by its subject and rule, with its id for the decisions file that names it.
    const named = finding === undefined ? codeCell(a.finding) : `${md(finding.ruleTitle)}${lang === 'zh' ? '：' : ': '}${subjectCell(finding.subject, lang)} · ${codeCell(a.finding)}`;
    return [named, say(`report-action-${a.action}`, lang), md(a.by), md(a.at), md(change), md(a.reason ?? '')];
  });
  return [heading(2, say('report-h-audit', lang)), table(headers, rows)].join('\n\n');
}

/**
 * The people barred from the top grade and awards by their findings.
 *
 * @example
 * eligibilitySection(context);
 */
export function eligibilitySection(context: ReportContext): string {
  const { lang, result } = context;
  if (result.ineligibleFrom === null && result.eligibility.length === 0) return '';
  const parts = [heading(2, say('report-h-eligibility', lang))];
  if (result.ineligibleFrom !== null) parts.push(say('report-eligibility-note', lang, { form: md(context.formTitle(result.ineligibleFrom, 'person')) }));
  if (result.eligibility.length === 0) {
    parts.push(say('report-no-eligibility', lang));
    return parts.join('\n\n');
  }
  const headers = ['report-col-person-name', 'report-col-top-grade', 'report-col-reason'].map((c) => say(c, lang));
  const rows = result.eligibility.map((e) => [md(e.name), say(e.holdsTopGrade ? 'report-yes' : 'report-no', lang), md(eligibilityReason(result, e, context.formTitle, lang))]);
  parts.push(table(headers, rows));
  return parts.join('\n\n');
}

/**
 * 层层传导压力: the leaders whose organizations set off accountability rules, the largest share first.
 *
 * @example
 * pressureSection(context);
 */
export function pressureSection(context: ReportContext): string {
  const { lang, result } = context;
  if (result.pressure.length === 0) return '';
  const parts = [heading(2, say('report-h-pressure', lang))];
  const flagged = result.pressure
    .filter((p) => p.flagged > 0)
    .sort((a, b) => b.share - a.share || b.flagged - a.flagged || (a.person < b.person ? -1 : a.person > b.person ? 1 : 0));
  if (flagged.length === 0) {
    parts.push(say('report-no-pressure', lang));
    return parts.join('\n\n');
  }
  parts.push(say('report-pressure-note', lang));
  const headers = ['report-col-leader', 'report-col-answers-for', 'report-col-flagged', 'report-col-share', 'report-col-flagged-organizations'].map((c) => say(c, lang));
  const rows = flagged.map((p) => [
    md(p.name),
    String(p.answersFor),
    String(p.flagged),
    formatPercent(p.share),
    md(p.flaggedOrganizations.map((id) => context.organizationName(id)).join(listSeparator(lang))),
  ]);
  parts.push(table(headers, rows, ['l', 'r', 'r', 'r', 'l']));
  return parts.join('\n\n');
}
