// Reads pieces of the record files into a session, each thread of assessParallel taking the next
// piece not yet taken until none is left: whole files of any format, or byte ranges of NDJSON files
// cut at line starts. A range's lines are counted from its own start, and its newlines counted as
// it is read, so that the calling thread can put every problem back at its true line at the end
// (parallel.ts) without any thread reading a file's earlier bytes only to count them. Run by each
// worker thread (worker.ts) and by the calling thread.
import { createReadStream } from 'node:fs';
import type { Lang } from '../core/lang.js';
import { eachBatch } from '../evidence/batches.js';
import { readRecordsFile } from '../evidence/read-file.js';
import { readNdjson } from '../evidence/read-ndjson.js';
import type { SessionInternals } from './assess.js';

/** A piece of the record files: a byte range of an NDJSON file, or a whole file of any format. */
export type ShardTask = { readonly kind: 'range'; readonly path: string; readonly start: number; readonly end: number } | { readonly kind: 'whole'; readonly path: string };

/** What a thread read of one piece: which, its newlines, and the problems it kept from it. */
export interface ChunkRead {
  /** The piece's index in the plan. */
  readonly chunk: number;
  /** Newline bytes in a range (0 for a whole file): where the next range of the file starts counting. */
  readonly newlines: number;
  /** The thread's kept problems before and after reading it: the piece's are those in between. */
  readonly issuesFrom: number;
  readonly issuesTo: number;
}

async function* range(path: string, start: number, end: number, counted: { newlines: number }): AsyncGenerator<Buffer> {
  // [start, end) was cut at line starts; read exactly those bytes.
  if (end <= start) return;
  for await (const bytes of createReadStream(path, { start, end: end - 1 }) as AsyncIterable<Buffer>) {
    for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) counted.newlines++;
    yield bytes;
  }
}

/**
 * Adds every record of one piece to a session; a range's lines are numbered from its start.
 * Returns the newlines the range held (0 for a whole file).
 *
 * @example
 * await readChunk(session, { kind: 'whole', path: 'records.csv' }, 'zh'); // 0
 */
export async function readChunk(session: SessionInternals['session'], task: ShardTask, lang: Lang): Promise<number> {
  if (task.kind === 'whole') {
    for await (const batch of eachBatch(readRecordsFile(task.path, { lang }))) for (const item of batch) session.add(item);
    return 0;
  }
  const counted = { newlines: 0 };
  for await (const batch of eachBatch(readNdjson(range(task.path, task.start, task.end, counted), { file: task.path, lang }))) {
    for (const item of batch) session.add(item);
  }
  return counted.newlines;
}

/**
 * Reads piece `chunk` of the plan into a thread's session, noting what {@link ChunkRead} holds.
 *
 * @example
 * const read = await readChunkAt(internals, chunks, 0, 'zh');
 */
export async function readChunkAt(internals: Pick<SessionInternals, 'session' | 'keptIssueCount'>, chunks: readonly ShardTask[], chunk: number, lang: Lang): Promise<ChunkRead> {
  const issuesFrom = internals.keptIssueCount();
  const newlines = await readChunk(internals.session, chunks[chunk] as ShardTask, lang);
  return { chunk, newlines, issuesFrom, issuesTo: internals.keptIssueCount() };
}

/**
 * Takes the next piece not yet taken (`next`, shared by every thread of the run), reads it, and
 * again, until none is left. Each thread so takes pieces in the plan's order, and keeps its
 * problems in that order.
 *
 * @example
 * const reads = await readClaimedChunks(internals, chunks, new Int32Array(new SharedArrayBuffer(4)), 'zh');
 */
export async function readClaimedChunks(internals: Pick<SessionInternals, 'session' | 'keptIssueCount'>, chunks: readonly ShardTask[], next: Int32Array, lang: Lang): Promise<ChunkRead[]> {
  const reads: ChunkRead[] = [];
  for (let chunk = Atomics.add(next, 0, 1); chunk < chunks.length; chunk = Atomics.add(next, 0, 1)) reads.push(await readChunkAt(internals, chunks, chunk, lang));
  return reads;
}
