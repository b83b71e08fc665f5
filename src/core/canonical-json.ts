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
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof Map) return canonicalJson(Object.fromEntries([...value.entries()].map(([k, v]) => [String(k), v])));
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const parts: string[] = [];
  for (const key of keys) {
    const member = Object.getOwnPropertyDescriptor(value, key)?.value;
    if (member === undefined) continue;
    parts.push(`${JSON.stringify(key)}:${canonicalJson(member)}`);
  }
  return `{${parts.join(',')}}`;
}
