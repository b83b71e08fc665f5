/**
 * One entry per distinct record id seen by an assessment: the SHA-256 of its canonical text,
 * where it went (so that a conflicting version can withdraw it) and which evidence counter it
 * moved. This is the structure that grows with the records, so it is kept compact: the id is the
 * only per-record string, the digest lives in a shared `Uint32Array` (eight words a slot), and
 * the lists of targets and the effects are shared between records (interned by the caller).
 * An id with conflicting versions keeps every digest it was seen with, as base64 strings.
 */

import { LargeMap } from '../core/large-map.js';

/** The evidence counters a record can move (besides `received` and `duplicates`). */
export const EFFECT_COUNTERS = ['outOfPeriod', 'pending', 'rejected', 'unusedType', 'unknownSubject', 'unknownReference', 'unassignedScore'] as const;

/** The counters whose effect carries a key (the record type, or the subject not found); the others carry none. */
export const KEYED_EFFECT_COUNTERS: ReadonlySet<string> = new Set(['unusedType', 'unknownSubject', 'unknownReference']);

/** How one record moved the evidence counters (shared: one object per counter and key). */
export type Effect = {
  readonly counter: (typeof EFFECT_COUNTERS)[number] | null;
  readonly key?: string;
};

const WORDS = 8;

/** The record versions of an accumulation, keyed by record id. */
export class VersionTable<T> {
  // Past 2^24 distinct ids a single Map is refused by the runtime: a province's year can get there.
  readonly #slots = new LargeMap<string, number>();
  #digests = new Uint32Array(WORDS * 1024);
  readonly #targets: (T | null)[] = [];
  readonly #effects: Effect[] = [];
  /** Slots merged in from a partial state: where they went is not known here. */
  readonly #imported = new Set<number>();
  /** Every digest (base64) of the ids with conflicting versions. */
  readonly #conflicts = new Map<number, Set<string>>();

  /** Distinct record ids. */
  get size(): number {
    return this.#slots.size;
  }

  /** The slot of a record id, if it was seen. */
  slot(id: string): number | undefined {
    return this.#slots.get(id);
  }

  /** The ids, in no particular order. */
  ids(): IterableIterator<string> {
    return this.#slots.keys();
  }

  /** Entries id → slot, in no particular order. */
  entries(): IterableIterator<[string, number]> {
    return this.#slots.entries();
  }

  /** Adds a new id with its first version's digest (32 bytes); returns its slot. */
  add(id: string, digest: Uint8Array, targets: T | null, effect: Effect, imported = false): number {
    const slot = this.#targets.length;
    if ((slot + 1) * WORDS > this.#digests.length) {
      const grown = new Uint32Array(this.#digests.length * 2);
      grown.set(this.#digests);
      this.#digests = grown;
    }
    const view = new DataView(digest.buffer, digest.byteOffset, digest.byteLength);
    for (let i = 0; i < WORDS; i++) this.#digests[slot * WORDS + i] = view.getUint32(i * 4);
    this.#slots.insert(id, slot);
    this.#targets.push(targets);
    this.#effects.push(effect);
    if (imported) this.#imported.add(slot);
    return slot;
  }

  /** Whether a slot's first digest equals these 32 bytes. */
  sameDigest(slot: number, digest: Uint8Array): boolean {
    const view = new DataView(digest.buffer, digest.byteOffset, digest.byteLength);
    for (let i = 0; i < WORDS; i++) if (this.#digests[slot * WORDS + i] !== view.getUint32(i * 4)) return false;
    return true;
  }

  /** The slot's first digest as base64 (the partial-state form). */
  digest(slot: number): string {
    const bytes = Buffer.alloc(32);
    for (let i = 0; i < WORDS; i++) bytes.writeUInt32BE(this.#digests[slot * WORDS + i] as number, i * 4);
    return bytes.toString('base64');
  }

  /** Every digest of a slot (base64): one, or all of a conflict's. */
  digests(slot: number): ReadonlySet<string> {
    return this.#conflicts.get(slot) ?? new Set([this.digest(slot)]);
  }

  /** How many distinct versions the id was seen with. */
  versionCount(slot: number): number {
    return this.#conflicts.get(slot)?.size ?? 1;
  }

  /** Folds the slot's first digest into an order-free XOR accumulator of eight words. */
  xorFirstInto(slot: number, into: Uint32Array): void {
    for (let i = 0; i < WORDS; i++) into[i] = ((into[i] as number) ^ (this.#digests[slot * WORDS + i] as number)) >>> 0;
  }

  /** Whether the id has conflicting versions. */
  conflicted(slot: number): boolean {
    return this.#conflicts.has(slot);
  }

  /**
   * Marks a slot as a conflict with these digests (base64) added to what it had; its targets are
   * dropped (the caller withdraws them first).
   */
  addConflict(slot: number, digests: Iterable<string>): void {
    let all = this.#conflicts.get(slot);
    if (!all) this.#conflicts.set(slot, (all = new Set([this.digest(slot)])));
    for (const d of digests) all.add(d);
    if (all.size > 1) this.#targets[slot] = null;
    else this.#conflicts.delete(slot);
  }

  /** Where the slot's record went: null for a conflict. */
  targets(slot: number): T | null {
    return this.#targets[slot] as T | null;
  }

  effect(slot: number): Effect {
    return this.#effects[slot] as Effect;
  }

  setEffect(slot: number, effect: Effect): void {
    this.#effects[slot] = effect;
  }

  setTargets(slot: number, targets: T): void {
    this.#targets[slot] = targets;
  }

  imported(slot: number): boolean {
    return this.#imported.has(slot);
  }

  /** Empties the table. */
  clear(): void {
    this.#slots.clear();
    this.#targets.length = 0;
    this.#effects.length = 0;
    this.#imported.clear();
    this.#conflicts.clear();
    this.#digests = new Uint32Array(WORDS * 1024);
  }
}
