import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cutFile, type ShardTask } from '../../src/engine/parallel.js';
import { assess, assessParallel, parseGraph, readNdjsonSync, ValidationError } from '../../src/index.js';

const dir = new URL('../../examples/bureau-2022/', import.meta.url);
const graphInput = JSON.parse(readFileSync(new URL('graph.json', dir), 'utf8')) as unknown;
const rules = JSON.parse(readFileSync(new URL('rules.json', dir), 'utf8')) as unknown;
const recordsPath = new URL('records.ndjson', dir).pathname;
// The example is far below the default least shard (32 MiB): cut it anyway, so that threads run.
const SMALL = { minShardBytes: 1 } as const;

describe('assessParallel', () => {
  it('gives the single-pass result byte for byte, on 1, 2 and 3 workers', async () => {
    const reference = JSON.stringify(assess({ graph: parseGraph(graphInput), rules, records: readNdjsonSync(readFileSync(recordsPath, 'utf8'), { file: recordsPath }) }));
    for (const workers of [1, 2, 3]) {
      expect(JSON.stringify(await assessParallel({ graph: graphInput, rules, files: [recordsPath], workers, ...SMALL }))).toBe(reference);
    }
  }, 60_000);

  it('reports a bad line with its true line number, whichever worker read it', async () => {
    // 473 lines; line 400 is broken: it lies in the second half, read by the second worker.
    const lines = readFileSync(recordsPath, 'utf8').trimEnd().split('\n');
    lines[399] = '{"id":"bad", "type": "theme-day", "organization": "br-office", "date": "2022-02-30"}';
    const path = join(mkdtempSync(join(tmpdir(), 'zrz-')), 'records.ndjson');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const error = await assessParallel({ graph: graphInput, rules, files: [path], workers: 2, ...SMALL }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => [i.code, i.line, i.file])).toEqual([['invalid-date', 400, path]]);
  }, 60_000);

  it('this thread reads the first shard: bad lines in both shards come in line order, with their true numbers', async () => {
    // line 10 lies in the first half (read by this thread), line 400 in the second (by the worker)
    const lines = readFileSync(recordsPath, 'utf8').trimEnd().split('\n');
    lines[9] = '{"id":"bad-1", "type": "theme-day", "organization": "br-office", "date": "2022-13-01"}';
    lines[399] = '{"id":"bad-2", "type": "theme-day", "organization": "br-office", "date": "2022-02-30"}';
    const path = join(mkdtempSync(join(tmpdir(), 'zrz-')), 'records.ndjson');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const error = await assessParallel({ graph: graphInput, rules, files: [path], workers: 2, ...SMALL }).catch((e: unknown) => e);
    expect((error as ValidationError).issues.map((i) => [i.code, i.line])).toEqual([['invalid-date', 10], ['invalid-date', 400]]);
    // skipped instead: the same result as one pass that skips them
    const once = assess({ graph: parseGraph(graphInput), rules, records: readNdjsonSync(readFileSync(path, 'utf8'), { file: path }), invalidRecords: 'skip' });
    expect(JSON.stringify(await assessParallel({ graph: graphInput, rules, files: [path], workers: 2, invalidRecords: 'skip', ...SMALL }))).toBe(JSON.stringify(once));
  }, 60_000);

  it('a file this thread cannot read fails the run', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'zrz-')), 'missing.csv');
    // the CSV goes whole to the first shard (this thread); the NDJSON's ranges to the others
    await expect(assessParallel({ graph: graphInput, rules, files: [missing, recordsPath], workers: 2, ...SMALL })).rejects.toThrow();
  }, 60_000);

  it('takes the graph parsed as well as raw, and refuses a wrong graph before reading, with the workers stopped', async () => {
    const reference = JSON.stringify(await assessParallel({ graph: graphInput, rules, files: [recordsPath], workers: 1 }));
    expect(JSON.stringify(await assessParallel({ graph: parseGraph(graphInput), rules, files: [recordsPath], workers: 2, ...SMALL }))).toBe(reference);
    const broken = { ...(graphInput as Record<string, unknown>), organizations: 'none' };
    const error = await assessParallel({ graph: broken, rules, files: [recordsPath], workers: 2, ...SMALL }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).subject).toBe('graph');
  }, 60_000);

  it('a missing NDJSON file fails the run after the graph and rules are checked', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'zrz-')), 'missing.ndjson');
    const error = await assessParallel({ graph: graphInput, rules, files: [recordsPath, missing], workers: 2, ...SMALL }).catch((e: unknown) => e);
    expect((error as NodeJS.ErrnoException).code).toBe('ENOENT');
    const wrongRules = await assessParallel({ graph: graphInput, rules: { id: 'x' }, files: [missing], workers: 2 }).catch((e: unknown) => e);
    expect((wrongRules as ValidationError).subject).toBe('rules');
  }, 60_000);
});

describe('cutFile', () => {
  const file = (lines: number): string => {
    // lines of 10 bytes each, the last one without a newline
    const path = join(mkdtempSync(join(tmpdir(), 'zrz-')), 'r.ndjson');
    writeFileSync(path, Array.from({ length: lines }, (_, i) => `{"i":${String(i).padStart(3, '0')}}`).join('\n'));
    return path;
  };
  const spans = (tasks: readonly ShardTask[]) => tasks.map((t) => (t.kind === 'range' ? [t.start, t.end] : []));

  it('cuts at line starts into as many ranges as wanted, when each gets its least size', async () => {
    const path = file(100); // 999 bytes
    expect(spans(await cutFile(path, 4, 100))).toEqual([[0, 250], [250, 500], [500, 750], [750, 999]]);
  });

  it('cuts into fewer ranges rather than ranges under the least size, and never into none', async () => {
    const path = file(100);
    expect(spans(await cutFile(path, 4, 400))).toEqual([[0, 500], [500, 999]]);
    expect(spans(await cutFile(path, 4, 999))).toEqual([[0, 999]]);
    expect(spans(await cutFile(path, 4, 5000))).toEqual([[0, 999]]);
  });

  it('gives the first range its head start, the rest evenly, and no more head start than one range', async () => {
    const path = file(100);
    // first: (999 + 99) / 2 = 549 → the line start after it, 550
    expect(spans(await cutFile(path, 2, 100, 99))).toEqual([[0, 550], [550, 999]]);
    // first: (999 + 2 × 150) / 3 = 433 → 440; then 440 + (999 − 433) / 2 = 716 → 720
    expect(spans(await cutFile(path, 3, 100, 150))).toEqual([[0, 440], [440, 720], [720, 999]]);
    // a head start larger than a range's share is cut down to it: first (999 + 999/2) / 2 = 749 → 750
    expect(spans(await cutFile(path, 2, 100, 10_000))).toEqual([[0, 750], [750, 999]]);
    // one range: nothing to weigh
    expect(spans(await cutFile(path, 1, 100, 500))).toEqual([[0, 999]]);
  });
});
