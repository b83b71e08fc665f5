// What the record pass allocates, by function: every record's garbage is what the scavenger
// works through (the garbage collector is about a sixth of the pass at M). Streams one size's
// records into a session (invalid ones skipped, nothing evaluated) under V8's sampling heap
// profiler, counting objects the collector has already freed too, and prints the bytes
// allocated per record by the function that allocated them. A builtin (sort, Map, an
// iterator's next) is shown with the function that called it.
//
//   node --import tsx bench/alloc-profile.ts M100k
//   node --import tsx bench/alloc-profile.ts M --top 40
//
// Sampled every 4 KiB allocated: figures under about 50 bytes a record are noise. Inlined
// functions are charged to the function they were inlined into.
import { Session } from 'node:inspector/promises';
import { openAssessment, readRecordsFile } from '../src/index.js';
import { loadSize } from './inputs.js';

interface SampleNode {
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly selfSize: number;
  readonly children: readonly SampleNode[];
}

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt < 0 ? 25 : Number(args[topAt + 1]);
if (!Number.isInteger(top) || top < 1) throw new Error(`--top needs a positive integer, got ${args[topAt + 1]}`);
const { size, files, graph, rules } = await loadSize('M100k', args[0]);

const session = new Session();
session.connect();
const assessment = openAssessment({ graph, rules, invalidRecords: 'skip' });
// Objects freed by either collector stay in the profile: the pass's allocation, not what it keeps.
await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never);
let records = 0;
for await (const item of readRecordsFile(files.records)) {
  assessment.add(item);
  records++;
}
const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as { profile: { head: SampleNode } };
session.disconnect();

const where = (node: SampleNode): string => {
  const { functionName, url } = node.callFrame;
  return `${functionName || '(anonymous)'} ${url.replace(/^.*?\/(?=src\/|bench\/)/, '').replace(/^file:\/\//, '') || '(builtin)'}`;
};
const bytes = new Map<string, number>();
let total = 0;
const walk = (node: SampleNode, caller: string): void => {
  const name = node.callFrame.url === '' && caller !== '' ? `${where(node)} <- ${caller}` : where(node);
  bytes.set(name, (bytes.get(name) ?? 0) + node.selfSize);
  total += node.selfSize;
  for (const child of node.children) walk(child, where(node));
};
walk(profile.head, '');

console.log(`# ${size}: ${records} records read, ${(total / 1e6).toFixed(0)} MB allocated (sampled), ${(total / records).toFixed(0)} bytes a record; node ${process.version}`);
console.log('| bytes a record | allocated by |');
console.log('|---:|---|');
for (const [name, b] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`| ${(b / records).toFixed(0)} | \`${name}\` |`);
