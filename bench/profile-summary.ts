// Summarizes a V8 .cpuprofile of a zerenzhi benchmark child (bench/assess.ts --profile): self time
// by phase of the assessment, and the functions with the most self time.
//
// Usage: npx tsx bench/profile-summary.ts bench/out/profiles/zerenzhi-M.cpuprofile [--top 25]
//
// A sample is charged to the phase of its own function when that function is in src/ or bench/
// (or is the garbage collector); a function of node itself or a V8 builtin (JSON.parse, the hash,
// Map operations, stream internals) is charged to the nearest caller that is. Samples with no such
// caller at all (the event loop taking stream chunks and settling promises) are shown apart.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}
interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Phases, in the order of a run. */
export const PHASE_ORDER = [
  'harness: graph generation and parseGraph (before the clock)',
  'setup: rules, plan',
  'reading and JSON parsing',
  'validation',
  'dedupe: digest and version table',
  'routing',
  'measures (adding records)',
  'finalize: evaluate, grade, findings',
  'garbage collector',
  'event loop, streams, promises (no caller in src/)',
  'other',
] as const;
type PhaseName = (typeof PHASE_ORDER)[number];

const file = (url: string): string => {
  const at = url.search(/\/(src|bench)\//);
  return at >= 0 ? url.slice(at + 1) : url;
};

/** The phase of a frame by itself, or undefined when it should take its caller's. */
function phaseOf(frame: CallFrame): PhaseName | undefined {
  const name = frame.functionName;
  if (name === '(garbage collector)') return 'garbage collector';
  const path = file(frame.url);
  if (path.startsWith('bench/')) return path.startsWith('bench/generate-') ? 'harness: graph generation and parseGraph (before the clock)' : undefined;
  if (!path.startsWith('src/')) return undefined;
  if (path.startsWith('src/graph/')) return 'harness: graph generation and parseGraph (before the clock)';
  if (path.startsWith('src/evidence/read') || path === 'src/evidence/json-scan.ts' || path === 'src/evidence/batches.ts') return 'reading and JSON parsing';
  if (path === 'src/evidence/normalize.ts') return name === 'canonicalRecord' ? 'dedupe: digest and version table' : 'validation';
  if (path === 'src/evidence/fast-record.ts' || path === 'src/model/primitives.ts' || path === 'src/core/calendar.ts' || path === 'src/evidence/reader-item.ts') return 'validation';
  if (path === 'src/engine/accumulate.ts') return name === 'ingest' ? 'dedupe: digest and version table' : 'routing';
  // The version table's own code (fourteenth session on): its lookups, digests, targets and effects.
  if (path === 'src/engine/versions.ts' || path === 'src/engine/id-slots.ts') return 'dedupe: digest and version table';
  if (path === 'src/engine/matches.ts' || path === 'src/engine/line-state.ts' || path === 'src/engine/record-days.ts') return 'routing';
  if (path.startsWith('src/engine/measures/')) {
    if (name === 'add' || name === 'accepts' || name === 'init' || name === 'remove' || name === 'entryOf') return 'measures (adding records)';
    return name === 'finalize' || name === 'evaluate' ? 'finalize: evaluate, grade, findings' : undefined; // helpers: the caller's phase
  }
  if (path === 'src/engine/plan.ts' || path === 'src/engine/parse-rules.ts' || path.startsWith('src/model/') || path === 'src/engine/rollup-deps.ts' || path === 'src/engine/period.ts') return 'setup: rules, plan';
  if (path === 'src/engine/assess.ts') return name === 'add' ? 'validation' : 'finalize: evaluate, grade, findings';
  if (path === 'src/accountability/assess.ts') return undefined;
  return 'finalize: evaluate, grade, findings';
}

export interface ProfileSummary {
  readonly totalMs: number;
  readonly phases: ReadonlyMap<PhaseName, number>;
  readonly top: readonly { readonly name: string; readonly where: string; readonly phase: PhaseName; readonly ms: number }[];
}

export function summarizeProfile(profile: Profile, topN = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const phaseOfNode = new Map<number, PhaseName>();
  const root = profile.nodes[0] as ProfileNode;
  // Walk from the root, each node taking its own phase or its caller's.
  const stack: [ProfileNode, PhaseName | undefined][] = [[root, undefined]];
  while (stack.length > 0) {
    const [node, inherited] = stack.pop() as [ProfileNode, PhaseName | undefined];
    const special = node.callFrame.functionName;
    const own = phaseOf(node.callFrame);
    const phase = own ?? inherited;
    const resolved: PhaseName = phase ?? (special === '(program)' || special === '(idle)' || special === '(root)' ? 'other' : 'event loop, streams, promises (no caller in src/)');
    phaseOfNode.set(node.id, resolved);
    for (const c of node.children ?? []) stack.push([byId.get(c) as ProfileNode, phase]);
  }
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const phases = new Map<PhaseName, number>();
  const functions = new Map<string, { name: string; where: string; phase: PhaseName; ms: number }>();
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id) as ProfileNode;
    const phase = phaseOfNode.get(id) as PhaseName;
    totalUs += us;
    phases.set(phase, (phases.get(phase) ?? 0) + us / 1000);
    const f = node.callFrame;
    // tsx hands V8 whitespace-minified code, so line numbers of src/ files say nothing: name the file.
    const where = f.url === '' ? '(V8/native)' : /\/(src|bench)\//.test(f.url) ? file(f.url) : `${file(f.url)}:${f.lineNumber + 1}`;
    const key = `${f.functionName}@${where}@${phase}`;
    const entry = functions.get(key) ?? { name: f.functionName || '(anonymous)', where, phase, ms: 0 };
    entry.ms += us / 1000;
    functions.set(key, entry);
  }
  const top = [...functions.values()].sort((a, b) => b.ms - a.ms).slice(0, topN);
  return { totalMs: totalUs / 1000, phases, top };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const path = process.argv[2];
  if (!path) throw new Error('usage: profile-summary.ts FILE.cpuprofile [--top N]');
  const topAt = process.argv.indexOf('--top');
  const summary = summarizeProfile(JSON.parse(readFileSync(path, 'utf8')) as Profile, topAt > 0 ? Number(process.argv[topAt + 1]) : 25);
  const timed = [...summary.phases].filter(([p]) => !p.startsWith('harness') && p !== 'other').reduce((a, [, ms]) => a + ms, 0);
  const out: string[] = [`Profile ${path}: ${(summary.totalMs / 1000).toFixed(1)} s sampled.`, ''];
  out.push('| phase | self time | share of the assessment |', '|---|---:|---:|');
  for (const p of PHASE_ORDER) {
    const ms = summary.phases.get(p) ?? 0;
    const share = p.startsWith('harness') || p === 'other' ? '' : `${((ms / timed) * 100).toFixed(1)}%`;
    out.push(`| ${p} | ${(ms / 1000).toFixed(2)} s | ${share} |`);
  }
  out.push('', '| function | where | phase | self time |', '|---|---|---|---:|');
  for (const f of summary.top) out.push(`| \`${f.name}\` | ${f.where} | ${f.phase} | ${f.ms.toFixed(0)} ms |`);
  console.log(out.join('\n'));
}
