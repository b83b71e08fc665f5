import { describe, expect, it } from 'vitest';
import { readCsv, readNdjson, readPartialState, ValidationError, type ReaderItem } from '../../src/index.js';

// A character's bytes cut at the end of a bytes chunk cannot be finished by a text chunk: the
// readers say `invalid-encoding` at the line, as for any bytes that are not UTF-8, instead of
// the decoder's raw TypeError escaping (a review of the API, finding 3).
const BYTES = Buffer.from('{"id":"中"}\n');
const CUT = BYTES.subarray(0, 8); // the first byte of 中 only

async function items(source: AsyncIterable<ReaderItem>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const item of source) out.push(item.kind === 'issue' ? [item.issue.code, item.issue.line, item.issue.params, item.stopped] : item.value);
  return out;
}

describe('bytes cut mid-character, then a text chunk', () => {
  it('readNdjson: invalid-encoding at line 1, reading stopped', async () => {
    expect(await items(readNdjson([CUT, '\n']))).toEqual([['invalid-encoding', 1, { line: 1, format: 'ndjson' }, true]]);
  });

  it('readCsv: invalid-encoding at the line of the cut character', async () => {
    const csv = Buffer.from('id,type\n中');
    expect(await items(readCsv([csv.subarray(0, 9), '\n']))).toEqual([['invalid-encoding', 2, { line: 2, format: 'csv' }, true]]);
  });

  it('readPartialState: a ValidationError with invalid-encoding', async () => {
    const error = await readPartialState([CUT, '"}']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => [i.code, i.path, i.params])).toEqual([['invalid-encoding', [], { line: 1, format: 'json' }]]);
  });

  it('a whole character before a text chunk still reads', async () => {
    expect(await items(readNdjson([BYTES.subarray(0, 10), '"}\n']))).toEqual([{ id: '中' }]);
  });
});
