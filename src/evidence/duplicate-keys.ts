import { makeIssue, type Issue } from '../core/issue.js';
import type { Lang } from '../core/lang.js';
import { formatPath, type IssuePath } from '../core/path.js';
import { scanJson } from './json-scan.js';
import { countOf, issueItem, type ReaderOptions } from './reader-common.js';
import type { ReaderItem } from './reader-item.js';

/**
 * How many object members a parsed JSON value holds, at every depth. With a stack of its own, not
 * recursion: a record may be nested 100,000 levels deep.
 */
function membersIn(value: unknown): number {
  let count = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next !== 'object' || next === null) continue;
    if (Array.isArray(next)) {
      for (const element of next) if (typeof element === 'object' && element !== null) pending.push(element);
      continue;
    }
    for (const key in next) {
      count++;
      const member = (next as Record<string, unknown>)[key];
      if (typeof member === 'object' && member !== null) pending.push(member);
    }
  }
  return count;
}

/**
 * Where a JSON text repeats a key within one object, which `JSON.parse` lets pass (the last one
 * wins, the others are lost without a word): the path of each repeat after the first, in the
 * order of the text, at most `limit`. `value` is the text parsed.
 *
 * Cheap when there is none, as in almost every record: each member of an object has exactly one
 * colon outside strings, so a text with no more colons than the parsed value has members (keys
 * that survived parsing) repeats no key; only a text with more colons (a repeat, or a colon in a
 * string such as a time or an address) is scanned. `start`: where the repeated member's value
 * starts in the text.
 *
 * @example
 * duplicateKeys('{"status":"rejected","status":"approved"}', { status: 'approved' }); // [{ path: ['status'], start: 31 }]
 */
export function duplicateKeys(text: string, value: unknown, limit = 1): { readonly path: (string | number)[]; readonly start: number }[] {
  if (countOf(text, ':') <= membersIn(value)) return [];
  // The keys met so far in each open object, by its depth: the scan goes depth first, so a value
  // met at depth d closes everything deeper (and a repeat's value starts with nothing inside).
  const open: (Set<string> | undefined)[] = [];
  const repeats: { path: (string | number)[]; start: number }[] = [];
  scanJson(
    text,
    (start, path) => {
      const depth = path.length;
      open.length = depth;
      const key = path[depth - 1];
      if (typeof key !== 'string' || repeats.length >= limit) return;
      let keys = open[depth - 1];
      if (keys === undefined) open[depth - 1] = keys = new Set();
      if (keys.has(key)) repeats.push({ path: [...path], start });
      else keys.add(key);
    },
    Number.POSITIVE_INFINITY,
  );
  return repeats;
}

/**
 * The `duplicate-key` issue item of a record (parsed from `text`, at `line`) that repeats a key,
 * its path under `at` (the record's own place in a document); undefined when it repeats none.
 *
 * @example
 * repeatedKeyItem('{"id":"r1","id":"r2"}', { id: 'r2' }, 4, options); // an issue item at line 4, path ['id']
 */
export function repeatedKeyItem(text: string, value: unknown, line: number, options: ReaderOptions, at: IssuePath = []): ReaderItem | undefined {
  const [repeat] = duplicateKeys(text, value);
  return repeat === undefined ? undefined : issueItem('duplicate-key', line, { line, key: formatPath(repeat.path, options.lang) }, options, [...at, ...repeat.path]);
}

/** The most repeated keys of one document listed. */
export const FIELD_REPEATS_LISTED = 100;

/**
 * The `duplicate-field` issues of a document (or of one of its values) whose `text` repeats a
 * key within one object: each repeat after the first at its path (under `at`, the value's own
 * place in the document) and at the line its value starts on (`firstLine`: the line the text
 * starts on), at most `limit`. `value` is the text parsed. The lines are counted in one pass,
 * however many repeats there are.
 *
 * @example
 * repeatedFieldIssues('{"a":1,\n"a":2}', { a: 2 }, { lang: 'en', limit: 100, file: 'g.json' }); // one issue at path ['a'], line 2
 */
export function repeatedFieldIssues(
  text: string,
  value: unknown,
  options: { readonly lang: Lang; readonly limit: number; readonly file?: string | undefined; readonly firstLine?: number; readonly at?: IssuePath },
): Issue[] {
  const { lang, file, at = [] } = options;
  let line = options.firstLine ?? 1;
  let counted = 0;
  return duplicateKeys(text, value, options.limit).map(({ path, start }) => {
    line += countOf(text, '\n', counted, start);
    counted = start;
    return repeatedFieldIssue([...at, ...path], line, lang, file);
  });
}

/**
 * The `duplicate-field` issue of a key given a second time at `path` in a document, its value
 * starting at `line`.
 *
 * @example
 * repeatedFieldIssue(['liaison'], 12, 'zh', 'graph.json').code; // 'duplicate-field'
 */
export function repeatedFieldIssue(path: IssuePath, line: number, lang: Lang, file?: string): Issue {
  return { ...makeIssue('duplicate-field', path, { line, field: formatPath(path, lang) }, lang), ...(file === undefined ? {} : { file }), line };
}
