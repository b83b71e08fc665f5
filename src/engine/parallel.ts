import { open, stat, type FileHandle } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { freeBuffers } from '../core/free-buffers.js';
import { makeIssue, receivedOf, shiftLines, typeName, type Issue } from '../core/issue.js';
import type { Lang } from '../core/lang.js';
import { ValidationError } from '../core/validation-error.js';
import { checkOptions, LangOptionSchema } from '../core/options.js';
import { z } from 'zod';
import { toGraphInput } from '../graph/serialize.js';
import type { Graph } from '../graph/types.js';
import { isGraph } from '../graph/lookup.js';
import { openSession, type ScoredRun, type SessionInternals } from './assess.js';
import type { ScoreResult } from './result.js';
import { packedArrays, type PackedPartial } from './packed.js';
import { lineShiftOf, readChunk, readClaimedChunks, type ChunkRead, type HAND_OVER_SHARE, type ShardTask } from './shard-read.js';

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
  /** The pieces of the record files, in order. */
  readonly chunks: readonly ShardTask[];
  /** The index of the next piece not yet taken, shared by every thread of the run. */
  readonly next: Int32Array;
}

/** Options for {@link scoreFilesInParallel}. */
export interface ParallelInput {
  readonly graph: Graph | unknown;
  readonly rules: unknown;
  /**
   * Record files, read in this order: cut into pieces that the threads take one after another,
   * an NDJSON file at line starts, a JSON or CSV file only between files (it is read whole).
   */
  readonly files: readonly string[];
  readonly asOf?: string;
  readonly lang?: Lang;
  /**
   * Threads that read at once, at the most (default: the machine's available parallelism): this
   * thread and `workers - 1` worker threads. Fewer when the files are small (see `minShardBytes`).
   */
  readonly workers?: number;
  readonly invalidRecords?: 'error' | 'skip';
  /** The previous period's result, for comparison and repeat findings (read on this thread only). */
  readonly previous?: ScoreResult;
  /**
   * The least bytes for each thread (default {@link MIN_SHARD_BYTES}, 32 MiB): fewer threads than
   * `workers` rather than threads with less to read, since starting a worker (the engine loaded,
   * the graph parsed, the plan compiled on its thread) costs about what reading 100,000 records
   * does. Files of less than twice this in all start no thread.
   */
  readonly minShardBytes?: number;
  /**
   * The size of the pieces the threads take one at a time (default: the files in 32 pieces a
   * thread, each of 1 to 64 MiB). Smaller pieces balance the threads more finely: a thread that
   * starts late, or runs slower, takes fewer.
   */
  readonly chunkBytes?: number;
}

/**
 * The options of {@link scoreFilesInParallel} and `assessParallel`: {@link ParallelInput}, no other
 * name (`maxRecords` is not one: a run on files is as long as its files). `files`, `workers` and
 * the byte sizes are checked by {@link parallelOptionIssues}, whose messages name the values.
 */
export const ParallelOptionsSchema = z.strictObject({
  graph: z.unknown().optional(),
  rules: z.unknown().optional(),
  files: z.unknown().optional(),
  asOf: z.string().optional(),
  lang: LangOptionSchema.optional(),
  workers: z.unknown().optional(),
  invalidRecords: z.enum(['error', 'skip']).optional(),
  previous: z.unknown().optional(),
  minShardBytes: z.unknown().optional(),
  chunkBytes: z.unknown().optional(),
});

/** The most threads a run may ask for: far more than any machine's cores, few enough to start. */
export const MAX_WORKERS = 1024;

const NDJSON = new Set(['.ndjson', '.jsonl']);

/**
 * The first line start after byte `at` of an open file (just past the next newline), or its size;
 * `probe` is the buffer it reads into (64 KiB).
 */
async function lineStartAfter(handle: FileHandle, at: number, size: number, probe: Buffer): Promise<number> {
  // Lines are short: a small probe first, twice as long each time a line goes on past it.
  for (let from = at, length = 512; ; length = Math.min(probe.length, length * 2)) {
    const { bytesRead } = await handle.read(probe, 0, length, from);
    if (bytesRead === 0) return size;
    const nl = probe.subarray(0, bytesRead).indexOf(10);
    if (nl !== -1) return Math.min(from + nl + 1, size);
    from += bytesRead;
  }
}

/**
 * The most pieces one file is cut into, whatever the piece size asked: planning reads a little at
 * each cut, and each piece is read on its own.
 */
export const MAX_PIECES_A_FILE = 65_536;

/** The record files' pieces, and how many threads read them. */
export interface ChunkPlan {
  readonly chunks: readonly ShardTask[];
  readonly threads: number;
}

/**
 * Cuts record files into pieces of about `chunkBytes`, in file order: an NDJSON file into pieces
 * that each end at the line start after their first `chunkBytes` (no file into more than
 * {@link MAX_PIECES_A_FILE}), a file of another format, or of size 0, whole. Read in order, the
 * pieces give the records of one pass.
 *
 * @example
 * await planChunks(['2022.ndjson'], 8 * 1024 * 1024); // [{ kind: 'range', path: '2022.ndjson', start: 0, end: 8388699 }, …]
 */
export async function planChunks(files: readonly string[], chunkBytes: number): Promise<ShardTask[]> {
  return cutFiles(await sizesOf(files), chunkBytes);
}

/** Each file with its size as a regular file (undefined for one that is not, or cannot be looked at). */
async function sizesOf(files: readonly string[]): Promise<{ readonly path: string; readonly size: number | undefined }[]> {
  const sized = [];
  for (const path of files) sized.push({ path, size: await regularFileSize(path) });
  return sized;
}

/** {@link planChunks} on files whose sizes are known. */
async function cutFiles(files: readonly { readonly path: string; readonly size: number | undefined }[], chunkBytes: number): Promise<ShardTask[]> {
  const step = Math.max(1, Math.floor(chunkBytes));
  const chunks: ShardTask[] = [];
  for (const { path, size } of files) {
    // A file of another format, one whose size says nothing (empty, or a pipe or a /proc file
    // that has bytes all the same) and one that cannot be read is read whole: the reader reports
    // the last (`file-unreadable`), as one pass does.
    if (!NDJSON.has(extname(path).toLowerCase()) || size === undefined || size === 0) {
      chunks.push({ kind: 'whole', path, bytes: size ?? 0 });
      continue;
    }
    const starts = await lineStarts(path, size, Math.max(step, Math.ceil(size / MAX_PIECES_A_FILE)));
    if (starts === undefined) chunks.push({ kind: 'whole', path, bytes: size });
    else starts.forEach((start, i) => chunks.push({ kind: 'range', path, start, end: starts[i + 1] ?? size }));
  }
  return chunks;
}

/** A regular file's size, or undefined for a path that is not one or cannot be looked at. */
async function regularFileSize(path: string): Promise<number | undefined> {
  try {
    const stats = await stat(path);
    return stats.isFile() ? stats.size : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where the pieces of an NDJSON file start: 0, then the line start after each piece's first
 * `piece` bytes. Undefined if the file cannot be opened.
 */
async function lineStarts(path: string, size: number, piece: number): Promise<number[] | undefined> {
  const starts = [0];
  if (size <= piece) return starts;
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch {
    return undefined;
  }
  const probe = Buffer.alloc(64 * 1024);
  try {
    for (let cut = piece; cut < size; ) {
      const at = await lineStartAfter(handle, cut, size, probe);
      if (at >= size) break;
      starts.push(at);
      cut = at + piece;
    }
  } finally {
    await handle.close();
  }
  return starts;
}

/** Pieces a thread by default (see {@link ParallelInput.chunkBytes}). */
const CHUNKS_PER_THREAD = 32;
const MIB = 1024 * 1024;

/**
 * How many threads read the files and in what pieces: no more threads than `wanted`, nor than
 * leave each `minBytes`, nor than there are pieces (a thread with none to take would only cost its
 * start); one thread reads each file as one piece.
 *
 * @example
 * await planRun(['2022.ndjson'], 2, MIN_SHARD_BYTES); // { threads: 2, chunks: [64 pieces] } for a 276 MB file
 */
export async function planRun(files: readonly string[], wanted: number, minBytes: number, chunkBytes?: number): Promise<ChunkPlan> {
  const sized = await sizesOf(files);
  const total = sized.reduce((sum, { size }) => sum + (size ?? 0), 0);
  const threads = Math.max(1, Math.min(wanted, Math.floor(total / minBytes)));
  if (threads === 1) return { threads, chunks: await cutFiles(sized, Number.POSITIVE_INFINITY) };
  const size = chunkBytes ?? Math.min(64 * MIB, Math.max(MIB, total / (threads * CHUNKS_PER_THREAD)));
  const chunks = await cutFiles(sized, size);
  return { threads: Math.max(1, Math.min(threads, chunks.length)), chunks };
}

function startWorker(input: WorkerInput): Worker {
  const here = import.meta.url;
  // From the built package the worker sits beside this code (dist/worker.js or .cjs). From the
  // sources (tests, tsx) it is worker.ts: a small bootstrap registers the TypeScript loader in
  // the new thread first (workers do not inherit the parent's loaders).
  if (!here.endsWith('.ts')) return new Worker(new URL(here.endsWith('.cjs') ? './worker.cjs' : './worker.js', here), { workerData: input });
  const source = JSON.stringify(new URL('./worker.ts', here).href);
  // The loader as this module finds it: an evaluated worker would look for it from the current
  // directory, where a script run from elsewhere has none.
  // (Never reached from the built package, whose CommonJS form has no import.meta.resolve.)
  const loader = JSON.stringify(typeof import.meta.resolve === 'function' ? import.meta.resolve('tsx/esm/api') : 'tsx/esm/api');
  const bootstrap = `import(${loader}).then((tsx) => { tsx.register(); return import(${source}); });`;
  return new Worker(bootstrap, { eval: true, workerData: input });
}

/** What a worker sends back: its packed state and the pieces it read. */
export interface WorkerOutput {
  readonly packed: PackedPartial;
  readonly reads: readonly ChunkRead[];
}

function runWorker(input: WorkerInput, started: Worker[]): Promise<WorkerOutput> {
  const worker = startWorker(input);
  started.push(worker);
  // The worker has its own copy of the input (the graph's input form: 130 MB at a province): the
  // closures that wait for its answer keep only the language, not the input.
  return answerOf(worker, input.lang as Lang);
}

function answerOf(worker: Worker, lang: Lang): Promise<WorkerOutput> {
  return new Promise((resolve, reject) => {
    let answered = false;
    worker.once('message', (message: ({ ok: true } & WorkerOutput) | { ok: false; error: { name: string; message: string; issues?: unknown } }) => {
      answered = true;
      const settle = (): void => {
        if (message.ok) resolve({ packed: message.packed, reads: message.reads });
        else if (message.error.name === 'ValidationError' && Array.isArray(message.error.issues)) reject(new ValidationError('records', message.error.issues as never, lang));
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
 * The least bytes for each thread by default (see {@link ParallelInput.minShardBytes}): 32 MiB.
 *
 * @example
 * await assessParallel({ graph, rules, files, workers: 4, minShardBytes: 2 * MIN_SHARD_BYTES });
 */
export const MIN_SHARD_BYTES = 32 * 1024 * 1024;

/**
 * The problems every thread kept, in the order of one pass: by piece, each piece's in the order
 * read, a range's lines moved from its own start to its file's (the newlines of the file's
 * earlier pieces, whichever thread read them). The session keeps the first of them.
 */
function inFileOrder(chunks: readonly ShardTask[], threads: readonly { readonly reads: readonly ChunkRead[]; readonly issues: readonly Issue[] }[], lang: Lang): Issue[] {
  const byChunk = new Array<{ readonly read: ChunkRead; readonly issues: readonly Issue[] } | undefined>(chunks.length);
  for (const { reads, issues } of threads) for (const read of reads) byChunk[read.chunk] = { read, issues };
  const out: Issue[] = [];
  let base = 0;
  chunks.forEach((task, i) => {
    // A file's first piece (or a whole file) counts its lines from 1 already.
    if (task.kind === 'whole' || task.start === 0) base = 0;
    const entry = byChunk[i];
    if (entry === undefined) throw new Error(`zerenzhi: internal error: piece ${i} of the record files was not read`);
    const shift = base - lineShiftOf(task);
    for (let k = entry.read.issuesFrom; k < entry.read.issuesTo; k++) out.push(shiftLines(entry.issues[k] as Issue, shift, lang));
    base += entry.read.newlines;
  });
  return out;
}

/**
 * Merges the workers' states into this thread's session, which read the pieces `reads`: the
 * problems of every piece are put in the order of one pass and at their true lines, and each
 * state is merged without its own, which are among them. Each state's typed arrays are detached
 * once it is merged (their memory given back): the states are read once.
 *
 * @example
 * mergeThreads(internals, plan.chunks, reads, outputs, 'zh');
 */
export function mergeThreads(internals: Pick<SessionInternals, 'absorbPacked' | 'keptIssues' | 'replaceKeptIssues'>, chunks: readonly ShardTask[], reads: readonly ChunkRead[], done: readonly WorkerOutput[], lang: Lang): void {
  const ordered = inFileOrder(chunks, [{ reads, issues: internals.keptIssues() }, ...done.map((d) => ({ reads: d.reads, issues: d.packed.issues }))], lang);
  for (const { packed } of done) {
    internals.absorbPacked({ ...packed, issues: [] });
    // Merged: its arrays (at a province, hundreds of MB a worker) are given back now rather
    // than held through the evaluation, which may run no major collection.
    freeBuffers(packedArrays(packed));
  }
  internals.replaceKeptIssues(ordered);
}

/**
 * The threads a run asks for: `workers`, else the machine's available parallelism; one when
 * standard input (`-`) is among the files, since only this thread can read it (a worker's
 * standard input is empty).
 *
 * @example
 * threadsWanted({ graph, rules, files: ['-', 'b.ndjson'], workers: 4 }); // 1
 */
export function threadsWanted(input: Pick<ParallelInput, 'files' | 'workers'>): number {
  return input.files.includes('-') ? 1 : (input.workers ?? availableParallelism());
}

/**
 * Every problem with the options of a parallel run, each at its path: `files` a list of file
 * names, `workers` a whole number of at least 1, `minShardBytes` a number of at least 0 and
 * `chunkBytes` one above 0 (either may be `Infinity`). A `NaN` (say from `Number()` of an unset
 * variable) is refused rather than let through, where it would have cut the files without
 * putting the problems back at their true lines.
 *
 * @example
 * parallelOptionIssues({ graph, rules, files: ['a.ndjson'], workers: Number.NaN }, 'en')[0]?.path; // ['workers']
 */
export function parallelOptionIssues(input: ParallelInput, lang: Lang): Issue[] {
  const issues: Issue[] = [];
  const files: unknown = input.files;
  if (!Array.isArray(files)) issues.push(makeIssue('invalid-type', ['files'], { expected: 'array', received: typeName(files) }, lang));
  else {
    // An index loop, not forEach: a hole in a sparse list (`[, 'a.ndjson']`) is an element too.
    for (let i = 0; i < files.length; i++) {
      const file: unknown = files[i];
      if (typeof file !== 'string') issues.push(makeIssue('invalid-type', ['files', i], { expected: 'string', received: typeName(file) }, lang));
      else if (file === '') issues.push(makeIssue('empty-string', ['files', i], { field: 'files' }, lang));
    }
  }
  const workers: unknown = input.workers;
  if (workers !== undefined) {
    if (typeof workers !== 'number' || !Number.isInteger(workers)) issues.push(makeIssue('invalid-type', ['workers'], { expected: 'integer', received: receivedOf(workers) }, lang));
    else if (workers < 1) issues.push(makeIssue('too-small', ['workers'], { minimum: 1, inclusive: 1 }, lang));
    else if (workers > MAX_WORKERS) issues.push(makeIssue('too-big', ['workers'], { maximum: MAX_WORKERS, inclusive: 1 }, lang));
  }
  const bytes = (name: 'minShardBytes' | 'chunkBytes', inclusive: 0 | 1): void => {
    const value: unknown = input[name];
    if (value === undefined) return;
    if (typeof value !== 'number' || Number.isNaN(value)) issues.push(makeIssue('invalid-type', [name], { expected: 'number', received: receivedOf(value) }, lang));
    else if (inclusive === 1 ? value < 0 : value <= 0) issues.push(makeIssue('too-small', [name], { minimum: 0, inclusive }, lang));
  };
  bytes('minShardBytes', 1);
  bytes('chunkBytes', 0);
  return issues;
}

/**
 * Scores record files on several threads: the files are cut into pieces ({@link planRun}), and
 * this thread and each worker thread take the next piece not yet taken, into a session of their
 * own, until none is left; the workers' states are then merged into this one — the same result,
 * byte for byte, as one pass over all the files, with the records' problems in the same order
 * and at their true lines. Reading, parsing, validation and routing run in parallel; the merge
 * and the final evaluation run on this thread.
 *
 * Taking pieces rather than fixed shards keeps the threads busy to the end: a worker that starts
 * late (it loads the engine, builds the graph and compiles the plan on its thread, seconds at a
 * province) or runs slower takes fewer, and a worker stops a little before the end
 * ({@link HAND_OVER_SHARE}) to hand its state over while this thread reads the rest. A worker sends its state packed (record ids once,
 * everything else by slot, in typed arrays that are transferred rather than copied), not as the
 * JSON partial state, which costs as much to build, send and check as reading the records.
 * Workers start before this thread compiles its own plan, so that their start overlaps it. A
 * graph given parsed is neither parsed again here nor checked again on the workers. No thread
 * has less than `minShardBytes` to read on average: below that a worker's start costs more than
 * it saves. With `workers: 1`, or small files, no thread is started.
 *
 * @example
 * const run = await scoreFilesInParallel({ graph, rules, files: ['records.ndjson'], workers: 2 });
 */
export async function scoreFilesInParallel(input: ParallelInput, onProblems?: ProblemsSeen): Promise<ScoredRun> {
  checkOptions(ParallelOptionsSchema, input, (lang) => {
    const issues = parallelOptionIssues(input, lang);
    // Told at the end of the run: a wrong one would fail it after all the reading.
    if (onProblems !== undefined && typeof onProblems !== 'function') issues.push(makeIssue('invalid-type', ['onProblems'], { expected: 'function', received: typeName(onProblems) }, lang));
    return issues;
  }, { required: true });
  const workers = threadsWanted(input);
  const minShardBytes = Math.max(1, input.minShardBytes ?? MIN_SHARD_BYTES);
  // The pieces first, so that the workers can start before this thread's own setup. A file that
  // cannot be read is reported after the graph and rules are checked.
  let plan: ChunkPlan | { readonly error: unknown };
  try {
    plan = await planRun(input.files, workers, minShardBytes, input.chunkBytes);
  } catch (error) {
    plan = { error };
  }
  return scoreChunks(input, plan, undefined, onProblems);
}

/** The calling thread's session options. */
function sessionInput(input: ParallelInput, options: { readonly lang: Lang; readonly asOf?: string }): Parameters<typeof openSession>[0] {
  return {
    graph: input.graph,
    rules: input.rules,
    ...options,
    ...(input.invalidRecords !== undefined ? { invalidRecords: input.invalidRecords } : {}),
    ...(input.previous !== undefined ? { previous: input.previous } : {}),
  };
}

/** The files of a plan as one piece each, in order (a file given twice, twice). */
export function wholeFiles(chunks: readonly ShardTask[]): ShardTask[] {
  const out: ShardTask[] = [];
  for (const task of chunks) {
    const last = out[out.length - 1];
    // A range that does not start its file goes on the file's piece before it.
    if (task.kind === 'range' && task.start > 0 && last?.kind === 'range' && last.path === task.path && last.end === task.start) out[out.length - 1] = { ...last, end: task.end };
    else out.push(task);
  }
  return out;
}

/**
 * Told, once a run has finished, the records' problems it kept (the first 10,000, in the order
 * of one pass and at their true lines) and how many there were in all: for the command line,
 * which lists the records it skipped as a single pass lists them while it reads.
 */
export type ProblemsSeen = (kept: readonly Issue[], count: number) => void;

/** How long each step of a parallel run took on the calling thread, in ms (for benchmarks). */
export interface ParallelTimings {
  /** From the start to the end of this thread's reading (setup included). */
  own: number;
  /** Waiting for the workers after that (hashing the graph for the fingerprint meanwhile). */
  wait: number;
  /** Merging the workers' states and their problems. */
  merge: number;
  /** Settling the merge, evaluation, grades and the fingerprint. */
  finish: number;
}

/**
 * {@link scoreFilesInParallel} on a plan given (or the error planning gave). Internal:
 * `bench/subtree-shards.ts` gives each region's file as one piece, and reads the steps' times.
 *
 * @example
 * await scoreChunks({ graph, rules, files: [] }, { threads: 2, chunks: [{ kind: 'whole', path: 'a.ndjson' }, { kind: 'whole', path: 'b.ndjson' }] });
 */
export async function scoreChunks(input: ParallelInput, plan: ChunkPlan | { readonly error: unknown }, timings?: ParallelTimings, onProblems?: ProblemsSeen): Promise<ScoredRun> {
  const began = performance.now();
  const lang = input.lang ?? 'zh';
  const options = { lang, ...(input.asOf !== undefined ? { asOf: input.asOf } : {}) };
  const planError = 'error' in plan ? plan : undefined;
  const { chunks, threads } = 'error' in plan ? { chunks: [], threads: 1 } : plan;
  const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  // A worker's failure is not lost while this thread reads (the promise is awaited below).
  const started: Worker[] = [];
  const stopWorkers = (): Promise<unknown> => Promise.all(started.map((worker) => worker.terminate()));
  let outputs: Promise<WorkerOutput[]> = Promise.resolve([]);
  if (threads > 1) {
    const graphChecked = isGraph(input.graph);
    const graph = graphChecked ? toGraphInput(input.graph as Graph) : input.graph;
    outputs = Promise.all(Array.from({ length: threads - 1 }, () => runWorker({ graph, graphChecked, rules: input.rules, ...options, chunks, next }, started)));
    outputs.catch(() => undefined);
  }
  let internals: ReturnType<typeof openSession>;
  let reads: ChunkRead[];
  try {
    // Checks the graph (unless given parsed) and the rules here, whatever the workers do.
    internals = openSession(sessionInput(input, options));
    if (planError) throw planError.error;
    reads = await readClaimedChunks(internals, chunks, next, lang);
  } catch (error) {
    // The graph or rules are wrong, or a piece this thread took failed (a file that cannot be
    // read): the workers' work is of no use.
    await stopWorkers();
    throw error;
  }
  const read = performance.now();
  let done: WorkerOutput[];
  try {
    // While the workers finish their pieces, this thread hashes the graph for the fingerprint.
    if (threads > 1) internals.prepareFinish();
    done = await outputs;
  } catch (error) {
    // One worker failed (or this thread did): the others' work is of no use either.
    await stopWorkers();
    throw error;
  }
  const waited = performance.now();
  // Bytes that are not UTF-8 end one pass's read of their file, but only their piece's here: the
  // pieces after them were read all the same. A file that could not be read is reported by each
  // of its pieces here, once by one pass. Both rare, and not to be undone piece by piece: the
  // files are read again, one pass on this thread.
  if ([reads, ...done.map((d) => d.reads)].some((list) => list.some((r) => r.readAgain))) {
    internals = openSession(sessionInput(input, options));
    for (const task of wholeFiles(chunks)) await readChunk(internals.session, task, lang);
  } else if (threads > 1) mergeThreads(internals, chunks, reads, done, lang);
  // What is left of the workers' states (their ids, retained records) is not held through the
  // evaluation: `outputs` holds the same list.
  done.length = 0;
  const merged = performance.now();
  const run = internals.finishLast();
  onProblems?.(internals.keptIssues(), internals.issueCount());
  if (timings) Object.assign(timings, { own: read - began, wait: waited - read, merge: merged - waited, finish: performance.now() - merged });
  return run;
}
