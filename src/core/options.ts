import { z } from 'zod';
import { isObject, makeIssue, typeName, type Issue } from './issue.js';
import type { Lang } from './lang.js';
import { ValidationError } from './validation-error.js';
import { fromZodIssues } from './zod-issues.js';

/** The `lang` option: Chinese or English. */
export const LangOptionSchema = z.enum(['zh', 'en']);

/**
 * The language an options object asks for when it asks for one the messages exist in, else
 * Chinese: the language its own problems are reported in.
 */
function languageOf(options: unknown): Lang {
  const lang = typeof options === 'object' && options !== null ? (options as { lang?: unknown }).lang : undefined;
  return lang === 'en' ? 'en' : 'zh';
}

/**
 * Every problem with an options object, each at its path: not an object (`null`, a text), a name
 * the function does not have (a typo such as `invalidRecord`, which would otherwise be ignored
 * without a word), a value of the wrong type or outside its choices. `undefined` has none (the
 * defaults apply) unless the options are `required`. The schema is the function's, a
 * `z.strictObject` whose fields checked elsewhere (a graph, records) are `z.unknown()`.
 */
function optionIssues(schema: z.ZodType, options: unknown, lang: Lang, required: boolean): Issue[] {
  if (options === undefined && !required) return [];
  if (!isObject(options)) {
    return [makeIssue('invalid-type', [], { expected: 'object', received: typeName(options) }, lang)];
  }
  const parsed = schema.safeParse(options, { reportInput: true });
  return parsed.success ? [] : fromZodIssues(parsed.error.issues, [], lang);
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
  // The extra checks read the options' fields: only of an options object.
  if (isObject(options)) issues.push(...more(lang));
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
