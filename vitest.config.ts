// Two projects: `unit` (fast, no corpus, no npm/tsc subprocesses; `npm run test:unit`) and `slow` (the real
// corpus, whole-pipeline CLI runs, generated packages compiled with tsc, the packaging test). `npm test` runs both.
import { defineConfig } from 'vitest/config';

/** Test files that take seconds to minutes: corpus sweeps, tsc compiles, real CLI processes, npm pack + install. */
const SLOW = [
  'test/accuracy/**/*.test.ts',
  'test/**/corpus.test.ts',
  'test/cli/**/*.test.ts',
  'test/generator/generate.test.ts',
  'test/generator/real-spec.test.ts',
  'test/generator/client.test.ts',
  'test/generator/schema-only.test.ts',
  'test/generator/hostile.test.ts',
  'test/downstream/**/*.test.ts',
  'test/scraper/spec-validity.test.ts',
];

export default defineConfig({
  test: {
    // Generous per-test timeout: several suites compile generated packages with tsc, which takes seconds on a
    // busy 2-core machine. A time is never asserted; the timeout only bounds a hang.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...SLOW, 'test/tmp/**', 'test/fixtures/**'] },
      },
      { extends: true, test: { name: 'slow', include: SLOW, exclude: ['test/tmp/**', 'test/fixtures/**'] } },
    ],
  },
});
