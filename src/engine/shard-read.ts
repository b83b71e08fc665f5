// Reads pieces of the record files into a session, each thread of assessParallel taking the next
// piece not yet taken until none is left: whole files of any format, or byte ranges of NDJSON files
// cut at line starts. A range's lines are counted from its own start, and its newlines counted as
// it is read, so that the calling thread can put every problem back at its true line at the end
// (parallel.ts) without any thread reading a file's earlier bytes only to count them. Run by each
// worker thread (worker.ts) and by the calling thread.
import { createReadStream } from 'node:fs';
import type { Lang } from '../core/lang.js';
import { eachBatch } from '../evidence/batches.js';
import { readRecordsFile, unreadableFileItem } from '../evidence/read-file.js';
import { readNdjson } from '../evidence/read-ndjson.js';
import type { ReaderItem } from '../evidence/reader-item.js';
import type { SessionInternals } from './assess.js';

/**
 * A piece of the record files: a byte range of an NDJSON file, or a whole file of any format
 * (with its size when it was planned).
 */
export type ShardTask = { readonly kind: 'range'; readonly path: string; readonly start: number; readonly end: number } | { readonly kind: 'whole'; readonly path: string; readonly bytes?: number };

/** A piece's size in bytes (a whole file's as planned, or 0). */
const pieceBytes = (task: ShardTask): number => (task.kind === 'range' ? task.end - task.start : task.bytes ?? 0);

/**
 * What a worker's hand-over costs, as a share of the time it spent reading: packing its state on
 * its thread, and the state crossing to the calling thread. Measured: 0.61 s after 4.7 s of
 * reading at M (0.13), 15 s after 79 s at L (0.19), on 2 cores (BENCHMARKS.md, "Thirteenth
 * session"). A worker stops taking pieces when what is left is about what the calling thread
 * reads meanwhile, so that the two finish together rather than the calling thread waiting.
 */
export const HAND_OVER_SHARE = 0.15;

/** What reading one piece found: the newlines of a range, and whether it ended at bytes that are not UTF-8. */
export interface PieceRead {
  /** Newline bytes in a range (0 for a whole file): where the next range of the file starts counting. */
  readonly newlines: number;
  /**
   * The piece's read ended where one pass's read of the whole file would end differently: the
   * range held bytes that are not UTF-8 (its read ended there, one pass would have ended the
   * whole file's), or its file could not be read (one pass reports that once, whatever the
   * pieces). The calling thread then reads the files again, in one pass.
   */
  readonly readAgain: boolean;
}

/** What a thread read of one piece: which, what reading it found, and the problems it kept from it. */
export interface ChunkRead extends PieceRead {
  /** The piece's index in the plan. */
  readonly chunk: number;
  /** The thread's kept problems before and after reading it: the piece's are those in between. */
  readonly issuesFrom: number;
  readonly issuesTo: number;
}

/**
 * The bytes of a range cut at line starts. One that does not start its file is read from the
 * newline before it, so that the reader sees what one pass sees there, the start of a line, not
 * the start of a text: a byte order mark at that line's start stays part of the line (a reader
 * drops one only at a text's start). The reader then counts that newline as an empty first line,
 * so the range's lines are numbered from 2 ({@link lineShiftOf}); it is not counted in `newlines`.
 */
async function* range(path: string, start: number, end: number, counted: { newlines: number }): AsyncGenerator<Buffer> {
  if (end <= start) return;
  let from = start > 0 ? 1 : 0;
  for await (const bytes of createReadStream(path, { start: start - from, end: end - 1 }) as AsyncIterable<Buffer>) {
    for (let i = bytes.indexOf(10, from); i !== -1; i = bytes.indexOf(10, i + 1)) counted.newlines++;
    from = 0;
    yield bytes;
  }
}

/**
 * How far the lines a piece's reader numbered are from the piece's own: 1 for a range that does
 * not start its file (see `range`), 0 otherwise.
 *
 * @example
 * lineShiftOf({ kind: 'range', path: 'a.ndjson', start: 0, end: 10 }); // 0
 */
export function lineShiftOf(task: ShardTask): number {
  return task.kind === 'range' && task.start > 0 ? 1 : 0;
}

/**
 * Adds every record of one piece to a session; a range's lines are numbered from its start
 * (plus {@link lineShiftOf}).
 *
 * @example
 * await readChunk(session, { kind: 'whole', path: 'records.csv' }, 'zh'); // { newlines: 0, readAgain: false }
 */
export async function readChunk(session: SessionInternals['session'], task: ShardTask, lang: Lang): Promise<PieceRead> {
  if (task.kind === 'whole') {
    for await (const batch of eachBatch(readRecordsFile(task.path, { lang }))) for (const item of batch) session.add(item);
    return { newlines: 0, readAgain: false };
  }
  const counted = { newlines: 0 };
  let last: ReaderItem | undefined;
  try {
    for await (const batch of eachBatch(readNdjson(range(task.path, task.start, task.end, counted), { file: task.path, lang }))) {
      for (const item of batch) session.add(item);
      last = batch[batch.length - 1] ?? last;
    }
  } catch (error) {
    // A file that cannot be opened or read (its permissions, or it went away after the plan was
    // made) is a problem with the file, reported as one pass reports it, not a failure of the
    // run: once, on the read again in one pass (each of its pieces reports it here).
    session.add(unreadableFileItem(error, task.path, { file: task.path, lang }));
    return { newlines: counted.newlines, readAgain: true };
  }
  // The reader ends at bytes that are not UTF-8, with that problem as its last item.
  return { newlines: counted.newlines, readAgain: last?.kind === 'issue' && last.issue.code === 'invalid-encoding' };
}

/**
 * Reads piece `chunk` of the plan into a thread's session, noting what {@link ChunkRead} holds.
 *
 * @example
 * const read = await readChunkAt(internals, chunks, 0, 'zh');
 */
export async function readChunkAt(internals: Pick<SessionInternals, 'session' | 'keptIssueCount'>, chunks: readonly ShardTask[], chunk: number, lang: Lang): Promise<ChunkRead> {
  const issuesFrom = internals.keptIssueCount();
  const { newlines, readAgain } = await readChunk(internals.session, chunks[chunk] as ShardTask, lang);
  return { chunk, newlines, readAgain, issuesFrom, issuesTo: internals.keptIssueCount() };
}

/**
 * Takes the next piece not yet taken (`next`, shared by every thread of the run), reads it, and
 * again, until none is left. Each thread so takes pieces in the plan's order, and keeps its
 * problems in that order. A worker (`handOverShare` above 0) stops earlier, once the bytes left
 * are at most that share of the bytes it read: it then hands its state over while the calling
 * thread, which never stops early, reads the rest.
 *
 * @example
 * const reads = await readClaimedChunks(internals, chunks, new Int32Array(new SharedArrayBuffer(4)), 'zh');
 */
export async function readClaimedChunks(internals: Pick<SessionInternals, 'session' | 'keptIssueCount'>, chunks: readonly ShardTask[], next: Int32Array, lang: Lang, handOverShare = 0): Promise<ChunkRead[]> {
  // The bytes from each piece to the last.
  const left = new Float64Array(chunks.length + 1);
  for (let i = chunks.length - 1; i >= 0; i--) left[i] = (left[i + 1] as number) + pieceBytes(chunks[i] as ShardTask);
  const reads: ChunkRead[] = [];
  let read = 0;
  for (;;) {
    if (handOverShare > 0 && read > 0 && (left[Math.min(Atomics.load(next, 0), chunks.length)] as number) <= handOverShare * read) break;
    const chunk = Atomics.add(next, 0, 1);
    if (chunk >= chunks.length) break;
    reads.push(await readChunkAt(internals, chunks, chunk, lang));
    read += pieceBytes(chunks[chunk] as ShardTask);
  }
  return reads;
}
