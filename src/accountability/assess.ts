import { z } from 'zod';
import { isObject, makeIssue, typeName } from '../core/issue.js';
import type { Lang } from '../core/lang.js';
import { formatMessage } from '../core/messages.js';
import { checkOptions, LangOptionSchema } from '../core/options.js';
import { ValidationError } from '../core/validation-error.js';
import { batchesOf } from '../evidence/batches.js';
import { isFinishedRun, openSession, type AssessInput, type AssessStreamInput, type ScoredRun } from '../engine/assess.js';
import { scoreFilesInParallel, type ParallelInput } from '../engine/parallel.js';
import { proposeFindings } from './propose.js';
import type { AssessmentResult } from './types.js';

/** What {@link assess} reads; `previous` may carry last period's findings for repeats. */
export interface AssessOptions extends Omit<AssessInput, 'previous'> {
  readonly previous?: AssessmentResult;
}

/** What {@link assessStream} reads. */
export interface AssessStreamOptions extends Omit<AssessStreamInput, 'previous'> {
  readonly previous?: AssessmentResult;
}

/**
 * Refuses records that cannot be gone through (missing, null, a plain object): a structured error
 * rather than a TypeError from the loop. `stream`: async iterables are taken too.
 */
function requireRecords(records: unknown, stream: boolean, lang: Lang | undefined): void {
  const iterable = typeof records === 'object' && records !== null && (Symbol.iterator in records || (stream && Symbol.asyncIterator in records));
  if (iterable) return;
  const issue = records === undefined
    ? makeIssue('required', ['records'], { field: 'records' }, lang)
    : makeIssue('invalid-type', ['records'], { expected: stream ? 'iterable' : 'array', received: typeName(records) }, lang);
  throw new ValidationError('records', [issue], lang);
}

/**
 * Assesses a period: evaluates the rule set over the records for every organization and person
 * of the graph, line by line with explanations, grades, quotas and verdicts, then proposes the
 * accountability findings along the chain. Synchronous, pure and deterministic: the same inputs
 * give byte-identical JSON whatever the record order or the machine's time zone.
 *
 * @throws {ValidationError} when the graph, the rule set or (by default) any record is invalid.
 * @example
 * const result = assess({ graph, rules, records, lang: 'zh' });
 * result.organizations[0]?.lines[0]?.explanation;
 * result.findings.filter((f) => f.subject.type === 'person');
 */
export function assess(input: AssessOptions): AssessmentResult {
  const { session, finishLast, prepareFinish } = openSession(input, { withRecords: true });
  requireRecords(input.records, false, input.lang);
  prepareFinish();
  for (const item of input.records) if (!session.add(item)) break;
  return withFindings(finishLast());
}

/**
 * Like {@link assess}, over a stream of records (raw objects or reader items) in one pass:
 * records are never all held in memory; what is kept grows with subjects × indicators and with
 * the ids needed to deduplicate.
 *
 * @example
 * const result = await assessStream({ graph, rules, records: readRecordsFile('records.ndjson') });
 */
export async function assessStream(input: AssessStreamOptions): Promise<AssessmentResult> {
  const { session, finishLast, prepareFinish } = openSession(input, { withRecords: true });
  requireRecords(input.records, true, input.lang);
  // The graph's part of the fingerprint first: what hashing it leaves to collect is collected
  // during the pass, not added to the results at the end (M100k's peak: 444 -> 423 MB).
  prepareFinish();
  // The engine's own readers hand over a chunk's records at once: no promise per record.
  const batches = batchesOf(input.records);
  if (batches) {
    reading: for await (const batch of batches) for (const item of batch) if (!session.add(item)) break reading;
  } else for await (const item of input.records) if (!session.add(item)) break;
  return withFindings(finishLast());
}

/** What {@link assessParallel} reads. */
export interface AssessParallelOptions extends ParallelInput {
  readonly previous?: AssessmentResult;
}

/**
 * Like {@link assessStream}, over record files, on several threads: the files are cut into
 * pieces (NDJSON at line starts), which this thread and each worker thread take one after
 * another until none is left (no more threads than leave each `minShardBytes` to read), and the
 * workers' states are merged into this thread's. The result is byte-identical to a single pass,
 * problems in the same order at their true lines. See docs/scale.md for when it pays.
 *
 * @example
 * const result = await assessParallel({ graph, rules, files: ['records.ndjson'], workers: 2 });
 */
export async function assessParallel(input: AssessParallelOptions): Promise<AssessmentResult> {
  return withFindings(await scoreFilesInParallel(input));
}

/** Options of {@link withFindings}. */
export interface WithFindingsOptions {
  /**
   * The language of the problems reported (default: the run's, else Chinese). The result keeps
   * the run's own language.
   */
  readonly lang?: Lang;
}

/**
 * The options of {@link withFindings}, checked: `lang`, nothing else.
 *
 * @example
 * WithFindingsOptionsSchema.parse({ lang: 'en' });
 */
export const WithFindingsOptionsSchema = z.strictObject({ lang: LangOptionSchema.optional() });

/** The language a run that may be no run says it is in (a run made in English, or a copy of one), else undefined. */
function runLanguage(run: unknown): Lang | undefined {
  if (!isObject(run) || !isObject(run['result'])) return undefined;
  const lang = run['result']['lang'];
  return lang === 'zh' || lang === 'en' ? lang : undefined;
}

/**
 * The whole result of a finished session: its scores with the accountability findings proposed
 * along the chain (repeats judged against the previous result it was opened with). What
 * {@link assess} gives for the same records, so a session fed by shards, or by partial states
 * merged with `absorb`, ends exactly as one pass does.
 *
 * @throws {ValidationError} subject `options`: options {@link WithFindingsOptionsSchema} refuses,
 * or (`invalid-type` at `run`) something that is not what `session.finish()` returned — in the
 * language the options name, else the run's (a copy of an English run is told in English), else
 * Chinese.
 * @example
 * const total = openAssessment({ graph, rules });
 * for (const partial of partials) total.absorb(partial);
 * const result = withFindings(total.finish());
 * result.findings.length;
 */
export function withFindings(run: ScoredRun, options: WithFindingsOptions = {}): AssessmentResult {
  const runLang = runLanguage(run);
  try {
    checkOptions(WithFindingsOptionsSchema, options);
  } catch (error) {
    // Options that name no language are answered in the run's, as the rest is.
    const named = isObject(options) && options['lang'] !== undefined;
    throw error instanceof ValidationError && !named && runLang !== undefined && error.lang !== runLang ? error.inLanguage(runLang) : error;
  }
  // Checked above: a plain object (or none) whose `lang`, when given, is zh or en.
  const lang: Lang = options.lang ?? runLang ?? 'zh';
  if (!isFinishedRun(run)) {
    const received = isObject(run) ? formatMessage('received-unfinished-run', {}, lang) : typeName(run);
    throw new ValidationError('options', [makeIssue('invalid-type', ['run'], { expected: 'session.finish()', received }, lang)], lang);
  }
  // A previous result given to the engine was checked when the session opened, its findings and
  // hits included (checkPrevious): they are read for repeats.
  return { ...run.result, ...proposeFindings(run, run.previous as AssessmentResult | undefined, run.result.lang) };
}
