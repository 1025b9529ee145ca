// Documented examples as tests over real services (issue 9 "Done when": ≥ 97 % of request examples compile and
// validate, ≥ 97 % of 2xx response examples validate, per service; documented contradictions listed, not counted).
// The whole dev corpus takes several minutes (every service scraped, generated, type-checked), so this test runs a
// subset of ../shared/corpus/services.json and the built-in manual/apig sample; `npm run verify:corpus` runs all 14.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { scrapeInputs } from '../../scraper/index.ts';
import { writeScrapeResult } from '../../cli/scrape-output.ts';
import { generatePackage } from '../../generator/index.ts';
import { CORPUS, corpusServices, meetsBar, PASS_BAR, ROOT, verifyService } from '../../verify/corpus.ts';
import { formatResult, passRate, verifySpec, type VerifyResult } from '../../verify/index.ts';

/** Small services with request and response examples, nulls in examples and documented contradictions. */
const SUBSET = ['dds', 'css', 'cph'];
const HAS_CORPUS = existsSync(join(CORPUS, 'services.json'));
const WORK = join(ROOT, 'test/tmp/verify-corpus-test');

function expectBar(result: VerifyResult): void {
  // The listing names every failure (operation, example, pointer, reason) when the bar is missed.
  expect(meetsBar(result), formatResult(result)).toBe(true);
  expect(passRate(result.requests)).toBeGreaterThanOrEqual(PASS_BAR);
  expect(passRate(result.responses)).toBeGreaterThanOrEqual(PASS_BAR);
}

describe.skipIf(!HAS_CORPUS)('dev corpus subset: scrape → generate → verify (no ../shared/corpus: skipped)', () => {
  it.each(SUBSET)(
    '%s',
    async (service) => {
      const entry = (await corpusServices()).find((s) => s.service === service);
      expect(entry, `${service} is in services.json`).toBeDefined();
      await mkdir(WORK, { recursive: true });
      const result = await verifyService(entry!, WORK);
      expect(result.requests.total + result.responses.total).toBeGreaterThan(10);
      expectBar(result);
    },
    300_000,
  );
});

describe('built-in sample manual/apig: scrape → generate → verify', () => {
  it('meets the bar', async () => {
    const dir = join(WORK, 'manual');
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const spec = join(dir, 'apig.openapi.yaml');
    const report = join(dir, 'apig.report.json');
    await writeScrapeResult(
      await scrapeInputs([join(ROOT, 'manual/apig')], { service: 'apig', root: ROOT }),
      spec,
      report,
    );
    await generatePackage(spec, join(dir, 'apig'));
    const result = await verifySpec(spec, { packageDir: join(dir, 'apig'), reportPath: report });
    expect(result.requests.total).toBeGreaterThan(10);
    expect(result.responses.total).toBeGreaterThan(10);
    expectBar(result);
  }, 300_000);
});
