import { repeatedKeyItem } from './duplicate-keys.js';
import { foundAt, lineAndColumn, scanJson } from './json-scan.js';
import {
  checkReaderCall,
  InvalidEncodingError,
  issueItem,
  ReaderOptionsSchema,
  jsonTypeOf,
  recordItem,
  stopItem,
  stripBom,
  textChunks,
  type ReaderInput,
  type ReaderOptions,
} from './reader-common.js';
import type { ReaderItem } from './reader-item.js';
import { batched } from './batches.js';

/**
 * Reads NDJSON (one JSON object per line, also called JSON Lines) as it streams in: only the
 * current line is held in memory. Lines end with `\n` or `\r\n`; blank lines are skipped; a
 * leading BOM is ignored. A line that is not JSON yields an `invalid-json` issue with its line
 * and column, a value that is not an object a `record-not-object` issue, a line longer than
 * {@link MAX_NDJSON_LINE_CHARS} an `ndjson-line-too-long` issue (its text is not kept); reading
 * goes on with the next line. Bytes that are not UTF-8 yield `invalid-encoding` and end the
 * read. An empty input is zero records, not an error. Time is linear in the input, however it
 * is cut into chunks and however long its lines.
 *
 * Options {@link ReaderOptions} refuses (`null`, `{ fil: … }`), or an input that is no text,
 * bytes or iterable of them (`null`), are a `ValidationError` thrown when reading starts (the
 * first `next()`), as every other problem with the input shows then.
 *
 * @example
 * for await (const item of readNdjson(fs.createReadStream('records.ndjson'), { file: 'records.ndjson' })) {
 *   if (item.kind === 'record') console.log(item.line, item.value);
 *   else console.error(item.issue.message);
 * }
 */
export function readNdjson(input: ReaderInput, options: ReaderOptions = {}): AsyncGenerator<ReaderItem> {
  return batched(() => ndjsonBatches(input, options));
}

/**
 * The most characters one NDJSON line may have, its line ending not counted: a longer line is an
 * `ndjson-line-too-long` issue at its line, its text is dropped as it comes (so memory stays
 * bounded whatever the input), and reading goes on with the next line. The same cap as a CSV
 * record's (`MAX_CSV_RECORD_CHARS`); one record is far smaller.
 *
 * @example
 * MAX_NDJSON_LINE_CHARS; // 16_777_216
 */
export const MAX_NDJSON_LINE_CHARS = 16 * 1024 * 1024;

// The items of each chunk of input together: one promise per chunk instead of one per line.
async function* ndjsonBatches(input: ReaderInput, options: ReaderOptions): AsyncGenerator<ReaderItem[]> {
  const lang = checkReaderCall(ReaderOptionsSchema, options, input, { name: 'input', accepts: 'input' });
  const current = new LineBuffer();
  let line = 0;
  try {
    for await (const chunk of textChunks(input, lang)) {
      // Only the new chunk is searched: a line spread over many chunks is neither searched again
      // nor flattened again (`pending += chunk` then `pending.indexOf` was quadratic in its length).
      let start = 0;
      const batch: ReaderItem[] = [];
      for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', start)) {
        line++;
        const item = ndjsonLineItem(current.end(chunk.slice(start, end)), line, options);
        if (item) batch.push(item);
        start = end + 1;
      }
      current.add(start === 0 ? chunk : chunk.slice(start));
      if (batch.length > 0) yield batch;
    }
  } catch (error) {
    if (!(error instanceof InvalidEncodingError)) throw error;
    yield [stopItem('invalid-encoding', line + 1, error.params(line + 1, 'ndjson'), options)];
    return;
  }
  const item = ndjsonLineItem(current.end(''), line + 1, options);
  if (item) yield [item];
}

// A line's text with its `\r` may be one character over the cap and still fit once the `\r` goes.
const MAX_RAW_LINE_CHARS = MAX_NDJSON_LINE_CHARS + 1;

/**
 * The line being read, as it arrives in pieces: kept until its end, then joined once; past
 * {@link MAX_NDJSON_LINE_CHARS}, its pieces are dropped as they come and only counted.
 */
class LineBuffer {
  private pieces: string[] = [];
  private size = 0;

  add(piece: string): void {
    if (piece === '') return;
    this.size += piece.length;
    if (this.size > MAX_RAW_LINE_CHARS) this.pieces = [];
    else this.pieces.push(piece);
  }

  /** The whole line, `last` being its end before the line break; undefined when it is too long. */
  end(last: string): string | undefined {
    // The usual case, a line within one chunk: nothing held, nothing to reset.
    if (this.size === 0) return last.length > MAX_RAW_LINE_CHARS ? undefined : last;
    const size = this.size + last.length;
    let text: string | undefined;
    if (size <= MAX_RAW_LINE_CHARS) {
      this.pieces.push(last);
      text = this.pieces.length === 1 ? last : this.pieces.join('');
    }
    this.pieces = [];
    this.size = 0;
    return text;
  }
}

/**
 * {@link readNdjson} for a text already in memory, synchronously; yields the same items. Options
 * it refuses, or a `text` that is not a string, are a `ValidationError` at the first `next()`.
 *
 * @example
 * const items = [...readNdjsonSync('{"id":"r1"}\n{"id":"r2"}\n')];
 * items.map((item) => item.kind === 'record' && item.line); // [1, 2]
 */
export function* readNdjsonSync(text: string, options: ReaderOptions = {}): Generator<ReaderItem> {
  checkReaderCall(ReaderOptionsSchema, options, text, { name: 'text', accepts: 'text' });
  const body = stripBom(text);
  let line = 0;
  let start = 0;
  for (;;) {
    const end = body.indexOf('\n', start);
    line++;
    const item = ndjsonLineItem(body.slice(start, end === -1 ? body.length : end), line, options);
    if (item) yield item;
    if (end === -1) return;
    start = end + 1;
  }
}

// `rawLine` undefined: a line already known to be too long, whose text was not kept.
function ndjsonLineItem(rawLine: string | undefined, line: number, options: ReaderOptions): ReaderItem | undefined {
  const text = rawLine?.endsWith('\r') === true ? rawLine.slice(0, -1) : rawLine;
  if (text === undefined || text.length > MAX_NDJSON_LINE_CHARS) return issueItem('ndjson-line-too-long', line, { line, limit: MAX_NDJSON_LINE_CHARS }, options);
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return jsonSyntaxIssue(text, line, options);
  }
  const type = jsonTypeOf(value);
  if (type !== 'object') return issueItem('record-not-object', line, { line, received: type }, options);
  return repeatedKeyItem(text, value, line, options) ?? recordItem(value, line, options);
}

function jsonSyntaxIssue(text: string, line: number, options: ReaderOptions): ReaderItem {
  const scan = scanJson(text);
  // JSON.parse and the scanner agree on what is JSON; should they ever not, the line still stands.
  if (scan.ok) return issueItem('invalid-json', line, { line, column: 1, problem: 'unexpected-character', found: '' }, options);
  const { column } = lineAndColumn(text, scan.offset);
  return issueItem('invalid-json', line, { line, column, problem: scan.problem, found: foundAt(text, scan.offset) }, options);
}

