// The two structures that hold the record pass's per-record state, against the Maps they replaced
// (fourteenth session), side by side in one process: time and heap per entry.
//
//   ids    the version table's ids: IdSlots (an open-addressing Int32Array of slots) against a
//          Map of id to slot. Every id is looked up, then inserted when new, as ingest does; then
//          every id is looked up again.
//   seen   a line's records seen: RecordDays (one list, id then day) against a Map of id to day,
//          over 90,000 lines (about a city's), then every line's days read, as the finish does.
//
// Ids are fresh strings from JSON.parse, as the readers make them. Memory (the heap and typed
// arrays) is measured after a full collection with the structure held, less the ids themselves.
//
// Usage: node --expose-gc --max-old-space-size=12000 --import tsx bench/state-structures.ts [ids ...]
//        (default 1000000 10000000)
import { IdSlots } from '../src/engine/id-slots.js';
import { RecordDays } from '../src/engine/record-days.js';
import { heldBytes } from './inputs.js';

// Called once first: without --expose-gc it throws before any work.
heldBytes();

const LINES = 90_000;
const RUNS = 3;

function idsOf(n: number): string[] {
  // r-0000000 …, in a scattered order, each a string of its own
  return Array.from({ length: n }, (_, i) => JSON.parse(`"r-${String((i * 7_919) % n).padStart(8, '0')}"`) as string);
}

function withMap(ids: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const id of ids) if (map.get(id) === undefined) map.set(id, map.size);
  return map;
}

function withSlots(ids: readonly string[]): IdSlots {
  const slots = new IdSlots();
  for (const id of ids) if (slots.get(id) === undefined) slots.insert(id);
  return slots;
}

const lineOf = (i: number): number => ((i * 2_654_435_761) >>> 0) % LINES;

function seenMaps(ids: readonly string[]): Map<string, number>[] {
  const lines = Array.from({ length: LINES }, () => new Map<string, number>());
  ids.forEach((id, i) => (lines[lineOf(i)] as Map<string, number>).set(id, i));
  return lines;
}

function seenDays(ids: readonly string[]): RecordDays[] {
  const lines = Array.from({ length: LINES }, () => new RecordDays());
  ids.forEach((id, i) => (lines[lineOf(i)] as RecordDays).add(id, i));
  return lines;
}

/** Milliseconds to build, and to read back (a number summed, so that nothing is optimized away). */
function timed<T>(build: () => T, read: (built: T) => number): { build: number; read: number; built: T; sum: number } {
  const a = performance.now();
  const built = build();
  const b = performance.now();
  const sum = read(built);
  return { build: b - a, read: performance.now() - b, built, sum };
}

/** Bytes per id the structure holds, from the heap with it held and without. */
function bytesPer<T>(n: number, make: () => T): number {
  const before = heldBytes();
  const held = make();
  const after = heldBytes();
  void held;
  return (after - before) / n;
}

const sizes = process.argv.slice(2).map(Number);
for (const n of sizes.length > 0 ? sizes : [1_000_000, 10_000_000]) {
  const ids = idsOf(n);
  const probe = idsOf(n).reverse();
  for (let run = 1; run <= RUNS; run++) {
    const map = timed(() => withMap(ids), (m) => probe.reduce((s, id) => s + (m.get(id) ?? 0), 0));
    const slots = timed(() => withSlots(ids), (t) => probe.reduce((s, id) => s + (t.get(id) ?? 0), 0));
    if (map.sum !== slots.sum) throw new Error('IdSlots and Map disagree');
    const maps = timed(() => seenMaps(ids), (ls) => ls.reduce((s, l) => s + [...l.values()].reduce((a, d) => a + d, 0), 0));
    const days = timed(() => seenDays(ids), (ls) => ls.reduce((s, l) => {
      for (let i = 0; i < l.size; i++) s += l.dayAt(i);
      return s;
    }, 0));
    if (maps.sum !== days.sum) throw new Error('RecordDays and Map disagree');
    const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;
    console.log(
      `${n.toLocaleString('en-US')} ids, run ${run}: ids: Map ${map.build.toFixed(0)} + ${map.read.toFixed(0)} ms, IdSlots ${slots.build.toFixed(0)} + ${slots.read.toFixed(0)} ms (${ratio(slots.build + slots.read, map.build + map.read)}); ` +
        `seen: Map ${maps.build.toFixed(0)} + ${maps.read.toFixed(0)} ms, RecordDays ${days.build.toFixed(0)} + ${days.read.toFixed(0)} ms (${ratio(days.build + days.read, maps.build + maps.read)})`,
    );
  }
  const perMap = bytesPer(n, () => withMap(ids));
  const perSlots = bytesPer(n, () => withSlots(ids));
  const perSeenMap = bytesPer(n, () => seenMaps(ids));
  const perSeenDays = bytesPer(n, () => seenDays(ids));
  console.log(`${n.toLocaleString('en-US')} ids, memory per id: ids: Map ${perMap.toFixed(1)} B, IdSlots ${perSlots.toFixed(1)} B; seen over ${LINES.toLocaleString('en-US')} lines: Map ${perSeenMap.toFixed(1)} B, RecordDays ${perSeenDays.toFixed(1)} B`);
}
