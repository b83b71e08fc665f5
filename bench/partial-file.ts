// The multi-machine route of docs/scale.md at scale, on one machine: the records of one size are
// cut into K consecutive shards; each shard is read into its own session and its partial state
// written to a file in pieces (`jsonChunks`); then one session absorbs every file, read back with
// `readPartialState` (a stream, never one string), and finishes with the findings. Prints the
// size of each file, whether `JSON.parse` could have read it, the times, and a SHA-256 of the
// merged result, to compare with one pass (`bench/record-pass.ts SIZE` prints the same hash).
// Each file is also read back alone, as one string with `JSON.parse` (where it fits) and in pieces.
//
//   node --expose-gc --max-old-space-size=16000 --import tsx bench/partial-file.ts M [--shards 2] [--records N] [--one-pass]
//
// --records N: only the first N lines of the size's records (in every shard together).
// --one-pass: also assess those records in one pass and check that the hashes agree.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { constants } from 'node:buffer';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { gathered } from '../src/core/json-chunks.js';
import { assessStream, jsonChunks, openAssessment, readPartialState, readRecordsFile, withFindings, type AssessmentResult } from '../src/index.js';
import { gc, loadSize } from './inputs.js';

const { size, files, meta, graph, rules } = await loadSize('M');
const option = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const shards = Number(option('--shards') ?? 2);
const limit = option('--records') === undefined ? Number.POSITIVE_INFINITY : Number(option('--records'));
const total = Math.min(limit, meta.size.records);
const perShard = Math.ceil(total / shards);
const dir = new URL(`./out/partials-${size}/`, import.meta.url);
mkdirSync(dir, { recursive: true });

const seconds = (ms: number): number => Math.round(ms / 100) / 10;
const hashOf = (result: AssessmentResult): string => {
  const hash = createHash('sha256');
  for (const text of gathered(jsonChunks(result, { indent: 0 }))) hash.update(text);
  return hash.digest('hex').slice(0, 16);
};

/** The next `count` items of one reading of the size's file. */
async function* take(items: AsyncIterator<unknown>, count: number): AsyncGenerator<unknown> {
  for (let i = 0; i < count; i++) {
    const next = await items.next();
    if (next.done) return;
    yield next.value;
  }
}
const recordsOf = (): AsyncIterator<unknown> => readRecordsFile(files.records)[Symbol.asyncIterator]();

const report: Record<string, unknown> = { size, shards, records: total, maxStringLength: constants.MAX_STRING_LENGTH };
const written: { file: URL; chars: number; bytes: number; passS: number; writeS: number; jsonParse: number | string; inPieces: number }[] = [];
// One reading of the file, shard after shard: each shard's pass reads its own records only.
const items = recordsOf();
for (let k = 0; k < shards; k++) {
  const session = openAssessment({ graph, rules, invalidRecords: 'skip' });
  const t0 = performance.now();
  for await (const item of take(items, Math.min(total, (k + 1) * perShard) - k * perShard)) session.add(item);
  const t1 = performance.now();
  const file = new URL(`shard-${k}.partial.json`, dir);
  const out = createWriteStream(file);
  let chars = 0;
  for (const piece of gathered(jsonChunks(session.snapshot(), { indent: 0 }))) {
    chars += piece.length;
    if (!out.write(piece)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const writeS = seconds(performance.now() - t1);
  gc();
  // Read back alone, side by side, with only this process's graph beside it: as before (one
  // string, one JSON.parse, where the file fits) and in pieces.
  const t2 = performance.now();
  let jsonParse: number | string;
  try {
    JSON.parse(readFileSync(file, 'utf8'));
    jsonParse = seconds(performance.now() - t2);
  } catch (error) {
    jsonParse = (error as { code?: string }).code ?? String(error);
  }
  gc();
  const t3 = performance.now();
  await readPartialState(createReadStream(file));
  const inPieces = seconds(performance.now() - t3);
  gc();
  written.push({ file, chars, bytes: statSync(file).size, passS: seconds(t1 - t0), writeS, jsonParse, inPieces });
}
await items.return?.();
report['files'] = written.map(({ file: _file, ...w }) => ({ ...w, fitsOneString: w.chars <= constants.MAX_STRING_LENGTH }));

const merged = openAssessment({ graph, rules, invalidRecords: 'skip' });
const t2 = performance.now();
const readS: number[] = [];
for (const { file } of written) {
  const t = performance.now();
  const partial = await readPartialState(createReadStream(file), { file: file.pathname });
  readS.push(seconds(performance.now() - t));
  merged.absorb(partial);
}
const t3 = performance.now();
const result = withFindings(merged.finish());
const t4 = performance.now();
report['readS'] = readS;
report['readAndAbsorbS'] = seconds(t3 - t2);
report['finishS'] = seconds(t4 - t3);
report['heapAfterMB'] = Math.round(process.memoryUsage().heapUsed / 1e6);
report['result'] = hashOf(result);
report['findings'] = result.findings.length;

if (process.argv.includes('--one-pass')) {
  gc();
  const onePass = await assessStream({ graph, rules, invalidRecords: 'skip', records: take(recordsOf(), total) });
  report['onePass'] = hashOf(onePass);
  report['same'] = report['onePass'] === report['result'];
}
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify(report));
