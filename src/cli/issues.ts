import { formatIssues, type Issue } from '../core/issue.js';
import type { Lang } from '../core/lang.js';
import { formatPath } from '../core/path.js';
import { visible } from '../core/visible.js';
import type { ValidationError } from '../core/validation-error.js';

/**
 * One line for an issue: `file:line path: message [code]`; for a problem with the text at a
 * line (bad JSON), `file:line: message [code]`; for a problem with a whole file (it cannot be
 * read), `file: message [code]`.
 *
 * @example
 * issueLine(issue, 'zh'); // 'graph.json:7 organizations[1].parent: 组织隶属关系成环：a → b → a [hierarchy-cycle]'
 */
export function issueLine(issue: Issue, lang: Lang): string {
  // A problem with the text itself (bad JSON, a bad CSV row) has a line but no path inside it.
  // A file name is shown as a message shows an input's text (a line break in it stays on the line).
  if (issue.line !== undefined && issue.file !== undefined && issue.path.length === 0) return `${visible(issue.file)}:${issue.line}: ${visible(issue.message)} [${issue.code}]`;
  if (issue.line !== undefined || issue.file === undefined) return formatIssues([issue], lang);
  const where = issue.path.length === 0 ? visible(issue.file) : `${visible(issue.file)} ${formatPath(issue.path, lang)}`;
  return `${where}: ${visible(issue.message)} [${issue.code}]`;
}

/**
 * A validation error as lines: the summary (`组织关系图校验未通过，共 2 个问题：`), then every
 * issue on its own line, in the language of the error.
 *
 * @example
 * io.stderr.write(validationErrorLines(error).join('\n') + '\n');
 */
export function validationErrorLines(error: ValidationError): string[] {
  const head = error.message.split('\n')[0] ?? '';
  return [head, ...error.issues.map((issue) => issueLine(issue, error.lang))];
}
