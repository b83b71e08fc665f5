// What the record pass of an assessment keeps in memory, structure by structure.
//
// Runs the same pass as assessStream (readRecordsFile → normalizeRecord → ingest, through the
// engine's internal modules, which it only imports), then, after a full collection, empties the
// accumulation one structure at a time and measures what each gave back:
//   dedupe     acc.versions: one entry per distinct record id (its digest, and the list of lines
//              it went to, kept so that a conflicting version can be withdrawn)
//   line ids   per subject and indicator: the ids of the records seen, counted, pending, rejected,
//              unsupported (the Sets of LineState)
//   measures   the measure states, each keyed by record id (a day, a task, a rating, a ratio entry)
//   retained   whole records of the types the accountability rules read (deadline tasks, vetoes)
// and what is left (the graph, the plan, empty line skeletons).
//
// Usage: node --expose-gc --max-old-space-size=16384 --import tsx bench/memory-breakdown.ts M100k [M ...]
import { parseGraph, readRecordsFile } from '../src/index.js';
import { ingest, newAccumulation } from '../src/engine/accumulate.js';
import { parseRuleSet } from '../src/engine/parse-rules.js';
import { compilePlan } from '../src/engine/plan.js';
import { emptyLineState } from '../src/engine/line-state.js';
import { normalizeRecord } from '../src/evidence/normalize.js';
import { assessmentGraph, assessmentRules, ensureAssessment, SIZES } from './generate-assessment.js';
import { heldBytes } from './inputs.js';

// Called once first: without --expose-gc it throws before any work.
heldBytes();

const rows: string[] = [];
for (const name of process.argv.slice(2)) {
  const size = SIZES[name];
  if (!size) throw new Error(`unknown size ${name}`);
  const { files } = await ensureAssessment(size);
  const graph = parseGraph(assessmentGraph(size));
  const plan = compilePlan(graph, parseRuleSet(assessmentRules()), undefined);
  const empty = heldBytes();
  const acc = newAccumulation();
  let records = 0;
  for await (const item of readRecordsFile(files.records)) {
    if (item.kind !== 'record') continue;
    const normalized = normalizeRecord(item.value);
    if (normalized.ok) {
      ingest(plan, acc, normalized.record);
      records++;
    }
  }
  const full = heldBytes();
  const lines = [...acc.organizationLines.values(), ...acc.personLines.values()].flatMap((m) => [...m.values()]);
  const versions = acc.versions.size;
  acc.versions.clear();
  const afterDedupe = heldBytes();
  // every id set and the bonus map back to a fresh line's (shared, empty)
  for (const line of lines) Object.assign(line, emptyLineState(line.measure));
  const afterIds = heldBytes();
  for (const line of lines) line.measure = undefined;
  const afterMeasures = heldBytes();
  const retained = acc.retained.size;
  acc.retained.clear();
  const afterRetained = heldBytes();
  const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`;
  const per = (bytes: number): string => `${Math.round(bytes / records)} B`;
  rows.push(
    `| ${name} | ${records.toLocaleString('en-US')} | ${mb(full - empty)} (${per(full - empty)}) | ${mb(full - afterDedupe)} (${per(full - afterDedupe)}; ${versions.toLocaleString('en-US')} ids) | ${mb(afterDedupe - afterIds)} (${per(afterDedupe - afterIds)}) | ${mb(afterIds - afterMeasures)} (${per(afterIds - afterMeasures)}) | ${mb(afterMeasures - afterRetained)} (${retained.toLocaleString('en-US')} records) | ${mb(afterRetained - empty)} (${lines.length.toLocaleString('en-US')} lines) |`,
  );
  process.stderr.write(`${name} done\n`);
}
console.log('| size | records ingested | retained by the pass (per record) | dedupe: versions map | line id sets | measure states | retained records | rest: line skeletons |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const row of rows) console.log(row);
