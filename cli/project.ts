// Config-driven builds shared by `hwdocs build` and `hwdocs check`: one service = scrape its inputs into its
// spec, then generate its package. `check` runs the same steps into a temporary folder and compares.

import { isAbsolute, join, relative } from 'node:path';
import { ConfigError, loadConfig, type ProjectConfig, type ServiceConfig } from '../config/load.ts';
import { InputError, type ScrapeResult } from '../scraper/index.ts';
import { UsageError } from './args.ts';
import { stage } from './log.ts';
import { assertSafeOutputs, canonical, within, type Output } from './outputs.ts';
import { findings, scrapeWithProgress, summarizeReport, writeScrapeResult } from './scrape-output.ts';

export interface BuildTargets {
  /** Where the spec, the report and the package go; defaults to the config's own paths. */
  spec: string;
  output?: string;
  report?: string;
}

/** What a build tells its caller: the report's one-line summary and how many findings `strict` counts. */
export interface ServiceBuild {
  findings: number;
  summary: string;
}

export function underRoot(root: string, path: string): string {
  return isAbsolute(path) ? path : join(root, path);
}

/**
 * The config's own targets, or the same paths mirrored below `base` (check's temporary folder). A path outside the
 * project (absolute, or climbing out with `..`) is mirrored too, under `external/`: a check never writes outside
 * its scratch folder.
 */
export function targetsOf(config: ProjectConfig, service: ServiceConfig, base?: string): BuildTargets {
  const place = (path: string) => {
    const own = underRoot(config.root, path);
    if (base === undefined) return own;
    const rel = relative(config.root, own);
    // `own` is absolute and normalised, so mirroring it needs no `..` handling; only a drive letter goes.
    const inside = rel.startsWith('..') || isAbsolute(rel) ? join('external', own.replace(/^[A-Za-z]:/, '')) : rel;
    return join(base, inside);
  };
  return {
    spec: place(service.spec),
    ...(service.output ? { output: place(service.output) } : {}),
    ...(service.report ? { report: place(service.report) } : {}),
  };
}

/** Scrapes the service's inputs and writes its spec (and report) to `targets`. */
export async function scrapeOne(
  config: ProjectConfig,
  service: ServiceConfig,
  targets: BuildTargets,
): Promise<ScrapeResult> {
  const inputs = await localInputs(config, service);
  const result = await stage(`${service.name}: scrape`, () =>
    scrapeWithProgress(inputs, {
      service: service.name,
      root: config.root,
      ...(service.names ? { names: service.names } : {}),
    }),
  ).catch((err: unknown) => {
    throw err instanceof InputError ? new UsageError(`service ${service.name}: ${err.message}`) : err;
  });
  await stage(`${service.name}: write spec`, () => writeScrapeResult(result, targets.spec, targets.report));
  return result;
}

/** Generates the service's package from the spec at `targets.spec` into `targets.output` (loads the generator). */
export async function generateOne(service: ServiceConfig, targets: BuildTargets): Promise<void> {
  if (!targets.output) return;
  const { generatePackage } = await stage('load the generator', () => import('../generator/index.ts'));
  await stage(`${service.name}: generate`, () =>
    generatePackage(targets.spec, targets.output!, { name: packageNameOf(service) }),
  );
}

export function packageNameOf(service: ServiceConfig): string {
  return service.package ?? `hwdocs-${service.name}`;
}

export async function buildOne(
  config: ProjectConfig,
  service: ServiceConfig,
  targets: BuildTargets,
): Promise<ServiceBuild> {
  const result = await scrapeOne(config, service, targets);
  await generateOne(service, targets);
  return { findings: findings(result.report), summary: summarizeReport(result.report) };
}

const isUrl = (input: string) => /^https?:\/\//i.test(input);

function crawlFolderOf(config: ProjectConfig, service: ServiceConfig): string {
  return underRoot(config.root, service.crawlCache ?? join('.cache', 'hwdocs', service.name));
}

/**
 * The service's inputs as local paths: URL inputs are crawled (politely, with the on-disk cache and resume of
 * `hwdocs crawl`) into the service's crawl folder, which is then scraped like any other folder.
 */
async function localInputs(config: ProjectConfig, service: ServiceConfig): Promise<string[]> {
  const urls = service.inputs.filter(isUrl);
  const paths = service.inputs.filter((input) => !isUrl(input)).map((input) => underRoot(config.root, input));
  if (!urls.length) return paths;
  const outDir = crawlFolderOf(config, service);
  const { crawl } = await import('../crawl/index.ts');
  const summary = await crawl(urls, { outDir, onEvent: () => {} });
  if (summary.failed)
    process.stderr.write(
      `hwdocs build: ${service.name}: ${summary.failed} page(s) could not be fetched; building from the rest\n`,
    );
  if (!summary.saved) throw new Error(`service ${service.name}: no page could be fetched from ${urls.join(', ')}`);
  return [...paths, outDir];
}

/** What a service reads (its local inputs and, for URL inputs, its crawl folder) and what it writes. */
export function serviceIo(config: ProjectConfig, service: ServiceConfig): { inputs: string[]; outputs: Output[] } {
  const inputs = service.inputs.filter((i) => !isUrl(i)).map((i) => underRoot(config.root, i));
  if (service.inputs.some(isUrl)) inputs.push(crawlFolderOf(config, service));
  const outputs: Output[] = [
    { label: `spec of ${service.name}`, path: underRoot(config.root, service.spec), kind: 'file' },
  ];
  if (service.report)
    outputs.push({ label: `report of ${service.name}`, path: underRoot(config.root, service.report), kind: 'file' });
  if (service.output)
    outputs.push({ label: `output of ${service.name}`, path: underRoot(config.root, service.output), kind: 'folder' });
  return { inputs, outputs };
}

/** Refuses, before anything is written, outputs of the services that are unsafe (see outputs.ts). */
export async function assertSafeServices(config: ProjectConfig, services: ServiceConfig[]): Promise<void> {
  for (const service of services) {
    const { inputs, outputs } = serviceIo(config, service);
    await assertSafeOutputs(outputs, inputs, [config.root]);
  }
}

/** Two services of one config that write the same place (or one inside the other's): the last would win. */
export function sharedOutputs(config: ProjectConfig): string[] {
  const all = config.services.flatMap((service) =>
    serviceIo(config, service).outputs.map((o) => ({ service: service.name, ...o, at: canonical(o.path) })),
  );
  const problems: string[] = [];
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const [a, b] = [all[i], all[j]];
      if (a.service !== b.service && (within(a.at, b.at) || within(b.at, a.at))) {
        problems.push(
          `/services: ${a.label} and ${b.label} ${a.at === b.at ? 'are the same path' : 'overlap'} (${relative(config.root, a.at) || '.'})`,
        );
      }
    }
  }
  return problems;
}

/** Options shared by `build` and `check`. */
export const PROJECT_OPTIONS = { config: { type: 'string', short: 'c' }, service: { type: 'string' } } as const;

/** The config and the services a command acts on; a bad config or an unknown service is a usage error. */
export async function projectServices(options: {
  config?: string;
  service?: string;
}): Promise<{ config: ProjectConfig; services: ServiceConfig[] }> {
  try {
    const file = options.config ?? 'hwdocs.config.json';
    const config = await loadConfig(file);
    const shared = sharedOutputs(config);
    if (shared.length) throw new UsageError(`${file} is not a valid hwdocs config:\n  ${shared.join('\n  ')}`);
    if (!options.service) return { config, services: config.services };
    const services = config.services.filter((s) => s.name === options.service);
    if (!services.length)
      throw new UsageError(
        `no service '${options.service}' in the config (have: ${config.services.map((s) => s.name).join(', ')})`,
      );
    return { config, services };
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(err.message);
    throw err;
  }
}
