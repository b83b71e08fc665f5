import { getRandomValues } from 'node:crypto';
import { CollectionFullError } from '../core/collection-limit.js';
import { freeBuffers } from '../core/free-buffers.js';

/** Ids a chunk of the list of ids holds: 2^20, so that no list nears V8's longest (a fatal error). */
const CHUNK_BITS = 20;
const CHUNK = 1 << CHUNK_BITS;

/** Entries of a table that has seen nothing yet. */
const FIRST_CAPACITY = 1024;

/**
 * The most ids a table holds: its hash table, at half full, then has 2^31 places, the most whose
 * positions a 32-bit mask can reach without a sign.
 */
export const MAX_IDS = 2 ** 30;

/**
 * Record ids numbered in the order they came (their slots), and each id's slot found again: what
 * a `Map<string, number>` of id to slot holds, in about three quarters of the memory at a city's
 * size and half past it. The ids are kept in lists of 2^20 with each one's hash (4 bytes), and
 * looked up in an open-addressing hash table of slots (an `Int32Array`, at most half full: 8 to
 * 16 bytes an id, where a `Map` takes 28 to 56). There is no limit of 2^24 ids as on one `Map`.
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
  /** Each slot's hash: compared before its id, and read when the table grows (no id touched). */
  #hashes = new Int32Array(FIRST_CAPACITY / 2);
  #size = 0;
  /** The id a lookup last missed, and the free place it ended on: where inserting it goes. */
  #missed: string | undefined;
  #missedAt = 0;
  #missedHash = 0;

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
    const hashes = this.#hashes;
    const mask = table.length - 1;
    const hash = hashOf(id, this.#seed);
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const held = table[at] as number;
      if (held === 0) {
        this.#missed = id;
        this.#missedAt = at;
        this.#missedHash = hash;
        return undefined;
      }
      if (hashes[held - 1] === hash && this.id(held - 1) === id) return held - 1;
    }
  }

  /** The id at a slot (below {@link size}). */
  id(slot: number): string {
    return (this.#chunks[slot >>> CHUNK_BITS] as string[])[slot & (CHUNK - 1)] as string;
  }

  /** Adds an id the caller knows is not held; returns its slot, the next one. */
  insert(id: string): number {
    const slot = this.#size;
    if (slot >= MAX_IDS) throw new CollectionFullError('IdSlots', MAX_IDS);
    if ((slot + 1) * 2 > this.#table.length) this.#grow();
    // A record new to the table was looked up just before (ingest asks, then adds): its place
    // and hash are known. Every insert, growth and clear forgets the miss, so that place is free.
    let hash: number;
    if (this.#missed === id) {
      hash = this.#missedHash;
      this.#table[this.#missedAt] = slot + 1;
    } else place(this.#table, (hash = hashOf(id, this.#seed)), slot);
    this.#missed = undefined;
    this.#hashes[slot] = hash;
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
    // Given back now: a session clears its table when it finishes for the last time, and the
    // evaluation that follows may run no major collection to free it.
    freeBuffers([this.#table, this.#hashes]);
    this.#missed = undefined;
    this.#table = new Int32Array(FIRST_CAPACITY);
    this.#hashes = new Int32Array(FIRST_CAPACITY / 2);
    this.#chunks.length = 0;
    this.#chunks.push([]);
    this.#size = 0;
  }

  #grow(): void {
    this.#missed = undefined;
    const table = new Int32Array(this.#table.length * 2);
    const hashes = new Int32Array(table.length / 2);
    hashes.set(this.#hashes);
    for (let slot = 0; slot < this.#size; slot++) place(table, hashes[slot] as number, slot);
    freeBuffers([this.#table, this.#hashes]);
    this.#table = table;
    this.#hashes = hashes;
  }
}

/** Puts a slot in the first free place from its id's hash. */
function place(table: Int32Array, hash: number, slot: number): void {
  const mask = table.length - 1;
  let at = hash & mask;
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
