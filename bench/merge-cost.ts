// What handing one shard's state to another costs, step by step, both ways side by side: the
// JSON partial state of docs/scale.md (snapshot, text, read back, absorb) and the packed form the
// engine's own threads use (pack, structured clone, absorb). Each merge is then settled (its
// conflicts withdrawn and the statistics worked out; before c6d7817 every absorb did it itself). The size's records are cut in two
// halves; the second half's session is handed over, `--runs` times (default 3), into a fresh
// session each time. Prints each step's times in ms, the median in µs per record of the half,
// and the ratio of the two routes. The merged results are not timed: bench/partial-file.ts checks
// that a merge gives one pass's bytes.
//
//   node --expose-gc --max-old-space-size=12000 --import tsx bench/merge-cost.ts M [--runs 3]
import { performance } from 'node:perf_hooks';
import { openSession } from '../src/engine/assess.js';
import { readPartialState, readRecordsFile } from '../src/index.js';
import { gc, loadSize, median } from './inputs.js';

const { size, meta, files, graph, rules } = await loadSize('M');
const runsAt = process.argv.indexOf('--runs');
const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 3;
const open = (): ReturnType<typeof openSession> => openSession({ graph, rules, invalidRecords: 'skip' });

// Only the second half is kept: the first is read (to skip it) into nothing.
const half = Math.ceil(meta.size.records / 2);
const shard = open();
let n = 0;
for await (const item of readRecordsFile(files.records)) if (n++ >= half) shard.session.add(item);
const records = n - half;

const times = new Map<string, number[]>();
/** Times one step after a full collection; returns what it gives. */
async function step<T>(name: string, work: () => T | Promise<T>): Promise<T> {
  gc();
  const t = performance.now();
  const out = await work();
  const list = times.get(name) ?? [];
  list.push(performance.now() - t);
  times.set(name, list);
  return out;
}

let chars = 0;
for (let run = 0; run < runs; run++) {
  const snapshot = await step('json: snapshot', () => shard.session.snapshot());
  const text = await step('json: JSON.stringify', () => JSON.stringify(snapshot));
  chars = text.length;
  await step('json: JSON.parse (one string)', () => JSON.parse(text) as unknown);
  const bytes = Buffer.from(text);
  const partial = await step('json: readPartialState (in pieces)', () => readPartialState(bytes));
  const into = open();
  await step('json: absorb', () => into.session.absorb(partial));
  await step('json: settle', () => into.settle());

  const packed = await step('packed: pack', () => shard.pack());
  const copy = await step('packed: structuredClone', () => structuredClone(packed));
  const intoPacked = open();
  await step('packed: absorbPacked', () => intoPacked.absorbPacked(copy));
  await step('packed: settle', () => intoPacked.settle());
}

const rows = [...times].map(([name, list]) => ({ step: name, ms: list.map(Math.round), usPerRecord: Math.round((median(list) * 1000 * 10) / records) / 10 }));
const total = (prefix: string, names: readonly string[]): number => names.reduce((sum, name) => sum + median(times.get(`${prefix}: ${name}`) ?? [0]), 0);
const jsonRoute = total('json', ['snapshot', 'JSON.stringify', 'readPartialState (in pieces)', 'absorb', 'settle']);
const packedRoute = total('packed', ['pack', 'structuredClone', 'absorbPacked', 'settle']);
console.log(`${size}: the second half's ${records} records, partial state ${chars} characters, ${runs} runs`);
for (const { step: name, ms, usPerRecord } of rows) console.log(`${name.padEnd(38)} ${ms.join(', ').padStart(22)} ms   ${String(usPerRecord).padStart(5)} µs a record`);
console.log(`JSON route ${Math.round(jsonRoute)} ms, packed route ${Math.round(packedRoute)} ms (medians): JSON / packed ${(jsonRoute / packedRoute).toFixed(2)}×`);
