// JSON text in pieces, for results too big for one string.

/** Options for {@link jsonChunks}. */
export interface JsonChunkOptions {
  /** Spaces per level, as `JSON.stringify`'s third argument (0–10). Default 2. */
  readonly indent?: number;
  /**
   * How many levels of arrays and objects are written one member per piece; members below are
   * one `JSON.stringify` each. Default 2: the result object and its lists (one subject, finding
   * or pressure row per piece).
   */
  readonly depth?: number;
}

type Json = null | boolean | number | string | readonly unknown[] | { readonly [key: string]: unknown };

// What JSON.stringify does to a member before writing it: toJSON, then boxed primitives unboxed.
function prepared(value: unknown, key: string): unknown {
  let v = value;
  if (v !== null && (typeof v === 'object' || typeof v === 'bigint') && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    v = (v as { toJSON(key: string): unknown }).toJSON(key);
  }
  if (v instanceof Number || v instanceof String || v instanceof Boolean) v = v.valueOf();
  return v;
}

// A member JSON leaves out of an object (and writes as null in an array).
const skipped = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

function* write(value: Json, pad: string, level: number, depth: number): Generator<string> {
  if (value === null || typeof value !== 'object' || level >= depth) {
    // Strings never hold a raw line break in JSON, so every line break is the layout's: indent it.
    const text = JSON.stringify(value, null, pad) as string;
    yield level === 0 || pad === '' ? text : text.replace(/\n/g, `\n${pad.repeat(level)}`);
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
    for (let i = 0; i < value.length; i++) {
      const v = prepared(value[i], String(i));
      yield `${i === 0 ? '[' : ','}${inner}`;
      if (skipped(v)) yield 'null';
      else yield* write(v as Json, pad, level + 1, depth);
    }
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
 * (`undefined`, a function, a symbol). Like `JSON.stringify`, it throws a `TypeError` on a cycle
 * or a BigInt.
 *
 * @example
 * for (const piece of jsonChunks(result)) stream.write(piece);
 * [...jsonChunks({ a: [1, 2] })].join('') === JSON.stringify({ a: [1, 2] }, null, 2); // true
 */
export function* jsonChunks(value: unknown, options: JsonChunkOptions = {}): Generator<string> {
  const indent = Math.min(10, Math.max(0, Math.floor(options.indent ?? 2)));
  const v = prepared(value, '');
  if (skipped(v)) return;
  yield* write(v as Json, ' '.repeat(indent), 0, options.depth ?? 2);
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
