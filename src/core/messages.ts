import { CATALOGUE, type MessageParams } from '../messages/index.js';
import type { Lang } from './lang.js';
import { visible } from './visible.js';

export type { MessageParams } from '../messages/index.js';

/**
 * Renders a catalogue message in the requested language. An unknown code renders as the
 * code itself with its parameters, so a message is never lost.
 *
 * @example
 * formatMessage('duplicate-id', { id: 'b1', first: 'organizations[0]' }, 'en');
 */
export function formatMessage(code: string, params: MessageParams, lang: Lang = 'zh'): string {
  const template = CATALOGUE.get(code);
  if (!template) return `${code} ${JSON.stringify(params)}`;
  // Entry points refuse any other language (langOption); Chinese rather than a crash if one slips by.
  return template[lang === 'en' ? 'en' : 'zh'](params);
}

/**
 * {@link formatMessage} for a message that is one line of a list (an issue's, the command
 * line's): each text among the values, which may come from the input, has what a terminal would
 * not show as it is (a line break, NUL, a BOM, a direction override) written as a visible escape
 * ({@link visible}), so that one problem stays one line and reads as it is. Reports, which escape
 * their own way (a line break in a name is `<br>` in a Markdown table), use `formatMessage`.
 *
 * @example
 * formatLine('invalid-date', { value: '2022-01\n-05' }, 'en'); // 'invalid date "2022-01\\n-05": …'
 */
export function formatLine(code: string, params: MessageParams, lang: Lang = 'zh'): string {
  if (!CATALOGUE.has(code)) return `${code} ${visible(JSON.stringify(params))}`;
  return formatMessage(code, shown(params), lang);
}

/**
 * The values with their texts made visible; the same object when none needs it. Over the values
 * given (a proxy that names a missing value included), so that what they do not hold reads as before.
 */
function shown(params: MessageParams): MessageParams {
  let out: Record<string, string | number> | undefined;
  for (const key of Object.keys(params)) {
    const value = params[key];
    if (typeof value !== 'string') continue;
    const text = visible(value);
    if (text !== value) (out ??= Object.create(params) as Record<string, string | number>)[key] = text;
  }
  return out ?? params;
}

/**
 * Every message code in the catalogue, sorted.
 *
 * @example
 * messageCodes().includes('duplicate-id'); // true
 */
export function messageCodes(): string[] {
  return [...CATALOGUE.keys()].sort();
}
