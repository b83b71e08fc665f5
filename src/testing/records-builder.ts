import type { z } from 'zod';
import type { Issue, Lang, RecordInput } from '../index.js';
import { fail, kitIssue, langOf, listed, schemaIssues, throwIssues } from './issues.js';
import { hintOf, makeEntry, recordIssues, type Entry } from './record-entry.js';
import type { BusinessOptions, ManualOptions, MonthlyOptions, QuarterlyOptions, RatingsOptions, RecordOptions, TaskOptions } from './record-options.js';
import {
  BuildOptionsSchema,
  BusinessOptionsSchema,
  ManualOptionsSchema,
  MonthlyOptionsSchema,
  QuarterlyOptionsSchema,
  RatingsOptionsSchema,
  RecordOptionsSchema,
  RecordsOptionsSchema,
  TaskOptionsSchema,
} from './record-schemas.js';

export type { BusinessOptions, ManualOptions, MonthlyOptions, QuarterlyOptions, RatingsOptions, RecordOptions, RecordSubject, TaskOptions } from './record-options.js';

// `pending` and `rejected` set the status themselves: one given as well would be overridden.
const ReviewedOptionsSchema = RecordOptionsSchema.omit({ status: true });

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The `except` entries no chosen month or quarter has: an exception that leaves nothing out. */
function unusedExceptions(chosen: readonly number[] | undefined, except: readonly number[] | undefined, lang: Lang): Issue[] {
  if (chosen === undefined || except === undefined) return [];
  return except.flatMap((value, i) => (chosen.includes(value) ? [] : [kitIssue('except-unused', ['except', i], { value, have: listed(chosen.map(String)) }, lang)]));
}

/**
 * Records written in a few lines, with deterministic ids (`type:subject:date`, `#2`… on
 * repeats). Immutable: every call returns a new builder.
 *
 * @example
 * const evidence = records({ year: 2022 })
 *   .monthly('theme-day', { organization: 'b1', except: [12], attributes: { minutes: 'm.pdf' } })
 *   .quarterly('member-assembly', { organization: 'b1' })
 *   .on('2022-07-01', 'party-lecture', { person: 'p4' })
 *   .task('inspection-rectification', { organization: 'b1', due: '2022-06-30', completed: '2022-07-12' })
 *   .ratings('appraisal', { person: 'p4', scores: [90, 85, 88, 70, 95] })
 *   .build();
 */
export class RecordsBuilder {
  readonly #year: number | undefined;
  readonly #entries: readonly Entry[];
  readonly #lang: Lang;

  /** Use {@link records} to start one. */
  constructor(year: number | undefined, entries: readonly Entry[], lang: Lang = 'zh') {
    this.#year = year;
    this.#entries = entries;
    this.#lang = lang;
  }

  /**
   * Adds entries once their records pass the library's record check (else a `ValidationError`,
   * subject `records`, listing each problem once).
   */
  #push(...entries: Entry[]): RecordsBuilder {
    throwIssues('records', entries.flatMap((e) => recordIssues({ ...e.record, ...(e.id !== undefined ? { id: e.id } : {}) }, [], this.#lang)), this.#lang);
    // The first year seen becomes the default, so `records().monthly(…, { year: 2022 })` need not repeat it.
    const first = Number(entries[0]?.record.date.slice(0, 4));
    return new RecordsBuilder(this.#year ?? (Number.isInteger(first) ? first : undefined), [...this.#entries, ...entries], this.#lang);
  }

  /** Checks a helper's options against its strict schema, and whatever `more` finds, in the builder's language. */
  #check(schema: z.ZodObject, options: unknown, more: () => readonly Issue[] = () => []): void {
    const issues = schemaIssues(schema, options, [], this.#lang);
    throwIssues('options', issues.length === 0 ? more() : issues, this.#lang);
  }

  #yearOf(given: number | undefined, helper: string): string {
    const year = given ?? this.#year;
    if (year === undefined) fail('options', [kitIssue('needs-year', ['year'], { helper }, this.#lang)], this.#lang);
    return pad(year, 4);
  }

  /**
   * One record on a date.
   *
   * @example
   * records().on('2022-07-01', 'party-lecture', { person: 'p4' });
   */
  on(date: string, type: string, options: RecordOptions): RecordsBuilder {
    this.#check(RecordOptionsSchema, options);
    return this.#push(makeEntry(type, date, options));
  }

  /**
   * One record awaiting review (`status: 'pending'`): reported, not counted.
   *
   * @example
   * records().pending('2022-11-20', 'theme-day', { organization: 'b1' });
   */
  pending(date: string, type: string, options: Omit<RecordOptions, 'status'>): RecordsBuilder {
    this.#check(ReviewedOptionsSchema, options);
    return this.#push(makeEntry(type, date, { ...options, status: 'pending' }));
  }

  /**
   * One record sent back (`status: 'rejected'`): reported, not counted.
   *
   * @example
   * records().rejected('2022-05-10', 'publicity-campaign', { organization: 'b1' });
   */
  rejected(date: string, type: string, options: Omit<RecordOptions, 'status'>): RecordsBuilder {
    this.#check(ReviewedOptionsSchema, options);
    return this.#push(makeEntry(type, date, { ...options, status: 'rejected' }));
  }

  /**
   * One record a month: on `day` (default 10) of each month, or of `months`, less `except`.
   *
   * @throws {ValidationError} for an option it does not have, a month outside 1–12, a day that
   * makes no real date, or an exception among no month chosen.
   * @example
   * records().monthly('theme-day', { organization: 'b1', year: 2022, except: [12] }); // 11 records
   */
  monthly(type: string, options: MonthlyOptions): RecordsBuilder {
    this.#check(MonthlyOptionsSchema, options, () => unusedExceptions(options.months, options.except, this.#lang));
    const year = this.#yearOf(options.year, 'monthly');
    const months = (options.months ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]).filter((m) => !(options.except ?? []).includes(m));
    return this.#push(...months.map((m) => makeEntry(type, `${year}-${pad(m)}-${pad(options.day ?? 10)}`, options)));
  }

  /**
   * One record a quarter: on `day` (default 10) of its `month` (1–3, default 2: the middle one),
   * in each quarter or in `quarters`, less `except`.
   *
   * @throws {ValidationError} for an option it does not have, a quarter outside 1–4, a month of
   * the quarter outside 1–3, a day that makes no real date, or an exception among no quarter chosen.
   * @example
   * records().quarterly('member-assembly', { organization: 'b1', year: 2022, except: [4] }); // Feb, May, Aug
   */
  quarterly(type: string, options: QuarterlyOptions): RecordsBuilder {
    this.#check(QuarterlyOptionsSchema, options, () => unusedExceptions(options.quarters, options.except, this.#lang));
    const year = this.#yearOf(options.year, 'quarterly');
    const quarters = (options.quarters ?? [1, 2, 3, 4]).filter((q) => !(options.except ?? []).includes(q));
    const month = options.month ?? 2;
    return this.#push(...quarters.map((q) => makeEntry(type, `${year}-${pad((q - 1) * 3 + month)}-${pad(options.day ?? 10)}`, options)));
  }

  /**
   * A task with a due date (巡察整改, 工作要点): done on `completed`, or still open without it.
   *
   * @example
   * records().task('inspection-rectification', { organization: 'b1', due: '2022-06-30', completed: '2022-07-12' });
   */
  task(type: string, options: TaskOptions): RecordsBuilder {
    // The date defaults to the due date's year: a due date that is no date is said as such first.
    this.#check(TaskOptionsSchema, options, () => recordIssues({ type, organization: options.organization, person: options.person, date: options.due, due: options.due }, [], this.#lang).filter((i) => i.path[0] === 'due'));
    const extra: Partial<RecordInput> = { due: options.due, ...(options.completed !== undefined ? { completed: options.completed } : {}) };
    return this.#push(makeEntry(type, options.date ?? `${options.due.slice(0, 4)}-01-01`, options, extra));
  }

  /**
   * Raters' scores (民主测评): one record per score with attributes `rater` and `score`.
   *
   * @example
   * records({ year: 2022 }).ratings('appraisal', { person: 'p4', scores: [90, 85, 88, 70, 95] });
   */
  ratings(type: string, options: RatingsOptions): RecordsBuilder {
    this.#check(RatingsOptionsSchema, options, () =>
      options.raters !== undefined && options.raters.length !== options.scores.length ? [kitIssue('raters-count', ['raters'], { raters: options.raters.length, scores: options.scores.length }, this.#lang)] : [],
    );
    const date = options.date ?? `${this.#yearOf(options.year, 'ratings')}-12-15`;
    return this.#push(
      ...options.scores.map((score, i) => {
        const rater = options.raters?.[i] ?? `rater-${i + 1}`;
        return makeEntry(type, date, { ...options, attributes: { ...options.attributes, rater, score } }, {}, `:${rater}`);
      }),
    );
  }

  /**
   * Assessors' scores for a manual indicator (述职评议), by group; a list gives several scores.
   *
   * @example
   * records({ year: 2022 }).manual('br-review', { organization: 'b1', scores: { department: 90, inspection: 80 } });
   */
  manual(indicator: string, options: ManualOptions): RecordsBuilder {
    this.#check(ManualOptionsSchema, options);
    const date = options.date ?? `${this.#yearOf(options.year, 'manual')}-12-15`;
    const type = options.type ?? 'manual-score';
    const entries = Object.entries(options.scores).flatMap(([group, scores]) =>
      (typeof scores === 'number' ? [scores] : scores).map((score) => makeEntry(type, date, { ...options, attributes: { indicator, group, score } }, {}, `:${indicator}:${group}`)),
    );
    return this.#push(...entries);
  }

  /**
   * A business score (业务考核得分) for the composite.
   *
   * @example
   * records({ year: 2022 }).business(85, { organization: 'b1' });
   */
  business(score: number, options: BusinessOptions): RecordsBuilder {
    this.#check(BusinessOptionsSchema, options);
    const date = options.date ?? `${this.#yearOf(options.year, 'business')}-12-15`;
    return this.#push(makeEntry(options.type ?? 'business-score', date, { ...options, attributes: { score } }));
  }

  /**
   * Adds raw records, kept as written, or another builder's records. A raw record without an id
   * gets one as the helpers' records do (`type:subject:date`).
   *
   * @throws {ValidationError} listing every problem of the raw records, at their place among
   * the arguments (`[1].date`): a record that is not one, without a real date, without an
   * organization or a person…
   * @example
   * records().add({ id: 'r-1', type: 'award', organization: 'b1', date: '2022-10-01', attributes: { level: 'national' } });
   * records().add({ type: 'award', organization: 'b1', date: '2022-10-01' }).build()[0]?.id; // 'award:b1:2022-10-01'
   */
  add(...items: readonly (RecordInput | (Omit<RecordInput, 'id'> & { readonly id?: string }) | RecordsBuilder)[]): RecordsBuilder {
    throwIssues('records', items.flatMap((item, i) => (item instanceof RecordsBuilder ? [] : recordIssues(item, [i], this.#lang))), this.#lang);
    const entries = items.flatMap((item): Entry[] => {
      if (item instanceof RecordsBuilder) return [...item.#entries];
      const { id, ...record } = item;
      return [{ record, ...(id !== undefined ? { id } : {}), hint: id ?? hintOf(record) }];
    });
    return this.#push(...entries);
  }

  /**
   * The records, in the order written, with ids assigned. `avoid` lists ids already taken
   * elsewhere (generated ids step around them; explicit ids are kept).
   *
   * @example
   * records({ year: 2022 }).monthly('theme-day', { organization: 'b1' }).build()[0]?.id; // 'theme-day:b1:2022-01-10'
   */
  build(options: { readonly avoid?: Iterable<string> } = {}): RecordInput[] {
    this.#check(BuildOptionsSchema, options);
    const taken = new Set<string>(options.avoid ?? []);
    for (const entry of this.#entries) if (entry.id !== undefined) taken.add(entry.id);
    return this.#entries.map((entry) => {
      let id = entry.id;
      if (id === undefined) {
        id = entry.hint;
        for (let n = 2; taken.has(id); n++) id = `${entry.hint}#${n}`;
        taken.add(id);
      }
      return structuredClone({ id, ...entry.record });
    });
  }
}

/**
 * Starts a records builder. The helpers that place records by month, quarter or at year end
 * use `year`, else the year of the first record written. Its errors are in Chinese, or in
 * English with `lang: 'en'`.
 *
 * @throws {ValidationError} for an option it does not have, or a year that is not a whole number from 1 to 9999.
 * @example
 * const evidence = records({ year: 2022 })
 *   .monthly('theme-day', { organization: 'b1', except: [12] })
 *   .pending('2022-11-20', 'theme-day', { organization: 'b1' })
 *   .build();
 */
export function records(options: { readonly year?: number; readonly lang?: Lang } = {}): RecordsBuilder {
  const lang = langOf(options);
  throwIssues('options', schemaIssues(RecordsOptionsSchema, options, [], lang), lang);
  return new RecordsBuilder(options.year, [], lang);
}
