import { getRandomValues } from 'node:crypto';

/** Ids a chunk of the list of ids holds: 2^20, so that no list nears V8's longest (a fatal error). */
const CHUNK_BITS = 20;
const CHUNK = 1 << CHUNK_BITS;

/** Entries of a table that has seen nothing yet. */
const FIRST_CAPACITY = 1024;

/** The most ids a table holds: its hash table, at half full, is then V8's longest typed array. */
export const MAX_IDS = 2 ** 31;

/** The error a full table throws (assess.ts reports it as collection-full). */
export const IDS_FULL = 'IdSlots maximum size exceeded';

/**
 * Record ids numbered in the order they came (their slots), and each id's slot found again: what
 * a `Map<string, number>` of id to slot holds, in about two thirds of the memory at a city's size
 * and less past it. The ids are kept in lists of 2^20, and looked up in an open-addressing hash
 * table of slots (an `Int32Array`, at most half full: 8 to 16 bytes an id, where a `Map` takes 28
 * to 56). There is no limit of 2^24 ids as on one `Map`.
 *
 * Lookups probe linearly from a hash of the id's UTF-16 code units, seeded at random for each
 * table, so that ids chosen to collide in one process do not collide in another. Nothing read from
 * the table depends on the seed: ids come back in slot order.
 *
 * @example
 * const slots = new IdSlots();
 * slots.insert('r-1'); // 0
 * slots.get('r-1'); // 0
 * slots.id(0); // 'r-1'
 */
export class IdSlots {
  readonly #seed: number;
  /** Slot + 1 of the id hashed to each place, 0 for none. */
  #table = new Int32Array(FIRST_CAPACITY);
  readonly #chunks: string[][] = [[]];
  #size = 0;

  constructor() {
    this.#seed = (getRandomValues(new Uint32Array(1))[0] as number) | 0;
  }

  /** Ids held. */
  get size(): number {
    return this.#size;
  }

  /** The slot of an id, if it is held. */
  get(id: string): number | undefined {
    const table = this.#table;
    const mask = table.length - 1;
    for (let at = hashOf(id, this.#seed) & mask; ; at = (at + 1) & mask) {
      const held = table[at] as number;
      if (held === 0) return undefined;
      if (this.id(held - 1) === id) return held - 1;
    }
  }

  /** The id at a slot (below {@link size}). */
  id(slot: number): string {
    return (this.#chunks[slot >>> CHUNK_BITS] as string[])[slot & (CHUNK - 1)] as string;
  }

  /** Adds an id the caller knows is not held; returns its slot, the next one. */
  insert(id: string): number {
    const slot = this.#size;
    if (slot >= MAX_IDS) throw new RangeError(IDS_FULL);
    if ((slot + 1) * 2 > this.#table.length) this.#grow();
    place(this.#table, id, this.#seed, slot);
    let chunk = this.#chunks[this.#chunks.length - 1] as string[];
    if (chunk.length === CHUNK) this.#chunks.push((chunk = []));
    chunk.push(id);
    this.#size = slot + 1;
    return slot;
  }

  /** The ids in slot order. */
  *ids(): IterableIterator<string> {
    for (const chunk of this.#chunks) yield* chunk;
  }

  /** Empties the table (a new seed is not needed: the ids that collided are gone). */
  clear(): void {
    this.#table = new Int32Array(FIRST_CAPACITY);
    this.#chunks.length = 0;
    this.#chunks.push([]);
    this.#size = 0;
  }

  #grow(): void {
    const table = new Int32Array(this.#table.length * 2);
    let slot = 0;
    for (const chunk of this.#chunks) for (const id of chunk) place(table, id, this.#seed, slot++);
    this.#table = table;
  }
}

/** Puts a slot in the first free place from its id's hash. */
function place(table: Int32Array, id: string, seed: number, slot: number): void {
  const mask = table.length - 1;
  let at = hashOf(id, seed) & mask;
  while (table[at] !== 0) at = (at + 1) & mask;
  table[at] = slot + 1;
}

/**
 * A 32-bit hash of a text's UTF-16 code units: each one mixed in by a multiplication and a shift,
 * then MurmurHash3's finalizer, so that the low bits the table uses depend on every unit.
 */
function hashOf(text: string, seed: number): number {
  let h = seed ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 15;
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
