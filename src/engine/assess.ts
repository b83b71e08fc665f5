import { formatCalendarDate, parseCalendarDate } from '../core/calendar.js';
import { atLine, makeIssue, receivedOf, typeName, type Issue } from '../core/issue.js';
import { formatMessage } from '../core/messages.js';
import { byCodeUnit } from '../core/order.js';
import { collectSoon } from '../core/free-buffers.js';
import { sharedWeakSet } from '../core/shared-set.js';
import { CATALOGUE } from '../messages/index.js';
import type { Lang } from '../core/lang.js';
import { z } from 'zod';
import { checkOptions, LangOptionSchema } from '../core/options.js';
import { capIssue, ValidationError } from '../core/validation-error.js';
import { graphOf } from '../graph/lookup.js';
import { collectionLimitOf } from '../core/collection-limit.js';
import { isColumnProblem, issueShapeProblems, isReaderItem, type ReaderItem } from '../evidence/reader-item.js';
import { normalizeRecord } from '../evidence/normalize.js';
import type { Graph } from '../graph/types.js';
import type { RuleSet } from '../model/rules.js';
import { ENGINE_VERSION } from '../version.js';
import { checkPartial } from './partial-check.js';
import { digestHex, ingest, newAccumulation, type Accumulation } from './accumulate.js';
import { evaluateSubjects, settleDraft } from './evaluate-subjects.js';
import { basisFingerprint, fingerprintOf, hashGraphAhead } from './fingerprint.js';
import { absorbPartial, decodeLineStates, settle, snapshotAccumulation, type PartialState } from './partial.js';
import { absorbPacked, packAccumulation, type PackedPartial } from './packed.js';
import { gradeSubjects } from './grading.js';
import { parseRuleSet } from './parse-rules.js';
import { compilePlan, type Plan } from './plan.js';
import { checkPrevious, checkPreviousPeriod, comparePrevious, indexPrevious } from './previous.js';
import type { EvidenceRecord } from '../model/record.js';
import type { ScoreResult, SubjectResult } from './result.js';
import { verdictOf } from './verdict.js';
import { collectWarnings, invalidBusinessScores } from './warnings.js';

/**
 * What an assessment reads. Graph and rules may be parsed already or raw JSON values; a graph
 * object `parseGraph` did not make (a copy, `{ ...graph }`) is checked again from its contents.
 */
export interface AssessInput {
  readonly graph: Graph | unknown;
  readonly rules: RuleSet | unknown;
  /** Raw record objects, or items from the readers (which carry line numbers). */
  readonly records: Iterable<unknown>;
  /** Assess a period still running, as of this date (YYYY-MM-DD). */
  readonly asOf?: string;
  /** The previous period's result, for comparison and repeat findings. */
  readonly previous?: ScoreResult;
  readonly lang?: Lang;
  /** `error` (default): any invalid record stops the run with every problem listed; `skip`: warn and go on. */
  readonly invalidRecords?: 'error' | 'skip';
  /**
   * At most this many records (default 500 million): a whole number of at least 0; anything else
   * (NaN, -1, 1.5) is an `options` error, never the default.
   */
  readonly maxRecords?: number;
}

/** Like {@link AssessInput}, with records from a stream. */
export interface AssessStreamInput extends Omit<AssessInput, 'records'> {
  readonly records: AsyncIterable<unknown> | Iterable<unknown>;
}

/** The options every session reads; `graph`, `rules` and `previous` are checked by their own parsers. */
const SESSION_FIELDS = {
  graph: z.unknown().optional(),
  rules: z.unknown().optional(),
  asOf: z.string().optional(),
  previous: z.unknown().optional(),
  lang: LangOptionSchema.optional(),
  invalidRecords: z.enum(['error', 'skip']).optional(),
  // A whole number ≥ 0: checked by capIssue, whose message names the value.
  maxRecords: z.unknown().optional(),
};

/**
 * {@link openAssessment}'s options: {@link AssessInput} without `records` (a session takes its
 * records one by one: `records` here would be dropped without a word, so it is refused).
 */
export const SessionOptionsSchema = z.strictObject(SESSION_FIELDS);

/** The options of `assess` and `assessStream`: {@link AssessInput}. */
export const AssessOptionsSchema = z.strictObject({ ...SESSION_FIELDS, records: z.unknown().optional() });

/**
 * Every problem with a session's options, listed together: unknown names (`invalidRecord`), a
 * `lang`, `invalidRecords` or `asOf` of the wrong type or value (`'skp'` is not `'skip'`: it is
 * refused, not taken for it), a `maxRecords` that is not a whole number ≥ 0, an `asOf` that is no
 * real date. Thrown as one `ValidationError` (subject `options`) before anything is read.
 */
function checkSessionOptions(input: unknown, withRecords: boolean): Lang {
  return checkOptions(withRecords ? AssessOptionsSchema : SessionOptionsSchema, input, (lang) => {
    const { maxRecords, asOf } = input as { maxRecords?: unknown; asOf?: unknown };
    const more: Issue[] = [];
    // Missing inputs are said by name, all at once, before any parser reads `undefined` as a
    // wrong type at the root.
    for (const field of withRecords ? (['graph', 'rules', 'records'] as const) : (['graph', 'rules'] as const)) {
      if ((input as Record<string, unknown>)[field] === undefined) more.push(makeIssue('required', [field], { field }, lang));
    }
    const cap = capIssue(maxRecords, ['maxRecords'], lang);
    if (cap) more.push(cap);
    if (typeof asOf === 'string' && parseCalendarDate(asOf) === undefined) more.push(makeIssue('invalid-date', ['asOf'], { value: asOf }, lang));
    return more;
  }, { required: true });
}

const ISSUES_KEPT = 10_000;

/**
 * Distinct records from which a last finish asks V8 for a major collection (collectSoon): at
 * 100,000 records it lowered the peak by 60 MB; at a few hundred it made `assess` 4× slower.
 */
const LARGE_PASS = 50_000;

/** The partial states this engine writes and reads, and the family of their names. */
/** The format of the partial states this engine writes and reads. */
export const PARTIAL_FORMAT = 'zerenzhi-partial/2';
/** What every partial state's format starts with, this engine's or another version's. */
export const PARTIAL_FORMAT_FAMILY = 'zerenzhi-partial/';

/**
 * An issue with its message rendered again in `lang`, from its code and values. A code this engine
 * does not know, or values its message cannot be made from, keep the message as it came.
 */
function inLanguage(issue: Issue, lang: Lang): Issue {
  if (!CATALOGUE.has(issue.code)) return issue;
  try {
    // A value the message names but the issue lacks (a hand-edited state) would render as
    // "undefined": refuse it, and keep the message as it came.
    return { ...issue, message: formatMessage(issue.code, new Proxy(issue.params, NAMED_VALUES_ONLY), lang) };
  } catch {
    return issue;
  }
}

/** Reading a value the issue does not have throws (see inLanguage). */
const NAMED_VALUES_ONLY: ProxyHandler<Issue['params']> = {
  get(target, key) {
    if (typeof key === 'string' && !Object.hasOwn(target, key)) throw new RangeError(`missing value ${key}`);
    return Reflect.get(target, key) as unknown;
  },
};


/**
 * What to throw for an error met while adding to the state: V8's refusal of a Map's or a Set's
 * 16,777,217th entry, or one of the engine's own structures refusing to grow (a line's records
 * seen, the version table: `CollectionFullError`), becomes a clear error with `issue` (given the
 * limit reached); anything else stays as it was.
 */
function collectionFullOr(error: unknown, issue: (params: { limit: number }) => Issue, lang: Lang): unknown {
  const limit = collectionLimitOf(error);
  if (limit === undefined) return error;
  return new ValidationError('records', [issue({ limit })], lang);
}


// The runs a session finished: only those are taken for findings (an object made to look like
// one would fail deep inside, a TypeError in the accountability rules). Shared with the other
// build of this version loaded in the process (import and require), as built graphs are: a run
// finished by one is taken by the other's withFindings.
const finishedRuns = sharedWeakSet<object>('finished-runs');

/**
 * Whether a value is a run a session finished ({@link AssessmentSession.finish}), as
 * `withFindings` takes: not a copy or an object made to look like one.
 *
 * @example
 * isFinishedRun(session.finish()); // true
 * isFinishedRun({ result: {}, plan: {} }); // false
 */
export function isFinishedRun(value: unknown): value is ScoredRun {
  return typeof value === 'object' && value !== null && finishedRuns.has(value);
}

/** The engine's output: the scores, the records kept for accountability (in id order), and the compiled plan. */
export interface ScoredRun {
  readonly result: ScoreResult;
  readonly retained: readonly EvidenceRecord[];
  readonly plan: Plan;
  /** The previous period's result the assessment was opened with, for repeat findings. */
  readonly previous?: ScoreResult;
}

/**
 * An assessment in progress: feed it records, then finish. If taking a record or merging a
 * partial state fails half-way (`collection-full`, `collection-full-merge`: the runtime's limit
 * on one collection), the session's state is incomplete: every later call throws a
 * ValidationError with code `session-failed` instead of giving a result that would be wrong.
 */
export interface AssessmentSession {
  /** Takes one record (or reader item); false once the record cap is passed, when the caller should stop reading. */
  readonly add: (item: unknown) => boolean;
  /**
   * What this session has gathered so far, as plain JSON, to merge elsewhere: on another
   * thread's or machine's session of the same assessment with `absorb`.
   */
  readonly snapshot: () => PartialState;
  /**
   * Merges another shard's partial state into this session. Merging is associative and
   * commutative: any split of the records, merged in any order, gives the same result as one
   * pass. Throws a ValidationError (`partial-mismatch`) for a partial of another graph, rule
   * set, asOf or format; and one with subject `partial` listing every problem, with its path
   * from `partial`, of a value that is not a well-formed partial state (a file cut short or
   * edited by hand). Nothing is merged then.
   */
  readonly absorb: (partial: PartialState) => void;
  readonly finish: () => ScoredRun;
}

/**
 * A session with the merge the engine's own threads use (`packed.ts`): not part of the public
 * API, whose merge goes through {@link PartialState}.
 */
export interface SessionInternals {
  readonly session: AssessmentSession;
  /** What the session has gathered, packed for another thread of the same assessment. */
  readonly pack: () => PackedPartial;
  /**
   * Packs for the last time, for a worker that sends its state and stops: once packed, the
   * version table's typed arrays are given back (at a province's half, about 400 MB), so that
   * they are not held beside the packed copy while it is sent. The session takes nothing more.
   */
  readonly packLast: () => PackedPartial;
  /** Merges another thread's packed state, made from the same graph, rules and options. */
  readonly absorbPacked: (packed: PackedPartial) => void;
  /**
   * Finishes for the last time: what was gathered per record (the version table, the route
   * cache, each subject's lines once evaluated) is let go as the results are built, so that the
   * two are not held at once. The session takes nothing more afterwards. For the one-shot entry
   * points, whose session never reaches the caller.
   */
  readonly finishLast: () => ScoredRun;
  /**
   * Hashes the graph for the result's fingerprint ahead, as a thread that waits for others can:
   * finishing then only copies that hash. Nothing else changes.
   */
  readonly prepareFinish: () => void;
  /**
   * Throws what `finish` would for the records alone (past the cap; invalid ones, unless they
   * are skipped): for a shard that writes its partial state instead of finishing.
   */
  readonly checkRecords: () => void;
  /**
   * Settles the merges made so far now (conflicts withdrawn, statistics worked out) rather than
   * when the state is next read: for benchmarks that time a merge whole.
   */
  readonly settle: () => void;
  /** How many of the records' problems the session keeps so far (it counts them all). */
  readonly keptIssueCount: () => number;
  /** How many problems the records had so far, kept or not. */
  readonly issueCount: () => number;
  /** The problems kept so far, in order. */
  readonly keptIssues: () => readonly Issue[];
  /**
   * Puts problems in place of the ones kept (up to the number kept; the count of all is
   * unchanged): for the threads, which read pieces of the files out of order and put their
   * problems back in the order of one pass at the end.
   */
  readonly replaceKeptIssues: (kept: readonly Issue[]) => void;
}

/**
 * Opens an assessment with the engine's internal merge beside the public session.
 *
 * @example
 * const { session, pack } = openSession({ graph, rules });
 */
export function openSession(input: Omit<AssessInput, 'records'>, options: { readonly withRecords?: boolean } = {}): SessionInternals {
  const lang = checkSessionOptions(input, options.withRecords === true);
  const graph = graphOf(input.graph, lang);
  const rules = parseRuleSet(input.rules, { lang });
  const asOfDay = input.asOf === undefined ? undefined : parseCalendarDate(input.asOf);
  // Checked once, here; a warning when it was made with another rule set, given at the end.
  const previousRulesWarnings = input.previous === undefined ? [] : checkPrevious(input.previous, lang, rules.id);
  const plan: Plan = compilePlan(graph, rules, asOfDay);
  // Refused before any record is read when it is not of an earlier period; warned of at the end when not the one just before.
  const previousPeriodWarnings = input.previous === undefined ? [] : checkPreviousPeriod(input.previous, rules.period, plan.period, lang);
  const acc: Accumulation = newAccumulation();
  const issues: Issue[] = [];
  let issueCount = 0;
  let skipped = 0;
  let index = 0;
  // Records offered past a cap and not read: past this session's cap (`maxRecords`, which the
  // engine's own threads share), or past the caps of the shards whose partial states were merged.
  // A partial state says how many, not at which cap: the two are kept apart so that this
  // session's cap is named for its own records only.
  let overLimit = 0;
  let mergedOverLimit = 0;
  // The problems after which a reader read no further in its input: never skipped.
  const stops: Issue[] = [];
  const maxRecords = input.maxRecords ?? 500_000_000;
  const report = (issue: Issue): void => {
    issueCount++;
    if (issues.length < ISSUES_KEPT) issues.push(issue);
  };
  // A record or a merge that failed half-way (the runtime's limit on one Map, or anything else
  // unexpected) leaves the state part-changed: the session takes nothing more and gives no
  // result, rather than a result that is silently wrong.
  let failure: string | undefined;
  const failed = (error: unknown): unknown => {
    failure ??= error instanceof ValidationError ? (error.issues[0]?.code ?? 'error') : 'internal-error';
    return error;
  };
  const add = (item: unknown): boolean => {
    const at = index++;
    if (at >= maxRecords) {
      overLimit++;
      return false;
    }
    let value = item;
    let line: number | undefined;
    let file: string | undefined;
    if (isReaderItem(item)) {
      if (item.kind === 'issue') {
        // An issue item made by hand that carries no issue is itself the problem, at its place,
        // each wrong part (checked for issue items only: the records' path stays as it was).
        const wrong = issueShapeProblems(item.issue);
        const given = wrong.length === 0 ? [item.issue] : wrong.map((w) => makeIssue('invalid-type', ['records', at, 'issue', ...w.path], { expected: w.expected, received: receivedOf(w.received) }, lang));
        // One that ended a read lost the rest of its input, and a column problem (an unknown,
        // repeated or unnamed column, an unknown column type) dropped that column's data from
        // every row, which may report nothing of it: neither is a record skipped, and neither is
        // ever skipped (the run would score on part of the evidence without a word).
        if (item.stopped === true || (wrong.length === 0 && isColumnProblem(item.issue))) {
          for (const issue of given) if (stops.length < ISSUES_KEPT) stops.push(issue);
        } else skipped++;
        for (const issue of given) report(issue);
        return true;
      }
      ({ value, line, file } = item as Extract<ReaderItem, { kind: 'record' }> & { file?: string });
    }
    const normalized = normalizeRecord(value, line === undefined ? ['records', at] : [], lang);
    if (normalized.ok) {
      try {
        ingest(plan, acc, normalized.record);
      } catch (error) {
        throw failed(
          collectionFullOr(error, ({ limit }) => {
            const issue = makeIssue('collection-full', line === undefined ? ['records', at] : [], { record: at + 1, limit }, lang);
            return line === undefined ? issue : atLine(issue, line, file);
          }, lang),
        );
      }
      return true;
    }
    skipped++;
    for (const issue of normalized.issues) report(line === undefined ? issue : atLine(issue, line, file));
    return true;
  };
  // Settling works the merged state out again from scratch, so a failure leaves nothing half-done
  // (the next call settles again): past the runtime's limit it is the merge's clear error.
  const settled = (): void => {
    try {
      settle(plan, acc);
    } catch (error) {
      throw collectionFullOr(error, (params) => makeIssue('collection-full-merge', [], params, lang), lang);
    }
  };
  let basis: string | undefined;
  const basisOf = (): string => (basis ??= basisFingerprint(graph, rules, asOfDay === undefined ? null : input.asOf ?? null));
  const snapshot = (): PartialState => {
    // A partial state cannot say that part of an input was never read: not written at all.
    if (stops.length > 0) throw stoppedReadsError();
    settled();
    return snapshotAccumulation(acc, basisOf(), { issues: [...issues], issueCount, skipped, overLimit: overLimit + mergedOverLimit });
  };
  const absorb = (partial: PartialState): void => {
    const given: unknown = partial;
    if (typeof given !== 'object' || given === null || Array.isArray(given)) {
      throw new ValidationError('partial', [makeIssue('invalid-type', ['partial'], { expected: 'object', received: typeName(given) }, lang)], lang);
    }
    // What it is, if not this assessment's: no partial state at all (a graph or a result given
    // by mistake), one of another format (another engine's), or another assessment's.
    const format: unknown = (given as { format?: unknown }).format;
    if (typeof format !== 'string' || !format.startsWith(PARTIAL_FORMAT_FAMILY)) {
      // A format that is no text is named by its type (`number`); a missing one is said to be missing.
      const params = format === undefined ? {} : { format: typeof format === 'string' ? format : typeName(format) };
      throw new ValidationError('partial', [makeIssue('partial-not-state', ['partial', 'format'], params, lang)], lang);
    }
    if (format !== PARTIAL_FORMAT) throw new ValidationError('partial', [makeIssue('partial-format', ['partial', 'format'], { format, expected: PARTIAL_FORMAT }, lang)], lang);
    if (partial.basis !== basisOf()) {
      throw new ValidationError('partial', [makeIssue('partial-mismatch', [], { basis: String(partial.basis ?? '') }, lang)], lang);
    }
    // A partial state read from a file may have been cut short or edited: every problem, with its
    // place, before anything is merged (nothing half-merged, no crash).
    const problems = checkPartial(partial, lang, rules.composite?.scale ?? 100);
    if (problems.length > 0) throw new ValidationError('partial', problems, lang);
    // The measure states against the measures they belong to, decoded once for the merge.
    const decoded = decodeLineStates(plan, partial, lang);
    if (decoded.problems.length > 0) throw new ValidationError('partial', decoded.problems, lang);
    merge(partial, () => absorbPartial(plan, acc, partial, decoded.states));
    mergedOverLimit += partial.overLimit;
  };
  // What every merge does besides the state itself: the shard's problems and counts are added
  // (its records past a cap by the caller, who knows whose cap it was).
  const merge = (shard: Pick<PackedPartial, 'issues' | 'issueCount' | 'skipped'> & { readonly stops?: readonly Issue[] }, absorbState: () => void): void => {
    try {
      absorbState();
    } catch (error) {
      throw failed(collectionFullOr(error, (params) => makeIssue('collection-full-merge', [], params, lang), lang));
    }
    // A shard's problems in this session's language (a shard may have been assessed in another).
    for (const issue of shard.issues) if (issues.length < ISSUES_KEPT) issues.push(inLanguage(issue, lang));
    issueCount += shard.issueCount;
    skipped += shard.skipped;
    for (const issue of shard.stops ?? []) if (stops.length < ISSUES_KEPT) stops.push(inLanguage(issue, lang));
  };
  const pack = (): PackedPartial => {
    settled();
    // Nothing dropped; the threads merge no partial states, so all of it is past their own cap.
    return packAccumulation(acc, { issues: [...issues], issueCount, skipped, overLimit: overLimit + mergedOverLimit, stops: [...stops] });
  };
  // The engine's threads are opened with this session's options: their records past a cap are
  // past this session's (the default; a parallel run takes no `maxRecords`).
  const absorbPackedState = (packed: PackedPartial): void => {
    merge(packed, () => absorbPacked(plan, acc, packed));
    overLimit += packed.overLimit;
  };
  let finished = false;
  // The result's asOf, as its fingerprint reads it.
  const resultAsOf = (): string | null => (asOfDay === undefined ? null : formatCalendarDate(plan.context.asOf));
  // Only finishLast closes a session, and only callers that hold it alone use that.
  const open = (): void => {
    if (finished) throw new Error('zerenzhi: internal error: the session was finished for the last time');
    if (failure !== undefined) throw new ValidationError('records', [makeIssue('session-failed', [], { cause: failure }, lang)], lang);
  };
  // The inputs read only in part: each problem that ended a read, by its file's name and line
  // (threads may meet them in any order).
  const stoppedReadsError = (): ValidationError => {
    const sorted = [...stops].sort((a, b) => byCodeUnit(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0));
    const columns = stops.filter(isColumnProblem).length;
    const lead: Issue[] = [];
    if (stops.length > columns) lead.push(makeIssue('read-stopped', [], { count: stops.length - columns }, lang));
    if (columns > 0) lead.push(makeIssue('columns-dropped', [], { count: columns }, lang));
    return new ValidationError('records', [...lead, ...sorted], lang);
  };
  // What stops a run before any result: records past the cap, or invalid ones unless skipped.
  const checkRecords = (): void => {
    // Too many records is never skipped: a cap exists to stop the run with a clear error.
    if (overLimit > 0 || mergedOverLimit > 0) {
      const limits: Issue[] = [];
      // Reading stops at the first record past the cap: how many more there were is not known.
      if (overLimit > 0) limits.push(makeIssue('limit-exceeded', ['records'], { what: 'records', limit: maxRecords, actual: `>${maxRecords}` }, lang));
      // A shard's cap is not in its partial state, and this session's says nothing of its records.
      if (mergedOverLimit > 0) limits.push(makeIssue('partial-over-limit', ['partial', 'overLimit'], { count: mergedOverLimit }, lang));
      throw new ValidationError('records', [...limits, ...issues], lang);
    }
    // Skipping invalid records never skips an input read only in part.
    if (stops.length > 0 && input.invalidRecords === 'skip') throw stoppedReadsError();
    if (issueCount > 0 && (input.invalidRecords ?? 'error') === 'error') {
      const listed = issueCount > issues.length ? [...issues, makeIssue('too-many-issues', [], { shown: issues.length, count: issueCount }, lang)] : issues;
      throw new ValidationError('records', listed, lang);
    }
  };
  // Closes the session for good and lets go of what is needed only to take more records or
  // shards (the version table's arrays are given back at once); the lines stay, for the caller.
  const closeForGood = (): void => {
    finished = true;
    acc.versions.clear();
    acc.routeLines.clear();
    acc.targetLists.clear();
  };
  const finishRun = (last: boolean): ScoredRun => {
    checkRecords();
    // Conflicts found by merges are withdrawn and the statistics worked out, once for all merges.
    settled();
    // The lines go as each subject is evaluated. What the pass let go (the version table, the
    // record pass's garbage) is collected soon, not left under the results (collectSoon) — for a
    // pass large enough that it matters: a collection marks the caller's whole heap, which for a
    // bureau's few hundred records costs more than all the rest (a server assessing often).
    const large = acc.versions.size >= LARGE_PASS;
    // Read off the version table, which closing lets go.
    const invalidBusiness = invalidBusinessScores(acc);
    if (last) {
      closeForGood();
      if (large) collectSoon();
    }
    const drafts = evaluateSubjects(plan, acc, lang, { release: last });
    // The lines were let go as the drafts were made: collected before the results are built.
    if (last && large) collectSoon();
    const all = [...drafts.organizations, ...drafts.people];
    const grades = gradeSubjects(plan, all, lang);
    const previous = input.previous;
    const previousIndex = previous ? indexPrevious(previous) : undefined;
    const finalize = (draft: (typeof all)[number]): SubjectResult => {
      const result = settleDraft(draft, grades.get(draft) ?? null, draft.type === 'person' ? verdictOf(plan, draft) : undefined);
      return previousIndex ? comparePrevious(result, previousIndex) : result;
    };
    const warnings = collectWarnings(plan, acc, all, skipped, lang, invalidBusiness);
    warnings.push(...previousRulesWarnings);
    warnings.push(...previousPeriodWarnings);
    const asOf = resultAsOf();
    const retained = [...acc.retained.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const result: ScoreResult = {
      schemaVersion: 1,
      engine: { name: 'zerenzhi', version: ENGINE_VERSION },
      ruleSet: { id: rules.id, version: rules.version, title: lang === 'en' && rules.titleEn !== undefined ? rules.titleEn : rules.title },
      period: { start: formatCalendarDate(plan.period.start), end: formatCalendarDate(plan.period.end), asOf, label: plan.period.label[lang] },
      lang,
      fingerprint: fingerprintOf({ graph, rules, recordsDigest: digestHex(acc.recordsDigest), asOf, lang, previous: previous?.fingerprint ?? null }),
      organizations: drafts.organizations.map(finalize),
      people: drafts.people.map(finalize),
      warnings,
      evidence: { ...acc.stats },
    };
    const run: ScoredRun = previous === undefined ? { result, retained, plan } : { result, retained, plan, previous };
    finishedRuns.add(run);
    return run;
  };
  const finish = (): ScoredRun => {
    open();
    return finishRun(false);
  };
  const finishLast = (): ScoredRun => {
    open();
    return finishRun(true);
  };
  return {
    session: {
      add: (item) => (open(), add(item)),
      snapshot: () => (open(), snapshot()),
      absorb: (partial) => (open(), absorb(partial)),
      finish,
    },
    pack: () => (open(), pack()),
    packLast: () => {
      open();
      const packed = pack();
      closeForGood();
      return packed;
    },
    absorbPacked: (packed) => (open(), absorbPackedState(packed)),
    finishLast,
    prepareFinish: () => hashGraphAhead(graph, resultAsOf()),
    checkRecords: () => (open(), checkRecords()),
    settle: () => (open(), settled()),
    keptIssueCount: () => issues.length,
    issueCount: () => issueCount,
    keptIssues: () => [...issues],
    replaceKeptIssues: (kept) => {
      issues.length = 0;
      for (const issue of kept) if (issues.length < ISSUES_KEPT) issues.push(issue);
    },
  };
}

/**
 * Opens an assessment: validates the graph and rule set, compiles the plan, and returns a
 * session that takes records one at a time (raw objects or reader items) and finishes with
 * the scores. `assess` and `assessStream` are built on it.
 *
 * @example
 * const session = openAssessment({ graph, rules });
 * for (const record of records) session.add(record);
 * const { result } = session.finish();
 */
export function openAssessment(input: Omit<AssessInput, 'records'>): AssessmentSession {
  return openSession(input).session;
}
