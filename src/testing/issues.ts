import { z } from 'zod';
import { formatMessage, ValidationError, type Issue, type IssuePath, type Lang } from '../index.js';
import { text } from './messages.js';

// The kit reaches the library through its public API only, which does not export the library's
// own options check (core/options.ts): this is the same check — a strict zod schema, every
// problem an issue of the one catalogue at its path — with an unknown name also listing the
// names allowed, since a test author's typo is the commonest mistake here.

/**
 * The `lang` option of the kit's helpers: Chinese or English.
 *
 * @example
 * LangSchema.optional().parse('en');
 */
export const LangSchema = z.enum(['zh', 'en']);

// Lists in messages: enough to recognise what exists, short enough to read.
const LIST_LIMIT = 20;

/**
 * An issue with its message rendered from the catalogue.
 *
 * @example
 * kitIssue('invalid-type', ['runs'], { expected: 'integer', received: 'string' }, 'zh');
 */
export function kitIssue(code: string, path: IssuePath, params: Readonly<Record<string, string | number>>, lang: Lang): Issue {
  return { code, path: [...path], params, message: formatMessage(code, params, lang) };
}

/**
 * Throws a `ValidationError` listing the issues (each once), when there are any.
 *
 * @example
 * throwIssues('options', issues, 'zh');
 */
export function throwIssues(subject: string, issues: readonly Issue[], lang: Lang): void {
  if (issues.length > 0) fail(subject, issues, lang);
}

/**
 * Throws a `ValidationError` listing the issues, each once.
 *
 * @example
 * fail('query', [kitIssue('no-grade', ['grade'], params, 'zh')], 'zh');
 */
export function fail(subject: string, issues: readonly Issue[], lang: Lang): never {
  const seen = new Set<string>();
  const distinct = issues.filter((issue) => {
    const key = `${issue.code}\u0000${JSON.stringify(issue.path)}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  throw new ValidationError(subject, distinct, lang);
}

/**
 * A list for a message: at most twenty items, then `…`; `—` for none.
 *
 * @example
 * listed(['b1', 'b2']); // 'b1, b2'
 */
export function listed(items: Iterable<string>): string {
  const all = [...items];
  if (all.length === 0) return '—';
  return all.slice(0, LIST_LIMIT).join(', ') + (all.length > LIST_LIMIT ? ', …' : '');
}

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * "Did you mean …?" for a name close to one that exists (at most two edits, or one letter's
 * case), else an empty text.
 *
 * @example
 * didYouMean('seeed', ['runs', 'shuffles', 'seed'], 'en'); // ' (did you mean "seed"?)'
 */
export function didYouMean(given: string, names: Iterable<string>, lang: Lang): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of names) {
    const d = name.toLowerCase() === given.toLowerCase() ? 0 : distance(given, name);
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return best !== undefined && bestDistance <= Math.min(2, Math.max(1, Math.floor(given.length / 3))) ? text('did-you-mean', { name: best }, lang) : '';
}

/**
 * What a value is, as an issue's `received` names it: `null`, `array`, or its `typeof`.
 *
 * @example
 * typeOf([1]); // 'array'
 */
export function typeOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

// In a schema's problems a number that is not finite is named (`NaN`), as the library does.
function typeName(value: unknown): string {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : typeOf(value);
}

function shown(value: unknown): string {
  if (typeof value === 'string') return value.length > 60 ? `${value.slice(0, 57)}...` : value;
  if (typeof value === 'number') return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function fromZod(issue: z.core.$ZodIssue, prefix: IssuePath, allowed: readonly string[], lang: Lang): Issue[] {
  const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
  const field = String(path[path.length - 1] ?? '');
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => kitIssue('unknown-option', [...path, key], { field: key, hint: didYouMean(key, allowed, lang), allowed: allowed.join(', ') }, lang));
    case 'invalid_type':
      if (input === undefined) return [kitIssue('required', path, { field }, lang)];
      if (issue.expected === 'int' && typeof input === 'number') return [kitIssue('invalid-type', path, { expected: 'integer', received: String(input) }, lang)];
      return [kitIssue('invalid-type', path, { expected: issue.expected === 'int' ? 'integer' : issue.expected, received: typeName(input) }, lang)];
    case 'invalid_value':
      return [kitIssue('invalid-value', path, { value: shown(input), allowed: issue.values.map(String).join(', ') }, lang)];
    case 'too_small':
      if (issue.origin === 'array') return [kitIssue('too-few', path, { minimum: String(issue.minimum) }, lang)];
      return [kitIssue('too-small', path, { minimum: String(issue.minimum), inclusive: issue.inclusive === false ? 0 : 1 }, lang)];
    case 'too_big':
      return [kitIssue('too-big', path, { maximum: String(issue.maximum), inclusive: issue.inclusive === false ? 0 : 1 }, lang)];
    case 'invalid_union': {
      // A value of a branch's type whose inside is wrong (a list of scores with a text in it):
      // that branch's problems. Otherwise none fits: say which types would.
      const inner = issue.errors.find((branch) => branch.length > 0 && branch.every((i) => i.path.length > 0));
      if (inner) return inner.flatMap((i) => fromZod(i, path, allowed, lang));
      const expected = issue.errors.map((branch) => (branch[0] as { expected?: string } | undefined)?.expected ?? '?').join(' | ');
      return [kitIssue('invalid-type', path, { expected, received: typeName(input) }, lang)];
    }
    case 'custom': {
      const { code, ...params } = (issue.params ?? {}) as Record<string, string | number>;
      return [kitIssue(typeof code === 'string' ? code : 'invalid-value', path, { value: shown(input), received: typeName(input), allowed: '', ...params }, lang)];
    }
    default:
      return [kitIssue('invalid-value', path, { value: shown(input), allowed: issue.message }, lang)];
  }
}

/**
 * Every problem with an object checked against a strict zod schema, at its path under `prefix`:
 * not an object at all, a name the schema does not have (listing those it does), a value of the
 * wrong type or out of range. `undefined` is a problem only when `required`.
 *
 * @example
 * schemaIssues(PropertyOptionsSchema, { run: 0 }, [], 'zh'); // [{ code: 'unknown-option', path: ['run'], … }]
 */
export function schemaIssues(schema: z.ZodObject, value: unknown, prefix: IssuePath, lang: Lang, { required = true } = {}): Issue[] {
  if (value === undefined && !required) return [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [kitIssue('invalid-type', prefix, { expected: 'object', received: typeName(value) }, lang)];
  }
  const parsed = schema.safeParse(value, { reportInput: true });
  if (parsed.success) return [];
  const allowed = Object.keys(schema.shape);
  return parsed.error.issues.flatMap((issue) => fromZod(issue, prefix, allowed, lang));
}

/**
 * The language an options object asks for when it is one the messages exist in, else Chinese:
 * the language its own problems are reported in.
 *
 * @example
 * langOf({ lang: 'en' }); // 'en'
 */
export function langOf(options: unknown): Lang {
  return typeof options === 'object' && options !== null && (options as { lang?: unknown }).lang === 'en' ? 'en' : 'zh';
}
