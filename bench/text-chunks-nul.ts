// The cost of refusing NUL bytes in record text (twenty-second session): textChunks over the M
// records file with the check and without it, alternating, a median of five each. The ratio is the
// claim; absolute times vary from machine to machine.
// Run: node --import tsx bench/text-chunks-nul.ts [path to an NDJSON file]
import { createReadStream, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { textChunks } from '../src/evidence/reader-common.js';

const out = new URL('./out/', import.meta.url).pathname;
const file = process.argv[2] ?? join(out, readdirSync(out).find((f) => f.startsWith('assessment-M-') && f.endsWith('.records.ndjson')) ?? '');

async function timeOnce(refuseNul: boolean): Promise<number> {
  const start = process.hrtime.bigint();
  let characters = 0;
  for await (const text of textChunks(createReadStream(file), 'zh', 'records', refuseNul)) characters += text.length;
  if (characters === 0) throw new Error(`nothing read from ${file}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const withCheck: number[] = [];
const without: number[] = [];
for (let i = 0; i < 5; i++) {
  without.push(await timeOnce(false));
  withCheck.push(await timeOnce(true));
}
console.log(JSON.stringify({ file, withoutMs: median(without), withMs: median(withCheck), ratio: Math.round((median(withCheck) / median(without)) * 1000) / 1000 }));
