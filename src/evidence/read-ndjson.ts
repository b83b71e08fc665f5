import { foundAt, lineAndColumn, scanJson } from './json-scan.js';
import {
  checkReaderCall,
  InvalidEncodingError,
  issueItem,
  ReaderOptionsSchema,
  jsonTypeOf,
  recordItem,
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
 * and column, a value that is not an object a `record-not-object` issue; reading goes on with
 * the next line. Bytes that are not UTF-8 yield `invalid-encoding` and end the read. An empty
 * input is zero records, not an error.
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

// The items of each chunk of input together: one promise per chunk instead of one per line.
async function* ndjsonBatches(input: ReaderInput, options: ReaderOptions): AsyncGenerator<ReaderItem[]> {
  const lang = checkReaderCall(ReaderOptionsSchema, options, input, { name: 'input', accepts: 'input' });
  let pending = '';
  let line = 0;
  try {
    for await (const chunk of textChunks(input, lang)) {
      // Search only the new text, so a line spread over many chunks is not rescanned.
      const searchFrom = pending.length;
      pending += chunk;
      let start = 0;
      const batch: ReaderItem[] = [];
      for (let end = pending.indexOf('\n', searchFrom); end !== -1; end = pending.indexOf('\n', start)) {
        line++;
        const item = ndjsonLineItem(pending.slice(start, end), line, options);
        if (item) batch.push(item);
        start = end + 1;
      }
      pending = pending.slice(start);
      if (batch.length > 0) yield batch;
    }
  } catch (error) {
    if (!(error instanceof InvalidEncodingError)) throw error;
    yield [issueItem('invalid-encoding', line + 1, error.params(line + 1, 'ndjson'), options)];
    return;
  }
  const item = ndjsonLineItem(pending, line + 1, options);
  if (item) yield [item];
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

function ndjsonLineItem(rawLine: string, line: number, options: ReaderOptions): ReaderItem | undefined {
  const text = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return jsonSyntaxIssue(text, line, options);
  }
  const type = jsonTypeOf(value);
  if (type !== 'object') return issueItem('record-not-object', line, { line, received: type }, options);
  return recordItem(value, line, options);
}

function jsonSyntaxIssue(text: string, line: number, options: ReaderOptions): ReaderItem {
  const scan = scanJson(text);
  // JSON.parse and the scanner agree on what is JSON; should they ever not, the line still stands.
  if (scan.ok) return issueItem('invalid-json', line, { line, column: 1, problem: 'unexpected-character', found: '' }, options);
  const { column } = lineAndColumn(text, scan.offset);
  return issueItem('invalid-json', line, { line, column, problem: scan.problem, found: foundAt(text, scan.offset) }, options);
}

