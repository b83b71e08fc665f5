import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { formatMessage } from '../../src/core/messages.js';
import { formatOfHead, readRecordsFile, STDIN_FILE } from '../../src/evidence/read-file.js';
import { CATALOGUE } from '../../src/messages/index.js';
import { brief, collect, issuesOf, recordLines, utf8 } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'zerenzhi-read-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const RECORD = { id: 'r1', type: 't', organization: 'b1', date: '2022-01-01' };
const NDJSON = '{"id":"r1","type":"t","organization":"b1","date":"2022-01-01"}\n\n{"id":"r2","type":"t","organization":"b1","date":"2022-01-02"}\n';
const JSON_TEXT = '[\n  {"id":"r1","type":"t","organization":"b1","date":"2022-01-01"},\n  {"id":"r2","type":"t","organization":"b1","date":"2022-01-02"}\n]\n';
const CSV = 'id,type,organization,date\nr1,t,b1,2022-01-01\n\nr2,t,b1,2022-01-02\n';

describe('readRecordsFile', () => {
  it('picks the reader by extension, ignoring case, and puts the path on every item', async () => {
    const cases: [string, string, number[]][] = [
      ['a.json', JSON_TEXT, [2, 3]],
      ['b.ndjson', NDJSON, [1, 3]],
      ['c.jsonl', NDJSON, [1, 3]],
      ['d.csv', CSV, [2, 4]],
      ['E.CSV', CSV, [2, 4]],
    ];
    for (const [name, content, lines] of cases) {
      const path = file(name, content);
      const items = await collect(readRecordsFile(path));
      expect(recordLines(items), name).toEqual(lines);
      expect(items[0], name).toEqual({ kind: 'record', value: RECORD, line: lines[0], file: path });
    }
  });

  it('lets the format option override the extension', async () => {
    const path = file('records.txt', CSV);
    expect(recordLines(await collect(readRecordsFile(path, { format: 'csv' })))).toEqual([2, 4]);
    const wrong = await collect(readRecordsFile(file('really-ndjson.json', NDJSON)));
    expect(brief(wrong)).toEqual([['issue', 3, 'invalid-json']]);
    expect(recordLines(await collect(readRecordsFile(file('really-ndjson2.json', NDJSON), { format: 'ndjson' })))).toEqual([1, 3]);
  });

  it('tells the format from the content when the extension does not', async () => {
    const cases: [string, string, number[]][] = [
      ['array', JSON_TEXT, [2, 3]],
      ['ndjson', NDJSON, [1, 3]],
      ['pretty-object', '\n{\n  "records": [\n    {"id":"r1","type":"t","organization":"b1","date":"2022-01-01"}\n  ]\n}\n', [4]],
      ['one-line-object', '{"records":[{"id":"r1","type":"t","organization":"b1","date":"2022-01-01"}]}', [1]],
      ['one-record', '{"id":"r1","type":"t","organization":"b1","date":"2022-01-01"}', [1]],
      ['csv', CSV, [2, 4]],
      ['csv-bom', `\uFEFF${CSV}`, [2, 4]],
    ];
    for (const [name, content, lines] of cases) {
      const items = await collect(readRecordsFile(file(name, content)));
      expect(issuesOf(items), name).toEqual([]);
      expect(recordLines(items), name).toEqual(lines);
    }
    expect(brief(await collect(readRecordsFile(file('empty', ''))))).toEqual([['issue', 1, 'empty-input']]);
  });

  it('sniffs from the first line only, waiting for it to be complete', () => {
    expect(formatOfHead('  ', false)).toBeUndefined();
    expect(formatOfHead('  ', true)).toBe('json');
    expect(formatOfHead(' [', false)).toBe('json');
    expect(formatOfHead('{"id":"r1"', false)).toBeUndefined();
    expect(formatOfHead('{"id":"r1"}\n', false)).toBe('ndjson');
    expect(formatOfHead('{"records":[]}\n', false)).toBe('json');
    expect(formatOfHead('{\n', false)).toBe('json');
    expect(formatOfHead('编号,类型', false)).toBe('csv');
  });

  it('reports a missing file or a directory as file-unreadable, with the path', async () => {
    const missing = join(dir, 'missing.csv');
    const items = await collect(readRecordsFile(missing));
    expect(items).toHaveLength(1);
    const [issue] = issuesOf(items);
    expect(issue).toMatchObject({ code: 'file-unreadable', file: missing, params: { path: missing, reason: 'ENOENT' } });
    expect(issue?.line).toBeUndefined();
    expect(issue?.message).toBe(`无法读取文件「${missing}」：文件不存在`);
    for (const path of [join(dir, 'missing'), dir]) {
      const [other] = issuesOf(await collect(readRecordsFile(path, { lang: 'en' })));
      expect(other?.code, path).toBe('file-unreadable');
      expect(other?.message, path).toMatch(/^cannot read the file/);
    }
    const [isDir] = issuesOf(await collect(readRecordsFile(dir, { format: 'ndjson' })));
    expect(isDir?.params['reason']).toBe('EISDIR');
  });

  it('reports a GBK file as invalid-encoding, whatever its format', async () => {
    const gbk = (text: string): Uint8Array => {
      const [before, after] = text.split('中');
      return new Uint8Array([...utf8(before ?? ''), 0xd6, 0xd0, ...utf8(after ?? '')]);
    };
    const cases: [string, Uint8Array, number][] = [
      ['gbk.csv', gbk('编号,类型,党组织,日期\nr1,t,中,2022-01-01\n'), 2],
      ['gbk.json', gbk('[\n{"title":"中"}]'), 2],
      ['gbk-sniffed', gbk('\n\n{"title":"中"}\n'), 3],
    ];
    for (const [name, content, line] of cases) {
      const issues = issuesOf(await collect(readRecordsFile(file(name, content))));
      expect(issues.map((i) => [i.code, i.line]), name).toEqual([['invalid-encoding', line]]);
    }
  });

  it("reads standard input for '-', telling the format from the content", async () => {
    vi.spyOn(process, 'stdin', 'get').mockReturnValue(Readable.from([utf8(NDJSON.slice(0, 7)), utf8(NDJSON.slice(7))]) as typeof process.stdin);
    try {
      const items = await collect(readRecordsFile('-'));
      expect(recordLines(items)).toEqual([1, 3]);
      expect(items[0]).toMatchObject({ file: STDIN_FILE });
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('streams a large NDJSON file and stops early without error', async () => {
    const lines = Array.from({ length: 50_000 }, (_, i) => `{"id":"r${i + 1}","type":"t","organization":"b1","date":"2022-01-01"}`);
    const path = file('large.ndjson', lines.join('\n'));
    let seen = 0;
    for await (const item of readRecordsFile(path)) {
      if (item.kind === 'record') seen = item.line;
      if (seen === 10) break;
    }
    expect(seen).toBe(10);
  });
});

describe('reader messages', () => {
  const samples: Record<string, Record<string, string | number>> = {
    'invalid-json': { line: 3, column: 5, problem: 'unexpected-end', found: '' },
    'record-not-object': { line: 2, received: 'array' },
    'empty-input': {},
    'json-not-records': { received: 'string' },
    'invalid-encoding': { line: 4 },
    'invalid-csv': { line: 9, problem: 'quote-not-closed', limit: 1 },
    'unknown-column': { column: 'remark' },
    'unknown-column-type': { column: 'attr.x:date', type: 'date' },
    'missing-column': { column: 'date', label: '日期' },
    'duplicate-column': { column: '编号', first: 'id' },
    'empty-column-name': { line: 3, position: 5 },
    'csv-row-width': { line: 7, expected: 5, actual: 4 },
    'invalid-cell': { line: 2, column: '属性.人数:数字', value: '十二', expected: 'number' },
    'file-unreadable': { path: 'a.csv', reason: 'EACCES' },
  };

  it('has every reader code in Chinese and English, naming the line or column where there is one', () => {
    for (const [code, params] of Object.entries(samples)) {
      expect(CATALOGUE.has(code), code).toBe(true);
      for (const lang of ['zh', 'en'] as const) {
        const message = formatMessage(code, params, lang);
        expect(message, `${code} ${lang}`).not.toMatch(/undefined|\[object/);
        if ('line' in params) expect(message, `${code} ${lang}`).toContain(String(params['line']));
        if ('column' in params) expect(message, `${code} ${lang}`).toContain(String(params['column']));
      }
    }
    expect(formatMessage('invalid-json', samples['invalid-json'] ?? {}, 'zh')).toBe('第 3 行第 5 列：JSON 语法错误，内容意外结束（括号或引号未闭合？）');
    expect(formatMessage('file-unreadable', samples['file-unreadable'] ?? {}, 'en')).toBe('cannot read the file "a.csv": permission denied');
  });
});
