// Does sharding by subtree make threads pay? BENCHMARKS.md ("What would fix it", item 6) long said
// so: with each worker given whole subtrees, few lines would need merging. This script tests it.
// It writes the size's records again as K region files, each the records of a set of whole
// subtrees under the root (balanced by record count; a record with no organization goes by its
// person's first post, and one that maps nowhere goes to the first region), and times in turn,
// on K threads:
//
//   pieces   assessParallel's own plan: the one records file cut into pieces the threads take
//            one after another (--chunk-mb 2,8: once for each piece size, in MiB);
//   regions  each region file one piece (the calling thread takes the first, the first thread
//            free the next: with 2 regions, a worker reads the second unless this thread is
//            done with the first before the worker starts).
//
// Each run prints the calling thread's steps (its own reading, waiting for the workers, the
// merge, the finish) and a SHA-256 of the result: all must be the same bytes.
//
//   node --expose-gc --import tsx bench/subtree-shards.ts M [--runs 2] [--regions 2]
//        [--chunk-mb 2,8] [--no-regions]
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync, renameSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { once } from 'node:events';
import { MIN_SHARD_BYTES, planRun, scoreChunks, type ChunkPlan, type ParallelTimings } from '../src/engine/parallel.js';
import { jsonChunks } from '../src/index.js';
import { gc, loadSize, median } from './inputs.js';
import { forEachLine } from './peer-json-rules-engine.js';

const { size, files, graph, rules } = await loadSize('M');
const option = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const runs = option('--runs', 2);
const regions = option('--regions', Math.min(2, availableParallelism()));
// --chunk-mb MB,MB…: the pieces way once for each piece size (default: the engine's own).
const chunkAt = process.argv.indexOf('--chunk-mb');
const chunkSizes: (number | undefined)[] = chunkAt > 0 ? (process.argv[chunkAt + 1] as string).split(',').map((mb) => Number(mb) * 1024 * 1024) : [undefined];

interface GraphFile {
  readonly organizations: readonly { readonly id: string; readonly parent?: string }[];
  readonly posts?: readonly { readonly person: string; readonly organization: string }[];
}
const document = JSON.parse(readFileSync(files.graph, 'utf8')) as GraphFile;
const parentOf = new Map(document.organizations.map((o) => [o.id, o.parent]));
const personOrganization = new Map<string, string>();
for (const post of document.posts ?? []) if (!personOrganization.has(post.person)) personOrganization.set(post.person, post.organization);

/** The subtree under the root an organization belongs to (the root itself and unknown ones: ''). */
const topCache = new Map<string, string>();
function topOf(organization: string | undefined): string {
  if (organization === undefined || !parentOf.has(organization)) return '';
  const known = topCache.get(organization);
  if (known !== undefined) return known;
  let at = organization;
  for (let up = parentOf.get(at); up !== undefined && parentOf.get(up) !== undefined; up = parentOf.get(at)) at = up;
  const top = parentOf.get(at) === undefined ? '' : at;
  topCache.set(organization, top);
  return top;
}
const topOfLine = (line: string): string => {
  const record = JSON.parse(line) as { organization?: string; person?: string };
  return topOf(record.organization ?? (record.person === undefined ? undefined : personOrganization.get(record.person)));
};

const base = files.records.replace(/\.records\.ndjson$/, '');
const regionFiles = Array.from({ length: regions }, (_, k) => `${base}.region-${k + 1}of${regions}.ndjson`);
if (!regionFiles.every((path) => existsSync(path))) {
  // Records per subtree, then the subtrees dealt out largest first to the region with fewest records.
  const perTop = new Map<string, number>();
  await forEachLine(files.records, Number.POSITIVE_INFINITY, (line) => {
    const top = topOfLine(line);
    perTop.set(top, (perTop.get(top) ?? 0) + 1);
  });
  const load = new Array<number>(regions).fill(0);
  const regionOf = new Map<string, number>();
  for (const [top, count] of [...perTop].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
    const k = top === '' ? 0 : load.indexOf(Math.min(...load));
    regionOf.set(top, k);
    load[k] = (load[k] as number) + count;
  }
  const outs = regionFiles.map((path) => createWriteStream(`${path}.tmp`));
  await forEachLine(files.records, Number.POSITIVE_INFINITY, async (line) => {
    const out = outs[regionOf.get(topOfLine(line)) ?? 0] as ReturnType<typeof createWriteStream>;
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  });
  await Promise.all(outs.map((out) => new Promise((resolve) => out.end(resolve))));
  regionFiles.forEach((path) => renameSync(`${path}.tmp`, path));
  console.log(`wrote ${regions} region files: ${load.map((n) => n.toLocaleString('en-US')).join(' / ')} records`);
}

const input = { graph, rules, files: [files.records], workers: regions };
const ways: Record<string, () => Promise<ChunkPlan> | ChunkPlan> = Object.fromEntries(
  chunkSizes.map((bytes) => [bytes === undefined ? 'pieces' : `pieces of ${bytes / 1024 / 1024} MiB`, () => planRun([files.records], regions, MIN_SHARD_BYTES, bytes)]),
);
if (!process.argv.includes('--no-regions')) ways.regions = () => ({ threads: regions, chunks: regionFiles.map((path) => ({ kind: 'whole' as const, path })) });
const table = new Map<string, ParallelTimings[]>();
const walls = new Map<string, number[]>();
const hashes = new Set<string>();
for (let run = 0; run < runs; run++) {
  for (const [way, plan] of Object.entries(ways)) {
    gc();
    const timings: ParallelTimings = { own: 0, wait: 0, merge: 0, finish: 0 };
    const start = performance.now();
    const planned = await plan();
    const scored = await scoreChunks(input, planned, timings);
    const wall = performance.now() - start;
    const hash = createHash('sha256');
    for (const piece of jsonChunks(scored.result, { indent: 0 })) hash.update(piece);
    const digest = hash.digest('hex').slice(0, 16);
    hashes.add(digest);
    table.set(way, [...(table.get(way) ?? []), timings]);
    walls.set(way, [...(walls.get(way) ?? []), wall]);
    const pieceMB = planned.chunks.map((t) => (t.kind === 'range' ? t.end - t.start : statSync(t.path).size) / 1e6);
    console.log(JSON.stringify({ size, run: run + 1, way, pieces: pieceMB.length, largestMB: Math.round(Math.max(...pieceMB)), wallMs: Math.round(wall), ...Object.fromEntries(Object.entries(timings).map(([k, v]) => [`${k}Ms`, Math.round(v)])), result: digest }));
  }
}
const mid = (way: string, step: keyof ParallelTimings): number => Math.round(median((table.get(way) ?? []).map((t) => t[step])));
for (const way of Object.keys(ways)) console.log(`${way}: wall ${Math.round(median(walls.get(way) ?? []))} ms (median); own ${mid(way, 'own')}, wait ${mid(way, 'wait')}, merge ${mid(way, 'merge')}, finish ${mid(way, 'finish')}`);
console.log(hashes.size === 1 ? 'the same result, byte for byte, every way and run' : `RESULTS DIFFER: ${[...hashes].join(' ')}`);
if (hashes.size !== 1) process.exitCode = 1;
