// The elements of a result a report reads, checked against the result's own JSON Schema
// (result-schema.ts, the one description of a result there is) before a report reads them: a
// result edited by hand, or built in plain JavaScript, would otherwise fail with a TypeError deep
// inside a report (`findings: [null]`), or print `NaN` as a total.
import { isObject, makeIssue, receivedOf, type Issue } from '../core/issue.js';
import type { Lang } from '../core/lang.js';
import { resultJsonSchema } from './result-schema.js';

type Schema = { readonly [keyword: string]: unknown };
type Path = readonly (string | number)[];

const SCHEMA = resultJsonSchema() as { properties: Record<string, Schema>; $defs: Record<string, Schema> };

/** At most this many problems are listed: a wrong file has millions. */
export const RESULT_ELEMENT_ISSUES_SHOWN = 100;

/**
 * Every problem (the first {@link RESULT_ELEMENT_ISSUES_SHOWN}) with the elements of the given
 * parts of a result, each at its path from the result (`['findings', 0, 'subject']`):
 * `invalid-type` for a value of the wrong type (a number that is not finite too: `NaN` is no
 * total), `required` for a field an element lacks, `invalid-value` for a value not among those
 * allowed, `too-small` and `too-big` for a number out of range. Fields a result does not have
 * are let through (a caller may add their own), as are parts that are missing, which the caller
 * checks.
 *
 * @example
 * resultElementIssues({ findings: [null] }, ['findings'], 'en')[0]?.path; // ['findings', 0]
 */
export function resultElementIssues(result: Record<string, unknown>, parts: readonly string[], lang: Lang): Issue[] {
  const issues: Issue[] = [];
  for (const part of parts) {
    const schema = SCHEMA.properties[part];
    if (schema !== undefined && result[part] !== undefined) check(result[part], schema, [part], issues, lang);
  }
  return issues;
}

function resolve(schema: Schema): Schema {
  const ref = schema['$ref'];
  return typeof ref === 'string' ? (SCHEMA.$defs[ref.slice('#/$defs/'.length)] as Schema) : schema;
}

const full = (issues: Issue[]): boolean => issues.length >= RESULT_ELEMENT_ISSUES_SHOWN;

function add(issues: Issue[], issue: Issue): void {
  if (!full(issues)) issues.push(issue);
}

function typeMatches(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    default:
      return value === null;
  }
}

// Each pattern of the schema compiled once, not once for every text it checks.
const PATTERNS = new Map<string, RegExp>();

function patternOf(source: string): RegExp {
  let compiled = PATTERNS.get(source);
  if (compiled === undefined) {
    compiled = new RegExp(source);
    PATTERNS.set(source, compiled);
  }
  return compiled;
}

function check(value: unknown, given: Schema, path: Path, issues: Issue[], lang: Lang): void {
  if (full(issues)) return;
  const schema = resolve(given);
  const anyOf = schema['anyOf'] as Schema[] | undefined;
  if (anyOf !== undefined) {
    // `nullable(x)`: null, or else what x says.
    if (value === null && anyOf.some((s) => s['type'] === 'null')) return;
    const other = anyOf.find((s) => s['type'] !== 'null') as Schema;
    check(value, other, path, issues, lang);
    return;
  }
  const allowed = (schema['enum'] as unknown[] | undefined) ?? ('const' in schema ? [schema['const']] : undefined);
  if (allowed !== undefined) {
    if (!allowed.includes(value)) add(issues, makeIssue('invalid-value', path, { value: String(value), allowed: allowed.join(', ') }, lang));
    return;
  }
  const types = ([] as unknown[]).concat(schema['type'] ?? []) as string[];
  if (types.length > 0 && !types.some((type) => typeMatches(value, type))) {
    add(issues, makeIssue('invalid-type', path, { expected: types.join(' or '), received: receivedOf(value) }, lang));
    return;
  }
  if (typeof value === 'number') {
    const { minimum, maximum } = schema as { minimum?: number; maximum?: number };
    if (minimum !== undefined && value < minimum) add(issues, makeIssue('too-small', path, { minimum, inclusive: 1 }, lang));
    if (maximum !== undefined && value > maximum) add(issues, makeIssue('too-big', path, { maximum, inclusive: 1 }, lang));
  }
  const pattern = schema['pattern'];
  if (typeof value === 'string' && typeof pattern === 'string' && !patternOf(pattern).test(value)) {
    add(issues, makeIssue('invalid-format', path, { format: pattern, value }, lang));
  }
  if (Array.isArray(value)) {
    const items = schema['items'] as Schema | undefined;
    // An index loop: a hole in a sparse list is an element too, an undefined one.
    if (items !== undefined) for (let i = 0; i < value.length && !full(issues); i++) check(value[i], items, [...path, i], issues, lang);
    return;
  }
  if (isObject(value)) {
    const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
    const required = (schema['required'] ?? []) as readonly string[];
    for (const [key, property] of Object.entries(properties)) {
      const member = Object.hasOwn(value, key) ? value[key] : undefined;
      if (member === undefined) {
        if (required.includes(key)) add(issues, makeIssue('required', [...path, key], { field: key }, lang));
      } else check(member, property, [...path, key], issues, lang);
    }
    const rest = schema['additionalProperties'];
    if (typeof rest === 'object' && rest !== null) {
      for (const key of Object.keys(value)) if (!(key in properties)) check(value[key], rest as Schema, [...path, key], issues, lang);
    }
  }
}
