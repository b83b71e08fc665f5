// The formatting helpers as the public API gives them: their arguments checked, as every other
// entry point's are. The engine calls the unchecked ones (core/issue.ts, core/path.ts,
// core/messages.ts), millions of times at a province, with values it made itself.
import { formatIssues as formatIssuesUnchecked, isObject, localizeIssue as localizeIssueUnchecked, makeIssue, typeName, type Issue } from './issue.js';
import type { Lang } from './lang.js';
import { formatMessage as formatMessageUnchecked, type MessageParams } from './messages.js';
import { formatPath as formatPathUnchecked, type IssuePath } from './path.js';
import { langOption, ValidationError } from './validation-error.js';


function refuse(path: (string | number)[], expected: string, value: unknown): never {
  throw new ValidationError('options', [makeIssue('invalid-type', path, { expected, received: typeName(value) }, 'zh')], 'zh');
}

function checkPath(path: unknown, at: (string | number)[]): asserts path is IssuePath {
  if (!Array.isArray(path)) refuse(at, 'array', path);
  path.forEach((segment: unknown, i) => {
    if (typeof segment !== 'string' && typeof segment !== 'number') refuse([...at, i], 'string or number', segment);
  });
}

function checkIssue(issue: unknown, at: (string | number)[]): asserts issue is Issue {
  if (!isObject(issue)) refuse(at, 'object', issue);
  if (typeof issue['code'] !== 'string') refuse([...at, 'code'], 'string', issue['code']);
  if (typeof issue['message'] !== 'string') refuse([...at, 'message'], 'string', issue['message']);
  checkPath(issue['path'], [...at, 'path']);
  if (!isObject(issue['params'])) refuse([...at, 'params'], 'object', issue['params']);
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
  if (typeof code !== 'string') refuse(['code'], 'string', code);
  if (!isObject(params)) refuse(['params'], 'object', params);
  return formatMessageUnchecked(code, new Proxy(params, NAMED), lang);
}

/**
 * Renders a path the way a person reads it in an editor: `organizations[3].parent`. A path that
 * is not a list of keys and indexes is a `ValidationError`.
 *
 * @example
 * formatPath(['organizations', 3, 'parent']); // 'organizations[3].parent'
 */
export function formatPath(path: IssuePath, lang: Lang = 'zh'): string {
  langOption(lang);
  checkPath(path, ['path']);
  return formatPathUnchecked(path, lang);
}

/**
 * One line per issue, `path: message [code]`, for terminals and logs. Issues that are not
 * issues (`null`, no message) are a `ValidationError` naming the first.
 *
 * @example
 * formatIssues(error.issues, 'zh');
 */
export function formatIssues(issues: readonly Issue[], lang: Lang = 'zh'): string {
  langOption(lang);
  if (!Array.isArray(issues)) refuse(['issues'], 'array', issues);
  issues.forEach((issue: unknown, i) => checkIssue(issue, ['issues', i]));
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
  checkIssue(issue, ['issue']);
  return { ...localizeIssueUnchecked({ ...issue, params: new Proxy(issue.params, NAMED) }, lang), params: issue.params };
}
