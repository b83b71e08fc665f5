import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanJson } from '../../src/evidence/json-scan.js';
import { readJsonArray } from '../../src/evidence/read-json.js';
import { brief, issuesOf, recordLines, valuesOf } from './helpers.js';

describe('readJsonArray', () => {
  it('gives each record its line however the records are laid out (many on one line, breaks inside and between)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(2), fc.boolean()), { maxLength: 30 }), (layout) => {
        const parts = layout.map(([breaks, inside], i) => `${'\n'.repeat(breaks)}{"id": "r${i}"${inside ? ',\n"title": "t"' : ''}}`);
        const text = `[${parts.join(',')}]`;
        // the line of each record's opening brace, counted in the text itself
        const expected = parts.map((_, i) => text.slice(0, text.indexOf(`{"id": "r${i}"`)).split('\n').length);
        expect(recordLines([...readJsonArray(text)])).toEqual(expected);
      }),
    );
  });

  it('gives each record the line of its opening brace', () => {
    const text = [
      '[', //                                 1
      '  {"id": "r1", "attributes": {', //    2
      '    "nested": {"a": [{"b": 1}]}', //   3
      '  }},', //                             4
      '', //                                  5
      '  {"id": "r2"}, {"id": "r3"},', //     6
      '  {', //                               7
      '    "id": "r4"', //                    8
      '  }', //                               9
      ']', //                                10
    ].join('\n');
    const items = [...readJsonArray(text)];
    expect(recordLines(items)).toEqual([2, 6, 6, 7]);
    expect(valuesOf(items).map((v) => v['id'])).toEqual(['r1', 'r2', 'r3', 'r4']);
  });

  it('reads { "records": [...] } with $schema, ignoring "records" keys deeper down', () => {
    const text = '{\n  "$schema": "./records.schema.json",\n  "records": [\n    {"id": "r1", "attributes": {"records": [1, 2]}},\n    {"id": "r2"}\n  ]\n}';
    const items = [...readJsonArray(text, { file: 'records.json' })];
    expect(brief(items)).toEqual([
      ['record', 4, { id: 'r1', attributes: { records: [1, 2] } }],
      ['record', 5, { id: 'r2' }],
    ]);
    expect(items[0]).toMatchObject({ file: 'records.json' });
  });

  it('"records" given twice: not read at all (JSON.parse would keep the last list and lose the first without a word)', () => {
    const items = [...readJsonArray('{"records": [{"id": "old"}],\n"records": [\n{"id": "new"}]}', { file: 'r.json' })];
    expect(items).toEqual([
      {
        kind: 'issue',
        stopped: true,
        issue: expect.objectContaining({ code: 'duplicate-field', path: ['records'], line: 2, file: 'r.json', message: '第 2 行：字段「records」在同一个对象中出现了不止一次：JSON 解析只保留最后一个，前面的值会被悄悄丢弃；请删去多余的一个' }),
      },
    ]);
  });

  it('reports other top-level keys as unknown-field at their line', () => {
    const items = [...readJsonArray('{\n  "record": {},\n  "records": [{"id": "r1"}]\n}')];
    expect(issuesOf(items).map((i) => [i.code, i.line, i.path])).toEqual([['unknown-field', 2, ['record']]]);
    expect(recordLines(items)).toEqual([3]);
  });

  it('reports an element that is not an object, with its index', () => {
    const items = [...readJsonArray('[\n  {"id": "r1"},\n  "r2",\n  [],\n  null\n]')];
    expect(brief(items).map(([kind, line, what]) => [kind, line, kind === 'issue' ? what : null])).toEqual([
      ['record', 2, null],
      ['issue', 3, 'record-not-object'],
      ['issue', 4, 'record-not-object'],
      ['issue', 5, 'record-not-object'],
    ]);
    expect(issuesOf(items).map((i) => [i.path, i.params['received']])).toEqual([
      [[1], 'string'],
      [[2], 'array'],
      [[3], 'null'],
    ]);
    const [inRecords] = issuesOf([...readJsonArray('{"records": [1]}')]);
    expect(inRecords?.path).toEqual(['records', 0]);
  });

  it('gives one invalid-json issue with line and column, even where JSON.parse gives no position', () => {
    // Node 20: "Unexpected token ']', ..." without a position.
    const trailingComma = issuesOf([...readJsonArray('[\n  {"id": "r1"},\n]')]);
    expect(trailingComma.map((i) => [i.code, i.line, i.params['column'], i.params['found']])).toEqual([['invalid-json', 3, 1, ']']]);
    const cases: [string, number, number, string][] = [
      ['[\n  {"id" "r1"}\n]', 2, 9, 'unexpected-character'],
      ['[\n  {"id": "r1"}', 2, 15, 'unexpected-end'],
      ['[{"id": "r1\n"}]', 1, 12, 'control-character'],
      ['[{"id": "r1"}]\n]', 2, 1, 'trailing-content'],
      ['[{"n": 01}]', 1, 9, 'unexpected-character'],
    ];
    for (const [text, line, column, problem] of cases) {
      const issues = issuesOf([...readJsonArray(text)]);
      expect(issues, text).toHaveLength(1);
      expect(issues[0]?.params, text).toMatchObject({ line, column, problem });
      expect(issues[0]?.line, text).toBe(line);
    }
  });

  it('renders invalid-json in both languages', () => {
    const [zh] = issuesOf([...readJsonArray('[1,]')]);
    const [en] = issuesOf([...readJsonArray('[1,]', { lang: 'en' })]);
    expect(zh?.message).toBe('第 1 行第 4 列「]」：JSON 语法错误，此处不应出现该字符');
    expect(en?.message).toBe('invalid JSON at line 1, column 4 "]": unexpected character');
  });

  it('reports an empty text as empty-input', () => {
    for (const text of ['', '  \n\t', '\uFEFF']) {
      expect(brief([...readJsonArray(text)])).toEqual([['issue', 1, 'empty-input']]);
    }
  });

  it('reports a document of another shape as json-not-records', () => {
    for (const [text, received] of [
      ['"r1"', 'string'],
      ['{"id": "r1"}', 'object'],
      ['{"records": {"id": "r1"}}', 'object'],
      ['\n\nnull', 'null'],
    ] as const) {
      const issues = issuesOf([...readJsonArray(text)]);
      expect(issues.map((i) => [i.code, i.params['received']]), text).toEqual([['json-not-records', received]]);
    }
    expect(issuesOf([...readJsonArray('\n\n42')])[0]?.line).toBe(3);
    expect(issuesOf([...readJsonArray('{}')])[0]?.message).toBe('JSON 顶层应为记录数组，或带 "records" 数组的对象，实际为不含 "records" 数组的对象');
  });

  it('ignores a BOM and counts CRLF lines', () => {
    const items = [...readJsonArray('\uFEFF[\r\n  {"id": "r1"},\r\n  {"id": "r2"}\r\n]\r\n')];
    expect(recordLines(items)).toEqual([2, 3]);
  });

  it('keeps __proto__ as an own key and leaves Object.prototype alone', () => {
    const [value] = valuesOf([...readJsonArray('[{"id": "r1", "__proto__": {"polluted": 1}, "attributes": {"__proto__": "x"}}]')]);
    expect(Object.hasOwn(value ?? {}, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value?.['attributes'] as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('gives lines that match where JSON.stringify put each element', () => {
    fc.assert(
      fc.property(fc.array(fc.dictionary(fc.string(), fc.jsonValue()), { maxLength: 6 }), fc.constantFrom(0, 2, '\t'), (records, indent) => {
        const text = JSON.stringify(records, null, indent);
        const expected = indent === 0 ? records.map(() => 1) : records.map((_, i) => 2 + records.slice(0, i).reduce((n, r) => n + JSON.stringify(r, null, indent).split('\n').length, 0));
        const items = [...readJsonArray(text)];
        expect(recordLines(items)).toEqual(expected);
        expect(valuesOf(items)).toEqual(JSON.parse(text));
      }),
    );
  });
});

describe('scanJson', () => {
  it('agrees with JSON.parse on what is JSON', () => {
    const mutated = fc.tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', ']', '}', '"', '\\', ':', 'x', '\n', '-', '0', '.')).map(([json, at, insert]) => {
      const cut = at % (json.length + 1);
      return json.slice(0, cut) + insert + json.slice(cut + 1);
    });
    fc.assert(
      fc.property(fc.oneof(fc.json(), mutated, fc.string()), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(scanJson(text).ok).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });

  it('does not overflow the stack on deep nesting', () => {
    expect(scanJson('['.repeat(100_000) + ']'.repeat(100_000)).ok).toBe(true);
    expect(scanJson('['.repeat(100_000))).toEqual({ ok: false, offset: 100_000, problem: 'unexpected-end' });
  });
});
