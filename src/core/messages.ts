import { CATALOGUE, type MessageParams } from '../messages/index.js';
import type { Lang } from './lang.js';

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
 * Every message code in the catalogue, sorted.
 *
 * @example
 * messageCodes().includes('duplicate-id'); // true
 */
export function messageCodes(): string[] {
  return [...CATALOGUE.keys()].sort();
}
