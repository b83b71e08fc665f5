/**
 * The kinds of responsibility the system assigns:
 * 主体责任 `principal` (a leadership team as a body), 第一责任 `first` (the secretary),
 * 一岗双责 `dual` (a team member for the area they oversee), 一级抓一级 `supervision`
 * (a level over the levels below it) and 包抓包联 `liaison` (a leader over a contact point).
 *
 * @example
 * RESPONSIBILITY_KINDS.includes('dual'); // true
 */
export const RESPONSIBILITY_KINDS = ['principal', 'first', 'dual', 'supervision', 'liaison'] as const;
/** A kind of responsibility. */
export type ResponsibilityKind = (typeof RESPONSIBILITY_KINDS)[number];

/**
 * Chinese and English names of each responsibility kind, for reports.
 *
 * @example
 * RESPONSIBILITY_LABELS.dual.zh; // '一岗双责'
 */
export const RESPONSIBILITY_LABELS: Readonly<Record<ResponsibilityKind, { zh: string; en: string }>> = {
  principal: { zh: '主体责任', en: 'principal responsibility' },
  first: { zh: '第一责任', en: 'first responsibility' },
  dual: { zh: '一岗双责', en: 'dual responsibility' },
  supervision: { zh: '一级抓一级', en: 'supervision' },
  liaison: { zh: '包抓包联', en: 'liaison' },
};
