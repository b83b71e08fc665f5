// The worker side of assessParallel: reads pieces of the record files into its own session, the
// next one not yet taken each time, and sends back its packed state and what it read. Started by
// parallel.ts; never imported by the library.
import { parentPort, workerData } from 'node:worker_threads';
import type { Lang } from '../core/lang.js';
import { buildGraph } from '../graph/build.js';
import type { GraphInput } from '../model/graph.js';
import { openSession } from './assess.js';
import { packedTransfers } from './packed.js';
import type { WorkerInput } from './parallel.js';
import { HAND_OVER_SHARE, readClaimedChunks } from './shard-read.js';

/**
 * The worker's session. The graph's input form is let go once it is built: `workerData` would
 * otherwise hold it for the whole run (at a province, about 450 MB parsed, part of it shared with
 * the graph built from it).
 */
function openWorkerSession(input: WorkerInput, lang: Lang): ReturnType<typeof openSession> {
  const graph = input.graphChecked ? buildGraph(input.graph as GraphInput) : input.graph;
  const internals = openSession({ graph, rules: input.rules, lang, ...(input.asOf !== undefined ? { asOf: input.asOf } : {}) });
  (input as { graph: unknown }).graph = null;
  return internals;
}

async function run(input: WorkerInput): Promise<void> {
  const lang = input.lang as Lang;
  const internals = openWorkerSession(input, lang);
  const reads = await readClaimedChunks(internals, input.chunks, input.next, lang, HAND_OVER_SHARE);
  const packed = internals.packLast();
  parentPort?.postMessage({ ok: true, packed, reads }, packedTransfers(packed));
}

run(workerData as WorkerInput).catch((error: unknown) => {
  parentPort?.postMessage({ ok: false, error: error instanceof Error ? { name: error.name, message: error.message, issues: (error as { issues?: unknown }).issues } : String(error) });
});
