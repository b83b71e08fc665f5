// Setup file for mutation runs only (vitest.mutation.config.ts). Skips, by name, the few tests
// that cannot tell one mutant from another:
// - tests that read the source files as text: under Stryker they read the instrumented copies
//   (mutation switches, Stryker's own `new Function("return this")` header) and fail whatever the
//   mutant;
// - tests that run the code in a child process (`node --import tsx …`): a mutant is switched on
//   only inside the test runner's process, so the child runs the code as written, and each such
//   test costs seconds;
// - the scale tests (150,000 branches, 10,000 indicators): they check that nothing overflows or
//   stalls, not values a mutant changes, and with per-test coverage every mutant in the code they
//   reach would rerun them (13 s for the roll-up over 150,000 branches); smaller tests assert the
//   same values.
// The rest of these files runs as usual. All of them run, unchanged, in `npm test`.
import { beforeEach } from 'vitest';

/** Test file (relative, with /) → the describe/it names (joined with " > ") to skip, by prefix. */
const SKIPPED: Record<string, readonly string[]> = {
  'tests/reliability/security.test.ts': [
    'the sources > contain no eval, new Function, node:vm, string timers, lodash deep setters or __proto__ assignments',
  ],
  'tests/engine/assess/determinism.test.ts': ['time zones > '],
  'tests/reliability/limits.test.ts': ['a 10,000-level hierarchy through the whole assessment > ', 'large inputs never overflow the stack > '],
  'tests/reliability/corpus.test.ts': ['rule set > R18 10,000 indicators parse and assess'],
  'tests/reliability/too-large.test.ts': ['a JSON file too large for one string > '],
};

beforeEach((context) => {
  const task = context.task;
  const file = task.file.filepath.replaceAll('\\', '/');
  const entry = Object.entries(SKIPPED).find(([name]) => file.endsWith(`/${name}`));
  if (!entry) return;
  const names: string[] = [task.name];
  for (let suite = task.suite; suite !== undefined && suite.type === 'suite' && suite !== (task.file as unknown); suite = suite.suite) names.unshift(suite.name);
  const fullName = names.join(' > ');
  if (entry[1].some((prefix) => fullName.startsWith(prefix))) context.skip();
});
