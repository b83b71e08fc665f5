import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duplicateKeys } from '../../src/evidence/duplicate-keys.js';
import { readJsonArray, readNdjsonSync, type ReaderItem } from '../../src/index.js';

// JSON.parse keeps the last of a repeated key and drops the others without a word: a record
// saying "status" twice, rejected then approved, would count as approved. Such a record is not
// read: its problem is listed, as an invalid record's is.

const issues = (items: Iterable<ReaderItem>): [string, unknown, number | undefined][] =>
  [...items].flatMap((i) => (i.kind === 'issue' ? [[i.issue.code, i.issue.path, i.issue.line] as [string, unknown, number | undefined]] : []));
const ids = (items: Iterable<ReaderItem>): unknown[] => [...items].flatMap((i) => (i.kind === 'record' ? [(i.value as { id: unknown }).id] : []));

describe('duplicateKeys', () => {
  it('each repeat after the first, at its path and where its value starts', () => {
    const text = '{"status":"rejected","status":"approved","attributes":{"a":[{"x":1,"x":2}],"a":3}}';
    expect(duplicateKeys(text, JSON.parse(text), 10)).toEqual([
      { path: ['status'], start: text.indexOf('"approved"') },
      { path: ['attributes', 'a', 0, 'x'], start: text.indexOf('2}') },
      { path: ['attributes', 'a'], start: text.indexOf('3}') },
    ]);
    expect(duplicateKeys(text, JSON.parse(text))).toHaveLength(1);
  });

  it('colons in strings, spaces before a colon, the same key in sibling objects: no repeat, or the real one', () => {
    const times = '{"id":"r1","title":"10:00 会议","source":"https://oa/1","list":[{"a":1},{"a":2}]}';
    expect(duplicateKeys(times, JSON.parse(times))).toEqual([]);
    const spaced = '{"id" : "r4" , "id"\t:\n"r5"}';
    expect(duplicateKeys(spaced, JSON.parse(spaced))).toEqual([{ path: ['id'], start: spaced.indexOf('"r5"') }]);
  });

  it('100,000 levels deep, a key repeated at each: the first repeat, no overflow (the scan is iterative, its work linear)', () => {
    const depth = 100_000;
    const text = `${'{"a":1,"a":'.repeat(depth)}"10:00"${'}'.repeat(depth)}`;
    const value = JSON.parse(text) as unknown;
    expect(duplicateKeys(text, value)).toEqual([{ path: ['a'], start: 11 }]);
    const line = [...readNdjsonSync(`${text}\n`)][0];
    expect(line?.kind === 'issue' && [line.issue.code, line.issue.path]).toEqual(['duplicate-key', ['a']]);
  });

  it('never a repeat in what JSON.stringify writes (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        expect(duplicateKeys(text, JSON.parse(text), 5)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the readers', () => {
  const ndjson = [
    '{"id":"r1","type":"t","status":"rejected","status":"approved"}',
    '{"id":"r2","type":"t","title":"10:00"}',
    '{"id":"r3","type":"t","attributes":{"score":60,"score":95}}',
    '',
  ].join('\n');

  it('NDJSON: the record is not read; the problem at its line and path, in both languages', () => {
    expect(issues(readNdjsonSync(ndjson, { file: 'r.ndjson' }))).toEqual([
      ['duplicate-key', ['status'], 1],
      ['duplicate-key', ['attributes', 'score'], 3],
    ]);
    expect(ids(readNdjsonSync(ndjson))).toEqual(['r2']);
    const [zh] = [...readNdjsonSync(ndjson)].flatMap((i) => (i.kind === 'issue' ? [i.issue.message] : []));
    expect(zh).toBe('第 1 行的记录中字段「status」出现了不止一次：JSON 解析只保留最后一个，前面的值会被悄悄丢弃，无法确定哪个是对的，该记录不予读取');
    const en = [...readNdjsonSync(ndjson, { lang: 'en' })].flatMap((i) => (i.kind === 'issue' ? [i.issue.message] : []));
    expect(en[1]).toBe('the record at line 3 gives field "attributes.score" more than once: JSON parsing keeps only the last, dropping the others without a word, so which is meant cannot be told and the record is not read');
  });

  it('a JSON document of records: each such element at its line, the others read', () => {
    const text = '[\n{"id":"r1","status":"rejected","status":"approved"},\n{"id":"r2"},\n{"id":"r3","id":"r9"}\n]';
    expect(issues(readJsonArray(text))).toEqual([
      ['duplicate-key', [0, 'status'], 2],
      ['duplicate-key', [2, 'id'], 4],
    ]);
    expect(ids(readJsonArray(text))).toEqual(['r2']);
    const wrapped = '{"records": [\n{"id":"r1"},\n{"id":"r2","date":"2022-01-01","date":"2022-02-01"}]}';
    expect(issues(readJsonArray(wrapped))).toEqual([['duplicate-key', ['records', 1, 'date'], 3]]);
  });
});
