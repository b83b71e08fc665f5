import { open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Lang } from '../core/lang.js';
import { ValidationError } from '../core/validation-error.js';
import { toGraphInput } from '../graph/serialize.js';
import type { Graph } from '../graph/types.js';
import { openSession, type ScoredRun } from './assess.js';
import type { PackedPartial } from './packed.js';
import { readShard, type ShardTask } from './shard-read.js';

export type { ShardTask };

/** What a worker is started with (plain data: it crosses the thread boundary). */
export interface WorkerInput {
  readonly graph: unknown;
  readonly rules: unknown;
  readonly asOf?: string;
  readonly lang: string;
  readonly tasks: readonly ShardTask[];
}

/** Options for {@link scoreFilesInParallel}. */
export interface ParallelInput {
  readonly graph: Graph | unknown;
  readonly rules: unknown;
  /** Record files: NDJSON files are split by byte ranges across the workers; JSON and CSV files go whole to one. */
  readonly files: readonly string[];
  readonly asOf?: string;
  readonly lang?: Lang;
  /**
   * Shards read at once (default: the machine's available parallelism): this thread reads one,
   * and `workers - 1` worker threads read the others.
   */
  readonly workers?: number;
  readonly invalidRecords?: 'error' | 'skip';
  /**
   * The least bytes of an NDJSON file each shard gets (default {@link MIN_SHARD_BYTES}, 32 MiB):
   * a file is cut into fewer shards than `workers` rather than into smaller ones, since starting
   * a worker (its own graph and plan) costs about what reading 100,000 records does.
   */
  readonly minShardBytes?: number;
}

const NDJSON = new Set(['.ndjson', '.jsonl']);

/**
 * Cuts a file into byte ranges that start at line starts: `wanted` of them, or fewer so that each
 * has about `minBytes`. The first range is longer than the others by `headStart` bytes (at most
 * the file's share of one range): the calling thread reads it while the workers are starting.
 */
export async function cutFile(path: string, wanted: number, minBytes: number, headStart = 0): Promise<ShardTask[]> {
  const { size } = await stat(path);
  const parts = Math.max(1, Math.min(wanted, Math.floor(size / minBytes)));
  const extra = parts > 1 ? Math.min(headStart, size / parts) : 0;
  const first = (size + extra * (parts - 1)) / parts;
  const handle = await open(path, 'r');
  try {
    const starts = [0];
    const probe = Buffer.alloc(64 * 1024);
    for (let i = 1; i < parts; i++) {
      let at = Math.max(Math.floor(first + ((size - first) * (i - 1)) / (parts - 1)), starts[starts.length - 1] as number);
      // Move to just after the next newline.
      for (;;) {
        const { bytesRead } = await handle.read(probe, 0, probe.length, at);
        if (bytesRead === 0) {
          at = size;
          break;
        }
        const nl = probe.subarray(0, bytesRead).indexOf(10);
        if (nl !== -1) {
          at += nl + 1;
          break;
        }
        at += bytesRead;
      }
      starts.push(Math.min(at, size));
    }
    starts.push(size);
    const tasks: ShardTask[] = [];
    for (let i = 0; i + 1 < starts.length; i++) tasks.push({ kind: 'range', path, start: starts[i] as number, end: starts[i + 1] as number });
    return tasks.filter((t) => t.kind === 'range' && t.end > t.start);
  } finally {
    await handle.close();
  }
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
    worker.once('message', (message: { ok: true; packed: PackedPartial } | { ok: false; error: { name: string; message: string; issues?: unknown } }) => {
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
  });
}

/** The smallest byte range an NDJSON file is cut into by default (see {@link ParallelInput.minShardBytes}). */
export const MIN_SHARD_BYTES = 32 * 1024 * 1024;

/**
 * How much more of the first NDJSON file the calling thread reads than each worker: about what it
 * reads while a worker starts (loads the engine, parses the graph, compiles the plan), measured
 * at 1.5–2.5 s on the city-sized benchmark (BENCHMARKS.md).
 */
const HEAD_START_BYTES = 24 * 1024 * 1024;

/**
 * Scores record files on several threads: NDJSON files are cut into byte ranges (at line
 * starts); this thread reads the first shard into its own session while each worker thread reads
 * another into a session of its own, and the workers' states are then merged into this one — the
 * same result, byte for byte, as one pass over all the files. Reading, parsing, validation and
 * routing run in parallel; the merge and the final evaluation run on this thread.
 *
 * A worker sends its state packed (record ids once, everything else by slot, in typed arrays
 * that are transferred rather than copied), not as the JSON partial state, which costs as much
 * to build, send and check as reading the records. Workers start before this thread compiles
 * its own plan, so that their start overlaps it. A file is cut into no more shards than it has
 * `minShardBytes`: below that a worker's start costs more than it saves. With `workers: 1`, or
 * one small file, no thread is started.
 *
 * @example
 * const run = await scoreFilesInParallel({ graph, rules, files: ['records.ndjson'], workers: 2 });
 */
export async function scoreFilesInParallel(input: ParallelInput): Promise<ScoredRun> {
  const workers = Math.max(1, input.workers ?? availableParallelism());
  const minShardBytes = Math.max(1, input.minShardBytes ?? MIN_SHARD_BYTES);
  const lang = input.lang ?? 'zh';
  const options = { lang, ...(input.asOf !== undefined ? { asOf: input.asOf } : {}) };
  // The shards first, so that the workers can start before this thread's own setup. A file that
  // cannot be cut is reported after the graph and rules are checked, as it was before.
  const tasks: ShardTask[] = [];
  let cutError: { readonly error: unknown } | undefined;
  try {
    let headStart = HEAD_START_BYTES;
    for (const path of input.files) {
      if (!NDJSON.has(extname(path).toLowerCase())) tasks.push({ kind: 'whole', path });
      else {
        tasks.push(...(await cutFile(path, workers, minShardBytes, headStart)));
        headStart = 0;
      }
    }
  } catch (error) {
    cutError = { error };
  }
  const buckets: ShardTask[][] = Array.from({ length: cutError ? 1 : Math.min(workers, Math.max(1, tasks.length)) }, () => []);
  tasks.forEach((task, i) => buckets[i % buckets.length]?.push(task));
  const [own = [], ...others] = buckets;
  // A worker's failure is not lost while this thread reads (the promise is awaited below).
  const started: Worker[] = [];
  const stopWorkers = (): Promise<unknown> => Promise.all(started.map((worker) => worker.terminate()));
  let partials: Promise<PackedPartial[]> = Promise.resolve([]);
  if (others.length > 0) {
    const isGraph = typeof input.graph === 'object' && input.graph !== null && (input.graph as { organizations?: unknown }).organizations instanceof Map;
    const graph = isGraph ? toGraphInput(input.graph as Graph) : input.graph;
    partials = Promise.all(others.map((bucket) => runWorker({ graph, rules: input.rules, ...options, tasks: bucket }, started)));
    partials.catch(() => undefined);
  }
  let internals: ReturnType<typeof openSession>;
  try {
    // Checks the graph (unless given parsed) and the rules here, whatever the workers do.
    internals = openSession({ graph: input.graph, rules: input.rules, ...options, ...(input.invalidRecords ? { invalidRecords: input.invalidRecords } : {}) });
    if (cutError) throw cutError.error;
    await readShard(internals.session, own, lang);
  } catch (error) {
    // The graph or rules are wrong, or this thread's shard failed (a file that cannot be read):
    // the workers' work is of no use.
    await stopWorkers();
    throw error;
  }
  // Merged in shard order after this thread's own records: problems keep the order of one pass.
  for (const packed of await partials) internals.absorbPacked(packed);
  return internals.finishLast();
}
