import { jsonChunks } from './json-chunks.js';
import { byCodeUnit } from './order.js';

/**
 * JSON text with object keys sorted (by UTF-16 code unit, not locale) at every depth, so equal
 * values always give equal text. `undefined` members are left out, as JSON.stringify does; every
 * own key is kept, `__proto__` included. Recursive: depth is bounded by the schemas of the
 * documents hashed here (a few levels).
 *
 * @example
 * canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }); // '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  // Plain JSON data (a serialized graph, a parsed rule set) is put in key order by copying only
  // the objects out of order, and then written by the native serializer: the same text as the
  // general path, several times faster on the 100,000 posts of a city's graph.
  const ordered = inKeyOrder(value);
  if (ordered !== NOT_PLAIN) return JSON.stringify(ordered);
  return slowCanonicalJson(value);
}

/**
 * The same text in pieces, for a value too big for one string (a national graph's canonical form
 * runs to gigabytes): joined, exactly {@link canonicalJson}'s. The value's members, and theirs,
 * are pieces of their own; the members of lists one level down (a graph document's
 * organizations, people and posts) come by runs of about a megabyte ({@link jsonChunks}).
 *
 * @example
 * for (const text of gathered(canonicalJsonPieces(value))) hash.update(text);
 */
export function canonicalJsonPieces(value: unknown): Iterable<string> {
  const ordered = inKeyOrder(value);
  if (ordered !== NOT_PLAIN) return jsonChunks(ordered, { indent: 0, depth: 2 });
  return [slowCanonicalJson(value)];
}

function slowCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof Map) return canonicalJson(Object.fromEntries([...value.entries()].map(([k, v]) => [String(k), v])));
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const keys = Object.keys(value).sort(byCodeUnit);
  const parts: string[] = [];
  for (const key of keys) {
    const member = Object.getOwnPropertyDescriptor(value, key)?.value;
    if (member === undefined) continue;
    parts.push(`${JSON.stringify(key)}:${canonicalJson(member)}`);
  }
  return `{${parts.join(',')}}`;
}


/** What {@link inKeyOrder} gives for a value JSON.stringify would not write as the general path does. */
const NOT_PLAIN: unique symbol = Symbol('not plain JSON data');

/**
 * The value with every object's keys in code-unit order, for JSON.stringify to write exactly the
 * canonical text: the value itself where it is in order already, else a copy of the objects out
 * of order. NOT_PLAIN where JSON.stringify would write something else than the general path: a
 * Map, a class instance, an accessor or function member, an array hole or undefined item, a
 * number that is not finite, or an object to copy whose keys a copy would not keep in the order
 * inserted (`__proto__`, array indices, which objects list first).
 */
function inKeyOrder(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : NOT_PLAIN;
  if (typeof value !== 'object') return NOT_PLAIN;
  if (FLAT_LISTS.has(value)) return value;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (Array.isArray(value)) {
    if (proto !== Array.prototype) return NOT_PLAIN;
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) return NOT_PLAIN;
      const item = inKeyOrder(value[i]);
      if (item === NOT_PLAIN) return NOT_PLAIN;
      if (item !== value[i]) (copy ??= value.slice(0, i)).push(item);
      else copy?.push(item);
    }
    return copy ?? value;
  }
  if (proto !== Object.prototype && proto !== null) return NOT_PLAIN;
  const keys = Object.keys(value);
  let sorted = true;
  let changed = false;
  const members: unknown[] = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (i > 0 && !((keys[i - 1] as string) < key)) sorted = false;
    const member = Object.getOwnPropertyDescriptor(value, key);
    if (!member || !('value' in member)) return NOT_PLAIN;
    // JSON.stringify leaves an undefined member out, as the general path does.
    const ordered = member.value === undefined ? undefined : inKeyOrder(member.value);
    if (ordered === NOT_PLAIN) return NOT_PLAIN;
    if (ordered !== member.value) changed = true;
    members.push(ordered);
  }
  if (sorted && !changed) return value;
  const order = keys.map((_, i) => i);
  if (!sorted) order.sort((a, b) => byCodeUnit(keys[a] as string, keys[b] as string));
  const copy: Record<string, unknown> = {};
  for (const i of order) {
    const key = keys[i] as string;
    if (key === '__proto__' || isArrayIndex(key)) return NOT_PLAIN;
    copy[key] = members[i];
  }
  return copy;
}

/** Whether a key is an array index, which objects enumerate before their other keys whatever the insertion order. */
function isArrayIndex(key: string): boolean {
  const first = key.charCodeAt(0);
  if (!(first >= 48 && first <= 57)) return false;
  return String(Number(key) >>> 0) === key && Number(key) !== 4294967295;
}

/** Lists made by {@link flatMembersInKeyOrder}: plain JSON data in key order already. */
const FLAT_LISTS = new WeakSet<object>();

/**
 * A list of flat records (every member a string, boolean, null or finite number, as a graph's
 * organizations, people and posts are) with each record's keys in code-unit order, marked so that
 * {@link canonicalJson} and {@link canonicalJsonPieces} write it as it is instead of checking it
 * again: the same text as the list itself would give, without a descriptor per member. A record
 * whose keys are in order already is kept, not copied; the order found for one record's keys is
 * reused for the next record with the same keys. `undefined` where a record is not flat (a nested
 * value, an accessor, a key a copy would reorder): the caller writes the list the general way.
 *
 * @example
 * flatMembersInKeyOrder([{ name: '李', id: 'p1' }]); // [{ id: 'p1', name: '李' }]
 */
export function flatMembersInKeyOrder(records: readonly object[]): readonly object[] | undefined {
  const out: object[] = new Array<object>(records.length);
  let lastKeys: string[] = [];
  let lastOrder: number[] | null = null;
  for (let r = 0; r < records.length; r++) {
    const record = records[r] as Record<string, unknown>;
    const proto = Object.getPrototypeOf(record) as unknown;
    if (proto !== Object.prototype && proto !== null) return undefined;
    const keys = Object.keys(record);
    if (!sameKeys(keys, lastKeys)) {
      const order = keyOrder(keys);
      if (order === undefined) return undefined;
      lastKeys = keys;
      lastOrder = order;
    }
    const order = lastOrder;
    for (const key of keys) {
      const member = Object.getOwnPropertyDescriptor(record, key);
      if (!member || !('value' in member) || !isFlatValue(member.value)) return undefined;
    }
    if (order === null) out[r] = record;
    else {
      const copy: Record<string, unknown> = {};
      for (const i of order) copy[keys[i] as string] = record[keys[i] as string];
      out[r] = copy;
    }
  }
  Object.freeze(out);
  FLAT_LISTS.add(out);
  return out;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The permutation putting keys in code-unit order; null when they are in order; undefined when a copy would not keep it. */
function keyOrder(keys: readonly string[]): number[] | null | undefined {
  let sorted = true;
  for (let i = 1; i < keys.length; i++) if (!((keys[i - 1] as string) < (keys[i] as string))) sorted = false;
  if (sorted) return null;
  if (keys.some((key) => key === '__proto__' || isArrayIndex(key))) return undefined;
  return keys.map((_, i) => i).sort((a, b) => byCodeUnit(keys[a] as string, keys[b] as string));
}

/** A member JSON.stringify writes as the general path does: a string, boolean, null, finite number, or undefined (left out). */
function isFlatValue(value: unknown): boolean {
  return value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}
