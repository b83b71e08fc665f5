// readJsonArray over the same records written two ways, side by side: all on one line (what
// JSON.stringify writes) and one record per line. The ratio should stay near 1 at every size; it
// was 18× at 50,000 records and 100× at 100,000 while each record's line was found by searching
// the rest of a one-line text for a line break.
//
//   node --import tsx bench/read-json-layout.ts
import { performance } from 'node:perf_hooks';
import { readJsonArray } from '../src/index.js';

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

function time(text: string): number {
  const runs: number[] = [];
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    let records = 0;
    for (const item of readJsonArray(text)) if (item.kind === 'record') records++;
    runs.push(performance.now() - start);
    if (records === 0) throw new Error('no records read');
  }
  return median(runs);
}

for (const n of [25_000, 100_000, 400_000]) {
  const records = Array.from({ length: n }, (_, i) => ({ id: `r${i}`, type: 'meeting', organization: 'b1', date: '2022-03-01' }));
  const oneLine = time(JSON.stringify(records));
  const perLine = time(`[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]`);
  console.log(JSON.stringify({ records: n, oneLineMs: Math.round(oneLine), perLineMs: Math.round(perLine), ratio: +(oneLine / perLine).toFixed(2) }));
}
