import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreChunks } from '../../src/engine/parallel.js';
import { assess, assessParallel, assessStream, parseGraph, readNdjsonSync, readRecordsFile, scoreFilesInParallel, ValidationError } from '../../src/index.js';

const dir = new URL('../../examples/bureau-2022/', import.meta.url);
const graphInput = JSON.parse(readFileSync(new URL('graph.json', dir), 'utf8')) as unknown;
const rules = JSON.parse(readFileSync(new URL('rules.json', dir), 'utf8')) as unknown;
const recordsPath = new URL('records.ndjson', dir).pathname;
// The example is far below the default least bytes a thread (32 MiB): cut it anyway, into pieces of
// 4 KiB (about 25), so that threads run and take pieces in turn.
const SMALL = { minShardBytes: 1, chunkBytes: 4096 } as const;

describe('assessParallel', () => {
  it('gives the single-pass result byte for byte, on 1, 2 and 3 workers', async () => {
    const reference = JSON.stringify(assess({ graph: parseGraph(graphInput), rules, records: readNdjsonSync(readFileSync(recordsPath, 'utf8'), { file: recordsPath }) }));
    for (const workers of [1, 2, 3]) {
      expect(JSON.stringify(await assessParallel({ graph: graphInput, rules, files: [recordsPath], workers, ...SMALL }))).toBe(reference);
    }
  }, 60_000);

  it('with a previous result: the single pass\'s comparisons, fingerprint and repeat findings, byte for byte', async () => {
    const records = [...readNdjsonSync(readFileSync(recordsPath, 'utf8'), { file: recordsPath })];
    // Last period's result: this one, labelled 2021's (a previous result must be of an earlier
    // period), so that every finding repeats and every line compares.
    const thisYear = assess({ graph: parseGraph(graphInput), rules, records });
    const previous = { ...thisYear, period: { ...thisYear.period, start: '2021-01-01', end: '2021-12-31', label: '2021年度' } };
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

  it('a missing NDJSON file, or a directory, is a file-unreadable problem as in one pass, after the graph and rules are checked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zrz-'));
    const missing = join(dir, 'missing.ndjson');
    const folder = join(dir, 'folder.ndjson');
    mkdirSync(folder);
    const files = [recordsPath, missing, folder];
    // one pass: each file through the reader, in order
    const reference = (await assessStream({ graph: parseGraph(graphInput), rules, records: (async function* () {
      for (const path of files) yield* readRecordsFile(path);
    })() }).catch((e: unknown) => e)) as ValidationError;
    expect(reference.issues.map((i) => [i.code, i.params['path'], i.params['reason']])).toEqual([['file-unreadable', missing, 'ENOENT'], ['file-unreadable', folder, 'EISDIR']]);
    for (const workers of [1, 2]) {
      const error = await assessParallel({ graph: graphInput, rules, files, workers, ...SMALL }).catch((e: unknown) => e);
      expect(error, String(workers)).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues, String(workers)).toEqual(reference.issues);
    }
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
    const run = await scoreChunks({ graph: graphInput, rules, files: [] }, { threads: 2, chunks: [{ kind: 'whole', path: a }, { kind: 'range', path: b, start: 0, end: readFileSync(b).length }] }, timings);
    expect(JSON.stringify(run.result)).toBe(reference);
    for (const [step, ms] of Object.entries(timings)) expect(ms, step).toBeGreaterThanOrEqual(0);
    // the error planning the shards gave is thrown after the graph and rules are checked
    const planError = new Error('no such shard');
    await expect(scoreChunks({ graph: graphInput, rules, files: [] }, { error: planError })).rejects.toBe(planError);
    const wrongRules = await scoreChunks({ graph: graphInput, rules: { id: 'x' }, files: [] }, { error: planError }).catch((e: unknown) => e);
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
