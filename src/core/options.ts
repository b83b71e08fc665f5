import { z } from 'zod';
import { isObject, makeIssue, typeName, type Issue } from './issue.js';
import type { Lang } from './lang.js';
import { ValidationError } from './validation-error.js';
import { fromZodIssues } from './zod-issues.js';

/** The `lang` option: Chinese or English. */
export const LangOptionSchema = z.enum(['zh', 'en']);

/**
 * The language an options object asks for when it asks for one the messages exist in, else
 * Chinese: the language its own problems are reported in. A `lang` that cannot be read (a getter
 * that throws) asks for none.
 */
function languageOf(options: unknown): Lang {
  if (typeof options !== 'object' || options === null) return 'zh';
  try {
    return (options as { lang?: unknown }).lang === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

/**
 * Whether a value is a plain object, as options are written (`{ lang: 'en' }`, or one made with
 * `Object.create(null)`): a `Map`, a `Set`, a `Date` or an instance of a class is not, and its
 * entries would be ignored without a word.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** What a value that is not a plain object is, as `received` names it: `Map`, `null`, `array`. */
function receivedKind(value: unknown): string {
  if (!isObject(value)) return typeName(value);
  const ctor: unknown = (Object.getPrototypeOf(value) as { constructor?: unknown } | null)?.constructor;
  return typeof ctor === 'function' && ctor.name !== '' ? ctor.name : 'object';
}

/**
 * The options' own values, read once each into a plain copy, with every name whose value cannot
 * be read (a getter that throws) as an `option-unreadable` problem at its name: checked and read
 * by the caller, such a getter would otherwise throw its own error out of the call.
 */
function readOptions(options: Record<string, unknown>, lang: Lang): { readonly copy: Record<string, unknown>; readonly unreadable: Issue[] } {
  const copy: Record<string, unknown> = {};
  const unreadable: Issue[] = [];
  for (const key of Object.keys(options)) {
    try {
      Object.defineProperty(copy, key, { value: options[key], enumerable: true, writable: true, configurable: true });
    } catch (error) {
      unreadable.push(makeIssue('option-unreadable', [key], { field: key, error: error instanceof Error ? error.message : String(error) }, lang));
    }
  }
  return { copy, unreadable };
}

/**
 * Every problem with an options object, each at its path: not a plain object (`null`, a text, a
 * `Map`), a name the function does not have (a typo such as `invalidRecord`, which would
 * otherwise be ignored without a word), a value that cannot be read, of the wrong type or
 * outside its choices. `undefined` has none (the defaults apply) unless the options are
 * `required`. The schema is the function's, a `z.strictObject` whose fields checked elsewhere (a
 * graph, records) are `z.unknown()`.
 */
function optionIssues(schema: z.ZodType, options: unknown, lang: Lang, required: boolean): Issue[] {
  if (options === undefined && !required) return [];
  if (!isPlainObject(options)) {
    return [makeIssue('invalid-type', [], { expected: 'object', received: receivedKind(options) }, lang)];
  }
  const { copy, unreadable } = readOptions(options, lang);
  const parsed = schema.safeParse(copy, { reportInput: true });
  // A name whose value could not be read is said once, as unreadable, not as missing too.
  const wrong = parsed.success ? [] : fromZodIssues(parsed.error.issues, [], lang).filter((issue) => !unreadable.some((u) => u.path[0] === issue.path[0]));
  return [...unreadable, ...wrong];
}

/**
 * Throws a `ValidationError` (subject `options`) listing every problem {@link optionIssues}
 * finds, and those `more` finds (checks a schema does not say well, run only on an options
 * object), in the language the options ask for (Chinese when that is itself wrong); returns that
 * language when there is none. `required`: for a function whose one argument is its options
 * (`assess`), where no options at all is a problem too.
 *
 * @example
 * const lang = checkOptions(MarkdownOptionsSchema, options);
 */
export function checkOptions(schema: z.ZodType, options: unknown, more: (lang: Lang) => readonly Issue[] = () => [], { required = false } = {}): Lang {
  const lang = languageOf(options);
  const issues = optionIssues(schema, options, lang, required);
  // The extra checks read the options' fields: only of a plain options object whose fields can be read.
  if (isPlainObject(options) && !issues.some((issue) => issue.code === 'option-unreadable')) issues.push(...more(lang));
  if (issues.length > 0) throw new ValidationError('options', issues, lang);
  return lang;
}

/**
 * The same check for the `safeParse*` functions, which return their errors: the error, or
 * undefined when the options are sound.
 *
 * @example
 * const wrong = optionsError(ParseGraphOptionsSchema, options);
 * if (wrong) return { success: false, error: wrong };
 */
export function optionsError(schema: z.ZodType, options: unknown, more: (lang: Lang) => readonly Issue[] = () => []): ValidationError | undefined {
  try {
    checkOptions(schema, options, more);
    return undefined;
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
}
