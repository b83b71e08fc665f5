import type { MessageSection } from './types.js';

/** Messages of the accountability layer: decisions on proposed findings. */
export const accountabilityMessages = {
  'unknown-finding': { zh: (p) => `问责建议「${p['id']}」不存在`, en: (p) => `finding "${p['id']}" does not exist` },
  'duplicate-decision': {
    zh: (p) => `问责建议「${p['id']}」已有决定（decisions[${p['first']}]），同一建议只能决定一次`,
    en: (p) => `finding "${p['id']}" is already decided at decisions[${p['first']}]: one decision per finding`,
  },
  'decision-reason-required': {
    zh: (p) => `${p['action'] === 'waive' ? '免予问责' : '改变问责形式'}须写明理由（reason）`,
    en: (p) => `a decision to ${p['action']} needs a reason`,
  },
  'decision-form-unexpected': {
    zh: () => `只有 change（改变形式）决定才能给出 form`,
    en: () => `only a change decision takes a form`,
  },
  'finding-already-decided': {
    zh: (p) => `问责建议「${p['id']}」已是「${p['status']}」状态，不能再次决定`,
    en: (p) => `finding "${p['id']}" is already ${p['status']}`,
  },
} as const satisfies MessageSection;
