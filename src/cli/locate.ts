import type { Issue } from '../core/issue.js';
import type { IssuePath } from '../core/path.js';
import { lineAndColumn, scanJson } from '../evidence/json-scan.js';

const keyOf = (path: IssuePath): string => JSON.stringify(path);

/**
 * Places issues found in a parsed JSON document at the lines they are on: each issue gets the
 * file and the line where the value at its path starts, or, when that value is missing (a
 * required field), where the nearest enclosing value starts. Issues that already have a line
 * keep it. Without the text (a document read in pieces, too long for one string) each issue
 * gets the file only: its path says where.
 *
 * @example
 * locateIssues(error.issues, text, 'graph.json')[0]?.line; // 12
 */
export function locateIssues(issues: readonly Issue[], text: string | undefined, file: string): Issue[] {
  if (text === undefined) return issues.map((issue) => (issue.file === undefined ? { ...issue, file } : issue));
  const depth = issues.reduce((deepest, i) => Math.max(deepest, i.path.length), 0);
  const starts = new Map<string, number>();
  scanJson(text, (start, path) => starts.set(keyOf(path), start), depth);
  const lineStarts: number[] = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  const lineOf = (offset: number): number => {
    // Binary search: the last line start at or before the offset.
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  return issues.map((issue) => {
    // Kept at its line; or about the list, not a place in the file (a list cut short).
    if (issue.line !== undefined || issue.code === 'too-many-issues') return issue.file === undefined ? { ...issue, file } : issue;
    for (let length = issue.path.length; length >= 0; length--) {
      const start = starts.get(keyOf(issue.path.slice(0, length)));
      if (start !== undefined) return { ...issue, file, line: lineOf(start) };
    }
    return { ...issue, file, line: 1 };
  });
}

/**
 * The line and column of a JSON syntax error in a text, or undefined when the text is JSON.
 *
 * @example
 * jsonSyntaxError('{"a": 1,}'); // { line: 1, column: 9, problem: 'unexpected-character', found: '}' }
 */
export function jsonSyntaxError(text: string): { line: number; column: number; problem: string; found: string } | undefined {
  const scan = scanJson(text);
  if (scan.ok) return undefined;
  const { line, column } = lineAndColumn(text, scan.offset);
  const code = text.codePointAt(scan.offset);
  return { line, column, problem: scan.problem, found: code === undefined ? '' : String.fromCodePoint(code) };
}

/**
 * Issues in the order of their lines (stable: issues on one line keep their order), as an
 * editor would list them. A last `too-many-issues` (a list cut short) stays last.
 *
 * @example
 * byLine(locateIssues(issues, text, file)).map((i) => i.line); // [3, 5, 8]
 */
export function byLine(issues: readonly Issue[]): Issue[] {
  const last = issues[issues.length - 1];
  const cut = last?.code === 'too-many-issues';
  const sorted = (cut ? issues.slice(0, -1) : [...issues]).sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return cut ? [...sorted, last] : sorted;
}
