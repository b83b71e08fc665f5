// Vitest configuration for mutation testing only (`npm run mutate`, see TESTING.md).
// The same suite as vitest.config.ts, less the tests that run the code in a child process or a
// worker thread: a mutant is switched on only inside the test runner's process, so those tests
// cannot kill it, and they cost seconds each (builds with tsup, `node --import tsx` start-ups).
// Whole files are left out here; single tests are skipped by name in vitest.mutation.setup.ts.
import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      // MUTATE_ISOLATE=0: the test files share one module graph per worker, about 3× faster;
      // TESTING.md says what it was measured to change (a few false survivors, no false kills)
      isolate: process.env.MUTATE_ISOLATE !== '0',
      // skips, by name, the tests that read the sources as text or start a child process
      setupFiles: ['./vitest.mutation.setup.ts'],
      exclude: [
        ...configDefaults.exclude,
        // dist/cli.js built with tsup and run as a child process
        'tests/cli/e2e.test.ts',
        // assessParallel: the work is done on worker threads
        'tests/engine/parallel.test.ts',
      ],
    },
  }),
);
