import type { DayNumber } from '../core/calendar.js';

export class RecordDays {
  /** Each record's id then its day, in one list: one object and one spare capacity for both. */
  readonly #entries: (string | DayNumber)[] = [];
  /** Each id's place in the list (an even index), once something was looked up. */
  #index: Map<string, number> | undefined;

  get size(): number {
    return this.#entries.length >> 1;
  }

  /**
   * Adds a record the line does not hold yet, with its day. The caller knows it is new: a record
   * reaches each line once.
   */
  add(id: string, day: DayNumber): void {
    const entries = this.#entries;
    this.#index?.set(id, entries.length);
    entries.push(id, day);
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
    const day = entries.pop() as DayNumber;
    const moved = entries.pop() as string;
    index.delete(id);
    if (at !== entries.length) {
      entries[at] = moved;
      entries[at + 1] = day;
      index.set(moved, at);
    }
    return true;
  }

  *keys(): IterableIterator<string> {
    const entries = this.#entries;
    for (let i = 0; i < entries.length; i += 2) yield entries[i] as string;
  }

  *values(): IterableIterator<DayNumber> {
    const entries = this.#entries;
    for (let i = 1; i < entries.length; i += 2) yield entries[i] as DayNumber;
  }

  *entries(): IterableIterator<[string, DayNumber]> {
    const entries = this.#entries;
    for (let i = 0; i < entries.length; i += 2) yield [entries[i] as string, entries[i + 1] as DayNumber];
  }

  [Symbol.iterator](): IterableIterator<[string, DayNumber]> {
    return this.entries();
  }

  #at(id: string): number | undefined {
    let index = this.#index;
    if (index === undefined) {
      const entries = this.#entries;
      index = new Map();
      for (let i = 0; i < entries.length; i += 2) index.set(entries[i] as string, i);
      this.#index = index;
    }
    return index.get(id);
  }
}
