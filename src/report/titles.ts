// Titles for the ids a result names but does not title where the report shows them: grade ladders
// (from the rule set, when the report is given it), indicators (from the subjects' lines),
// accountability rules (from the findings and hits, else the rule set), and forms named by id in
// decision records.
// An id nothing titles stands for itself.
import type { AssessmentResult } from '../accountability/types.js';
import type { Lang } from '../core/lang.js';

/** An id with its titles, as a rule set gives a ladder or an accountability rule. */
interface Titled {
  readonly id: string;
  readonly title?: string | undefined;
  readonly titleEn?: string | undefined;
}

/**
 * What the reports read of a rule set: the ids and titles of its grade ladders and of its
 * accountability rules (more is let through).
 *
 * @example
 * const rules: RuleTitleSource = { ladders: [{ id: 'organization', title: '基层党组织考核等次' }] };
 */
export interface RuleTitleSource {
  readonly ladders?: readonly Titled[] | undefined;
  readonly accountability?: { readonly rules?: readonly Titled[] | undefined; readonly supervision?: Titled | undefined } | undefined;
}

// The title in a language: the English one in English when there is one; none when untitled.
function titleIn(item: Titled, lang: Lang): string | undefined {
  const title = lang === 'en' && item.titleEn !== undefined && item.titleEn !== '' ? item.titleEn : item.title;
  return title === '' ? undefined : title;
}

/**
 * A grade ladder's title in a language, from the rule set's ladders: the English title in English
 * when there is one, else the title; the ladder's id where the rule set is not given or has no
 * title for it.
 *
 * @example
 * const ladderTitle = ladderTitles({ ladders: [{ id: 'organization', title: '基层党组织考核等次', titleEn: 'Organization grades' }] }, 'en');
 * ladderTitle('organization'); // 'Organization grades'
 * ladderTitle('leader'); // 'leader'
 */
export function ladderTitles(rules: RuleTitleSource | undefined, lang: Lang): (id: string) => string {
  const titles = new Map<string, string>();
  for (const ladder of rules?.ladders ?? []) {
    const title = titleIn(ladder, lang);
    if (title !== undefined && !titles.has(ladder.id)) titles.set(ladder.id, title);
  }
  return (id) => titles.get(id) ?? id;
}

/**
 * An indicator's title, in the result's language, from the first line of any subject that has it;
 * read from the lines the first time it is asked for, so a report that asks for none reads none.
 *
 * @example
 * const indicatorTitle = indicatorTitles(result);
 * indicatorTitle('org-discipline-veto'); // '违纪违法案件'
 */
export function indicatorTitles(result: AssessmentResult): (id: string) => string {
  let titles: Map<string, string> | undefined;
  return (id) => {
    if (titles === undefined) {
      titles = new Map();
      for (const subject of [...result.organizations, ...result.people]) {
        for (const line of subject.lines) if (!titles.has(line.indicator)) titles.set(line.indicator, line.title);
      }
    }
    return titles.get(id) ?? id;
  };
}

/**
 * An accountability rule's title, in the result's language (as the findings give it): from its
 * findings, its provisional hits, or else the rule set when given; for a hit that reached no one,
 * which carries only the rule's id. An id nothing titles stands for itself.
 *
 * @example
 * const ruleTitle = ruleTitles(result, rules);
 * ruleTitle('lowest'); // '考核等次为差'
 */
export function ruleTitles(result: AssessmentResult, rules?: RuleTitleSource): (id: string) => string {
  const titles = new Map<string, string>();
  for (const f of result.findings) if (!titles.has(f.rule)) titles.set(f.rule, f.ruleTitle);
  for (const h of result.hits ?? []) if (h.ruleTitle !== undefined && !titles.has(h.rule)) titles.set(h.rule, h.ruleTitle);
  const supervision = rules?.accountability?.supervision;
  for (const rule of [...(rules?.accountability?.rules ?? []), ...(supervision ? [supervision] : [])]) {
    const title = titleIn(rule, result.lang);
    if (title !== undefined && !titles.has(rule.id)) titles.set(rule.id, title);
  }
  return (id) => titles.get(id) ?? id;
}

/**
 * A form named by its id (a decision record's `from` and `to`) in a language: its title on the
 * ladder of the finding's subject in the result's `forms` (English when there is one), any other
 * id as itself. (A waiver's `none` is the auditing report's to name.)
 *
 * @example
 * const formTitle = formTitlesById(result, 'zh');
 * formTitle('admonishment', 'person'); // '诫勉'
 */
export function formTitlesById(result: AssessmentResult, lang: Lang): (id: string, type: 'organization' | 'person' | undefined) => string {
  const forms = (result as { forms?: AssessmentResult['forms'] }).forms;
  const ladder = (type: 'organization' | 'person'): Map<string, string> => {
    const list = forms && Array.isArray(forms[type]) ? forms[type] : [];
    return new Map(list.map((f) => [f.id, lang === 'en' && f.titleEn !== undefined ? f.titleEn : f.title]));
  };
  const ladders = { organization: ladder('organization'), person: ladder('person') };
  return (id, type) => {
    // A finding the result no longer has: the person's ladder first, as decisions mostly concern people.
    const title = type === undefined ? (ladders.person.get(id) ?? ladders.organization.get(id)) : ladders[type].get(id);
    return title ?? id;
  };
}
