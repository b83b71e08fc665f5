import type { MessageSection } from './types.js';

/** Messages of the evidence layer: records, readers and their rows. */
export const evidenceMessages = {
  'invalid-attributes': { zh: () => `attributes 必须是对象`, en: () => `attributes must be an object` },
  'invalid-attribute': {
    zh: (p) => `属性「${p['key']}」的值无效：须为字符串、有限数、布尔值、字符串列表或 null`,
    en: (p) => `attribute "${p['key']}" has an invalid value: use a string, finite number, boolean, list of strings or null`,
  },
  'record-without-subject': {
    zh: () => `记录须至少填写 organization（党组织）或 person（人员）之一`,
    en: () => `a record needs an organization, a person, or both`,
  },
  'unknown-status': {
    zh: (p) => `未知的审核状态「${p['value']}」，可选：approved（已审核）、pending（待审核）、rejected（已退回）`,
    en: (p) => `unknown status "${p['value']}"; allowed: approved, pending, rejected`,
  },
} as const satisfies MessageSection;
