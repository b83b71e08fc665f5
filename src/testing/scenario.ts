import { z } from 'zod';
import {
  assess,
  parseRuleSet,
  type AssessmentResult,
  type Finding,
  type Graph,
  type IndicatorLine,
  type Lang,
  type RecordInput,
  type RuleSet,
  type SubjectResult,
  type Verdict,
} from '../index.js';
import { describeLine, describeSubject } from './explain.js';
import { findingContext, selectFindings, type FindingFilter } from './finding-filter.js';
import { didYouMean, fail, kitIssue, langOf, LangSchema, schemaIssues, throwIssues } from './issues.js';
import { findLine, findSubject } from './lookup.js';
import { recordOf, toGraph, toRecords, type GraphSource, type RecordsSource, type RuleSetSource } from './sources.js';

export type { GraphSource, RecordsSource, RuleSetSource } from './sources.js';

/**
 * What a scenario runs on besides the rule set.
 *
 * @example
 * const options: ScenarioOptions = { graph: g, records: evidence, asOf: '2022-09-30', lang: 'en' };
 */
export interface ScenarioOptions {
  readonly graph: GraphSource;
  readonly records?: RecordsSource;
  /** Assess a period still running, as of this date. */
  readonly asOf?: string;
  /** Last period's scenario or result (for comparisons and repeat findings). */
  readonly previous?: Scenario | AssessmentResult;
  /** Language of explanations and failure messages (default `zh`). */
  readonly lang?: Lang;
}

/**
 * Which records `without` drops: an id, a list of ids, or a test on id and record. An id no
 * record has, or a test no record passes, is an error: a what-if that leaves nothing out would
 * test nothing.
 *
 * @example
 * const december: RecordSelector = (_id, record) => record.date >= '2022-12-01';
 */
export type RecordSelector = string | readonly string[] | ((id: string, record: RecordInput) => boolean);

const BRAND = Symbol.for('zerenzhi.testing.scenario');

const idOf = (entry: unknown): string | undefined => recordOf(entry)?.id;

/**
 * One assessment run for tests, with short accessors and "what if" variants. Make one with
 * {@link scenario}.
 *
 * @example
 * const s = scenario(rules, { graph: g, records: evidence });
 * s.line('b1', 'br-theme-day').points; // 9
 * s.without((id) => id.startsWith('theme-day:b1:2022-03')).score('b1', 'br-theme-day'); // 8
 */
export class Scenario {
  /** The rule set, parsed. */
  readonly rules: RuleSet;
  /** The graph, parsed. */
  readonly graph: Graph;
  /** The raw records, ids assigned. */
  readonly records: readonly unknown[];
  readonly asOf: string | undefined;
  readonly previous: AssessmentResult | undefined;
  readonly lang: Lang;
  /** The full result of `assess`. */
  readonly result: AssessmentResult;
  readonly #indicators: ReadonlySet<string>;

  /** Use {@link scenario}. */
  constructor(rules: RuleSet, graphValue: Graph, recordList: readonly unknown[], options: { asOf?: string | undefined; previous?: AssessmentResult | undefined; lang: Lang }) {
    this.rules = rules;
    this.graph = graphValue;
    this.records = recordList;
    this.asOf = options.asOf;
    this.previous = options.previous;
    this.lang = options.lang;
    this.#indicators = new Set(rules.indicators.map((i) => i.id));
    // A symbol brand rather than instanceof, so that two copies of the kit recognise each other.
    Object.defineProperty(this, BRAND, { value: true });
    this.result = assess({
      graph: graphValue,
      rules,
      records: recordList,
      lang: options.lang,
      ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
      ...(options.previous !== undefined ? { previous: options.previous } : {}),
    });
  }

  /**
   * An organization's or person's result (organizations are looked up first).
   *
   * @example
   * s.subject('b1').total;
   */
  subject(id: string): SubjectResult {
    return findSubject(this.result, id, this.lang);
  }

  /**
   * One indicator line of a subject.
   *
   * @example
   * s.line('p4', 'sec-july-lecture').explanation;
   */
  line(subjectId: string, indicatorId: string): IndicatorLine {
    return findLine(this.result, subjectId, indicatorId, this.lang, this.#indicators);
  }

  /**
   * Points: the subject's sum of points, or with an indicator, that line's points.
   *
   * @example
   * s.score('b1'); // sum of the lines' points
   * s.score('b1', 'br-theme-day'); // 9
   */
  score(subjectId: string, indicatorId?: string): number {
    return indicatorId === undefined ? this.subject(subjectId).score : this.line(subjectId, indicatorId).points;
  }

  /**
   * The total grades are read from: points scaled to the rule set's scale, plus bonus.
   *
   * @example
   * s.total('b1'); // 103
   */
  total(subjectId: string): number {
    return this.subject(subjectId).total;
  }

  /**
   * The grade's id, or null when the subject is not graded.
   *
   * @example
   * s.grade('b1'); // 'good'
   */
  grade(subjectId: string): string | null {
    return this.subject(subjectId).grade?.id ?? null;
  }

  /**
   * The verdict on a person: fulfilled, derelict, incompetent or undetermined.
   *
   * @throws {ValidationError} (code `not-a-person`) when the id is an organization's.
   * @example
   * s.verdict('p4'); // 'derelict'
   */
  verdict(personId: string): Verdict | undefined {
    const subject = this.subject(personId);
    if (subject.type !== 'person') fail('query', [kitIssue('not-a-person', ['person'], { id: personId }, this.lang)], this.lang);
    return subject.verdict;
  }

  /**
   * The proposed findings matching a filter (all of them without one). A field the filter does
   * not have, or a subject, rule or form the graph and rule set do not have, is an error.
   *
   * @throws {ValidationError} listing every problem with the filter.
   * @example
   * s.findings({ subject: 'p4', rule: 'serious-case' })[0]?.form.id; // 'admonishment'
   */
  findings(filter: FindingFilter = {}): Finding[] {
    return selectFindings(this.result.findings, filter, this.lang, scenarioFindingContext(this));
  }

  /**
   * A readable account of a subject (every line) or of one line, in the scenario's language.
   *
   * @example
   * console.log(s.explain('b1', 'br-theme-day'));
   */
  explain(subjectId: string, indicatorId?: string): string {
    return (indicatorId === undefined ? describeSubject(this.subject(subjectId), this.lang) : describeLine(this.line(subjectId, indicatorId), this.lang)).join('\n');
  }

  /**
   * The same scenario with more records. A builder's generated ids step around the ids already used.
   *
   * @example
   * s.with(records().on('2022-12-10', 'theme-day', { organization: 'b1', attributes: { minutes: 'm.pdf' } })).score('b1', 'br-theme-day');
   */
  with(extra: RecordsSource | RecordInput): Scenario {
    const taken = this.records.flatMap((r) => idOf(r) ?? []);
    return new Scenario(this.rules, this.graph, [...this.records, ...toRecords(extra, taken)], this.#options());
  }

  /**
   * The same scenario without some records: an id, a list of ids, or a test on id and record.
   * Records given as reader items (`readNdjsonSync`…) are seen by their record's id.
   *
   * @throws {ValidationError} for an id no record has, or a test no record passes.
   * @example
   * s.without((id, record) => record.type === 'theme-day' && record.date >= '2022-12-01');
   */
  without(which: RecordSelector): Scenario {
    const entries = this.records.map((entry) => ({ entry, found: recordOf(entry) }));
    const count = entries.filter((e) => e.found !== undefined).length;
    let drop: (id: string, record: RecordInput) => boolean;
    if (typeof which === 'function') drop = which;
    else {
      const ids = typeof which === 'string' ? [which] : which;
      if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) {
        fail('query', [kitIssue('invalid-type', ['which'], { expected: 'string | string[] | function', received: Array.isArray(ids) ? 'array' : typeof ids }, this.lang)], this.lang);
      }
      const present = new Set(entries.flatMap((e) => e.found?.id ?? []));
      const missing = ids.flatMap((id, i) =>
        present.has(id) ? [] : [kitIssue('without-unknown-id', typeof which === 'string' ? ['which'] : ['which', i], { id, count, hint: didYouMean(id, present, this.lang) }, this.lang)],
      );
      throwIssues('query', missing, this.lang);
      const chosen = new Set(ids);
      drop = (id) => chosen.has(id);
    }
    const kept = entries.filter(({ found }) => found?.id === undefined || !drop(found.id, found.record)).map((e) => e.entry);
    if (kept.length === this.records.length) fail('query', [kitIssue('without-nothing', ['which'], { count }, this.lang)], this.lang);
    return new Scenario(this.rules, this.graph, kept, this.#options());
  }

  #options(): { asOf?: string | undefined; previous?: AssessmentResult | undefined; lang: Lang } {
    return { asOf: this.asOf, previous: this.previous, lang: this.lang };
  }
}

/**
 * Whether a value is a {@link Scenario} (also across copies of the kit).
 *
 * @example
 * isScenario(scenario(rules, { graph: g })); // true
 */
export function isScenario(value: unknown): value is Scenario {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/**
 * What a finding filter's ids are checked against in a scenario: the graph's organizations and
 * people, the rule set's accountability rules, and the forms in force.
 *
 * @example
 * scenarioFindingContext(s).subjects.has('p4'); // true
 */
export function scenarioFindingContext(s: Scenario): ReturnType<typeof findingContext> {
  return findingContext(s.result, { rules: s.rules, subjects: [...s.graph.organizations.keys(), ...s.graph.people.keys()] });
}

const ScenarioOptionsSchema = z.strictObject({
  graph: z.unknown().optional(),
  records: z.unknown().optional(),
  asOf: z.string().optional(),
  previous: z.unknown().optional(),
  lang: LangSchema.optional(),
});

/**
 * Runs `assess` on a rule set, a graph and records, and returns a {@link Scenario} with short
 * accessors and `with` / `without` for "what if" tests.
 *
 * @throws {ValidationError} when an option's name is unknown (`record` for `records`), the graph
 * is missing, or the rule set, the graph or a record is invalid.
 * @example
 * const s = scenario(rules, {
 *   graph: graph().committee('bureau', '局党委', { secretary: 'p1' }).branch('b1', '第一党支部', { parent: 'bureau', secretary: 'p4' }),
 *   records: records({ year: 2022 }).monthly('theme-day', { organization: 'b1', except: [12] }),
 * });
 * s.line('b1', 'br-theme-day').points;
 */
export function scenario(rules: RuleSetSource, options: ScenarioOptions): Scenario {
  const lang = langOf(options);
  const issues = schemaIssues(ScenarioOptionsSchema, options, [], lang);
  if (issues.length === 0 && options.graph === undefined) issues.push(kitIssue('required', ['graph'], { field: 'graph' }, lang));
  throwIssues('options', issues, lang);
  const previous = options.previous === undefined ? undefined : isScenario(options.previous) ? options.previous.result : options.previous;
  return new Scenario(parseRuleSet(rules, { lang }), toGraph(options.graph, lang), toRecords(options.records ?? []), { asOf: options.asOf, previous, lang });
}
