import { constants } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { z } from 'zod';
import { makeIssue, typeName, type Issue } from '../core/issue.js';
import type { Lang } from '../core/lang.js';
import { LangOptionSchema } from '../core/options.js';
import { readCsv } from './read-csv.js';
import { readJsonArray } from './read-json.js';
import { MAX_NDJSON_LINE_CHARS, readNdjson } from './read-ndjson.js';
import { checkReaderCall, countOf, InvalidEncodingError, issueItem, jsonTypeOf, stopItem, textChunks, type ReaderOptions } from './reader-common.js';
import type { ReaderItem } from './reader-item.js';
import { batched, eachBatch } from './batches.js';

/** The formats a records file can be in. */
export type RecordsFormat = 'json' | 'ndjson' | 'csv';

/**
 * Options for {@link readRecordsFile}.
 *
 * Refused (a `ValidationError`, subject `options`, listing every problem, thrown when reading
 * starts: at the first `next()`): options that are not an object (`null`, a text); a name not
 * listed here (`formt`: a typo would otherwise leave the format to the extension); a `format`
 * other than `json`, `ndjson` or `csv` (`'xml'`, `'NDJSON'`, `null`); a `stdin` that is not an
 * async iterable; a `lang` other than `zh` or `en`.
 */
export interface ReadRecordsFileOptions {
  /** The format, when neither the extension nor the content should decide. */
  readonly format?: RecordsFormat;
  /** Language of issue messages. Default `zh`. */
  readonly lang?: Lang;
  /** What `-` reads (default `process.stdin`): lets an embedding app or a test feed it. */
  readonly stdin?: AsyncIterable<string | Uint8Array>;
}

const RECORDS_FORMATS = ['json', 'ndjson', 'csv'] as const satisfies readonly RecordsFormat[];

/**
 * The options of {@link readRecordsFile}, checked (`stdin`, an async iterable, is checked apart).
 *
 * @example
 * ReadRecordsFileOptionsSchema.parse({ format: 'csv', lang: 'en' });
 */
export const ReadRecordsFileOptionsSchema = z.strictObject({
  format: z.enum(RECORDS_FORMATS).optional(),
  lang: LangOptionSchema.optional(),
  stdin: z.unknown().optional(),
});

/**
 * The file name given to items read from standard input.
 *
 * @example
 * item.kind === 'record' && item.file === STDIN_FILE;
 */
export const STDIN_FILE = '<stdin>';

const FORMAT_OF_EXTENSION: ReadonlyMap<string, RecordsFormat> = new Map([
  ['.json', 'json'],
  ['.ndjson', 'ndjson'],
  ['.jsonl', 'ndjson'],
  ['.csv', 'csv'],
]);

/**
 * Reads a records file, `-` meaning standard input. The format is the option's, else the
 * extension's (`.json`, `.ndjson`/`.jsonl`, `.csv`, ignoring case), else the content's: `[`
 * first is JSON; `{` first is NDJSON when the first line is a whole object on its own (and not a
 * `{ "records": [...] }` document), JSON otherwise; anything else is CSV. At most
 * `MAX_NDJSON_LINE_CHARS` characters of blank space, then of the first line, are read to tell:
 * a first line longer (too long for an NDJSON record: a one-line JSON document, most likely), or
 * a text blank that far, is JSON. NDJSON and CSV are
 * streamed; JSON is one document and is read whole. Each item carries the file name (`<stdin>`
 * for `-`). A file that cannot be read yields a `file-unreadable` issue (with the file, no line).
 * Options {@link ReadRecordsFileOptions} refuses, or a path that is not a string (`null`), are a
 * `ValidationError` thrown when reading starts (the first `next()`).
 *
 * @example
 * for await (const item of readRecordsFile('evidence/2022.csv', { lang: 'en' })) {
 *   if (item.kind === 'issue') console.error(formatIssues([item.issue], 'en'));
 * }
 */
export function readRecordsFile(path: string, options: ReadRecordsFileOptions = {}): AsyncGenerator<ReaderItem> {
  return batched(() => fileBatches(path, options));
}

// `stdin`, when given, must be something `for await` reads.
function stdinIssues(options: ReadRecordsFileOptions, lang: Lang): Issue[] {
  const { stdin } = options as { stdin?: unknown };
  if (stdin === undefined || (typeof stdin === 'object' && stdin !== null && typeof (stdin as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function')) return [];
  return [makeIssue('invalid-type', ['stdin'], { expected: 'AsyncIterable', received: typeName(stdin) }, lang)];
}

async function* fileBatches(path: string, options: ReadRecordsFileOptions): AsyncGenerator<readonly ReaderItem[]> {
  checkReaderCall(ReadRecordsFileOptionsSchema, options, path, { name: 'path', accepts: 'text' }, (lang) => stdinIssues(options, lang));
  const readerOptions: ReaderOptions = { file: path === '-' ? STDIN_FILE : path, ...(options.lang === undefined ? {} : { lang: options.lang }) };
  const known = options.format ?? FORMAT_OF_EXTENSION.get(extname(path).toLowerCase());
  try {
    const source = path === '-' ? (options.stdin ?? process.stdin) : createReadStream(path);
    if (known === 'ndjson') yield* eachBatch(readNdjson(source, readerOptions));
    else if (known === 'csv') yield* eachBatch(readCsv(source, readerOptions));
    else if (known === 'json') yield* eachBatch(readWholeJson(textChunks(source, readerOptions.lang), readerOptions));
    else yield* readSniffed(textChunks(source, readerOptions.lang), readerOptions);
  } catch (error) {
    yield [unreadableFileItem(error, path, readerOptions)];
  }
}

/**
 * What a file that cannot be opened or read becomes for the readers: a `file-unreadable` problem
 * naming it and the system's reason. Any error that is not the system's is thrown again.
 *
 * @example
 * yield [unreadableFileItem(error, 'records.ndjson', { file: 'records.ndjson' })];
 */
export function unreadableFileItem(error: unknown, path: string, options: ReaderOptions): ReaderItem {
  const reason = systemErrorCode(error);
  if (reason === undefined) throw error;
  return stopItem('file-unreadable', undefined, { path, reason }, options);
}


async function* readWholeJson(chunks: AsyncIterable<string>, options: ReaderOptions): AsyncGenerator<ReaderItem> {
  let text = '';
  try {
    for await (const chunk of chunks) {
      // One JSON document is one string: past the longest string V8 can make, say so (NDJSON has no such limit).
      if (text.length + chunk.length > constants.MAX_STRING_LENGTH) {
        yield stopItem('file-too-large', undefined, { path: options.file ?? '', limit: constants.MAX_STRING_LENGTH }, options);
        return;
      }
      text += chunk;
    }
  } catch (error) {
    if (!(error instanceof InvalidEncodingError)) throw error;
    const line = text.split('\n').length;
    yield stopItem('invalid-encoding', line, error.params(line, 'json'), options);
    return;
  }
  yield* readJsonArray(text, options);
}

// Peeks at the start of the text, then hands what it read, and the rest, to the right reader.
async function* readSniffed(chunks: AsyncGenerator<string>, options: ReaderOptions): AsyncGenerator<readonly ReaderItem[]> {
  const head: string[] = [];
  let format: RecordsFormat;
  try {
    format = await sniff(chunks, head);
  } catch (error) {
    if (!(error instanceof InvalidEncodingError)) throw error;
    const line = head.reduce((lines, piece) => lines + countOf(piece, '\n'), 1);
    yield [stopItem('invalid-encoding', line, error.params(line, undefined), options)];
    return;
  }
  const text = resume(head, chunks);
  if (format === 'ndjson') yield* eachBatch(readNdjson(text, options));
  else if (format === 'csv') yield* eachBatch(readCsv(text, options));
  else yield* eachBatch(readWholeJson(text, options));
}

/**
 * Reads chunks into `head` until they show the format ({@link formatOfHead}). Each chunk is
 * searched once and the head is joined once, to decide, so a long first line costs linear time
 * (asking `formatOfHead` after every chunk was quadratic); the head is capped (see
 * {@link readRecordsFile}) so it is never longer than a string may be.
 */
async function sniff(chunks: AsyncIterator<string>, head: string[]): Promise<RecordsFormat> {
  // A first line's text with its `\r` may be one character over the cap and still be NDJSON.
  const limit = MAX_NDJSON_LINE_CHARS + 1;
  let blank = 0;
  // Characters of the first line from its `{`, once it is found.
  let first: number | undefined;
  for (;;) {
    const next = await chunks.next();
    if (next.done === true) return formatOfHead(head.join(''), true) ?? 'json';
    const chunk = next.value;
    head.push(chunk);
    let from = 0;
    if (first === undefined) {
      from = chunk.length - chunk.trimStart().length;
      // The blank space before the first character counts whole, wherever the chunks break.
      blank += from;
      if (blank > limit) return 'json';
      if (from === chunk.length) continue;
      // `[` or anything but `{` decides at once.
      if (chunk[from] !== '{') return formatOfHead(head.join(''), false) ?? 'json';
      first = 0;
    }
    const end = chunk.indexOf('\n', from);
    first += (end === -1 ? chunk.length : end) - from;
    if (first > limit) return 'json';
    if (end !== -1) return formatOfHead(head.join(''), false) ?? 'json';
  }
}

async function* resume(head: readonly string[], chunks: AsyncGenerator<string>): AsyncGenerator<string> {
  try {
    yield* head;
    for (let next = await chunks.next(); next.done !== true; next = await chunks.next()) yield next.value;
  } finally {
    await chunks.return(undefined);
  }
}

/**
 * The format of a whole text, told as {@link readRecordsFile} tells that of a file it streams
 * (the same caps on blank space and on the first line), for a text already in memory.
 *
 * @example
 * formatOfText('{"id":"r1"}\n{"id":"r2"}\n'); // 'ndjson'
 * formatOfText(`{"records":[${'…'.repeat(17_000_000)}]}`); // 'json' (a first line too long for NDJSON)
 */
export function formatOfText(text: string): RecordsFormat {
  const limit = MAX_NDJSON_LINE_CHARS + 1;
  const from = text.length - text.trimStart().length;
  if (from > limit) return 'json';
  if (text[from] === '{') {
    const end = text.indexOf('\n', from);
    if ((end === -1 ? text.length : end) - from > limit) return 'json';
  }
  return formatOfHead(text, true) ?? 'json';
}

/**
 * The format a text's beginning shows, or undefined while more text is needed to tell.
 *
 * @example
 * formatOfHead('{"id":"r1"}\n{"id":"r2"}\n', false); // 'ndjson'
 * formatOfHead('{\n  "records": [', false); // 'json'
 */
export function formatOfHead(head: string, complete: boolean): RecordsFormat | undefined {
  const start = head.length - head.trimStart().length;
  const first = head[start];
  if (first === undefined) return complete ? 'json' : undefined;
  if (first === '[') return 'json';
  if (first !== '{') return 'csv';
  const end = head.indexOf('\n', start);
  if (end === -1 && !complete) return undefined;
  try {
    const value: unknown = JSON.parse(head.slice(start, end === -1 ? head.length : end));
    return jsonTypeOf(value) === 'object' && !Object.hasOwn(value as object, 'records') ? 'ndjson' : 'json';
  } catch {
    return 'json';
  }
}

function systemErrorCode(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : undefined;
}
