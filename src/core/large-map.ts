/** The most entries one `Map` or `Set` of this runtime holds: V8 refuses the 16,777,217th ("Map maximum size exceeded"). */
export const COLLECTION_LIMIT = 2 ** 24;

/** Entries per part of a {@link LargeMap}: half the runtime's limit keeps each part's rehash short. */
export const MAP_PART_CAPACITY = COLLECTION_LIMIT / 2;

/**
 * A `Map` that may grow past the runtime's limit on one `Map` (2^24 entries in V8): entries go to
 * a list of parts, a new part opening when the last one is full. A lookup tries the parts in
 * turn, so up to 8,388,608 entries it costs what one `Map` costs, and for 100 million entries
 * twelve lookups at the most. Iteration is in insertion order, as a `Map`'s.
 *
 * @example
 * const slots = new LargeMap<string, number>();
 * slots.set('r-1', 0);
 * slots.get('r-1'); // 0
 */
export class LargeMap<K, V> {
  readonly #capacity: number;
  readonly #parts: Map<K, V>[] = [new Map()];
  #size = 0;

  /** `capacity`: entries per part (tests use a small one). */
  constructor(capacity = MAP_PART_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer: ${capacity}`);
    this.#capacity = capacity;
  }

  get size(): number {
    return this.#size;
  }

  get(key: K): V | undefined {
    // A key is in one part at most, and a part that holds it with the value undefined answers as
    // a part without it does: one lookup a part, the first value found is the answer.
    const parts = this.#parts;
    for (let i = 0; i < parts.length; i++) {
      const value = (parts[i] as Map<K, V>).get(key);
      if (value !== undefined) return value;
    }
    return undefined;
  }

  has(key: K): boolean {
    return this.#parts.some((part) => part.has(key));
  }

  set(key: K, value: V): this {
    for (const part of this.#parts) {
      if (part.has(key)) {
        part.set(key, value);
        return this;
      }
    }
    return this.insert(key, value);
  }

  /** Adds a key the caller knows is not in the map: no search of the parts. */
  insert(key: K, value: V): this {
    let last = this.#parts[this.#parts.length - 1] as Map<K, V>;
    if (last.size >= this.#capacity) this.#parts.push((last = new Map()));
    last.set(key, value);
    this.#size++;
    return this;
  }

  *keys(): IterableIterator<K> {
    for (const part of this.#parts) yield* part.keys();
  }

  *entries(): IterableIterator<[K, V]> {
    for (const part of this.#parts) yield* part.entries();
  }

  clear(): void {
    this.#parts.length = 0;
    this.#parts.push(new Map());
    this.#size = 0;
  }
}
