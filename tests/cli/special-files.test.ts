// Files that are not regular files — a device (/dev/zero), a FIFO, standard input — have no size
// to check before they are read, and may have no end. They are read as they come: a JSON document
// is refused as soon as it can no longer be JSON (a stream of NUL bytes at line 1, column 1, as a
// file of them is), and nothing is held past the limit a regular file is held to. A stream of
// legitimate JSON is read as the file is.
import { execFileSync } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { constants } from 'node:buffer';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonInput, readDocument, readJson, readText } from '../../src/cli/files.js';
import type { CliIo } from '../../src/cli/io.js';
import { ValidationError } from '../../src/core/validation-error.js';
import { readPartialState } from '../../src/engine/read-partial.js';
import { BUREAU, cli, tempDir } from './helpers.js';

const tmp = tempDir('special-files');
afterAll(() => tmp.cleanup());

/** Standard input that gives `head`, then `block` over and over without end: how many chunks were taken, and whether it was let go. */
function endless(head: string, block: Uint8Array = new Uint8Array(65536)): { io: CliIo; taken: () => number; closed: () => boolean } {
  let taken = 0;
  let closed = false;
  const stdin = {
    async *[Symbol.asyncIterator]() {
      try {
        if (head !== '') {
          taken++;
          yield Buffer.from(head);
        }
        for (;;) {
          taken++;
          yield block;
        }
      } finally {
        closed = true;
      }
    },
  };
  return { io: { stdout: { write: () => true }, stderr: { write: () => true }, stdin, env: {} }, taken: () => taken, closed: () => closed };
}

/** Standard input that gives these chunks, then ends. */
const chunked = (chunks: readonly Uint8Array[]): CliIo => ({ stdout: { write: () => true }, stderr: { write: () => true }, stdin: Readable.from(chunks), env: {} });

const issuesOf = async (promise: Promise<unknown>): Promise<unknown> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues;
};

const nulAt = (file: string, line: number, column: number, problem = 'unexpected-character') => [
  expect.objectContaining({ code: 'invalid-json', file, line, params: { line, column, problem, found: '\u0000' } }),
];

describe('a device with no end: /dev/zero', () => {
  const ZH = '/dev/zero:1: 第 1 行第 1 列「\\u0000」：JSON 语法错误，此处不应出现该字符 [invalid-json]\n';
  const EN = '/dev/zero:1: invalid JSON at line 1, column 1 "\\u0000": unexpected character [invalid-json]\n';

  it('assess --graph /dev/zero: refused at line 1, column 1, as a file of NUL bytes is (exit 1)', async () => {
    const run = await cli(['assess', '--graph', '/dev/zero', '--rules', BUREAU.rules, '--evidence', BUREAU.ndjson]);
    expect(run).toEqual({ code: 1, stdout: '', stderr: `组织关系图校验未通过，共 1 个问题：\n${ZH}` });
    const nuls = tmp.file('nul4.json', '\u0000\u0000\u0000\u0000');
    const file = await cli(['assess', '--graph', nuls, '--rules', BUREAU.rules, '--evidence', BUREAU.ndjson]);
    expect(file.stderr).toBe(`组织关系图校验未通过，共 1 个问题：\n${ZH.replace('/dev/zero', nuls)}`);
    const english = await cli(['assess', '--lang', 'en', '--graph', '/dev/zero', '--rules', BUREAU.rules, '--evidence', BUREAU.ndjson]);
    expect(english).toEqual({ code: 1, stdout: '', stderr: `Invalid graph: 1 problem:\n${EN}` });
  });

  it('--rules, --previous and --coverage-options: the same, under their own subjects', async () => {
    const rules = await cli(['assess', '--graph', BUREAU.graph, '--rules', '/dev/zero', '--evidence', BUREAU.ndjson]);
    expect(rules).toEqual({ code: 1, stdout: '', stderr: `考核细则校验未通过，共 1 个问题：\n${ZH}` });
    const previous = await cli(['assess', '--graph', BUREAU.graph, '--rules', BUREAU.rules, '--evidence', BUREAU.ndjson, '--previous', '/dev/zero']);
    expect(previous).toEqual({ code: 1, stdout: '', stderr: `上期评估结果校验未通过，共 1 个问题：\n${ZH}` });
    const coverage = await cli(['assess', '--lang', 'en', '--graph', BUREAU.graph, '--rules', BUREAU.rules, '--evidence', BUREAU.ndjson, '--format', 'md', '--coverage-options', '/dev/zero']);
    expect(coverage).toEqual({ code: 1, stdout: '', stderr: `Coverage options: 1 problem:\n${EN}` });
  });

  it('validate --kind graph /dev/zero lists the problem (exit 1)', async () => {
    expect(await cli(['validate', '--kind', 'graph', '/dev/zero'])).toEqual({ code: 1, stdout: `/dev/zero：发现 1 个问题\n${ZH}`, stderr: '' });
  });

  it('a partial state to absorb (jsonInput): refused at line 1, column 1', async () => {
    const { io } = endless('');
    const issues = await issuesOf(readPartialState(jsonInput('/dev/zero', io), { file: '/dev/zero', lang: 'en' }));
    expect(issues).toEqual(nulAt('/dev/zero', 1, 1));
  });
});

describe('standard input with no end', () => {
  it('NUL bytes: refused at line 1, column 1 from the first chunk, and let go', async () => {
    const stream = endless('');
    expect(await issuesOf(readJson('-', 'graph', 'zh', stream.io))).toEqual(nulAt('<stdin>', 1, 1));
    expect(stream.taken()).toBe(1);
    expect(stream.closed()).toBe(true);
  });

  it('a document, then NUL bytes: the first NUL is content after the value (line 2, column 1)', async () => {
    const stream = endless('{"a": 1}\n');
    expect(await issuesOf(readJson('-', 'rules', 'en', stream.io))).toEqual(nulAt('<stdin>', 2, 1, 'trailing-content'));
    expect(stream.taken()).toBe(2);
  });

  it('past the limit, read in pieces: the NUL where a member must start, at its line and column (82, 3)', async () => {
    // Line 1 opens the list, lines 2 to 81 are 80 members, line 82 is two spaces and the NULs.
    const head = `{"organizations": [\n${Array.from({ length: 80 }, () => '  {"id": "org"},').join('\n')}\n  `;
    expect(head.length).toBeGreaterThan(1000);
    for (const limit of [1000, undefined]) {
      const stream = endless(head);
      expect(await issuesOf(readJson('-', 'graph', 'en', stream.io, limit))).toEqual(nulAt('<stdin>', 82, 3));
      expect(stream.taken()).toBe(2);
      expect(stream.closed()).toBe(true);
    }
  });

  it('letters that cannot be JSON: refused where they start', async () => {
    const letters = endless('', Buffer.from('x'.repeat(65536)));
    expect(await issuesOf(readJson('-', 'graph', 'en', letters.io))).toEqual([
      expect.objectContaining({ code: 'invalid-json', line: 1, params: { line: 1, column: 1, problem: 'unexpected-character', found: 'x' } }),
    ]);
    const after = endless('{"a": 1}', Buffer.from('x'.repeat(65536)));
    expect(await issuesOf(readJson('-', 'graph', 'en', after.io, 4))).toEqual([
      expect.objectContaining({ code: 'invalid-json', line: 1, params: { line: 1, column: 9, problem: 'trailing-content', found: 'x' } }),
    ]);
    expect(after.taken()).toBe(2);
  });

  it('bytes that are never UTF-8 in a string: invalid-encoding at their line', async () => {
    const stream = endless('{\n"a": "', new Uint8Array(65536).fill(0xff));
    expect(await issuesOf(readJson('-', 'graph', 'en', stream.io))).toEqual([expect.objectContaining({ code: 'invalid-encoding', line: 2, params: { line: 2, format: 'json' } })]);
  });

  it('text that may be records (validate without a kind): held to the limit, then read in pieces as JSON, and refused', async () => {
    const stream = endless('');
    const doc = await readDocument('-', 'records', 'en', stream.io, 1000);
    expect(doc.text).toBeUndefined();
    const inPieces = (doc as { inPieces: () => Promise<unknown> }).inPieces;
    expect(await issuesOf(inPieces())).toEqual(nulAt('<stdin>', 1, 1));
    expect(stream.closed()).toBe(true);
  });

  it('records text is never held past the longest string: file-too-large', async () => {
    // The same megabyte of letters each time: nothing is copied until the end, which never comes.
    const stream = endless('', Buffer.from('a'.repeat(2 ** 20)));
    expect(await issuesOf(readText('-', 'records', 'en', stream.io))).toEqual([
      expect.objectContaining({ code: 'file-too-large', file: '<stdin>', params: { path: '<stdin>', limit: constants.MAX_STRING_LENGTH } }),
    ]);
    // 511 MiB is within the limit (2^29 − 24 characters); 512 MiB, 24 characters more, is past it.
    expect(stream.taken()).toBe(512);
    expect(stream.closed()).toBe(true);
  });

  it('a partial state to absorb from standard input (jsonInput) stops at the first NUL', async () => {
    const stream = endless('{"schemaVersion": 1,\n');
    const issues = await issuesOf(readPartialState(jsonInput('-', stream.io), { file: '<stdin>', lang: 'en' }));
    expect(issues).toEqual(nulAt('<stdin>', 2, 1));
    expect(stream.closed()).toBe(true);
  });
});

describe('streams of legitimate JSON are read as the file is', () => {
  it('assess --graph - gives what assess --graph graph.json gives, byte for byte', async () => {
    const piped = await cli(['assess', '--graph', '-', '--rules', BUREAU.rules, '--evidence', BUREAU.ndjson], { stdin: readFileSync(BUREAU.graph, 'utf8') });
    const file = await cli(['assess', '--graph', BUREAU.graph, '--rules', BUREAU.rules, '--evidence', BUREAU.ndjson]);
    expect(piped.code).toBe(0);
    expect(piped).toEqual(file);
  });

  it('one byte at a time, whole or in pieces: the same text, value or problem as the file', async () => {
    const texts = [
      readFileSync(BUREAU.rules, 'utf8'),
      // Two byte order marks: the decoder takes one, stripBom the other.
      '\uFEFF\uFEFF{"a": 1}',
      // Whitespace JSON does not allow: empty if nothing follows, not JSON if something does.
      ' \u3000\n',
      '\u000b',
      '\u00a0{}',
      '{"a": "b\u0001"}',
      '{"a": [1, 2,, 3]}',
      '{"n": [-0, 0.5, 1e5, 1E+5, 2e-3], "s": "\\u00e9\\n\\"党建\\"😀", "t": [true, false, null]}',
    ];
    for (const text of texts) {
      const bytes = Buffer.from(text);
      const file = tmp.file('same.json', text);
      const bytewise = (): CliIo => chunked(Array.from(bytes, (_, i) => bytes.subarray(i, i + 1)));
      for (const limit of [undefined, 10]) {
        const outcome = (read: Promise<{ text: string | undefined; value: unknown }>) =>
          read.then(
            (doc) => ({ text: doc.text, value: doc.value }),
            (error: unknown) => JSON.stringify((error as ValidationError).issues).replaceAll(JSON.stringify(file).slice(1, -1), '<stdin>'),
          );
        expect(await outcome(readJson('-', 'graph', 'en', bytewise(), limit))).toEqual(await outcome(readJson(file, 'graph', 'en', chunked([]), limit)));
      }
    }
    const nbsp = await issuesOf(readJson('-', 'graph', 'en', chunked([Buffer.from('\u00a0{}')])));
    expect(nbsp).toEqual([expect.objectContaining({ code: 'invalid-json', line: 1, params: { line: 1, column: 1, problem: 'unexpected-character', found: '\u00a0' } })]);
    const control = await issuesOf(readJson('-', 'graph', 'en', chunked([Buffer.from('{"a": "b\u0001"}')])));
    expect(control).toEqual([expect.objectContaining({ code: 'invalid-json', line: 1, params: { line: 1, column: 9, problem: 'control-character', found: '\u0001' } })]);
    expect(await issuesOf(readJson('-', 'graph', 'en', chunked([Buffer.from(' \u3000\n')])))).toEqual([expect.objectContaining({ code: 'empty-input', line: 1 })]);
  });

  it('validate - still reads CSV records from standard input', async () => {
    expect(await cli(['validate', '-'], { stdin: readFileSync(BUREAU.csv, 'utf8') })).toEqual({ code: 0, stdout: '<stdin>：记录有效（56 条）\n', stderr: '' });
  });

  it('a FIFO: read as it comes, the same as the file', async () => {
    const fifo = tmp.path('rules.fifo');
    execFileSync('mkfifo', [fifo]);
    createWriteStream(fifo).end(readFileSync(BUREAU.rules));
    const doc = await readJson(fifo, 'rules', 'zh', chunked([]));
    const file = await readJson(BUREAU.rules, 'rules', 'zh', chunked([]));
    expect(doc.text).toBe(file.text);
    expect(doc.value).toEqual(file.value);
  });
});
