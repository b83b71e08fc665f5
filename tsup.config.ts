import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library and its testing kit: ESM + CJS with declarations for both.
    entry: { index: 'src/index.ts', testing: 'src/testing/index.ts', worker: 'src/engine/worker.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: false,
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    // Shared chunks: the testing kit and the library are one copy, so `instanceof` holds across entries.
    splitting: true,
    treeshake: true,
    external: ['vitest'],
    // import.meta.url in the CommonJS build too: the parallel runner finds its worker beside itself.
    shims: true,
  },
  {
    // The command-line tool: one ESM file with a shebang.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    splitting: false,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
