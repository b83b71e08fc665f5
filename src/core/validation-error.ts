import { formatIssues, localizeIssue, makeIssue, problemCount, receivedOf, type Issue } from './issue.js';
import type { IssuePath } from './path.js';
import type { Lang } from './lang.js';

const SUMMARY_LIMIT = 20;

/**
 * Marks a ValidationError of any copy of zerenzhi (its `import` and `require` builds are two
 * copies, each with its own class): `instanceof` looks for it too.
 */
const BRAND: unique symbol = Symbol.for('zerenzhi/ValidationError') as never;

/**
 * Thrown by the `parse*` functions (and returned by the `safeParse*` ones) when an input has
 * problems. `issues` lists every problem found, each with its path, code and message.
 *
 * @example
 * try { parseGraph(input); } catch (e) {
 *   if (e instanceof ValidationError) for (const i of e.issues) console.log(i.path, i.code);
 * }
 */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  readonly issues: readonly Issue[];
  readonly subject: string;
  readonly lang: Lang;

  constructor(subject: string, issues: readonly Issue[], lang: Lang = 'zh') {
    super(summarize(subject, issues, lang));
    this.subject = subject;
    this.issues = Object.freeze([...issues]);
    this.lang = lang;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /**
   * `error instanceof ValidationError` is true of an error made by another copy of zerenzhi in
   * the same process too (the `require` build's, seen from the `import` build's class).
   *
   * @example
   * require('zerenzhi').safeParseGraph({}).error instanceof ValidationError; // true in an ES module
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    return this === ValidationError && typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
  }

  /**
   * The same error with every message rendered in another language.
   *
   * @example
   * error.inLanguage('en').message;
   */
  inLanguage(lang: Lang): ValidationError {
    // A language the messages are not in is itself the error (not a text of two languages).
    const wrong = langError(lang);
    if (wrong) throw wrong;
    return new ValidationError(this.subject, this.issues.map((issue) => localizeIssue(issue, lang)), lang);
  }

  /** A plain-data view, for JSON output. */
  toJSON(): { name: string; subject: string; issues: readonly Issue[] } {
    return { name: this.name, subject: this.subject, issues: this.issues };
  }
}

const SUBJECT_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  graph: { zh: '组织关系图', en: 'Invalid graph' },
  rules: { zh: '考核细则', en: 'Invalid rule set' },
  records: { zh: '记录', en: 'Invalid records' },
  decisions: { zh: '问责决定', en: 'Invalid decisions' },
  query: { zh: '查询', en: 'Invalid query' },
  previous: { zh: '上期评估结果', en: 'Invalid previous result' },
  partial: { zh: '部分状态', en: 'Invalid partial state' },
  options: { zh: '调用选项', en: 'Invalid options' },
};

/**
 * The language an option asks for, checked: `zh` when none is given, and a `ValidationError`
 * (subject `options`, in Chinese, the language of errors by default) for anything but `zh` or
 * `en`, where messages would otherwise fail to render deep inside a run.
 *
 * @example
 * langOption(undefined); // 'zh'
 * langOption('fr'); // throws ValidationError: options.lang
 */
export function langOption(value: unknown): Lang {
  const error = langError(value);
  if (error) throw error;
  return (value as Lang | undefined) ?? 'zh';
}

/**
 * The error for a language option that is neither missing, `zh` nor `en`; undefined for one that
 * is (what the `safeParse*` functions return rather than throw).
 *
 * @example
 * langError('fr')?.issues[0]?.path; // ['lang']
 * langError('en'); // undefined
 */
export function langError(value: unknown): ValidationError | undefined {
  if (value === undefined || value === 'zh' || value === 'en') return undefined;
  const shown = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return new ValidationError('options', [makeIssue('invalid-value', ['lang'], { value: shown, allowed: 'zh, en' }, 'zh')], 'zh');
}

/**
 * The problem with a cap given in options (a most-records or most-indicators limit), or undefined
 * when it is missing (the default applies) or a whole number of at least 0. NaN, Infinity, a
 * negative or fractional value, or a text, is an error rather than the default, so that a typo
 * never passes for a limit.
 *
 * @example
 * capIssue(3, ['maxRecords'], 'zh'); // undefined
 * capIssue(-1, ['maxRecords'], 'en')?.code; // 'too-small'
 */
export function capIssue(value: unknown, path: IssuePath, lang: Lang): Issue | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return makeIssue('invalid-type', path, { expected: 'integer', received: receivedOf(value) }, lang);
  }
  return value < 0 ? makeIssue('too-small', path, { minimum: 0, inclusive: 1 }, lang) : undefined;
}

function summarize(subject: string, issues: readonly Issue[], lang: Lang): string {
  const label = SUBJECT_LABELS[subject]?.[lang] ?? subject;
  // A list cut short says how many problems there are in all: that is the number to give, and
  // the problems not shown are counted from it.
  const count = problemCount(issues);
  const listed = count === issues.length ? issues : issues.slice(0, -1);
  const shown = listed.slice(0, SUMMARY_LIMIT);
  const more = count - shown.length;
  const head =
    lang === 'zh'
      ? `${label}校验未通过，共 ${count} 个问题：`
      : `${label}: ${count} problem${count === 1 ? '' : 's'}:`;
  const tail = more > 0 ? (lang === 'zh' ? `\n……另有 ${more} 个问题` : `\n... and ${more} more`) : '';
  return `${head}\n${formatIssues(shown, lang)}${tail}`;
}

/**
 * What every `safeParse*` function returns: the value, or the error that `parse*` would throw.
 *
 * @example
 * const r = safeParseGraph(input);
 * if (r.success) use(r.data); else report(r.error.issues);
 */
export type SafeParseResult<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly error: ValidationError };
