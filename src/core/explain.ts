import type { Lang } from './lang.js';
import { formatMessage, type MessageParams } from './messages.js';

/**
 * A text in both languages. The same shape as the engine's `Explanation` (which core, below
 * the engine, cannot import), so either is accepted where the other is asked for.
 *
 * @example
 * const detail: Explanation = explain('explain-score-not-met');
 */
export type Explanation = Readonly<Record<Lang, string>>;

/**
 * Values an explanation interpolates: plain values, the same in both languages, or an
 * `Explanation` (a label, a list, a nested clause) whose rendering in each language is used.
 *
 * @example
 * const params: ExplainParams = { count: 3, missed: joinExplanations([{ zh: '1月', en: 'Jan' }], 'list') };
 */
export type ExplainParams = Readonly<Record<string, string | number | Explanation>>;

/**
 * How parts are joined: `list` (「、」 / ", "), `comma` (「，」 / ", ") or `clause` (「；」 / "; ").
 *
 * @example
 * const separator: Separator = 'clause';
 */
export type Separator = 'list' | 'comma' | 'clause';

// The separators are catalogue entries too: only their punctuation differs by language.
const SEPARATOR_CODES: Readonly<Record<Separator, string>> = {
  list: 'explain-separator-list',
  comma: 'explain-separator-comma',
  clause: 'explain-separator-clause',
};

function paramsIn(params: ExplainParams, lang: Lang): MessageParams {
  const out: Record<string, string | number> = {};
  for (const key of Object.keys(params)) {
    const value = params[key] as ExplainParams[string];
    out[key] = typeof value === 'object' ? value[lang] : value;
  }
  return out;
}

/**
 * Renders a catalogue message in both languages, for the modules that return an explanation in
 * zh and en at once (measures, scoring methods, trigger hits).
 *
 * @example
 * explain('explain-score-met', { points: '4' }); // { zh: '达标，得4分', en: 'met, 4 points' }
 */
export function explain(code: string, params: ExplainParams = {}): Explanation {
  // Both languages at once, as plain data. Rendering each language when first read needs own
  // getters, and an object literal with getters is built by the runtime, not the fast path: at
  // M100k that cost more than the second language it saved (finish 9 s -> 5.4 s of CPU eager).
  return { zh: formatMessage(code, paramsIn(params, 'zh'), 'zh'), en: formatMessage(code, paramsIn(params, 'en'), 'en') };
}

/**
 * Joins texts in both languages, with a separator from the catalogue or (without one) end to end.
 * A plain string is the same in both languages (a name, an id).
 *
 * @example
 * joinExplanations(['r-1', 'r-2'], 'list'); // { zh: 'r-1、r-2', en: 'r-1, r-2' }
 */
export function joinExplanations(parts: readonly (string | Explanation)[], separator?: Separator): Explanation {
  const inLang = (lang: Lang): string => parts.map((part) => (typeof part === 'string' ? part : part[lang])).join(separator === undefined ? '' : formatMessage(SEPARATOR_CODES[separator], {}, lang));
  return { zh: inLang('zh'), en: inLang('en') };
}

/**
 * Joins texts of one language with the separator of that language.
 *
 * @example
 * joinText(['a', 'b'], 'list', 'zh'); // 'a、b'
 */
export function joinText(parts: readonly string[], separator: Separator, lang: Lang): string {
  return parts.join(formatMessage(SEPARATOR_CODES[separator], {}, lang));
}
