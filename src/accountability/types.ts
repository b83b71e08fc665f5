import type { ResponsibilityKind } from '../model/responsibility.js';
import type { ScoreResult } from '../engine/result.js';

/** Art. 6 of 问责条例 and Art. 39 of 纪律处分条例: the kinds of liability within a team. */
export type Liability = 'overall-leadership' | 'principal-leadership' | 'important-leadership' | 'direct';

/**
 * Chinese and English names of each liability kind.
 *
 * @example
 * LIABILITY_LABELS['principal-leadership'].zh; // '主要领导责任'
 */
export const LIABILITY_LABELS: Readonly<Record<Liability, { zh: string; en: string }>> = {
  'overall-leadership': { zh: '全面领导责任', en: 'overall leadership responsibility' },
  'principal-leadership': { zh: '主要领导责任', en: 'principal leadership responsibility' },
  'important-leadership': { zh: '重要领导责任', en: 'important leadership responsibility' },
  direct: { zh: '直接责任', en: 'direct responsibility' },
};

/** A subject of a finding. */
export interface FindingSubject {
  readonly type: 'organization' | 'person';
  readonly id: string;
  readonly name: string;
}

/** A form on a ladder, as the rule set defines it. */
export interface FormDefinition {
  readonly id: string;
  readonly title: string;
  readonly titleEn?: string | undefined;
}

/** A form of accountability, with its place on the ladder (1 = lightest). */
export interface FindingForm {
  readonly id: string;
  readonly title: string;
  readonly severity: number;
}

/** A circumstance that moved the proposed form. */
export interface Circumstance {
  readonly kind: 'repeat' | 'aggravating' | 'mitigating';
  /** +1 heavier, -1 lighter. */
  readonly step: 1 | -1;
  readonly recordIds: readonly string[];
  /** The move was cut at an end of the ladder. */
  readonly clamped: boolean;
}

/** One link of the path from the subject that set off the rule to the subject of the finding. */
export interface FindingPathStep {
  readonly distance: number;
  readonly organization: string;
  readonly kind: ResponsibilityKind | 'direct';
}

/** What a person decided about a proposed finding. */
export interface FindingDecision {
  readonly action: 'confirm' | 'waive' | 'change';
  readonly by: string;
  readonly at: string;
  readonly reason?: string;
  /** For `change`: the form decided, when it differs from the proposal. */
  readonly form?: FindingForm;
}

/**
 * A proposed accountability finding: who, in which capacity, which form, why, and how it was
 * reached along the chain. The library never decides: `status` stays `proposed` until a person's
 * decision is recorded with `applyDecisions`.
 */
export interface Finding {
  readonly id: string;
  readonly rule: string;
  readonly ruleTitle: string;
  readonly status: 'proposed' | 'confirmed' | 'waived' | 'changed';
  readonly subject: FindingSubject;
  readonly liability: Liability;
  readonly basis: ResponsibilityKind | 'direct';
  /** The proposed form after circumstances. */
  readonly form: FindingForm;
  /** The rule's form before circumstances. */
  readonly baseForm: FindingForm;
  readonly circumstances: readonly Circumstance[];
  /** Art. 17 grounds found in the records: the finding stays, with the proposal to waive it. */
  readonly waiver?: { readonly reason: string; readonly title: string; readonly recordIds: readonly string[] };
  readonly trigger: {
    readonly type: string;
    readonly subject: FindingSubject;
    readonly indicators: readonly string[];
    readonly recordIds: readonly string[];
  };
  readonly path: readonly FindingPathStep[];
  readonly explanation: string;
  readonly decision?: FindingDecision;
}

/**
 * A subject that set off an accountability rule this period, whether or not the rule reached
 * anyone from it (a branch with no liaison leader still set off a rule that reaches only liaison
 * leaders). What `repeat` rules read of the previous period, and what supervision and pressure
 * count as flagged.
 */
export interface RuleHit {
  readonly rule: string;
  readonly subject: FindingSubject;
  /** How many findings the hit gave: 0 when the rule reached nobody from it, or when provisional. */
  readonly reached: number;
  /**
   * The period was still running at `asOf`, and what set the rule off may yet change (a grade or
   * verdict read from the points so far, a line that may still be made up): no finding is
   * proposed from it yet, and supervision, pressure and next period's repeats do not count it.
   * Present only when true.
   */
  readonly provisional?: true;
  /** For a provisional hit (which has no finding to carry them): the rule's title, in the result's language. */
  readonly ruleTitle?: string;
  /** For a provisional hit: the indicators and records that set the rule off, as a finding's `trigger` has them. */
  readonly indicators?: readonly string[];
  readonly recordIds?: readonly string[];
  /** For a provisional hit: what set the rule off, in the result's language. */
  readonly explanation?: string;
}

/** Whether a person may receive the top grade and awards (评优评先) this period, and why not. */
export interface Eligibility {
  readonly person: string;
  readonly name: string;
  readonly eligible: false;
  readonly findings: readonly string[];
  /** The person currently holds the top grade of their ladder, which the findings put at risk. */
  readonly holdsTopGrade: boolean;
  readonly reason: string;
}

/** 层层传导压力: the share of the organizations a leader answers for that set off an accountability rule. */
export interface Pressure {
  readonly person: string;
  readonly name: string;
  readonly answersFor: number;
  readonly flagged: number;
  readonly share: number;
  readonly flaggedOrganizations: readonly string[];
}

/**
 * The full result of an assessment: scores, grades and verdicts, and the proposed
 * accountability findings with eligibility and pressure.
 */
export interface AssessmentResult extends ScoreResult {
  readonly findings: readonly Finding[];
  /**
   * Every subject each rule (and the supervision rule) set off, in rule order. A result written
   * before this field was added lacks it: read as a previous period, its findings' trigger
   * subjects stand in for it.
   */
  readonly hits: readonly RuleHit[];
  readonly eligibility: readonly Eligibility[];
  readonly pressure: readonly Pressure[];
  /** The lightest person form that bars the top grade and awards, when accountability is configured. */
  readonly ineligibleFrom: FindingForm | null;
  /** The ladders of forms in force (lightest first), when accountability is configured. */
  readonly forms: { readonly organization: readonly FormDefinition[]; readonly person: readonly FormDefinition[] } | null;
  /** Present once decisions have been applied: who decided what, in order. */
  readonly audit?: readonly AuditEntry[];
}

/** One recorded decision. */
export interface AuditEntry {
  readonly finding: string;
  readonly action: 'confirm' | 'waive' | 'change';
  readonly by: string;
  readonly at: string;
  readonly reason?: string;
  readonly from: string;
  readonly to: string;
}
