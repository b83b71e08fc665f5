// JSON text in pieces, for results too big for one string.
import { z } from 'zod';
import { makeIssue, type Issue } from './issue.js';
import type { Lang } from './lang.js';
import { checkOptions, LangOptionSchema } from './options.js';
import { ValidationError } from './validation-error.js';

/**
 * Options for {@link jsonChunks}, checked when it is called ({@link JsonChunkOptionsSchema}): a
 * `ValidationError` (subject `options`) lists every problem — options that are not an object
 * (`null`, a text), a name not below (`indnt`: `unknown-field`), a `lang` other than `zh` or `en`, an `indent` that is not a whole
 * number from 0 to 10 or a `depth` that is not a whole number of at least 0 (`NaN`, `1.5`, `'\t'`:
 * `invalid-type`; `-1`: `too-small`; an indent of `11`: `too-big`), rather than a default
 * silently taken in its place.
 */
export interface JsonChunkOptions {
  /** Spaces per level, as `JSON.stringify`'s third argument: a whole number from 0 to 10. Default 2. */
  readonly indent?: number;
  /**
   * How many levels of arrays and objects are written member by member; the members below are
   * written whole, a list's by runs of about a megabyte of text (one `JSON.stringify` a run), an
   * object's one a piece. Default 2: the result object and its lists, whose subjects, findings and
   * pressure rows come by runs. A run holds at most 4,096 members, sized at the last run's
   * average length of a member: pieces stay near a megabyte when the members are alike, and a
   * member longer than that is a piece alone. A whole number of at least 0, or `Infinity` for
   * every level.
   */
  readonly depth?: number;
  /** Language of the problems of a value JSON cannot write. Default `zh`. */
  readonly lang?: Lang;
}

/**
 * {@link JsonChunkOptions}, no other name.
 *
 * @example
 * checkOptions(JsonChunkOptionsSchema, { indent: 0 }); // 'zh'
 */
export const JsonChunkOptionsSchema = z.strictObject({
  indent: z.int().min(0).max(10).optional(),
  // Infinity: every level member by member (as before the options were checked).
  depth: z.union([z.int().min(0), z.literal(Number.POSITIVE_INFINITY)]).optional(),
  lang: LangOptionSchema.optional(),
});

type Json = null | boolean | number | string | readonly unknown[] | { readonly [key: string]: unknown };

// Whether JSON.stringify would call a toJSON method of the value itself (with its key): any
// object, a function included, or a BigInt whose prototype was given one.
const hasToJson = (v: unknown): boolean =>
  v !== null && (typeof v === 'object' || typeof v === 'function' || typeof v === 'bigint') && typeof (v as { toJSON?: unknown }).toJSON === 'function';

/**
 * An array of this module's own (a wrapper, a run) that JSON.stringify writes as a list even if
 * Array.prototype was given a toJSON: an own toJSON that is not a function hides it.
 */
function bare<T>(items: T[]): T[] {
  Object.defineProperty(items, 'toJSON', { value: undefined });
  return items;
}

// What JSON.stringify does to a member before writing it: toJSON, then boxed primitives unboxed.
// It calls toJSON once: a value toJSON gives that has a toJSON of its own is written as it is,
// so that is what comes back here, as a copy without that method, for a later JSON.stringify.
function prepared(value: unknown, key: string): unknown {
  let v = value;
  const called = hasToJson(v);
  if (called) v = (v as { toJSON(key: string): unknown }).toJSON(key);
  if (v instanceof Number || v instanceof String || v instanceof Boolean) return v.valueOf();
  // A function stays one (JSON leaves it out), whatever it has.
  if (!called || !hasToJson(v) || typeof v === 'function') return v;
  if (typeof v === 'bigint') throw new TypeError('Do not know how to serialize a BigInt');
  if (Array.isArray(v)) return bare(Array.from(v as unknown[]));
  const plain = Object.assign(Object.create(null), v) as Record<string, unknown>;
  delete plain['toJSON'];
  return plain;
}

// A member JSON leaves out of an object (and writes as null in an array).
const skipped = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** The length of text a run of members aims at. */
const RUN_CHARS = 1 << 20;

/** The most members one run holds, whatever their length. */
const RUN_MEMBERS = 4096;

/**
 * The text of `value` written `level` levels down: JSON.stringify of the value inside `level`
 * arrays, which indents it as the whole text would, less those arrays' brackets. Cheaper than
 * indenting the value's own text again, line by line.
 */
function nested(value: unknown, pad: string, level: number): string {
  if (level === 0 || pad === '') return JSON.stringify(value, null, pad) as string;
  let wrapped: unknown = value;
  for (let i = 0; i < level; i++) wrapped = bare([wrapped]);
  const text = JSON.stringify(wrapped, null, pad) as string;
  // Each array around opens with '[', a line break and its indent, and closes with a line break, the indent of its level and ']'.
  const open = 2 * level + (pad.length * level * (level + 1)) / 2;
  const close = 2 * level + (pad.length * level * (level - 1)) / 2;
  return text.slice(open, text.length - close);
}

/**
 * The members of a non-empty array `level` levels down, each whole, by runs: one JSON.stringify
 * of a run of members, inside `level` arrays, costs about what one of a single member does. A
 * run starts at one member, is at most twice as long as the one before and at most
 * {@link RUN_MEMBERS}, and holds about {@link RUN_CHARS} of text at the last run's average length
 * of a member. A run that turns out longer than a string can be (members much longer than the
 * ones before) is tried again at half its length, down to one member. A member with a toJSON
 * method is written alone, as JSON.stringify gives it its own index as key. The list's closing
 * is the caller's.
 */
function* inRuns(items: readonly unknown[], pad: string, level: number, depth: number, inner: string, close: string): Generator<string> {
  let run = 1;
  for (let start = 0; start < items.length; ) {
    if (hasToJson(items[start])) {
      yield* member(items, start++, inner, pad, level, depth);
      continue;
    }
    let end = start + 1;
    while (end < items.length && end - start < run && !hasToJson(items[end])) end++;
    let text: string;
    try {
      // The run as a list of its own at this level, less its '[' and its closing.
      text = nested(bare(items.slice(start, end)), pad, level);
    } catch (error) {
      if (!(error instanceof RangeError) || end - start === 1) throw error;
      run = Math.ceil((end - start) / 2);
      continue;
    }
    yield `${start === 0 ? '[' : ','}${text.slice(1, text.length - close.length - 1)}`;
    run = Math.max(1, Math.min(2 * run, RUN_MEMBERS, Math.floor((RUN_CHARS * (end - start)) / text.length)));
    start = end;
  }
}

/** The `i`th member of a list `level` levels down, after its '[' or ',' and `inner` (line break and indent). */
function* member(items: readonly unknown[], i: number, inner: string, pad: string, level: number, depth: number): Generator<string> {
  const v = prepared(items[i], String(i));
  yield `${i === 0 ? '[' : ','}${inner}`;
  if (skipped(v)) yield 'null';
  else yield* write(v as Json, pad, level + 1, depth);
}

function* write(value: Json, pad: string, level: number, depth: number): Generator<string> {
  if (value === null || typeof value !== 'object' || level >= depth) {
    yield nested(value, pad, level);
    return;
  }
  const inner = pad === '' ? '' : `\n${pad.repeat(level + 1)}`;
  const close = pad === '' ? '' : `\n${pad.repeat(level)}`;
  const colon = pad === '' ? ':' : ': ';
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    if (level + 1 >= depth) yield* inRuns(value, pad, level, depth, inner, close);
    else for (let i = 0; i < value.length; i++) yield* member(value, i, inner, pad, level, depth);
    yield `${close}]`;
    return;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const v = prepared((value as Record<string, unknown>)[key], key);
    if (skipped(v)) continue;
    yield `${first ? '{' : ','}${inner}${JSON.stringify(key)}${colon}`;
    first = false;
    yield* write(v as Json, pad, level + 1, depth);
  }
  yield first ? '{}' : `${close}}`;
}

/**
 * The JSON text of a value in pieces, so that a result too big for one string can still be
 * written: a province's result runs past the longest string V8 can make (about 537 million
 * characters), where
 * `JSON.stringify` throws `RangeError: Invalid string length`. Joined, the pieces are exactly
 * `JSON.stringify(value, null, indent)`; nothing is yielded for a value JSON leaves out
 * (`undefined`, a function, a symbol). A value JSON cannot write is a `ValidationError` (subject
 * `options`, in the options' language, thrown while the pieces are taken) listing each problem
 * at its path from `value`: a BigInt (`invalid-type`), a cycle (`json-cycle`), nesting deeper
 * than JSON.stringify can go (`json-too-deep`), where `JSON.stringify` throws a `TypeError` or a
 * `RangeError` that says not where. The options are checked when it is called: a
 * `ValidationError` for those {@link JsonChunkOptions} refuses.
 *
 * @example
 * for (const piece of jsonChunks(result)) stream.write(piece);
 * [...jsonChunks({ a: [1, 2] })].join('') === JSON.stringify({ a: [1, 2] }, null, 2); // true
 */
export function jsonChunks(value: unknown, options: JsonChunkOptions = {}): Generator<string> {
  const lang = checkOptions(JsonChunkOptionsSchema, options);
  return pieces(value, options.indent ?? 2, options.depth ?? 2, lang);
}

function* pieces(value: unknown, indent: number, depth: number, lang: Lang): Generator<string> {
  try {
    const v = prepared(value, '');
    if (skipped(v)) return;
    yield* write(v as Json, ' '.repeat(indent), 0, depth);
  } catch (error) {
    // JSON.stringify's own errors name no place (a cycle, a BigInt) or are the stack's (a value
    // nested too deep): the value is gone through again, with a stack of its own, to say where.
    if (!(error instanceof TypeError || error instanceof RangeError)) throw error;
    const issues = jsonValueIssues(value, lang);
    if (issues === undefined || issues.length === 0) throw error;
    throw new ValidationError('options', issues, lang);
  }
}

/** Below this many levels a value is not said to be nested too deep (JSON.stringify writes far deeper). */
const DEPTH_SHOWN = 100;

/** At most this many problems are listed. */
const JSON_ISSUES_SHOWN = 100;

type Visit = { readonly value: unknown; readonly key: string | number; readonly parent: Visit | undefined; readonly depth: number };

function pathOf(visit: Visit): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at: Visit | undefined = visit; at?.parent !== undefined; at = at.parent) path.push(at.key);
  return ['value', ...path.reverse()];
}

/**
 * Why a value cannot be written as JSON, each at its path from `value` (`['value', 'n']`): a
 * BigInt (`invalid-type`), an object inside itself (`json-cycle`), nesting deeper than
 * JSON.stringify can go (`json-too-deep`, at the member {@link DEPTH_SHOWN} levels down on the
 * way to the deepest, with the depth). Gone through with a stack of its own (no recursion), as
 * JSON.stringify would (toJSON, boxed primitives, members it leaves out); undefined when a
 * toJSON fails on its own.
 */
function jsonValueIssues(root: unknown, lang: Lang): Issue[] | undefined {
  const issues: Issue[] = [];
  const add = (code: string, visit: Visit, params: Record<string, string | number>): void => {
    if (issues.length < JSON_ISSUES_SHOWN) issues.push(makeIssue(code, pathOf(visit), params, lang));
  };
  // The objects on the way down to the one looked at: met again below itself, one is a cycle.
  const ancestors = new Set<object>();
  const stack: (Visit | { readonly leave: object })[] = [{ value: root, key: '', parent: undefined, depth: 0 }];
  let deepest: Visit | undefined;
  let shown: Visit | undefined;
  while (stack.length > 0 && issues.length < JSON_ISSUES_SHOWN) {
    const top = stack.pop() as Visit | { readonly leave: object };
    if ('leave' in top) {
      ancestors.delete(top.leave);
      continue;
    }
    let v: unknown;
    try {
      v = prepared(top.value, String(top.key));
    } catch (error) {
      // A toJSON giving a BigInt that has a toJSON of its own: JSON.stringify calls only one.
      if (error instanceof TypeError && /BigInt/.test(error.message)) {
        add('invalid-type', top, { expected: 'JSON', received: 'bigint' });
        continue;
      }
      return undefined;
    }
    if (typeof v === 'bigint') {
      add('invalid-type', top, { expected: 'JSON', received: 'bigint' });
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (ancestors.has(v)) {
      add('json-cycle', top, {});
      continue;
    }
    if (deepest === undefined || top.depth > deepest.depth) deepest = top;
    if (shown === undefined && top.depth === DEPTH_SHOWN - 1) shown = top;
    ancestors.add(v);
    stack.push({ leave: v });
    const members: [string | number, unknown][] = Array.isArray(v) ? v.map((m, i) => [i, m]) : Object.keys(v).map((k) => [k, (v as Record<string, unknown>)[k]]);
    for (let i = members.length - 1; i >= 0; i--) {
      const [key, member] = members[i] as [string | number, unknown];
      if (!skipped(member)) stack.push({ value: member, key, parent: top, depth: top.depth + 1 });
    }
  }
  if (shown !== undefined && deepest !== undefined) issues.push(makeIssue('json-too-deep', pathOf(shown), { depth: deepest.depth + 1, limit: DEPTH_SHOWN }, lang));
  return issues;
}

/**
 * Pieces of text gathered into strings of about `size` characters (default a megabyte): few
 * writes or hash updates, and never one string longer than `size` plus its last piece.
 *
 * @example
 * for (const text of gathered(jsonChunks(result))) stream.write(text);
 */
export function* gathered(pieces: Iterable<string>, size = 1 << 20): Generator<string> {
  let parts: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    parts.push(piece);
    length += piece.length;
    if (length >= size) {
      yield parts.join('');
      parts = [];
      length = 0;
    }
  }
  if (parts.length > 0) yield parts.join('');
}
