/**
 * JSON text with object keys sorted (by UTF-16 code unit, not locale) at every depth, so equal
 * values always give equal text. `undefined` members are left out, as JSON.stringify does; every
 * own key is kept, `__proto__` included. Iterative over arrays and objects' entries by an
 * explicit stack would be overkill for the shallow documents hashed here; depth is bounded by
 * the schemas (a few levels).
 *
 * @example
 * canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }); // '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  // Most documents hashed here (a serialized graph) already have their keys in order: then the
  // native serializer gives the same text, much faster.
  if (alreadyCanonical(value)) return JSON.stringify(value);
  return slowCanonicalJson(value);
}

function slowCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof Map) return slowCanonicalJson(Object.fromEntries([...value.entries()].map(([k, v]) => [String(k), v])));
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : slowCanonicalJson(item))).join(',')}]`;
  const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const parts: string[] = [];
  for (const key of keys) {
    const member = Object.getOwnPropertyDescriptor(value, key)?.value;
    if (member === undefined) continue;
    parts.push(`${JSON.stringify(key)}:${slowCanonicalJson(member)}`);
  }
  return `{${parts.join(',')}}`;
}

/**
 * Whether JSON.stringify would write exactly the canonical text: plain objects and arrays only,
 * every object's keys already in code-unit order with no undefined member, and only strings,
 * finite numbers, booleans and null as leaves. Walked with an explicit stack (no recursion).
 */
function alreadyCanonical(root: unknown): boolean {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value === 'string' || typeof value === 'boolean') continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return false;
      continue;
    }
    if (typeof value !== 'object') return false;
    const proto = Object.getPrototypeOf(value) as unknown;
    if (Array.isArray(value)) {
      if (proto !== Array.prototype) return false;
      for (let i = 0; i < value.length; i++) {
        if (!(i in value)) return false;
        stack.push(value[i]);
      }
      continue;
    }
    if (proto !== Object.prototype && proto !== null) return false;
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      if (i > 0 && !((keys[i - 1] as string) < key)) return false;
      const member = Object.getOwnPropertyDescriptor(value, key);
      if (!member || !('value' in member) || member.value === undefined) return false;
      stack.push(member.value);
    }
  }
  return true;
}
