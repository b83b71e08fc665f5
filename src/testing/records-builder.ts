import { parseCalendarDate, type RecordInput } from '../index.js';
import type { BusinessOptions, ManualOptions, MonthlyOptions, QuarterlyOptions, RatingsOptions, RecordOptions, TaskOptions } from './record-options.js';

export type { BusinessOptions, ManualOptions, MonthlyOptions, QuarterlyOptions, RatingsOptions, RecordOptions, RecordSubject, TaskOptions } from './record-options.js';

interface Entry {
  readonly record: Omit<RecordInput, 'id'>;
  readonly id?: string;
  readonly hint: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function checkedDate(text: string): string {
  if (parseCalendarDate(text) === undefined) throw new RangeError(`zerenzhi/testing: "${text}" is not a real calendar date (YYYY-MM-DD)`);
  return text;
}

function makeEntry(type: string, date: string, options: Omit<RecordOptions, 'attributes'> & { attributes?: RecordOptions['attributes'] | undefined }, extra: Partial<RecordInput> = {}, suffix = ''): Entry {
  if (options.organization === undefined && options.person === undefined) {
    throw new TypeError(`zerenzhi/testing: a "${type}" record needs an organization or a person`);
  }
  const record: Omit<RecordInput, 'id'> = {
    type,
    ...(options.organization !== undefined ? { organization: options.organization } : {}),
    ...(options.person !== undefined ? { person: options.person } : {}),
    date: checkedDate(date),
    ...extra,
    ...(options.status !== undefined ? { status: options.status } : {}),
    ...(options.source !== undefined ? { source: options.source } : {}),
    ...(options.title !== undefined ? { title: options.title } : {}),
    ...(options.attributes !== undefined ? { attributes: { ...options.attributes } } : {}),
  };
  const subject = [options.organization, options.person].filter((s) => s !== undefined).join('+');
  return { record, ...(options.id !== undefined ? { id: options.id } : {}), hint: `${type}:${subject}:${date}${suffix}` };
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

  /** Use {@link records} to start one. */
  constructor(year: number | undefined, entries: readonly Entry[]) {
    this.#year = year;
    this.#entries = entries;
  }

  #push(...entries: Entry[]): RecordsBuilder {
    // The first year seen becomes the default, so `records().monthly(…, { year: 2022 })` need not repeat it.
    const first = Number(entries[0]?.record.date.slice(0, 4));
    return new RecordsBuilder(this.#year ?? (Number.isInteger(first) ? first : undefined), [...this.#entries, ...entries]);
  }

  #yearOf(given: number | undefined, helper: string): number {
    const year = given ?? this.#year;
    if (year === undefined) throw new TypeError(`zerenzhi/testing: ${helper}() needs a year — records({ year: 2022 }), { year } on the call, or a dated record first`);
    return year;
  }

  /**
   * One record on a date.
   *
   * @example
   * records().on('2022-07-01', 'party-lecture', { person: 'p4' });
   */
  on(date: string, type: string, options: RecordOptions): RecordsBuilder {
    return this.#push(makeEntry(type, date, options));
  }

  /**
   * One record awaiting review (`status: 'pending'`): reported, not counted.
   *
   * @example
   * records().pending('2022-11-20', 'theme-day', { organization: 'b1' });
   */
  pending(date: string, type: string, options: RecordOptions): RecordsBuilder {
    return this.on(date, type, { ...options, status: 'pending' });
  }

  /**
   * One record sent back (`status: 'rejected'`): reported, not counted.
   *
   * @example
   * records().rejected('2022-05-10', 'publicity-campaign', { organization: 'b1' });
   */
  rejected(date: string, type: string, options: RecordOptions): RecordsBuilder {
    return this.on(date, type, { ...options, status: 'rejected' });
  }

  /**
   * One record a month.
   *
   * @example
   * records().monthly('theme-day', { organization: 'b1', year: 2022, except: [12] }); // 11 records
   */
  monthly(type: string, options: MonthlyOptions): RecordsBuilder {
    const year = this.#yearOf(options.year, 'monthly');
    const months = (options.months ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]).filter((m) => !(options.except ?? []).includes(m));
    return this.#push(...months.map((m) => makeEntry(type, `${year}-${pad(m)}-${pad(options.day ?? 10)}`, options)));
  }

  /**
   * One record a quarter.
   *
   * @example
   * records().quarterly('member-assembly', { organization: 'b1', year: 2022, except: [4] }); // Feb, May, Aug
   */
  quarterly(type: string, options: QuarterlyOptions): RecordsBuilder {
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
    const due = checkedDate(options.due);
    const extra: Partial<RecordInput> = { due, ...(options.completed !== undefined ? { completed: checkedDate(options.completed) } : {}) };
    return this.#push(makeEntry(type, options.date ?? `${due.slice(0, 4)}-01-01`, options, extra));
  }

  /**
   * Raters' scores (民主测评): one record per score with attributes `rater` and `score`.
   *
   * @example
   * records({ year: 2022 }).ratings('appraisal', { person: 'p4', scores: [90, 85, 88, 70, 95] });
   */
  ratings(type: string, options: RatingsOptions): RecordsBuilder {
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
    const date = options.date ?? `${this.#yearOf(options.year, 'business')}-12-15`;
    return this.#push(makeEntry(options.type ?? 'business-score', date, { ...options, attributes: { score } }));
  }

  /**
   * Adds raw records (kept as written, ids included) or another builder's records.
   *
   * @example
   * records().add({ id: 'r-1', type: 'award', organization: 'b1', date: '2022-10-01', attributes: { level: 'national' } });
   */
  add(...items: readonly (RecordInput | RecordsBuilder)[]): RecordsBuilder {
    const entries = items.flatMap((item): Entry[] => {
      if (item instanceof RecordsBuilder) return [...item.#entries];
      const { id, ...record } = item;
      return [{ record, id, hint: id }];
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
 * use `year`, else the year of the first record written.
 *
 * @example
 * const evidence = records({ year: 2022 })
 *   .monthly('theme-day', { organization: 'b1', except: [12] })
 *   .pending('2022-11-20', 'theme-day', { organization: 'b1' })
 *   .build();
 */
export function records(options: { readonly year?: number } = {}): RecordsBuilder {
  return new RecordsBuilder(options.year, []);
}
