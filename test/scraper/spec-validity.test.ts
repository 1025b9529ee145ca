// Spec validity: every spec the scraper writes passes Redocly's `recommended` ruleset with 0 errors
// (ruleset and rationale: test/scraper/REDOCLY.md). And the golden test: scraping the built-in sample with the
// project config reproduces the committed spec/*.openapi.yaml byte for byte.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createConfig, lintFromString, type Config } from '@redocly/openapi-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/load.ts';
import { scrapeInputs } from '../../scraper/index.ts';
import { serializeSpec, toYaml } from '../../scraper/openapi/serialize.ts';
import { CORPUS, FIXTURES, HAS_CORPUS, ROOT } from './helpers.ts';

let config: Config;
beforeAll(async () => {
  config = await createConfig({ extends: ['recommended'] });
});

interface Finding {
  rule: string;
  message: string;
  pointer?: string;
}

async function lintErrors(source: string, name: string): Promise<Finding[]> {
  const problems = await lintFromString({ source, absoluteRef: join(ROOT, 'test/tmp', `${name}.yaml`), config });
  return problems
    .filter((p) => p.severity === 'error')
    .map((p) => ({ rule: p.ruleId, message: p.message, pointer: p.location[0]?.pointer }));
}

async function scrapedYaml(inputs: string[], service: string, root = ROOT): Promise<string> {
  const { document } = await scrapeInputs(inputs, { service, root });
  return toYaml(document);
}

describe('redocly recommended: 0 errors', () => {
  it('committed spec/apig.openapi.yaml and spec/roma.openapi.yaml', async () => {
    for (const s of ['apig', 'roma']) {
      expect(await lintErrors(await readFile(join(ROOT, `spec/${s}.openapi.yaml`), 'utf8'), s)).toEqual([]);
    }
  });

  it('the built-in sample (manual/apig, manual/roma) scraped now', async () => {
    expect(await lintErrors(await scrapedYaml([join(ROOT, 'manual/apig')], 'apig'), 'manual-apig')).toEqual([]);
    expect(await lintErrors(await scrapedYaml([join(ROOT, 'manual/roma')], 'roma'), 'manual-roma')).toEqual([]);
  }, 60_000);

  it('the test fixtures (English DITA HTML, zh-md, bad input)', async () => {
    for (const dir of ['html-en', 'zh-md', 'bad'])
      expect(await lintErrors(await scrapedYaml([join(FIXTURES, dir)], dir), dir)).toEqual([]);
  }, 60_000);

  it.skipIf(!HAS_CORPUS)(
    'all shared zh-md ModelArts pages (../shared/corpus; skipped when absent)',
    async () => {
      expect(
        await lintErrors(await scrapedYaml([join(CORPUS, 'zh-md/modelarts')], 'modelarts', CORPUS), 'zh-modelarts'),
      ).toEqual([]);
    },
    180_000,
  );

  if (HAS_CORPUS)
    it('all shared zh-md APIG pages', async () => {
      expect(await lintErrors(await scrapedYaml([join(CORPUS, 'zh-md/apig')], 'apig', CORPUS), 'zh-apig')).toEqual([]);
    }, 180_000);
  else it.skip('all shared zh-md APIG pages (skipped: ../shared/corpus absent)');
});

describe('golden: manual/ with hwdocs.config.json reproduces spec/ byte for byte (refresh with `npm start`)', async () => {
  const project = await loadConfig(join(ROOT, 'hwdocs.config.json'));
  for (const service of project.services) {
    it(`${service.name} → ${service.spec}`, async () => {
      const inputs = service.inputs.map((i) => join(project.root, i));
      const { document } = await scrapeInputs(inputs, { service: service.name, root: project.root });
      const fresh = serializeSpec(document, service.spec);
      const committed = await readFile(join(project.root, service.spec), 'utf8');
      expect(
        fresh === committed,
        `${service.spec} is stale: the scraper now writes something else. Run \`npm start\` and review the diff.`,
      ).toBe(true);
    }, 60_000);
  }
});
