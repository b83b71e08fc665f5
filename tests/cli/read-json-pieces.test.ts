import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { parsedOrThrow, readJson } from '../../src/cli/files.js';
import type { CliIo } from '../../src/cli/io.js';
import { ValidationError } from '../../src/core/validation-error.js';
import { safeParseGraph } from '../../src/graph/parse.js';
import { BUREAU, tempDir } from './helpers.js';

// A JSON document longer than one string may be (a national graph, a province's previous
// result) is read in pieces. The limit is the runtime's (about 537 million characters); here it
// is made small, so that the bureau's files take that path.
const tmp = tempDir('json-pieces');
afterAll(() => tmp.cleanup());
const io = (stdin = ''): CliIo => ({ stdout: { write: () => true }, stderr: { write: () => true }, stdin: Readable.from([Buffer.from(stdin)]), env: {} });
const SMALL = 1000;

describe('readJson past the longest string', () => {
  it('reads a file longer than the limit in pieces: the same value, no text', async () => {
    const text = readFileSync(BUREAU.graph, 'utf8');
    expect(text.length).toBeGreaterThan(SMALL);
    const whole = await readJson(BUREAU.graph, 'graph', 'zh', io());
    const inPieces = await readJson(BUREAU.graph, 'graph', 'zh', io(), SMALL);
    expect(whole.text).toBe(text);
    expect(inPieces.text).toBeUndefined();
    expect(inPieces.value).toEqual(whole.value);
    expect(JSON.stringify(inPieces.value)).toBe(JSON.stringify(JSON.parse(text)));
  });

  it('reads standard input in pieces too', async () => {
    const text = readFileSync(BUREAU.rules, 'utf8');
    const doc = await readJson('-', 'rules', 'zh', io(text), SMALL);
    expect(doc.text).toBeUndefined();
    expect(doc.value).toEqual(JSON.parse(text));
  });

  it('places a syntax error at its line and column, and names the file', async () => {
    const file = tmp.file('bad.json', `{\n  "id": "g",\n  "organizations": [\n    {"id": "a"},\n    {"id": "b",}\n  ]${' '.repeat(SMALL)}\n}`);
    const error = await readJson(file, 'graph', 'zh', io(), SMALL).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    // `    {"id": "b",}`: the `}` is the 16th character of line 5.
    expect((error as ValidationError).issues).toEqual([
      expect.objectContaining({ code: 'invalid-json', file, line: 5, params: { line: 5, column: 16, problem: 'unexpected-character', found: '}' } }),
    ]);
    // The same issue as when the text is read whole.
    const whole = await readJson(file, 'graph', 'zh', io()).catch((e: unknown) => e);
    expect((whole as ValidationError).issues).toEqual((error as ValidationError).issues);
  });

  it('refuses a field given twice as it does when the text is read whole: the same issues, paths and lines', async () => {
    const text = readFileSync(BUREAU.graph, 'utf8');
    // The graph's first organization gives its name twice, and the document its organizations twice.
    const first = text.indexOf('{', text.indexOf('"organizations"'));
    const repeated = `${text.slice(0, first + 1)}\n"name": "甲",${text.slice(first + 1, -2)},\n"organizations": []\n}\n`;
    const file = tmp.file('repeated.json', repeated);
    const whole = await readJson(file, 'graph', 'zh', io()).catch((e: unknown) => e);
    const inPieces = await readJson(file, 'graph', 'zh', io(), SMALL).catch((e: unknown) => e);
    expect(whole).toBeInstanceOf(ValidationError);
    const issues = (whole as ValidationError).issues;
    const nameLine = repeated.slice(0, repeated.indexOf('"name"', first + 10)).split('\n').length;
    const listLine = repeated.split('\n').length - 2;
    expect(issues.map((i) => [i.code, i.path.join('.'), i.line, i.file])).toEqual([
      ['duplicate-field', 'organizations.0.name', nameLine, file],
      ['duplicate-field', 'organizations', listLine, file],
    ]);
    expect((inPieces as ValidationError).issues).toEqual(issues);
  });

  it('names the file and the path of each problem, but no line, where there is no text', async () => {
    const graph = JSON.parse(readFileSync(BUREAU.graph, 'utf8')) as { organizations: { parent?: string }[] };
    (graph.organizations[1] as { parent?: string }).parent = 'nowhere';
    const file = tmp.file('graph.json', JSON.stringify(graph));
    const doc = await readJson(file, 'graph', 'zh', io(), SMALL);
    let error: unknown;
    try {
      parsedOrThrow(safeParseGraph(doc.value, { lang: 'zh' }), doc);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const issues = (error as ValidationError).issues;
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(issue.file).toBe(file);
      expect(issue.line).toBeUndefined();
    }
    expect(issues.some((i) => i.path.join('.') === 'organizations.1.parent')).toBe(true);
  });

  it('a file that cannot be read is file-unreadable, whichever way it would be read', async () => {
    for (const limit of [SMALL, undefined]) {
      const error = await readJson(tmp.path('nowhere.json'), 'graph', 'en', io(), limit).catch((e: unknown) => e);
      expect((error as ValidationError).issues[0]).toMatchObject({ code: 'file-unreadable', params: { reason: 'ENOENT' } });
    }
  });
});

describe('validate reads what is past the longest string', () => {
  it('a graph in pieces, a list of records refused as file-too-large, standard input read once', async () => {
    const { readWhole } = await import('../../src/cli/commands/validate.js');
    const graphText = readFileSync(BUREAU.graph, 'utf8');
    expect(await readWhole(BUREAU.graph, undefined, 'zh', { io: io() }, SMALL)).toEqual({ text: undefined, value: JSON.parse(graphText) });
    // From standard input, read once: the value, not an empty input.
    expect(await readWhole('-', 'graph', 'zh', { io: io(graphText) }, SMALL)).toEqual({ text: undefined, value: JSON.parse(graphText) });
    const records = tmp.file('records.json', JSON.stringify(Array.from({ length: 50 }, (_, i) => ({ id: `r${i}`, type: 't', organization: 'o', date: '2022-01-01' }))));
    for (const kind of [undefined, 'records'] as const) {
      const error = await readWhole(records, kind, 'en', { io: io() }, SMALL).catch((e: unknown) => e);
      expect((error as ValidationError).issues[0], String(kind)).toMatchObject({ code: 'file-too-large', file: records });
    }
    const wrapped = tmp.file('wrapped.json', JSON.stringify({ records: [{ id: 'r1', type: 't', organization: 'o', date: '2022-01-01' }], pad: 'x'.repeat(SMALL) }));
    expect(((await readWhole(wrapped, undefined, 'zh', { io: io() }, SMALL).catch((e: unknown) => e)) as ValidationError).issues[0]?.code).toBe('file-too-large');
    // Under the limit, the text as before.
    expect(await readWhole(BUREAU.graph, 'graph', 'zh', { io: io() })).toEqual({ text: graphText });
  });
});

describe('reading a file whole, or not', () => {
  it('past what one read returns (2 GiB), text is refused as file-too-large unread, and a document is left to read in pieces', async () => {
    const { readDocument, readText } = await import('../../src/cli/files.js');
    const { closeSync, ftruncateSync, openSync } = await import('node:fs');
    const { constants } = await import('node:buffer');
    // Sparse: no disk is used, and nothing here reads it.
    const huge = tmp.path('huge.json');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, 2 ** 31);
    closeSync(fd);
    const error = await readText(huge, 'records', 'zh', io()).catch((e: unknown) => e);
    expect((error as ValidationError).issues[0]).toMatchObject({ code: 'file-too-large', file: huge, params: { path: huge, limit: constants.MAX_STRING_LENGTH } });
    const doc = await readDocument(huge, 'graph', 'zh', io());
    expect(doc.text).toBeUndefined();
    expect(typeof (doc as { inPieces?: unknown }).inPieces).toBe('function');
  });

  it('bytes that are not UTF-8 are invalid-encoding at their line; an error of standard input that is not the system\'s passes on', async () => {
    const file = tmp.file('gbk.json', Buffer.concat([Buffer.from('{\n"a":\n"'), Buffer.from([0xb5, 0xb3]), Buffer.from('",\n"b": 1\n}\n')]) as unknown as string);
    const error = await readJson(file, 'graph', 'zh', io()).catch((e: unknown) => e);
    expect((error as ValidationError).issues[0]).toMatchObject({ code: 'invalid-encoding', file, line: 3, params: { line: 3 } });
    const broken: CliIo = {
      ...io(),
      stdin: {
        async *[Symbol.asyncIterator]() {
          yield Buffer.from('{');
          throw new TypeError('not a read error');
        },
      },
    };
    const passed = await readJson('-', 'graph', 'zh', broken).catch((e: unknown) => e);
    expect(passed).toBeInstanceOf(TypeError);
    const eio: CliIo = {
      ...io(),
      stdin: {
        async *[Symbol.asyncIterator]() {
          yield Buffer.from('{');
          throw Object.assign(new Error('gone'), { code: 'EIO' });
        },
      },
    };
    const unreadable = await readJson('-', 'graph', 'en', eio).catch((e: unknown) => e);
    expect((unreadable as ValidationError).issues[0]).toMatchObject({ code: 'file-unreadable', file: '<stdin>', params: { path: '<stdin>', reason: 'EIO' } });
  });
});
