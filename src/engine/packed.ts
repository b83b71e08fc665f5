import type { DayNumber } from '../core/calendar.js';
import type { Issue } from '../core/issue.js';
import type { RecordInput } from '../model/record.js';
import type { Accumulation } from './accumulate.js';
import { addId, LINE_ID_SETS, setBonus, type LineState } from './line-state.js';
import { absorbBusinessAndRetained, absorbVersion, effectFromJson, effectToJson, lineAt, mergeMeasure, mergeSeen, endMerge, assertSettled, type EffectJson, type PartialState } from './partial.js';
import { recordToInput } from './partial-codec.js';
import type { Plan } from './plan.js';

/**
 * One line of a packed partial state: where it belongs, its measure state as it is (Maps and
 * Sets cross a thread boundary by structured clone), where its records seen end in
 * {@link PackedPartial.seenSlots}, its set-aside records as slots (one list for each of
 * {@link LINE_ID_SETS}, in that order), and its bonus points by slot.
 */
type PackedLine = readonly [
  type: 'o' | 'p',
  subject: string,
  indicator: string,
  measure: unknown,
  seenEnd: number,
  setAside: readonly (readonly number[])[],
  bonus: readonly (readonly [number, number])[],
];

/**
 * What a worker thread of this engine gathered, for the thread that merges it: the same content
 * as a {@link PartialState}, laid out so that it is cheap to build, to send and to merge. Record
 * ids travel once, as one array indexed by slot; everything else refers to them by slot, and
 * the digests, effects and records seen travel in typed arrays that are transferred, not copied.
 * Nothing is sorted: the merge does not depend on order. Never written to a file (the
 * JSON form is {@link PartialState}), and only merged into a session of the same graph, rule set
 * and options, which the caller guarantees. The lines' measure states are the packing session's
 * own objects, and merging takes them over: pack a session only to send its state to another
 * thread (the structured clone copies them), never to merge it within the same thread.
 */
export interface PackedPartial {
  /** Valid records read, verbatim repeats included. */
  readonly occurrences: number;
  /**
   * Record ids by slot: first the versions' (one for each entry of {@link effectOf}), then any
   * that a line holds without a version (only ever from a JSON partial state that said so).
   */
  readonly ids: readonly string[];
  /** Each slot's first digest, eight words a slot (the version table's layout). */
  readonly digests: Uint32Array;
  /** Each slot's effect, as an index into {@link effects}. */
  readonly effectOf: Uint32Array;
  readonly effects: readonly EffectJson[];
  /** The slots of ids with conflicting versions, with every digest (base64). */
  readonly conflicts: readonly (readonly [number, readonly string[]])[];
  readonly lines: readonly PackedLine[];
  /** The records each line saw, line after line, as slots, with their days beside them. */
  readonly seenSlots: Uint32Array;
  readonly seenDays: Int32Array;
  readonly business: PartialState['business'];
  readonly retained: readonly RecordInput[];
  readonly issues: readonly Issue[];
  readonly issueCount: number;
  readonly skipped: number;
  readonly overLimit: number;
}

/** The buffers of a packed partial state, to transfer rather than copy. */
export function packedTransfers(packed: PackedPartial): ArrayBuffer[] {
  return [packed.digests.buffer, packed.effectOf.buffer, packed.seenSlots.buffer, packed.seenDays.buffer] as ArrayBuffer[];
}

/**
 * Packs a settled accumulation for another thread of the same assessment.
 *
 * @example
 * const packed = packAccumulation(acc, extra);
 * parentPort.postMessage(packed, packedTransfers(packed));
 */
export function packAccumulation(acc: Accumulation, extra: Pick<PackedPartial, 'issues' | 'issueCount' | 'skipped' | 'overLimit'>): PackedPartial {
  assertSettled(acc);
  const { versions } = acc;
  const ids: string[] = new Array<string>(versions.size);
  const digests = versions.words();
  const effectOf = new Uint32Array(versions.size);
  const effects: EffectJson[] = [];
  const effectIndex = new Map<object, number>();
  const conflicts: [number, string[]][] = [];
  for (const [id, slot] of versions.entries()) {
    ids[slot] = id;
    const effect = versions.effect(slot);
    let index = effectIndex.get(effect);
    if (index === undefined) {
      effectIndex.set(effect, (index = effects.length));
      effects.push(effectToJson(effect));
    }
    effectOf[slot] = index;
    if (versions.conflicted(slot)) conflicts.push([slot, [...versions.digests(slot)]]);
  }
  // A record a line holds went through the version table first, unless it came in a JSON partial
  // state that named it on a line only: it gets a slot after the versions', with no version.
  const lineOnly = new Map<string, number>();
  const slotOf = (id: string): number => {
    const slot = versions.slot(id) ?? lineOnly.get(id);
    if (slot !== undefined) return slot;
    lineOnly.set(id, ids.length);
    ids.push(id);
    return ids.length - 1;
  };
  const all: [type: 'o' | 'p', subject: string, indicator: string, line: LineState][] = [];
  let seen = 0;
  for (const [type, map] of [['o', acc.organizationLines], ['p', acc.personLines]] as const) {
    for (const [subject, bySubject] of map) {
      for (const [indicator, line] of bySubject) {
        all.push([type, subject, indicator, line]);
        seen += line.seen.size;
      }
    }
  }
  const seenSlots = new Uint32Array(seen);
  const seenDays = new Int32Array(seen);
  let at = 0;
  const lines = all.map(([type, subject, indicator, line]): PackedLine => {
    for (const [id, day] of line.seen) {
      seenSlots[at] = slotOf(id);
      seenDays[at++] = day;
    }
    const setAside = LINE_ID_SETS.map((set) => Array.from(line[set], slotOf));
    const bonus = Array.from(line.bonus, ([id, points]) => [slotOf(id), points] as const);
    return [type, subject, indicator, line.measure, at, setAside, bonus];
  });
  const business: PartialState['business'] = [];
  for (const [type, map] of [['o', acc.businessByOrganization], ['p', acc.businessByPerson]] as const) {
    for (const [subject, scores] of map) business.push([type, subject, [...scores]]);
  }
  return {
    occurrences: acc.stats.received + acc.stats.duplicates,
    ids,
    digests,
    effectOf,
    effects,
    conflicts,
    lines,
    seenSlots,
    seenDays,
    business,
    retained: Array.from(acc.retained.values(), recordToInput),
    ...extra,
  };
}

/**
 * Folds a packed partial state into an accumulation: the same merge as a {@link PartialState}'s
 * (`absorbPartial`), step for step.
 *
 * @example
 * absorbPacked(plan, acc, packed);
 */
export function absorbPacked(plan: Plan, acc: Accumulation, packed: PackedPartial): void {
  const { ids, digests } = packed;
  const effects = packed.effects.map((e) => effectFromJson(acc, e));
  const conflicts = new Map(packed.conflicts);
  for (let slot = 0; slot < packed.effectOf.length; slot++) {
    absorbVersion(acc, ids[slot] as string, digests, slot * 8, conflicts.get(slot), effects[packed.effectOf[slot] as number] as (typeof effects)[number]);
  }
  const idOf = (slot: number): string => ids[slot] as string;
  const modules = new Map(plan.indicators.map((p) => [p.indicator.id, p.module]));
  let from = 0;
  for (const [type, subject, indicator, measure, seenEnd, setAside, bonus] of packed.lines) {
    const into = lineAt(acc, type, subject, indicator);
    mergeMeasure(modules.get(indicator), into, () => measure);
    for (let i = from; i < seenEnd; i++) mergeSeen(into, idOf(packed.seenSlots[i] as number), packed.seenDays[i] as DayNumber);
    from = seenEnd;
    LINE_ID_SETS.forEach((set, i) => {
      for (const slot of setAside[i] ?? []) addId(into, set, idOf(slot));
    });
    for (const [slot, points] of bonus) setBonus(into, idOf(slot), points);
  }
  absorbBusinessAndRetained(acc, packed);
  endMerge(acc, packed.occurrences);
}
