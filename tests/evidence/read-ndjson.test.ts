import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeRecord } from '../../src/evidence/normalize.js';
import { readNdjson, readNdjsonSync } from '../../src/evidence/read-ndjson.js';
import { brief, collect, endless, issuesOf, recordLines, splitAt, trackedSource, utf8, valuesOf } from './helpers.js';

const FIVE_LINES = ['{"id":"r1"}', '{"id":"r2"}', '{"id": "r3",}', '{"id":"r4"}', '{"id":"r5"}'].join('\n') + '\n';

describe('readNdjson', () => {
  it('gives records at lines 1, 2, 4, 5 and an invalid-json issue at 3 for a bad third line', async () => {
    const items = await collect(readNdjson(FIVE_LINES));
    expect(brief(items)).toEqual([
      ['record', 1, { id: 'r1' }],
      ['record', 2, { id: 'r2' }],
      ['issue', 3, 'invalid-json'],
      ['record', 4, { id: 'r4' }],
      ['record', 5, { id: 'r5' }],
    ]);
    const [issue] = issuesOf(items);
    // `{"id": "r3",}`: the `}` after the comma, column 13.
    expect(issue?.params).toEqual({ line: 3, column: 13, problem: 'unexpected-character', found: '}' });
    expect(issue?.message).toBe('第 3 行第 13 列「}」：JSON 语法错误，此处不应出现该字符');
  });

  it('reads a whole buffer of UTF-8 bytes given as it is, not as numbers', async () => {
    const items = await collect(readNdjson(utf8('\uFEFF{"id":"r1","title":"支部"}\n{"id":"r2"}\n')));
    expect(brief(items)).toEqual([
      ['record', 1, { id: 'r1', title: '支部' }],
      ['record', 2, { id: 'r2' }],
    ]);
  });

  it('reports each kind of JSON syntax problem with its column', () => {
    const cases: [string, number, string][] = [
      ['{"a":1', 7, 'unexpected-end'],
      ['{"a":"x', 6, 'unterminated-string'],
      ['{"a":"\\q"}', 7, 'invalid-escape'],
      ['{"a":"\t"}', 7, 'control-character'],
      ['{"a":-}', 6, 'invalid-number'],
      ['{"a":1} x', 9, 'trailing-content'],
      ["{'a':1}", 2, 'unexpected-character'],
    ];
    for (const [line, column, problem] of cases) {
      const [issue] = issuesOf([...readNdjsonSync(line)]);
      expect(issue?.params, line).toMatchObject({ line: 1, column, problem });
    }
  });

  it('reports a value that is not an object as record-not-object, naming its type', () => {
    const items = [...readNdjsonSync('[1]\n"r1"\n42\nnull\ntrue\n{"id":"r6"}')];
    expect(issuesOf(items).map((i) => [i.code, i.line, i.params['received']])).toEqual([
      ['record-not-object', 1, 'array'],
      ['record-not-object', 2, 'string'],
      ['record-not-object', 3, 'number'],
      ['record-not-object', 4, 'null'],
      ['record-not-object', 5, 'boolean'],
    ]);
    expect(recordLines(items)).toEqual([6]);
    expect(issuesOf(items)[0]?.message).toBe('第 1 行的记录应为 JSON 对象（{…}），实际为数组');
  });

  it('skips blank and whitespace-only lines but counts them', async () => {
    const items = await collect(readNdjson('\n{"id":"r1"}\n   \n\t\n{"id":"r2"}\n\n'));
    expect(recordLines(items)).toEqual([2, 5]);
    expect(issuesOf(items)).toEqual([]);
  });

  it('reads CRLF like LF, and a last line without a newline', async () => {
    const crlf = FIVE_LINES.replace(/\n/g, '\r\n').trimEnd();
    expect(brief(await collect(readNdjson(crlf)))).toEqual(brief(await collect(readNdjson(FIVE_LINES))));
  });

  it('reads the lines before a byte that is not UTF-8 even when a character straddles the read before it', async () => {
    // line 1 ends with 党 on bytes 65535–65537: the first 64 KiB read of the buffer ends inside it
    const head = '{"t":"';
    const line1 = `${head}${'a'.repeat(65535 - head.length)}党"}`;
    const rest = Array.from({ length: 5 }, (_, i) => JSON.stringify({ id: `r${i}`, t: '党'.repeat(10) }));
    const bytes = Buffer.from(`${[line1, ...rest].join('\n')}\n`);
    expect(bytes.subarray(65535, 65538).toString('utf8')).toBe('党');
    // a lone 0xFF inside line 5's text
    bytes[Buffer.byteLength(`${[line1, ...rest.slice(0, 3)].join('\n')}\n`) + 12] = 0xff;
    for (const input of [bytes, splitAt(bytes, [65536, 65537])]) {
      const items = await collect(readNdjson(input));
      expect(items.filter((item) => item.kind === 'record').map((item) => item.line)).toEqual([1, 2, 3, 4]);
      expect(issuesOf(items).map((issue) => [issue.code, issue.line])).toEqual([['invalid-encoding', 5]]);
    }
  });

  it('ignores a leading BOM, as text or as bytes', async () => {
    const expected = [['record', 1, { id: 'r1' }]];
    expect(brief(await collect(readNdjson('\uFEFF{"id":"r1"}')))).toEqual(expected);
    expect(brief(await collect(readNdjson([utf8('\uFEFF{"id":"r1"}')])))).toEqual(expected);
    expect(brief(await collect(readNdjson([new Uint8Array([0xef]), new Uint8Array([0xbb, 0xbf]), '{"id":"r1"}'])))).toEqual(expected);
    expect(brief([...readNdjsonSync('\uFEFF{"id":"r1"}')])).toEqual(expected);
  });

  it('gives the same items for chunk splits at every byte offset, inside Chinese characters too', async () => {
    const text = '\uFEFF{"id":"r1","title":"学习贯彻党的二十大精神"}\r\n\n[1]\n{"id":"r2","attributes":{"主题":"全面从严治党"}}\n{bad}\n{"id":"末"}';
    const bytes = utf8(text);
    const expected = brief([...readNdjsonSync(text)]);
    expect(expected.map(([kind, line]) => [kind, line])).toEqual([
      ['record', 1],
      ['issue', 3],
      ['record', 4],
      ['issue', 5],
      ['record', 6],
    ]);
    for (let offset = 0; offset <= bytes.length; offset++) {
      expect(brief(await collect(readNdjson(splitAt(bytes, [offset])))), `split at ${offset}`).toEqual(expected);
    }
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: bytes.length }), { maxLength: 12 }), async (offsets) => {
        expect(brief(await collect(readNdjson(splitAt(bytes, offsets))))).toEqual(expected);
      }),
    );
  });

  it('reads string chunks, byte chunks and async sources alike', async () => {
    async function* source() {
      yield '{"id":"r1"}\n{"id":';
      yield utf8('"r2"}\n');
    }
    expect(recordLines(await collect(readNdjson(source())))).toEqual([1, 2]);
    expect(recordLines(await collect(readNdjson(['{"id":"r1"}', '\n', '{"id":"r2"}'])))).toEqual([1, 2]);
  });

  it('agrees with readNdjsonSync on arbitrary lines', async () => {
    const line = fc.oneof(fc.json(), fc.string(), fc.constant(''), fc.constant('  '), fc.constant('{"a":1'));
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 8 }), fc.constantFrom('\n', '\r\n'), async (lines, newline) => {
        const text = lines.map((l) => l.replace(/[\r\n]/g, ' ')).join(newline);
        expect(brief(await collect(readNdjson(text)))).toEqual(brief([...readNdjsonSync(text)]));
      }),
    );
  });

  it('streams: yields records before the input ends, and closes the source when the reader stops', async () => {
    const { source, pulled, closed } = trackedSource(endless((n) => `{"id":"r${n}"}\n`));
    const seen: number[] = [];
    for await (const item of readNdjson(source)) {
      if (item.kind === 'record') seen.push(item.line);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual([1, 2, 3]);
    expect(pulled()).toBeLessThanOrEqual(4);
    expect(closed()).toBe(true);
  });

  it('puts the file on records and issues, and renders messages in English on request', async () => {
    const items = await collect(readNdjson('{"id":"r1"}\n[]\n', { file: 'records.ndjson', lang: 'en' }));
    expect(items[0]).toEqual({ kind: 'record', value: { id: 'r1' }, line: 1, file: 'records.ndjson' });
    const [issue] = issuesOf(items);
    expect(issue).toMatchObject({ code: 'record-not-object', file: 'records.ndjson', line: 2 });
    expect(issue?.message).toBe('the record at line 2 must be a JSON object ({…}), got array');
    expect('file' in (readNdjsonSync('{"id":"r1"}').next().value ?? {})).toBe(false);
  });

  it('reports bytes that are not UTF-8 (a GBK file) at their line and stops', async () => {
    const gbk = new Uint8Array([...utf8('{"id":"r1"}\n{"title":"'), 0xd6, 0xd0, ...utf8('"}\n{"id":"r3"}\n')]);
    const items = await collect(readNdjson([gbk]));
    expect(brief(items)).toEqual([
      ['record', 1, { id: 'r1' }],
      ['issue', 2, 'invalid-encoding'],
    ]);
    // A character cut off by the end of the input is not UTF-8 either.
    expect(brief(await collect(readNdjson([utf8('{"id":"r1"}\n'), utf8('中').subarray(0, 2)])))).toEqual([
      ['record', 1, { id: 'r1' }],
      ['issue', 2, 'invalid-encoding'],
    ]);
  });

  it('keeps __proto__ as an own key of the record and leaves Object.prototype alone', async () => {
    const [item] = await collect(readNdjson('{"id":"r1","attributes":{"__proto__":{"polluted":true},"constructor":"x"}}'));
    const value = item?.kind === 'record' ? (item.value as { attributes: object }) : undefined;
    expect(Object.keys(value?.attributes ?? {})).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(value?.attributes)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('yields values that normalizeRecord accepts', () => {
    const [value] = valuesOf([...readNdjsonSync('{"id":"r1","type":"topic-meeting","organization":"bureau","date":"2022-03-15"}')]);
    expect(normalizeRecord(value).ok).toBe(true);
  });
});
