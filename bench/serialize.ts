// Writing a result and hashing the graph: the median time of `fingerprintOf` on one size's graph
// (afresh, and again for a graph whose hash is kept) and of `jsonChunks` over its whole result
// (indented, as the CLI writes it, and not), with a SHA-256 of each text, so that two commits can
// be timed against each other and checked to give the same bytes. Not a benchmark of record
// (bench/assess.ts is): run it in two worktrees, in turn.
//
//   node --expose-gc --max-old-space-size=12000 --import tsx bench/serialize.ts M100k [--runs 3] [--no-result]
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { proposeFindings } from '../src/accountability/propose.js';
import { gathered } from '../src/core/json-chunks.js';
import { fingerprintOf } from '../src/engine/fingerprint.js';
import { parseRuleSet } from '../src/engine/parse-rules.js';
import { jsonChunks, openAssessment, parseGraph, readRecordsFile } from '../src/index.js';
import { gc, loadSize, median } from './inputs.js';

const { size, files, graph, rules: rulesInput } = await loadSize('M100k');
const runsAt = process.argv.indexOf('--runs');
const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 3;
const rules = parseRuleSet(rulesInput);


/** Median wall time of `work` over the runs, after a full collection each, and what it gave. */
function timed(work: () => string): { ms: number; out: string } {
  const times: number[] = [];
  let out = '';
  for (let i = 0; i < runs; i++) {
    gc();
    const t = performance.now();
    out = work();
    times.push(performance.now() - t);
  }
  return { ms: Math.round(median(times)), out };
}

const hashed = (pieces: Iterable<string>): string => {
  const hash = createHash('sha256');
  for (const text of gathered(pieces)) hash.update(text);
  return hash.digest('hex').slice(0, 16);
};

const report: Record<string, unknown> = { size, runs };
// A copy of the graph is not one parseGraph built: its hash is never kept, each run starts afresh.
const fingerprintOfGraph = (g: typeof graph): string => fingerprintOf({ graph: g, rules, recordsDigest: '0'.repeat(64), asOf: null, lang: 'zh', previous: null });
const fingerprint = timed(() => fingerprintOfGraph({ ...graph }));
report['fingerprintMs'] = fingerprint.ms;
report['fingerprint'] = fingerprint.out.slice(0, 23);
// The built graph, after one fingerprint: what a session finished again, or a graph assessed again, pays.
fingerprintOfGraph(graph);
const again = timed(() => fingerprintOfGraph(graph));
if (again.out !== fingerprint.out) throw new Error('the fingerprint of the built graph differs from its copy');
report['fingerprintAgainMs'] = again.ms;
if (!process.argv.includes('--no-result')) {
  const session = openAssessment({ graph, rules: rulesInput, invalidRecords: 'skip' });
  for await (const item of readRecordsFile(files.records)) session.add(item);
  const run = session.finish();
  const result = { ...run.result, ...proposeFindings(run, undefined, run.result.lang) };
  const indented = timed(() => hashed(jsonChunks(result)));
  const flat = timed(() => hashed(jsonChunks(result, { indent: 0 })));
  Object.assign(report, { jsonIndentedMs: indented.ms, jsonIndented: indented.out, jsonMs: flat.ms, json: flat.out });
}
console.log(JSON.stringify(report));
