import { isObject, type Issue } from '../core/issue.js';

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
 * on would score on part of the evidence without a word. Nor does it skip a column problem
 * ({@link isColumnProblem}), which dropped a column's data from every row.
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

/** Reader problems about a file's layout rather than a record. */
const COLUMN_PROBLEM_CODES: ReadonlySet<string> = new Set(['unknown-column', 'duplicate-column', 'empty-column-name', 'unknown-column-type']);

/**
 * Whether a reader's problem is about a column (an unknown, repeated or unnamed column, an
 * unknown column type): that column's data was dropped from every row, and the rows may report
 * nothing of it. No record is skipped for it, and skipping invalid records never skips it.
 *
 * @example
 * isColumnProblem({ code: 'unknown-column' }); // true
 */
export function isColumnProblem(issue: Pick<Issue, 'code'>): boolean {
  // false for what is no issue at all (null from plain JavaScript), as isReaderItem says
  return typeof issue === 'object' && issue !== null && COLUMN_PROBLEM_CODES.has(issue.code);
}

/** A part of a reader's issue that is not what an {@link Issue} holds: where, and what it should be. */
export type IssueShapeProblem = { readonly path: readonly (string | number)[]; readonly expected: string; readonly received: unknown };

/**
 * What is wrong with a value given for an {@link Issue}, as an issue item of a reader carries
 * one: each part that is not what it should be (a `code` and a `message` that are texts, a `path`
 * of keys and indexes with no holes, `params` an object, a `file` and a `line`, if any, a text and
 * a whole number ≥ 1); empty for an issue. An item made by hand (`{ kind: 'issue', issue: null }`)
 * would otherwise be taken and fail when the problems are sorted or printed.
 *
 * @example
 * issueShapeProblems({ code: 'invalid-json', path: [], params: { line: 3 }, message: '…', line: 3 }); // []
 * issueShapeProblems(null); // [{ path: [], expected: 'object', received: null }]
 */
export function issueShapeProblems(value: unknown): IssueShapeProblem[] {
  if (!isObject(value)) return [{ path: [], expected: 'object', received: value }];
  const issue = value;
  const problems: IssueShapeProblem[] = [];
  const want = (key: string, expected: string, ok: boolean): void => {
    if (!ok) problems.push({ path: [key], expected, received: issue[key] });
  };
  const { code, message, params, file, line, path } = issue;
  want('code', 'string', typeof code === 'string');
  want('path', 'array', Array.isArray(path));
  if (Array.isArray(path)) {
    // An index loop: a hole in a sparse path is a segment that is neither a key nor an index.
    for (let i = 0; i < path.length; i++) {
      const segment: unknown = path[i];
      if (typeof segment !== 'string' && typeof segment !== 'number') problems.push({ path: ['path', i], expected: 'string or number', received: segment });
    }
  }
  want('params', 'object', isObject(params));
  want('message', 'string', typeof message === 'string');
  want('file', 'string', file === undefined || typeof file === 'string');
  want('line', 'integer', line === undefined || (typeof line === 'number' && Number.isInteger(line) && line >= 1));
  return problems;
}
