import type { Lang } from './lang.js';
import { formatMessage, type MessageParams } from './messages.js';
import { formatPath, type IssuePath } from './path.js';

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
}

/**
 * Builds an issue with its message rendered from the catalogue.
 *
 * @example
 * makeIssue('missing-organization', ['posts', 0, 'organization'], { id: 'b9' }, 'en');
 */
export function makeIssue(code: string, path: IssuePath, params: MessageParams = {}, lang: Lang = 'zh'): Issue {
  return { code, path: [...path], params, message: formatMessage(code, params, lang) };
}

/**
 * Re-renders an issue in another language.
 *
 * @example
 * localizeIssue(issue, 'en').message;
 */
export function localizeIssue(issue: Issue, lang: Lang): Issue {
  return { ...issue, message: formatMessage(issue.code, issue.params, lang) };
}

/**
 * One line per issue, `path: message [code]`, for terminals and logs.
 *
 * @example
 * formatIssues(error.issues, 'zh');
 */
export function formatIssues(issues: readonly Issue[], lang: Lang = 'zh'): string {
  return issues.map((issue) => `${formatPath(issue.path, lang)}: ${issue.message} [${issue.code}]`).join('\n');
}
