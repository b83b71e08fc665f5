import { z } from 'zod';
import type { Issue, Lang } from '../index.js';
import { kitIssue, LangSchema, schemaIssues, throwIssues, typeOf } from './issues.js';

const Ids = z.array(z.string());

/**
 * `graph()`: the graph's id and title, and the language of the builder's errors.
 *
 * @example
 * GraphOptionsSchema.parse({ id: 'demo', lang: 'en' });
 */
export const GraphOptionsSchema = z.strictObject({ id: z.string().optional(), title: z.string().optional(), lang: LangSchema.optional() });

/**
 * The posts of an organization (`committee`, `branch`, …): see `OrganizationOptions`.
 *
 * @example
 * OrganizationOptionsSchema.parse({ parent: 'bureau', secretary: 'p4', members: ['p6'] });
 */
export const OrganizationOptionsSchema = z.strictObject({
  parent: z.string().optional(),
  secretary: z.string().optional(),
  deputies: Ids.optional(),
  team: Ids.optional(),
  officer: z.union([z.string(), Ids]).optional(),
  members: Ids.optional(),
});

/**
 * `person()`: see `PersonOptions`.
 *
 * @example
 * PersonOptionsSchema.parse({ name: '罗军', probationary: true });
 */
export const PersonOptionsSchema = z.strictObject({ name: z.string().optional(), partyMember: z.boolean().optional(), probationary: z.boolean().optional() });

/**
 * `build()`: the language of the graph's problems.
 *
 * @example
 * GraphBuildOptionsSchema.parse({ lang: 'en' });
 */
export const GraphBuildOptionsSchema = z.strictObject({ lang: LangSchema.optional() });

/**
 * Throws a `ValidationError` (subject `options`) listing every problem with a graph builder's
 * options: not an object, a name the helper does not have (`secretry`, which would otherwise be
 * dropped with its post), a value of the wrong type. `value` may be `undefined` (the defaults).
 *
 * @example
 * checkGraphOptions(OrganizationOptionsSchema, { secretry: 'p1' }, 'en'); // throws: unknown-field at secretry
 */
export function checkGraphOptions(schema: z.ZodObject, value: unknown, lang: Lang, more: readonly Issue[] = []): void {
  throwIssues('options', [...more, ...schemaIssues(schema, value, [], lang, { required: false })], lang);
}

/**
 * The problem with an argument that may be a text or an options object (an organization's name,
 * a person's name), as `invalid-type` at the argument's name: none for a text or `undefined`.
 *
 * @example
 * textOrOptionsIssues(5, 'name', 'zh')[0]?.path; // ['name']
 */
export function textOrOptionsIssues(value: unknown, argument: string, lang: Lang): Issue[] {
  if (value === undefined || typeof value === 'string' || (typeof value === 'object' && value !== null && !Array.isArray(value))) return [];
  return [kitIssue('invalid-type', [argument], { expected: 'string or object', received: typeOf(value) }, lang)];
}
