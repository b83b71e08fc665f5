/**
 * What the engine gathers for one subject and one indicator while records stream past. Every
 * collection is keyed by record id, so a record can be withdrawn (conflicting versions) and two
 * partial states merge by union.
 */
export interface LineState {
  /** The measure module's own state (record measures only). */
  measure: unknown;
  /** Records that counted towards the measure. */
  readonly counted: Set<string>;
  /** Records of the measure's types for this subject in the period, whatever their status. */
  readonly seen: Set<string>;
  readonly pending: Set<string>;
  readonly rejected: Set<string>;
  /** Approved records left out for lacking the supporting material the rule requires. */
  readonly unsupported: Set<string>;
  /** Bonus points by record id. */
  readonly bonus: Map<string, number>;
  /** Records that fire the veto. */
  readonly veto: Set<string>;
}

/**
 * A fresh line state.
 *
 * @example
 * const line = emptyLineState(undefined);
 */
export function emptyLineState(measure: unknown): LineState {
  return {
    measure,
    counted: new Set(),
    seen: new Set(),
    pending: new Set(),
    rejected: new Set(),
    unsupported: new Set(),
    bonus: new Map(),
    veto: new Set(),
  };
}

/** Removes every trace of a record from a line (the measure state is handled by its module). */
export function forgetRecord(line: LineState, recordId: string): void {
  line.counted.delete(recordId);
  line.seen.delete(recordId);
  line.pending.delete(recordId);
  line.rejected.delete(recordId);
  line.unsupported.delete(recordId);
  line.bonus.delete(recordId);
  line.veto.delete(recordId);
}
