import { formatPath } from '../core/path.js';
import { repeatedKeyItem } from './duplicate-keys.js';
import { foundAt, lineAndColumn, scanJson } from './json-scan.js';
import { checkReaderCall, issueItem, jsonTypeOf, ReaderOptionsSchema, recordItem, stopItem, stripBom, type ReaderOptions } from './reader-common.js';
import type { ReaderItem } from './reader-item.js';

// Keys a `{ "records": [...] }` document may carry besides its records.
const DOCUMENT_KEYS = new Set(['records', '$schema']);

/**
 * Reads a JSON document of records: an array of record objects, or an object
 * `{ "records": [...] }` (optionally with `$schema`). Each record comes with the line its
 * opening brace is on. Problems become issue items: `empty-input` for an empty text,
 * `invalid-json` (one, with line and column) for a syntax error, `json-not-records` for any
 * other shape, `unknown-field` for other top-level keys, `record-not-object` for an element
 * that is not an object. The whole document is parsed at once: it is one JSON value. Options
 * {@link ReaderOptions} refuses, or a `text` that is not a string, are a `ValidationError` at the
 * first `next()`.
 *
 * @example
 * const items = [...readJsonArray('[\n  {"id": "r1"},\n  {"id": "r2"}\n]', { file: 'records.json' })];
 * items.map((item) => item.kind === 'record' && item.line); // [2, 3]
 */
export function* readJsonArray(text: string, options: ReaderOptions = {}): Generator<ReaderItem> {
  checkReaderCall(ReaderOptionsSchema, options, text, { name: 'text', accepts: 'text' });
  const body = stripBom(text);
  if (body.trim() === '') {
    yield issueItem('empty-input', 1, {}, options);
    return;
  }
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch {
    const scan = scanJson(body);
    const offset = scan.ok ? 0 : scan.offset;
    const { line, column } = lineAndColumn(body, offset);
    const problem = scan.ok ? 'unexpected-character' : scan.problem;
    yield stopItem('invalid-json', line, { line, column, problem, found: foundAt(body, offset) }, options);
    return;
  }

  const lines = lineCounter(body);
  const starts: number[] = [];
  let elements: readonly unknown[];
  let arrayKey: 'records' | undefined;
  if (Array.isArray(document)) {
    elements = document;
    scanJson(body, (start, path) => path.length === 1 && starts.push(start), 1);
  } else if (jsonTypeOf(document) === 'object' && Array.isArray((document as { records?: unknown }).records)) {
    elements = (document as { records: unknown[] }).records;
    arrayKey = 'records';
    const keyLines: [string, number][] = [];
    scanJson(
      body,
      (start, path) => {
        const [key] = path;
        if (path.length === 1 && typeof key === 'string') {
          keyLines.push([key, start]);
        } else if (path.length === 2 && key === 'records') {
          starts.push(start);
        }
      },
      2,
    );
    // A top-level key given twice: JSON.parse keeps the last, and a first "records" list would be
    // lost without a word. The document is not read.
    const given = new Set<string>();
    for (const [key, start] of keyLines) {
      if (!given.has(key)) {
        given.add(key);
        continue;
      }
      const { line } = lineAndColumn(body, start);
      yield stopItem('duplicate-field', line, { line, field: formatPath([key], options.lang) }, options, [key]);
      return;
    }
    for (const [key, start] of keyLines) {
      if (!DOCUMENT_KEYS.has(key)) yield issueItem('unknown-field', lineAndColumn(body, start).line, { field: key }, options, [key]);
    }
  } else {
    const received = jsonTypeOf(document);
    const line = lineAndColumn(body, body.length - body.trimStart().length).line;
    yield stopItem('json-not-records', line, { received }, options);
    return;
  }

  for (const [index, value] of elements.entries()) {
    const line = lines(starts[index] ?? 0);
    const path = arrayKey === undefined ? [index] : [arrayKey, index];
    const type = jsonTypeOf(value);
    if (type !== 'object') {
      yield issueItem('record-not-object', line, { line, received: type }, options, path);
      continue;
    }
    // A record that gives a key twice (JSON.parse keeps the last): not read, as in NDJSON. Its
    // text is taken to the next element's start: the scan stops where the element ends.
    yield repeatedKeyItem(body.slice(starts[index] ?? 0, starts[index + 1] ?? body.length), value, line, options, path) ?? recordItem(value, line, options);
  }
}

// Lines of offsets asked in increasing order, counted once over the text: the next line break is
// remembered, so a text on one line (JSON.stringify's) is not searched to its end for each offset.
function lineCounter(text: string): (offset: number) => number {
  let line = 1;
  let next = text.indexOf('\n');
  return (offset) => {
    while (next !== -1 && next < offset) {
      line++;
      next = text.indexOf('\n', next + 1);
    }
    return line;
  };
}
