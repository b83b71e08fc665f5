import type { Issue } from '../core/issue.js';

/**
 * What a reader yields: a raw record value with the line it started on, or a problem found
 * while reading (bad JSON, a malformed CSV row). Validation of the value happens later, in one
 * place, with the same line attached.
 *
 * `stopped`: the reader read no further in its input after this problem, so the records after
 * it, if there were any, were never read — a file that cannot be opened or is too large, bytes
 * that are not UTF-8, a CSV row that never ends or a header without a required column, a JSON
 * document that does not parse or holds no records. Skipping invalid records
 * (`invalidRecords: 'skip'`) does not skip such a problem: the run stops with it, since going
 * on would score on part of the evidence without a word.
 */
export type ReaderItem =
  | { readonly kind: 'record'; readonly value: unknown; readonly line: number; readonly file?: string }
  | { readonly kind: 'issue'; readonly issue: Issue; readonly stopped?: true };

/**
 * Whether a value is a {@link ReaderItem} (as opposed to a raw record object, which never has
 * a `kind` field).
 *
 * @example
 * isReaderItem({ kind: 'record', value: {}, line: 1 }); // true
 */
export function isReaderItem(value: unknown): value is ReaderItem {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  return (kind === 'record' && typeof (value as { line?: unknown }).line === 'number') || (kind === 'issue' && 'issue' in value);
}
