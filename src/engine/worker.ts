// The worker side of assessParallel: reads its share of the record files into its own session
// and sends back the partial state. Started by parallel.ts; never imported by the library.
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { readNdjson } from '../evidence/read-ndjson.js';
import { readRecordsFile } from '../evidence/read-file.js';
import { eachBatch } from '../evidence/batches.js';
import type { Lang } from '../core/lang.js';
import { openAssessment } from './assess.js';
import type { ShardTask, WorkerInput } from './parallel.js';

/** Lines before a byte offset: where a shard's first line sits in its file. */
async function linesBefore(path: string, offset: number): Promise<number> {
  if (offset === 0) return 0;
  let lines = 0;
  for await (const chunk of createReadStream(path, { end: offset - 1 }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  }
  return lines;
}

async function* range(path: string, start: number, end: number): AsyncGenerator<Buffer> {
  // [start, end) was cut at line starts by the main thread; read exactly those bytes.
  if (end <= start) return;
  yield* createReadStream(path, { start, end: end - 1 }) as AsyncIterable<Buffer>;
}

async function run(input: WorkerInput): Promise<void> {
  const session = openAssessment({ graph: input.graph, rules: input.rules, lang: input.lang as Lang, ...(input.asOf !== undefined ? { asOf: input.asOf } : {}) });
  for (const task of input.tasks as ShardTask[]) {
    if (task.kind === 'whole') {
      for await (const batch of eachBatch(readRecordsFile(task.path, { lang: input.lang as Lang }))) for (const item of batch) session.add(item);
      continue;
    }
    const offset = await linesBefore(task.path, task.start);
    for await (const batch of eachBatch(readNdjson(range(task.path, task.start, task.end), { file: task.path, lang: input.lang as Lang }))) {
      for (const item of batch) {
        if (item.kind === 'record') session.add(offset === 0 ? item : { ...item, line: item.line + offset });
        else session.add({ kind: 'issue', issue: item.issue.line === undefined ? item.issue : { ...item.issue, line: item.issue.line + offset } });
      }
    }
  }
  parentPort?.postMessage({ ok: true, partial: session.snapshot() });
}

run(workerData as WorkerInput).catch((error: unknown) => {
  parentPort?.postMessage({ ok: false, error: error instanceof Error ? { name: error.name, message: error.message, issues: (error as { issues?: unknown }).issues } : String(error) });
});
