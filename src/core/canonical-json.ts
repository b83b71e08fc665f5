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
 * runs to gigabytes): joined, exactly {@link canonicalJson}'s. Members three levels down (a
 * graph's organizations, people and posts, inside the fingerprinted object) are one piece each.
 *
 * @example
 * for (const text of gathered(canonicalJsonPieces(value))) hash.update(text);
 */
export function canonicalJsonPieces(value: unknown): Iterable<string> {
  const ordered = inKeyOrder(value);
  if (ordered !== NOT_PLAIN) return jsonChunks(ordered, { indent: 0, depth: 3 });
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
