import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { checkRuleSetProperties } from '../../src/testing/index.js';

const rules = JSON.parse(readFileSync('examples/bureau-2022/rules.json', 'utf8'));
const graphJson = JSON.parse(readFileSync('examples/bureau-2022/graph.json', 'utf8'));
const recs = readFileSync('examples/bureau-2022/records.ndjson', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

it('scratch', () => {
  const t0 = Date.now();
  const report = checkRuleSetProperties(rules, { graph: graphJson, records: recs, runs: 30 });
  console.log(Date.now() - t0, JSON.stringify(report, null, 1));
  expect(report.ok).toBe(true);
}, 60000);
