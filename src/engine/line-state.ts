import type { DayNumber } from '../core/calendar.js';
import { RecordDays } from './record-days.js';

/**
 * What the engine gathers for one subject and one indicator while records stream past. Every
 * collection is keyed by record id, so a record can be withdrawn (conflicting versions) and two
 * partial states merge by union.
 *
 * Most lines never see a pending, rejected, unsupported, refused, bonus or veto record, so those
 * collections start as one shared empty instance and get their own on the first write
 * ({@link addId}, {@link setBonus}); never write to them directly. The records that counted are
 * not kept separately: they are the records seen less the pending, rejected, unsupported and
 * refused ones ({@link countedIds}).
 */
export interface LineState {
  /** The measure module's own state (record measures only). */
  measure: unknown;
  /**
   * Records of the measure's types for this subject in the period, whatever their status, with
   * each record's day. The days are what a count, window or cadence measure reads at the end
   * ({@link countedDays}): those keep no state of their own.
   */
  readonly seen: RecordDays;
  pending: ReadonlySet<string>;
  rejected: ReadonlySet<string>;
  /** Approved records left out for lacking the supporting material the rule requires. */
  unsupported: ReadonlySet<string>;
  /** Approved, supported records the measure itself turned down (its own filter). */
  refused: ReadonlySet<string>;
  /** Bonus points by record id. */
  bonus: ReadonlyMap<string, number>;
  /** Records that fire the veto. */
  veto: ReadonlySet<string>;
}

/** The id sets of a line that start shared and empty. */
export const LINE_ID_SETS = ['pending', 'rejected', 'unsupported', 'refused', 'veto'] as const;
export type LineIdSet = (typeof LINE_ID_SETS)[number];

const NONE: ReadonlySet<string> = new Set();
const NO_BONUS: ReadonlyMap<string, number> = new Map();

/**
 * A fresh line state.
 *
 * @example
 * const line = emptyLineState(undefined);
 */
export function emptyLineState(measure: unknown): LineState {
  return { measure, seen: new RecordDays(), pending: NONE, rejected: NONE, unsupported: NONE, refused: NONE, bonus: NO_BONUS, veto: NONE };
}

/** Adds a record id to one of a line's id sets, giving the line its own set on the first write. */
export function addId(line: LineState, set: LineIdSet, id: string): void {
  let ids = line[set];
  if (ids === NONE) line[set] = ids = new Set();
  (ids as Set<string>).add(id);
}

/** Records a record's bonus points on a line. */
export function setBonus(line: LineState, id: string, points: number): void {
  let bonus = line.bonus;
  if (bonus === NO_BONUS) line.bonus = bonus = new Map();
  (bonus as Map<string, number>).set(id, points);
}

/** Whether a record seen on the line counted towards its measure. */
export function isCounted(line: LineState, id: string): boolean {
  return line.seen.has(id) && !setAside(line, id);
}

/**
 * Whether a record the line saw was set aside: pending, rejected, unsupported or refused. For the
 * loops over the records seen, which need not look each one up among them again (a lookup there
 * builds the line's index: see RecordDays).
 */
function setAside(line: LineState, id: string): boolean {
  return line.pending.has(id) || line.rejected.has(id) || line.unsupported.has(id) || line.refused.has(id);
}

/**
 * The ids of the records that counted towards the line's measure, in no particular order.
 *
 * @example
 * countedIds(line).length;
 */
export function countedIds(line: LineState): string[] {
  const out: string[] = [];
  // Nothing set aside: every record seen counted, no per-id check needed.
  const { seen } = line;
  const plain = countedSize(line) === seen.size;
  for (let i = 0; i < seen.size; i++) {
    const id = seen.idAt(i);
    if (plain || !setAside(line, id)) out.push(id);
  }
  return out;
}

/**
 * The days of the records that counted towards the line's measure, in no particular order.
 *
 * @example
 * countedDays(line).length === countedSize(line); // true
 */
export function countedDays(line: LineState): DayNumber[] {
  const out: DayNumber[] = [];
  // Nothing set aside: every record seen counted, no per-id check needed.
  const { seen } = line;
  if (countedSize(line) === seen.size) {
    for (let i = 0; i < seen.size; i++) out.push(seen.dayAt(i));
    return out;
  }
  for (let i = 0; i < seen.size; i++) if (!setAside(line, seen.idAt(i))) out.push(seen.dayAt(i));
  return out;
}

/**
 * The `n` smallest ids (by UTF-16 code unit) of the records that counted, in order: the sample a
 * result shows, without sorting every id of a busy line. `unused`: ids the measure itself left
 * out of its result, skipped too.
 *
 * @example
 * firstCountedIds(line, 20);
 */
export function firstCountedIds(line: LineState, n: number, unused: ReadonlySet<string> = NONE): string[] {
  const out: string[] = [];
  if (n <= 0) return out;
  // Nothing set aside: every record seen counted, no per-id check needed.
  const { seen } = line;
  const plain = countedSize(line) === seen.size && unused.size === 0;
  for (let i = 0; i < seen.size; i++) {
    const id = seen.idAt(i);
    if (out.length === n && id >= (out[n - 1] as string)) continue;
    if (!plain && (setAside(line, id) || unused.has(id))) continue;
    // binary search for the first element greater than id
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((out[mid] as string) <= id) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, id);
    if (out.length > n) out.pop();
  }
  return out;
}

/** How many records counted towards the line's measure. */
export function countedSize(line: LineState): number {
  return line.seen.size - line.pending.size - line.rejected.size - line.unsupported.size - line.refused.size;
}

/** Removes every trace of a record from a line (the measure state is handled by its module). */
export function forgetRecord(line: LineState, recordId: string): void {
  line.seen.delete(recordId);
  for (const set of LINE_ID_SETS) if (line[set] !== NONE) (line[set] as Set<string>).delete(recordId);
  if (line.bonus !== NO_BONUS) (line.bonus as Map<string, number>).delete(recordId);
}
