import type { AttributeValue, RecordStatus } from '../index.js';

/**
 * Whose record it is: an organization, a person, or both (a person's record in an organization).
 *
 * @example
 * const subject: RecordSubject = { person: 'p4' };
 */
export interface RecordSubject {
  readonly organization?: string;
  readonly person?: string;
}

/**
 * Fields every record helper accepts besides its own.
 *
 * @example
 * const options: RecordOptions = { organization: 'b1', attributes: { minutes: 'minutes.pdf' } };
 */
export interface RecordOptions extends RecordSubject {
  /** An explicit id; by default `type:subject:date`, with `#2`, `#3`… on repeats. */
  readonly id?: string;
  readonly status?: RecordStatus;
  readonly source?: string;
  readonly title?: string;
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
}

/**
 * `monthly`: one record on `day` (default 10) of each month of `year`, or of `months`, less `except`.
 *
 * @example
 * const options: MonthlyOptions = { organization: 'b1', year: 2022, except: [12] };
 */
export interface MonthlyOptions extends Omit<RecordOptions, 'id'> {
  readonly year?: number;
  readonly months?: readonly number[];
  readonly except?: readonly number[];
  readonly day?: number;
}

/**
 * `quarterly`: one record in each quarter (default: the 10th of its middle month), less `except`.
 *
 * @example
 * const options: QuarterlyOptions = { organization: 'b1', year: 2022, except: [2, 4] };
 */
export interface QuarterlyOptions extends Omit<RecordOptions, 'id'> {
  readonly year?: number;
  readonly quarters?: readonly number[];
  readonly except?: readonly number[];
  /** Month of the quarter, 1–3 (default 2). */
  readonly month?: 1 | 2 | 3;
  readonly day?: number;
}

/**
 * `task`: a task due on `due`, done on `completed` (omit for still open), dated `date`
 * (default 1 January of the due year: assigned before anything was done).
 *
 * @example
 * const options: TaskOptions = { organization: 'b1', due: '2022-06-30', completed: '2022-07-12' };
 */
export interface TaskOptions extends RecordOptions {
  readonly due: string;
  readonly completed?: string;
  readonly date?: string;
}

/**
 * `ratings`: one record per score, raters `rater-1`, `rater-2`… (attributes `rater` and `score`).
 *
 * @example
 * const options: RatingsOptions = { person: 'p4', scores: [90, 85, 88, 70, 95] };
 */
export interface RatingsOptions extends Omit<RecordOptions, 'id'> {
  readonly scores: readonly number[];
  /** Default 15 December of `year`. */
  readonly date?: string;
  readonly year?: number;
  /** Rater names, one per score (default `rater-1`…). */
  readonly raters?: readonly string[];
}

/**
 * `manual`: assessors' scores for a manual indicator, by group (attributes `indicator`, `group`, `score`).
 *
 * @example
 * const options: ManualOptions = { organization: 'b1', scores: { department: 90, inspection: 80 } };
 */
export interface ManualOptions extends Omit<RecordOptions, 'id' | 'attributes'> {
  readonly scores: Readonly<Record<string, number | readonly number[]>>;
  /** Record type (default `manual-score`). */
  readonly type?: string;
  readonly date?: string;
  readonly year?: number;
}

/**
 * `business`: a business score for the composite (两张皮) (attribute `score`).
 *
 * @example
 * const options: BusinessOptions = { organization: 'b1', year: 2022 };
 */
export interface BusinessOptions extends Omit<RecordOptions, 'id' | 'attributes'> {
  /** Record type (default `business-score`). */
  readonly type?: string;
  readonly date?: string;
  readonly year?: number;
}
