/**
 * A Map that refuses changes once built, so a parsed graph handed to many callers cannot be
 * altered by one of them (TypeScript's ReadonlyMap only guards typed callers).
 */
export class FrozenMap<K, V> extends Map<K, V> {
  // Set once construction is over; `Map`'s constructor fills the map through `set` before that.
  declare private sealed: boolean | undefined;

  constructor(entries?: Iterable<readonly [K, V]>) {
    super(entries);
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

/** Freezes a map of arrays into a read-only map of frozen arrays. */
export function freezeGroups<K, V>(groups: Map<K, V[]>): ReadonlyMap<K, readonly V[]> {
  const out: [K, readonly V[]][] = [];
  for (const [key, values] of groups) out.push([key, Object.freeze(values)]);
  return new FrozenMap(out);
}

/** Appends `value` to the array under `key`, creating it on first use. */
export function pushGroup<K, V>(groups: Map<K, V[]>, key: K, value: V): void {
  const list = groups.get(key);
  if (list) list.push(value);
  else groups.set(key, [value]);
}
