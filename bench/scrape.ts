// `npm run bench:scrape`: how fast is the scraper compared with the floor of just parsing the same files?
//
// Scrapes every shared corpus page (every service of services.json, about 1,900 pages, plus flat, percell, pipe and
// seed) with scrapeInputs and, in the same process, reads + `cheerio.load`s the same files. Each side gets one
// warm-up run (JIT, file cache), then REPEATS timed runs; the median is reported. Prints pages/s, both times, the
// ratio (goal ≤ 2×, issue 8: a markdown parser costs something) and peak memory.
// It never asserts a time: machines differ, and a benchmark that fails CI on a busy runner teaches nothing.

import * as cheerio from 'cheerio';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { corpusServices } from '../test/accuracy/services.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = resolve(ROOT, '../shared/corpus');
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const RATIO_GOAL = 2;

interface Scraper {
  scrapeInputs: (inputs: string[], options: { service: string }) => Promise<{ document: unknown; report: unknown[] }>;
  /** The files scrapeInputs reads for these inputs: the cheerio floor parses exactly the same ones. */
  expandInputs: (inputs: string[]) => Promise<string[]>;
}

/**
 * One scrapeInputs call per service, as `hwdocs scrape` would run them: each service's pages folder from the
 * corpus's services.json (the list the accuracy harness grades), then the text forms as one group.
 */
function groupsOf(corpus: string): { service: string; dirs: string[] }[] {
  return [
    ...corpusServices(corpus).map(({ service, pages }) => ({ service, dirs: [pages] })),
    { service: 'pages', dirs: ['flat', 'percell', 'pipe', 'seed'] },
  ];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Peak RSS seen by sampling between awaits; resourceUsage().maxRSS (the OS's own peak) is printed beside it. */
let sampledPeakRss = 0;
function sampleRss(): void {
  sampledPeakRss = Math.max(sampledPeakRss, process.memoryUsage().rss);
}

async function timeOnce(run: () => Promise<void> | void): Promise<number> {
  const start = performance.now();
  await run();
  const elapsed = performance.now() - start;
  sampleRss();
  return elapsed;
}

/**
 * Times both sides, alternating run by run, so a load spike on a shared machine hits both rather than one.
 * One untimed warm-up each first: JIT, module loading, OS file cache.
 */
async function timedPair(
  a: () => Promise<void> | void,
  b: () => Promise<void> | void,
): Promise<{ a: number[]; b: number[] }> {
  await a();
  await b();
  sampleRss();
  const times = { a: [] as number[], b: [] as number[] };
  for (let i = 0; i < REPEATS; i++) {
    times.a.push(await timeOnce(a));
    times.b.push(await timeOnce(b));
  }
  return times;
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

async function main(): Promise<number> {
  if (!existsSync(CORPUS)) {
    console.log(`bench:scrape: skipped, the shared corpus is not at ${CORPUS}`);
    return 0;
  }
  const entry = join(ROOT, 'scraper/index.ts');
  if (!existsSync(entry)) {
    console.log('bench:scrape: scraper/index.ts is missing, nothing to measure');
    return 1;
  }
  const { scrapeInputs, expandInputs } = (await import(pathToFileURL(entry).href)) as Scraper;
  const groups = groupsOf(CORPUS).map((g) => ({ ...g, dirs: g.dirs.map((d) => join(CORPUS, d)).filter(existsSync) }));
  const files = (await Promise.all(groups.map((g) => expandInputs(g.dirs)))).flat();
  const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
  const sampler = setInterval(sampleRss, 5);

  const { a: scraperTimes, b: cheerioTimes } = await timedPair(
    async () => {
      for (const group of groups) await scrapeInputs(group.dirs, { service: group.service });
    },
    // The floor: the same files read from disk and parsed by cheerio, which any HTML-aware scraper has to pay.
    () => {
      for (const file of files) cheerio.load(readFileSync(file, 'utf8'));
    },
  );
  clearInterval(sampler);
  sampleRss();

  const scraperMs = median(scraperTimes);
  const cheerioMs = median(cheerioTimes);
  const ratio = scraperMs / cheerioMs;
  console.log(
    `bench:scrape — ${groups.length - 1} services + text forms, ${files.length} pages, ${(bytes / 1024 / 1024).toFixed(1)} MiB, median of ${REPEATS} alternating runs after one warm-up each`,
  );
  console.log(
    `  scraper (scrapeInputs)   ${scraperMs.toFixed(0).padStart(7)} ms   ${((files.length / scraperMs) * 1000).toFixed(0)} pages/s`,
  );
  console.log(
    `  cheerio.load (floor)     ${cheerioMs.toFixed(0).padStart(7)} ms   ${((files.length / cheerioMs) * 1000).toFixed(0)} pages/s`,
  );
  console.log(
    `  ratio scraper / cheerio  ${ratio.toFixed(2)}×   (goal ≤ ${RATIO_GOAL}×: ${ratio <= RATIO_GOAL ? 'met' : 'not met'})`,
  );
  console.log(
    `  runs (ms): scraper ${scraperTimes.map((t) => t.toFixed(0)).join(' ')}; cheerio ${cheerioTimes.map((t) => t.toFixed(0)).join(' ')}`,
  );
  console.log(
    `  peak memory: sampled rss ${mib(sampledPeakRss)}, resourceUsage().maxRSS ${mib(process.resourceUsage().maxRSS * 1024)}`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
