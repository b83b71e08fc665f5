import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planShards, scoreShards, type ShardTask } from '../../src/engine/parallel.js';
import { assess, assessParallel, MIN_SHARD_BYTES, parseGraph, readNdjsonSync, scoreFilesInParallel, ValidationError } from '../../src/index.js';

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

  it('with a previous result: the single pass\'s comparisons, fingerprint and repeat findings, byte for byte', async () => {
    const records = [...readNdjsonSync(readFileSync(recordsPath, 'utf8'), { file: recordsPath })];
    // Last period's result: this one, so that every finding repeats and every line compares.
    const previous = assess({ graph: parseGraph(graphInput), rules, records });
    const reference = assess({ graph: parseGraph(graphInput), rules, records, previous });
    expect(reference.findings.length).toBeGreaterThan(0);
    for (const workers of [1, 2]) {
      const parallel = await assessParallel({ graph: graphInput, rules, files: [recordsPath], workers, previous, ...SMALL });
      expect(parallel.fingerprint, String(workers)).toBe(reference.fingerprint);
      expect(JSON.stringify(parallel), String(workers)).toBe(JSON.stringify(reference));
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

  it("a line that is not JSON, read by a worker: the one pass's issue, its message's line included, in both languages", async () => {
    const lines = readFileSync(recordsPath, 'utf8').trimEnd().split('\n');
    lines[399] = '{"id": oops}';
    lines[419] = '[1, 2]';
    const path = join(mkdtempSync(join(tmpdir(), 'zrz-')), 'records.ndjson');
    writeFileSync(path, `${lines.join('\n')}\n`);
    for (const lang of ['zh', 'en'] as const) {
      const once = (await assessParallel({ graph: graphInput, rules, files: [path], workers: 1, lang }).catch((e: unknown) => e)) as ValidationError;
      expect(once.issues.map((i) => [i.code, i.line, i.params['line']])).toEqual([['invalid-json', 400, 400], ['record-not-object', 420, 420]]);
      expect(once.issues[0]?.message).toContain('400');
      const threads = await assessParallel({ graph: graphInput, rules, files: [path], workers: 2, lang, ...SMALL }).catch((e: unknown) => e);
      expect((threads as ValidationError).issues).toEqual(once.issues);
    }
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

  it('takes the graph parsed as well as raw, and refuses a wrong graph before reading', async () => {
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

describe('assessParallel over several files', () => {
  const lines = readFileSync(recordsPath, 'utf8').trimEnd().split('\n');

  it('reports the bad lines of every file in file order, each with its file and true line, as one pass does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zrz-'));
    const first = lines.slice(0, 240);
    const second = lines.slice(240);
    first[199] = '{"id":"bad-1", "type": "theme-day", "organization": "br-office", "date": "2022-13-01"}';
    second[9] = '{"id":"bad-2", "type": "theme-day", "organization": "br-office", "date": "2022-02-30"}';
    const [a, b] = [join(dir, 'a.ndjson'), join(dir, 'b.ndjson')];
    writeFileSync(a, `${first.join('\n')}\n`);
    writeFileSync(b, `${second.join('\n')}\n`);
    for (const workers of [2, 3]) {
      const error = await assessParallel({ graph: graphInput, rules, files: [a, b], workers, ...SMALL }).catch((e: unknown) => e);
      expect((error as ValidationError).issues.map((i) => [i.file, i.line])).toEqual([[a, 200], [b, 10]]);
    }
    // and the records of both files, merged, are those of one file holding them all
    const joined = join(dir, 'all.ndjson');
    writeFileSync(joined, `${lines.join('\n')}\n`);
    const halves = [join(dir, 'h1.ndjson'), join(dir, 'h2.ndjson')];
    writeFileSync(halves[0] as string, `${lines.slice(0, 240).join('\n')}\n`);
    writeFileSync(halves[1] as string, `${lines.slice(240).join('\n')}\n`);
    const reference = JSON.stringify(await assessParallel({ graph: graphInput, rules, files: [joined], workers: 1 }));
    expect(JSON.stringify(await assessParallel({ graph: graphInput, rules, files: halves, workers: 3, ...SMALL }))).toBe(reference);
  }, 60_000);

  it('shards given by subtree (one region file each, records interleaved in time) merge to one pass over those files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zrz-'));
    // the center's subtree in one file, the rest of the bureau in the other, each in the original order
    const center = new Set(['gb-center', 'br-center-1', 'br-center-2', 'grp-center-1a']);
    const inCenter = (line: string): boolean => center.has((JSON.parse(line) as { organization?: string }).organization ?? '');
    const [a, b] = [join(dir, 'center.ndjson'), join(dir, 'rest.ndjson')];
    writeFileSync(a, `${lines.filter(inCenter).join('\n')}\n`);
    writeFileSync(b, `${lines.filter((line) => !inCenter(line)).join('\n')}\n`);
    expect(lines.filter(inCenter).length).toBeGreaterThan(50);
    const reference = JSON.stringify((await scoreFilesInParallel({ graph: graphInput, rules, files: [a, b], workers: 1 })).result);
    const timings = { own: -1, wait: -1, merge: -1, finish: -1 };
    const run = await scoreShards({ graph: graphInput, rules, files: [] }, [[{ kind: 'whole', path: a }], [{ kind: 'range', path: b, start: 0, end: readFileSync(b).length }]], timings);
    expect(JSON.stringify(run.result)).toBe(reference);
    for (const [step, ms] of Object.entries(timings)) expect(ms, step).toBeGreaterThanOrEqual(0);
    // the error planning the shards gave is thrown after the graph and rules are checked
    const planError = new Error('no such shard');
    await expect(scoreShards({ graph: graphInput, rules, files: [] }, { error: planError })).rejects.toBe(planError);
    const wrongRules = await scoreShards({ graph: graphInput, rules: { id: 'x' }, files: [] }, { error: planError }).catch((e: unknown) => e);
    expect((wrongRules as ValidationError).subject).toBe('rules');
  }, 60_000);

  it("a worker's failure fails the run, and does not leave it waiting", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zrz-'));
    // a directory named like a CSV file: found when the shards are planned, unreadable by the worker that gets it
    const unreadable = join(dir, 'later.csv');
    mkdirSync(unreadable);
    const error = await assessParallel({ graph: graphInput, rules, files: [recordsPath, unreadable], workers: 2, ...SMALL }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => [i.code, i.params['path'], i.params['reason']])).toEqual([['file-unreadable', unreadable, 'EISDIR']]);
  }, 60_000);
});

describe('planShards', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zrz-'));
  // `lines` lines of 10 bytes each, the last one without its newline
  const file = (name: string, lines: number): string => {
    const path = join(dir, name);
    writeFileSync(path, Array.from({ length: lines }, (_, i) => `{"i":${String(i).padStart(3, '0')}}`).join('\n'));
    return path;
  };
  const whole = (name: string, bytes: number): string => {
    const path = join(dir, name);
    writeFileSync(path, 'x'.repeat(bytes));
    return path;
  };
  const show = (shards: readonly (readonly ShardTask[])[]) =>
    shards.map((shard) => shard.map((t) => (t.kind === 'range' ? `${basename(t.path)} ${t.start}-${t.end}` : basename(t.path))));

  it('cuts one file at line starts into as many ranges as wanted, when each gets its least size', async () => {
    const path = file('a.ndjson', 100); // 999 bytes
    expect(show(await planShards([path], 4, 100))).toEqual([['a.ndjson 0-250'], ['a.ndjson 250-500'], ['a.ndjson 500-750'], ['a.ndjson 750-999']]);
  });

  it('by default a file under twice the least shard is one shard: the example starts no worker', async () => {
    expect(MIN_SHARD_BYTES).toBe(32 * 1024 * 1024);
    expect(await planShards([recordsPath], 2, MIN_SHARD_BYTES, 24 * 1024 * 1024)).toEqual([[{ kind: 'range', path: recordsPath, start: 0, end: readFileSync(recordsPath).length }]]);
  });

  it('cuts into fewer ranges rather than ranges under the least size, and never into none', async () => {
    const path = file('a.ndjson', 100);
    expect(show(await planShards([path], 4, 400))).toEqual([['a.ndjson 0-500'], ['a.ndjson 500-999']]);
    expect(show(await planShards([path], 4, 999))).toEqual([['a.ndjson 0-999']]);
    expect(show(await planShards([path], 4, 5000))).toEqual([['a.ndjson 0-999']]);
    expect(await planShards([], 4, 100)).toEqual([[]]);
  });

  it('gives the first shard its head start, the rest evenly, within one share and the least size of the others', async () => {
    const path = file('a.ndjson', 100);
    // first: (999 + 99) / 2 = 549 → the line start after it, 550
    expect(show(await planShards([path], 2, 100, 99))).toEqual([['a.ndjson 0-550'], ['a.ndjson 550-999']]);
    // first: (999 + 2 × 150) / 3 = 433 → 440; the next cut 433 + (999 − 433) / 2 = 716 → 720
    expect(show(await planShards([path], 3, 100, 150))).toEqual([['a.ndjson 0-440'], ['a.ndjson 440-720'], ['a.ndjson 720-999']]);
    // at most one share (999 / 2): first (999 + 499.5) / 2 = 749 → 750
    expect(show(await planShards([path], 2, 100, 10_000))).toEqual([['a.ndjson 0-750'], ['a.ndjson 750-999']]);
    // the other shard keeps its 400 bytes: head start 999 − 800 = 199, first (999 + 199) / 2 = 599 → 600
    expect(show(await planShards([path], 2, 400, 10_000))).toEqual([['a.ndjson 0-600'], ['a.ndjson 600-999']]);
  });

  it('takes several files as one run of bytes: shards are consecutive pieces in file order, a whole file never split', async () => {
    const a = file('a.ndjson', 100); // bytes 0–999 of all
    const b = whole('b.csv', 500); // 999–1499
    const c = file('c.ndjson', 100); // 1499–2498
    const empty = file('e.ndjson', 0);
    // one cut at 1249, inside b.csv, moves to its nearer end (1499)
    expect(show(await planShards([a, b, c], 2, 100))).toEqual([['a.ndjson 0-999', 'b.csv'], ['c.ndjson 0-999']]);
    // cuts at 832 (in a: → 840) and 1665 (in c: 166 → 170)
    expect(show(await planShards([a, b, empty, c], 3, 100))).toEqual([['a.ndjson 0-840'], ['a.ndjson 840-999', 'b.csv', 'c.ndjson 0-170'], ['c.ndjson 170-999']]);
    // two cuts inside one whole file: one shard, not empty ones
    expect(show(await planShards([whole('big.json', 1000)], 3, 100))).toEqual([['big.json']]);
  });
});
