// Text a result carries in the language of its run, written again in the report's language where
// the result or the message catalogue has it in both: form titles (the ladders in `result.forms`
// carry both titles), the period's label, eligibility reasons, warnings and the unnamed waiver.
// Each is rebuilt in the run's language first and used only when that gives back the very text
// the result holds; otherwise (a result edited by hand, an unknown code) the text stays as given.
import type { AssessmentResult, Eligibility, Finding, FindingForm, FormDefinition } from '../accountability/types.js';
import { formatCalendarDate } from '../core/calendar.js';
import { joinText } from '../core/explain.js';
import type { Lang } from '../core/lang.js';
import { formatMessage } from '../core/messages.js';
import { resolvePeriod } from '../engine/period.js';
import type { Warning } from '../engine/result.js';
import type { Period } from '../model/rules.js';

type SubjectType = 'organization' | 'person';

// A ladder form's title in a language, as the engine picks it (formAt): English when given.
const titleIn = (form: FormDefinition, lang: Lang): string => (lang === 'en' && form.titleEn !== undefined ? form.titleEn : form.title);

/**
 * The title of a finding's form in a language, from the ladders the result keeps: a form whose
 * title is not its ladder title in the result's language, or not on a ladder, keeps its title.
 *
 * @example
 * const formTitle = formTitles(zhResult, 'en');
 * formTitle({ id: 'admonishment', title: '诫勉', severity: 4 }, 'person'); // 'admonishment'
 */
export function formTitles(result: AssessmentResult, lang: Lang): (form: FindingForm, type: SubjectType) => string {
  const ladders = new Map<SubjectType, Map<string, FormDefinition>>();
  // `forms` is read only here; a result made before it was kept has none and keeps its titles.
  const forms = (result as { forms?: AssessmentResult['forms'] }).forms;
  for (const type of ['organization', 'person'] as const) {
    const ladder = forms && Array.isArray(forms[type]) ? forms[type] : [];
    ladders.set(type, new Map(ladder.map((f) => [f.id, f])));
  }
  return (form, type) => {
    const known = ladders.get(type)?.get(form.id);
    return known && titleIn(known, result.lang) === form.title ? titleIn(known, lang) : form.title;
  };
}

/**
 * The period's label in a language: the label the engine gives a whole year, half, quarter, month
 * or span from `start` to `end` (`2022年度`, `2022`), when the result's label is that one.
 *
 * @example
 * periodLabel({ start: '2022-01-01', end: '2022-12-31', asOf: null, label: '2022年度' }, 'zh', 'en'); // '2022'
 */
export function periodLabel(period: AssessmentResult['period'], resultLang: Lang, lang: Lang): string {
  if (resultLang === lang || typeof period.start !== 'string' || typeof period.end !== 'string') return period.label;
  const year = Number(period.start.slice(0, 4));
  const candidates: Period[] = [{ start: period.start, end: period.end }, { year }];
  for (const half of [1, 2] as const) candidates.push({ year, half });
  for (const quarter of [1, 2, 3, 4] as const) candidates.push({ year, quarter });
  for (let month = 1; month <= 12; month++) candidates.push({ year, month });
  for (const candidate of candidates) {
    let resolved: ReturnType<typeof resolvePeriod>;
    try {
      resolved = resolvePeriod(candidate);
    } catch {
      continue; // not a period a rule set may have (a year outside 1900–2999, a date that does not exist)
    }
    const same = formatCalendarDate(resolved.start) === period.start && formatCalendarDate(resolved.end) === period.end;
    if (same && resolved.label[resultLang] === period.label) return resolved.label[lang];
  }
  return period.label;
}

// A report asks for every person's reason: the findings are indexed once per result, not once a person.
const indexedFindings = new WeakMap<readonly Finding[], ReadonlyMap<string, Finding>>();

function findingsById(findings: readonly Finding[]): ReadonlyMap<string, Finding> {
  let byId = indexedFindings.get(findings);
  if (byId === undefined) {
    byId = new Map(findings.map((f) => [f.id, f]));
    indexedFindings.set(findings, byId);
  }
  return byId;
}

/**
 * A person's eligibility reason in a language: the engine's `finding-ineligible` message over the
 * forms of their findings and the eligibility line, titles in that language.
 *
 * @example
 * eligibilityReason(zhResult, zhResult.eligibility[0], formTitles(zhResult, 'en'), 'en');
 * // 'admonishment (admonishment or heavier): not eligible for the top grade or awards'
 */
export function eligibilityReason(result: AssessmentResult, eligibility: Eligibility, formTitle: (form: FindingForm, type: SubjectType) => string, lang: Lang): string {
  const line = result.ineligibleFrom;
  if (line === null || result.lang === lang || !Array.isArray(eligibility.findings)) return eligibility.reason;
  const byId = findingsById(result.findings);
  const forms = eligibility.findings.map((id) => byId.get(id)?.form);
  if (forms.some((f) => f === undefined)) return eligibility.reason;
  const reason = (titles: readonly string[], lineTitle: string, in_: Lang): string =>
    formatMessage('finding-ineligible', { forms: joinText([...new Set(titles)], 'list', in_), line: lineTitle }, in_);
  const asGiven = reason((forms as FindingForm[]).map((f) => f.title), line.title, result.lang);
  if (asGiven !== eligibility.reason) return eligibility.reason;
  return reason((forms as FindingForm[]).map((f) => formTitle(f, 'person')), formTitle(line, 'person'), lang);
}

/**
 * A warning in a language, from its code and parameters: the catalogue's message, when it gives
 * back the warning's message in the result's language.
 *
 * @example
 * warningText({ code: 'warning-pending', params: { count: 2 }, message: '2条记录尚待审核，…' }, 'zh', 'en');
 */
export function warningText(warning: Warning, resultLang: Lang, lang: Lang): string {
  if (resultLang === lang || typeof warning.params !== 'object' || warning.params === null) return warning.message;
  return formatMessage(warning.code, warning.params, resultLang) === warning.message ? formatMessage(warning.code, warning.params, lang) : warning.message;
}

/**
 * The title of a finding's waiver in a language: the catalogue's for a record that gave no reason
 * (`unspecified`); a rule set's waiver reasons are in the result in one language only.
 *
 * @example
 * waiverTitle({ reason: 'unspecified', title: '未说明理由', recordIds: [] }, 'zh', 'en'); // 'no reason given'
 */
export function waiverTitle(waiver: NonNullable<Finding['waiver']>, resultLang: Lang, lang: Lang): string {
  const unnamed = waiver.reason === 'unspecified' && waiver.title === formatMessage('waiver-reason-unspecified', {}, resultLang);
  return unnamed ? formatMessage('waiver-reason-unspecified', {}, lang) : waiver.title;
}
