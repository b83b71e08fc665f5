/**
 * The state most record measures keep: one entry per record id. Removing a record is deleting
 * its entry; merging two partial states is a union where, should both hold different entries
 * under one id, the one with the smaller key wins — so the merge is associative and commutative
 * whatever order partial states arrive in.
 */
export type KeyedState<E> = Map<string, E>;

/**
 * `remove` and `merge` for a keyed state, given how to order two entries of one id.
 *
 * @example
 * const { remove, merge } = keyedStateOps<Entry>((e) => JSON.stringify(e));
 */
export function keyedStateOps<E>(entryKey: (entry: E) => string): {
  remove: (state: KeyedState<E>, recordId: string) => void;
  merge: (into: KeyedState<E>, other: KeyedState<E>) => KeyedState<E>;
} {
  return {
    remove(state, recordId) {
      state.delete(recordId);
    },
    merge(into, other) {
      for (const [id, entry] of other) {
        const mine = into.get(id);
        if (mine === undefined || entryKey(entry) < entryKey(mine)) into.set(id, entry);
      }
      return into;
    },
  };
}
