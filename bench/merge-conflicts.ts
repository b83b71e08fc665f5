// Merging partial states, with records that conflict across shards: the size's records are cut
// into K consecutive shards (`--shards`, default 2), and N records get a second version (a changed
// title) in the next shard, so that the merge, not a shard, finds the conflicts. Times absorbing
// each shard's partial state into one session and finishing it, and checks that the result
// (findings included) is the one pass over the same records, byte for byte (SHA-256 of its JSON).
//
//   node --expose-gc --max-old-space-size=8000 --import tsx bench/merge-conflicts.ts M100k 1000 [--shards K] [--then-add]
//
// --then-add: the second versions are not in any shard; they are added to the merging session
// after every partial state is absorbed (records of its own, conflicting with merged ones).
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { gathered } from '../src/core/json-chunks.js';
import { jsonChunks, openAssessment, readRecordsFile, withFindings, type AssessmentSession } from '../src/index.js';
import { loadSize } from './inputs.js';

const { size, files, meta, graph, rules } = await loadSize('M100k');
const wanted = Number(process.argv[3] ?? 1000);
const open = (): AssessmentSession => openAssessment({ graph, rules, invalidRecords: 'skip' });

const shardCount = process.argv.includes('--shards') ? Number(process.argv[process.argv.indexOf('--shards') + 1]) : 2;
const thenAdd = process.argv.includes('--then-add');
const shards = Array.from({ length: shardCount }, open);
const perShard = Math.ceil(meta.size.records / shardCount);
const revised: Record<string, unknown>[] = [];
let n = 0;
for await (const item of readRecordsFile(files.records)) {
  const k = Math.floor(n++ / perShard);
  (shards[k] as AssessmentSession).add(item);
  // Every seventh record, until there are enough, again in the next shard.
  const value = (item as { kind: string; value?: unknown }).value as Record<string, unknown> | undefined;
  if (value && revised.length < wanted && n % 7 === 0) {
    const again = { ...value, title: 'revised' };
    revised.push(again);
    if (!thenAdd) (shards[(k + 1) % shardCount] as AssessmentSession).add(again);
  }
}
const partials = shards.map((shard) => shard.snapshot());
shards.length = 0;
const hashOf = (run: ReturnType<AssessmentSession['finish']>): string => {
  const hash = createHash('sha256');
  for (const text of gathered(jsonChunks(withFindings(run), { indent: 0 }))) hash.update(text);
  return hash.digest('hex').slice(0, 16);
};
const merged = open();
const absorbMs = partials.map((partial) => {
  const t = performance.now();
  merged.absorb(partial);
  return Math.round(performance.now() - t);
});
const t0 = performance.now();
if (thenAdd) for (const r of revised) merged.add(r);
const addMs = Math.round(performance.now() - t0);
const t = performance.now();
const run = merged.finish();
const finishMs = Math.round(performance.now() - t);

// The same records in one pass (the order of the records does not matter to the result).
const onePass = open();
for await (const item of readRecordsFile(files.records)) onePass.add(item);
for (const r of revised) onePass.add(r);
const merge = hashOf(run);
const one = hashOf(onePass.finish());
console.log(JSON.stringify({ size, shards: shardCount, conflicts: run.result.evidence.conflicts, absorbMs, absorbTotalMs: absorbMs.reduce((a, b) => a + b, 0), ...(thenAdd ? { addMs } : {}), finishMs, merged: merge, onePass: one, same: merge === one }));
