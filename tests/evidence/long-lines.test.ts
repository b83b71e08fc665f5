import { constants } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchesOf } from '../../src/evidence/batches.js';
import { formatOfHead, readRecordsFile } from '../../src/evidence/read-file.js';
import { MAX_NDJSON_LINE_CHARS, readNdjson, readNdjsonSync } from '../../src/evidence/read-ndjson.js';
import type { ReaderItem } from '../../src/evidence/reader-item.js';
import { brief, collect, issuesOf, splitAt, utf8 } from './helpers.js';

// Long lines: a line spread over many chunks is read in time linear in its length (no string
// rebuilt and searched again per chunk), and a line over MAX_NDJSON_LINE_CHARS is an issue at
// its line, never a RangeError, after which reading goes on with the right line numbers.

/** `text` cut into string pieces of `size` characters. */
function* piecesOf(text: string, size: number): Generator<string> {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

/** `text` cut at the given offsets (ascending). */
function cutAt(text: string, offsets: readonly number[]): string[] {
  return [0, ...offsets].map((at, i) => text.slice(at, offsets[i] ?? text.length));
}

/** `count` copies of `piece`, between `before` and `after`: a long line without building it. */
function* around(before: string, piece: string, count: number, after: string): Generator<string> {
  yield before;
  for (let i = 0; i < count; i++) yield piece;
  yield after;
}

/** A JSON object line of exactly `length` characters: `{"t":"aaa…"}`. */
const objectLine = (length: number, fill = 'a'): string => `{"t":"${fill.repeat(length - 8)}"}`;

/**
 * Runs `read` while adding up the length of every string that `String.prototype.indexOf` is
 * called on. Searching or flattening a string costs its length, so this counts the work the
 * readers do on their text (the old reader searched the whole line so far after every chunk),
 * without timing anything.
 */
async function searched<T>(read: () => Promise<T>): Promise<{ result: T; chars: number }> {
  const original = String.prototype.indexOf;
  let chars = 0;
  // The searches for line ends only (the duplicate-key check's count of colons is another pass).
  String.prototype.indexOf = function indexOf(this: string, ...args: Parameters<typeof original>): number {
    if (args[0] === '\n') chars += this.length;
    return original.apply(this, args);
  };
  try {
    const result = await read();
    return { result, chars };
  } finally {
    String.prototype.indexOf = original;
  }
}

describe('readNdjson and long lines', () => {
  it('reads a line of several megabytes given in pieces, with the right line numbers after it', async () => {
    const title = '党的建设'.repeat(1_000_000); // 4 million characters, 12 MB of UTF-8
    const long = JSON.stringify({ id: 'r2', title });
    const text = `{"id":"r1"}\n${long}\n\n{"id":"r4"}\r\n   \n{"id":"r6"}`;
    const expected = [
      ['record', 1, { id: 'r1' }],
      ['record', 2, { id: 'r2', title }],
      ['record', 4, { id: 'r4' }],
      ['record', 6, { id: 'r6' }],
    ];
    for (const size of [1000, 65_536, 1_000_003]) {
      expect(brief(await collect(readNdjson(piecesOf(text, size)))), `pieces of ${size}`).toEqual(expected);
    }
    // As bytes, read 64 KiB at a time: many reads end inside a three-byte character.
    expect(brief(await collect(readNdjson(utf8(text))))).toEqual(expected);
    expect(brief([...readNdjsonSync(text)])).toEqual(expected);
  });

  it('reports a line over the limit at its line, with the limit, and reads on with the next line', async () => {
    const over = 'x'.repeat(MAX_NDJSON_LINE_CHARS + 1);
    const text = `{"id":"r1"}\n${over}\n\n{"id":"r4"}\n`;
    const expected = [
      ['record', 1, { id: 'r1' }],
      ['issue', 2, 'ndjson-line-too-long'],
      ['record', 4, { id: 'r4' }],
    ];
    const items = await collect(readNdjson(piecesOf(text, 1 << 20)));
    expect(brief(items)).toEqual(expected);
    const [issue] = issuesOf(items);
    expect(issue).toMatchObject({ code: 'ndjson-line-too-long', line: 2, params: { line: 2, limit: MAX_NDJSON_LINE_CHARS } });
    // Reading goes on: the issue does not end the read.
    expect(items[1]).not.toHaveProperty('stopped');
    expect(issue?.message).toBe(`第 2 行超过 ${MAX_NDJSON_LINE_CHARS} 个字符，过长，无法作为一条记录读取（换行符丢失？），该行已跳过`);
    const [english] = issuesOf(await collect(readNdjson(text, { file: 'records.ndjson', lang: 'en' })));
    expect(english).toMatchObject({ file: 'records.ndjson', line: 2 });
    expect(english?.message).toBe(`line 2 is longer than ${MAX_NDJSON_LINE_CHARS} characters, too long to read as one record (missing line breaks?); the line is skipped`);
    // The whole text at once, and the synchronous reader, say the same.
    expect(brief(await collect(readNdjson(text)))).toEqual(expected);
    expect(brief([...readNdjsonSync(text)])).toEqual(expected);
  });

  it('counts the limit without the line ending: a line of exactly the limit is read, one more is not', async () => {
    const exact = objectLine(MAX_NDJSON_LINE_CHARS);
    const over = objectLine(MAX_NDJSON_LINE_CHARS + 1);
    expect(exact.length).toBe(MAX_NDJSON_LINE_CHARS);
    for (const newline of ['\n', '\r\n']) {
      const text = `${exact}${newline}${over}${newline}{"id":"r3"}`;
      // Cut so that a `\r\n` is split across two pieces too.
      const items = await collect(readNdjson(cutAt(text, [1 << 16, exact.length + 1, exact.length + 2 + over.length + 1])));
      expect(brief(items).map(([kind, line, value]) => [kind, line, kind === 'record' ? Object.keys(value as object) : value])).toEqual([
        ['record', 1, ['t']],
        ['issue', 2, 'ndjson-line-too-long'],
        ['record', 3, ['id']],
      ]);
    }
    // The last line, without a line break, is held to the same limit.
    expect(brief(await collect(readNdjson([`{"id":"r1"}\n`, over])))).toEqual([
      ['record', 1, { id: 'r1' }],
      ['issue', 2, 'ndjson-line-too-long'],
    ]);
  });

  it('never fails on a line longer than any string can be: the issue, then the next line', async () => {
    // A megabyte of one character, over and over: the line is never held, so never built.
    const piece = 'a'.repeat(1 << 20);
    const count = Math.ceil(constants.MAX_STRING_LENGTH / piece.length) + 1;
    const items = await collect(readNdjson(around('{"id":"r1"}\n{"t":"', piece, count, '"}\n{"id":"r3"}\n')));
    expect(brief(items)).toEqual([
      ['record', 1, { id: 'r1' }],
      ['issue', 2, 'ndjson-line-too-long'],
      ['record', 3, { id: 'r3' }],
    ]);
  });

  it('reads a long line cut inside multi-byte characters and inside its CRLF', async () => {
    const title = '学习贯彻😀'.repeat(20_000); // 120,000 characters; 😀 is two UTF-16 units, four bytes
    const text = `${JSON.stringify({ id: 'r1', title })}\r\n{"id":"r2"}\r\n`;
    const bytes = utf8(text);
    const crlf = bytes.indexOf(0x0d);
    const expected = [
      ['record', 1, { id: 'r1', title }],
      ['record', 2, { id: 'r2' }],
    ];
    // Inside the CRLF, inside the characters before it, and at every 64 KiB, shifted by 1 to 3 bytes.
    const cuts = [crlf + 1, crlf - 1, crlf - 2, crlf - 3, crlf - 5, ...[1, 2, 3].flatMap((shift) => [65_536 + shift, 131_072 + shift, 262_144 + shift])];
    for (const cut of cuts) expect(brief(await collect(readNdjson(splitAt(bytes, [cut])))), `cut at ${cut}`).toEqual(expected);
    expect(brief(await collect(readNdjson(splitAt(bytes, cuts))))).toEqual(expected);
    // As text, the surrogate pair itself may be cut between two pieces.
    const pair = text.indexOf('😀');
    expect(brief(await collect(readNdjson([text.slice(0, pair + 1), text.slice(pair + 1)])))).toEqual(expected);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: bytes.length }), { maxLength: 40 }), async (offsets) => {
        expect(brief(await collect(readNdjson(splitAt(bytes, offsets))))).toEqual(expected);
      }),
      { numRuns: 30 },
    );
  });

  it('still yields the items of one chunk together when a long line spans chunks', async () => {
    const middle = 'a'.repeat(100_000);
    const chunks = ['{"id":"r1"}\n{"id":"r2"}\n{"id":"r3","t":"', middle, middle, '"}\n{"id":"r4"}\n', '{"id":"r5"}'];
    const batches: number[][] = [];
    for await (const batch of batchesOf(readNdjson(chunks)) ?? []) batches.push(batch.map((item: ReaderItem) => (item.kind === 'record' ? item.line : -1)));
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('reads one line in 2,000 chunks with work linear in its length', async () => {
    const chunk = 'a'.repeat(1000);
    const input = [...around('{"id":"r1","t":"', chunk, 2000, '"}\n{"id":"r2"}\n')];
    const total = input.reduce((sum, piece) => sum + piece.length, 0);
    const { result, chars } = await searched(() => collect(readNdjson(input)));
    expect(brief(result)).toEqual([
      ['record', 1, { id: 'r1', t: chunk.repeat(2000) }],
      ['record', 2, { id: 'r2' }],
    ]);
    // Each chunk is searched once. Searching the line so far after every chunk would be about
    // 2,000 × 2,000,000 / 2 characters, a thousand times the input.
    expect(chars).toBeLessThan(2 * total);
  });
});

describe('readRecordsFile telling the format of a long first line', () => {
  const stdin = (chunks: Iterable<string | Uint8Array>): AsyncIterable<string | Uint8Array> =>
    (async function* () {
      yield* chunks;
    })();

  it('tells NDJSON from a first line in 2,000 chunks with work linear in its length', async () => {
    const chunk = 'a'.repeat(1000);
    const input = [...around('{"id":"r1","t":"', chunk, 2000, '"}\n{"id":"r2"}\n')];
    const total = input.reduce((sum, piece) => sum + piece.length, 0);
    const { result, chars } = await searched(() => collect(readRecordsFile('-', { stdin: stdin(input) })));
    expect(brief(result)).toEqual([
      ['record', 1, { id: 'r1', t: chunk.repeat(2000) }],
      ['record', 2, { id: 'r2' }],
    ]);
    // Each chunk searched once to find the first line's end, the head once to decide, and the
    // text once more by the NDJSON reader.
    expect(chars).toBeLessThan(4 * total);
  });

  it('reads a one-line JSON document longer than an NDJSON line may be as JSON', async () => {
    const title = 'a'.repeat(MAX_NDJSON_LINE_CHARS);
    const text = `{"records":[{"id":"r1","title":"${title}"},{"id":"r2"}]}`;
    const items = await collect(readRecordsFile('-', { stdin: stdin(piecesOf(text, 1 << 16)) }));
    expect(brief(items)).toEqual([
      ['record', 1, { id: 'r1', title }],
      ['record', 1, { id: 'r2' }],
    ]);
  });

  it('decides JSON past the limit: after a first line that long, or blank space that long', async () => {
    // NDJSON whose first line is too long is read as JSON, which it is not: one clear issue.
    const over = objectLine(MAX_NDJSON_LINE_CHARS + 2);
    const [issue] = issuesOf(await collect(readRecordsFile('-', { stdin: stdin(piecesOf(`${over}\n{"id":"r2"}\n`, 1 << 16)) })));
    expect(issue).toMatchObject({ code: 'invalid-json', line: 2 });
    // A beginning blank past the limit, and then a CSV: JSON, not held until the end.
    const blank = `${' '.repeat(1 << 16)}\n`;
    const count = Math.ceil(MAX_NDJSON_LINE_CHARS / blank.length) + 1;
    const [csv] = issuesOf(await collect(readRecordsFile('-', { stdin: stdin(around('', blank, count, 'id,type,date\nr1,t,2022-01-01\n')) })));
    expect(csv).toMatchObject({ code: 'invalid-json', line: count + 1 });
    // Below the limit, the same text is still told apart as before.
    expect(formatOfHead(`${' '.repeat(1000)}\nid,type\n`, false)).toBe('csv');
    expect(brief(await collect(readRecordsFile('-', { stdin: stdin(['\n\n', '\n', 'id,type,date\n', 'r1,t,2022-01-01\n']) })))).toEqual([['record', 5, { id: 'r1', type: 't', date: '2022-01-01' }]]);
  });

  it('names the line of bytes that are not UTF-8 before the format is told, the head being in pieces', async () => {
    const bytes = [utf8('\n\n{"title":"'), utf8('a'.repeat(100)), new Uint8Array([0xd6, 0xd0]), utf8('"}\n')];
    const items = await collect(readRecordsFile('-', { stdin: stdin(bytes) }));
    expect(brief(items)).toEqual([['issue', 3, 'invalid-encoding']]);
  });
});
