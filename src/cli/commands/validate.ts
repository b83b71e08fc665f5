import { open, stat } from 'node:fs/promises';
import { PARTIAL_FORMAT, PARTIAL_FORMAT_FAMILY } from '../../engine/assess.js';
import { extname } from 'node:path';
import { Argument, Option, type Command } from 'commander';
import { atLine, isObject, makeIssue, problemCount, type Issue } from '../../core/issue.js';
import type { Lang } from '../../core/lang.js';
import { ValidationError } from '../../core/validation-error.js';
import { safeParseRuleSet } from '../../engine/parse-rules.js';
import { checkPartial } from '../../engine/partial-check.js';
import { checkPrevious } from '../../engine/previous.js';
import { readPartialState } from '../../engine/read-partial.js';
import { normalizeRecord } from '../../evidence/normalize.js';
import { readCsvSync } from '../../evidence/read-csv.js';
import { formatOfText, readRecordsFile } from '../../evidence/read-file.js';
import { readJsonArray } from '../../evidence/read-json.js';
import { readNdjsonSync } from '../../evidence/read-ndjson.js';
import type { ReaderItem } from '../../evidence/reader-item.js';
import { safeParseGraph } from '../../graph/parse.js';
import { resultElementIssues } from '../../report/result-elements.js';
import { resultJsonSchema } from '../../report/result-schema.js';
import { checkRepeatedKeys, fileIssue, jsonInput, nameOf, parseJsonText, readDocument, readText, tooLarge, unreadableFile } from '../files.js';
import { checkStdinOnce, EXIT, say, writeLines, type CommandContext } from '../io.js';
import { issueLine } from '../issues.js';
import { byLine, locateIssues } from '../locate.js';
import type { ProgramEnv } from '../program.js';

/**
 * The kinds of file `validate` knows.
 *
 * @example
 * const kind: FileKind = 'records';
 */
export type FileKind = 'graph' | 'rules' | 'records' | 'result' | 'partial';

/** The kinds `--kind` takes. */
const FILE_KINDS: readonly FileKind[] = ['graph', 'rules', 'records', 'result', 'partial'];

const RECORD_EXTENSIONS = new Set(['.ndjson', '.jsonl', '.csv']);
const ISSUES_LISTED = 10_000;

/** The outcome for one file: the OK line, or the problems. */
type Outcome = { readonly ok: true; readonly line: string } | { readonly ok: false; readonly issues: readonly Issue[]; readonly count?: number };


/** Fields only an assessment result has at its top (no graph, rule set or records object may have them). */
const RESULT_MARKERS = ['schemaVersion', 'engine', 'fingerprint', 'ruleSet'] as const;

/**
 * Whether an object is an assessment result: it has a field only a result has, or its
 * `organizations` are subject results (a `total`, indicator `lines`) rather than a graph's.
 */
function isResultLike(value: Record<string, unknown>): boolean {
  if (RESULT_MARKERS.some((field) => Object.hasOwn(value, field))) return true;
  const organizations = value['organizations'];
  const first: unknown = Array.isArray(organizations) ? organizations[0] : undefined;
  return isObject(first) && (Object.hasOwn(first, 'total') || Object.hasOwn(first, 'lines'));
}

/**
 * The kind of a JSON document by its content: an object whose `format` is a partial state's
 * (`zerenzhi-partial/…`) is a partial state; one with a field only a result has (`schemaVersion`,
 * `engine`, `fingerprint`, `ruleSet`) or whose `organizations` are subject results is an
 * assessment result; else an object with `organizations` is a graph, with `indicators` a rule
 * set; an array, or an object with a `records` array, is records.
 *
 * @example
 * kindOfJson({ organizations: [] }); // 'graph'
 * kindOfJson({ schemaVersion: 1, engine: { name: 'zerenzhi' }, organizations: [] }); // 'result'
 */
export function kindOfJson(value: unknown): FileKind | undefined {
  if (Array.isArray(value)) return 'records';
  if (!isObject(value)) return undefined;
  const format = value['format'];
  if (typeof format === 'string' && format.startsWith(PARTIAL_FORMAT_FAMILY)) return 'partial';
  if (!Object.hasOwn(value, 'indicators') && !Array.isArray(value['records']) && isResultLike(value)) return 'result';
  if (Object.hasOwn(value, 'organizations')) return 'graph';
  if (Object.hasOwn(value, 'indicators')) return 'rules';
  if (Array.isArray((value as { records?: unknown }).records)) return 'records';
  return undefined;
}

async function checkRecords(items: AsyncIterable<ReaderItem> | Iterable<ReaderItem>, file: string, lang: Lang): Promise<Outcome> {
  const issues: Issue[] = [];
  let problems = 0;
  let count = 0;
  const report = (issue: Issue): void => {
    problems++;
    if (issues.length < ISSUES_LISTED) issues.push(issue);
  };
  for await (const item of items) {
    if (item.kind === 'issue') {
      report(item.issue);
      continue;
    }
    const normalized = normalizeRecord(item.value, [], lang);
    if (normalized.ok) count++;
    else for (const issue of normalized.issues) report(atLine(issue, item.line, item.file));
  }
  if (problems > issues.length) issues.push({ ...makeIssue('too-many-issues', [], { shown: issues.length, count: problems }, lang), file });
  return problems === 0 ? { ok: true, line: say('cli-validate-ok-records', lang, { file, count }) } : { ok: false, issues, count: problems };
}

function recordsOfText(text: string, file: string, lang: Lang): Iterable<ReaderItem> {
  const options = { file, lang };
  const format = formatOfText(text);
  if (format === 'ndjson') return readNdjsonSync(text, options);
  if (format === 'csv') return readCsvSync(text, options);
  return readJsonArray(text, options);
}

/**
 * Whether a text without a telling extension holds records, told as `assess` tells them
 * ({@link formatOfText}); but a graph, rule set, result or partial state on one line (`jq -c`, or
 * a snapshot as `assess --snapshot` writes it), which looks like NDJSON of one record, is what it
 * is: no record has `organizations`, `indicators` or the fields of a result or a partial state.
 */
function isRecordsText(text: string): boolean {
  const format = formatOfText(text);
  if (format !== 'ndjson') return format === 'csv';
  try {
    const kind = kindOfJson(JSON.parse(text));
    return kind === undefined || kind === 'records';
  } catch {
    // More than one line of JSON: NDJSON indeed.
    return true;
  }
}

/** Up to {@link ISSUES_LISTED} problems of a file, and a last `too-many-issues` for the rest, with their count. */
function listed(problems: readonly Issue[], file: string, lang: Lang): { issues: Issue[]; count: number } {
  if (problems.length <= ISSUES_LISTED) return { issues: [...problems], count: problems.length };
  const issues = problems.slice(0, ISSUES_LISTED);
  issues.push({ ...makeIssue('too-many-issues', [], { shown: ISSUES_LISTED, count: problems.length }, lang), file });
  return { issues, count: problems.length };
}

/** Problems of a parsed document, each at its line when its text is at hand (else named by path), in line order. */
function placed(problems: readonly Issue[], text: string | undefined, file: string, lang: Lang): Outcome {
  const { issues, count } = listed(problems, file, lang);
  return { ok: false, issues: byLine(locateIssues(issues, text, file)), count };
}

const RESULT_SCHEMA = resultJsonSchema() as { readonly required: readonly string[]; readonly properties: Readonly<Record<string, { readonly type?: unknown }>> };

/** Whether one path is the other or lies within it. */
const overlaps = (a: readonly (string | number)[], b: readonly (string | number)[]): boolean => {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
};

/**
 * Every problem of an assessment result, each at its path from the file's root: by the result's
 * JSON Schema (`zerenzhi schema result`: `required` for a field missing, `invalid-type`,
 * `invalid-value`, `invalid-format`, `too-small`, `too-big`; each element of a list checked on
 * its own, so that no list hides another's problems), then what the library refuses in a result
 * it is given (`checkPrevious`, as `assess --previous` and `chain --result` check it) that the
 * schema cannot say: a subject listed twice, a total out of range, a period starting after it
 * ends, a date that is no day of the calendar (`2022-02-30`). A problem both name is listed once.
 * Fields the schema does not know are let through, as the library lets them through.
 */
function resultIssues(value: unknown, lang: Lang): Issue[] {
  if (!isObject(value)) return [makeIssue('cli-invalid-result', [], { field: '', expected: 'object' }, lang)];
  const issues: Issue[] = [];
  for (const field of RESULT_SCHEMA.required) if (value[field] === undefined) issues.push(makeIssue('required', [field], { field }, lang));
  for (const [part, schema] of Object.entries(RESULT_SCHEMA.properties)) {
    const list = value[part];
    if (schema.type === 'array' && Array.isArray(list)) {
      // One element at a time: resultElementIssues lists at most 100 problems a call.
      for (let i = 0; i < list.length; i++) {
        for (const issue of resultElementIssues({ [part]: [list[i]] }, [part], lang)) issues.push({ ...issue, path: [part, i, ...issue.path.slice(2)] });
      }
    } else issues.push(...resultElementIssues(value, [part], lang));
  }
  // The library's own checks of a result it is given; its fields the schema checks already are
  // set right, so that its checks of the elements are made whatever they are.
  const lists = { organizations: Array.isArray(value['organizations']) ? value['organizations'] : [], people: Array.isArray(value['people']) ? value['people'] : [] };
  let library: readonly Issue[] = [];
  try {
    checkPrevious({ ...value, schemaVersion: 1, ruleSet: { id: '' }, ...lists }, lang);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    library = error.issues;
  }
  for (const issue of library) {
    const path = issue.path[0] === 'previous' ? issue.path.slice(1) : issue.path;
    if (issue.code !== 'invalid-previous') issues.push({ ...issue, path });
    // A value of the wrong shape, named by the schema already unless the schema took it (a date's pattern).
    else if (!issues.some((named) => overlaps(named.path, path))) issues.push(makeIssue('cli-invalid-result', path, issue.params, lang));
  }
  return issues;
}

/** An assessment result checked ({@link resultIssues}): the OK line, or its problems at their lines. */
function checkResult(value: unknown, text: string | undefined, file: string, lang: Lang): Outcome {
  const problems = resultIssues(value, lang);
  if (problems.length > 0) return placed(problems, text, file, lang);
  const result = value as { ruleSet: { id: string }; period: { start: string; end: string; asOf?: string | null }; organizations: unknown[]; people: unknown[]; findings: unknown[] };
  const { start, end, asOf } = result.period;
  const params = { file, ruleSet: result.ruleSet.id, start, end, asOf: asOf ?? '', organizations: result.organizations.length, people: result.people.length, findings: result.findings.length };
  return { ok: true, line: say('cli-validate-ok-result', lang, params) };
}

/**
 * Every problem of a partial state that can be told without the graph and the rule set it was
 * made with, each at its path from the file's root: what `absorb` checks first (a `format` of a
 * partial state, this engine's), then `checkPartial` (the shape of each field, the lines' lists
 * and measure states agreeing, counts that can be, kept records). The business scale is the rule
 * set's, not at hand: a negative business score is refused, a high one let through. Whether it
 * matches the graph and rule set (`basis`) and its measure states their measures is for
 * `assess --absorb` to tell.
 */
function partialIssues(value: unknown, lang: Lang): Issue[] {
  if (!isObject(value)) return [makeIssue('invalid-type', [], { expected: 'object', received: Array.isArray(value) ? 'array' : typeof value }, lang)];
  const format = value['format'];
  if (typeof format !== 'string' || !format.startsWith(PARTIAL_FORMAT_FAMILY)) {
    const params = format === undefined ? {} : { format: typeof format === 'string' ? format : format === null ? 'null' : Array.isArray(format) ? 'array' : typeof format };
    return [makeIssue('partial-not-state', ['format'], params, lang)];
  }
  if (format !== PARTIAL_FORMAT) return [makeIssue('partial-format', ['format'], { format, expected: PARTIAL_FORMAT }, lang)];
  return checkPartial(value, lang, Number.POSITIVE_INFINITY).map((issue) => {
    const path = issue.path[0] === 'partial' ? issue.path.slice(1) : issue.path;
    return issue.code === 'partial-business-score' ? makeIssue('too-small', path, { minimum: 0, inclusive: 1 }, lang) : { ...issue, path };
  });
}

/** A partial state checked ({@link partialIssues}): the OK line, or its problems (at their lines when its text is at hand). */
function checkPartialState(value: unknown, text: string | undefined, file: string, lang: Lang): Outcome {
  const problems = partialIssues(value, lang);
  if (problems.length > 0) return placed(problems, text, file, lang);
  const partial = value as { format: string; occurrences: number; lines: unknown[] };
  return { ok: true, line: say('cli-validate-ok-partial', lang, { file, format: partial.format, occurrences: partial.occurrences, lines: partial.lines.length }) };
}

/**
 * Whether a regular file begins as a partial state that `assess --snapshot` writes
 * (`{"format":"zerenzhi-partial/…`): such a file, often longer than one string may be, is read in
 * pieces, never whole. Anything else (standard input, a pipe, a file that cannot be read) is not
 * looked at here.
 */
async function beginsAsPartial(file: string): Promise<boolean> {
  if (file === '-') return false;
  let handle;
  try {
    // Told by its path first: opening a FIFO would wait for its writer, and take what it writes.
    if (!(await stat(file)).isFile()) return false;
    handle = await open(file, 'r');
    const head = new Uint8Array(256);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const text = new TextDecoder('utf-8').decode(head.subarray(0, bytesRead));
    return /^\uFEFF?\s*\{\s*"format"\s*:\s*"zerenzhi-partial\//.test(text);
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

/** A partial state read in pieces, as `assess --absorb` reads it (its text is never held whole), and checked. */
async function validatePartialFile(file: string, lang: Lang, io: CommandContext['io']): Promise<Outcome> {
  const name = nameOf(file);
  const value = await readPartialState(jsonInput(file, io), { file: name, lang }).catch(unreadableFile(name, 'partial', lang));
  return checkPartialState(value, undefined, name, lang);
}

async function validateFile(file: string, kind: FileKind | undefined, context: CommandContext): Promise<Outcome> {
  const { lang, io } = context;
  // `-` is read; `<stdin>` is what the messages call it.
  const name = nameOf(file);
  if (kind === 'records' || (kind === undefined && RECORD_EXTENSIONS.has(extname(file).toLowerCase()))) {
    if (file !== '-') return checkRecords(readRecordsFile(file, { lang }), name, lang);
    return checkRecords(recordsOfText(await readText(file, 'records', lang, io), name, lang), name, lang);
  }
  if (kind === 'partial' || (kind === undefined && (await beginsAsPartial(file)))) return validatePartialFile(file, lang, io);
  const doc = await readWhole(file, kind, lang, context);
  const { text } = doc;
  if (text !== undefined && kind === undefined && extname(file).toLowerCase() !== '.json' && isRecordsText(text)) {
    return checkRecords(recordsOfText(text, name, lang), name, lang);
  }
  const value = text === undefined ? doc.value : parseJsonText(text, name, kind ?? 'records', lang);
  const told = kind ?? kindOfJson(value);
  if (told === undefined) return { ok: false, issues: [fileIssue('cli-unknown-file-kind', name, {}, lang, 1)] };
  // Records read in pieces were refused by readWhole: here the text is whole.
  if (told === 'records') return checkRecords(recordsOfText(text as string, name, lang), name, lang);
  // Told by its content: its repeated keys were not looked for as it was read.
  if (kind === undefined && text !== undefined) checkRepeatedKeys(text, value, name, told, lang);
  if (told === 'result') return checkResult(value, text, name, lang);
  // A partial state told by its content (from standard input, or its fields in another order).
  if (told === 'partial') return checkPartialState(value, text, name, lang);
  const parsed = told === 'graph' ? safeParseGraph(value, { lang }) : safeParseRuleSet(value, { lang });
  if (!parsed.success) return { ok: false, issues: byLine(locateIssues(parsed.error.issues, text, name)) };
  const line =
    told === 'graph' && 'organizations' in parsed.data
      ? say('cli-validate-ok-graph', lang, { file: name, organizations: parsed.data.organizations.size, people: parsed.data.people.size })
      : say('cli-validate-ok-rules', lang, { file: name, indicators: 'indicators' in parsed.data ? parsed.data.indicators.length : 0 });
  return { ok: true, line };
}

/**
 * A file's text for `validate`; or, past the longest string (`limit`), a graph, rule set or
 * assessment result read in pieces (its problems then named by path, with no line). Records must fit one string there:
 * NDJSON and CSV are read line by line instead, and a JSON list of records past it is
 * `file-too-large`.
 *
 * @example
 * const { text, value } = await readWhole('graph.json', 'graph', 'zh', context);
 */
export async function readWhole(
  file: string,
  kind: FileKind | undefined,
  lang: Lang,
  { io }: Pick<CommandContext, 'io'>,
  limit?: number,
): Promise<{ text: string; value?: undefined } | { text: undefined; value: unknown }> {
  const subject = kind ?? 'records';
  const doc = await readDocument(file, subject, lang, io, limit);
  if (doc.text !== undefined) return { text: doc.text };
  if (kind === 'records') throw tooLarge(nameOf(file), subject, lang);
  const value = await doc.inPieces().catch((error: unknown) => {
    // A list of records as one document, past the limit.
    const notObject = error instanceof ValidationError && error.issues[0]?.code === 'json-not-object' && error.issues[0].params['received'] === 'array';
    throw notObject ? tooLarge(nameOf(file), subject, lang) : error;
  });
  if (kindOfJson(value) === 'records') throw tooLarge(nameOf(file), subject, lang);
  return { text: undefined, value };
}

/**
 * Runs `zerenzhi validate`: each file's kind is the flag's or told by its content (a partial
 * state, which `assess --snapshot` writes and may be longer than one string, read in pieces as
 * `assess --absorb` reads it); prints one OK line per valid file and, for an invalid one, every problem as `file:line path: message [code]`
 * (on stdout: the list is the command's output). Exit code 1 when any file is invalid.
 *
 * @example
 * const code = await runValidate(['graph.json', 'rules.json'], {}, context);
 */
export async function runValidate(files: readonly string[], options: { readonly kind?: FileKind }, context: CommandContext): Promise<number> {
  const { io, lang } = context;
  checkStdinOnce(files, 'zerenzhi validate', lang);
  let invalid = 0;
  for (const file of files) {
    let outcome: Outcome;
    try {
      outcome = await validateFile(file, options.kind, context);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      outcome = { ok: false, issues: error.issues };
    }
    if (outcome.ok) writeLines(io.stdout, [outcome.line]);
    else {
      invalid++;
      writeLines(io.stdout, [say('cli-validate-invalid', lang, { file: nameOf(file), count: outcome.count ?? problemCount(outcome.issues) }), ...outcome.issues.map((i) => issueLine(i, lang))]);
    }
  }
  if (files.length > 1) writeLines(io.stdout, [say('cli-validate-summary', lang, { files: files.length, invalid })]);
  return invalid > 0 ? EXIT.invalid : EXIT.ok;
}

/**
 * Adds `validate` to the program.
 *
 * @example
 * addValidateCommand(program, env);
 */
export function addValidateCommand(program: Command, env: ProgramEnv): void {
  const { helpLang: h } = env;
  env
    .command(program, 'validate', say('cli-help-validate-files', h))
    .addArgument(new Argument('<file...>', say('cli-help-files', h)))
    .addOption(new Option('--kind <kind>', say('cli-help-validate-kind', h)).choices(FILE_KINDS))
    .action(env.action((options: { kind?: FileKind }, context, args) => runValidate(args, options, context)));
}
