// Merging partial states when records conflict across shards: the size's records are cut in two
// halves, and N records of the first half get a second version (a changed title) in the second,
// so that the merge, not a shard, finds the conflicts. Times absorbing each half's partial state
// into one session and finishing it, and checks that the result (findings included) is the one
// pass over the same records, byte for byte (SHA-256 of its JSON).
//
//   node --expose-gc --max-old-space-size=8000 --import tsx bench/merge-conflicts.ts M100k 1000
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { gathered } from '../src/core/json-chunks.js';
import { jsonChunks, openAssessment, parseGraph, readRecordsFile, withFindings, type AssessmentSession } from '../src/index.js';
import { ensureAssessment, SIZES } from './generate-assessment.js';

const size = process.argv[2] ?? 'M100k';
const known = SIZES[size];
if (!known) throw new Error(`unknown size ${size}: ${Object.keys(SIZES).join(', ')}`);
const wanted = Number(process.argv[3] ?? 1000);
const { files, meta } = await ensureAssessment(known);
const graph = parseGraph(JSON.parse(readFileSync(files.graph, 'utf8')));
const rules = JSON.parse(readFileSync(files.rules, 'utf8')) as unknown;
const open = (): AssessmentSession => openAssessment({ graph, rules, invalidRecords: 'skip' });

const first = open();
const second = open();
const half = meta.size.records / 2;
const revised: Record<string, unknown>[] = [];
let n = 0;
for await (const item of readRecordsFile(files.records)) {
  if (n++ >= half) {
    second.add(item);
    continue;
  }
  first.add(item);
  // Every seventh record of the first half, until there are enough.
  const value = (item as { kind: string; value?: unknown }).value as Record<string, unknown> | undefined;
  if (value && revised.length < wanted && n % 7 === 0) revised.push({ ...value, title: 'revised' });
}
for (const r of revised) second.add(r);
const partials = [first.snapshot(), second.snapshot()];

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
const t = performance.now();
const run = merged.finish();
const finishMs = Math.round(performance.now() - t);

const onePass = open();
for await (const item of readRecordsFile(files.records)) onePass.add(item);
for (const r of revised) onePass.add(r);
const merge = hashOf(run);
const one = hashOf(onePass.finish());
console.log(JSON.stringify({ size, conflicts: run.result.evidence.conflicts, absorbMs, finishMs, merged: merge, onePass: one, same: merge === one }));
