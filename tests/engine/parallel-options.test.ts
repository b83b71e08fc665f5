import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listSkipped, reportSkipped } from '../../src/cli/records.js';
import type { CliIo } from '../../src/cli/io.js';
import { parallelOptionIssues, scoreChunks, threadsWanted } from '../../src/engine/parallel.js';
import { assessParallel, assessStream, parseGraph, readRecordsFile, scoreFilesInParallel, ValidationError, type Issue } from '../../src/index.js';

const dir = new URL('../../examples/bureau-2022/', import.meta.url);
const graphInput = JSON.parse(readFileSync(new URL('graph.json', dir), 'utf8')) as unknown;
const rules = JSON.parse(readFileSync(new URL('rules.json', dir), 'utf8')) as unknown;
const recordsPath = new URL('records.ndjson', dir).pathname;
const SMALL = { minShardBytes: 1, chunkBytes: 4096 } as const;

const thrown = async (run: Promise<unknown>): Promise<ValidationError> => {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
};

describe('the options of a parallel run', () => {
  it('lists every problem at its path, in both languages, before anything is read', async () => {
    const input = { graph: graphInput, rules, files: ['a.ndjson', 7, ''] as unknown as string[], workers: Number.NaN, minShardBytes: -1, chunkBytes: Number.NaN };
    const issues = parallelOptionIssues(input, 'en');
    expect(issues.map((i) => [i.path, i.code, i.params])).toEqual([
      [['files', 1], 'invalid-type', { expected: 'string', received: 'number' }],
      [['files', 2], 'empty-string', { field: 'files' }],
      [['workers'], 'invalid-type', { expected: 'integer', received: 'NaN' }],
      [['minShardBytes'], 'too-small', { minimum: 0, inclusive: 1 }],
      [['chunkBytes'], 'invalid-type', { expected: 'number', received: 'NaN' }],
    ]);
    expect(issues[2]?.message).toBe('wrong type: expected integer, got NaN');
    const error = await thrown(assessParallel(input));
    expect(error.subject).toBe('options');
    // Chinese by default
    expect(error.issues.map((i) => i.code)).toEqual(issues.map((i) => i.code));
    expect(error.issues[2]?.message).toBe('类型错误：应为 integer，实际为 NaN');
  });

  it('refuses a workers count that is not a whole number of at least 1, and files that are not a list', () => {
    const at = (options: Record<string, unknown>): unknown[] => parallelOptionIssues({ graph: graphInput, rules, files: [recordsPath], ...options } as never, 'en').map((i) => [i.path, i.code]);
    expect(at({ workers: 0 })).toEqual([[['workers'], 'too-small']]);
    expect(at({ workers: 1.5 })).toEqual([[['workers'], 'invalid-type']]);
    expect(at({ workers: '2' })).toEqual([[['workers'], 'invalid-type']]);
    expect(at({ files: 'records.ndjson' })).toEqual([[['files'], 'invalid-type']]);
    expect(at({ chunkBytes: 0 })).toEqual([[['chunkBytes'], 'too-small']]);
    // what is allowed: 1 worker, no least size, and pieces or shards as large as they come
    expect(at({ workers: 1, minShardBytes: 0, chunkBytes: Number.POSITIVE_INFINITY })).toEqual([]);
    expect(at({ minShardBytes: Number.POSITIVE_INFINITY })).toEqual([]);
  });
});

describe('a piece of a file that cannot be read', () => {
  it('is a file-unreadable problem, as one pass reports it, on this thread and on a worker', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'zrz-')), 'gone.ndjson');
    const once = await thrown(assessStream({ graph: graphInput, rules, records: readRecordsFile(missing) }));
    expect(once.issues.map((i) => [i.code, i.file, i.params['reason']])).toEqual([['file-unreadable', missing, 'ENOENT']]);
    const range = { kind: 'range', path: missing, start: 0, end: 100 } as const;
    // the plan said the file was there (it went away, or its permissions changed): one thread
    const alone = await thrown(scoreChunks({ graph: graphInput, rules, files: [] }, { threads: 1, chunks: [range] }));
    expect(alone.issues).toEqual(once.issues);
    // two threads, the missing piece last: whichever thread takes it, the same problem, after the records
    const { size } = await import('node:fs/promises').then((fs) => fs.stat(recordsPath));
    const both = await thrown(scoreChunks({ graph: graphInput, rules, files: [] }, { threads: 2, chunks: [{ kind: 'range', path: recordsPath, start: 0, end: size }, range] }));
    expect(both.issues).toEqual(once.issues);
  }, 60_000);

  it('a file in several pieces that went away is reported once, as one pass reports it, and counted once', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'zrz-')), 'gone.ndjson');
    const chunks = [0, 1, 2].map((i) => ({ kind: 'range', path: missing, start: i * 100, end: (i + 1) * 100 }) as const);
    const once = await thrown(assessStream({ graph: graphInput, rules, records: readRecordsFile(missing) }));
    for (const threads of [1, 2]) {
      const error = await thrown(scoreChunks({ graph: graphInput, rules, files: [] }, { threads, chunks }));
      expect(error.issues, String(threads)).toEqual(once.issues);
    }
    // Skipping invalid records does not skip a file never read: the same error as one pass's,
    // the problem once.
    const skipOnce = await thrown(assessStream({ graph: graphInput, rules, records: readRecordsFile(missing), invalidRecords: 'skip' }));
    expect(skipOnce.issues.map((i) => i.code)).toEqual(['read-stopped', 'file-unreadable']);
    for (const threads of [1, 2]) {
      const skipPieces = await thrown(scoreChunks({ graph: graphInput, rules, files: [], invalidRecords: 'skip' }, { threads, chunks }));
      expect(skipPieces.issues, String(threads)).toEqual(skipOnce.issues);
    }
  }, 60_000);
});

describe('a graph put together by hand', () => {
  it('with a post in an organization it lacks: checked again, refused by one pass and by the threads alike', async () => {
    const parsed = parseGraph(graphInput);
    const graph = { ...parsed, posts: [...parsed.posts, { person: 'p-x', organization: 'nope', role: 'member' as const }] };
    const once = await assessStream({ graph, rules, records: readRecordsFile(recordsPath) }).catch((e: unknown) => e);
    const threads = await assessParallel({ graph, rules, files: [recordsPath], workers: 2, ...SMALL }).catch((e: unknown) => e);
    for (const error of [once, threads]) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).subject).toBe('graph');
      expect((error as ValidationError).issues.some((i) => i.code === 'missing-organization' && i.path[0] === 'posts')).toBe(true);
    }
  }, 60_000);

  it('a sound copy: the threads give the single pass\'s result', async () => {
    const graph = { ...parseGraph(graphInput) };
    const once = await assessStream({ graph, rules, records: readRecordsFile(recordsPath) });
    const threads = await assessParallel({ graph, rules, files: [recordsPath], workers: 2, ...SMALL });
    expect(JSON.stringify(threads)).toBe(JSON.stringify(once));
  }, 60_000);
});

describe('standard input among the files', () => {
  it('makes the run one thread, whatever the workers asked for', () => {
    expect(threadsWanted({ files: ['a.ndjson', '-'], workers: 4 })).toBe(1);
    expect(threadsWanted({ files: ['-'] })).toBe(1);
    expect(threadsWanted({ files: ['a.ndjson', 'b.ndjson'], workers: 4 })).toBe(4);
  });

  it('is read on the calling thread: the records of one pass', async () => {
    // A worker's standard input is empty: a piece `-` taken there would lose its records, or
    // fail as empty. A child process with the example's records as its standard input.
    const root = new URL('../../', import.meta.url).pathname;
    const script = `
      import { readFileSync } from 'node:fs';
      import { assessParallel } from './src/index.ts';
      const dir = './examples/bureau-2022/';
      const result = await assessParallel({ graph: JSON.parse(readFileSync(dir + 'graph.json', 'utf8')), rules: JSON.parse(readFileSync(dir + 'rules.json', 'utf8')), files: [dir + 'records.ndjson', '-'], workers: 2, minShardBytes: 1, chunkBytes: 4096 });
      process.stdout.write(JSON.stringify(result));`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stdin.end(readFileSync(recordsPath));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    // the same records twice: each repeat counted once, as one pass over the file twice gives
    const once = await assessParallel({ graph: graphInput, rules, files: [recordsPath, recordsPath], workers: 1 });
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(once)));
  }, 60_000);
});

/** An io whose stderr is kept as text. */
function capture(): { io: CliIo; text: () => string } {
  let text = '';
  const stream = { write: (chunk: string) => ((text += chunk), true), isTTY: false };
  return { io: { stdout: stream, stderr: stream, stdin: process.stdin } as unknown as CliIo, text: () => text };
}

describe('the records skipped on threads', () => {
  it('are listed as one pass lists them while it reads: the same lines, in the same order', async () => {
    const lines = readFileSync(recordsPath, 'utf8').trimEnd().split('\n');
    lines[9] = '{"id": oops}';
    lines[199] = '{"id":"bad-2", "type": "theme-day", "organization": "br-office", "date": "2022-02-30"}';
    lines[399] = '[1, 2]';
    const path = join(mkdtempSync(join(tmpdir(), 'zrz-')), 'records.ndjson');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const one = capture();
    for await (const item of reportSkipped(readRecordsFile(path, { lang: 'en' }), one.io, 'en')) void item;
    expect(one.text().split('\n').filter(Boolean)).toHaveLength(3);
    let seen: { kept: readonly Issue[]; count: number } | undefined;
    const run = await scoreFilesInParallel({ graph: graphInput, rules, files: [path], workers: 2, lang: 'en', invalidRecords: 'skip', ...SMALL }, (kept, count) => {
      seen = { kept, count };
    });
    expect(run.result.evidence.received).toBeGreaterThan(400);
    expect(seen?.count).toBe(3);
    const threads = capture();
    listSkipped(seen?.kept ?? [], seen?.count ?? 0, threads.io, 'en');
    expect(threads.text()).toBe(one.text());
  }, 60_000);

  it('past the listed 1,000: the rest counted in one line, whether seen or only counted', () => {
    const issue = (n: number): Issue => ({ code: 'invalid-json', path: [], params: { line: n, column: 1 }, message: `bad ${n}`, file: 'a.ndjson', line: n });
    const kept = Array.from({ length: 1_002 }, (_, i) => issue(i + 1));
    const out = capture();
    listSkipped(kept, 1_010, out.io, 'en');
    const lines = out.text().trimEnd().split('\n');
    expect(lines).toHaveLength(1_001);
    expect(lines[1_000]).toContain('10');
    expect(lines[0]).toContain('a.ndjson:1');
  });
});
