// The worker side of assessParallel: reads its share of the record files into its own session
// and sends back its packed state. Started by parallel.ts; never imported by the library.
import { parentPort, workerData } from 'node:worker_threads';
import type { Lang } from '../core/lang.js';
import { buildGraph } from '../graph/build.js';
import type { GraphInput } from '../model/graph.js';
import { openSession } from './assess.js';
import { packedTransfers } from './packed.js';
import type { WorkerInput } from './parallel.js';
import { readShard } from './shard-read.js';

async function run(input: WorkerInput): Promise<void> {
  const lang = input.lang as Lang;
  const graph = input.graphChecked ? buildGraph(input.graph as GraphInput) : input.graph;
  const { session, pack } = openSession({ graph, rules: input.rules, lang, ...(input.asOf !== undefined ? { asOf: input.asOf } : {}) });
  await readShard(session, input.tasks, lang);
  const packed = pack();
  parentPort?.postMessage({ ok: true, packed }, packedTransfers(packed));
}

run(workerData as WorkerInput).catch((error: unknown) => {
  parentPort?.postMessage({ ok: false, error: error instanceof Error ? { name: error.name, message: error.message, issues: (error as { issues?: unknown }).issues } : String(error) });
});
