import type { MessageParams } from '../messages/index.js';
import type { OrganizationKind, PostRole } from '../model/graph.js';
import type { ResponsibilityKind } from '../model/responsibility.js';
import type { EvidenceStats } from './accumulate.js';

/** How a line came out. */
export type LineStatus = 'met' | 'shortfall' | 'in-progress' | 'insufficient-evidence' | 'excluded' | 'vetoed';

/** The records behind a line: how many counted, a sample of their ids, and the ones left out. */
export interface LineRecords {
  /** Approved records of the indicator's types reported for this subject in the period. */
  readonly reported: number;
  /** Of those, the records that counted towards the measure. */
  readonly counted: number;
  /** Up to 20 ids of counted records, in id order. */
  readonly ids: readonly string[];
  readonly pending: number;
  readonly rejected: number;
  /** Left out for lacking the required supporting material. */
  readonly unsupported: number;
  readonly bonusIds: readonly string[];
  readonly vetoIds: readonly string[];
}

/** One indicator scored for one subject, with its explanation. */
export interface IndicatorLine {
  readonly indicator: string;
  readonly title: string;
  readonly section?: string;
  readonly responsibility: ResponsibilityKind;
  readonly status: LineStatus;
  /** Points awarded (0 to max). */
  readonly points: number;
  /** Points at stake (0 when excluded). */
  readonly max: number;
  readonly value: number;
  readonly target: number | null;
  readonly shortfalls: number;
  readonly ratio: number;
  /** Measure-specific figures (a deadline's open and late tasks, a cadence's missed buckets, ...). */
  readonly facts?: Readonly<Record<string, number>>;
  /** Bonus points on this line, after the indicator's cap. */
  readonly bonus: number;
  readonly veto: boolean;
  readonly records: LineRecords;
  readonly explanation: string;
}

/** A grade given to a subject, and why. */
export interface GradeAward {
  readonly ladder: string;
  readonly id: string;
  readonly title: string;
  /** `score`: by thresholds; `veto`: lowest by 一票否决; `quota`: moved down by a quota. */
  readonly reason: 'score' | 'veto' | 'quota';
  /** Place on the ladder, 1 for the top grade. */
  readonly rank: number;
  /** How many grades the ladder has (rank === grades: the lowest). */
  readonly grades: number;
  /** For `quota`: the grade the score earned. */
  readonly earned?: string;
}

/** The speech's verdict on a person: 本职 / 失职 / 不称职, or undetermined for lack of evidence. */
export type Verdict = 'fulfilled' | 'derelict' | 'incompetent' | 'undetermined';

/** One organization's or person's result. */
export interface SubjectResult {
  readonly type: 'organization' | 'person';
  readonly id: string;
  readonly name: string;
  readonly kind?: OrganizationKind;
  readonly posts?: readonly { readonly organization: string; readonly role: PostRole }[];
  /** Sum of points awarded. */
  readonly score: number;
  /** Sum of points at stake. */
  readonly max: number;
  /** score / max on the rule set's scale. */
  readonly scaled: number;
  readonly bonus: number;
  /** scaled + bonus: what grades are read from (unless the composite is). */
  readonly total: number;
  readonly composite: { readonly business: number | null; readonly value: number | null } | null;
  readonly grade: GradeAward | null;
  readonly vetoes: readonly { readonly indicator: string; readonly recordIds: readonly string[] }[];
  readonly verdict?: Verdict;
  readonly lines: readonly IndicatorLine[];
  readonly previous?: { readonly total: number; readonly grade: string | null; readonly delta: number };
}

/** A problem with the evidence that did not stop the run. */
export interface Warning {
  readonly code: string;
  readonly params: MessageParams;
  readonly message: string;
}

/** The scores of an assessment (without accountability): reproducible, explainable, JSON-serializable. */
export interface ScoreResult {
  readonly schemaVersion: 1;
  readonly engine: { readonly name: 'zerenzhi'; readonly version: string };
  readonly ruleSet: { readonly id: string; readonly version: string; readonly title: string };
  readonly period: { readonly start: string; readonly end: string; readonly asOf: string | null; readonly label: string };
  readonly lang: 'zh' | 'en';
  /** sha256 of the canonical inputs (graph, rule set, records as a multiset, asOf, previous). */
  readonly fingerprint: string;
  readonly organizations: readonly SubjectResult[];
  readonly people: readonly SubjectResult[];
  readonly warnings: readonly Warning[];
  readonly evidence: EvidenceStats;
}
