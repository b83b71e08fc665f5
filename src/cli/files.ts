import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { constants, isAscii } from 'node:buffer';
import { makeIssue, type Issue } from '../core/issue.js';
import type { Lang } from '../core/lang.js';
import { ValidationError } from '../core/validation-error.js';
import { readJsonObject } from '../evidence/read-json-object.js';
import { STDIN_FILE } from '../evidence/read-file.js';
import { FIELD_REPEATS_LISTED, repeatedFieldIssues } from '../evidence/duplicate-keys.js';
import { stripBom, utf16Mark, type ReaderInput } from '../evidence/reader-common.js';
import type { CliIo } from './io.js';
import { byLine, jsonSyntaxError, locateIssues } from './locate.js';

/**
 * A JSON document read from a file, with its text for placing issues at lines.
 *
 * @example
 * const { file, text, value }: JsonDocument = await readJson('rules.json', 'rules', 'zh', io);
 */
export interface JsonDocument {
  /** The name the file goes by in messages ({@link nameOf}: `<stdin>` for `-`). */
  readonly file: string;
  /**
   * The whole text, or undefined for a document longer than one string may be (a national
   * graph, a province's previous result): it was read in pieces, and its issues name the file
   * and the path but no line.
   */
  readonly text: string | undefined;
  readonly value: unknown;
}

/**
 * The system's code of an error with a file (`ENOENT`, `EACCES`…), `EIO` when it has none.
 *
 * @example
 * systemCode(Object.assign(new Error('gone'), { code: 'ENOENT' })); // 'ENOENT'
 */
export function systemCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'EIO';
}

/**
 * The name a file goes by in messages: its path, or `<stdin>` for `-`, standard input (as the
 * record readers name it, {@link STDIN_FILE}).
 *
 * @example
 * nameOf('-'); // '<stdin>'
 * nameOf('graph.json'); // 'graph.json'
 */
export function nameOf(file: string): string {
  return file === '-' ? STDIN_FILE : file;
}

/**
 * A file-level issue (no line), with the file name.
 *
 * @example
 * fileIssue('file-unreadable', 'graph.json', { path: 'graph.json', reason: 'ENOENT' }, 'zh');
 */
export function fileIssue(code: string, file: string, params: Record<string, string | number>, lang: Lang, line?: number): Issue {
  const issue = { ...makeIssue(code, [], params, lang), file };
  return line === undefined ? issue : { ...issue, line };
}

// The UTF-16 code units UTF-8 bytes decode to: every byte but a continuation byte (10xxxxxx)
// starts a character, and a four-byte character takes two units.
function unitsOf(bytes: Uint8Array): number {
  let units = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    if ((byte & 0xc0) !== 0x80) units += byte >= 0xf0 ? 2 : 1;
  }
  return units;
}

// As unitsOf; a chunk of ASCII (a byte a unit) told at once.
const unitsOfChunk = (bytes: Uint8Array): number => (isAscii(bytes) ? bytes.length : unitsOf(bytes));

/**
 * The most bytes the runtime decodes into one string, whatever they decode to: Node refuses more
 * bytes than the longest string has characters (`ERR_STRING_TOO_LONG`), even when they would
 * make fewer (628 MB of a graph in Chinese, 520 million characters, could not be decoded whole).
 */
const DECODE_LIMIT = constants.MAX_STRING_LENGTH;

// Whether UTF-8 bytes decode to at most `limit` UTF-16 code units, and can be decoded at once. A
// character takes at most three bytes per unit, so past three times the limit it cannot fit.
function fitsOneString(bytes: Uint8Array, limit: number): boolean {
  if (bytes.length > DECODE_LIMIT) return false;
  if (bytes.length <= limit) return true;
  if (bytes.length > 3 * limit) return false;
  return unitsOf(bytes) <= limit;
}

/**
 * The text of a file (`-`: standard input), decoded as UTF-8 without its BOM. A file that
 * cannot be read, is not UTF-8, or is longer than one string may be (`file-too-large`: standard
 * input, a pipe or a device is read only that far) is a `ValidationError` naming it.
 *
 * @example
 * const text = await readText('graph.json', 'graph', 'zh', io);
 */
export async function readText(file: string, subject: string, lang: Lang, io: CliIo): Promise<string> {
  const source = await sourceOf(file);
  if (source.kind === 'stream') {
    // Text of any kind (CSV, NDJSON): only its length can tell early that it cannot be read.
    const read = await readStream(file, subject, lang, io, constants.MAX_STRING_LENGTH, false);
    if (read.bytes === undefined) {
      await read.close();
      throw tooLarge(nameOf(file), subject, lang);
    }
    return decodeText(read.bytes, nameOf(file), subject, lang, undefined);
  }
  // Past what one read returns, the text is past the longest string too (three bytes a character at most).
  if (source.kind === 'file' && source.size > READ_WHOLE_LIMIT) throw tooLarge(nameOf(file), subject, lang);
  const bytes = await readBytes(file, subject, lang);
  // More bytes than one string may hold characters: the text may still fit (a character takes one
  // to four bytes), but if it does not, decoding throws, and that is the input's size, not a fault.
  if (!fitsOneString(bytes, constants.MAX_STRING_LENGTH)) throw tooLarge(nameOf(file), subject, lang);
  return decodeText(bytes, nameOf(file), subject, lang, undefined);
}

// The whole of a file that is not a stream (a regular file; or one that is not there, or a folder:
// reading says why); its size is checked by the caller, once.
async function readBytes(file: string, subject: string, lang: Lang): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    throw unreadableFile(nameOf(file), subject, lang)(error);
  }
}

/**
 * The error for a file whose text cannot be one string, where it must be (records as one JSON array).
 *
 * @example
 * throw tooLarge('records.json', 'records', 'zh');
 */
export const tooLarge = (file: string, subject: string, lang: Lang): ValidationError =>
  new ValidationError(subject, [fileIssue('file-too-large', file, { path: file, limit: constants.MAX_STRING_LENGTH }, lang)], lang);

/**
 * How a file is read: a regular `file` of a known size (whole, or past one read in pieces straight
 * from it); a `stream` — standard input, a pipe, a FIFO, a device such as `/dev/zero` — whose
 * size is known only at its end, if it has one, read as it comes ({@link readStream}); or
 * `other` — a file that is not there, a folder — that reading reports as unreadable.
 */
type Source = { readonly kind: 'file'; readonly size: number } | { readonly kind: 'stream' } | { readonly kind: 'other' };

async function sourceOf(file: string): Promise<Source> {
  if (file === '-') return { kind: 'stream' };
  try {
    const stats = await stat(file);
    if (stats.isFile()) return { kind: 'file', size: stats.size };
    return stats.isDirectory() ? { kind: 'other' } : { kind: 'stream' };
  } catch {
    return { kind: 'other' };
  }
}

/**
 * What a file that could not be read becomes: a `ValidationError` naming it and the system's
 * reason (`ENOENT`, `EACCES`…). Any other error passes through as it is.
 *
 * @example
 * await readPartialState(createReadStream(file), { file }).catch(unreadableFile(file, 'partial', 'zh'));
 */
export function unreadableFile(file: string, subject: string, lang: Lang): (error: unknown) => never {
  return (error) => {
    // Only the system's own errors carry a code; anything else is not about the file.
    if (error instanceof ValidationError || typeof (error as { code?: unknown } | null)?.code !== 'string') throw error;
    throw new ValidationError(subject, [fileIssue('file-unreadable', file, { path: file, reason: systemCode(error) }, lang)], lang);
  };
}

/** `format`: `json` for a JSON document (no spreadsheet advice); undefined for any text (a CSV, perhaps). */
function decodeText(bytes: Uint8Array, file: string, subject: string, lang: Lang, format: 'json' | undefined): string {
  try {
    return stripBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    const valid = new TextDecoder('utf-8').decode(bytes);
    const line = valid.slice(0, Math.max(valid.indexOf('\uFFFD'), 0)).split('\n').length;
    const params = { line, ...(format === undefined ? {} : { format }), ...(utf16Mark(bytes) ? { guess: 'utf-16' } : {}) };
    throw new ValidationError(subject, [fileIssue('invalid-encoding', file, params, lang, line)], lang);
  }
}

/**
 * Parses a JSON text, or throws a `ValidationError` placing the syntax error at its line and
 * column (`empty-input` for an empty file).
 *
 * @example
 * parseJsonText('{"a": 1}', 'x.json', 'rules', 'zh'); // { a: 1 }
 */
export function parseJsonText(text: string, file: string, subject: string, lang: Lang): unknown {
  if (text.trim() === '') throw new ValidationError(subject, [fileIssue('empty-input', file, {}, lang, 1)], lang);
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    const at = jsonSyntaxError(text) ?? { line: 1, column: 1, problem: 'unexpected-character', found: '' };
    throw new ValidationError(subject, [fileIssue('invalid-json', file, { ...at }, lang, at.line)], lang);
  }
  // Records are read one by one, each that repeats a key refused on its own.
  if (subject !== 'records') checkRepeatedKeys(text, value, file, subject, lang);
  return value;
}

/**
 * Refuses a document that gives a key twice in one object: `JSON.parse` keeps the last (a second
 * `"liaison": []` would empty the list without a word). Each repeat at its path and line.
 *
 * @example
 * checkRepeatedKeys(text, JSON.parse(text), 'graph.json', 'graph', 'zh');
 */
export function checkRepeatedKeys(text: string, value: unknown, file: string, subject: string, lang: Lang): void {
  const issues = repeatedFieldIssues(text, value, { lang, file, limit: FIELD_REPEATS_LISTED });
  if (issues.length > 0) throw new ValidationError(subject, issues, lang);
}

/** A document read once as text, or to be read in pieces as one JSON object. */
type Document = { readonly text: string } | { readonly text: undefined; readonly inPieces: () => Promise<Record<string, unknown>> };

/**
 * A file's text (`-`: standard input), read once; or, past the longest string (`limit`, the
 * runtime's by default), a way to read it in pieces as one JSON object (`readJsonObject`).
 *
 * Standard input, a pipe or a device is read as it comes, and held no further than that limit:
 * past it, it is read in pieces, and ends where it stops being JSON. Unless the subject is
 * `records` (which may be CSV or NDJSON text, told by its content), the document must be JSON,
 * and one that stops being JSON is refused there ({@link readStream}): a stream of NUL bytes at
 * line 1, column 1, as a file of them is.
 *
 * @example
 * const doc = await readDocument('graph.json', 'graph', 'zh', io);
 * const value = doc.text === undefined ? await doc.inPieces() : JSON.parse(doc.text);
 */
export function readDocument(file: string, subject: string, lang: Lang, io: CliIo, limit: number = constants.MAX_STRING_LENGTH): Promise<Document> {
  return openDocument(file, subject, lang, io, limit, subject !== 'records');
}

// `json`: the document must be JSON (for a stream, refused as soon as it is not).
async function openDocument(file: string, subject: string, lang: Lang, io: CliIo, limit: number, json: boolean): Promise<Document> {
  const name = nameOf(file);
  const inPieces = (input: () => ReaderInput, done?: () => Promise<void>) => ({
    text: undefined,
    inPieces: () => {
      const read = readJsonObject(input(), { subject, file: name, lang }).catch(unreadableFile(name, subject, lang));
      return done === undefined ? read : read.finally(done);
    },
  });
  const source = await sourceOf(file);
  if (source.kind === 'stream') {
    const read = await readStream(file, subject, lang, io, limit, json);
    if (read.bytes === undefined) return inPieces(() => read.rest, read.close);
    return { text: decodeText(read.bytes, name, subject, lang, 'json') };
  }
  // Past what one read may return, straight from the file in pieces.
  if (source.kind === 'file' && source.size > READ_WHOLE_LIMIT) return inPieces(() => createReadStream(file));
  const bytes = await readBytes(file, subject, lang);
  if (!fitsOneString(bytes, limit)) return inPieces(() => bytes);
  return { text: decodeText(bytes, name, subject, lang, 'json') };
}

/**
 * Reads and parses a JSON file; a file longer than one string may be is read in pieces
 * ({@link readDocument}).
 *
 * @example
 * const { value, text } = await readJson('rules.json', 'rules', 'zh', io);
 */
export async function readJson(file: string, subject: string, lang: Lang, io: CliIo, limit: number = constants.MAX_STRING_LENGTH): Promise<JsonDocument> {
  const doc = await openDocument(file, subject, lang, io, limit, true);
  const name = nameOf(file);
  if (doc.text === undefined) return { file: name, text: undefined, value: await doc.inPieces() };
  return { file: name, text: doc.text, value: parseJsonText(doc.text, name, subject, lang) };
}

/**
 * What {@link readStream} read: the whole stream's `bytes`, or — past the limit — the `rest` to
 * read in pieces (what was read, then what follows), and `close` to let go of the stream.
 */
type StreamRead = { readonly bytes: Uint8Array } | { readonly bytes: undefined; readonly rest: AsyncIterable<Uint8Array>; readonly close: () => Promise<void> };

const encoder = new TextEncoder();
const EMPTY = new Uint8Array(0);

/**
 * Reads standard input (`-`), a pipe, a FIFO or a device (`/dev/zero`) as it comes: such a file
 * has no size to check before it is read, and may have no end. What it has given is kept until
 * its end, or until it is longer than one string may be (`limit`, in UTF-16 code units): then the
 * rest is read in pieces. A JSON document (`json`) is checked as it comes ({@link JsonCheck}): once
 * what has come can no longer begin a JSON text (a NUL byte, a character that cannot be there, a
 * value after the document's own, bytes that are never UTF-8), reading stops and the problem is
 * what it would be for the whole text — `invalid-json` at its line and column (or
 * `invalid-encoding`, if bytes already read are not UTF-8), as `parseJsonText` says of a file.
 */
async function readStream(file: string, subject: string, lang: Lang, io: CliIo, limit: number, json: boolean): Promise<StreamRead> {
  const stream = openStream(file, io);
  const close = stream.close;
  const pull = (): Promise<Uint8Array | undefined> => stream.pull().catch(unreadableFile(nameOf(file), subject, lang));
  const name = nameOf(file);
  const chunks: Uint8Array[] = [];
  let check = json ? new JsonCheck() : undefined;
  let bytes = 0;
  // Code units: counted once there are more bytes than the limit (until then, they fit).
  let units = -1;
  try {
    for (let chunk = await pull(); chunk !== undefined; chunk = await pull()) {
      chunks.push(chunk);
      bytes += chunk.length;
      if (check !== undefined && !check.feed(chunk)) {
        // The character the problem is in, whole; then what the text read says, as for a file.
        const tail = new Tail(chunks);
        for (let more = tail.owed > 0 ? await pull() : undefined; more !== undefined; more = tail.owed > 0 ? await pull() : undefined) {
          chunks.push(more);
          tail.add(more);
        }
        const read = Buffer.concat(chunks);
        chunks.splice(0, chunks.length, read);
        // Too long to be one string: read in pieces, as a file that long is; the reader finds the problem.
        if (!fitsOneString(read, limit)) return { bytes: undefined, rest: guarded(chunks, pull, close, check), close };
        const text = decodeText(read, name, subject, lang, 'json');
        parseJsonText(text, name, subject, lang);
        // Not expected: JSON after all. Read on without looking.
        check = undefined;
        [bytes, units] = [read.length, -1];
      }
      if (bytes > limit) {
        units = units < 0 ? chunks.reduce((sum, part) => sum + unitsOfChunk(part), 0) : units + unitsOfChunk(chunk);
        if (units > limit || bytes > DECODE_LIMIT) return { bytes: undefined, rest: guarded(chunks, pull, close, check), close };
      }
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { bytes: Buffer.concat(chunks) };
}

/** A stream's next chunk as bytes (undefined at its end), and a way to let go of it. */
interface Stream {
  readonly pull: () => Promise<Uint8Array | undefined>;
  readonly close: () => Promise<void>;
}

/** Standard input (`-`) or the file, as a {@link Stream}; its errors are the system's, as they come. */
function openStream(file: string, io: CliIo): Stream {
  // A megabyte a read: a device gives as much as is asked (reading `/dev/zero` to the limit, 64 KiB at a time, took three times as long).
  const source = (file === '-' ? io.stdin : (createReadStream(file, { highWaterMark: 2 ** 20 }) as AsyncIterable<Uint8Array>))[Symbol.asyncIterator]();
  return {
    pull: async () => {
      const next = await source.next();
      if (next.done === true) return undefined;
      return typeof next.value === 'string' ? encoder.encode(next.value) : next.value;
    },
    // Letting go of a stream that failed has nothing more to say.
    close: () => Promise.resolve(source.return?.()).then(
      () => undefined,
      () => undefined,
    ),
  };
}

/**
 * A JSON document for a reader that reads it as it comes (`readPartialState`, `readJsonObject`):
 * the file, or standard input for `-`. A regular file is its stream; standard input, a pipe or a
 * device (`/dev/zero`) ends just past where what it gives stops being JSON, so that the reader
 * reports the problem it finds there (`invalid-json`, at its line and column) instead of reading
 * on to the end of a stream that may have none. Errors reading it are the system's, as they come.
 *
 * @example
 * const partial = await readPartialState(jsonInput(path, io), { file: nameOf(path), lang }).catch(unreadableFile(nameOf(path), 'partial', lang));
 */
export async function* jsonInput(file: string, io: CliIo): AsyncGenerator<Uint8Array> {
  if ((await sourceOf(file)).kind !== 'stream') {
    yield* createReadStream(file) as AsyncIterable<Uint8Array>;
    return;
  }
  const stream = openStream(file, io);
  yield* guarded([], stream.pull, stream.close, undefined);
}

/**
 * The chunks read, then the rest of a stream, for `readJsonObject`: checked as JSON as they go
 * (`check`: the chunks read were checked already, and all are given), and ended just past the
 * first one where the document can no longer be JSON — `readJsonObject` reports the problem, which it finds there,
 * without reading to the end of a stream that has none (`/dev/zero`).
 */
async function* guarded(chunks: Uint8Array[], pull: () => Promise<Uint8Array | undefined>, close: () => Promise<void>, check: JsonCheck | undefined): AsyncGenerator<Uint8Array> {
  const json = check ?? new JsonCheck();
  const tail = new Tail([]);
  // On until past the chunk where the document stops being JSON, with the character there whole.
  const more = (): boolean => json.ok || tail.owed > 0;
  try {
    for (let k = 0; k < chunks.length; k++) {
      const chunk = chunks[k] as Uint8Array;
      // Let go of each chunk once given.
      chunks[k] = EMPTY;
      if (check === undefined) {
        if (!more()) break;
        json.feed(chunk);
      }
      tail.add(chunk);
      yield chunk;
    }
    chunks.length = 0;
    while (more()) {
      const chunk = await pull();
      if (chunk === undefined) return;
      json.feed(chunk);
      tail.add(chunk);
      yield chunk;
    }
  } finally {
    await close();
  }
}

/**
 * The last bytes read, to tell how many more the character they end in needs (`owed`): 0 when it
 * is whole, or when they are no UTF-8 anyway.
 */
class Tail {
  #last: number[] = [];
  constructor(chunks: readonly Uint8Array[]) {
    for (const chunk of chunks) this.add(chunk);
  }

  add(chunk: Uint8Array): void {
    for (let i = Math.max(0, chunk.length - 4); i < chunk.length; i++) this.#last.push(chunk[i] as number);
    if (this.#last.length > 4) this.#last.splice(0, this.#last.length - 4);
  }

  get owed(): number {
    const last = this.#last;
    for (let back = 1; back <= last.length; back++) {
      const byte = last[last.length - back] as number;
      if ((byte & 0xc0) === 0x80) continue;
      const size = byte >= 0xf0 && byte <= 0xf4 ? 4 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xc2 && byte < 0xe0 ? 2 : 1;
      return Math.max(0, size - back);
    }
    return 0;
  }
}

/** The most `fs.readFile` returns at once (2 GiB − 1). */
const READ_WHOLE_LIMIT = 2 ** 31 - 1;

/**
 * The value a `safeParse*` function made of a document, or its error with every issue placed at
 * its line in the file, in line order.
 *
 * @example
 * const graph = parsedOrThrow(safeParseGraph(doc.value, { lang }), doc);
 */
export function parsedOrThrow<T>(parsed: { success: true; data: T } | { success: false; error: ValidationError }, doc: JsonDocument): T {
  if (parsed.success) return parsed.data;
  const { error } = parsed;
  throw new ValidationError(error.subject, byLine(locateIssues(error.issues, doc.text, doc.file)), error.lang);
}

// Where a JSON text being checked is (JsonCheck).
const enum At {
  /** Before the document's value: whitespace, a leading byte order mark or two. */
  Open,
  /** After `:` or `,` in a list: a value. */
  Value,
  /** After `[`: a value or `]`. */
  ValueOrClose,
  /** After `{`: a key or `}`. */
  KeyOrClose,
  /** After `,` in an object: a key. */
  Key,
  /** After a key: `:`. */
  Colon,
  /** After a value in a list or an object: `,` or its closer. */
  After,
  /** After the document's value: only whitespace. */
  Done,
  String,
  /** After a backslash in a string. */
  Escape,
  /** In the four hex digits of `\u`. */
  Hex,
  /** After a number's `-`: a digit. */
  Minus,
  /** A number's leading `0`: `.`, an exponent or its end. */
  Zero,
  /** The digits of a number's integer part. */
  Integer,
  /** After `.`: a digit. */
  Dot,
  /** The digits of a fraction. */
  Fraction,
  /** After `e`: a sign or a digit. */
  Exponent,
  /** After the exponent's sign: a digit. */
  ExponentSign,
  /** The digits of an exponent. */
  ExponentDigits,
  /** Within `true`, `false` or `null`. */
  Literal,
}

const isJsonSpace = (byte: number): boolean => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
const isDigit = (byte: number): boolean => byte >= 0x30 && byte <= 0x39;
const isHex = (byte: number): boolean => isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66);
/** The escapes of RFC 8259 after a backslash, but `u`: `"`, `\`, `/`, `b`, `f`, `n`, `r`, `t`. */
const SIMPLE_ESCAPES = new Set([0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74]);
/** Bytes that are in no UTF-8 text. */
const neverUtf8 = (byte: number): boolean => byte === 0xc0 || byte === 0xc1 || byte > 0xf4;
const LITERAL_OF: Readonly<Record<number, string>> = { 0x74: 'true', 0x66: 'false', 0x6e: 'null' };

/**
 * Follows a JSON text (RFC 8259) byte by byte as it comes, to tell as soon as it can no longer be
 * one: `feed` returns false from the chunk where what has come is no beginning of a JSON text,
 * nor of a text that `parseJsonText` would refuse only as empty. What is whole is not told
 * (`JSON.parse` does that). Never false for a text `parseJsonText` takes: leading byte order
 * marks (the decoder's and `stripBom`'s) are let pass, and so is whitespace that `trim` removes
 * but JSON does not allow (a no-break space…) before the value, until something follows it. Bytes
 * that are never UTF-8 are refused where they are; other bytes that are not UTF-8 are left to
 * the decoder.
 */
class JsonCheck {
  #at: At = At.Open;
  /** The containers open, innermost last: true for an object. */
  readonly #open: boolean[] = [];
  /** The string being read is an object's key. */
  #key = false;
  /** Hex digits still to come after `\u`. */
  #hex = 0;
  #literal = '';
  /** Letters of the literal read so far. */
  #letters = 0;
  /** Bytes before the value: a leading byte order mark is at byte 0 or 3 (the decoder takes one, `stripBom` another). */
  #seen = 0;
  #boms = 0;
  /** Before the value, whitespace only `trim` allows (so the text cannot be JSON, but may be `empty-input`). */
  #strangeSpace = false;
  /** Before the value, the character being read that is not ASCII: its code point so far and the bytes it still needs. */
  #point = 0;
  #needs = 0;
  #pointStart = 0;
  #failed = false;

  /** Whether what has come may still begin a JSON text. */
  get ok(): boolean {
    return !this.#failed;
  }

  /** Checks the next bytes: false once the text can no longer be JSON (and for every chunk after). */
  feed(chunk: Uint8Array): boolean {
    if (this.#failed) return false;
    const n = chunk.length;
    let at = this.#at;
    for (let i = 0; i < n; i++) {
      let byte = chunk[i] as number;
      if (at === At.String) {
        // Most of a document is in strings: on to the next quote, backslash, control character or impossible byte.
        while (byte !== 0x22 && byte !== 0x5c && byte >= 0x20 && !neverUtf8(byte)) {
          if (++i === n) break;
          byte = chunk[i] as number;
        }
        if (i === n) break;
        if (byte === 0x22) at = this.#key ? At.Colon : this.#afterValue();
        else if (byte === 0x5c) at = At.Escape;
        else return this.#fail();
        continue;
      }
      switch (at) {
        case At.Open:
          if (!this.#open0(byte, this.#seen + i)) return this.#fail();
          if (this.#at !== At.Open) at = this.#at;
          continue;
        case At.Escape:
          if (byte === 0x75) {
            this.#hex = 4;
            at = At.Hex;
          } else if (SIMPLE_ESCAPES.has(byte)) at = At.String;
          else return this.#fail();
          continue;
        case At.Hex:
          if (!isHex(byte)) return this.#fail();
          if (--this.#hex === 0) at = At.String;
          continue;
        case At.Literal:
          if (byte !== this.#literal.charCodeAt(this.#letters)) return this.#fail();
          if (++this.#letters === this.#literal.length) at = this.#afterValue();
          continue;
        case At.Minus:
          if (byte === 0x30) at = At.Zero;
          else if (isDigit(byte)) at = At.Integer;
          else return this.#fail();
          continue;
        case At.Dot:
          if (!isDigit(byte)) return this.#fail();
          at = At.Fraction;
          continue;
        case At.Exponent:
          if (byte === 0x2b || byte === 0x2d) at = At.ExponentSign;
          else if (isDigit(byte)) at = At.ExponentDigits;
          else return this.#fail();
          continue;
        case At.ExponentSign:
          if (!isDigit(byte)) return this.#fail();
          at = At.ExponentDigits;
          continue;
        case At.Zero:
        case At.Integer:
        case At.Fraction:
        case At.ExponentDigits:
          if (isDigit(byte) && at !== At.Zero) continue;
          if (byte === 0x2e && (at === At.Zero || at === At.Integer)) {
            at = At.Dot;
            continue;
          }
          if ((byte === 0x65 || byte === 0x45) && at !== At.ExponentDigits) {
            at = At.Exponent;
            continue;
          }
          // The number ended before this byte: it is what follows a value.
          at = this.#afterValue();
          i--;
          continue;
        default:
          break;
      }
      if (isJsonSpace(byte)) continue;
      switch (at) {
        case At.Value:
        case At.ValueOrClose:
          if (byte === 0x5d && at === At.ValueOrClose) at = this.#close();
          else {
            const next = this.#startValue(byte);
            if (next === undefined) return this.#fail();
            at = next;
          }
          break;
        case At.KeyOrClose:
        case At.Key:
          if (byte === 0x7d && at === At.KeyOrClose) at = this.#close();
          else if (byte === 0x22) {
            this.#key = true;
            at = At.String;
          } else return this.#fail();
          break;
        case At.Colon:
          if (byte !== 0x3a) return this.#fail();
          at = At.Value;
          break;
        case At.After: {
          const object = this.#open[this.#open.length - 1] as boolean;
          if (byte === 0x2c) at = object ? At.Key : At.Value;
          else if (byte === (object ? 0x7d : 0x5d)) at = this.#close();
          else return this.#fail();
          break;
        }
        default:
          // At.Done: anything but whitespace after the document's value.
          return this.#fail();
      }
    }
    this.#at = at;
    this.#seen += n;
    return true;
  }

  #fail(): false {
    this.#failed = true;
    return false;
  }

  /** What follows a value: its container's `,` or closer, or the end. */
  #afterValue(): At {
    return this.#open.length === 0 ? At.Done : At.After;
  }

  #close(): At {
    this.#open.pop();
    return this.#afterValue();
  }

  /** Where a value that starts with this byte is read, or undefined if none does. */
  #startValue(byte: number): At | undefined {
    if (byte === 0x7b || byte === 0x5b) {
      this.#open.push(byte === 0x7b);
      return byte === 0x7b ? At.KeyOrClose : At.ValueOrClose;
    }
    if (byte === 0x22) {
      this.#key = false;
      return At.String;
    }
    if (byte === 0x2d) return At.Minus;
    if (byte === 0x30) return At.Zero;
    if (isDigit(byte)) return At.Integer;
    const literal = LITERAL_OF[byte];
    if (literal === undefined) return undefined;
    this.#literal = literal;
    this.#letters = 1;
    return At.Literal;
  }

  /** A byte before the value (`offset` in the text): false if the text cannot be JSON; the value may start here (`#at`). */
  #open0(byte: number, offset: number): boolean {
    if (this.#needs > 0) {
      // Within a character that is not ASCII.
      if ((byte & 0xc0) !== 0x80) return false;
      this.#point = (this.#point << 6) | (byte & 0x3f);
      if (--this.#needs > 0) return true;
      const point = this.#point;
      if (point === 0xfeff && this.#pointStart === 3 * this.#boms && this.#boms < 2) {
        this.#boms++;
        return true;
      }
      // Whitespace to `trim` (a no-break space, an ideographic space…): the text may still be empty.
      if (!/\s/u.test(String.fromCodePoint(point))) return false;
      this.#strangeSpace = true;
      return true;
    }
    if (byte >= 0x80) {
      this.#pointStart = offset;
      if (byte >= 0xc2 && byte <= 0xdf) [this.#point, this.#needs] = [byte & 0x1f, 1];
      else if (byte >= 0xe0 && byte <= 0xef) [this.#point, this.#needs] = [byte & 0x0f, 2];
      else if (byte >= 0xf0 && byte <= 0xf4) [this.#point, this.#needs] = [byte & 0x07, 3];
      else return false;
      return true;
    }
    if (isJsonSpace(byte)) return true;
    // A vertical tab or a form feed: whitespace to `trim`, not to JSON.
    if (byte === 0x0b || byte === 0x0c) {
      this.#strangeSpace = true;
      return true;
    }
    // Something follows whitespace JSON does not allow: not JSON, and not empty either.
    if (this.#strangeSpace) return false;
    const next = this.#startValue(byte);
    if (next === undefined) return false;
    this.#at = next;
    return true;
  }
}
