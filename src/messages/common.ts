import { isoFormOf } from '../core/date-like.js';
import type { MessageParams, MessageSection } from './types.js';

// A date written as Excel and others write it (2026/12/31): the form that is read, as a hint.
const likelyDate = (p: MessageParams, lang: 'zh' | 'en'): string => {
  const iso = typeof p['value'] === 'string' ? isoFormOf(p['value']) : undefined;
  if (iso === undefined) return '';
  return lang === 'zh' ? `；是否应为「${iso}」？（表格软件导出的日期请设为“文本”或 YYYY-MM-DD 格式）` : `; did you mean "${iso}"? (format dates exported from a spreadsheet as text or YYYY-MM-DD)`;
};

/** Messages shared by every input format (types, required fields, unknown fields). */
export const commonMessages = {
  required: { zh: (p) => `缺少必填字段「${p['field']}」`, en: (p) => `required field "${p['field']}" is missing` },
  'invalid-type': {
    zh: (p) => `类型错误：应为 ${p['expected']}，实际为 ${p['received']}`,
    en: (p) => `wrong type: expected ${p['expected']}, got ${p['received']}`,
  },
  'invalid-value': {
    zh: (p) => `取值「${p['value']}」无效，可选值：${p['allowed']}`,
    en: (p) => `invalid value "${p['value']}"; allowed: ${p['allowed']}`,
  },
  'unknown-field': {
    zh: (p) => `未知字段「${p['field']}」${p['suggestion'] === undefined ? '（可能是拼写错误）' : `（是否想写「${p['suggestion']}」？）`}`,
    en: (p) => `unknown field "${p['field']}" ${p['suggestion'] === undefined ? '(a typo?)' : `(did you mean "${p['suggestion']}"?)`}`,
  },
  'empty-string': { zh: (p) => `字段「${p['field']}」不能为空`, en: (p) => `field "${p['field']}" must not be empty` },
  'too-small': {
    zh: (p) => `数值过小：应${p['inclusive'] === 1 ? '不小于' : '大于'} ${p['minimum']}`,
    en: (p) => `too small: must be ${p['inclusive'] === 1 ? 'at least' : 'greater than'} ${p['minimum']}`,
  },
  'too-few-items': {
    zh: (p) => `项数过少：至少需要 ${p['minimum']} 项`,
    en: (p) => `too few items: at least ${p['minimum']} needed`,
  },
  'too-many-items': {
    zh: (p) => `项数过多：至多 ${p['maximum']} 项`,
    en: (p) => `too many items: at most ${p['maximum']}`,
  },
  'too-big': {
    zh: (p) => `数值或长度过大：应${p['inclusive'] === 1 ? '不大于' : '小于'} ${p['maximum']}`,
    en: (p) => `too big: must be ${p['inclusive'] === 1 ? 'at most' : 'less than'} ${p['maximum']}`,
  },
  'invalid-format': {
    zh: (p) => `格式错误（${p['format']}）：「${p['value']}」`,
    en: (p) => `invalid format (${p['format']}): "${p['value']}"`,
  },
  'invalid-date': {
    zh: (p) => `日期「${p['value']}」无效：应为真实存在的日历日期，格式 YYYY-MM-DD（中国标准时间，不带时刻和时区）${likelyDate(p, 'zh')}`,
    en: (p) => `invalid date "${p['value']}": expected a real calendar date as YYYY-MM-DD (China Standard Time, no time or offset)${likelyDate(p, 'en')}`,
  },
  'invalid-day-number': {
    zh: (p) => `日序号「${p['value']}」无效：应为自 1970-01-01 起的整数天数，对应 0000-01-01 至 9999-12-31 之间的日期`,
    en: (p) => `invalid day number "${p['value']}": expected a whole number of days since 1970-01-01, for a date from 0000-01-01 to 9999-12-31`,
  },
  'invalid-id': {
    zh: (p) => `编号「${p['value']}」无效：编号须为 1–256 个字符，且不含控制字符和首尾空白`,
    en: (p) => `invalid id "${p['value']}": ids are 1–256 characters without control characters or surrounding spaces`,
  },
  'not-finite': {
    zh: (p) => `数值「${p['value']}」无效：须为有限数`,
    en: (p) => `invalid number "${p['value']}": must be finite`,
  },
  'limit-exceeded': {
    zh: (p) => `超出上限：${p['what']} 最多 ${p['limit']}，实际 ${p['actual']}`,
    en: (p) => `limit exceeded: at most ${p['limit']} ${p['what']}, got ${p['actual']}`,
  },
} as const satisfies MessageSection;

