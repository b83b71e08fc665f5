import type { Lang } from './lang.js';
import { formatLine, type MessageParams } from './messages.js';
import { formatPath, type IssuePath } from './path.js';
import { visible } from './visible.js';

/**
 * One problem found in an input: where it is, a stable code to branch on, the values that
 * describe it, and the message rendered in the requested language.
 *
 * @example
 * const issue: Issue = { code: 'duplicate-id', path: ['people', 4, 'id'], params: { id: 'p1', first: 'people[0]' }, message: '…' };
 */
export interface Issue {
  readonly code: string;
  readonly path: IssuePath;
  readonly params: MessageParams;
  readonly message: string;
  /** For file input: the file and 1-based line the problem is on. */
  readonly file?: string;
  readonly line?: number;
}

/**
 * What a value is, as an issue's `received` names it: `null`, `array`, or its `typeof`.
 *
 * @example
 * typeName([1]); // 'array'
 */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/**
 * Whether a value is what {@link typeName} calls an `object`: not `null`, not a list.
 *
 * @example
 * isObject({}); // true
 * isObject([]); // false
 */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What a value given for a number is, as an issue's `received` names it: a number by its text
 * (`NaN`, `1.5`, `-1`), anything else by {@link typeName}.
 *
 * @example
 * receivedOf(Number.NaN); // 'NaN'
 * receivedOf('3'); // 'string'
 */
export function receivedOf(value: unknown): string {
  return typeof value === 'number' ? String(value) : typeName(value);
}

/**
 * How many problems a list of issues stands for: its length, or, when it ends with a
 * `too-many-issues` (the list was cut short), the total that issue gives.
 *
 * @example
 * problemCount([...first10000, makeIssue('too-many-issues', [], { shown: 10000, count: 125000 })]); // 125000
 */
export function problemCount(issues: readonly Issue[]): number {
  const last = issues[issues.length - 1];
  const count = last?.code === 'too-many-issues' ? last.params['count'] : undefined;
  return typeof count === 'number' ? count : issues.length;
}

/**
 * Builds an issue with its message rendered from the catalogue.
 *
 * @example
 * makeIssue('missing-organization', ['posts', 0, 'organization'], { id: 'b9' }, 'en');
 */
export function makeIssue(code: string, path: IssuePath, params: MessageParams = {}, lang: Lang = 'zh'): Issue {
  return { code, path: [...path], params, message: formatLine(code, params, lang) };
}

/**
 * The same issue placed in a file at a line (1-based).
 *
 * @example
 * atLine(issue, 12, 'records.csv').line; // 12
 */
export function atLine(issue: Issue, line: number, file?: string): Issue {
  return file === undefined ? { ...issue, line } : { ...issue, file, line };
}

/**
 * The same issue `lines` lines further down its file: for a piece of a file read apart, whose
 * lines were counted from the piece's start. The line in the values (what a syntax error's
 * message shows) moves with it, and the message is rendered again.
 *
 * @example
 * shiftLines(issue, 300, 'zh').line; // issue.line + 300
 */
export function shiftLines(issue: Issue, lines: number, lang: Lang): Issue {
  if (lines === 0 || issue.line === undefined) return issue;
  const { line } = issue.params;
  if (typeof line !== 'number') return { ...issue, line: issue.line + lines };
  const params = { ...issue.params, line: line + lines };
  return { ...issue, params, message: formatLine(issue.code, params, lang), line: issue.line + lines };
}

/**
 * Re-renders an issue in another language.
 *
 * @example
 * localizeIssue(issue, 'en').message;
 */
export function localizeIssue(issue: Issue, lang: Lang): Issue {
  return { ...issue, message: formatLine(issue.code, issue.params, lang) };
}

/**
 * One line per issue, `path: message [code]`, for terminals and logs.
 *
 * @example
 * formatIssues(error.issues, 'zh');
 */
export function formatIssues(issues: readonly Issue[], lang: Lang = 'zh'): string {
  return issues
    .map((issue) => {
      const where = issue.line === undefined ? '' : `${visible(issue.file ?? '')}${issue.file === undefined ? (lang === 'zh' ? '第' : 'line ') : ':'}${issue.line}${issue.file === undefined && lang === 'zh' ? '行' : ''} `;
      // The message too: one built otherwise than by makeIssue may quote a value as it was.
      return `${where}${formatPath(issue.path, lang)}: ${visible(issue.message)} [${issue.code}]`;
    })
    .join('\n');
}
