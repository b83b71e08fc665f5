// Writing an assessment result as the commands that make one (`assess`, `decide`) do: JSON,
// Markdown or CSV, to standard output or to files, said on stderr.
import { fstat, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { basename, dirname, extname, join } from 'node:path';
import { madeWhileRunning } from '../accountability/hits.js';
import type { AssessmentResult } from '../accountability/types.js';
import { jsonChunks } from '../core/json-chunks.js';
import { stripBom } from '../evidence/reader-common.js';
import { toCsvChunks } from '../report/csv.js';
import { toMarkdownChunks, type MarkdownOptions } from '../report/markdown.js';
import { concatPieces, say, UsageError, writeAll, writeLines, type CommandContext } from './io.js';
import { writeFiles, writePieces } from './write-files.js';

/** The formats a result is written in. */
export type ResultFormat = 'json' | 'md' | 'csv';

/**
 * A file written beside a CSV output: the findings (`result.csv` → `result.findings.csv`) or the
 * early warnings (`result.early-warnings.csv`).
 *
 * @example
 * csvFileBeside('out/result.csv', 'findings'); // 'out/result.findings.csv'
 */
export function csvFileBeside(out: string, part: 'findings' | 'early-warnings'): string {
  const ext = extname(out);
  const stem = ext.toLowerCase() === '.csv' ? basename(out, ext) : basename(out);
  return join(dirname(out), `${stem}.${part}.csv`);
}

/** An input file a command read, by the option that named it (`--rules`). */
export interface InputFile {
  readonly option: string;
  readonly file: string;
}

// A regular file's identity: two paths (or descriptors) are one file when these agree.
const identityOf = (s: Stats | undefined): string | undefined => (s === undefined || !s.isFile() ? undefined : `${s.dev}:${s.ino}`);

// The file a path names (through links), if there is one.
const identity = async (path: string): Promise<string | undefined> => identityOf(await stat(path).catch(() => undefined));

// The file standard input reads, when it is one (a stream with a descriptor on a regular file).
async function stdinIdentity(stdin: unknown): Promise<string | undefined> {
  const fd = typeof stdin === 'object' && stdin !== null ? (stdin as { fd?: unknown }).fd : undefined;
  if (typeof fd !== 'number') return undefined;
  return identityOf(await promisify(fstat)(fd).catch(() => undefined));
}

/**
 * Refuses (a usage error, exit 2) to write over a file the command read: `--out rules.json`, or a
 * CSV whose findings file is an input, would replace an input with the output, and nothing could
 * be run again. Compared as files (device and inode), so a link or another spelling of the path is
 * caught too, and so is standard input redirected from a file (`- < records.ndjson`, given `stdin`).
 *
 * @example
 * await refuseOverwritingInputs(['result.json'], [{ option: '--rules', file: 'rules.json' }], 'zerenzhi assess', 'zh');
 */
export async function refuseOverwritingInputs(outputs: readonly string[], inputs: readonly InputFile[], command: string, lang: CommandContext['lang'], stdin?: unknown): Promise<void> {
  const read = new Map<string, InputFile>();
  for (const input of inputs) {
    // Standard input redirected from a file (`< records.ndjson`) is that file.
    const id = input.file === '-' ? await stdinIdentity(stdin) : await identity(input.file);
    if (id !== undefined && !read.has(id)) read.set(id, input);
  }
  for (const output of outputs) {
    if (output === '-') continue;
    const id = await identity(output);
    const input = id === undefined ? undefined : read.get(id);
    if (input !== undefined) throw new UsageError(say('cli-usage-out-is-input', lang, { file: output, option: input.option, input: input.file }), command);
  }
}

/**
 * The files {@link writeResult} writes for an output path and format: the path, and for CSV the
 * findings and early warnings beside it. None for standard output.
 *
 * @example
 * resultFiles('r.csv', 'csv'); // ['r.csv', 'r.findings.csv', 'r.early-warnings.csv']
 */
export function resultFiles(out: string | undefined, format: ResultFormat): string[] {
  if (out === undefined || out === '-') return [];
  return format === 'csv' ? [out, csvFileBeside(out, 'findings'), csvFileBeside(out, 'early-warnings')] : [out];
}

function* withoutBom(pieces: Iterable<string>): Generator<string> {
  let first = true;
  for (const piece of pieces) {
    yield first ? stripBom(piece) : piece;
    first = false;
  }
}

/**
 * Writes a result in a format to standard output (`out` undefined or `-`) or to a file (with the
 * CSV's findings and early warnings beside it, all or none), in pieces (a province's result is
 * longer than the longest string V8 can make), and says on stderr which files were written.
 * `markdown` gives the Markdown report what it lists besides the result (the graph, coverage, lint).
 *
 * @example
 * await writeResult(result, { format: 'csv', out: 'result.csv' }, context);
 */
export async function writeResult(
  result: AssessmentResult,
  options: { readonly format: ResultFormat; readonly out?: string | undefined },
  context: CommandContext,
  markdown: () => Omit<MarkdownOptions, 'lang'> = () => ({}),
): Promise<void> {
  const { io, lang } = context;
  const written: string[] = [];
  const out = options.out === '-' ? undefined : options.out;
  const emit = async (file: string | undefined, pieces: Iterable<string>): Promise<void> => {
    if (file === undefined) await writeAll(io.stdout, pieces);
    else {
      await writePieces(file, pieces, lang);
      written.push(file);
    }
  };
  if (options.format === 'json') await emit(out, concatPieces(jsonChunks(result), ['\n']));
  else if (options.format === 'md') await emit(out, toMarkdownChunks(result, { ...markdown(), lang }));
  else {
    const csv = toCsvChunks(result, { lang });
    // The documents on standard output, one after the other: one byte order mark, a blank line
    // between. The early warnings only from a run made while the period was still running, so that
    // a year-end run's output keeps its two tables.
    const warnings = madeWhileRunning(result.period) ? [['\r\n'], withoutBom(csv.earlyWarnings)] : [];
    if (out === undefined) await emit(undefined, concatPieces(csv.lines, ['\r\n'], withoutBom(csv.findings), ...warnings));
    else {
      // All or none, the early warnings' too (only a header at the period's end): a report beside
      // the findings or early warnings of another run would mislead.
      const files = [
        { file: out, pieces: csv.lines },
        { file: csvFileBeside(out, 'findings'), pieces: csv.findings },
        { file: csvFileBeside(out, 'early-warnings'), pieces: csv.earlyWarnings },
      ];
      await writeFiles(files, lang);
      written.push(...files.map((f) => f.file));
    }
  }
  if (written.length > 0) writeLines(io.stderr, [say('cli-written', lang, { files: written.join(lang === 'zh' ? '、' : ', ') })]);
}
