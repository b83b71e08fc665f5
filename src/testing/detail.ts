// A property failure's detail as a message and its values, in no language, so that a report is
// written out in either language whatever language its check ran in (formatPropertyFailures).
import type { Lang } from '../index.js';
import { subjectLabel } from './explain.js';
import { text, type TestingCode } from './messages.js';

// The messages a failure's detail is written in, and those within them.
export const DETAIL_CODES = ['detail-monotonic', 'detail-order', 'detail-line-bounds', 'detail-bonus-bounds', 'detail-score-bounds', 'detail-total-bounds'] as const satisfies readonly TestingCode[];
export const PART_CODES = ['what-line', 'what-total', 'order-line', 'order-other'] as const satisfies readonly TestingCode[];

/**
 * The message a failure's detail is written in.
 *
 * @example
 * const code: DetailCode = 'detail-monotonic';
 */
export type DetailCode = (typeof DETAIL_CODES)[number];

/**
 * A subject a failure's detail names: `名称（id）` in Chinese, `name (id)` in English.
 *
 * @example
 * const subject: DetailSubject = { id: 'b1', name: '第一党支部' };
 */
export interface DetailSubject {
  readonly id: string;
  readonly name: string;
}

/**
 * An indicator or record type a failure's detail names, by its title in the language the detail
 * is written in (`titleEn` in English when the rule set gives one) with its id:
 * `主题党日每月开展（br-theme-day）`.
 *
 * @example
 * const indicator: DetailTitled = { id: 'br-theme-day', title: '主题党日每月开展', titleEn: 'A theme day every month' };
 */
export interface DetailTitled {
  readonly id: string;
  readonly title: string;
  readonly titleEn?: string;
}

/**
 * A message within a failure's detail (the `what` of `detail-monotonic`, say), rendered with it.
 *
 * @example
 * const what: DetailMessage = { code: 'what-total', params: { subject: { id: 'b1', name: '第一党支部' } } };
 */
export interface DetailMessage {
  readonly code: (typeof PART_CODES)[number];
  readonly params: DetailParams;
}

/**
 * One value of a failure's detail: a text or number as it is, or a subject, a titled indicator or
 * record type, or a message within — each named in the language the detail is rendered in.
 *
 * @example
 * const value: DetailValue = { id: 'visits', title: '走访不少于4次' };
 */
export type DetailValue = string | number | DetailSubject | DetailTitled | DetailMessage;

/**
 * The values a failure's detail message renders, in no language: the report can be written out
 * in either (`formatPropertyFailures(report, 'en')`) whatever language the check ran in.
 *
 * @example
 * const params: DetailParams = { shuffle: 2, what: { code: 'order-line', params: { before: '9', after: '8' } } };
 */
export type DetailParams = Readonly<Record<string, DetailValue>>;

function renderValue(value: DetailValue, lang: Lang): string | number {
  if (typeof value !== 'object') return value;
  if ('code' in value) return renderDetail(value.code, value.params, lang);
  if ('name' in value) return subjectLabel(value, lang);
  const title = lang === 'en' && value.titleEn !== undefined ? value.titleEn : value.title;
  return subjectLabel({ id: value.id, name: title }, lang);
}

/**
 * A failure's detail in a language, from its message code and values.
 *
 * @example
 * renderDetail('what-line', { subject: { id: 'b1', name: '第一党支部' }, indicator: { id: 'visits', title: '走访不少于4次' } }, 'zh');
 * // '「第一党支部（b1）」在「走访不少于4次（visits）」的得分'
 */
export function renderDetail(code: TestingCode, params: DetailParams, lang: Lang): string {
  return text(code, Object.fromEntries(Object.entries(params).map(([key, value]) => [key, renderValue(value, lang)])), lang);
}

