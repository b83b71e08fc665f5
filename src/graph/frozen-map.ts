/** `Map`'s own `set`, which {@link FrozenMap} overrides: how it fills itself while it is built. */
const mapSet = Map.prototype.set;

/**
 * A Map that refuses changes once built, so a parsed graph handed to many callers cannot be
 * altered by one of them (TypeScript's ReadonlyMap only guards typed callers).
 */
export class FrozenMap<K, V> extends Map<K, V> {
  // Set once construction is over. A plain property, not a private field: `Map`'s constructor
  // would call `set` before a private field exists (it is given no entries here, but a subclass
  // of this one could pass some).
  declare private sealed: boolean | undefined;

  constructor(entries?: Iterable<readonly [K, V]>) {
    super();
    // Filled through Map's own `set`, not the override: a graph of a province fills maps of a
    // million entries, and `new Map(entries)` on a subclass calls the override once for each.
    if (entries) for (const [key, value] of entries) mapSet.call(this, key, value);
    this.sealed = true;
  }

  override set(key: K, value: V): this {
    if (this.sealed) throw new TypeError('zerenzhi: this map is read-only');
    return super.set(key, value);
  }

  override delete(): boolean {
    throw new TypeError('zerenzhi: this map is read-only');
  }

  override clear(): void {
    throw new TypeError('zerenzhi: this map is read-only');
  }
}

/** Freezes a map of arrays into a read-only map of frozen arrays, in the same order. */
export function freezeGroups<K, V>(groups: Map<K, V[]>): ReadonlyMap<K, readonly V[]> {
  const out = new FrozenMap<K, readonly V[]>();
  for (const [key, values] of groups) mapSet.call(out, key, Object.freeze(values));
  return out;
}

/** Appends `value` to the array under `key`, creating it on first use. */
export function pushGroup<K, V>(groups: Map<K, V[]>, key: K, value: V): void {
  const list = groups.get(key);
  if (list) list.push(value);
  else groups.set(key, [value]);
}
