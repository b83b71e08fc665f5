import type { DayNumber } from '../core/calendar.js';
import { makeIssue, type Issue } from '../core/issue.js';
import type { Lang } from '../core/lang.js';
import { byCodeUnit } from '../core/order.js';
import { normalizeRecord } from '../evidence/normalize.js';
import { ENGINE_VERSION } from '../version.js';
import { effectOf, keptForAccountability, NO_EFFECT, withdrawEverywhere, xorDigest, type Accumulation, type EvidenceStats } from './accumulate.js';
import { base64DigestWords, digestBase64, UNTALLIED_EFFECT_COUNTERS, type Effect } from './versions.js';
import { addId, countedIds, emptyLineState, setBonus, type LineState } from './line-state.js';
import type { RecordDays } from './record-days.js';
import { keepsState, type MeasureModule } from './measure-module.js';
import { decodeState, encodeState, recordToInput, type Encoded } from './partial-codec.js';
import type { Plan } from './plan.js';
import type { RecordInput } from '../model/record.js';

/** The part of a line written to a partial state. */
interface LineJson {
  readonly m: Encoded;
  readonly c: string[];
  readonly s: string[];
  /** The days of the records in `s`, in the same order. */
  readonly d: number[];
  readonly p: string[];
  readonly r: string[];
  readonly u: string[];
  readonly b: [string, number][];
  readonly v: string[];
}

export type EffectJson = { readonly counter: string | null; readonly key?: string };

/**
 * What one shard of an assessment gathered, as plain JSON: every record version seen (id,
 * digests, what it did), every line's state keyed by record id, the business scores, the
 * records kept for accountability, and the problems met. Two partial states of the same
 * assessment merge associatively and commutatively (`AssessmentSession.absorb`), so records
 * can be split any way — by file, by byte range, by machine — and the merged result is
 * byte-identical to one pass over all of them.
 */
export interface PartialState {
  readonly format: 'zerenzhi-partial/2';
  readonly engine: string;
  /** Identifies the graph, rule set and asOf the shard was assessed against; partials of different bases are refused. */
  readonly basis: string;
  /** Valid records read, verbatim repeats included. */
  readonly occurrences: number;
  readonly versions: [string, string[], EffectJson][];
  readonly lines: ['o' | 'p', string, string, LineJson][];
  readonly business: ['o' | 'p', string, [string, number][]][];
  readonly retained: RecordInput[];
  readonly issues: Issue[];
  readonly issueCount: number;
  readonly skipped: number;
  readonly overLimit: number;
}

const sorted = (values: Iterable<string>): string[] => [...values].sort(byCodeUnit);

/** A line's records seen, in id order, and their days (by place: no lookup, so no index built). */
function seenJson(seen: RecordDays): Pick<LineJson, 's' | 'd'> {
  const order = Array.from({ length: seen.size }, (_, i) => i).sort((a, b) => byCodeUnit(seen.idAt(a), seen.idAt(b)));
  return { s: order.map((i) => seen.idAt(i)), d: order.map((i) => seen.dayAt(i)) };
}

/** Writes a settled accumulation as a partial state (entries in id order, so equal states give equal JSON). */
export function snapshotAccumulation(acc: Accumulation, basis: string, extra: Pick<PartialState, 'issues' | 'issueCount' | 'skipped' | 'overLimit'>): PartialState {
  assertSettled(acc);
  const lines: PartialState['lines'] = [];
  for (const [type, map] of [['o', acc.organizationLines], ['p', acc.personLines]] as const) {
    for (const subject of sorted(map.keys())) {
      const bySubject = map.get(subject) as Map<string, LineState>;
      for (const indicator of sorted(bySubject.keys())) {
        const l = bySubject.get(indicator) as LineState;
        lines.push([type, subject, indicator, {
          m: encodeState(l.measure),
          c: sorted(countedIds(l)), ...seenJson(l.seen), p: sorted(l.pending), r: sorted(l.rejected), u: sorted(l.unsupported),
          b: sorted(l.bonus.keys()).map((id) => [id, l.bonus.get(id) as number]),
          v: sorted(l.veto),
        }]);
      }
    }
  }
  const business: PartialState['business'] = [];
  for (const [type, map] of [['o', acc.businessByOrganization], ['p', acc.businessByPerson]] as const) {
    for (const subject of sorted(map.keys())) {
      const scores = map.get(subject) as Map<string, number>;
      business.push([type, subject, sorted(scores.keys()).map((id) => [id, scores.get(id) as number])]);
    }
  }
  return {
    format: 'zerenzhi-partial/2',
    engine: ENGINE_VERSION,
    basis,
    occurrences: acc.stats.received + acc.stats.duplicates,
    // Sorted with their slots: no lookup of each id again.
    versions: [...acc.versions.entries()]
      .sort((a, b) => byCodeUnit(a[0], b[0]))
      .map(([id, slot]) => [id, acc.versions.conflicted(slot) ? sorted(acc.versions.digests(slot)) : [acc.versions.digest(slot)], effectToJson(acc.versions.effect(slot))]),
    lines,
    business,
    retained: sorted(acc.retained.keys()).map((id) => recordToInput(acc.retained.get(id) as NonNullable<ReturnType<typeof acc.retained.get>>)),
    ...extra,
  };
}

/** The line of a subject and indicator in an accumulation, made empty if it has none yet. */
export function lineAt(acc: Accumulation, type: 'o' | 'p', subject: string, indicator: string): LineState {
  const lines = type === 'o' ? acc.organizationLines : acc.personLines;
  let bySubject = lines.get(subject);
  if (!bySubject) lines.set(subject, (bySubject = new Map()));
  let line = bySubject.get(indicator);
  if (!line) bySubject.set(indicator, (line = emptyLineState(undefined)));
  return line;
}

/** Merges a shard's measure state into a line's (measures read off the counted records keep none). */
export function mergeMeasure(module: MeasureModule | undefined, into: LineState, incoming: () => unknown): void {
  if (!keepsState(module)) return;
  const state = incoming();
  into.measure = into.measure === undefined ? state : module.merge(into.measure, state);
}

/**
 * Adds a record seen by a shard to a line. Both sides saw the same version of an id (a different
 * one is a conflict, withdrawn after the merge), so its days agree; the earlier day is kept all
 * the same, whatever the merge order.
 */
export function mergeSeen(into: LineState, id: string, day: DayNumber): void {
  const mine = into.seen.get(id);
  if (mine === undefined || day < mine) into.seen.set(id, day);
}

function mergeLine(acc: Accumulation, module: MeasureModule | undefined, into: LineState, json: LineJson, state: unknown): void {
  mergeMeasure(module, into, () => state);
  const indexed = into.seen.indexed;
  let versioned = true;
  json.s.forEach((id, i) => {
    mergeSeen(into, id, json.d[i] as DayNumber);
    if (versioned && acc.versions.slot(id) === undefined) versioned = false;
  });
  // The index goes with the merge unless the line holds a record with no version (named on a
  // line only), which a later version must find there (see RecordDays).
  if (!indexed && versioned) into.seen.dropIndex();
  for (const id of json.p) addId(into, 'pending', id);
  for (const id of json.r) addId(into, 'rejected', id);
  for (const id of json.u) addId(into, 'unsupported', id);
  for (const [id, points] of json.b) setBonus(into, id, points);
  for (const id of json.v) addId(into, 'veto', id);
  // The format lists what counted; what was seen, counted nowhere and set aside for no other
  // reason was refused by the measure.
  if (json.c.length + json.p.length + json.r.length + json.u.length < json.s.length) {
    const accounted = new Set([...json.c, ...json.p, ...json.r, ...json.u]);
    for (const id of json.s) if (!accounted.has(id)) addId(into, 'refused', id);
  }
}

/**
 * Adds one record id of a shard to the version table: a new id with its first digest (the eight
 * words at `at` in `words`) and what it did (its routes stay unknown here), or the union of its
 * digests with those already known (two different ones make a conflict). `all`: every digest of
 * the id (base64) when there are several; left out, the first is the only one. Whether the table
 * had the id before.
 */
export function absorbVersion(acc: Accumulation, id: string, words: Uint32Array, at: number, all: readonly string[] | undefined, effect: Effect): boolean {
  const slot = acc.versions.slot(id);
  if (slot === undefined) {
    const added = acc.versions.addImported(id, words, at, effect);
    if (all !== undefined && all.length > 1) {
      acc.versions.addConflict(added, all);
      if (acc.versions.conflicted(added)) acc.conflictIds.add(id);
    }
    return false;
  }
  acc.versions.addConflict(slot, all ?? [digestBase64(words, at)]);
  if (acc.versions.conflicted(slot)) acc.conflictIds.add(id);
  return true;
}

/** An effect as a partial state writes it: its key only when it has one. */
export function effectToJson(effect: Effect): EffectJson {
  return effect.key === undefined ? { counter: effect.counter } : { counter: effect.counter, key: effect.key };
}

/** The shared effect of a counter and key as a partial state writes it. */
export function effectFromJson(acc: Accumulation, effect: EffectJson): Effect {
  return effect.counter === null ? NO_EFFECT : effectOf(acc, effect.counter as NonNullable<Effect['counter']>, effect.key);
}

/** The business scores and kept records of a shard, added to an accumulation. */
export function absorbBusinessAndRetained(acc: Accumulation, partial: { readonly business: PartialState['business']; readonly retained: readonly RecordInput[] }): void {
  for (const [type, subject, scores] of partial.business) {
    const map = type === 'o' ? acc.businessByOrganization : acc.businessByPerson;
    let into = map.get(subject);
    if (!into) map.set(subject, (into = new Map()));
    for (const [id, score] of scores) into.set(id, score);
  }
  for (const input of partial.retained) {
    const normalized = normalizeRecord(input);
    if (normalized.ok) acc.retained.set(normalized.record.id, normalized.record);
  }
}

/**
 * What every merge ends with: the shard's records counted in, and the accumulation left to be
 * settled (see {@link settle}).
 */
export function endMerge(acc: Accumulation, occurrences: number): void {
  acc.unsettled = (acc.unsettled ?? 0) + occurrences;
}

/**
 * Settles an accumulation after merges, before anything reads its lines or statistics: the ids
 * with conflicting versions lose every trace in every line, and the evidence statistics are
 * worked out again from the merged versions. Done once for any number of merges, since both cost
 * the size of the whole accumulation. Records taken in between need no settling: they move the
 * statistics as they always do, and the count is worked out again here anyway.
 */
export function settle(plan: Plan, acc: Accumulation): void {
  if (acc.unsettled === undefined) return;
  const occurrences = acc.stats.received + acc.stats.duplicates + acc.unsettled;
  // Every id with conflicting versions: those known before, and those the merges made
  // (absorbVersion adds them).
  withdrawEverywhere(plan, acc, [...acc.conflictIds]);
  recount(acc, occurrences);
  acc.unsettled = undefined;
}

/** Refuses to read an accumulation that is not settled (an internal error). */
export function assertSettled(acc: Accumulation): void {
  if (acc.unsettled !== undefined) throw new Error('zerenzhi: internal error: a merged accumulation was read before it was settled');
}

/**
 * The lines' measure states of a partial state, decoded, or every problem with them and with
 * what the lines hold against the rule set and graph (an indicator and subject of theirs, vetoes,
 * bonus points and records seen only where the indicator reads such records): a measure
 * that keeps no state must have none (`null`); one that keeps a state by record id must have an
 * entry of its own kind for each record counted, and no other (those are `partial-state-uncounted`,
 * found by `checkPartial`). Run before anything is merged, so that a state edited by hand is
 * refused whole instead of breaking a merge half-way or every finish after it. Each state is
 * decoded once, here, for the check and the merge.
 */
export function decodeLineStates(plan: Plan, partial: PartialState, lang: Lang): { readonly states: unknown[]; readonly problems: Issue[] } {
  const { graph } = plan;
  const indicators = new Map(plan.indicators.map((ip) => [ip.indicator.id, ip]));
  const states: unknown[] = [];
  const problems: Issue[] = [];
  partial.lines.forEach(([type, subject, indicator, line], i) => {
    const at = ['partial', 'lines', i, 3];
    // A line of an indicator of the rule set, for a subject of the graph it can be about, with
    // bonus points or vetoes only where the indicator has such a rule: as a shard writes it.
    const rule = indicators.get(indicator);
    if (rule === undefined) problems.push(makeIssue('partial-line-indicator', ['partial', 'lines', i, 2], { indicator }, lang));
    else {
      const organization = rule.applies.subject === 'organization';
      if (type !== (organization ? 'o' : 'p') || !(organization ? graph.organizations.has(subject) : graph.people.has(subject))) {
        problems.push(makeIssue('partial-line-subject', ['partial', 'lines', i, 1], { subject, indicator, type: organization ? 'organization' : 'person' }, lang));
      }
      if (line.v.length > 0 && !rule.indicator.veto) problems.push(makeIssue('partial-line-role', [...at, 'v'], { indicator, list: 'v' }, lang));
      const { bonus } = rule.indicator;
      if (line.b.length > 0 && !bonus) problems.push(makeIssue('partial-line-role', [...at, 'b'], { indicator, list: 'b' }, lang));
      else if (bonus && line.b.length > 0) {
        // A record earns `each`, or the points of its attribute's value: nothing else.
        const given = bonus.byAttribute ? bonus.byAttribute.points.map((p) => p.points) : [bonus.each ?? 0];
        line.b.forEach(([id, points], k) => {
          if (points > 0 && !given.includes(points)) {
            problems.push(makeIssue('partial-bonus-not-given', [...at, 'b', k, 1], { id, points, indicator, given: given.join(', ') }, lang));
          }
        });
      }
      // An indicator worked out from other lines or the graph (a roll-up, a structure) or with no
      // measure has no route for its measure's records: its lines hold bonus points and vetoes
      // only. The records counted, pending, rejected and unsupported are among those seen
      // (checked before), so one problem says it.
      if (line.s.length > 0 && rule.module?.kind !== 'records') problems.push(makeIssue('partial-line-derived', [...at, 's'], { indicator }, lang));
    }
    const module = rule?.module;
    if (!keepsState(module)) {
      if (line.m !== null) problems.push(makeIssue('partial-state-unexpected', [...at, 'm'], { indicator }, lang));
      states.push(undefined);
      return;
    }
    const { m } = line;
    if (m === null || typeof m !== 'object' || Array.isArray(m) || !('$m' in m)) {
      problems.push(makeIssue('partial-state-shape', [...at, 'm'], { indicator, type: module.type }, lang));
      states.push(undefined);
      return;
    }
    // What decodeState makes of a `$m`, with each entry checked on the way.
    const state = new Map<unknown, unknown>();
    m.$m.forEach(([key, value], j) => {
      const entry = decodeState(value);
      if (module.isEntry && !module.isEntry(entry)) problems.push(makeIssue('partial-state-entry', [...at, 'm', '$m', j, 1], { id: String(key), type: module.type }, lang));
      state.set(decodeState(key), entry);
    });
    line.c.forEach((id, k) => {
      if (!state.has(id)) problems.push(makeIssue('partial-state-missing', [...at, 'c', k], { id }, lang));
    });
    states.push(state);
  });
  // A kept record is one this session would keep: of a type the accountability rules read,
  // approved, in their window, counting for someone in the graph (a shard of this assessment
  // keeps no other; one that did would have findings rest on a record the statistics never saw).
  partial.retained.forEach((input, i) => {
    const normalized = normalizeRecord(input);
    if (normalized.ok && !keptForAccountability(plan, normalized.record)) {
      problems.push(makeIssue('partial-retained-not-kept', ['partial', 'retained', i], { id: normalized.record.id }, lang));
    }
  });
  return { states, problems };
}

/**
 * Folds a partial state into an accumulation: versions by union (an id with two digests across
 * shards is a conflict, withdrawn everywhere when the accumulation is settled), lines by their
 * measures' merges and set unions. The evidence statistics are worked out again from the merged
 * versions when it is settled ({@link settle}). `states`: the lines' measure states, checked and
 * decoded by {@link decodeLineStates}.
 */
export function absorbPartial(plan: Plan, acc: Accumulation, partial: PartialState, states: readonly unknown[]): void {
  // One set of words for every version: the table copies them.
  const words = new Uint32Array(8);
  for (const [id, digests, effect] of partial.versions) absorbVersion(acc, id, base64DigestWords(digests[0] as string, words), 0, digests, effectFromJson(acc, effect));
  const { modules } = plan;
  partial.lines.forEach(([type, subject, indicator, json], i) => mergeLine(acc, modules.get(indicator), lineAt(acc, type, subject, indicator), json, states[i]));
  absorbBusinessAndRetained(acc, partial);
  endMerge(acc, partial.occurrences);
}

// The statistics of a merged accumulation, from its versions alone.
function recount(acc: Accumulation, occurrences: number): void {
  const stats: EvidenceStats = { received: 0, duplicates: 0, conflicts: 0, outOfPeriod: 0, pending: 0, rejected: 0, unusedType: 0, unknownSubject: 0, unknownReference: 0, unassignedScore: 0 };
  acc.unusedTypes.clear();
  acc.unknownSubjects.clear();
  acc.conflictIds.clear();
  const digest = new Uint32Array(8);
  for (let slot = 0; slot < acc.versions.size; slot++) {
    const versions = acc.versions.versionCount(slot);
    stats.received += versions;
    if (versions > 1) {
      for (const d of acc.versions.digests(slot)) xorDigest(digest, Buffer.from(d, 'base64'));
      stats.conflicts++;
      acc.conflictIds.add(acc.versions.id(slot));
      continue;
    }
    // Straight from the table's words: no base64 round trip for the common, single version.
    acc.versions.xorFirstInto(slot, digest);
    const { counter, key } = acc.versions.effect(slot);
    if (counter === null || UNTALLIED_EFFECT_COUNTERS.has(counter)) continue;
    stats[counter as keyof EvidenceStats]++;
    const tally = counter === 'unusedType' ? acc.unusedTypes : counter === 'unknownSubject' || counter === 'unknownReference' ? acc.unknownSubjects : null;
    if (tally && key !== undefined) tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  stats.duplicates = occurrences - stats.received;
  Object.assign(acc.stats, stats);
  acc.recordsDigest.set(digest);
}
