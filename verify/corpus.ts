// Documented examples as tests over the dev corpus (`npm run verify:corpus [service...]`): for each service of
// ../shared/corpus/services.json, scrape its pages → generate → verify, and print one line per service.
// Exit 1 when a service is below the bar (97 % of counted request examples compile + validate, 97 % of counted 2xx
// response examples validate), 2 when the corpus is missing. Used by test/verify/corpus.test.ts on a subset.
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scrapeInputs } from '../scraper/index.ts';
import { writeScrapeResult } from '../cli/scrape-output.ts';
import { generatePackage } from '../generator/index.ts';
import { formatResult, passRate, verifySpec, type VerifyResult } from './index.ts';
import { corpusServices as listedServices, type CorpusService } from '../test/accuracy/services.ts';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const CORPUS = join(ROOT, '../shared/corpus');
/** The bar of issue 9 ("Done when"), per service and per direction. */
export const PASS_BAR = 97;

/** The services the corpus lists (test/accuracy/services.ts reads services.json for every corpus script). */
export async function corpusServices(): Promise<CorpusService[]> {
  return listedServices(CORPUS);
}

/** Scrape one service's pages into `work/<service>.openapi.yaml` (+ report), then verify with a fresh package. */
export async function verifyService(entry: CorpusService, work: string): Promise<VerifyResult> {
  const spec = join(work, `${entry.service}.openapi.yaml`);
  const report = join(work, `${entry.service}.report.json`);
  const scraped = await scrapeInputs([join(CORPUS, entry.pages)], { service: entry.service, root: ROOT });
  await writeScrapeResult(scraped, spec, report);
  const packageDir = join(work, entry.service);
  await generatePackage(spec, packageDir);
  return verifySpec(spec, { packageDir, reportPath: report });
}

export function meetsBar(result: VerifyResult): boolean {
  return (
    passRate(result.requests) >= PASS_BAR && passRate(result.responses) >= PASS_BAR && !result.packageErrors.length
  );
}

/** One table row per service: counted examples, passing, documented contradictions, rate. */
function summaryTable(results: VerifyResult[]): string {
  const rows = [['service', 'req pass/counted', 'req %', 'req doc', 'resp pass/counted', 'resp %', 'resp doc']];
  for (const r of results) {
    const q = r.requests;
    const s = r.responses;
    rows.push([
      r.service,
      `${q.passed}/${q.total - q.contradicted}`,
      passRate(q).toFixed(1),
      String(q.contradicted),
      `${s.passed}/${s.total - s.contradicted}`,
      passRate(s).toFixed(1),
      String(s.contradicted),
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows
    .map((row) => row.map((cell, i) => (i ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  '))
    .join('\n');
}

async function main(argv: string[]): Promise<number> {
  if (!existsSync(join(CORPUS, 'services.json'))) {
    process.stderr.write(`verify:corpus: no corpus at ${CORPUS}\n`);
    return 2;
  }
  const all = await corpusServices();
  const unknown = argv.filter((name) => !all.some((s) => s.service === name));
  if (unknown.length) {
    process.stderr.write(`verify:corpus: not in services.json: ${unknown.join(', ')}\n`);
    return 2;
  }
  const chosen = argv.length ? all.filter((s) => argv.includes(s.service)) : all;
  const work = join(ROOT, 'test/tmp/verify-corpus');
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  const results: VerifyResult[] = [];
  for (const entry of chosen) {
    const started = Date.now();
    const result = await verifyService(entry, work);
    results.push(result);
    process.stdout.write(`${formatResult(result)}\n  (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  }
  process.stdout.write(`\n${summaryTable(results)}\n`);
  const below = results.filter((r) => !meetsBar(r)).map((r) => r.service);
  if (below.length) process.stdout.write(`below ${PASS_BAR} %: ${below.join(', ')}\n`);
  return below.length ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
