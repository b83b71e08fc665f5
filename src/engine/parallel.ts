import { open, stat, type FileHandle } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { Lang } from '../core/lang.js';
import { ValidationError } from '../core/validation-error.js';
import { toGraphInput } from '../graph/serialize.js';
import type { Graph } from '../graph/types.js';
import { isGraph, openSession, type ScoredRun } from './assess.js';
import type { ScoreResult } from './result.js';
import type { PackedPartial } from './packed.js';
import { readShard, type ShardTask } from './shard-read.js';

export type { ShardTask };

/** What a worker is started with (plain data: it crosses the thread boundary). */
export interface WorkerInput {
  readonly graph: unknown;
  /**
   * The graph is the input form of one this engine parsed and checked (given parsed to
   * {@link scoreFilesInParallel}): the worker builds it without checking it again, which at a
   * province's million people is about two thirds of its setup.
   */
  readonly graphChecked: boolean;
  readonly rules: unknown;
  readonly asOf?: string;
  readonly lang: string;
  readonly tasks: readonly ShardTask[];
}

/** Options for {@link scoreFilesInParallel}. */
export interface ParallelInput {
  readonly graph: Graph | unknown;
  readonly rules: unknown;
  /**
   * Record files, read in this order: cut into consecutive shards of about equal size, an NDJSON
   * file at line starts, a JSON or CSV file only between files (it is read whole).
   */
  readonly files: readonly string[];
  readonly asOf?: string;
  readonly lang?: Lang;
  /**
   * Shards read at once, at the most (default: the machine's available parallelism): this thread
   * reads the first, and a worker thread each of the others. Fewer when the files are small (see
   * `minShardBytes`).
   */
  readonly workers?: number;
  readonly invalidRecords?: 'error' | 'skip';
  /** The previous period's result, for comparison and repeat findings (read on this thread only). */
  readonly previous?: ScoreResult;
  /**
   * The least bytes each shard gets (default {@link MIN_SHARD_BYTES}, 32 MiB): the files are cut
   * into fewer shards than `workers` rather than into smaller ones, since starting a worker (the
   * engine loaded, the graph parsed, the plan compiled on its thread) costs about what reading
   * 100,000 records does. Files of less than twice this in all start no thread.
   */
  readonly minShardBytes?: number;
}

const NDJSON = new Set(['.ndjson', '.jsonl']);

/** The first line start after byte `at` of an open file (just past the next newline), or its size. */
async function lineStartAfter(handle: FileHandle, at: number, size: number): Promise<number> {
  const probe = Buffer.alloc(64 * 1024);
  for (let from = at; ; ) {
    const { bytesRead } = await handle.read(probe, 0, probe.length, from);
    if (bytesRead === 0) return size;
    const nl = probe.subarray(0, bytesRead).indexOf(10);
    if (nl !== -1) return Math.min(from + nl + 1, size);
    from += bytesRead;
  }
}

/**
 * Splits record files into at most `wanted` shards, each a run of consecutive pieces in file
 * order: the files are taken as one sequence of bytes and cut into about equal parts, an NDJSON
 * file at the line start after a cut, a file of another format (read whole) at its nearer end. Read
 * in shard order, the shards give the records, and their problems, in the order of one pass.
 * There are fewer shards when each would get less than `minBytes`. The first shard, which the
 * calling thread reads while the workers start, is longer by `headStart` bytes, as long as the
 * others keep `minBytes`, and by one shard's share at the most.
 *
 * @example
 * await planShards(['2022.ndjson'], 2, MIN_SHARD_BYTES); // [[{ kind: 'range', … }], [{ kind: 'range', … }]]
 */
export async function planShards(files: readonly string[], wanted: number, minBytes: number, headStart = 0): Promise<ShardTask[][]> {
  const sizes: number[] = [];
  for (const path of files) sizes.push((await stat(path)).size);
  // Where each file starts among all the bytes, and how many there are.
  let total = 0;
  const bases = sizes.map((size) => (total += size) - size);
  const parts = Math.max(1, Math.min(wanted, Math.floor(total / minBytes)));
  const extra = parts > 1 ? Math.max(0, Math.min(headStart, total / parts, total - parts * minBytes)) : 0;
  const first = (total + extra * (parts - 1)) / parts;
  const ndjson = files.map((path) => NDJSON.has(extname(path).toLowerCase()));
  // Where to cut, as offsets into all the files' bytes one after another; a cut inside a file read
  // whole moves to its nearer end.
  const cuts = Array.from({ length: parts - 1 }, (_, i) => {
    const cut = Math.floor(first + ((total - first) * i) / Math.max(1, parts - 1));
    const f = bases.findIndex((b, j) => cut >= b && cut < b + (sizes[j] as number));
    if (f === -1 || ndjson[f]) return cut;
    const [b, size] = [bases[f] as number, sizes[f] as number];
    return cut - b < size / 2 ? b : b + size;
  });
  // Each piece with the offset it starts at among all the bytes.
  const pieces: { readonly task: ShardTask; readonly at: number }[] = [];
  for (const [f, path] of files.entries()) {
    const [base, size] = [bases[f] as number, sizes[f] as number];
    if (!ndjson[f]) pieces.push({ task: { kind: 'whole', path }, at: base });
    else if (size > 0) {
      const starts = [0];
      const inside = cuts.filter((c) => c > base && c < base + size);
      if (inside.length > 0) {
        const handle = await open(path, 'r');
        try {
          for (const c of inside) {
            const at = await lineStartAfter(handle, c - base, size);
            if (at > (starts[starts.length - 1] as number) && at < size) starts.push(at);
          }
        } finally {
          await handle.close();
        }
      }
      starts.forEach((start, i) => pieces.push({ task: { kind: 'range', path, start, end: starts[i + 1] ?? size }, at: base + start }));
    }
  }
  // A piece goes to the shard of the cuts before it; shards left empty (cuts inside one whole file) are dropped.
  const shards: ShardTask[][] = Array.from({ length: parts }, () => []);
  for (const { task, at } of pieces) shards[cuts.filter((c) => c <= at).length]?.push(task);
  const kept = shards.filter((shard) => shard.length > 0);
  return kept.length > 0 ? kept : [[]];
}

function startWorker(input: WorkerInput): Worker {
  const here = import.meta.url;
  // From the built package the worker sits beside this code (dist/worker.js or .cjs). From the
  // sources (tests, tsx) it is worker.ts: a small bootstrap registers the TypeScript loader in
  // the new thread first (workers do not inherit the parent's loaders).
  if (!here.endsWith('.ts')) return new Worker(new URL(here.endsWith('.cjs') ? './worker.cjs' : './worker.js', here), { workerData: input });
  const source = JSON.stringify(new URL('./worker.ts', here).href);
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${source}); });`;
  return new Worker(bootstrap, { eval: true, workerData: input });
}

function runWorker(input: WorkerInput, started: Worker[]): Promise<PackedPartial> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(input);
    started.push(worker);
    let answered = false;
    worker.once('message', (message: { ok: true; packed: PackedPartial } | { ok: false; error: { name: string; message: string; issues?: unknown } }) => {
      answered = true;
      const settle = (): void => {
        if (message.ok) resolve(message.packed);
        else if (message.error.name === 'ValidationError' && Array.isArray(message.error.issues)) reject(new ValidationError('records', message.error.issues as never, input.lang as Lang));
        else reject(new Error(message.error.message));
      };
      // The worker's heap (its whole accumulation) is let go before this thread merges what it
      // sent: the two are not held at once.
      worker.terminate().then(settle, settle);
    });
    worker.once('error', reject);
    // A worker that stops without a word (killed, or out of memory) must not leave the run waiting.
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`zerenzhi: a worker thread stopped (exit code ${code}) before sending its state`));
    });
  });
}

/**
 * The least bytes a shard gets by default (see {@link ParallelInput.minShardBytes}): 32 MiB.
 *
 * @example
 * await assessParallel({ graph, rules, files, workers: 4, minShardBytes: 2 * MIN_SHARD_BYTES });
 */
export const MIN_SHARD_BYTES = 32 * 1024 * 1024;

/**
 * How much more the calling thread reads than each worker: about what it reads while a worker
 * starts (loads the engine, parses the graph, compiles the plan), 1.5–2.5 s on the city-sized
 * benchmark (BENCHMARKS.md).
 */
export const HEAD_START_BYTES = 24 * 1024 * 1024;

/**
 * Scores record files on several threads: the files are cut into consecutive shards
 * ({@link planShards}); this thread reads the first shard into its own session while each worker
 * thread reads another into a session of its own, and the workers' states are then merged into
 * this one in shard order — the same result, byte for byte, as one pass over all the files, with
 * the records' problems in the same order. Reading, parsing, validation and routing run in
 * parallel; the merge and the final evaluation run on this thread.
 *
 * A worker sends its state packed (record ids once, everything else by slot, in typed arrays
 * that are transferred rather than copied), not as the JSON partial state, which costs as much
 * to build, send and check as reading the records. Workers start before this thread compiles
 * its own plan, so that their start overlaps it, and this thread's shard is the longer by what it
 * reads meanwhile. A graph given parsed is neither parsed again here nor checked again on the
 * workers. No shard is smaller than `minShardBytes`: below that a worker's start costs
 * more than it saves. With `workers: 1`, or small files, no thread is started.
 *
 * @example
 * const run = await scoreFilesInParallel({ graph, rules, files: ['records.ndjson'], workers: 2 });
 */
export async function scoreFilesInParallel(input: ParallelInput): Promise<ScoredRun> {
  const workers = Math.max(1, input.workers ?? availableParallelism());
  const minShardBytes = Math.max(1, input.minShardBytes ?? MIN_SHARD_BYTES);
  // The shards first, so that the workers can start before this thread's own setup. A file that
  // cannot be read is reported after the graph and rules are checked.
  let plan: ShardTask[][] | { readonly error: unknown };
  try {
    plan = await planShards(input.files, workers, minShardBytes, HEAD_START_BYTES);
  } catch (error) {
    plan = { error };
  }
  return scoreShards(input, plan);
}

/** How long each step of a parallel run took on the calling thread, in ms (for benchmarks). */
export interface ParallelTimings {
  /** From the start to the end of this thread's own shard (setup included). */
  own: number;
  /** Waiting for the workers after that (hashing the graph for the fingerprint meanwhile). */
  wait: number;
  /** Merging the workers' states. */
  merge: number;
  /** Settling the merge, evaluation, grades and the fingerprint. */
  finish: number;
}

/**
 * {@link scoreFilesInParallel} on shards given (or the error planning them gave): this thread reads
 * the first, a worker each of the others. Internal: `bench/subtree-shards.ts` gives one shard per
 * region's file to compare with the planned cut.
 *
 * @example
 * await scoreShards({ graph, rules, files: [] }, [[{ kind: 'whole', path: 'a.ndjson' }], [{ kind: 'whole', path: 'b.ndjson' }]]);
 */
export async function scoreShards(input: ParallelInput, plan: readonly (readonly ShardTask[])[] | { readonly error: unknown }, timings?: ParallelTimings): Promise<ScoredRun> {
  const began = performance.now();
  const lang = input.lang ?? 'zh';
  const options = { lang, ...(input.asOf !== undefined ? { asOf: input.asOf } : {}) };
  const planError = 'error' in plan ? plan : undefined;
  const [own = [], ...others] = 'error' in plan ? [[]] : plan;
  // A worker's failure is not lost while this thread reads (the promise is awaited below).
  const started: Worker[] = [];
  const stopWorkers = (): Promise<unknown> => Promise.all(started.map((worker) => worker.terminate()));
  let partials: Promise<PackedPartial[]> = Promise.resolve([]);
  if (others.length > 0) {
    const graphChecked = isGraph(input.graph);
    const graph = graphChecked ? toGraphInput(input.graph as Graph) : input.graph;
    partials = Promise.all(others.map((bucket) => runWorker({ graph, graphChecked, rules: input.rules, ...options, tasks: bucket }, started)));
    partials.catch(() => undefined);
  }
  let internals: ReturnType<typeof openSession>;
  try {
    // Checks the graph (unless given parsed) and the rules here, whatever the workers do.
    internals = openSession({
      graph: input.graph,
      rules: input.rules,
      ...options,
      ...(input.invalidRecords ? { invalidRecords: input.invalidRecords } : {}),
      ...(input.previous ? { previous: input.previous } : {}),
    });
    if (planError) throw planError.error;
    await readShard(internals.session, own, lang);
  } catch (error) {
    // The graph or rules are wrong, or this thread's shard failed (a file that cannot be read):
    // the workers' work is of no use.
    await stopWorkers();
    throw error;
  }
  const read = performance.now();
  let packed: PackedPartial[];
  try {
    // While the workers finish their shards, this thread hashes the graph for the fingerprint.
    if (others.length > 0) internals.prepareFinish();
    packed = await partials;
  } catch (error) {
    // One worker failed (or this thread did): the others' work is of no use either.
    await stopWorkers();
    throw error;
  }
  // Merged in shard order after this thread's own records: problems keep the order of one pass.
  const waited = performance.now();
  for (const state of packed) internals.absorbPacked(state);
  const merged = performance.now();
  const run = internals.finishLast();
  if (timings) Object.assign(timings, { own: read - began, wait: waited - read, merge: merged - waited, finish: performance.now() - merged });
  return run;
}
