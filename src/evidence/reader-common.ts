import { z } from 'zod';
import { atLine, makeIssue, typeName, type Issue } from '../core/issue.js';
import type { Lang } from '../core/lang.js';
import type { MessageParams } from '../core/messages.js';
import { checkOptions, LangOptionSchema } from '../core/options.js';
import type { IssuePath } from '../core/path.js';
import { ValidationError } from '../core/validation-error.js';
import type { ReaderItem } from './reader-item.js';

/**
 * What a streaming reader accepts: a whole text or its UTF-8 bytes, or chunks of text or UTF-8
 * bytes from any (async) iterable, such as a Node stream. Chunks may split lines and characters
 * anywhere.
 */
export type ReaderInput = string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/**
 * Options shared by the readers.
 *
 * Refused (a `ValidationError`, subject `options`, listing every problem, thrown when reading
 * starts: at the first `next()`): options that are not an object (`null`, a text); a name not
 * listed here (`fil`: a typo would otherwise leave the items without their file); a `file` that
 * is not a text; a `lang` other than `zh` or `en`.
 */
export interface ReaderOptions {
  /** File name put on every item, for messages such as `records.csv:12`. */
  readonly file?: string;
  /** Language of issue messages. Default `zh`. */
  readonly lang?: Lang;
}

/**
 * The options of the readers ({@link ReaderOptions}), checked.
 *
 * @example
 * ReaderOptionsSchema.parse({ file: 'records.ndjson', lang: 'en' });
 */
export const ReaderOptionsSchema = z.strictObject({ file: z.string().optional(), lang: LangOptionSchema.optional() });

/** What a reader was given to read, as it names it: any input, or a text only. */
export type ReaderArgument = { readonly name: string; readonly accepts: 'input' | 'text' };

const INPUT_TYPES = 'string, Uint8Array, Iterable or AsyncIterable';

/**
 * Checks what a reader was given, once, when reading starts: its options first (a
 * `ValidationError`, subject `options`; `more` adds checks the schema does not make), then what
 * it reads (subject `records`, code `invalid-type` at the argument's name: `null`, a number, an
 * object that is not iterable, where a text, bytes or chunks of them are read). Returns the
 * options' language.
 *
 * @example
 * const lang = checkReaderCall(ReaderOptionsSchema, options, input, { name: 'input', accepts: 'input' });
 */
export function checkReaderCall(schema: z.ZodType, options: unknown, input: unknown, argument: ReaderArgument, more?: (lang: Lang) => readonly Issue[]): Lang {
  const lang = checkOptions(schema, options, more);
  checkReaderInput(input, argument, lang);
  return lang;
}

/**
 * The second half of {@link checkReaderCall}: a `ValidationError` (this subject, `invalid-type`
 * at the argument's name) for what a reader cannot read.
 *
 * @example
 * checkReaderInput(input, { name: 'input', accepts: 'input' }, 'en', 'partial');
 */
export function checkReaderInput(input: unknown, argument: ReaderArgument, lang: Lang, subject = 'records'): void {
  if (argument.accepts === 'text' ? typeof input === 'string' : isReaderInput(input)) return;
  const expected = argument.accepts === 'text' ? 'string' : INPUT_TYPES;
  throw new ValidationError(subject, [makeIssue('invalid-type', [argument.name], { expected, received: typeName(input) }, lang)], lang);
}

/** Whether a value is something {@link textChunks} reads: a text, bytes, or an (async) iterable. */
function isReaderInput(input: unknown): boolean {
  if (typeof input === 'string' || input instanceof Uint8Array) return true;
  if (typeof input !== 'object' || input === null) return false;
  const iterable = input as { [Symbol.iterator]?: unknown; [Symbol.asyncIterator]?: unknown };
  return typeof iterable[Symbol.asyncIterator] === 'function' || typeof iterable[Symbol.iterator] === 'function';
}

/**
 * Thrown by {@link textChunks} when bytes are not UTF-8; readers turn it into an issue.
 *
 * @example
 * try { for await (const text of textChunks(bytes)) use(text); }
 * catch (error) { if (error instanceof InvalidEncodingError) report(); else throw error; }
 */
export class InvalidEncodingError extends Error {
  /**
   * `utf-16`: the bytes start with a UTF-16 byte order mark (a file saved as "Unicode");
   * `binary`: they hold a run of NUL bytes, which no text of records has (a binary file, a device
   * such as /dev/zero, a compressed export).
   */
  readonly guess: 'utf-16' | 'binary' | undefined;

  constructor(guess?: 'utf-16' | 'binary') {
    super('input is not valid UTF-8');
    this.name = 'InvalidEncodingError';
    this.guess = guess;
  }

  /** The values of the `invalid-encoding` issue at `line` of a file of `format`. */
  params(line: number, format: 'csv' | 'json' | 'ndjson' | undefined): Record<string, string | number> {
    return { line, ...(format === undefined ? {} : { format }), ...(this.guess === undefined ? {} : { guess: this.guess }) };
  }
}

/**
 * Whether bytes start with a UTF-16 byte order mark (FF FE or FE FF).
 *
 * @example
 * utf16Mark(new Uint8Array([0xff, 0xfe, 0x7b, 0x00])); // true
 */
export function utf16Mark(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

const BOM = '\uFEFF';

/** Sixteen NULs in a row: never in text, soon in any binary file. */
const NUL_RUN = '\u0000'.repeat(16);
const NUL_RUN_BYTES = Buffer.alloc(16);

/**
 * A text without its leading byte order mark.
 *
 * @example
 * stripBom('\uFEFFid,type'); // 'id,type'
 */
export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/**
 * The input as text chunks: bytes decoded as UTF-8 across chunk boundaries (a character may be
 * split between chunks), the leading BOM removed. Invalid UTF-8 — most often a CSV that a
 * Chinese Excel saved as GBK — is not silently turned into U+FFFD: the valid text before it is
 * yielded, then {@link InvalidEncodingError} is thrown so the reader can name the line. A chunk
 * that is neither text nor bytes is a `ValidationError` (`invalid-type` at `['input', index]`,
 * with this subject and language). A run of NUL bytes, which no text of records has, is thrown as
 * {@link InvalidEncodingError} too (`binary`), unless `refuseNul` is false: a JSON document's
 * reader says where it is, at its line and column.
 *
 * @example
 * for await (const text of textChunks(fs.createReadStream('records.ndjson'))) process(text);
 */
export async function* textChunks(input: ReaderInput, lang: Lang = 'zh', subject = 'records', refuseNul = true): AsyncGenerator<string> {
  if (typeof input === 'string') {
    if (input !== '') yield stripBom(input);
    return;
  }
  // Bytes are iterable too, as numbers: a whole buffer is read 64 KiB at a time, as a file stream
  // reads (decoded whole, a buffer of more characters than one string may hold would fail; in
  // slices of a megabyte, reading was a fifth slower: BENCHMARKS.md, "Eleventh session").
  if (input instanceof Uint8Array) input = slices(input);
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let started = false;
  const emit = (text: string): string => {
    if (started || text === '') return text;
    started = true;
    return stripBom(text);
  };
  // The bytes of a character cut at the end of the last chunk, which the decoder holds.
  let carry: Uint8Array = new Uint8Array(0);
  let index = 0;
  for await (const chunk of input) {
    let text: string;
    if (typeof chunk === 'string') {
      // Bytes of a character left cut by the last chunk cannot be finished by a text chunk.
      try {
        text = decoder.decode() + chunk;
      } catch {
        throw new InvalidEncodingError();
      }
      carry = new Uint8Array(0);
    } else if (!((chunk as unknown) instanceof Uint8Array)) {
      const issue = makeIssue('invalid-type', ['input', index], { expected: 'string or Uint8Array', received: typeName(chunk) }, lang);
      throw new ValidationError(subject, [issue], lang);
    } else {
      try {
        text = decoder.decode(chunk, { stream: true });
        carry = unfinishedTail(carry, chunk);
      } catch {
        // What comes before the first byte that is not UTF-8 is still read, to the line it is on.
        const bytes = Buffer.concat([carry, chunk]);
        const guess = !started && index === 0 && utf16Mark(bytes) ? 'utf-16' : undefined;
        const valid = emit(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, validPrefix(bytes)), { stream: true }));
        if (valid !== '') yield valid;
        throw new InvalidEncodingError(guess);
      }
    }
    // A run of NUL bytes is no text of records in any format (a binary file, an archive, a
    // device such as /dev/zero, which would be read as one endless line, 16 million characters):
    // the text before it is read, to the line it is on, and the rest refused at once. A stray NUL
    // in a cell (a bad export) stays that cell's problem, told at its line with the rest read.
    // Looked for in the bytes first (memchr-like), the text searched only when they hold one: a
    // search of every decoded text cost a fifth of the decoding (bench/text-chunks-nul.ts).
    const mayHold = refuseNul && (typeof chunk === 'string' ? chunk.includes(NUL_RUN) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).includes(NUL_RUN_BYTES));
    const nul = mayHold ? text.indexOf(NUL_RUN) : -1;
    if (nul !== -1) {
      const before = emit(text.slice(0, nul));
      if (before !== '') yield before;
      throw new InvalidEncodingError('binary');
    }
    text = emit(text);
    index++;
    if (text !== '') yield text;
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    throw new InvalidEncodingError();
  }
  rest = emit(rest);
  if (rest !== '') yield rest;
}

/** The bytes of a character not finished at the end of `chunk` (after `carry`, the last one's). */
function unfinishedTail(carry: Uint8Array, chunk: Uint8Array): Uint8Array {
  // A character is at most 4 bytes: its lead byte is among the last 4.
  for (let i = chunk.length - 1; i >= Math.max(0, chunk.length - 4); i--) {
    const byte = chunk[i] as number;
    if ((byte & 0xc0) === 0x80) continue;
    const needed = byte < 0x80 ? 1 : byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    return chunk.length - i < needed ? chunk.slice(i) : new Uint8Array(0);
  }
  // Only continuation bytes: they go on the character begun before.
  return Buffer.concat([carry, chunk]);
}

/**
 * How many of `bytes` the decoder takes before the first that is not UTF-8 (a character cut at
 * the end counts as taken). A shorter start is never less valid, so a binary search finds it.
 */
function validPrefix(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}

function* slices(bytes: Uint8Array): Generator<Uint8Array> {
  const size = 1 << 16;
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/**
 * A record item, with the file only when there is one.
 *
 * @example
 * recordItem({ id: 'r1' }, 3, { file: 'records.ndjson' });
 */
export function recordItem(value: unknown, line: number, options: ReaderOptions): ReaderItem {
  return options.file === undefined ? { kind: 'record', value, line } : { kind: 'record', value, line, file: options.file };
}

/**
 * An issue item placed at a line of the input, or at no line for a problem with the whole file.
 *
 * @example
 * issueItem('csv-row-width', 7, { line: 7, expected: 5, actual: 4 }, options);
 */
export function issueItem(code: string, line: number | undefined, params: MessageParams, options: ReaderOptions, path: IssuePath = []): ReaderItem {
  const issue = makeIssue(code, path, params, options.lang);
  if (line !== undefined) return { kind: 'issue', issue: atLine(issue, line, options.file) };
  return { kind: 'issue', issue: options.file === undefined ? issue : { ...issue, file: options.file } };
}

/**
 * How many times a character occurs in a text (between `from` and `to`).
 *
 * @example
 * countOf('a\nb\nc', '\n'); // 2
 */
export function countOf(text: string, char: string, from = 0, to = text.length): number {
  let count = 0;
  for (let at = text.indexOf(char, from); at !== -1 && at < to; at = text.indexOf(char, at + 1)) count++;
  return count;
}

/**
 * An {@link issueItem} after which the reader reads no further in its input (see
 * {@link ReaderItem}'s `stopped`).
 *
 * @example
 * stopItem('invalid-csv', 4, { line: 4, problem: 'quote-not-closed', limit: 1 }, options);
 */
export function stopItem(code: string, line: number | undefined, params: MessageParams, options: ReaderOptions, path: IssuePath = []): ReaderItem {
  return { ...(issueItem(code, line, params, options, path) as Extract<ReaderItem, { kind: 'issue' }>), stopped: true };
}

/**
 * The JSON type of a parsed value, as named in messages.
 *
 * @example
 * jsonTypeOf([1]); // 'array'
 */
export function jsonTypeOf(value: unknown): 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' ? type : 'object';
}
