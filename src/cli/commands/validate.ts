import { extname } from 'node:path';
import { Argument, Option, type Command } from 'commander';
import { atLine, makeIssue, problemCount, type Issue } from '../../core/issue.js';
import type { Lang } from '../../core/lang.js';
import { ValidationError } from '../../core/validation-error.js';
import { safeParseRuleSet } from '../../engine/parse-rules.js';
import { normalizeRecord } from '../../evidence/normalize.js';
import { readCsvSync } from '../../evidence/read-csv.js';
import { formatOfText, readRecordsFile } from '../../evidence/read-file.js';
import { readJsonArray } from '../../evidence/read-json.js';
import { readNdjsonSync } from '../../evidence/read-ndjson.js';
import type { ReaderItem } from '../../evidence/reader-item.js';
import { safeParseGraph } from '../../graph/parse.js';
import { checkRepeatedKeys, fileIssue, nameOf, parseJsonText, readDocument, readText, tooLarge } from '../files.js';
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
export type FileKind = 'graph' | 'rules' | 'records';

const RECORD_EXTENSIONS = new Set(['.ndjson', '.jsonl', '.csv']);
const ISSUES_LISTED = 10_000;

/** The outcome for one file: the OK line, or the problems. */
type Outcome = { readonly ok: true; readonly line: string } | { readonly ok: false; readonly issues: readonly Issue[]; readonly count?: number };

/**
 * The kind of a JSON document by its content: an object with `organizations` is a graph, with
 * `indicators` a rule set; an array, or an object with a `records` array, is records.
 *
 * @example
 * kindOfJson({ organizations: [] }); // 'graph'
 */
export function kindOfJson(value: unknown): FileKind | undefined {
  if (Array.isArray(value)) return 'records';
  if (typeof value !== 'object' || value === null) return undefined;
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
 * ({@link formatOfText}); but a graph or rule set on one line (`jq -c`), which looks like NDJSON
 * of one record, is what it is: no record has `organizations` or `indicators`.
 */
function isRecordsText(text: string): boolean {
  const format = formatOfText(text);
  if (format !== 'ndjson') return format === 'csv';
  try {
    const kind = kindOfJson(JSON.parse(text));
    return kind !== 'graph' && kind !== 'rules';
  } catch {
    // More than one line of JSON: NDJSON indeed.
    return true;
  }
}

async function validateFile(file: string, kind: FileKind | undefined, context: CommandContext): Promise<Outcome> {
  const { lang, io } = context;
  // `-` is read; `<stdin>` is what the messages call it.
  const name = nameOf(file);
  if (kind === 'records' || (kind === undefined && RECORD_EXTENSIONS.has(extname(file).toLowerCase()))) {
    if (file !== '-') return checkRecords(readRecordsFile(file, { lang }), name, lang);
    return checkRecords(recordsOfText(await readText(file, 'records', lang, io), name, lang), name, lang);
  }
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
  const parsed = told === 'graph' ? safeParseGraph(value, { lang }) : safeParseRuleSet(value, { lang });
  if (!parsed.success) return { ok: false, issues: byLine(locateIssues(parsed.error.issues, text, name)) };
  const line =
    told === 'graph' && 'organizations' in parsed.data
      ? say('cli-validate-ok-graph', lang, { file: name, organizations: parsed.data.organizations.size, people: parsed.data.people.size })
      : say('cli-validate-ok-rules', lang, { file: name, indicators: 'indicators' in parsed.data ? parsed.data.indicators.length : 0 });
  return { ok: true, line };
}

/**
 * A file's text for `validate`; or, past the longest string (`limit`), a graph or rule set read
 * in pieces (its problems then named by path, with no line). Records must fit one string there:
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
 * Runs `zerenzhi validate`: each file's kind is the flag's or told by its content; prints one OK
 * line per valid file and, for an invalid one, every problem as `file:line path: message [code]`
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
    .command(program, 'validate', say('cli-help-validate', h))
    .addArgument(new Argument('<file...>', say('cli-help-files', h)))
    .addOption(new Option('--kind <kind>', say('cli-help-kind', h)).choices(['graph', 'rules', 'records']))
    .action(env.action((options: { kind?: FileKind }, context, args) => runValidate(args, options, context)));
}
