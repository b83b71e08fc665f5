import { hash } from 'node:crypto';
import type { AttributeValue, EvidenceRecord } from '../model/record.js';
import { canonicalRecord } from '../evidence/normalize.js';
import { addId, emptyLineState, forgetRecord, isCounted, setBonus, type LineState } from './line-state.js';
import { hasSupport, matchesWhere } from './matches.js';
import { keepsState, type RecordMeasure } from './measure-module.js';
import type { IndicatorPlan, Plan, Route } from './plan.js';
import { parseCalendarDate } from '../core/calendar.js';
import { VersionTable, type Effect } from './versions.js';

type AnyRecordMeasure = RecordMeasure<never, unknown>;

/**
 * Where one record went, so that it can be withdrawn if a conflicting version turns up: a line,
 * or the business scores of a subject. Lists of targets are shared between the records that
 * went to the same places: the route cache's list when one route gave them all, else an interned
 * copy (see {@link keptTargets}).
 */
type Target = LineState | Map<string, number>;
type Targets = readonly Target[];

/** The indicator each line belongs to, for withdrawing a record from its measure state. */
const lineIndicator = new WeakMap<LineState, IndicatorPlan>();
const NO_TARGETS: Targets = Object.freeze([]);

/** Counts of what happened to the records. */
export interface EvidenceStats {
  /** Valid records read (each version once). */
  received: number;
  /** Records repeated verbatim under an id already seen (counted once). */
  duplicates: number;
  /** Ids with two different versions (none of them counts). */
  conflicts: number;
  /** Records dated outside the period (or after asOf). */
  outOfPeriod: number;
  pending: number;
  rejected: number;
  /** Records whose type no indicator reads. */
  unusedType: number;
  /** Records naming an organization or person not in the graph, and so not counted. */
  unknownSubject: number;
  /** Records counted for the parts that are known, though they also name someone not in the graph. */
  unknownReference: number;
  /** Assessors' score records that name no indicator of the rule set (attribute `indicator`). */
  unassignedScore: number;
}

/** Everything gathered from the records, ready to be evaluated. */
export interface Accumulation {
  readonly organizationLines: Map<string, Map<string, LineState>>;
  readonly personLines: Map<string, Map<string, LineState>>;
  readonly businessByOrganization: Map<string, Map<string, number>>;
  readonly businessByPerson: Map<string, Map<string, number>>;
  readonly stats: EvidenceStats;
  readonly unusedTypes: Map<string, number>;
  readonly unknownSubjects: Map<string, number>;
  /** Ids with conflicting versions: kept up to date by `ingest` and by every merge (see `absorbVersion`). */
  readonly conflictIds: Set<string>;
  /**
   * XOR of the SHA-256 digests of every distinct record version (id and content): order-free, and
   * a set of distinct versions since verbatim repeats are dropped before. Eight 32-bit words.
   */
  readonly recordsDigest: Uint32Array;
  /** One entry per distinct record id: digest, targets and effect, for deduplication and withdrawal. */
  readonly versions: VersionTable<Targets>;
  /** The lines each route leads to, by the record's organization or person (see `linesFor`). */
  readonly routeLines: Map<Route, Map<string, readonly LineState[]>>;
  /** Shared target lists, by their first target (see {@link keptTargets}). */
  readonly targetLists: Map<Target, Targets>;
  /** Shared effects, by counter and key. */
  readonly effects: Map<string, Effect>;
  /** Approved in-period records of the types the accountability rules read, naming an organization or person in the graph, by id. */
  readonly retained: Map<string, EvidenceRecord>;
  /**
   * Valid records (verbatim repeats included) of the partial states merged in since the
   * accumulation was last settled, or undefined when it is settled. A merge leaves the conflicts
   * it found in the lines and the statistics as they were, and so does a record taken that
   * conflicts with a merged version (0 more records then); `settle` (partial.ts) withdraws the one
   * and works out the other once, before anything reads them, rather than after every merge.
   */
  unsettled: number | undefined;
}

/**
 * Folds a 32-byte digest into an order-free accumulator by XOR.
 *
 * @example
 * xorDigest(acc.recordsDigest, digestBytes);
 */
export function xorDigest(into: Uint32Array, digest: Uint8Array): void {
  const view = new DataView(digest.buffer, digest.byteOffset, digest.byteLength);
  for (let i = 0; i < 8; i++) into[i] = ((into[i] as number) ^ view.getUint32(i * 4)) >>> 0;
}

/**
 * The accumulator as hex, for the fingerprint.
 *
 * @example
 * digestHex(acc.recordsDigest); // '00000000…'
 */
export function digestHex(digest: Uint32Array): string {
  let out = '';
  for (const word of digest) out += word.toString(16).padStart(8, '0');
  return out;
}

/**
 * A fresh accumulation.
 *
 * @example
 * const acc = newAccumulation();
 */
export function newAccumulation(): Accumulation {
  return {
    organizationLines: new Map(),
    personLines: new Map(),
    businessByOrganization: new Map(),
    businessByPerson: new Map(),
    stats: { received: 0, duplicates: 0, conflicts: 0, outOfPeriod: 0, pending: 0, rejected: 0, unusedType: 0, unknownSubject: 0, unknownReference: 0, unassignedScore: 0 },
    unusedTypes: new Map(),
    unknownSubjects: new Map(),
    conflictIds: new Set(),
    recordsDigest: new Uint32Array(8),
    versions: new VersionTable<Targets>(),
    routeLines: new Map(),
    targetLists: new Map(),
    effects: new Map(),
    retained: new Map(),
    unsettled: undefined,
  };
}

function lineFor(plan: Plan, lines: Map<string, Map<string, LineState>>, subject: string, indicator: IndicatorPlan): LineState {
  let bySubject = lines.get(subject);
  if (!bySubject) {
    bySubject = new Map();
    lines.set(subject, bySubject);
  }
  let line = bySubject.get(indicator.indicator.id);
  // A line merged in from a partial state learns its indicator when a record first reaches it here.
  if (line && !lineIndicator.has(line)) lineIndicator.set(line, indicator);
  if (!line) {
    const module = indicator.module;
    // A measure read off the line's counted records and their days keeps no state of its own.
    const measure = keepsState(module) && indicator.indicator.measure ? module.init(indicator.indicator.measure as never, plan.context) : undefined;
    line = emptyLineState(measure);
    lineIndicator.set(line, indicator);
    bySubject.set(indicator.indicator.id, line);
  }
  return line;
}

function inPeriod(plan: Plan, route: Route, record: EvidenceRecord): boolean {
  const { period, asOf } = plan.context;
  if (record.day > asOf && route.role !== 'business') return false;
  const measure = route.plan?.indicator.measure;
  if (route.role === 'measure' && measure?.type === 'deadline') {
    const due = record.due ?? (measure.due !== undefined ? parseCalendarDate(measure.due) : undefined) ?? record.day;
    return due >= period.start && due <= period.end;
  }
  return record.day >= period.start && record.day <= (route.role === 'business' ? period.end : asOf);
}

function subjectsOf(plan: Plan, indicator: IndicatorPlan, role: Route['role'], record: EvidenceRecord): string[] {
  const { graph } = plan;
  const scope = role === 'measure' ? indicator.scope : role === 'veto' ? (indicator.indicator.veto?.scope ?? 'self') : 'self';
  if (indicator.applies.subject === 'organization') {
    if (record.organization === undefined) return [];
    const org = graph.organizations.get(record.organization);
    if (!org) return [];
    const out: string[] = [];
    let current: typeof org | undefined = org;
    while (current) {
      if (indicator.applies.kinds?.has(current.kind) ?? true) out.push(current.id);
      if (scope !== 'subtree' || current.parent === null) break;
      current = graph.organizations.get(current.parent);
    }
    return out;
  }
  // A veto by organization reaches the people holding the post where the record was made (or,
  // with subtree scope, above it), whoever the record names.
  const vetoByOrganization = role === 'veto' && indicator.vetoScope !== 'self';
  if (indicator.by === 'organization' || vetoByOrganization) {
    if (record.organization === undefined) return [];
    const byOrganization = (vetoByOrganization ? plan.vetoPeopleByOrganization : plan.peopleByOrganization).get(indicator.indicator.id);
    const people = new Set<string>();
    // With subtree scope, the people holding the post in any organization above count it too.
    for (let current = graph.organizations.get(record.organization); current; current = current.parent === null ? undefined : graph.organizations.get(current.parent)) {
      for (const person of byOrganization?.get(current.id) ?? []) people.add(person);
      if (scope !== 'subtree') break;
    }
    return [...people];
  }
  if (record.person === undefined || !plan.peopleOfIndicator.get(indicator.indicator.id)?.has(record.person)) return [];
  return [record.person];
}

const NO_LINES: readonly LineState[] = Object.freeze([]);

/**
 * The lines a record feeds through one route: they depend only on the route and the record's
 * organization (or person), so they are worked out once for each pair and then looked up.
 */
function linesFor(plan: Plan, acc: Accumulation, route: Route, indicator: IndicatorPlan, record: EvidenceRecord): readonly LineState[] {
  const key = route.byOrganization ? record.organization : record.person;
  if (key === undefined) return NO_LINES;
  let cache = acc.routeLines.get(route);
  if (!cache) acc.routeLines.set(route, (cache = new Map()));
  let found = cache.get(key);
  if (!found) {
    const lines = indicator.applies.subject === 'organization' ? acc.organizationLines : acc.personLines;
    const subjects = subjectsOf(plan, indicator, route.role, record);
    found = subjects.length === 0 ? NO_LINES : subjects.map((subject) => lineFor(plan, lines, subject, indicator));
    cache.set(key, found);
  }
  return found;
}

function applyToLine(plan: Plan, indicator: IndicatorPlan, role: Route['role'], line: LineState, record: EvidenceRecord): void {
  // Only the measure's own records say whether anything was reported for it; a bonus or veto
  // record on the same line does not.
  if (role !== 'measure') {
    if (record.status !== 'approved') return;
  } else line.seen.add(record.id, record.day);
  if (record.status === 'pending') {
    addId(line, 'pending', record.id);
    return;
  }
  if (record.status === 'rejected') {
    addId(line, 'rejected', record.id);
    return;
  }
  const rule = indicator.indicator;
  if (role === 'veto') {
    addId(line, 'veto', record.id);
    return;
  }
  if (role === 'bonus' && rule.bonus) {
    const { each, byAttribute } = rule.bonus;
    let points = each ?? 0;
    if (byAttribute) {
      const value = record.attributes.get(byAttribute.attribute);
      points = byAttribute.points.find((p) => p.value === String(value))?.points ?? 0;
    }
    if (points > 0) setBonus(line, record.id, points);
    return;
  }
  if (role !== 'measure') return;
  const module = indicator.module;
  // Only measure records get here, so each is in `seen`: what is not set aside below counted.
  if (module?.kind !== 'records' || !rule.measure) {
    addId(line, 'refused', record.id);
    return;
  }
  if (!hasSupport(record, indicator.requireAttributes)) {
    addId(line, 'unsupported', record.id);
    return;
  }
  const measureModule = module as AnyRecordMeasure;
  if (measureModule.accepts && !measureModule.accepts(record, rule.measure as never, plan.context)) {
    addId(line, 'refused', record.id);
    return;
  }
  // Counted: a measure with no state of its own reads it off the line at the end.
  if (keepsState(measureModule)) measureModule.add(line.measure, record, rule.measure as never, plan.context);
}

/** The window the accountability rules read records in: dated in the period up to asOf, or (a task) due in it and raised by asOf. */
function inRetainedWindow(plan: Plan, record: EvidenceRecord): boolean {
  const { period, asOf } = plan.context;
  // A task counts in the period it falls due in, wherever it was raised: keep it by either date.
  const dated = record.day >= period.start && record.day <= asOf;
  return dated || (record.due !== undefined && record.due >= period.start && record.due <= period.end && record.day <= asOf);
}

/**
 * Whether a session keeps a record for the accountability rules: of a type they read, approved,
 * in their window, and counting for someone in the graph (its organization, or only its person).
 * A partial state keeps no other (what `absorb` checks its kept records against).
 *
 * @example
 * keptForAccountability(plan, record); // true for an approved 2022 incident on a known branch
 */
export function keptForAccountability(plan: Plan, record: EvidenceRecord): boolean {
  return retainable(plan, record) && (unknownNamed(plan, record) === undefined || !ofNoKnownSubject(plan, record));
}

/** Of a type the accountability rules read, approved, and in their window (its subject aside). */
function retainable(plan: Plan, record: EvidenceRecord): boolean {
  return plan.retainTypes.has(record.type) && record.status === 'approved' && inRetainedWindow(plan, record);
}

/** Keeps a record whose subject is known, when the accountability rules would read it. */
function retain(plan: Plan, acc: Accumulation, record: EvidenceRecord): void {
  if (retainable(plan, record)) acc.retained.set(record.id, record);
}

/** The organization or person a record names that is not in the graph, its organization first. */
function unknownNamed(plan: Plan, record: EvidenceRecord): string | undefined {
  const { organizations, people } = plan.graph;
  if (record.organization !== undefined && !organizations.has(record.organization)) return record.organization;
  if (record.person !== undefined && !people.has(record.person)) return record.person;
  return undefined;
}

/**
 * Whether a record naming `unknownKey` belongs to no one in the graph: its organization is not
 * there, or it names only a person who is not. One whose organization is known still counts for
 * it (a note taker on a branch meeting).
 */
function ofNoKnownSubject(plan: Plan, record: EvidenceRecord): boolean {
  return record.organization === undefined || !plan.graph.organizations.has(record.organization);
}

/**
 * A record only the accountability rules read (an incident, a circumstance, a waiver): checked
 * as a record an indicator reads is, for its subject, its dates and its status, and kept only if
 * it passes, so that what the findings rest on is what the statistics and warnings say counted.
 */
function retainOnly(plan: Plan, acc: Accumulation, record: EvidenceRecord): Effect {
  const unknownKey = unknownNamed(plan, record);
  if (unknownKey !== undefined && ofNoKnownSubject(plan, record)) return count(acc, effectOf(acc, 'unknownSubject', unknownKey));
  if (!inRetainedWindow(plan, record)) return count(acc, effectOf(acc, 'outOfPeriod'));
  if (record.status === 'approved') acc.retained.set(record.id, record);
  if (unknownKey !== undefined) return count(acc, effectOf(acc, 'unknownReference', unknownKey));
  if (record.status === 'pending') return count(acc, effectOf(acc, 'pending'));
  return record.status === 'rejected' ? count(acc, effectOf(acc, 'rejected')) : NO_EFFECT;
}

/**
 * Where the record being ingested went: every target, and the route cache's list when one route
 * gave them all. Reused from one record to the next (ingest is synchronous), so that no record
 * makes a list of its own unless it went somewhere no list was kept for yet.
 */
const going: { readonly targets: Target[]; sole: readonly LineState[] | null | undefined } = { targets: [], sole: undefined };

function route(plan: Plan, acc: Accumulation, record: EvidenceRecord): Effect {
  const { targets } = going;
  const routes = plan.routes.get(record.type);
  if (!routes) return plan.retainTypes.has(record.type) ? retainOnly(plan, acc, record) : count(acc, effectOf(acc, 'unusedType', record.type));
  // A record naming someone not in the graph still counts where the rest of it is known; it is
  // reported either way.
  const unknownKey = unknownNamed(plan, record);
  if (unknownKey !== undefined && ofNoKnownSubject(plan, record)) return count(acc, effectOf(acc, 'unknownSubject', unknownKey));
  // Kept only once its subject is known: the accountability rules read no record that counts for no one.
  retain(plan, acc, record);
  let inAnyPeriod = false;
  // An assessor's score that no manual indicator claims (no or a wrong `indicator` attribute).
  let unassignedScore = false;
  // A business score that is not a number from 0 to the scale: the value as written.
  let invalidBusiness: string | undefined;
  for (const r of routes) {
    if (!inPeriod(plan, r, record)) continue;
    inAnyPeriod = true;
    if (r.role === 'business') {
      const score = record.attributes.get('score');
      // A business score outside 0..scale is a data error, left out like an assessor's out-of-range score.
      const businessScale = plan.rules.composite?.scale ?? 100;
      if (typeof score !== 'number' || score < 0 || score > businessScale || record.status !== 'approved') {
        // Left out, but named in a warning (with the value as written): not silently dropped.
        if (record.status === 'approved') invalidBusiness = businessScoreText(score);
        continue;
      }
      const isOrg = record.organization !== undefined && record.person === undefined;
      const map = isOrg ? acc.businessByOrganization : acc.businessByPerson;
      const key = (isOrg ? record.organization : record.person) as string;
      let scores = map.get(key);
      if (!scores) map.set(key, (scores = new Map()));
      scores.set(record.id, score);
      targets.push(scores);
      going.sole = null;
      continue;
    }
    const indicator = r.plan as IndicatorPlan;
    const where = r.role === 'measure' ? indicator.where : r.role === 'bonus' ? indicator.bonusWhere : indicator.vetoWhere;
    if (!matchesWhere(record, where)) continue;
    if (r.role === 'measure' && indicator.indicator.measure?.type === 'manual' && record.attributes.get('indicator') !== indicator.indicator.id) {
      unassignedScore = true;
      continue;
    }
    const lines = linesFor(plan, acc, r, indicator, record);
    for (const line of lines) {
      applyToLine(plan, indicator, r.role, line, record);
      targets.push(line);
    }
    if (lines.length > 0) going.sole = going.sole === undefined && targets.length === lines.length ? lines : null;
  }
  if (!inAnyPeriod) return count(acc, effectOf(acc, 'outOfPeriod'));
  if (unknownKey !== undefined) return count(acc, effectOf(acc, targets.length > 0 ? 'unknownReference' : 'unknownSubject', unknownKey));
  if (targets.length === 0 && unassignedScore) return count(acc, effectOf(acc, 'unassignedScore'));
  if (targets.length === 0 && invalidBusiness !== undefined) return count(acc, effectOf(acc, 'invalidBusinessScore', invalidBusiness));
  if (record.status === 'pending') return count(acc, effectOf(acc, 'pending'));
  return record.status === 'rejected' ? count(acc, effectOf(acc, 'rejected')) : NO_EFFECT;
}

/** The effect of a record that moved no counter. */
export const NO_EFFECT: Effect = Object.freeze({ counter: null });

/** The shared effect object of a counter and key (one per pair, not one per record). */
export function effectOf(acc: Accumulation, counter: NonNullable<Effect['counter']>, key?: string): Effect {
  const name = key === undefined ? counter : `${counter}\u0000${key}`;
  let effect = acc.effects.get(name);
  if (!effect) acc.effects.set(name, (effect = Object.freeze(key === undefined ? { counter } : { counter, key })));
  return effect;
}

/**
 * The shared list of where the record being ingested went ({@link going}). When one route gave
 * them all, that is the route cache's own list, shared already by every record of that route and
 * subject. Otherwise records of one type for one subject go to the same places, so one list serves
 * them all: the last list kept for each first target is reused when the new one is equal element
 * by element.
 */
function keptTargets(acc: Accumulation): Targets {
  const { targets, sole } = going;
  if (sole) return sole;
  const first = targets[0];
  if (first === undefined) return NO_TARGETS;
  const known = acc.targetLists.get(first);
  if (known && known.length === targets.length && known.every((t, i) => t === targets[i])) return known;
  // `targets` is reused for the next record: keep a copy.
  const kept = [...targets];
  acc.targetLists.set(first, kept);
  return kept;
}

/** A business score as written, for the warning: JSON text, cut short (an attribute may be long); missing is ''. */
function businessScoreText(score: AttributeValue | undefined): string {
  if (score === undefined) return '';
  const text = JSON.stringify(score);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function count(acc: Accumulation, effect: Effect, sign: 1 | -1 = 1): Effect {
  // The one untallied counter (UNTALLIED_EFFECT_COUNTERS), compared as such: this runs once a record.
  if (effect.counter === null || effect.counter === 'invalidBusinessScore') return effect;
  acc.stats[effect.counter as keyof EvidenceStats] += sign;
  const tally =
    effect.counter === 'unusedType'
      ? acc.unusedTypes
      : effect.counter === 'unknownSubject' || effect.counter === 'unknownReference'
        ? acc.unknownSubjects
        : null;
  if (tally && effect.key !== undefined) {
    const next = (tally.get(effect.key) ?? 0) + sign;
    if (next === 0) tally.delete(effect.key);
    else tally.set(effect.key, next);
  }
  return effect;
}

function withdraw(acc: Accumulation, recordId: string, slot: number): void {
  count(acc, acc.versions.effect(slot), -1);
  acc.retained.delete(recordId);
  for (const target of acc.versions.targets(slot) ?? []) {
    if (target instanceof Map) {
      target.delete(recordId);
      continue;
    }
    const module = lineIndicator.get(target)?.module;
    // A line that had no index holds only records with versions, and still does: the index the
    // lookups built can go (see RecordDays).
    const indexed = target.seen.indexed;
    if (keepsState(module) && isCounted(target, recordId)) module.remove(target.measure, recordId);
    forgetRecord(target, recordId);
    if (!indexed) target.seen.dropIndex();
  }
}

/**
 * Takes every trace of some record ids out of every line, business score and kept record: for
 * conflicts whose routes are not known (versions merged in from partial states).
 *
 * Each line is searched from its smaller side: its own records looked up among the ids, or the
 * ids looked up among its records. The cost is bounded by the records held, whatever the number
 * of conflicts (one lookup of every id in every line made a province's merge with ten thousand
 * conflicts cost ten billion lookups).
 */
export function withdrawEverywhere(plan: Plan, acc: Accumulation, ids: readonly string[]): void {
  if (ids.length === 0) return;
  const { modules } = plan;
  const gone = new Set(ids);
  const found: string[] = [];
  for (const lines of [acc.organizationLines, acc.personLines]) {
    for (const bySubject of lines.values()) {
      for (const [indicator, line] of bySubject) {
        const indexed = line.seen.indexed;
        heldIn([line.seen, line.pending, line.rejected, line.unsupported, line.refused, line.bonus, line.veto], gone, ids, found);
        if (found.length > 0) {
          const module = modules.get(indicator);
          for (const id of found) {
            // A measure's state holds only records the line saw (and counted).
            if (keepsState(module) && line.measure !== undefined && line.seen.has(id)) module.remove(line.measure, id);
            forgetRecord(line, id);
          }
          found.length = 0;
        }
        // As in `withdraw`: a line that had no index needs none after.
        if (!indexed) line.seen.dropIndex();
      }
    }
  }
  for (const scores of [...acc.businessByOrganization.values(), ...acc.businessByPerson.values()]) {
    heldIn([scores], gone, ids, found);
    for (const id of found) scores.delete(id);
    found.length = 0;
  }
  for (const id of ids) acc.retained.delete(id);
}

/**
 * The ids of `gone` (listed in `ids`) that any of these collections holds, into `out` (an id may
 * come twice), looked up from the smaller side: the collections' keys among the ids, or the ids
 * in the collections.
 */
function heldIn(collections: readonly { readonly size: number; keys(): Iterable<string>; has(id: string): boolean }[], gone: ReadonlySet<string>, ids: readonly string[], out: string[]): void {
  let held = 0;
  for (const c of collections) held += c.size;
  if (held === 0) return;
  if (held <= ids.length) {
    for (const c of collections) for (const id of c.keys()) if (gone.has(id)) out.push(id);
    return;
  }
  for (const id of ids) if (collections.some((c) => c.has(id))) out.push(id);
}

/**
 * Takes one validated record into the accumulation: deduplicates by id (a verbatim repeat
 * counts once; a different version under the same id withdraws the first and neither counts),
 * then routes it to every subject and indicator it feeds.
 *
 * @example
 * ingest(plan, acc, record);
 */
export function ingest(plan: Plan, acc: Accumulation, record: EvidenceRecord): void {
  // One-shot hash (no Hash object per record), kept as eight words in the version table.
  const digest = hash('sha256', canonicalRecord(record), 'buffer') as unknown as Buffer;
  const { versions } = acc;
  const slot = versions.slot(record.id);
  let base64: string | undefined;
  if (slot !== undefined) {
    if (versions.sameDigest(slot, digest)) {
      acc.stats.duplicates++;
      return;
    }
    base64 = digest.toString('base64');
    if (versions.conflicted(slot) && versions.digests(slot).has(base64)) {
      acc.stats.duplicates++;
      return;
    }
  }
  xorDigest(acc.recordsDigest, digest);
  acc.stats.received++;
  if (slot === undefined) {
    try {
      const effect = route(plan, acc, record);
      versions.add(record.id, digest, keptTargets(acc), effect);
    } finally {
      // Empty for the next record, and nothing of this one stays reachable from the module.
      going.targets.length = 0;
      going.sole = undefined;
    }
    return;
  }
  if (!versions.conflicted(slot)) {
    // Where a merged version went is not known here: the lines are searched for it, and for every
    // other such id at once, when the accumulation is settled (see `settle`), not once a record.
    if (versions.imported(slot)) acc.unsettled ??= 0;
    withdraw(acc, record.id, slot);
    acc.conflictIds.add(record.id);
    acc.stats.conflicts++;
  }
  versions.addConflict(slot, [base64 as string]);
}
