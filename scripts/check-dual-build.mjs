// Checks the built package as an application loading both of its builds would: `import` and
// `require` give the same result, and each accepts what the other made (a parsed graph, a
// finished run, a ValidationError). Run by `npm run check:package`, after the build.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const esm = await import('../dist/index.js');
const cjs = require('../dist/index.cjs');
const example = (name) => readFileSync(new URL(`../examples/bureau-2022/${name}`, import.meta.url), 'utf8');

const graphInput = JSON.parse(example('graph.json'));
const rules = JSON.parse(example('rules.json'));
const records = example('records.ndjson').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line));

const viaImport = esm.assess({ graph: graphInput, rules, records });
const viaRequire = cjs.assess({ graph: graphInput, rules, records });
assert.equal(JSON.stringify(viaImport), JSON.stringify(viaRequire), 'import and require give different results');

// A graph parsed by one build, queried by the other.
const graph = cjs.parseGraph(graphInput);
const someOrganization = graphInput.organizations[graphInput.organizations.length - 1].id;
assert.deepEqual(esm.chainOf(graph, someOrganization), cjs.chainOf(graph, someOrganization));
assert.deepEqual(esm.coverage(graph), cjs.coverage(graph));

// A run finished by one build takes its findings in the other.
const session = cjs.openAssessment({ graph: graphInput, rules });
for (const record of records) session.add(record);
assert.equal(JSON.stringify(esm.withFindings(session.finish())), JSON.stringify(viaImport), 'a run finished by require is refused or scored differently by import');

// An error made by one build is an instance of the other's class.
const fromRequire = cjs.safeParseGraph({}).error;
const fromImport = esm.safeParseGraph({}).error;
assert.ok(fromRequire instanceof esm.ValidationError, 'a require-made ValidationError is no instance of the import build class');
assert.ok(fromImport instanceof cjs.ValidationError, 'an import-made ValidationError is no instance of the require build class');
assert.ok(!(new Error('x') instanceof esm.ValidationError));

console.log(`check-dual-build: import and require agree (${viaImport.organizations.length} organizations, ${viaImport.people.length} people) and accept each other's graphs, finished runs and errors`);
