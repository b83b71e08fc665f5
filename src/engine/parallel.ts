import { open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Lang } from '../core/lang.js';
import { ValidationError } from '../core/validation-error.js';
import { toGraphInput } from '../graph/serialize.js';
import type { Graph } from '../graph/types.js';
import { openAssessment, type ScoredRun } from './assess.js';
import type { PartialState } from './partial.js';
import { trustPartial } from './partial-check.js';
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
}

const NDJSON = new Set(['.ndjson', '.jsonl']);

/** Cuts a file into `parts` byte ranges that start at line starts. */
async function cut(path: string, parts: number): Promise<ShardTask[]> {
  const { size } = await stat(path);
  const handle = await open(path, 'r');
  try {
    const starts = [0];
    const probe = Buffer.alloc(64 * 1024);
    for (let i = 1; i < parts; i++) {
      let at = Math.max(Math.floor((size * i) / parts), starts[starts.length - 1] as number);
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

function runWorker(input: WorkerInput, started: Worker[]): Promise<PartialState> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(input);
    started.push(worker);
    worker.once('message', (message: { ok: true; partial: PartialState } | { ok: false; error: { name: string; message: string; issues?: unknown } }) => {
      void worker.terminate();
      if (message.ok) {
        // made by this engine on one of its own threads: absorbing it need not check it again
        trustPartial(message.partial);
        resolve(message.partial);
      }
      else if (message.error.name === 'ValidationError' && Array.isArray(message.error.issues)) reject(new ValidationError('records', message.error.issues as never, input.lang as Lang));
      else reject(new Error(message.error.message));
    });
    worker.once('error', reject);
  });
}

/**
 * Scores record files on several threads: NDJSON files are cut into byte ranges (at line
 * starts); this thread reads the first shard into its own session while each worker thread reads
 * another into a session of its own, and the workers' partial states are then merged into this
 * one — the same result, byte for byte, as one pass over all the files. Reading, parsing,
 * validation and routing run in parallel; the merge and the final evaluation run on this thread.
 * With `workers: 1` no thread is started.
 *
 * @example
 * const run = await scoreFilesInParallel({ graph, rules, files: ['records.ndjson'], workers: 2 });
 */
export async function scoreFilesInParallel(input: ParallelInput): Promise<ScoredRun> {
  const workers = Math.max(1, input.workers ?? availableParallelism());
  const lang = input.lang ?? 'zh';
  const isGraph = typeof input.graph === 'object' && input.graph !== null && (input.graph as { organizations?: unknown }).organizations instanceof Map;
  const graph = isGraph ? toGraphInput(input.graph as Graph) : input.graph;
  // Validates graph and rules once, here, before any thread starts.
  const session = openAssessment({ graph, rules: input.rules, lang, ...(input.asOf !== undefined ? { asOf: input.asOf } : {}), ...(input.invalidRecords ? { invalidRecords: input.invalidRecords } : {}) });
  const tasks: ShardTask[] = [];
  for (const path of input.files) {
    if (NDJSON.has(extname(path).toLowerCase())) tasks.push(...(await cut(path, workers)));
    else tasks.push({ kind: 'whole', path });
  }
  const buckets: ShardTask[][] = Array.from({ length: Math.min(workers, Math.max(1, tasks.length)) }, () => []);
  tasks.forEach((task, i) => buckets[i % buckets.length]?.push(task));
  const base = { graph, rules: input.rules, lang, ...(input.asOf !== undefined ? { asOf: input.asOf } : {}) };
  const [own = [], ...others] = buckets;
  // The workers start first, so that their graph parsing overlaps this thread's reading; a
  // worker's failure is not lost while this thread reads (the promise is awaited below).
  const started: Worker[] = [];
  const partials = Promise.all(others.map((bucket) => runWorker({ ...base, tasks: bucket }, started)));
  partials.catch(() => undefined);
  try {
    await readShard(session, own, lang);
  } catch (error) {
    // This thread's shard failed (a file that cannot be read): the workers' work is of no use.
    await Promise.all(started.map((worker) => worker.terminate()));
    throw error;
  }
  // Merged in shard order after this thread's own records: problems keep the order of one pass.
  for (const partial of await partials) session.absorb(partial);
  return session.finish();
}
