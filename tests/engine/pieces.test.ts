// The pieces assessParallel reads on its threads, without starting any: how the files are cut,
// how a thread takes pieces, and how the problems of pieces read by several sessions in any
// assignment are put back in the order and at the lines of one pass. In process, so that
// mutation testing (which leaves out tests that start threads) covers parallel.ts and
// shard-read.ts too.
import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openSession, type SessionInternals } from '../../src/engine/assess.js';
import { MAX_PIECES_A_FILE, mergeThreads, planChunks, planRun, scoreChunks, wholeFiles } from '../../src/engine/parallel.js';
import { packedArrays } from '../../src/engine/packed.js';
import { HAND_OVER_SHARE, readChunkAt, readClaimedChunks, type ChunkRead, type ShardTask } from '../../src/engine/shard-read.js';
import { assess, MIN_SHARD_BYTES, parseGraph, readNdjsonSync, readRecordsFile, scoreFilesInParallel, ValidationError, withFindings } from '../../src/index.js';

const dir = new URL('../../examples/bureau-2022/', import.meta.url);
const graphInput = JSON.parse(readFileSync(new URL('graph.json', dir), 'utf8')) as unknown;
const rules = JSON.parse(readFileSync(new URL('rules.json', dir), 'utf8')) as unknown;
const recordsPath = new URL('records.ndjson', dir).pathname;

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
    // 250 → the line that holds byte 250 stays in the first piece: 260; then 260 + 250 → 520 …
    expect(show(await planChunks([path], 250))).toEqual(['a.ndjson 0-260', 'a.ndjson 260-520', 'a.ndjson 520-780', 'a.ndjson 780-999']);
    expect(show(await planChunks([path], 999))).toEqual(['a.ndjson 0-999']);
    expect(show(await planChunks([path], Number.POSITIVE_INFINITY))).toEqual(['a.ndjson 0-999']);
  });

  it('never splits a line nor makes an empty piece, whatever the sizes: the pieces are the file, in order', async () => {
    const path = join(dir, 'long.ndjson');
    const text = `${'x'.repeat(49)}\n${'y'.repeat(9)}\n${'z'.repeat(120)}\n${'w'.repeat(9)}\n`;
    // the same lines, the last without its newline: a cut inside it reads to the file's end
    const open = join(dir, 'open-end.ndjson');
    writeFileSync(open, text.trimEnd());
    expect(show(await planChunks([open], 185))).toEqual(['open-end.ndjson 0-190']);
    expect(show(await planChunks([open], 40))).toEqual(['open-end.ndjson 0-50', 'open-end.ndjson 50-181', 'open-end.ndjson 181-190']);
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

  it('takes several files in order: a CSV or JSON file, or one of size 0, is one whole piece', async () => {
    const a = file('a.ndjson', 100);
    const b = whole('b.csv', 5000);
    const empty = file('e.ndjson', 0);
    const c = file('c.ndjson', 100);
    expect(show(await planChunks([a, b, empty, c], 500))).toEqual(['a.ndjson 0-510', 'a.ndjson 510-999', 'b.csv', 'e.ndjson', 'c.ndjson 0-510', 'c.ndjson 510-999']);
    expect(await planChunks([], 500)).toEqual([]);
  });

  it.runIf(existsSync('/proc/self/status'))('an NDJSON file whose size says 0 but has lines (a pipe, a /proc file) is read whole, not skipped', async () => {
    // /proc files report size 0; linked as NDJSON, /proc/self/status is lines that are not JSON
    const link = join(mkdtempSync(join(tmpdir(), 'zrz-')), 'status.ndjson');
    symlinkSync('/proc/self/status', link);
    expect(await planChunks([link], 4096)).toEqual([{ kind: 'whole', path: link, bytes: 0 }]);
    const error = await scoreFilesInParallel({ graph: graphInput, rules, files: [link], workers: 1 }).catch((e: unknown) => e);
    expect((error as ValidationError).issues.length).toBeGreaterThan(5);
    expect((error as ValidationError).issues.every((i) => i.code === 'invalid-json' && i.file === link)).toBe(true);
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
    // 3,145,999 / 64 is under 1 MiB: pieces of 1 MiB (1,048,576) and to the next line start
    expect(planned.threads).toBe(2);
    expect(show(planned.chunks)).toEqual(['big.ndjson 0-1048580', 'big.ndjson 1048580-2097160', 'big.ndjson 2097160-3145740', 'big.ndjson 3145740-3145999']);
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
          const packs = others.map((w) => w.pack());
          mergeThreads(own, chunks, reads[0] as ChunkRead[], packs.map((packed, i) => ({ packed, reads: reads[i + 1] as ChunkRead[] })), lang);
          // Merged states are given back at once: every typed array of theirs is detached.
          expect(packs.flatMap(packedArrays).map((array) => array.byteLength)).toEqual(packs.flatMap(packedArrays).map(() => 0));
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

describe('pieces read by several threads, with a whole file among them', () => {
  it("a CSV file's problems keep their own lines between the NDJSON files' pieces", async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'zrz-'));
    const lines = readFileSync(recordsPath, 'utf8').trimEnd().split('\n');
    const first = lines.slice(0, 200);
    const last = lines.slice(200);
    first[150] = '{"id": oops}';
    last[40] = '[1]';
    const csv = readFileSync(new URL('records.csv', dir), 'utf8').split('\n');
    // the fourth record's date made impossible (row 5 of the file, after the header)
    csv[4] = (csv[4] as string).replace(/,2022-\d\d-\d\d,/, ',2022-02-30,');
    const paths = [join(tmp, 'a.ndjson'), join(tmp, 'b.csv'), join(tmp, 'c.ndjson')];
    writeFileSync(paths[0] as string, `${first.join('\n')}\n`);
    writeFileSync(paths[1] as string, csv.join('\n'));
    writeFileSync(paths[2] as string, `${last.join('\n')}\n`);
    const chunks = await planChunks(paths, 3000);
    expect(chunks.filter((t) => t.kind === 'whole')).toEqual([{ kind: 'whole', path: paths[1], bytes: readFileSync(paths[1] as string).length }]);
    // one pass: one thread, each file one piece
    const once = await scoreFilesInParallel({ graph: graphInput, rules, files: paths, workers: 1 }).catch((e: unknown) => e);
    const expected = (once as ValidationError).issues;
    expect(expected.map((i) => [i.code, i.file === undefined ? '' : basename(i.file), i.line])).toEqual([
      ['invalid-json', 'a.ndjson', 151],
      ['invalid-date', 'b.csv', 5],
      ['record-not-object', 'c.ndjson', 41],
    ]);
    // every other piece on the other thread, then the other way round
    for (const offset of [0, 1]) {
      const [own, other] = [openSession({ graph: parseGraph(graphInput), rules }), openSession({ graph: parseGraph(graphInput), rules })];
      const reads: ChunkRead[][] = [[], []];
      for (let chunk = 0; chunk < chunks.length; chunk++) {
        const t = (chunk + offset) % 2;
        reads[t]?.push(await readChunkAt([own, other][t] as SessionInternals, chunks, chunk, 'zh'));
      }
      mergeThreads(own, chunks, reads[0] as ChunkRead[], [{ packed: other.pack(), reads: reads[1] as ChunkRead[] }], 'zh');
      expect((catching(() => own.finishLast()) as ValidationError).issues, String(offset)).toEqual(expected);
    }
  });

  it('a piece no thread read is an internal error, not a silent gap', async () => {
    const chunks = await planChunks([recordsPath], 20_000);
    expect(chunks.length).toBeGreaterThan(2);
    const own = openSession({ graph: parseGraph(graphInput), rules });
    const reads = [await readChunkAt(own, chunks, 0, 'zh')];
    expect(() => mergeThreads(own, chunks, reads, [], 'zh')).toThrow(/internal error: piece 1 of the record files was not read/);
  });
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
    // at the boundary it stops: share 0.25, 10 − k ≤ k / 4 first holds at k = 8 (2,000 ≤ 2,000)
    const third = new Int32Array(new SharedArrayBuffer(4));
    expect((await readClaimedChunks(openSession({ graph: parseGraph(graphInput), rules }), chunks, third, 'zh', 0.25)).map((r) => r.chunk)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(HAND_OVER_SHARE).toBeGreaterThan(0);
    expect(HAND_OVER_SHARE).toBeLessThan(0.5);
  });

  it("a whole file counts its bytes as read: a worker that read it stops earlier", async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'zrz-'));
    const csv = join(tmp, 'first.csv');
    writeFileSync(csv, readFileSync(new URL('records.csv', dir)));
    const ndjson = join(tmp, 'ten.ndjson');
    writeFileSync(ndjson, `${Array.from({ length: 1000 }, () => '{"x":123}').join('\n')}\n`);
    const chunks = await planChunks([csv, ndjson], 999);
    const bytes = readFileSync(csv).length;
    expect(chunks[0]).toEqual({ kind: 'whole', path: csv, bytes });
    // share 0.5: after the CSV and k pieces of 1,000 bytes, 10,000 − 1,000k ≤ (bytes + 1,000k) / 2
    let k = 0;
    while (10_000 - 1000 * k > (bytes + 1000 * k) / 2) k++;
    expect(k).toBeLessThan(7); // fewer than without the CSV's bytes counted
    const taken = await readClaimedChunks(openSession({ graph: parseGraph(graphInput), rules }), chunks, new Int32Array(new SharedArrayBuffer(4)), 'zh', 0.5);
    expect(taken.map((r) => r.chunk)).toEqual(Array.from({ length: k + 1 }, (_, i) => i));
    expect(taken[0]?.newlines).toBe(0);
  });
});

describe('planChunks, bounded', () => {
  it('cuts a file into no more than MAX_PIECES_A_FILE pieces, however small the pieces asked, quickly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zrz-'));
    const path = join(dir, 'many.ndjson');
    // 100,000 lines of 10 bytes: pieces of 1 byte would be 100,000
    writeFileSync(path, `${Array.from({ length: 100_000 }, () => '{"x":123}').join('\n')}\n`);
    const chunks = await planChunks([path], 1);
    // at least ceil(1,000,000 / 65,536) = 16 bytes each, so to the end of the second line: 20
    expect(chunks.length).toBeLessThanOrEqual(MAX_PIECES_A_FILE);
    expect(chunks).toHaveLength(50_000);
    expect(chunks.every((t) => t.kind === 'range' && t.end - t.start === 20)).toBe(true);
    // a line longer than the first probes (512 bytes, then 1,024 …) is not cut
    const long = join(dir, 'long-line.ndjson');
    writeFileSync(long, `${'x'.repeat(5000)}\n${'y'.repeat(10)}\n`);
    expect((await planChunks([long], 10)).map((t) => (t.kind === 'range' ? [t.start, t.end] : []))).toEqual([[0, 5001], [5001, 5012]]);
  });
});

describe('planChunks and readChunk, odds and ends', () => {
  it.runIf(existsSync('/proc/self/fd'))('planning closes every file it opened', async () => {
    const open = (): number => readdirSync('/proc/self/fd').length;
    const before = open();
    for (let i = 0; i < 50; i++) await planChunks([recordsPath], 4096);
    expect(open()).toBeLessThanOrEqual(before + 2);
  });

  it("a whole file's own problems come in the session's language", async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'zrz-'));
    const path = join(tmp, 'broken.json');
    writeFileSync(path, '[{"id": "a"},\n oops]');
    const [task] = await planChunks([path], 4096);
    const own = openSession({ graph: parseGraph(graphInput), rules, lang: 'en' });
    await readChunkAt(own, [task as ShardTask], 0, 'en');
    const kept = own.keptIssues();
    const fromReader: string[] = [];
    for await (const item of readRecordsFile(path, { lang: 'en' })) if (item.kind === 'issue') fromReader.push(item.issue.message);
    expect(fromReader.length).toBeGreaterThan(0);
    expect(kept.map((i) => i.message)).toEqual(expect.arrayContaining(fromReader));
  });
});

describe('pieces that start inside a file read as one pass reads it', () => {
  const lines = readFileSync(recordsPath, 'utf8').trimEnd().split('\n');
  const open = () => openSession({ graph: parseGraph(graphInput), rules });

  it('a byte order mark at the start of a line that starts a piece is part of that line, as in one pass', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'zrz-'));
    const path = join(tmp, 'bom.ndjson');
    const edited = [...lines];
    edited[299] = `\uFEFF${edited[299] as string}`; // as `cat a.ndjson b.ndjson` leaves a second file's mark
    writeFileSync(path, `${edited.join('\n')}\n`);
    const once = (await scoreFilesInParallel({ graph: graphInput, rules, files: [path], workers: 1 }).catch((e: unknown) => e)) as ValidationError;
    expect(once.issues.map((i) => [i.code, i.line])).toEqual([['invalid-json', 300]]);
    // a cut right before line 300: its piece starts with the mark
    const at = Buffer.byteLength(`${edited.slice(0, 299).join('\n')}\n`);
    const chunks = await planChunks([path], at - 1);
    expect(chunks.some((t) => t.kind === 'range' && t.start === at)).toBe(true);
    const [own, other] = [open(), open()];
    const reads: ChunkRead[][] = [[], []];
    for (let chunk = 0; chunk < chunks.length; chunk++) reads[chunk % 2]?.push(await readChunkAt([own, other][chunk % 2] as SessionInternals, chunks, chunk, 'zh'));
    mergeThreads(own, chunks, reads[0] as ChunkRead[], [{ packed: other.pack(), reads: reads[1] as ChunkRead[] }], 'zh');
    expect((catching(() => own.finishLast()) as ValidationError).issues).toEqual(once.issues);
  });

  it('bytes that are not UTF-8 end the file there, as in one pass: the files are read again on one thread', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'zrz-'));
    const path = join(tmp, 'latin1.ndjson');
    const text = Buffer.from(`${lines.join('\n')}\n`);
    // line 200's first character made a lone 0xFF byte
    const at = Buffer.byteLength(`${lines.slice(0, 199).join('\n')}\n`) + 1;
    text[at] = 0xff;
    writeFileSync(path, text);
    const second = join(tmp, 'more.ndjson');
    writeFileSync(second, `${lines.slice(0, 50).join('\n')}\n`);
    const files = [path, second];
    for (const invalidRecords of ['skip', 'error'] as const) {
      const once = await scoreFilesInParallel({ graph: graphInput, rules, files, workers: 1, invalidRecords }).catch((e: unknown) => e);
      const chunks = await planChunks(files, 5000);
      expect(chunks.length).toBeGreaterThan(10);
      const timings = { own: 0, wait: 0, merge: 0, finish: 0 };
      const pieces = await scoreChunks({ graph: graphInput, rules, files, invalidRecords }, { threads: 1, chunks }, timings).catch((e: unknown) => e);
      if (invalidRecords === 'error') {
        expect((once as ValidationError).issues.map((i) => [i.code, i.file])).toEqual([['invalid-encoding', path]]);
        expect((pieces as ValidationError).issues).toEqual((once as ValidationError).issues);
      } else expect(JSON.stringify((pieces as { result: unknown }).result)).toBe(JSON.stringify((once as { result: unknown }).result));
    }
    expect(wholeFiles(await planChunks(files, 5000))).toEqual(await planChunks(files, Number.POSITIVE_INFINITY));
  });
});
