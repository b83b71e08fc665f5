import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The library's tests, and each example's own rule-set tests (written with zerenzhi/testing).
    include: ['tests/**/*.test.ts', 'examples/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
