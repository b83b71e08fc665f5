import { formatCalendarDate } from '../core/calendar.js';
import { byCodeUnit } from '../core/order.js';
import type { EvidenceRecord, RecordInput } from '../model/record.js';

/**
 * JSON for the engine's partial states. Maps, Sets and objects are written as entry lists
 * (`{"$m": [...]}`, `{"$s": [...]}`, `{"$o": [...]}`), so that no key read back from a file is
 * ever assigned onto an object: a `__proto__` record id stays an ordinary key.
 */
export type Encoded = null | boolean | number | string | Encoded[] | { $m: [Encoded, Encoded][] } | { $s: Encoded[] } | { $o: [string, Encoded][] };

/**
 * Encodes a measure state (Maps, Sets, arrays, plain objects, primitives) as JSON-safe data.
 *
 * @example
 * encodeState(new Map([['r1', 3]])); // { $m: [['r1', 3]] }
 */
export function encodeState(value: unknown): Encoded {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return value;
  // Entries in key order, not arrival order: the same state gives the same JSON whatever order
  // its records came in (measures never depend on a Map's or a Set's order).
  if (value instanceof Map) return { $m: [...value.entries()].map(([k, v]): [Encoded, Encoded] => [encodeState(k), encodeState(v)]).sort((a, b) => compareEncoded(a[0], b[0])) };
  if (value instanceof Set) return { $s: [...value].map(encodeState).sort(compareEncoded) };
  if (Array.isArray(value)) return value.map(encodeState);
  if (typeof value === 'object') {
    return { $o: Object.keys(value).map((k) => [k, encodeState(Object.getOwnPropertyDescriptor(value, k)?.value)]) };
  }
  throw new TypeError(`zerenzhi: cannot encode a ${typeof value} in a partial state`);
}

/** A total order on encoded keys: numbers before strings (each in their own order), then anything else by its JSON. */
function compareEncoded(a: Encoded, b: Encoded): number {
  const rank = (x: Encoded): number => (typeof x === 'number' ? 0 : typeof x === 'string' ? 1 : 2);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return (a as number) - (b as number);
  return ra === 1 ? byCodeUnit(a as string, b as string) : byCodeUnit(JSON.stringify(a), JSON.stringify(b));
}

/**
 * Reads back what {@link encodeState} wrote.
 *
 * @example
 * decodeState({ $m: [['r1', 3]] }); // Map { 'r1' => 3 }
 */
export function decodeState(value: Encoded): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(decodeState);
  if ('$m' in value) return new Map(value.$m.map(([k, v]) => [decodeState(k), decodeState(v)]));
  if ('$s' in value) return new Set(value.$s.map(decodeState));
  const out: Record<string, unknown> = {};
  for (const [k, v] of value.$o) Object.defineProperty(out, k, { value: decodeState(v), enumerable: true, writable: true, configurable: true });
  return out;
}

/**
 * A validated record back in its input form (dates as text, attributes as an object with every
 * key an own property), for partial states and anything that writes records out.
 *
 * @example
 * recordToInput(record).date; // '2022-07-01'
 */
export function recordToInput(record: EvidenceRecord): RecordInput {
  const attributes: Record<string, unknown> = {};
  for (const [k, v] of record.attributes) Object.defineProperty(attributes, k, { value: Array.isArray(v) ? [...v] : v, enumerable: true, writable: true, configurable: true });
  return {
    id: record.id,
    type: record.type,
    ...(record.organization !== undefined ? { organization: record.organization } : {}),
    ...(record.person !== undefined ? { person: record.person } : {}),
    date: record.date,
    ...(record.due !== undefined ? { due: formatCalendarDate(record.due) } : {}),
    ...(record.completed !== undefined ? { completed: formatCalendarDate(record.completed) } : {}),
    status: record.status,
    ...(record.source !== undefined ? { source: record.source } : {}),
    ...(record.title !== undefined ? { title: record.title } : {}),
    ...(record.attributes.size > 0 ? { attributes: attributes as RecordInput['attributes'] } : {}),
  } as RecordInput;
}
