// Mutation testing with StrykerJS 9 and its vitest runner. Not part of `npm test` or CI: slow.
// Run with `npm run mutate` (graph, engine and accountability) or one module at a time with
// `npm run mutate:graph`, `mutate:engine`, `mutate:accountability`. See TESTING.md.
//
// The npm script's name (npm_lifecycle_event: "mutate", "mutate:graph", ...) picks the folder the
// reports and the incremental file go to, so that one module's run does not overwrite another's:
//   reports/mutation/<module>/index.html, mutation.json, incremental.json
// (reports/ is git-ignored). The files to mutate come from the script's `--mutate`; run by hand
// (`npx stryker run`), the three modules are mutated and the reports go to reports/mutation/all/.

// A module too big for one sitting is run in parts: MUTATE_PART=measures npm run mutate:engine --
// --mutate 'src/engine/measures/**/*.ts' writes to reports/mutation/engine-measures/, with its own
// incremental file; `npm run mutate:score` adds the parts up per module.
import { mkdirSync, writeFileSync } from 'node:fs';

const script = process.env.npm_lifecycle_event ?? '';
const module = script.startsWith('mutate:') ? script.slice('mutate:'.length) : 'all';
const part = process.env.MUTATE_PART;
if (part !== undefined && !/^[a-z0-9-]+$/.test(part)) throw new Error(`MUTATE_PART must be lower-case letters, digits and dashes: ${part}`);
const out = `reports/mutation/${module}${part ? `-${part}` : ''}`;

const DEFAULT_MUTATE = [
  'src/graph/**/*.ts',
  'src/engine/**/*.ts',
  'src/accountability/**/*.ts',
  // run inside worker threads (assessParallel), where a mutant is never switched on, and by the
  // tests of assessParallel, which start threads and are left out of the mutation suite
  '!src/engine/parallel.ts',
  '!src/engine/worker.ts',
  '!src/engine/shard-read.ts',
];

// What this run mutates, kept beside its report: with `incremental`, Stryker's report also lists
// the files of earlier runs into the same folder, with their old results, and
// scripts/mutation-score.ts must not take those for this run's. Written by the `stryker run`
// process only (its test-runner children load this file too).
const argv = process.argv;
const command = argv.indexOf('run');
if (command !== -1 && /stryker/.test(argv[1] ?? '')) {
  // The npm scripts give a --mutate of their own; one given after it (npm run mutate:engine -- --mutate ...) wins.
  const at = argv.findLastIndex((a) => a === '--mutate' || a === '-m');
  const patterns = at === -1 ? DEFAULT_MUTATE : (argv[at + 1] ?? '').split(',').filter((p) => p !== '');
  mkdirSync(out, { recursive: true });
  writeFileSync(`${out}/mutated.json`, `${JSON.stringify({ mutate: patterns }, null, 2)}\n`);
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  $schema: './node_modules/@stryker-mutator/core/schema/stryker-schema.json',
  packageManager: 'npm',
  testRunner: 'vitest',
  vitest: {
    // vitest.config.ts less the tests that run the code in child processes or worker threads
    configFile: 'vitest.mutation.config.ts',
  },
  coverageAnalysis: 'perTest',
  mutate: DEFAULT_MUTATE,
  // Mutants that run only while a module loads (top-level constants): they would need the whole
  // suite rerun for each, and are covered by every test that imports the module anyway.
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 10_000,
  timeoutFactor: 2,
  dryRunTimeoutMinutes: 15,
  incremental: true,
  incrementalFile: `${out}/incremental.json`,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: true, reportScoreTable: true },
  jsonReporter: { fileName: `${out}/mutation.json` },
  htmlReporter: { fileName: `${out}/index.html` },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
  // Not copied into the sandbox: build output (no test of the mutation suite reads it, and a build
  // running beside Stryker could delete a file while it is copied) and generated benchmark data.
  ignorePatterns: ['dist', 'bench/out', 'coverage', '*.tgz'],
  cleanTempDir: true,
};
