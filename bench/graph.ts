// Benchmark of the graph pipeline on synthetic province-sized inputs (see generate-graph.ts).
//
// For each size it measures, side by side in one process:
//   floor     JSON.stringify + JSON.parse of the input document: the cost of merely touching it
//   parse     parseGraph(input): validation (zod per element, cross references) and indexing
//   coverage  coverage(graph) with the default options
//   chainOf   chainOf(graph, id) for 10,000 organizations picked at random (seeded)
// and prints Markdown tables: median wall time, each phase's ratio to the floor, and how each
// phase scales between sizes (time at k× input / time at 1×: linear is ≈ k).
//
// Usage:
//   npx tsx bench/graph.ts                                    10k and 100k organizations
//   npx tsx bench/graph.ts --full                             adds 300k organizations / 3M posts
//   node --expose-gc --import tsx bench/graph.ts [--full]     collects garbage between phases
//   node --expose-gc --max-old-space-size=8192 --import tsx bench/graph.ts --full
// The 300k size needs a heap above node's default (~4 GB on this machine): at the default limit the
// collector thrashes and every phase, even the fixed-size chainOf, slows down several times.
// A report, not a test: nothing here asserts on time.
import os from 'node:os';
import v8 from 'node:v8';
import { chainOf, coverage, parseGraph, type Graph, type GraphInput } from '../src/index.js';
import { generateGraph, mulberry32 } from './generate-graph.js';

interface Size {
  readonly organizations: number;
  readonly posts: number;
  readonly warmups: number;
  readonly runs: number;
}

const full = process.argv.includes('--full');
const SIZES: readonly Size[] = [
  { organizations: 10_000, posts: 100_000, warmups: 1, runs: 3 },
  { organizations: 100_000, posts: 1_000_000, warmups: 1, runs: 3 },
  ...(full ? [{ organizations: 300_000, posts: 3_000_000, warmups: 0, runs: 1 }] : []),
];
const SEED = 20261129;
const CHAIN_QUERIES = 10_000;
const PHASES = ['floor', 'parse', 'coverage', 'chainOf'] as const;
type Phase = (typeof PHASES)[number];
const PHASE_LABELS: Record<Phase, string> = {
  floor: 'JSON round trip (floor)',
  parse: 'parseGraph',
  coverage: 'coverage',
  chainOf: `chainOf ×${CHAIN_QUERIES.toLocaleString('en-US')}`,
};

const gc = (globalThis as { gc?: () => void }).gc;
const collect = (): void => gc?.();

function time(fn: () => void): number {
  collect();
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const fmtMs = (ms: number): string => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`);
const fmtRatio = (r: number): string => (r >= 10 ? r.toFixed(1) : r.toFixed(2));
const fmtCount = (n: number): string => (n >= 1_000_000 && n % 1_000_000 === 0 ? `${n / 1_000_000}M` : n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));
const heapLimitMb = Math.round(v8.getHeapStatistics().heap_size_limit / 1e6);
const sink: unknown[] = []; // keeps results observable so nothing is optimized away

/** One run of every phase on the same input, in order; plus the heap the parsed graph retains. */
function runOnce(input: GraphInput, queries: readonly string[]): Record<Phase, number> & { graphBytes: number } {
  let graph: Graph | undefined;
  const floor = time(() => {
    sink[0] = JSON.parse(JSON.stringify(input));
  });
  sink[0] = undefined;
  collect();
  const heapBefore = process.memoryUsage().heapUsed;
  const parse = time(() => {
    graph = parseGraph(input);
  });
  collect();
  const graphBytes = gc ? process.memoryUsage().heapUsed - heapBefore : Number.NaN;
  const g = graph as Graph;
  const cov = time(() => {
    sink[1] = coverage(g).gaps.length;
  });
  const chains = time(() => {
    let links = 0;
    for (const id of queries) links += chainOf(g, id).length;
    sink[2] = links;
  });
  return { floor, parse, coverage: cov, chainOf: chains, graphBytes };
}

interface Result {
  readonly size: Size;
  readonly median: Record<Phase, number>;
  readonly runs: number;
  readonly generateMs: number;
  readonly jsonChars: number;
  readonly people: number;
  readonly edges: number;
  /** Heap retained by the parsed graph (needs --expose-gc; NaN without). */
  readonly graphBytes: number;
}

function measure(size: Size): Result {
  const startGenerate = performance.now();
  const input = generateGraph({ organizations: size.organizations, posts: size.posts, seed: SEED });
  const generateMs = performance.now() - startGenerate;
  const jsonChars = JSON.stringify(input).length;
  const rand = mulberry32(SEED ^ size.organizations);
  const queries = Array.from({ length: CHAIN_QUERIES }, () => input.organizations[Math.floor(rand() * input.organizations.length)]?.id as string);

  for (let i = 0; i < size.warmups; i++) runOnce(input, queries);
  const samples: (Record<Phase, number> & { graphBytes: number })[] = [];
  for (let i = 0; i < size.runs; i++) {
    const sample = runOnce(input, queries);
    samples.push(sample);
    process.stderr.write(
      `  ${fmtCount(size.organizations)} orgs, run ${i + 1}/${size.runs}: ${PHASES.map((p) => `${p} ${fmtMs(sample[p])}`).join(', ')}\n`,
    );
  }
  const med = Object.fromEntries(PHASES.map((p) => [p, median(samples.map((s) => s[p]))])) as Record<Phase, number>;
  return {
    size,
    median: med,
    runs: size.runs,
    generateMs,
    jsonChars,
    people: input.people.length,
    edges: (input.oversight?.length ?? 0) + (input.liaison?.length ?? 0),
    graphBytes: median(samples.map((s) => s.graphBytes)),
  };
}

function main(): void {
  process.stderr.write(
    `zerenzhi graph benchmark: node ${process.version}, ${os.cpus().length} CPU(s)${gc ? ', gc between phases' : ', no --expose-gc (timings include earlier phases\' garbage)'}, heap limit ${heapLimitMb} MB\n`,
  );
  if (full && heapLimitMb < 8000) {
    process.stderr.write('warning: --full with a heap limit under 8 GB; the 300k size will be GC-bound. Add --max-old-space-size=8192.\n');
  }
  const results: Result[] = [];
  for (const size of SIZES) {
    process.stderr.write(`generating ${fmtCount(size.organizations)} organizations / ${fmtCount(size.posts)} posts…\n`);
    results.push(measure(size));
  }

  const out: string[] = [];
  out.push(`## zerenzhi graph benchmark`);
  out.push('');
  out.push(`node ${process.version}, ${os.cpus().length} CPU(s), ${os.cpus()[0]?.model ?? 'unknown CPU'}; heap limit ${heapLimitMb} MB; ${gc ? 'gc before each phase' : 'no --expose-gc'}; seed ${SEED}`);
  out.push('');
  out.push('| organizations | posts | people | edges | JSON size | graph heap | runs | ' + PHASES.map((p) => PHASE_LABELS[p]).join(' | ') + ' |');
  out.push('|---:|---:|---:|---:|---:|---:|---:|' + PHASES.map(() => '---:').join('|') + '|');
  for (const r of results) {
    const cells = PHASES.map((p) => (p === 'floor' ? fmtMs(r.median[p]) : `${fmtMs(r.median[p])} (${fmtRatio(r.median[p] / r.median.floor)}× floor)`));
    out.push(
      `| ${fmtCount(r.size.organizations)} | ${fmtCount(r.size.posts)} | ${r.people.toLocaleString('en-US')} | ${r.edges.toLocaleString('en-US')} | ${(r.jsonChars / 1e6).toFixed(0)} M chars | ${Number.isNaN(r.graphBytes) ? 'n/a' : `${(r.graphBytes / 1e6).toFixed(0)} MB`} | ${r.runs === 1 ? '1' : `median of ${r.runs}`} | ${cells.join(' | ')} |`,
    );
  }
  if (results.length > 1) {
    out.push('');
    out.push('Scaling (time at the larger size / time at the smaller; linear ≈ the input ratio; chainOf does a fixed 10,000 queries, so flat ≈ 1):');
    out.push('');
    const pairs = results.slice(1).map((r, i) => [results[i] as Result, r] as const);
    out.push('| phase | ' + pairs.map(([a, b]) => `${fmtCount(b.size.organizations)} / ${fmtCount(a.size.organizations)} (linear ≈ ${fmtRatio(b.size.posts / a.size.posts)})`).join(' | ') + ' |');
    out.push('|---|' + pairs.map(() => '---:').join('|') + '|');
    for (const p of PHASES) out.push(`| ${PHASE_LABELS[p]} | ` + pairs.map(([a, b]) => fmtRatio(b.median[p] / a.median[p])).join(' | ') + ' |');
  }
  out.push('');
  out.push(`Input generation (not timed above): ${results.map((r) => `${fmtCount(r.size.organizations)} ${fmtMs(r.generateMs)}`).join(', ')}.`);
  console.log(out.join('\n'));
}

main();
