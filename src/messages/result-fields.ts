import type { MessageParams } from './types.js';

/** What a field of an assessment result must be: `invalid-previous` (a previous result) and `cli-invalid-result` (chain --result) say it. */
const RESULT_FIELD_EXPECTED: Readonly<Record<string, { zh: string; en: string }>> = {
  object: { zh: '应为 JSON 对象', en: 'must be a JSON object' },
  one: { zh: '应为 1', en: 'must be 1' },
  array: { zh: '缺失或不是数组', en: 'is missing or not an array' },
  string: { zh: '缺失或不是字符串', en: 'is missing or not a string' },
  number: { zh: '缺失或不是有限数值', en: 'is missing or not a finite number' },
  'subject-type': { zh: '应为 organization 或 person', en: 'must be organization or person' },
  date: { zh: '缺失或不是 YYYY-MM-DD 格式的日期', en: 'is missing or not a YYYY-MM-DD date' },
  grade: { zh: '应为 null 或带字符串 id 的等次对象', en: 'must be null or a grade object with a string id' },
  'true-if-given': { zh: '给出时应为 true', en: 'must be true when given' },
  'date-or-null': { zh: '应为 null 或 YYYY-MM-DD 格式的日期', en: 'must be null or a YYYY-MM-DD date' },
};

/**
 * What a result's field must be, in words, for the `expected` parameter of a message (the key
 * itself when it is none of the known ones).
 *
 * @example
 * resultFieldExpected({ expected: 'date' }, 'en'); // 'is missing or not a YYYY-MM-DD date'
 */
export function resultFieldExpected(p: MessageParams, lang: 'zh' | 'en'): string {
  return RESULT_FIELD_EXPECTED[String(p['expected'])]?.[lang] ?? String(p['expected'] ?? '');
}
