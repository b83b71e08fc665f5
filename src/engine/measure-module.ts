import type { DayNumber } from '../core/calendar.js';
import type { Graph } from '../graph/types.js';
import type { Measure } from '../model/measures.js';
import type { EvidenceRecord } from '../model/record.js';
import type { ResolvedPeriod } from './period.js';

/** A sentence in both languages. */
export interface Explanation {
  readonly zh: string;
  readonly en: string;
}

/** What a measure found for one subject, before scoring. */
export interface MeasureOutcome {
  /** `insufficient-evidence` when nothing was reported at all and the source is not declared complete (set by the engine). */
  readonly status: 'measured' | 'insufficient-evidence';
  /** The measured quantity: a count, buckets met, a share, a mean rating, ... */
  readonly value: number;
  /** What the rule asks for, in the unit of `value`; null when it asks for nothing fixed. */
  readonly target: number | null;
  /** Requirements missed: missing records, missed buckets, late or open tasks, ... (0 when met). */
  readonly shortfalls: number;
  /** Achievement in [0, 1], used by proportional scoring. */
  readonly ratio: number;
  /** The requirement is not final yet: the period is still running (asOf), or (a cadence) a bucket runs past the period's end and is judged in none of it. */
  readonly inProgress: boolean;
  /** Records that counted. */
  readonly counted: number;
  /**
   * The ids of records the measure took in but left out of its result (a score out of range, a
   * rater's second rating, a task with no due date, ...), in id order; absent when there are none.
   * They are not among the line's counted records.
   */
  readonly unused?: readonly string[];
  /**
   * Measure-specific figures as data, for reports and accountability triggers: e.g. a deadline's
   * `open`, `late`, `onTime`, `dueSoon`; a cadence's `missed`. Keys are fixed by each measure.
   */
  readonly facts?: Readonly<Record<string, number>>;
  /** What was found, as one clause, e.g. 「要求每月至少1次，12个月中11个月达到，缺1个月（12月）」. */
  readonly detail: Explanation;
}

/** What every measure sees besides its spec. */
export interface MeasureContext {
  readonly period: ResolvedPeriod;
  /** The last day that counts: the period's end, or `asOf` when the period is still running. */
  readonly asOf: DayNumber;
  /** Whether the period is still running (asOf before its end). */
  readonly running: boolean;
}

/**
 * The records that counted on a line, as a measure that needs no state of its own reads them:
 * how many, and their days (in no particular order).
 */
export interface CountedRecords {
  readonly size: number;
  days(): Iterable<DayNumber>;
}

/**
 * A measure over records. Its state holds each counted record's contribution keyed by record id,
 * so that a record can be taken out again (two conflicting versions under one id count for
 * nothing) and so that partial states merge by union, whatever the order they were built in.
 * `finalize` must read the state in an order that does not depend on insertion order.
 */
export interface RecordMeasure<Spec extends Measure, State> {
  readonly kind: 'records';
  readonly type: Spec['type'];
  init(spec: Spec, ctx: MeasureContext): State;
  /** Beyond type, attribute filter and subject: whether this record is in scope (e.g. inside the window). */
  accepts?(record: EvidenceRecord, spec: Spec, ctx: MeasureContext): boolean;
  add(state: State, record: EvidenceRecord, spec: Spec, ctx: MeasureContext): void;
  remove(state: State, recordId: string): void;
  /** Folds `other` into `into` and returns it; associative and commutative. */
  merge(into: State, other: State): State;
  /**
   * For a state keyed by record id (one entry for each record counted): whether a value read back
   * from a partial state is an entry this measure could hold, so that a state edited by hand is
   * refused before anything is merged.
   */
  isEntry?(entry: unknown): boolean;
  finalize(state: State, spec: Spec, ctx: MeasureContext): MeasureOutcome;
  /**
   * For a measure whose outcome depends only on how many records counted and on their days
   * (count, window, cadence). The engine then keeps no state for it, since each line already
   * holds its records' ids and days, and calls this at the end instead of `init`, `add` and
   * `finalize`; the two must agree: `finalize(state)` equals `finalizeCounted` of the records
   * `add` took into `state`.
   */
  finalizeCounted?(counted: CountedRecords, spec: Spec, ctx: MeasureContext): MeasureOutcome;
}

/**
 * Whether the engine keeps a state for this measure on each line: a record measure without
 * `finalizeCounted` (count, window and cadence are read off the line instead).
 *
 * @example
 * keepsState(MEASURES.get('rating')); // true
 */
export function keepsState(module: MeasureModule | undefined): module is RecordMeasure<never, unknown> {
  return module?.kind === 'records' && !(module as RecordMeasure<never, unknown>).finalizeCounted;
}

/** The subject an indicator is evaluated for. */
export type SubjectRef = { readonly type: 'organization'; readonly id: string } | { readonly type: 'person'; readonly id: string };

/** What a derived measure (structure, roll-up) reads: the graph and other results. */
export interface DerivedContext extends MeasureContext {
  readonly graph: Graph;
  /**
   * An organization's result on the whole sheet (`'total'`) or on some indicators, as a share in
   * [0, 1] of the points at stake; undefined when it has no such result.
   */
  readonly shareOf: (organizationId: string, of: 'total' | readonly string[]) => number | undefined;
  /**
   * The sum and count of the shares of an organization's strict descendants that have a result,
   * kept bottom-up as organizations finish, so that a subtree roll-up costs O(1) per subject
   * rather than O(subtree) (a 10,000-level hierarchy would otherwise be quadratic).
   */
  readonly subtreeShares: (organizationId: string, of: 'total' | readonly string[]) => { readonly sum: number; readonly count: number };
  /** The same subject's share on some of its own indicators (for `source: 'self'`). */
  readonly ownShare: (of: 'total' | readonly string[]) => number | undefined;
  /** The organizations a person leads (secretary or team member), for `led-organizations`. */
  readonly postOrganizations: readonly string[];
}

/** A measure read off the graph or off other results rather than records. */
export interface DerivedMeasure<Spec extends Measure> {
  readonly kind: 'derived';
  readonly type: Spec['type'];
  evaluate(subject: SubjectRef, spec: Spec, ctx: DerivedContext): MeasureOutcome;
}

/** Any measure module. */
export type MeasureModule<Spec extends Measure = Measure> = RecordMeasure<Spec, unknown> | DerivedMeasure<Spec>;
