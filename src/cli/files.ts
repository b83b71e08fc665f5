import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { constants } from 'node:buffer';
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

async function readAll(stream: AsyncIterable<string | Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const encoder = new TextEncoder();
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
  return Buffer.concat(chunks);
}

// Whether UTF-8 bytes decode to at most MAX_STRING_LENGTH UTF-16 code units: every byte but a
// continuation byte (10xxxxxx) starts a character, and a four-byte character takes two units. A
// character takes at most three bytes per unit, so past three times the limit it cannot fit.
function fitsOneString(bytes: Uint8Array, limit: number): boolean {
  if (bytes.length <= limit) return true;
  if (bytes.length > 3 * limit) return false;
  let units = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    if ((byte & 0xc0) !== 0x80) units += byte >= 0xf0 ? 2 : 1;
  }
  return units <= limit;
}

/**
 * The text of a file (`-`: standard input), decoded as UTF-8 without its BOM. A file that
 * cannot be read, or is not UTF-8, is a `ValidationError` naming it.
 *
 * @example
 * const text = await readText('graph.json', 'graph', 'zh', io);
 */
export async function readText(file: string, subject: string, lang: Lang, io: CliIo): Promise<string> {
  // Past what one read returns, the text is past the longest string too (three bytes a character at most).
  if ((await sizeOf(file)) > READ_WHOLE_LIMIT) throw tooLarge(nameOf(file), subject, lang);
  const bytes = await readBytes(file, subject, lang, io);
  // More bytes than one string may hold characters: the text may still fit (a character takes one
  // to four bytes), but if it does not, decoding throws, and that is the input's size, not a fault.
  if (!fitsOneString(bytes, constants.MAX_STRING_LENGTH)) throw tooLarge(nameOf(file), subject, lang);
  return decodeText(bytes, nameOf(file), subject, lang, undefined);
}

// The whole file (`-`: standard input); its size is checked by the caller, once.
async function readBytes(file: string, subject: string, lang: Lang, io: CliIo): Promise<Uint8Array> {
  try {
    return file === '-' ? await readAll(io.stdin) : await readFile(file);
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

// The size of a regular file; 0 for standard input, a pipe or a file that is not there (reading says why).
const sizeOf = (file: string): Promise<number> => (file === '-' ? Promise.resolve(0) : stat(file).then((s) => (s.isFile() ? s.size : 0), () => 0));

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

/**
 * A file's text (`-`: standard input), read once; or, past the longest string (`limit`, the
 * runtime's by default), a way to read it in pieces as one JSON object (`readJsonObject`).
 *
 * @example
 * const doc = await readDocument('graph.json', 'graph', 'zh', io);
 * const value = doc.text === undefined ? await doc.inPieces() : JSON.parse(doc.text);
 */
export async function readDocument(
  file: string,
  subject: string,
  lang: Lang,
  io: CliIo,
  limit: number = constants.MAX_STRING_LENGTH,
): Promise<{ readonly text: string } | { readonly text: undefined; readonly inPieces: () => Promise<Record<string, unknown>> }> {
  const inPieces = (input: () => ReaderInput) => ({
    text: undefined,
    inPieces: () => readJsonObject(input(), { subject, file: nameOf(file), lang }).catch(unreadableFile(nameOf(file), subject, lang)),
  });
  // Past what one read may return, straight from the file in pieces.
  if ((await sizeOf(file)) > READ_WHOLE_LIMIT) return inPieces(() => createReadStream(file));
  const bytes = await readBytes(file, subject, lang, io);
  if (!fitsOneString(bytes, limit)) return inPieces(() => bytes);
  return { text: decodeText(bytes, nameOf(file), subject, lang, 'json') };
}

/**
 * Reads and parses a JSON file; a file longer than one string may be is read in pieces
 * ({@link readDocument}).
 *
 * @example
 * const { value, text } = await readJson('rules.json', 'rules', 'zh', io);
 */
export async function readJson(file: string, subject: string, lang: Lang, io: CliIo, limit: number = constants.MAX_STRING_LENGTH): Promise<JsonDocument> {
  const doc = await readDocument(file, subject, lang, io, limit);
  const name = nameOf(file);
  if (doc.text === undefined) return { file: name, text: undefined, value: await doc.inPieces() };
  return { file: name, text: doc.text, value: parseJsonText(doc.text, name, subject, lang) };
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
