import type { DayNumber } from '../core/calendar.js';
import { COLLECTION_LIMIT, CollectionFullError } from '../core/collection-limit.js';

/** The list of a line that has seen nothing yet (never written: the first add replaces it). */
const NO_ENTRIES: readonly (string | DayNumber)[] = Object.freeze([]);

/** Places below which a list grows by half exactly (see `add`); past it, by V8's own growth. */
const EXACT_GROWTH = 1 << 16;

/**
 * The records a line saw, each with its day: what a `Map<string, DayNumber>` holds, in one list
 * (id, day, id, day…) instead of a hash table. An entry takes two words of the list, about 20
 * bytes with its spare capacity, where a `Map`'s takes 28 to 56 (three words and a bucket, at a
 * load of one to a half); there is one entry for each record a line saw, a million at a city's
 * size.
 *
 * Records are added as they stream past, with {@link add}, and never looked up on that path. A
 * lookup ({@link get}, {@link has}, {@link set}, {@link delete}) is for merging partial states and
 * withdrawing conflicts; the first one builds an index of the line's ids, kept from then on unless
 * dropped ({@link dropIndex}).
 *
 * What `add` needs: a line without an index holds only records of the accumulation's version
 * table, and `add` is given only records new to it (a record taken, or merged from another
 * thread, that no earlier version or shard brought). A line with an index (merged from a partial
 * state written to JSON, which may name a record on a line only, or looked up) is safe either way:
 * there `add` sets the day of a record it already holds.
 *
 * The order of the entries is not kept when one is deleted (the last takes its place): nothing
 * reads it, since the same records in any order must give the same result.
 *
 * @example
 * const seen = new RecordDays();
 * seen.add('r-1', 19_000);
 * seen.get('r-1'); // 19000
 */
export class RecordDays {
  /**
   * The most records a line holds: the runtime's limit on one `Map` (which a line's records seen
   * used to be), well under V8's longest list. Tests lower it to reach it.
   */
  static limit = COLLECTION_LIMIT;

  /**
   * Each record's id then its day, in one list: one object and one spare capacity for both. The
   * list grows by half its length (V8's own growth adds 16 places to that, which for lines of a
   * few records, most of a city's, is more than the records).
   */
  #entries = NO_ENTRIES as (string | DayNumber)[];
  /** Places used in `#entries`: two an entry. */
  #used = 0;
  /** Each id's place in the list (an even index), once something was looked up. */
  #index: Map<string, number> | undefined;

  get size(): number {
    return this.#used >> 1;
  }

  /**
   * Adds a record new to the accumulation, with its day (see above for why it cannot be on the
   * line already; with an index, a record the line holds gets this day).
   */
  add(id: string, day: DayNumber): void {
    const index = this.#index;
    if (index !== undefined) {
      const held = index.get(id);
      if (held !== undefined) {
        this.#entries[held + 1] = day;
        return;
      }
    }
    let entries = this.#entries;
    const at = this.#used;
    // A list past V8's longest is a fatal error, not one to catch: refuse first, as a Map refuses
    // its 16,777,217th entry (the session reports either as collection-full), and leave the line
    // as it was.
    if (at >> 1 >= RecordDays.limit) throw new CollectionFullError('RecordDays', COLLECTION_LIMIT);
    index?.set(id, at);
    if (at === entries.length) {
      if (at < EXACT_GROWTH) {
        const grown = new Array<string | DayNumber>(Math.max(4, (at + (at >> 1) + 1) & ~1));
        for (let i = 0; i < at; i++) grown[i] = entries[i] as string | DayNumber;
        this.#entries = entries = grown;
      } else {
        // Long lists grow as V8 grows them: a list made with `new Array(n)` for n past 2^25 would
        // be a dictionary, not a list.
        entries.push(id, day);
        this.#used = at + 2;
        return;
      }
    }
    entries[at] = id;
    entries[at + 1] = day;
    this.#used = at + 2;
  }

  /** Whether the line has built its index (a lookup was made, and the index not dropped since). */
  get indexed(): boolean {
    return this.#index !== undefined;
  }

  /**
   * Lets the index go (it is built again on the next lookup). Only for a line whose records all
   * have versions in the accumulation: see above.
   */
  dropIndex(): void {
    this.#index = undefined;
  }

  get(id: string): DayNumber | undefined {
    const at = this.#at(id);
    return at === undefined ? undefined : (this.#entries[at + 1] as DayNumber);
  }

  has(id: string): boolean {
    return this.#at(id) !== undefined;
  }

  /** Sets a record's day, adding the record if the line does not hold it. */
  set(id: string, day: DayNumber): this {
    const at = this.#at(id);
    if (at === undefined) this.add(id, day);
    else this.#entries[at + 1] = day;
    return this;
  }

  /** Removes a record; the last entry takes its place. Whether it was there. */
  delete(id: string): boolean {
    const at = this.#at(id);
    if (at === undefined) return false;
    const entries = this.#entries;
    const index = this.#index as Map<string, number>;
    const last = this.#used - 2;
    index.delete(id);
    if (at !== last) {
      const moved = entries[last] as string;
      entries[at] = moved;
      entries[at + 1] = entries[last + 1] as DayNumber;
      index.set(moved, at);
    }
    // The place freed holds no id, so that the record's id can be let go.
    entries[last] = 0;
    entries[last + 1] = 0;
    this.#used = last;
    return true;
  }

  /** The id of the `i`-th entry (0 ≤ i < size): for loops on the hot path, without an iterator. */
  idAt(i: number): string {
    return this.#entries[i * 2] as string;
  }

  /** The day of the `i`-th entry (0 ≤ i < size). */
  dayAt(i: number): DayNumber {
    return this.#entries[i * 2 + 1] as DayNumber;
  }

  *keys(): IterableIterator<string> {
    const entries = this.#entries;
    for (let i = 0; i < this.#used; i += 2) yield entries[i] as string;
  }

  *values(): IterableIterator<DayNumber> {
    const entries = this.#entries;
    for (let i = 1; i < this.#used; i += 2) yield entries[i] as DayNumber;
  }

  *entries(): IterableIterator<[string, DayNumber]> {
    const entries = this.#entries;
    for (let i = 0; i < this.#used; i += 2) yield [entries[i] as string, entries[i + 1] as DayNumber];
  }

  [Symbol.iterator](): IterableIterator<[string, DayNumber]> {
    return this.entries();
  }

  #at(id: string): number | undefined {
    let index = this.#index;
    if (index === undefined) {
      const entries = this.#entries;
      index = new Map();
      for (let i = 0; i < this.#used; i += 2) index.set(entries[i] as string, i);
      this.#index = index;
    }
    return index.get(id);
  }
}
