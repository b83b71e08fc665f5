// The record pass alone, in process, on one generated size: times setup, the pass and finish,
// and prints a SHA-256 of the whole result's JSON, so that an optimisation of the engine can be
// checked to leave the output byte-identical. Not a benchmark of record (use bench/assess.ts).
//
//   node --expose-gc --import tsx bench/record-pass.ts M100k
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { proposeFindings } from '../src/accountability/propose.js';
import { performance } from 'node:perf_hooks';
import { jsonChunks, openAssessment, readRecordsFile } from '../src/index.js';
import { loadSize } from './inputs.js';

const { size, files, graph, rules } = await loadSize('M100k');
const ingestAt = process.argv.indexOf('--ingest');
if (ingestAt < 0) {
  const t0 = performance.now();
  const session = openAssessment({ graph, rules, invalidRecords: 'skip' });
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  for await (const item of readRecordsFile(files.records)) session.add(item);
  const t2 = performance.now();
  const passCpu = process.cpuUsage(c1);
  (globalThis as { gc?: () => void }).gc?.();
  const heap = process.memoryUsage().heapUsed;
  // --profile-finish FILE: a CPU profile of finish() alone (evaluation, grades, findings).
  const profileAt = process.argv.indexOf('--profile-finish');
  const inspector = profileAt > 0 ? new Session() : undefined;
  if (inspector) {
    inspector.connect();
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.start');
  }
  const run = session.finish();
  const result = { ...run.result, ...proposeFindings(run, undefined, run.result.lang) };
  if (inspector) {
    const { profile } = await inspector.post('Profiler.stop');
    writeFileSync(process.argv[profileAt + 1] as string, JSON.stringify(profile));
  }
  const t3 = performance.now();
  // In pieces: at L100k the result's JSON is longer than the longest string V8 can make.
  const hash = createHash('sha256');
  for (const piece of jsonChunks(result, { indent: 0 })) hash.update(piece);
  const digest = hash.digest('hex');
  console.log(JSON.stringify({ size, setupMs: Math.round(t1 - t0), passMs: Math.round(t2 - t1), passCpuMs: Math.round((passCpu.user + passCpu.system) / 1000), finishMs: Math.round(t3 - t2), findings: result.findings.length, heapAfterPassMB: Math.round(heap / 1e6), result: digest.slice(0, 16), fingerprint: result.fingerprint.slice(0, 16) }));
}

// --ingest N: parse the first N lines into memory, then time only `session.add` over them
// (validation, dedupe, routing, measures) in fresh sessions; the best of three.
if (ingestAt > 0) {
  const limit = Number(process.argv[ingestAt + 1] ?? 200_000);
  const values: unknown[] = [];
  for await (const item of readRecordsFile(files.records)) {
    if (item.kind === 'record') values.push(item.value);
    if (values.length >= limit) break;
  }
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const s = openAssessment({ graph, rules, invalidRecords: 'skip' });
    const start = performance.now();
    for (const value of values) s.add(value);
    times.push(performance.now() - start);
  }
  const best = Math.min(...times);
  console.log(JSON.stringify({ ingest: values.length, bestMs: Math.round(best), usPerRecord: +((best * 1000) / values.length).toFixed(2), runsMs: times.map(Math.round) }));
}
