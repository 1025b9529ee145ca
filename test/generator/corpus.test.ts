// Whole-service check on real documentation: scrape every zh-md page of APIG (461 topics, both page generations)
// and ModelArts with `hwdocs scrape`, generate, and compile the packages under tsc --strict. Needs the shared corpus
// (../shared/corpus, present in CI); skipped without it.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { main } from '../../cli/main.ts';
import { compile, generateFixture, importGenerated, ROOT, TMP, writeReadmeExample } from './helpers.ts';

const CORPUS = join(ROOT, '../shared/corpus/zh-md');

async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = (() => true) as typeof process.stdout.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    return await fn();
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

describe.skipIf(!existsSync(CORPUS))('specs scraped from the whole zh-md corpus', () => {
  it.each(['apig', 'modelarts'])(
    '%s: scrape → generate → tsc --strict',
    async (service) => {
      const spec = join(TMP, `corpus-${service}.openapi.yaml`);
      const scraped = await quietly(() => main(['scrape', join(CORPUS, service), '-o', spec]));
      expect(existsSync(spec), `scrape exited ${scraped}`).toBe(true);
      const result = await generateFixture(spec, `corpus-${service}`);
      expect(result.operations).toBeGreaterThan(service === 'apig' ? 300 : 100);
      await writeReadmeExample(result.outDir);
      const { status, output } = compile(result.outDir);
      expect(output.slice(0, 2000)).toBe('');
      expect(status).toBe(0);
      // Every operation got a method, and each method's validator is wired into its OperationSpec.
      const operations = await importGenerated<{ operations: Record<string, { validateRequest?: unknown }> }>(
        result.outDir,
        'operations.ts',
      );
      expect(Object.keys(operations.operations)).toHaveLength(result.operations);
      expect(Object.values(operations.operations).every((op) => typeof op.validateRequest === 'function')).toBe(true);
      const readme = await readFile(join(result.outDir, 'README.md'), 'utf8');
      expect(readme).toContain(`## Operations (${result.operations})`);
    },
    300_000,
  );
});
