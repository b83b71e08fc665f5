// What the heap that the record pass keeps is made of, by the kind of V8 object: the id strings,
// the lists, the hash tables of Maps and Sets, the plain objects, the typed arrays' memory. Where
// `memory-breakdown.ts` says which structure of the accumulation holds the bytes, this says what
// kind of objects they are, which is what decides whether a change of representation would give
// them back (an object per record, a string per record, a slot in a list).
//
// Takes two V8 heap snapshots in process (`v8.writeHeapSnapshot`, which collects first): with the
// graph parsed and a session open, then with the same session after every record was added, and
// compares them kind by kind. Counts and sizes are V8's "self size" of each object; the typed
// arrays' memory outside the heap is V8's `JSArrayBufferData`.
//
// With `--result`, the snapshots compared are those after the pass and after `finish`, its result
// held: what the results are made of, which is what the finish adds on top of the pass's state.
//
// Usage: node --max-old-space-size=16384 --import tsx bench/heap-composition.ts M [--top 25] [--keep DIR] [--result]
//        (sizes up to M: a snapshot must fit in one string to be read back, which L's does not)
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants } from 'node:buffer';
import { writeHeapSnapshot } from 'node:v8';
import { openAssessment, readRecordsFile } from '../src/index.js';
import { loadSize } from './inputs.js';

const option = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const top = Number(option('--top') ?? 25);
const keep = option('--keep');
const resultMode = process.argv.includes('--result');
const { size, files, graph, rules } = await loadSize('M100k');
const dir = keep ?? mkdtempSync(join(tmpdir(), 'zz-heap-'));

/** One row of the comparison: a kind of object, how many and how many bytes. */
interface Kind {
  count: number;
  bytes: number;
}

/** A bucket for a string's length, so that one row stands for strings of like size. */
function lengthBucket(length: number): string {
  if (length <= 16) return `length ${length}`;
  if (length <= 64) return `length ${Math.floor((length - 1) / 16) * 16 + 1}–${Math.floor((length - 1) / 16) * 16 + 16}`;
  return 'length > 64';
}

/** A bucket for an array's size, since one kind holds both a two-place list and a table of millions. */
function sizeBucket(bytes: number): string {
  if (bytes < 256) return 'under 256 B';
  if (bytes < 4096) return '256 B – 4 KB';
  if (bytes < 1 << 20) return '4 KB – 1 MB';
  return '1 MB and over';
}

/** The name a node is counted under. */
function kindOf(type: string, name: string, bytes: number): string {
  switch (type) {
    case 'string':
    case 'concatenated string':
    case 'sliced string':
      return `${type}, ${lengthBucket(name.length)}`;
    case 'array':
      // V8's unnamed arrays are mostly the hash tables of Maps and Sets.
      return `array ${name === '' ? '(hash tables and others)' : name}, ${sizeBucket(bytes)}`;
    case 'object':
    case 'native':
      return `${type} ${name}`;
    default:
      // closures, code, hidden and shape objects: one row each, not one per function
      return type;
  }
}

/** Every kind of object in a snapshot file, with its count and self size. */
function kinds(file: string): Map<string, Kind> {
  if (statSync(file).size > constants.MAX_STRING_LENGTH) throw new Error(`${file} is too large to read back as one string: use a smaller size`);
  const snapshot = JSON.parse(readFileSync(file, 'utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const { node_fields: fields, node_types: nodeTypes } = snapshot.snapshot.meta;
  const types = nodeTypes[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const { nodes, strings } = snapshot;
  const out = new Map<string, Kind>();
  for (let i = 0; i < nodes.length; i += width) {
    const bytes = nodes[i + sizeAt] as number;
    const kind = kindOf(types[nodes[i + typeAt] as number] as string, strings[nodes[i + nameAt] as number] as string, bytes);
    const row = out.get(kind);
    if (row) {
      row.count++;
      row.bytes += bytes;
    } else out.set(kind, { count: 1, bytes });
  }
  return out;
}

const session = openAssessment({ graph, rules, invalidRecords: 'skip' });
const before = writeHeapSnapshot(join(dir, `${size}-before.heapsnapshot`));
let records = 0;
for await (const item of readRecordsFile(files.records)) {
  session.add(item);
  if (item.kind === 'record') records++;
}
const afterPass = writeHeapSnapshot(join(dir, `${size}-after-pass.heapsnapshot`));
// Held to here, so that nothing of the pass was collected before the second snapshot.
const { result } = session.finish();
// With --result, the comparison is the heap after the finish (its result held, and the session,
// which keeps its state for more records) against the heap after the pass: what the result adds.
const after = resultMode ? writeHeapSnapshot(join(dir, `${size}-result.heapsnapshot`)) : afterPass;
if (resultMode) console.log(`the result: ${result.organizations.length.toLocaleString('en-US')} organizations, ${result.people.length.toLocaleString('en-US')} people`);

const was = kinds(resultMode ? afterPass : before);
const now = kinds(after);
const rows = [...now].map(([kind, { count, bytes }]) => {
  const old = was.get(kind) ?? { count: 0, bytes: 0 };
  return { kind, count: count - old.count, bytes: bytes - old.bytes };
});
for (const [kind, old] of was) if (!now.has(kind)) rows.push({ kind, count: -old.count, bytes: -old.bytes });
rows.sort((a, b) => b.bytes - a.bytes || (a.kind < b.kind ? -1 : 1));

const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);
const total = rows.reduce((sum, r) => sum + r.bytes, 0);
console.log(`${size}: ${records.toLocaleString('en-US')} records; ${resultMode ? 'the result holds' : 'the pass keeps'} ${mb(total)} MB (${Math.round(total / records)} B a record), heap and typed arrays`);
console.log('');
console.log('| kind of object | objects | MB | B a record | B each |');
console.log('|---|---:|---:|---:|---:|');
const shown = rows.slice(0, top);
for (const r of shown) {
  console.log(`| ${r.kind} | ${r.count.toLocaleString('en-US')} | ${mb(r.bytes)} | ${(r.bytes / records).toFixed(1)} | ${r.count > 0 ? Math.round(r.bytes / r.count) : ''} |`);
}
const rest = rows.slice(top).reduce((sum, r) => sum + r.bytes, 0);
console.log(`| everything else (${rows.length - shown.length} kinds) | | ${mb(rest)} | ${(rest / records).toFixed(1)} | |`);
if (keep === undefined) rmSync(dir, { recursive: true, force: true });
else console.log(`\nsnapshots kept: ${before}, ${after}`);
