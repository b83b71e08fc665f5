// Reads a shard's record files into a session: whole files of any format, or byte ranges of NDJSON
// files cut at line starts, with every line number made true to its file. Run by each worker
// thread of assessParallel (worker.ts) and by the calling thread for its own shard (parallel.ts).
import { createReadStream } from 'node:fs';
import { shiftLines } from '../core/issue.js';
import type { Lang } from '../core/lang.js';
import { eachBatch } from '../evidence/batches.js';
import { readRecordsFile } from '../evidence/read-file.js';
import { readNdjson } from '../evidence/read-ndjson.js';
import type { AssessmentSession } from './assess.js';

/** A piece of work for one shard: a byte range of an NDJSON file, or a whole file of another format. */
export type ShardTask = { readonly kind: 'range'; readonly path: string; readonly start: number; readonly end: number } | { readonly kind: 'whole'; readonly path: string };

/** Lines before a byte offset: where a range's first line sits in its file. */
async function linesBefore(path: string, offset: number): Promise<number> {
  if (offset === 0) return 0;
  let lines = 0;
  for await (const chunk of createReadStream(path, { end: offset - 1 }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  }
  return lines;
}

async function* range(path: string, start: number, end: number): AsyncGenerator<Buffer> {
  // [start, end) was cut at line starts; read exactly those bytes.
  if (end <= start) return;
  yield* createReadStream(path, { start, end: end - 1 }) as AsyncIterable<Buffer>;
}

/**
 * Adds every record of a shard's tasks to a session, in task order.
 *
 * @example
 * await readShard(session, [{ kind: 'whole', path: 'records.csv' }], 'zh');
 */
export async function readShard(session: AssessmentSession, tasks: readonly ShardTask[], lang: Lang): Promise<void> {
  for (const task of tasks) {
    if (task.kind === 'whole') {
      for await (const batch of eachBatch(readRecordsFile(task.path, { lang }))) for (const item of batch) session.add(item);
      continue;
    }
    const offset = await linesBefore(task.path, task.start);
    for await (const batch of eachBatch(readNdjson(range(task.path, task.start, task.end), { file: task.path, lang }))) {
      for (const item of batch) {
        if (item.kind === 'record') session.add(offset === 0 ? item : { ...item, line: item.line + offset });
        else session.add({ kind: 'issue', issue: shiftLines(item.issue, offset, lang) });
      }
    }
  }
}
