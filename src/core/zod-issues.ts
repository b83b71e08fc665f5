import { likelyTypoOf } from './edit-distance.js';
import type { z } from 'zod';
import type { Lang } from './lang.js';
import { makeIssue, typeName, type Issue } from './issue.js';
import type { IssuePath } from './path.js';

/**
 * Per-field overrides of the issue code for an enum that failed, e.g. `kind` → `unknown-kind`,
 * so that callers branch on a code that names the domain, not zod's internals.
 */
export type EnumCodes = Readonly<Record<string, string>>;
// Keys are a field name (`kind`) or a parent and field (`trigger.type`), the latter taking precedence.

function describe(value: unknown): string {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : typeName(value);
}

function safeText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint') return `${value}n`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    // Circular structures and other values JSON cannot carry.
    return Object.prototype.toString.call(value);
  }
}

function clip(value: unknown): string {
  const text = safeText(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * The code for an enum that failed at `path`: an override for the parent and field
 * (`trigger.type`) first, then for the field alone (`type`), else `invalid-value`.
 */
function enumCode(enumCodes: EnumCodes, path: readonly (string | number)[]): string {
  const field = String(path[path.length - 1] ?? '');
  // The parent is the nearest named segment above the field: reach[1].to has parent `reach`.
  let parent = '';
  for (let i = path.length - 2; i >= 0; i--) {
    if (typeof path[i] === 'string') {
      parent = path[i] as string;
      break;
    }
  }
  const scoped = `${parent}.${field}`;
  if (Object.hasOwn(enumCodes, scoped)) return enumCodes[scoped] as string;
  if (Object.hasOwn(enumCodes, field)) return enumCodes[field] as string;
  return 'invalid-value';
}

function branchDistance(issues: readonly z.core.$ZodIssue[]): number {
  let distance = 0;
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') distance += 10 * issue.keys.length;
    else if (issue.code === 'invalid_type' && issue.input === undefined) distance += 10;
    else distance += 1;
  }
  return distance;
}

/** The required fields each object misses, by the object's path: what an unknown field beside them may be a typo of. */
function missingFields(zodIssues: readonly z.core.$ZodIssue[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const zi of zodIssues) {
    // A missing value fails each branch of a union at its root (the period's forms).
    const absentUnion = zi.code === 'invalid_union' && zi.errors.length > 0 && zi.errors.every((branch) => branch.some((e) => e.code === 'invalid_type' && e.path.length === 0 && e.input === undefined));
    const absent = absentUnion || ((zi.code === 'invalid_type' || zi.code === 'invalid_value') && zi.input === undefined && 'input' in zi);
    const last = zi.path[zi.path.length - 1];
    if (!absent || typeof last !== 'string') continue;
    const parent = JSON.stringify(zi.path.slice(0, -1).map(String));
    out.set(parent, [...(out.get(parent) ?? []), last]);
  }
  return out;
}

/**
 * Translates zod issues into catalogue issues with stable codes and localized messages.
 * Parse with `{ reportInput: true }` so the received value can be named.
 *
 * @example
 * const r = schema.safeParse(input, { reportInput: true });
 * if (!r.success) issues.push(...fromZodIssues(r.error.issues, ['graph'], 'zh'));
 */
export function fromZodIssues(
  zodIssues: readonly z.core.$ZodIssue[],
  prefix: IssuePath,
  lang: Lang,
  enumCodes: EnumCodes = {},
): Issue[] {
  const out: Issue[] = [];
  const missing = missingFields(zodIssues);
  // zod may report a failed check after a failed type at the same place (a list given for a
  // name: wrong type, then too short); the type problem says it all.
  const typeFailed = new Set(
    zodIssues.filter((zi) => zi.code === 'invalid_type').map((zi) => JSON.stringify(zi.path.map(String))),
  );
  for (const zi of zodIssues) {
    if (zi.code !== 'invalid_type' && typeFailed.has(JSON.stringify(zi.path.map(String)))) continue;
    const path: (string | number)[] = [...prefix, ...zi.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    const field = String(path[path.length - 1] ?? '');
    switch (zi.code) {
      case 'invalid_type':
        if (zi.input === undefined && 'input' in zi) out.push(makeIssue('required', path, { field }, lang));
        // zod says `int` of a number that is not whole (1.5): name the expectation, show the number.
        else if (zi.expected === 'int' && typeof zi.input === 'number') out.push(makeIssue('invalid-type', path, { expected: 'integer', received: String(zi.input) }, lang));
        else out.push(makeIssue('invalid-type', path, { expected: zi.expected, received: describe(zi.input) }, lang));
        break;
      case 'invalid_value': {
        if (zi.input === undefined) {
          out.push(makeIssue('required', path, { field }, lang));
          break;
        }
        const allowed = zi.values.map((v) => String(v)).join(', ');
        out.push(makeIssue(enumCode(enumCodes, path), path, { value: clip(zi.input), allowed }, lang));
        break;
      }
      case 'unrecognized_keys': {
        const missingHere = missing.get(JSON.stringify(zi.path.map(String))) ?? [];
        for (const key of zi.keys) {
          const suggestion = likelyTypoOf(key, missingHere);
          out.push(makeIssue('unknown-field', [...path, key], suggestion === undefined ? { field: key } : { field: key, suggestion }, lang));
        }
        break;
      }
      case 'too_small':
        if (zi.origin === 'string' && Number(zi.minimum) === 1) out.push(makeIssue('empty-string', path, { field }, lang));
        else if (zi.origin === 'array' || zi.origin === 'set') out.push(makeIssue('too-few-items', path, { minimum: String(zi.minimum) }, lang));
        else out.push(makeIssue('too-small', path, { minimum: String(zi.minimum), inclusive: zi.inclusive === false ? 0 : 1 }, lang));
        break;
      case 'too_big':
        if (zi.origin === 'array' || zi.origin === 'set') out.push(makeIssue('too-many-items', path, { maximum: String(zi.maximum) }, lang));
        else out.push(makeIssue('too-big', path, { maximum: String(zi.maximum), inclusive: zi.inclusive === false ? 0 : 1 }, lang));
        break;
      case 'invalid_format':
        out.push(makeIssue('invalid-format', path, { format: zi.format, value: clip(zi.input) }, lang));
        break;
      case 'custom': {
        const { code: customCode, ...params } = (zi.params ?? {}) as Record<string, string | number>;
        const code = typeof customCode === 'string' ? customCode : 'invalid-value';
        out.push(makeIssue(code, path, { value: clip(zi.input), ...params }, lang));
        break;
      }
      case 'invalid_union': {
        if (zi.errors.length === 0) {
          const options = (zi as { options?: unknown[] }).options;
          const discriminator = (zi as { discriminator?: unknown }).discriminator;
          const value = typeof zi.input === 'object' && zi.input !== null && typeof discriminator === 'string'
            ? (zi.input as Record<string, unknown>)[discriminator]
            : zi.input;
          if (value === undefined) {
            out.push(makeIssue('required', path, { field }, lang));
            break;
          }
          out.push(makeIssue(enumCode(enumCodes, path), path, { value: clip(value), allowed: (options ?? []).map(String).join(', ') }, lang));
          break;
        }
        // Report the branch the input came closest to: fewest problems, and missing or unknown
        // fields weigh more than a wrong value (the input was meant for the branch it nearly fits).
        const closest = [...zi.errors].sort((a, b) => branchDistance(a) - branchDistance(b))[0] ?? [];
        out.push(...fromZodIssues(closest, path, lang, enumCodes));
        break;
      }
      default:
        out.push(makeIssue('invalid-value', path, { value: clip(zi.input), allowed: zi.message }, lang));
    }
  }
  return out;
}
