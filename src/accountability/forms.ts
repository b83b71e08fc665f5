import { DEFAULT_ORGANIZATION_FORMS, DEFAULT_PERSON_FORMS, type Accountability } from '../model/accountability.js';
import type { FindingForm } from './types.js';

/** A ladder of forms, lightest first. */
export interface FormLadder {
  readonly forms: readonly { readonly id: string; readonly title: string; readonly titleEn?: string | undefined }[];
}

/**
 * The ladders of forms in force: the rule set's, or the defaults (检查/通报/改组 for
 * organizations; 批评教育 … 纪律处分 for people).
 *
 * @example
 * formLadders(rules.accountability).person.forms[0]?.title; // '批评教育'
 */
export function formLadders(section: Accountability | undefined): { organization: FormLadder; person: FormLadder } {
  return {
    organization: { forms: section?.forms?.organization ?? DEFAULT_ORGANIZATION_FORMS },
    person: { forms: section?.forms?.person ?? DEFAULT_PERSON_FORMS },
  };
}

/**
 * The form at a 0-based position of a ladder, as a finding carries it (severity 1-based).
 *
 * @example
 * formAt(ladders.person, 3, 'zh'); // { id: 'admonishment', title: '诫勉', severity: 4 }
 */
export function formAt(ladder: FormLadder, index: number, lang: 'zh' | 'en'): FindingForm {
  const form = ladder.forms[index] as FormLadder['forms'][number];
  return { id: form.id, title: lang === 'en' && form.titleEn !== undefined ? form.titleEn : form.title, severity: index + 1 };
}

/**
 * The 0-based position of a form id on a ladder, or -1.
 *
 * @example
 * formIndex(ladders.organization, 'circulation'); // 1
 */
export function formIndex(ladder: FormLadder, id: string | undefined): number {
  return id === undefined ? -1 : ladder.forms.findIndex((f) => f.id === id);
}
