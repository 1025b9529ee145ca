// `npm run accuracy`: scrape the shared corpus, compare with the API Explorer definitions, print, gate.
//
//   npx tsx test/accuracy/run.ts [--json out.json] [--worst 10]
//
// Exit 0 when every gated bar holds (or the corpus is absent: a fresh clone has nothing to measure), 1 otherwise.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { corpusServices } from './services.ts';
import { BARS, checkBars, failedGates, serviceBars } from './bars.ts';
import { evaluateTextForms, explorerDefinitions, textFormsF1, type TextFormsResult } from './components.ts';
import { evaluateService, summarise, type ServiceResult } from './evaluate.ts';
import { agreementRate, scores } from './metrics.ts';
import { loadPages } from './pages.ts';
import { barsReport, constraintTable, serviceReport, summaryTable, textFormsReport } from './report.ts';
import { thinOperationsOf } from './thin.ts';
import { componentSchemas, explorerOps, openApiOps, type ExplorerFile } from './sides.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** HWDOCS_CORPUS overrides the location (handy to check the skip path, or to point at another checkout). */
const CORPUS = resolve(ROOT, process.env.HWDOCS_CORPUS ?? '../shared/corpus');

/** The scraper's entry point (scraper/index.ts), typed here so the harness compiles before the scraper lands. */
type ScrapeInputs = (
  inputs: string[],
  options: { service: string },
) => Promise<{ document: unknown; report: { severity: string }[] } & Record<string, unknown>>;

const TEXT_FORM_DIRS = ['flat', 'percell', 'pipe', 'seed'];

interface Options {
  json?: string;
  worst: number;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { worst: 10 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') options.json = argv[++i];
    else if (argv[i] === '--worst') options.worst = Number(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]} (usage: run.ts [--json out.json] [--worst N])`);
  }
  return options;
}

async function loadScraper(): Promise<ScrapeInputs | undefined> {
  const entry = join(ROOT, 'scraper/index.ts');
  if (!existsSync(entry)) return undefined;
  const module = (await import(pathToFileURL(entry).href)) as { scrapeInputs?: ScrapeInputs };
  return module.scrapeInputs;
}

type ExplorerFiles = { product: string; file: string; json: ExplorerFile }[];
/** Each product's files are read and parsed once: the services and the text forms both compare against them. */
const explorerFilesRead = new Map<string, ExplorerFiles>();

/** `product` is a folder under apiexplorer/ (text forms) or a corpus-relative truth folder (services.json). */
function readExplorerFiles(product: string): ExplorerFiles {
  let files = explorerFilesRead.get(product);
  if (!files) {
    const dir = product.includes('/') ? join(CORPUS, product) : join(CORPUS, 'apiexplorer', product);
    files = readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((file) => ({ product, file, json: JSON.parse(readFileSync(join(dir, file), 'utf8')) as ExplorerFile }));
    explorerFilesRead.set(product, files);
  }
  return files;
}

function severityCounts(report: { severity: string }[]): string {
  const counts = new Map<string, number>();
  for (const entry of report) counts.set(entry.severity, (counts.get(entry.severity) ?? 0) + 1);
  return (
    [...counts]
      .sort()
      .map(([s, n]) => `${s} ${n}`)
      .join(', ') || 'none'
  );
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(CORPUS)) {
    console.log(`accuracy: skipped, the shared corpus is not at ${CORPUS} (it exists in CI, not in a fresh clone)`);
    return 0;
  }
  const scrapeInputs = await loadScraper();
  if (!scrapeInputs) {
    console.log('accuracy: scraper/index.ts (scrapeInputs) is missing, nothing to measure');
    return 1;
  }

  const figures: Record<string, Record<string, number> | undefined> = {};
  const results: ServiceResult[] = [];
  const services = corpusServices(CORPUS);
  for (const { service, truth, pages } of services) {
    const pageDir = join(CORPUS, pages);
    const scraped = await scrapeInputs([pageDir], { service });
    const { document, report } = scraped;
    const product = truth.split('/').pop() ?? truth;
    const definitions = readExplorerFiles(truth).flatMap(({ file, json }) => explorerOps(json, `${product}/${file}`));
    const result = evaluateService({ service, definitions, specOps: openApiOps(document), pages: loadPages(pageDir) });
    const thin = thinOperationsOf(scraped, service);
    if (thin !== undefined) result.thinOperations = thin;
    results.push(result);
    figures[service] = { ...summarise(result) };
    console.log(serviceReport(result, options.worst).join('\n'));
    console.log(`  scraper report entries: ${severityCounts(report)}\n`);
  }

  let textForms: TextFormsResult | undefined;
  const textDirs = TEXT_FORM_DIRS.map((d) => join(CORPUS, d)).filter((d) => existsSync(d));
  const products = readdirSync(join(CORPUS, 'apiexplorer')).sort();
  try {
    const { document } = await scrapeInputs(textDirs, { service: 'pages' });
    const definitions = explorerDefinitions(products.flatMap(readExplorerFiles));
    textForms = evaluateTextForms(componentSchemas(document), definitions);
    figures['text-forms'] = { textFormsF1: textFormsF1(textForms) };
    console.log(textFormsReport(textForms).join('\n') + '\n');
  } catch (error) {
    // The flat/percell/pipe readers land later than the markdown one; until then the figure is n/a, not a crash.
    console.log(`== text forms ==\n  not measured: ${(error as Error).message}\n`);
  }

  console.log(summaryTable(results).join('\n') + '\n');
  console.log(constraintTable(results).join('\n') + '\n');
  const outcomes = checkBars([...BARS, ...serviceBars(services.map((s) => s.service))], figures);
  console.log(barsReport(outcomes).join('\n'));
  const failed = failedGates(outcomes);
  console.log(
    failed.length === 0 ? '\naccuracy: all gated bars hold' : `\naccuracy: ${failed.length} gated bar(s) failed`,
  );

  if (options.json) {
    const json = {
      services: Object.fromEntries(
        results.map((r) => [
          r.service,
          {
            ...summarise(r),
            definitions: r.definitions,
            definitionsWithPage: r.definitionsWithPage,
            operationsMatched: r.comparisons.length,
            missingOps: r.missingOps,
            params: r.params,
            fields: r.fields,
            drift: r.drift,
            constraintMismatchByKey: r.agreements.constraintMismatchByKey,
          },
        ]),
      ),
      textForms: textForms && {
        components: textForms.components,
        matched: textForms.matches.length,
        counts: textForms.counts,
        ...scores(textForms.counts),
        typeAgreement: agreementRate(textForms.type),
        requiredAgreement: agreementRate(textForms.required),
      },
      bars: outcomes,
    };
    writeFileSync(options.json, JSON.stringify(json, null, 2) + '\n');
  }
  return failed.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
