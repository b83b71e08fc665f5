import { visible } from './visible.js';

/** A location inside an input document: object keys and array indexes from the root. */
export type IssuePath = readonly (string | number)[];

/**
 * Renders a path the way a person reads it in an editor: `organizations[3].parent`.
 * Keys that are not plain identifiers are quoted so that `__proto__` or `名称` stay unambiguous.
 *
 * @example
 * formatPath(['organizations', 3, 'parent']); // 'organizations[3].parent'
 * formatPath([]); // '(根)' in Chinese, '(root)' in English
 */
export function formatPath(path: IssuePath, lang: 'zh' | 'en' = 'zh'): string {
  if (path.length === 0) return lang === 'zh' ? '(根)' : '(root)';
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${visible(JSON.stringify(segment))}]`;
  }
  return out;
}
