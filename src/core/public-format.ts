// The formatting helpers as the public API gives them: their arguments checked, as every other
// entry point's are. The engine calls the unchecked ones (core/issue.ts, core/path.ts,
// core/messages.ts), millions of times at a province, with values it made itself.
import { formatIssues as formatIssuesUnchecked, isObject, localizeIssue as localizeIssueUnchecked, makeIssue, typeName, type Issue } from './issue.js';
import type { Lang } from './lang.js';
import { formatMessage as formatMessageUnchecked, type MessageParams } from './messages.js';
import { formatPath as formatPathUnchecked, type IssuePath } from './path.js';
import { pathIssues } from './path-issues.js';
import { langOption, ValidationError } from './validation-error.js';


function refuse(path: (string | number)[], expected: string, value: unknown, lang: Lang = 'zh'): never {
  throw new ValidationError('options', [makeIssue('invalid-type', path, { expected, received: typeName(value) }, lang)], lang);
}

function issueIssues(issue: unknown, at: (string | number)[], lang: Lang): Issue[] {
  if (!isObject(issue)) return [makeIssue('invalid-type', at, { expected: 'object', received: typeName(issue) }, lang)];
  const issues: Issue[] = [];
  const field = (key: string, expected: string, ok: boolean): void => {
    if (!ok) issues.push(makeIssue('invalid-type', [...at, key], { expected, received: typeName(issue[key]) }, lang));
  };
  field('code', 'string', typeof issue['code'] === 'string');
  field('message', 'string', typeof issue['message'] === 'string');
  issues.push(...pathIssues(issue['path'], [...at, 'path'], lang));
  field('params', 'object', isObject(issue['params']));
  return issues;
}

function refuseAll(issues: readonly Issue[], lang: Lang): void {
  if (issues.length > 0) throw new ValidationError('options', issues, lang);
}

/** A value a message names but is not given: shown as `{name}`, as message catalogues do, never "undefined". */
const NAMED: ProxyHandler<MessageParams> = {
  get: (target, key) => {
    const value: unknown = Reflect.get(target, key);
    return value === undefined && typeof key === 'string' ? `{${key}}` : value;
  },
};

/**
 * Renders a catalogue message in the requested language. An unknown code renders as the code
 * itself with its parameters, so a message is never lost; a value the message names but
 * `params` lacks shows as `{name}`. Params that are not an object, or a language other than `zh`
 * or `en`, are a `ValidationError` (subject `options`).
 *
 * @example
 * formatMessage('duplicate-id', { id: 'b1', first: 'organizations[0]' }, 'en');
 * formatMessage('required', {}, 'en'); // 'required field "{field}" is missing'
 */
export function formatMessage(code: string, params: MessageParams, lang: Lang = 'zh'): string {
  langOption(lang);
  if (typeof code !== 'string') refuse(['code'], 'string', code, lang);
  if (!isObject(params)) refuse(['params'], 'object', params, lang);
  return formatMessageUnchecked(code, new Proxy(params, NAMED), lang);
}

/**
 * Renders a path the way a person reads it in an editor: `organizations[3].parent`. A path that
 * is not a list of keys and indexes (a hole in a sparse list too) is a `ValidationError` listing
 * every segment that is not one.
 *
 * @example
 * formatPath(['organizations', 3, 'parent']); // 'organizations[3].parent'
 */
export function formatPath(path: IssuePath, lang: Lang = 'zh'): string {
  langOption(lang);
  refuseAll(pathIssues(path, ['path'], lang), lang);
  return formatPathUnchecked(path, lang);
}

/**
 * One line per issue, `path: message [code]`, for terminals and logs. Issues that are not
 * issues (`null`, a hole in a sparse list, no message) are a `ValidationError` naming each.
 *
 * @example
 * formatIssues(error.issues, 'zh');
 */
export function formatIssues(issues: readonly Issue[], lang: Lang = 'zh'): string {
  langOption(lang);
  if (!Array.isArray(issues)) refuse(['issues'], 'array', issues, lang);
  const problems: Issue[] = [];
  for (let i = 0; i < issues.length; i++) problems.push(...issueIssues(issues[i], ['issues', i], lang));
  refuseAll(problems, lang);
  return formatIssuesUnchecked(issues, lang);
}

/**
 * Re-renders an issue in another language. An issue that is not one is a `ValidationError`.
 *
 * @example
 * localizeIssue(issue, 'en').message;
 */
export function localizeIssue(issue: Issue, lang: Lang): Issue {
  langOption(lang);
  refuseAll(issueIssues(issue, ['issue'], lang), lang);
  return { ...localizeIssueUnchecked({ ...issue, params: new Proxy(issue.params, NAMED) }, lang), params: issue.params };
}
