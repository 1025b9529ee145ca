import { defineConfig } from 'vitest/config';

// Generous per-test timeout: several suites compile generated packages with tsc, which takes seconds on a busy
// 2-core machine. A time is never asserted; the timeout only bounds a hang.
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
