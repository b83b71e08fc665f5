import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openSession, type SessionInternals } from '../../src/engine/assess.js';
import { mergeThreads, planChunks, planRun, scoreChunks } from '../../src/engine/parallel.js';
import { HAND_OVER_SHARE, readChunkAt, readClaimedChunks, type ChunkRead, type ShardTask } from '../../src/engine/shard-read.js';
import { assess, assessParallel, MIN_SHARD_BYTES, parseGraph, readNdjsonSync, scoreFilesInParallel, ValidationError, withFindings } from '../../src/index.js';

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

describe('planChunks and planRun', () => {
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
  const show = (chunks: readonly ShardTask[]) => chunks.map((t) => (t.kind === 'range' ? `${basename(t.path)} ${t.start}-${t.end}` : basename(t.path)));

  it('cuts an NDJSON file at the line start after every piece size', async () => {
    const path = file('a.ndjson', 100); // 999 bytes; lines start at 0, 10, 20 …
    // 250 → the line that holds byte 250 stays in the first piece: 260
    expect(show(await planChunks([path], 250))).toEqual(['a.ndjson 0-260', 'a.ndjson 260-510', 'a.ndjson 510-760', 'a.ndjson 760-999']);
    expect(show(await planChunks([path], 999))).toEqual(['a.ndjson 0-999']);
    expect(show(await planChunks([path], Number.POSITIVE_INFINITY))).toEqual(['a.ndjson 0-999']);
  });

  it('never splits a line nor makes an empty piece, whatever the sizes: the pieces are the file, in order', async () => {
    const path = join(dir, 'long.ndjson');
    const text = `${'x'.repeat(49)}\n${'y'.repeat(9)}\n${'z'.repeat(120)}\n${'w'.repeat(9)}\n`;
    writeFileSync(path, text);
    for (const step of [1, 7, 20, 50, 51, 60, 200]) {
      const chunks = await planChunks([path], step);
      const ranges = chunks.map((t) => (t.kind === 'range' ? [t.start, t.end] : [-1, -1]));
      expect(ranges[0]?.[0], String(step)).toBe(0);
      expect(ranges[ranges.length - 1]?.[1], String(step)).toBe(text.length);
      ranges.forEach(([from, to], i) => {
        expect(to, `${step}: piece ${i}`).toBeGreaterThan(from as number);
        if (i > 0) expect(from, `${step}: piece ${i}`).toBe(ranges[i - 1]?.[1]);
        expect(text[(from as number) - 1] ?? '\n', `${step}: piece ${i} starts a line`).toBe('\n');
      });
    }
  });

  it('takes several files in order: an empty NDJSON file gives no piece, a CSV or JSON file is one whole piece', async () => {
    const a = file('a.ndjson', 100);
    const b = whole('b.csv', 5000);
    const empty = file('e.ndjson', 0);
    const c = file('c.ndjson', 100);
    expect(show(await planChunks([a, b, empty, c], 500))).toEqual(['a.ndjson 0-510', 'a.ndjson 510-999', 'b.csv', 'c.ndjson 0-510', 'c.ndjson 510-999']);
    expect(await planChunks([], 500)).toEqual([]);
  });

  it('plans no more threads than wanted, nor than leave each its least bytes; one thread reads each file whole', async () => {
    const path = file('a.ndjson', 100);
    expect(await planRun([path], 4, 100, 250)).toEqual({ threads: 4, chunks: await planChunks([path], 250) });
    expect((await planRun([path], 4, 400, 250)).threads).toBe(2);
    expect(show((await planRun([path], 4, 999, 250)).chunks)).toEqual(['a.ndjson 0-999']);
    expect(await planRun([path], 4, 5000, 250)).toEqual({ threads: 1, chunks: [{ kind: 'range', path, start: 0, end: 999 }] });
    expect(await planRun([], 4, 100)).toEqual({ threads: 1, chunks: [] });
    // by default the example (far under twice the least bytes) starts no worker
    expect(MIN_SHARD_BYTES).toBe(32 * 1024 * 1024);
    expect(await planRun([recordsPath], 2, MIN_SHARD_BYTES)).toEqual({ threads: 1, chunks: [{ kind: 'range', path: recordsPath, start: 0, end: readFileSync(recordsPath).length }] });
  });

  it('by default cuts 32 pieces a thread, of 1 MiB at the least', async () => {
    // 314,600 lines of 10 bytes, the last without its newline: 3,145,999 bytes, lines at multiples of 10
    const path = join(dir, 'big.ndjson');
    writeFileSync(path, Array.from({ length: 314_600 }, () => 'aaaaaaaaa').join('\n'));
    const planned = await planRun([path], 2, 1);
    // 3,145,999 / 64 is under 1 MiB: pieces of 1 MiB (1,048,576), each to the next line start
    expect(planned.threads).toBe(2);
    expect(show(planned.chunks)).toEqual(['big.ndjson 0-1048580', 'big.ndjson 1048580-2097160', 'big.ndjson 2097160-3145730', 'big.ndjson 3145730-3145999']);
  });
});

describe('pieces read by several threads, in any assignment', () => {
  const lines = readFileSync(recordsPath, 'utf8').trimEnd().split('\n');
  const dir = mkdtempSync(join(tmpdir(), 'zrz-'));
  const broken = ['{"id": oops}', '[1, 2]', '{"id":"bad-date", "type": "theme-day", "organization": "br-office", "date": "2022-02-30"}'];
  const open = (lang: 'zh' | 'en') => openSession({ graph: parseGraph(graphInput), rules, lang });

  // Each thread reads the pieces given to it in the plan's order, as readClaimedChunks does; the
  // first is the calling thread, the others send packed states.
  it('merge to one pass over the files: the result, or the problems with their true lines and messages', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 0, max: lines.length - 1 }), { maxLength: 4 }),
        fc.integer({ min: 0, max: lines.length - 1 }),
        fc.integer({ min: 200, max: 40_000 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 200, maxLength: 200 }),
        fc.constantFrom('zh' as const, 'en' as const),
        async (bad, split, chunkBytes, owners, lang) => {
          const edited = [...lines];
          bad.forEach((at, i) => (edited[at] = broken[i % broken.length] as string));
          // one file, or the lines cut in two files at `split`
          const parts = split === 0 ? [edited] : [edited.slice(0, split), edited.slice(split)];
          const paths = parts.map((part, i) => {
            const path = join(dir, `r-${bad.join('-')}-${split}-${i}.ndjson`);
            writeFileSync(path, `${part.join('\n')}\n`);
            return path;
          });
          const chunks = await planChunks(paths, chunkBytes);
          const threads = [open(lang), open(lang), open(lang)];
          const reads = threads.map(() => [] as ChunkRead[]);
          for (let chunk = 0; chunk < chunks.length; chunk++) {
            const t = owners[chunk % owners.length] as number;
            reads[t]?.push(await readChunkAt(threads[t] as SessionInternals, chunks, chunk, lang));
          }
          const [own, ...others] = threads as [SessionInternals, ...SessionInternals[]];
          mergeThreads(own, chunks, reads[0] as ChunkRead[], others.map((w, i) => ({ packed: w.pack(), reads: reads[i + 1] as ChunkRead[] })), lang);
          const records = paths.flatMap((path) => [...readNdjsonSync(readFileSync(path, 'utf8'), { file: path, lang })]);
          const once = () => assess({ graph: parseGraph(graphInput), rules, lang, records });
          const merged = () => withFindings(own.finishLast());
          if (bad.length === 0) expect(JSON.stringify(merged())).toBe(JSON.stringify(once()));
          else expect((catching(merged) as ValidationError).issues).toEqual((catching(once) as ValidationError).issues);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  it('keeps the first problems of one pass when there are more than a session lists', async () => {
    // 10,050 lines that are not JSON: the session lists 10,000 and counts all
    const path = join(dir, 'many.ndjson');
    writeFileSync(path, `${Array.from({ length: 10_050 }, (_, i) => `{"n": ${i} oops}`).join('\n')}\n`);
    const chunks = await planChunks([path], 2_000);
    const [own, other] = [open('en'), open('en')];
    const reads: ChunkRead[][] = [[], []];
    // the other thread takes the early pieces, this one the later: order is put back at the end
    for (let chunk = 0; chunk < chunks.length; chunk++) {
      const t = chunk < chunks.length / 2 ? 1 : 0;
      reads[t]?.push(await readChunkAt([own, other][t] as SessionInternals, chunks, chunk, 'en'));
    }
    mergeThreads(own, chunks, reads[0] as ChunkRead[], [{ packed: other.pack(), reads: reads[1] as ChunkRead[] }], 'en');
    const issues = (catching(() => own.finishLast()) as ValidationError).issues;
    const reference = (catching(() => assess({ graph: parseGraph(graphInput), rules, lang: 'en', records: readNdjsonSync(readFileSync(path, 'utf8'), { file: path, lang: 'en' }) })) as ValidationError).issues;
    expect(issues).toEqual(reference);
    expect(issues.slice(0, 2).map((i) => i.line)).toEqual([1, 2]);
    expect(issues[9_999]?.line).toBe(10_000);
  }, 60_000);
});

function catching(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('readClaimedChunks', () => {
  it("a worker stops taking pieces once what is left is its hand-over's share of what it read; the calling thread reads the rest", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zrz-'));
    // 10 pieces of 1,000 bytes: each 100 lines of 10 bytes ('{"x":123}' and a newline)
    const path = join(dir, 'ten.ndjson');
    writeFileSync(path, `${Array.from({ length: 1000 }, () => '{"x":123}').join('\n')}\n`);
    const chunks = await planChunks([path], 999);
    expect(chunks.map((t) => (t.kind === 'range' ? t.end - t.start : 0))).toEqual(Array.from({ length: 10 }, () => 1000));
    const next = new Int32Array(new SharedArrayBuffer(4));
    const [worker, caller] = [openSession({ graph: parseGraph(graphInput), rules }), openSession({ graph: parseGraph(graphInput), rules })];
    // share 0.5: after k pieces, 10 − k left; it stops once 10 − k ≤ k / 2, at k = 7
    const taken = await readClaimedChunks(worker, chunks, next, 'zh', 0.5);
    expect(taken.map((r) => r.chunk)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(taken.map((r) => r.newlines)).toEqual(Array.from({ length: 7 }, () => 100));
    const rest = await readClaimedChunks(caller, chunks, next, 'zh');
    expect(rest.map((r) => r.chunk)).toEqual([7, 8, 9]);
    // a thread that stops early still takes one piece first, and the calling thread never stops early
    const again = new Int32Array(new SharedArrayBuffer(4));
    expect((await readClaimedChunks(openSession({ graph: parseGraph(graphInput), rules }), chunks, again, 'zh', 100)).map((r) => r.chunk)).toEqual([0]);
    expect(HAND_OVER_SHARE).toBeGreaterThan(0);
    expect(HAND_OVER_SHARE).toBeLessThan(0.5);
  });
});
