import type { DayNumber } from '../core/calendar.js';
import type { Issue } from '../core/issue.js';
import type { RecordInput } from '../model/record.js';
import type { Accumulation } from './accumulate.js';
import { addId, LINE_ID_SETS, setBonus, type LineState } from './line-state.js';
import { absorbBusinessAndRetained, absorbVersion, effectFromJson, effectToJson, lineAt, mergeMeasure, mergeSeen, endMerge, assertSettled, type EffectJson, type PartialState } from './partial.js';
import { recordToInput } from './partial-codec.js';
import type { Plan } from './plan.js';

/**
 * The lines of a packed partial state, as parallel lists (line `i` is the `i`th entry of each),
 * so that a province's million lines cross a thread boundary as a few arrays, not as millions of
 * small ones: where each belongs, its measure state as it is (Maps and Sets cross by structured
 * clone; `undefined` where the measure keeps none), and the ends of its records in the flat
 * typed arrays of {@link PackedPartial}: records seen, set-aside records (five ends a line, one
 * for each of {@link LINE_ID_SETS}, in that order) and bonus points.
 */
export interface PackedLines {
  /** 0 for an organization's line, 1 for a person's. */
  readonly types: Uint8Array;
  readonly subjects: readonly string[];
  readonly indicators: readonly string[];
  readonly measures: readonly unknown[];
  readonly seenEnds: Uint32Array;
  readonly setAsideEnds: Uint32Array;
  readonly bonusEnds: Uint32Array;
}

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
  readonly lines: PackedLines;
  /** The records each line saw, line after line, as slots, with their days beside them. */
  readonly seenSlots: Uint32Array;
  readonly seenDays: Int32Array;
  /** The records each line set aside, line after line and list after list, as slots. */
  readonly setAsideSlots: Uint32Array;
  /** The bonus records of each line, line after line, as slots, with their points beside them. */
  readonly bonusSlots: Uint32Array;
  readonly bonusPoints: Float64Array;
  readonly business: PartialState['business'];
  readonly retained: readonly RecordInput[];
  readonly issues: readonly Issue[];
  readonly issueCount: number;
  readonly skipped: number;
  readonly overLimit: number;
  /** The problems after which a reader read no further in its input (see `ReaderItem`'s `stopped`). */
  readonly stops: readonly Issue[];
}

/** The typed arrays of a packed partial state, each the whole of its buffer. */
export function packedArrays(packed: PackedPartial): ArrayBufferView[] {
  const { lines } = packed;
  return [
    packed.digests,
    packed.effectOf,
    packed.seenSlots,
    packed.seenDays,
    packed.setAsideSlots,
    packed.bonusSlots,
    packed.bonusPoints,
    lines.types,
    lines.seenEnds,
    lines.setAsideEnds,
    lines.bonusEnds,
  ];
}

/** The buffers of a packed partial state, to transfer rather than copy. */
export function packedTransfers(packed: PackedPartial): ArrayBuffer[] {
  return packedArrays(packed).map((array) => array.buffer) as ArrayBuffer[];
}

/**
 * Packs a settled accumulation for another thread of the same assessment.
 *
 * @example
 * const packed = packAccumulation(acc, extra);
 * parentPort.postMessage(packed, packedTransfers(packed));
 */
export function packAccumulation(acc: Accumulation, extra: Pick<PackedPartial, 'issues' | 'issueCount' | 'skipped' | 'overLimit' | 'stops'>): PackedPartial {
  assertSettled(acc);
  const { versions } = acc;
  const ids: string[] = new Array<string>(versions.size);
  const digests = versions.words();
  const effectOf = new Uint32Array(versions.size);
  const effects: EffectJson[] = [];
  const effectIndex = new Map<object, number>();
  const conflicts: [number, string[]][] = [];
  for (let slot = 0; slot < versions.size; slot++) {
    ids[slot] = versions.id(slot);
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
  const all: LineState[] = [];
  const subjects: string[] = [];
  const indicators: string[] = [];
  const types: number[] = [];
  let seen = 0;
  let setAside = 0;
  let bonus = 0;
  for (const [type, map] of [[0, acc.organizationLines], [1, acc.personLines]] as const) {
    for (const [subject, bySubject] of map) {
      for (const [indicator, line] of bySubject) {
        all.push(line);
        subjects.push(subject);
        indicators.push(indicator);
        types.push(type);
        seen += line.seen.size;
        for (const set of LINE_ID_SETS) setAside += line[set].size;
        bonus += line.bonus.size;
      }
    }
  }
  const seenSlots = new Uint32Array(seen);
  const seenDays = new Int32Array(seen);
  const setAsideSlots = new Uint32Array(setAside);
  const bonusSlots = new Uint32Array(bonus);
  const bonusPoints = new Float64Array(bonus);
  const seenEnds = new Uint32Array(all.length);
  const setAsideEnds = new Uint32Array(all.length * LINE_ID_SETS.length);
  const bonusEnds = new Uint32Array(all.length);
  const measures: unknown[] = new Array<unknown>(all.length);
  let at = 0;
  let asideAt = 0;
  let bonusAt = 0;
  all.forEach((line, i) => {
    measures[i] = line.measure;
    const { seen } = line;
    for (let k = 0; k < seen.size; k++) {
      seenSlots[at] = slotOf(seen.idAt(k));
      seenDays[at++] = seen.dayAt(k);
    }
    seenEnds[i] = at;
    LINE_ID_SETS.forEach((set, k) => {
      for (const id of line[set]) setAsideSlots[asideAt++] = slotOf(id);
      setAsideEnds[i * LINE_ID_SETS.length + k] = asideAt;
    });
    for (const [id, points] of line.bonus) {
      bonusSlots[bonusAt] = slotOf(id);
      bonusPoints[bonusAt++] = points;
    }
    bonusEnds[i] = bonusAt;
  });
  const lines: PackedLines = { types: Uint8Array.from(types), subjects, indicators, measures, seenEnds, setAsideEnds, bonusEnds };
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
    setAsideSlots,
    bonusSlots,
    bonusPoints,
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
  const versionCount = packed.effectOf.length;
  // 1 for the records this accumulation had a version of before: only those can be on its lines
  // already (see RecordDays), and need looking up there.
  const known = new Uint8Array(versionCount);
  for (let slot = 0; slot < versionCount; slot++) {
    if (absorbVersion(acc, ids[slot] as string, digests, slot * 8, conflicts.get(slot), effects[packed.effectOf[slot] as number] as (typeof effects)[number])) known[slot] = 1;
  }
  // Records named on a line only (from a partial state written to JSON) have no version: a line
  // that takes one keeps its index, so that a later version of the record is not added twice.
  const lineOnly = ids.length > versionCount;
  const idOf = (slot: number): string => ids[slot] as string;
  const { modules } = plan;
  const { lines } = packed;
  let seenFrom = 0;
  let asideFrom = 0;
  let bonusFrom = 0;
  for (let i = 0; i < lines.subjects.length; i++) {
    const indicator = lines.indicators[i] as string;
    const into = lineAt(acc, lines.types[i] === 0 ? 'o' : 'p', lines.subjects[i] as string, indicator);
    mergeMeasure(modules.get(indicator), into, () => lines.measures[i]);
    const seenEnd = lines.seenEnds[i] as number;
    const indexed = into.seen.indexed;
    for (; seenFrom < seenEnd; seenFrom++) {
      const slot = packed.seenSlots[seenFrom] as number;
      const day = packed.seenDays[seenFrom] as DayNumber;
      if (slot < versionCount && known[slot] === 0) into.seen.add(idOf(slot), day);
      else mergeSeen(into, idOf(slot), day);
    }
    if (!indexed && !lineOnly) into.seen.dropIndex();
    LINE_ID_SETS.forEach((set, k) => {
      const end = lines.setAsideEnds[i * LINE_ID_SETS.length + k] as number;
      for (; asideFrom < end; asideFrom++) addId(into, set, idOf(packed.setAsideSlots[asideFrom] as number));
    });
    const bonusEnd = lines.bonusEnds[i] as number;
    for (; bonusFrom < bonusEnd; bonusFrom++) setBonus(into, idOf(packed.bonusSlots[bonusFrom] as number), packed.bonusPoints[bonusFrom] as number);
  }
  absorbBusinessAndRetained(acc, packed);
  endMerge(acc, packed.occurrences);
}
