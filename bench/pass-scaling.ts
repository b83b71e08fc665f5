// The record pass in chunks: does a record cost more as the state grows? Streams one size's
// records into an assessment session (as bench/record-pass.ts does, invalid records skipped) and,
// every K records, prints what that chunk cost: wall and CPU time, µs per record, the part spent
// inside `session.add` (validation, dedupe, routing, measures; the rest is reading and parsing),
// garbage collection by kind (from 'gc' performance entries) and the heap and RSS at its end.
// Nothing is evaluated: the pass stops after N records or at the end of the file. --skip S reads
// (and parses) the first S lines without adding them, so that a later stretch of the file can be
// timed against an empty state as well as after everything before it.
//
//   node --expose-gc --max-old-space-size=16384 --import tsx bench/pass-scaling.ts L --records 5000000
//   node --expose-gc --max-old-space-size=16384 --import tsx bench/pass-scaling.ts M --every 200000
//   node --expose-gc --max-old-space-size=16384 --import tsx bench/pass-scaling.ts L --skip 3000000 --records 4000000 --every 500000
//
// Columns: records (lines read so far, skipped ones included), wall ms, cpu ms (user + system of
// every thread, so the GC's helper threads count), µs/rec (wall per record), add ms (wall inside session.add), gc ms (summed
// pause durations) split into minor (scavenges), major (mark-compact) and incr (incremental
// marking) with their counts, heap MB (heapUsed), rss MB. CPU time and GC pauses are both
// measured per chunk; the GC's concurrent marking on helper threads shows only in cpu ms.
import { constants, performance, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { openAssessment, readRecordsFile } from '../src/index.js';
import { loadSize } from './inputs.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(args[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive integer, got ${args[at + 1]}`);
  return value;
};
const limit = option('--records', Number.POSITIVE_INFINITY);
const every = option('--every', 1_000_000);
const skip = args.includes('--skip') ? option('--skip', 0) : 0;

const { size, files, meta, graph, rules } = await loadSize('M100k', args[0]);

// GC pauses by kind, for the chunk in progress. Entries arrive asynchronously; takeRecords() at
// the end of a chunk collects the ones still queued, so each pause lands in the chunk it ended in.
const KINDS = new Map([
  [constants.NODE_PERFORMANCE_GC_MINOR, 'minor'],
  [constants.NODE_PERFORMANCE_GC_MAJOR, 'major'],
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL, 'incr'],
  [constants.NODE_PERFORMANCE_GC_WEAKCB, 'weakcb'],
]);
const gcMs = new Map<string, number>();
const gcCount = new Map<string, number>();
const takeGc = (entries: readonly PerformanceEntry[]): void => {
  for (const entry of entries) {
    const kind = KINDS.get((entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? -1) ?? 'other';
    gcMs.set(kind, (gcMs.get(kind) ?? 0) + entry.duration);
    gcCount.set(kind, (gcCount.get(kind) ?? 0) + 1);
  }
};
const observer = new PerformanceObserver((list) => takeGc(list.getEntries()));
observer.observe({ entryTypes: ['gc'] });

const session = openAssessment({ graph, rules, invalidRecords: 'skip' });
const mb = (bytes: number): number => Math.round(bytes / 1e6);
const gcCell = (kind: string): string => `${Math.round(gcMs.get(kind) ?? 0)} (${gcCount.get(kind) ?? 0})`;
const header = ['records', 'wall ms', 'cpu ms', 'µs/rec', 'add ms', 'gc ms', 'minor ms (n)', 'major ms (n)', 'incr ms (n)', 'heap MB', 'rss MB'];
console.log(`# ${size}: ${meta.size.organizations} organizations, records file of ${meta.size.records} lines; skip ${skip}, stop after ${Number.isFinite(limit) ? limit : 'all'}, every ${every}; node ${process.version} ${process.execArgv.join(' ')}`);
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => '---:').join('|')}|`);

let read = 0;
let added = 0;
let inChunk = 0;
let addMs = 0;
let wall0 = performance.now();
let cpu0 = process.cpuUsage();
let totalWall0 = wall0;
let totalCpu0 = cpu0;
const report = (): void => {
  takeGc(observer.takeRecords());
  const wall = performance.now() - wall0;
  const cpu = process.cpuUsage(cpu0);
  const gcTotal = [...gcMs.values()].reduce((a, b) => a + b, 0);
  const { heapUsed, rss } = process.memoryUsage();
  const row = [read, Math.round(wall), Math.round((cpu.user + cpu.system) / 1000), ((wall * 1000) / inChunk).toFixed(1), Math.round(addMs), Math.round(gcTotal), gcCell('minor'), gcCell('major'), gcCell('incr'), mb(heapUsed), mb(rss)];
  console.log(`| ${row.join(' | ')} |`);
  inChunk = 0;
  addMs = 0;
  gcMs.clear();
  gcCount.clear();
  wall0 = performance.now();
  cpu0 = process.cpuUsage();
};

for await (const item of readRecordsFile(files.records)) {
  if (read < skip) {
    read++;
    if (read === skip) {
      console.log(`# skipped ${skip} lines in ${Math.round(performance.now() - wall0)} ms`);
      takeGc(observer.takeRecords());
      gcMs.clear();
      gcCount.clear();
      totalWall0 = wall0 = performance.now();
      totalCpu0 = cpu0 = process.cpuUsage();
    }
    continue;
  }
  const start = performance.now();
  session.add(item);
  addMs += performance.now() - start;
  read++;
  added++;
  inChunk++;
  if (inChunk === every) report();
  if (read >= limit) break;
}
if (inChunk > 0) report();
const totalWall = performance.now() - totalWall0;
const totalCpu = process.cpuUsage(totalCpu0);
console.log(`# pass: ${added} records added in ${Math.round(totalWall)} ms wall, ${Math.round((totalCpu.user + totalCpu.system) / 1000)} ms CPU, ${((totalWall * 1000) / added).toFixed(1)} µs per record`);
observer.disconnect();
const gc = (globalThis as { gc?: () => void }).gc;
if (gc) {
  gc();
  const heapUsed = process.memoryUsage().heapUsed;
  // Read the session after the collection, so that it is still live during it.
  if (typeof session.finish !== 'function') throw new Error('no session');
  console.log(`# heap after a full collection: ${mb(heapUsed)} MB`);
}
