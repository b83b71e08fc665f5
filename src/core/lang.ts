/**
 * The languages user-facing text is written in. Chinese is the default everywhere.
 *
 * @example
 * const lang: Lang = 'en';
 */
export type Lang = 'zh' | 'en';

/**
 * The default language of every message, report and explanation.
 *
 * @example
 * assess({ graph, rules, records }).lang === DEFAULT_LANG; // 'zh'
 */
export const DEFAULT_LANG: Lang = 'zh';
