/**
 * One entry per distinct record id seen by an assessment: the SHA-256 of its canonical text,
 * where it went (so that a conflicting version can withdraw it) and which evidence counter it
 * moved. This is the structure that grows with the records, so it is kept compact: the id is the
 * only per-record string, the digest lives in a shared `Uint32Array` (eight words a slot), and
 * the lists of targets and the effects, shared between records (interned by the caller), are
 * numbered by the table, so that a slot holds two numbers in an `Int32Array` instead of two
 * references (at a city's size, 44 bytes a record against 59).
 * An id with conflicting versions keeps every digest it was seen with, as base64 strings.
 */

import { CollectionFullError } from '../core/collection-limit.js';
import { freeBuffers } from '../core/free-buffers.js';
import { IdSlots } from './id-slots.js';

/** The evidence counters a record can move (besides `received` and `duplicates`). */
export const EFFECT_COUNTERS = ['outOfPeriod', 'pending', 'rejected', 'unusedType', 'unknownSubject', 'unknownReference', 'unassignedScore', 'invalidBusinessScore'] as const;

/**
 * The counters whose effect carries a key (the record type, the subject not found, or the invalid
 * business score as written); the others carry none.
 */
export const KEYED_EFFECT_COUNTERS: ReadonlySet<string> = new Set(['unusedType', 'unknownSubject', 'unknownReference', 'invalidBusinessScore']);

/**
 * Effect counters that are no evidence statistic: the warnings read them off the versions
 * (`invalidBusinessScore`, listed by record), so `EvidenceStats` and the result keep their shape.
 *
 * @example
 * if (!UNTALLIED_EFFECT_COUNTERS.has(effect.counter)) stats[effect.counter]++;
 */
export const UNTALLIED_EFFECT_COUNTERS: ReadonlySet<string> = new Set(['invalidBusinessScore']);

/** How one record moved the evidence counters (shared: one object per counter and key). */
export type Effect = {
  readonly counter: (typeof EFFECT_COUNTERS)[number] | null;
  readonly key?: string;
};

const WORDS = 8;

/** The most record ids a table holds: eight words a digest fill V8's longest typed array (2^32). */
export const MAX_VERSIONS = 2 ** 29;

/**
 * A digest held as eight words (each the big-endian reading of four bytes), as base64.
 *
 * @example
 * digestBase64(table.words(), slot * 8);
 */
export function digestBase64(words: Uint32Array, at: number): string {
  const bytes = Buffer.alloc(32);
  for (let i = 0; i < WORDS; i++) bytes.writeUInt32BE(words[at + i] as number, i * 4);
  return bytes.toString('base64');
}

/**
 * A 32-byte digest as the eight words the version table keeps.
 *
 * @example
 * digestWords(Buffer.from(base64, 'base64'));
 */
export function digestWords(digest: Uint8Array): Uint32Array {
  const view = new DataView(digest.buffer, digest.byteOffset, digest.byteLength);
  return Uint32Array.from({ length: WORDS }, (_, i) => view.getUint32(i * 4));
}

/** The value of each base64 character (standard alphabet) by its code, -1 for any other. */
const BASE64_VALUE = new Int8Array(128).fill(-1);
for (const [i, c] of [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].entries()) BASE64_VALUE[c.charCodeAt(0)] = i;

/** The value of the base64 character at `i`, -1 when it is not one. */
function base64Value(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code < 128 ? (BASE64_VALUE[code] as number) : -1;
}

/**
 * Whether a text is a 32-byte digest as a partial state writes it: 43 characters of the base64
 * alphabet and `=`, the last of them with its two padding bits zero (one of `AEIMQUYcgkosw048`).
 * Those bits are ignored when the digest is read, so a digest with them set is the same 32 bytes
 * spelt another way; the merge compares the digests of a conflict as text, and would take the
 * second spelling for a second version. Checked by hand: it is asked once for every version.
 *
 * @example
 * isBase64Digest(createHash('sha256').update('r-1').digest('base64')); // true
 */
export function isBase64Digest(text: string): boolean {
  if (text.length !== 44 || text.charCodeAt(43) !== 61) return false;
  for (let i = 0; i < 42; i++) if (base64Value(text, i) < 0) return false;
  const last = base64Value(text, 42);
  return last >= 0 && (last & 3) === 0;
}

const decoded = new Uint8Array(32);

/** What `Buffer.from` decodes, in 32 bytes, as words. */
function bufferDigestWords(text: string, into: Uint32Array): Uint32Array {
  const bytes = Buffer.alloc(32);
  Buffer.from(text, 'base64').copy(bytes);
  into.set(digestWords(bytes));
  return into;
}

/**
 * A digest written in base64 (43 characters and `=`, as a partial state writes it) as the eight
 * words the version table keeps, written into `into`: what {@link digestWords} of
 * `Buffer.from(text, 'base64')` gives, without a buffer for each digest. Anything else is
 * decoded as `Buffer.from` decodes it, cut or filled with zeros to 32 bytes (a partial state's
 * digests are checked before they are read, so only a caller's mistake gets there).
 *
 * @example
 * base64DigestWords(digests[0], words);
 */
export function base64DigestWords(text: string, into: Uint32Array): Uint32Array {
  if (text.length !== 44 || text.charCodeAt(43) !== 61) return bufferDigestWords(text, into);
  let invalid = 0;
  let b = 0;
  // Ten groups of four characters make 30 bytes; the last three characters make two more (the
  // last one's two low bits are padding, ignored as `Buffer.from` ignores them).
  for (let i = 0; i < 44; i += 4) {
    const c0 = base64Value(text, i);
    const c1 = base64Value(text, i + 1);
    const c2 = base64Value(text, i + 2);
    const c3 = i === 40 ? 0 : base64Value(text, i + 3);
    invalid |= c0 | c1 | c2 | c3;
    const n = (c0 << 18) | (c1 << 12) | (c2 << 6) | c3;
    decoded[b++] = n >>> 16;
    decoded[b++] = n >>> 8;
    if (i !== 40) decoded[b++] = n;
  }
  if (invalid < 0) return bufferDigestWords(text, into);
  for (let i = 0; i < WORDS; i++) into[i] = ((decoded[i * 4] as number) << 24 | (decoded[i * 4 + 1] as number) << 16 | (decoded[i * 4 + 2] as number) << 8 | (decoded[i * 4 + 3] as number)) >>> 0;
  return into;
}

/** The record versions of an accumulation, keyed by record id. */
export class VersionTable<T> {
  /** The most ids a table holds ({@link MAX_VERSIONS}). Tests lower it to reach it. */
  static limit = MAX_VERSIONS;

  // Not a Map: a third of the memory, and no limit at 2^24 distinct ids (a province's year can get there).
  readonly #slots = new IdSlots();
  #digests = new Uint32Array(WORDS * 1024);
  /**
   * Where each slot's record went and which counter it moved, two numbers a slot: places in
   * `#targetLists` and `#effectList`. Records share both (one list a route and subject, one
   * effect a counter and key), so a slot holds two small numbers instead of two references.
   */
  #routes = new Int32Array(2 * 1024);
  /** The distinct target lists, `null` (a conflict's, or a merged slot's) first. */
  readonly #targetLists: (T | null)[] = [null];
  readonly #targetIndex = new Map<T, number>();
  readonly #effectList: Effect[] = [];
  readonly #effectIndex = new Map<Effect, number>();
  /** 1 for each slot merged in from a partial state: where it went is not known here. */
  #imported = new Uint8Array(1024);
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

  /** Entries id → slot, in slot order. */
  *entries(): IterableIterator<[string, number]> {
    let slot = 0;
    for (const id of this.#slots.ids()) yield [id, slot++];
  }

  /** The id at a slot. */
  id(slot: number): string {
    return this.#slots.id(slot);
  }

  /** Adds a new id with its first version's digest (32 bytes); returns its slot. */
  add(id: string, digest: Uint8Array, targets: T | null, effect: Effect): number {
    const slot = this.#open(id, targets, effect, false);
    const view = new DataView(digest.buffer, digest.byteOffset, digest.byteLength);
    for (let i = 0; i < WORDS; i++) this.#digests[slot * WORDS + i] = view.getUint32(i * 4);
    return slot;
  }

  /**
   * Adds a new id merged in from another shard, its digest given as the eight words at `at` in
   * `words` (the layout of {@link words}); its routes are not known here. Returns its slot.
   */
  addImported(id: string, words: Uint32Array, at: number, effect: Effect): number {
    const slot = this.#open(id, null, effect, true);
    this.#digests.set(words.subarray(at, at + WORDS), slot * WORDS);
    return slot;
  }

  #open(id: string, targets: T | null, effect: Effect, imported: boolean): number {
    const slot = this.#slots.size;
    if (slot >= VersionTable.limit) throw new CollectionFullError('VersionTable', MAX_VERSIONS);
    if (slot === this.#imported.length) {
      const grown = new Uint32Array(this.#digests.length * 2);
      grown.set(this.#digests);
      const routes = new Int32Array(this.#routes.length * 2);
      routes.set(this.#routes);
      const flags = new Uint8Array(this.#imported.length * 2);
      flags.set(this.#imported);
      // The old arrays' memory is given back now, not at the next major collection.
      freeBuffers([this.#digests, this.#routes, this.#imported]);
      this.#digests = grown;
      this.#routes = routes;
      this.#imported = flags;
    }
    this.#slots.insert(id);
    this.setTargets(slot, targets);
    this.setEffect(slot, effect);
    this.#imported[slot] = imported ? 1 : 0;
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
    return digestBase64(this.#digests, slot * WORDS);
  }

  /** Every slot's first digest, eight words a slot (each word the digest's four bytes read big-endian), in a copy. */
  words(): Uint32Array {
    return this.#digests.slice(0, this.size * WORDS);
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
    if (all.size > 1) this.setTargets(slot, null);
    else this.#conflicts.delete(slot);
  }

  /** Where the slot's record went: null for a conflict. */
  targets(slot: number): T | null {
    return this.#targetLists[this.#routes[slot * 2] as number] as T | null;
  }

  effect(slot: number): Effect {
    return this.#effectList[this.#routes[slot * 2 + 1] as number] as Effect;
  }

  setEffect(slot: number, effect: Effect): void {
    let at = this.#effectIndex.get(effect);
    if (at === undefined) {
      at = this.#effectList.push(effect) - 1;
      this.#effectIndex.set(effect, at);
    }
    this.#routes[slot * 2 + 1] = at;
  }

  setTargets(slot: number, targets: T | null): void {
    let at = targets === null ? 0 : this.#targetIndex.get(targets);
    if (at === undefined) {
      at = this.#targetLists.push(targets) - 1;
      this.#targetIndex.set(targets as T, at);
    }
    this.#routes[slot * 2] = at;
  }

  imported(slot: number): boolean {
    return this.#imported[slot] === 1;
  }

  /** Empties the table. */
  clear(): void {
    // Given back now: the last finish clears the table before the evaluation, which may run no
    // major collection to free it.
    freeBuffers([this.#digests, this.#routes, this.#imported]);
    this.#slots.clear();
    this.#targetLists.length = 1;
    this.#targetIndex.clear();
    this.#effectList.length = 0;
    this.#effectIndex.clear();
    this.#conflicts.clear();
    this.#digests = new Uint32Array(WORDS * 1024);
    this.#routes = new Int32Array(2 * 1024);
    this.#imported = new Uint8Array(1024);
  }
}
