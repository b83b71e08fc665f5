// Scale benchmark of the assessment: zerenzhi against the cost of merely reading its input, and
// against a peer, over synthetic NDJSON evidence (generate-assessment.ts).
//
// For each size, side by side in one invocation, each contestant in a fresh child process (so
// that one's heap and peak memory never count against another):
//   floor     read the NDJSON file as a stream, split lines, JSON.parse each line; nothing else
//   zerenzhi  assessStream({ graph, rules, records: readRecordsFile(file) }): validation, dedupe,
//             routing, every measure, grades, quotas, verdicts, accountability findings
//   zerenzhi-workers
//             assessParallel({ graph, rules, files: [file], workers: N }) with N = --workers
//             (default 2: both cores of the benchmark machine): the same assessment on N threads
//             in all (the calling thread and N - 1 workers), the file cut at line starts into
//             pieces the threads take in turn, the workers' packed states merged; no thread
//             starts unless each has --min-shard-mb to read (32 MiB by default: none at M100k);
//             its evidence counts, findings and indicator sums are checked against the zerenzhi
//             child's
//   peer      json-rules-engine evaluating the count, cadence and deadline indicators per record
//             (peer-json-rules-engine.ts); capped at --peer-cap lines (default 100,000) and then
//             extrapolated linearly, labelled as such
// The graph is generated and parsed before the clock starts (bench/graph.ts measures parseGraph);
// zerenzhi-workers' workers build it again inside the clock, each on its thread, from its input form
// (without checking it again), as assessParallel must.
// Each child reports wall time, records/s, peak RSS (process.memoryUsage.rss() sampled every
// 50 ms from a worker thread, so synchronous phases are seen too; the RSS is the process's, so it
// includes zerenzhi-workers' threads) and, with --heap-probe, the heap after a full collection at
// the end of the record pass (what the pass retains). zerenzhi-workers has no such heap figure:
// the pass ends inside assessParallel, on other threads, and is reported as not measured.
// Each child collects fully once before its clock starts (the inputs' garbage out of the way), and
// never inside it unless --heap-probe asks: a forced collection at the end of the pass sets V8's
// next limit from what is live then, and at M that left the whole finish without a major
// collection and raised the peak by about 80 MB (M100k's fell by 20; BENCHMARKS.md, sixteenth
// session). So the peak RSS of a run with --heap-probe is not the peak of a user's run, and the
// report says so. For the same reason the report lists zerenzhi's peak run by run, with how long
// into the finish V8's first major collection began (a PerformanceObserver on 'gc' entries): the
// highest peaks at M came in runs with none before the peak.
//
// Usage:
//   npm run bench         S (peer on all of it), S50k (S's graph, 10× the records: scaling, no peer),
//                         M100k (peer on its first 25,000 lines, extrapolated); one run each; < 1 min
//   npm run bench:full    M100k, M (1M records) and L (10M records), peer on the first 100,000
//                         lines of each (all of M100k); one run each; 7.6 minutes on
//                         2026-12-01 (51 on 2026-11-29), most of it L (see BENCHMARKS.md)
//   node --import tsx bench/assess.ts [--full] [--sizes S,M100k] [--runs 3] [--peer-cap N]
//                         [--peer-sizes S,M100k | --no-peer] [--workers 2]
//                         [--phases floor,zerenzhi,zerenzhi-workers,peer] [--profile]
//                         [--child-timeout SECONDS] [--heap-probe] [--min-shard-mb N]
// --min-shard-mb N: zerenzhi-workers gives each thread at least N MiB (assessParallel's
// minShardBytes; by default 32 MiB, so M100k's 27 MB runs on the calling thread alone).
// --profile adds --cpu-prof to the zerenzhi child (profiles go to bench/out/profiles/); the
// summary is printed by bench/profile-summary.ts. Results also go to bench/out/assess-latest.json.
// A report, not a test: nothing here asserts on time.
import { spawn } from 'node:child_process';
import { createReadStream, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants as perfConstants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { assessParallel, assessStream, parseGraph, readRecordsFile, type AssessmentResult } from '../src/index.js';
import { batched, eachBatch } from '../src/evidence/batches.js';
import { assessmentGraph, assessmentRules, DEFAULT_SEED, ensureAssessment, OUT_DIR, SIZES, type AssessmentMeta, type AssessmentSize } from './generate-assessment.js';
import { forEachLine, PEER_INDICATORS, runPeer } from './peer-json-rules-engine.js';

const PHASES = ['floor', 'zerenzhi', 'zerenzhi-workers', 'peer'] as const;
type Phase = (typeof PHASES)[number];
const HEAP_MB = 16_384;
const SELF = fileURLToPath(import.meta.url);

/** What one child reports. */
interface Sample {
  readonly phase: Phase;
  readonly size: string;
  /** Lines the phase read. */
  readonly lines: number;
  readonly wallMs: number;
  /** Forced collections inside the timed window (the memory probe), already taken out of wallMs. */
  readonly probeGcMs: number;
  readonly rssBeforeBytes: number;
  readonly peakRssBytes: number;
  /** Heap after a full collection before the pass (graph, rules, engine) and at its end. */
  readonly heapBeforeBytes: number;
  readonly heapAfterPassBytes: number;
  /** zerenzhi-workers only: the threads it asked for (assessParallel's `workers`: the calling thread and the workers). */
  readonly workers?: number;
  /** zerenzhi only: setup (rules, plan), the record pass, evaluation + findings. */
  readonly split?: { readonly setupMs: number; readonly passMs: number; readonly finishMs: number };
  /**
   * zerenzhi only: when the finish began and ended (after the probe's own collection, with
   * --heap-probe), how many major collections V8 ran in it, and when the first began; ms from the
   * clock's start. Until one comes the results are built on top of the pass's state and its
   * garbage (BENCHMARKS.md, sixteenth session).
   */
  readonly finish?: { readonly fromMs: number; readonly toMs: number; readonly majorGcs: number; readonly firstGcMs: number | null };
  /** When the peak RSS was seen, in ms from the clock's start. */
  readonly peakAtMs?: number;
  readonly evidence?: Record<string, number>;
  readonly findings?: number;
  /** Per peer indicator, the sum of `value` over every subject: the cross-check. */
  readonly valueSums?: Record<string, number>;
  readonly pointSums?: Record<string, number>;
  /** Set when the child failed or was stopped at --child-timeout; the figures are then NaN. */
  readonly failed?: string;
}

// ---- child ------------------------------------------------------------------------------------

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Samples the process RSS every 50 ms on a worker thread; returns a stop function giving the peak
 * and when it was seen (on this thread's `performance.now()` clock).
 */
function sampleRss(): () => Promise<{ bytes: number; atMs: number }> {
  // [peak, stop, when the peak was seen (ms since the epoch: the two threads' clocks differ)]
  const shared = new Float64Array(new SharedArrayBuffer(24));
  const worker = new Worker(
    `const { workerData } = require('node:worker_threads');
     const peak = new Float64Array(workerData);
     const tick = () => { const rss = process.memoryUsage.rss(); if (rss > peak[0]) { peak[0] = rss; peak[2] = performance.timeOrigin + performance.now(); } };
     tick();
     const timer = setInterval(() => { tick(); if (peak[1] === 1) clearInterval(timer); }, 50);`,
    { eval: true, workerData: shared.buffer },
  );
  return async () => {
    const last = process.memoryUsage.rss();
    const now = performance.now();
    shared[1] = 1;
    await worker.terminate();
    if (last > (shared[0] as number)) return { bytes: last, atMs: now };
    return { bytes: shared[0] as number, atMs: (shared[2] as number) - performance.timeOrigin };
  };
}

/** Per peer indicator, the sum of `value` over every subject (the cross-checks compare these). */
function indicatorSums(result: AssessmentResult): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const subject of [...result.organizations, ...result.people]) {
    for (const line of subject.lines) if (PEER_INDICATORS.some((i) => i.id === line.indicator)) sums[line.indicator] = (sums[line.indicator] ?? 0) + line.value;
  }
  return sums;
}

/** Lines of a file, counted by newlines (a last line without one counts too). */
async function countLines(path: string): Promise<number> {
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    if (chunk.length > 0) last = chunk[chunk.length - 1] as number;
  }
  return last === 10 ? lines : lines + 1;
}

/**
 * Notes when V8 starts each major collection (mark-compact), on the `performance.now()` clock;
 * the returned function stops watching and gives the start times.
 */
function watchMajorGcs(): () => Promise<number[]> {
  const starts: number[] = [];
  const take = (entries: readonly PerformanceEntry[]): void => {
    for (const e of entries) if ((e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === perfConstants.NODE_PERFORMANCE_GC_MAJOR) starts.push(e.startTime);
  };
  const observer = new PerformanceObserver((list) => take(list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  return async () => {
    // Entries reach the observer on a later turn of the event loop.
    await new Promise((resolve) => setImmediate(resolve));
    take(observer.takeRecords());
    observer.disconnect();
    return starts;
  };
}

function collectHeap(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

/** What the parent tells a child beyond the phase, the size and the file. */
interface ChildOptions {
  readonly peerCap: number;
  readonly workers: number;
  readonly heapProbe: boolean;
  /** zerenzhi-workers: assessParallel's `minShardBytes`, when --min-shard-mb is given. */
  readonly minShardBytes?: number;
}

async function child(phase: Phase, size: AssessmentSize, path: string, { peerCap, workers, heapProbe, minShardBytes }: ChildOptions): Promise<Sample> {
  const graphInput = phase === 'floor' ? undefined : assessmentGraph(size);
  // Both zerenzhi phases get the same parsed graph. assessParallel then serializes it and parses
  // it again on its own thread and on each worker: a cost of going parallel, so it is timed. So is
  // each worker's start, which from the sources includes loading tsx and transpiling the engine
  // on that thread (about 1 s per thread on the busy 2-core machine); the built package's
  // dist/worker.js skips that.
  const graph = phase === 'zerenzhi' || phase === 'zerenzhi-workers' ? parseGraph(graphInput) : undefined;
  const rules = assessmentRules();
  const heapBeforeBytes = collectHeap();
  const rssBeforeBytes = process.memoryUsage.rss();
  const stop = sampleRss();
  let probeGcMs = 0;
  let heapAfterPassBytes = Number.NaN;
  const probe = (): void => {
    if (!heapProbe) return;
    const t = performance.now();
    heapAfterPassBytes = gc ? collectHeap() : Number.NaN;
    probeGcMs += performance.now() - t;
  };
  const start = performance.now();
  let sample: Omit<Sample, 'wallMs' | 'probeGcMs' | 'rssBeforeBytes' | 'peakRssBytes' | 'heapBeforeBytes' | 'heapAfterPassBytes'>;

  if (phase === 'floor') {
    let keys = 0;
    const lines = await forEachLine(path, Number.POSITIVE_INFINITY, (line) => {
      keys += (JSON.parse(line) as { id?: unknown }).id === undefined ? 0 : 1;
    });
    probe();
    sample = { phase, size: size.name, lines: keys === lines ? lines : lines };
  } else if (phase === 'zerenzhi') {
    const marks = { first: 0, passed: 0, finishFrom: 0 };
    const majorGcs = watchMajorGcs();
    let lines = 0;
    const inner = readRecordsFile(path);
    // Delegates to the reader batch by batch, as assessStream reads it, noting when the first
    // record is asked for (setup done) and when the stream ends (pass done, probe the heap).
    const records = batched(async function* () {
      marks.first = performance.now();
      try {
        for await (const batch of eachBatch(inner)) {
          lines += batch.length;
          yield batch;
        }
      } finally {
        marks.passed = performance.now();
        probe();
        marks.finishFrom = performance.now();
      }
    });
    const result = await assessStream({ graph, rules, records });
    const end = performance.now();
    const valueSums = indicatorSums(result);
    const inFinish = (await majorGcs()).filter((t) => t >= marks.finishFrom && t <= end);
    const finish = { fromMs: marks.finishFrom - start, toMs: end - start, majorGcs: inFinish.length, firstGcMs: inFinish.length > 0 ? (inFinish[0] as number) - start : null };
    sample = {
      phase,
      size: size.name,
      lines,
      split: { setupMs: marks.first - start, passMs: marks.passed - marks.first - probeGcMs, finishMs: end - marks.passed - probeGcMs },
      finish,
      evidence: { ...result.evidence },
      findings: result.findings.length,
      valueSums,
    };
  } else if (phase === 'zerenzhi-workers') {
    // The records never pass through this thread, so there is nothing to wrap: no split, no heap
    // probe at the end of the pass, and the lines are counted after the clock stops (below).
    const result = await assessParallel({ graph, rules, files: [path], workers, ...(minShardBytes !== undefined ? { minShardBytes } : {}) });
    sample = { phase, size: size.name, lines: 0, workers, evidence: { ...result.evidence }, findings: result.findings.length, valueSums: indicatorSums(result) };
  } else {
    const outcome = await runPeer(graphInput as NonNullable<typeof graphInput>, path, peerCap, probe);
    sample = { phase, size: size.name, lines: outcome.lines, valueSums: outcome.valueSums, pointSums: outcome.pointSums };
  }
  const wallMs = performance.now() - start - probeGcMs;
  const peak = await stop();
  const peakRssBytes = peak.bytes;
  if (phase === 'zerenzhi-workers') sample = { ...sample, lines: await countLines(path) };
  return { ...sample, wallMs, probeGcMs, rssBeforeBytes, peakRssBytes, peakAtMs: peak.atMs - start, heapBeforeBytes, heapAfterPassBytes };
}

// ---- parent -----------------------------------------------------------------------------------

interface Options {
  readonly sizes: readonly AssessmentSize[];
  readonly runs: number;
  readonly peerCap: number;
  /** Sizes the peer runs on. */
  readonly peerSizes: ReadonlySet<string>;
  readonly profile: boolean;
  /** Stop a child after this many seconds and report it as not finished (default: no limit). */
  readonly childTimeoutSec: number;
  /** Phases to run (default all four). */
  readonly phases: ReadonlySet<Phase>;
  /** Worker threads for zerenzhi-workers. */
  readonly workers: number;
  /** Collect fully at the end of the pass to measure the heap it retains (perturbs the peak). */
  readonly heapProbe: boolean;
  /**
   * zerenzhi-workers: the least MiB for each thread (assessParallel's `minShardBytes`; default its
   * own, 32). Lower it to run M100k's 27 MB on two threads too, so that the scaling pair compares
   * two threads with two threads.
   */
  readonly minShardMb?: number;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const full = argv.includes('--full');
  // Default: the bureau, the bureau with 10× the records (scaling at a fixed graph, no peer),
  // and the city graph at 100k records with the peer on its first 25,000 (extrapolated).
  const names = (value('--sizes') ?? (full ? 'M100k,M,L' : 'S,S50k,M100k')).split(',');
  const sizes = names.map((n) => {
    const size = SIZES[n];
    if (!size) throw new Error(`unknown size ${n}; one of ${Object.keys(SIZES).join(', ')}`);
    return size;
  });
  const peerSizes = argv.includes('--no-peer') ? [] : (value('--peer-sizes') ?? (full ? 'M100k,M,L' : 'S,M100k')).split(',');
  const phases = (value('--phases') ?? PHASES.join(',')).split(',');
  for (const p of phases) if (!(PHASES as readonly string[]).includes(p)) throw new Error(`unknown phase ${p}; one of ${PHASES.join(', ')}`);
  // Default 2: the benchmark machine's two cores (BENCHMARKS.md), not this machine's count, so
  // that figures from different machines compare.
  const workers = Number(value('--workers') ?? 2);
  if (!Number.isInteger(workers) || workers < 1) throw new Error(`--workers must be a whole number ≥ 1, not ${value('--workers')}`);
  return {
    sizes,
    runs: Number(value('--runs') ?? 1),
    peerCap: Number(value('--peer-cap') ?? (full ? 100_000 : 25_000)),
    peerSizes: new Set(peerSizes),
    profile: argv.includes('--profile'),
    childTimeoutSec: Number(value('--child-timeout') ?? Number.POSITIVE_INFINITY),
    phases: new Set(phases as Phase[]),
    workers,
    heapProbe: argv.includes('--heap-probe'),
    ...minShardMb(value('--min-shard-mb')),
  };
}

function minShardMb(text: string | undefined): Pick<Options, 'minShardMb'> {
  if (text === undefined) return {};
  const mb = Number(text);
  if (!Number.isFinite(mb) || mb <= 0) throw new Error(`--min-shard-mb must be a number of MiB above 0, not ${text}`);
  return { minShardMb: mb };
}

function runChild(phase: Phase, size: AssessmentSize, path: string, options: Options): Promise<Sample> {
  const flags = ['--expose-gc', `--max-old-space-size=${HEAP_MB}`];
  if (options.profile && phase === 'zerenzhi') {
    const dir = join(OUT_DIR, 'profiles');
    mkdirSync(dir, { recursive: true });
    flags.push('--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=zerenzhi-${size.name}.cpuprofile`);
  }
  const args = [...flags, '--import', 'tsx', SELF, '--child', phase, '--size', size.name, '--file', path, '--peer-cap', String(options.peerCap), '--workers', String(options.workers), ...(options.heapProbe ? ['--heap-probe'] : []), ...(options.minShardMb !== undefined ? ['--min-shard-mb', String(options.minShardMb)] : [])];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let timedOut = false;
    const timer = Number.isFinite(options.childTimeoutSec)
      ? setTimeout(() => {
          timedOut = true;
          proc.kill('SIGTERM'); // the child this harness spawned, by its handle
        }, options.childTimeoutSec * 1000)
      : undefined;
    let out = '';
    proc.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    proc.on('error', reject);
    proc.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith('@@sample '));
      if (code === 0 && line) {
        const sample = JSON.parse(line.slice('@@sample '.length)) as Sample;
        // JSON has no NaN: a heap not measured comes back as null.
        resolve({ ...sample, heapAfterPassBytes: sample.heapAfterPassBytes ?? Number.NaN });
        return;
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(0);
      const failed = timedOut ? `not finished: stopped after ${seconds} s (--child-timeout)` : `failed after ${seconds} s (exit ${code ?? signal}): ${out.slice(-300).trim()}`;
      process.stderr.write(`  ${phase} ${size.name}: ${failed}\n`);
      resolve({ phase, size: size.name, lines: 0, wallMs: Number.NaN, probeGcMs: 0, rssBeforeBytes: Number.NaN, peakRssBytes: Number.NaN, heapBeforeBytes: Number.NaN, heapAfterPassBytes: Number.NaN, failed });
    });
  });
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const fmtMs = (ms: number): string => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`);
const fmtRatio = (r: number): string => (!Number.isFinite(r) ? 'n/a' : r >= 10 ? r.toFixed(1) : r.toFixed(2));
const fmtTimes = (r: number): string => (Number.isFinite(r) ? `${fmtRatio(r)}×` : '–');
const fmtMb = (bytes: number): string => (Number.isNaN(bytes) ? 'n/a' : `${(bytes / 1e6).toFixed(0)} MB`);
const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');
const fmtRate = (perSec: number): string => (perSec >= 1e6 ? `${(perSec / 1e6).toFixed(2)} M/s` : perSec >= 1e3 ? `${(perSec / 1e3).toFixed(1)} k/s` : `${perSec.toFixed(0)}/s`);
const goal = (ok: boolean): string => (ok ? 'met' : '**not met**');
/**
 * The heap after the pass: measured with --heap-probe only, and never for zerenzhi-workers (the
 * pass ends on its threads, so its child never probes): NaN otherwise.
 */
const fmtHeapAfter = (s: Sample): string => (Number.isNaN(s.heapAfterPassBytes) ? 'not measured' : fmtMb(s.heapAfterPassBytes));

/** The median sample of a phase (by wall time), with memory figures taken as medians too. */
function summarize(samples: readonly Sample[]): Sample {
  const byTime = [...samples].sort((a, b) => a.wallMs - b.wallMs);
  const mid = byTime[Math.floor((byTime.length - 1) / 2)] as Sample;
  return {
    ...mid,
    wallMs: median(samples.map((s) => s.wallMs)),
    peakRssBytes: median(samples.map((s) => s.peakRssBytes)),
    heapAfterPassBytes: median(samples.map((s) => s.heapAfterPassBytes)),
  };
}

/**
 * One zerenzhi run's peak, and how long into the finish V8's first major collection began
 * ("none": it ran none there).
 */
function fmtPeakRun(s: Sample): string {
  const f = s.finish;
  if (s.failed || !f) return 'failed';
  const length = fmtMs(f.toMs - f.fromMs);
  const first = f.firstGcMs === null ? `none in a ${length} finish` : `the first ${fmtMs(f.firstGcMs - f.fromMs)} into a ${length} finish`;
  return `${fmtMb(s.peakRssBytes)} (${first})`;
}

interface SizeResult {
  readonly size: AssessmentSize;
  readonly meta: AssessmentMeta;
  readonly phases: Partial<Record<Phase, Sample>>;
  readonly runs: number;
  /** Every zerenzhi run, in order (their peaks are listed one by one). */
  readonly zerenzhiRuns: readonly Sample[];
}

/** Peer time for the whole file: measured when it read every line, else scaled up linearly. */
function peerFullMs(r: SizeResult): { ms: number; extrapolated: boolean } | undefined {
  const peer = r.phases.peer;
  if (!peer) return undefined;
  const extrapolated = peer.lines < r.meta.lines;
  return { ms: extrapolated ? (peer.wallMs * r.meta.lines) / peer.lines : peer.wallMs, extrapolated };
}

function report(results: readonly SizeResult[], options: Options): string {
  const out: string[] = [];
  out.push('## zerenzhi assessment benchmark');
  out.push('');
  out.push(`node ${process.version}, ${os.cpus().length} CPU(s), ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; children run with --expose-gc --max-old-space-size=${HEAP_MB}; seed ${DEFAULT_SEED}; ${options.runs === 1 ? 'one run per phase' : `median of ${options.runs} runs per phase`}${options.phases.has('zerenzhi-workers') ? `; zerenzhi-workers on ${options.workers} thread${options.workers === 1 ? '' : 's'} in all${options.minShardMb !== undefined ? ` (at least ${options.minShardMb} MiB each)` : ''}` : ''}${options.heapProbe ? '; --heap-probe: a full collection at the end of each pass, so the peak RSS is not a plain run\'s' : '; no collection inside the clock (the heap after the pass: --heap-probe)'}`);
  out.push('');
  out.push('| size | organizations | people | lines | file | phase | wall | records/s | peak RSS | RSS before | heap after pass (gc) |');
  out.push('|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|');
  for (const r of results) {
    for (const phase of PHASES) {
      const s = r.phases[phase];
      if (!s) continue;
      if (s.failed) {
        out.push(`| ${r.size.name} | ${fmtInt(r.size.organizations)} | ${fmtInt(r.meta.people)} | ${fmtInt(r.meta.lines)} | ${fmtMb(r.meta.bytes)} | ${phase} | ${s.failed} | | | | |`);
        continue;
      }
      const capped = s.lines < r.meta.lines ? ` (first ${fmtInt(s.lines)} lines)` : '';
      out.push(
        `| ${r.size.name} | ${fmtInt(r.size.organizations)} | ${fmtInt(r.meta.people)} | ${fmtInt(r.meta.lines)} | ${fmtMb(r.meta.bytes)} | ${phase}${capped} | ${fmtMs(s.wallMs)} | ${fmtRate((s.lines / s.wallMs) * 1000)} | ${fmtMb(s.peakRssBytes)} | ${fmtMb(s.rssBeforeBytes)} | ${fmtHeapAfter(s)} |`,
      );
    }
  }
  out.push('');
  out.push(`Ratios (goals: zerenzhi / floor ≤ 2×; zerenzhi-workers / floor ≤ 2×; peer / zerenzhi ≥ 50×; zerenzhi / zerenzhi-workers is the speed-up from ${options.workers} thread${options.workers === 1 ? '' : 's'}):`);
  out.push('');
  out.push('| size | zerenzhi / floor | goal | zerenzhi-workers / floor | goal | zerenzhi / zerenzhi-workers | peer / zerenzhi | goal | zerenzhi setup · record pass · evaluate + findings |');
  out.push('|---|---:|---|---:|---|---:|---:|---|---|');
  for (const r of results) {
    const z = r.phases.zerenzhi;
    const w = r.phases['zerenzhi-workers'];
    const f = r.phases.floor;
    const peer = peerFullMs(r);
    const zf = z && f ? z.wallMs / f.wallMs : Number.NaN;
    const wf = w && f ? w.wallMs / f.wallMs : Number.NaN;
    const zw = z && w ? z.wallMs / w.wallMs : Number.NaN;
    const pz = z && peer ? peer.ms / z.wallMs : Number.NaN;
    const split = z?.split ? `${fmtMs(z.split.setupMs)} · ${fmtMs(z.split.passMs)} · ${fmtMs(z.split.finishMs)}` : '';
    out.push(
      `| ${r.size.name} | ${fmtTimes(zf)} | ${Number.isNaN(zf) ? '' : goal(zf <= 2)} | ${fmtTimes(wf)} | ${Number.isNaN(wf) ? '' : goal(wf <= 2)} | ${fmtTimes(zw)} | ${fmtTimes(pz)}${peer?.extrapolated ? ` (peer extrapolated from ${fmtInt(r.phases.peer?.lines ?? 0)} lines)` : ''} | ${Number.isNaN(pz) ? '' : goal(pz >= 50)} | ${split} |`,
    );
  }
  // Scaling: pairs of sizes on the same graph with 10× the records.
  const pairs: [SizeResult, SizeResult][] = [];
  for (const a of results) {
    for (const b of results) {
      if (a !== b && a.size.organizations === b.size.organizations && a.size.posts === b.size.posts && b.size.records === a.size.records * 10) pairs.push([a, b]);
    }
  }
  if (pairs.length > 0) {
    out.push('');
    out.push('Scaling at 10× the records on the same graph (goals for zerenzhi and zerenzhi-workers: time ≤ 11×, peak memory ≤ 1.25×):');
    out.push('');
    out.push('| pair | phase | time ratio | goal | peak RSS ratio | goal | RSS growth over start | heap after pass ratio |');
    out.push('|---|---|---:|---|---:|---|---:|---:|');
    for (const [a, b] of pairs) {
      for (const phase of ['floor', 'zerenzhi', 'zerenzhi-workers'] as const) {
        const sa = a.phases[phase];
        const sb = b.phases[phase];
        if (!sa || !sb) continue;
        const t = sb.wallMs / sa.wallMs;
        const m = sb.peakRssBytes / sa.peakRssBytes;
        const growth = `${fmtMb(sa.peakRssBytes - sa.rssBeforeBytes)} → ${fmtMb(sb.peakRssBytes - sb.rssBeforeBytes)}`;
        const goals = phase !== 'floor';
        const heapRatio = sb.heapAfterPassBytes / sa.heapAfterPassBytes;
        const heap = Number.isNaN(heapRatio) ? 'not measured' : `${fmtRatio(heapRatio)}×`;
        out.push(
          `| ${a.size.name} → ${b.size.name} | ${phase} | ${fmtRatio(t)}× | ${goals && !Number.isNaN(t) ? goal(t <= 11) : ''} | ${fmtRatio(m)}× | ${goals && !Number.isNaN(m) ? goal(m <= 1.25) : ''} | ${growth} | ${heap} |`,
        );
      }
    }
  }
  // Cross-check: where the peer read the whole file, its per-indicator sums must equal zerenzhi's.
  const checks: string[] = [];
  for (const r of results) {
    const z = r.phases.zerenzhi?.valueSums;
    const p = r.phases.peer;
    if (!z || !p?.valueSums || p.lines < r.meta.lines) continue;
    const differ = PEER_INDICATORS.filter((i) => (z[i.id] ?? 0) !== (p.valueSums?.[i.id] ?? 0)).map((i) => `${i.id} ${z[i.id] ?? 0} vs ${p.valueSums?.[i.id] ?? 0}`);
    checks.push(
      differ.length === 0
        ? `${r.size.name}: the peer and zerenzhi agree on all ${PEER_INDICATORS.length} indicators (sum of value over subjects; e.g. br-theme-day ${fmtInt(z['br-theme-day'] ?? 0)} months met)`
        : `${r.size.name}: **disagree**: ${differ.join('; ')}`,
    );
  }
  if (checks.length > 0) {
    out.push('');
    out.push('Cross-check (count, cadence, deadline values, summed over subjects):');
    out.push('');
    for (const c of checks) out.push(`- ${c}`);
  }
  // The workers' result must equal the single pass: compare what both children report.
  const agreement: string[] = [];
  for (const r of results) {
    const z = r.phases.zerenzhi;
    const w = r.phases['zerenzhi-workers'];
    if (!z || !w) continue;
    if (z.failed || w.failed) {
      agreement.push(`${r.size.name}: not compared (${z.failed ? 'zerenzhi' : 'zerenzhi-workers'} did not finish)`);
      continue;
    }
    const differ: string[] = [];
    for (const key of new Set([...Object.keys(z.evidence ?? {}), ...Object.keys(w.evidence ?? {})])) {
      if (z.evidence?.[key] !== w.evidence?.[key]) differ.push(`evidence.${key} ${z.evidence?.[key]} vs ${w.evidence?.[key]}`);
    }
    if (z.findings !== w.findings) differ.push(`findings ${z.findings} vs ${w.findings}`);
    for (const i of PEER_INDICATORS) if ((z.valueSums?.[i.id] ?? 0) !== (w.valueSums?.[i.id] ?? 0)) differ.push(`${i.id} ${z.valueSums?.[i.id] ?? 0} vs ${w.valueSums?.[i.id] ?? 0}`);
    agreement.push(
      differ.length === 0
        ? `${r.size.name}: evidence counts and findings agree (${Object.keys(z.evidence ?? {}).length} counts, ${fmtInt(z.findings ?? 0)} findings; also the ${PEER_INDICATORS.length} indicator sums)`
        : `${r.size.name}: **disagree** (zerenzhi vs zerenzhi-workers): ${differ.join('; ')}`,
    );
  }
  if (agreement.length > 0) {
    out.push('');
    out.push(`zerenzhi-workers (${options.workers} thread${options.workers === 1 ? '' : 's'} in all) against zerenzhi (one pass):`);
    out.push('');
    for (const a of agreement) out.push(`- ${a}`);
  }
  out.push('');
  const peaks = results.filter((r) => r.zerenzhiRuns.length > 0);
  if (peaks.length > 0) {
    if (out[out.length - 1] !== '') out.push('');
    out.push(
      "zerenzhi's peak RSS run by run, and when V8's first major collection of the finish began (until one comes, the results are built on top of the pass's state: BENCHMARKS.md, sixteenth session):",
    );
    out.push('');
    for (const r of peaks) out.push(`- ${r.size.name}: ${r.zerenzhiRuns.map(fmtPeakRun).join(', ')}`);
  }
  out.push('');
  out.push(`Evidence (zerenzhi's counts): ${results.map((r) => `${r.size.name} ${JSON.stringify(r.phases.zerenzhi?.evidence ?? {})}, ${r.phases.zerenzhi?.findings ?? 0} findings`).join('; ')}.`);
  return out.join('\n');
}

async function parent(options: Options): Promise<void> {
  process.stderr.write(`zerenzhi assessment benchmark: node ${process.version}, ${os.cpus().length} CPU(s); sizes ${options.sizes.map((s) => s.name).join(', ')}\n`);
  const results: SizeResult[] = [];
  for (const size of options.sizes) {
    const { files, meta } = await ensureAssessment(size, DEFAULT_SEED, (line) => process.stderr.write(`${line}\n`));
    const phases: Partial<Record<Phase, Sample[]>> = {};
    for (let run = 0; run < options.runs; run++) {
      for (const phase of PHASES) {
        if (!options.phases.has(phase) || (phase === 'peer' && !options.peerSizes.has(size.name))) continue;
        if (phase === 'peer' && run > 0 && meta.lines > options.peerCap) continue; // extrapolated anyway: one run
        const s = await runChild(phase, size, files.records, options);
        (phases[phase] ??= []).push(s);
        if (s.failed) continue;
        const f = s.finish;
        const when = f
          ? ` at ${fmtMs(s.peakAtMs ?? Number.NaN)} (finish from ${fmtMs(f.fromMs)}; major collections in it: ${f.majorGcs}${f.firstGcMs === null ? '' : `, the first at ${fmtMs(f.firstGcMs)}`})`
          : '';
        process.stderr.write(`  ${size.name} run ${run + 1}/${options.runs} ${phase}: ${fmtMs(s.wallMs)}, ${fmtInt(s.lines)} lines, peak RSS ${fmtMb(s.peakRssBytes)}${when}, heap after pass ${fmtHeapAfter(s)}\n`);
      }
    }
    const summarized = Object.fromEntries(Object.entries(phases).map(([p, samples]) => [p, summarize(samples)])) as Partial<Record<Phase, Sample>>;
    results.push({ size, meta, phases: summarized, runs: options.runs, zerenzhiRuns: phases.zerenzhi ?? [] });
  }
  const text = report(results, options);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, 'assess-latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(OUT_DIR, 'assess-latest.md'), `${text}\n`);
  console.log(text);
}

const argv = process.argv.slice(2);
const childAt = argv.indexOf('--child');
if (childAt >= 0) {
  const phase = argv[childAt + 1] as Phase;
  const size = SIZES[argv[argv.indexOf('--size') + 1] as string] as AssessmentSize;
  const path = argv[argv.indexOf('--file') + 1] as string;
  const peerCap = Number(argv[argv.indexOf('--peer-cap') + 1]);
  const workers = Number(argv[argv.indexOf('--workers') + 1]);
  const minShardAt = argv.indexOf('--min-shard-mb');
  const sample = await child(phase, size, path, {
    peerCap,
    workers,
    heapProbe: argv.includes('--heap-probe'),
    ...(minShardAt >= 0 ? { minShardBytes: Math.round(Number(argv[minShardAt + 1]) * 2 ** 20) } : {}),
  });
  process.stdout.write(`@@sample ${JSON.stringify(sample)}\n`);
} else {
  await parent(parseOptions(argv));
}
