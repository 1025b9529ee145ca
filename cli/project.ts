// Config-driven builds shared by `hwdocs build` and `hwdocs check`: one service = scrape its inputs into its
// spec, then generate its package. `check` runs the same steps into a temporary folder and compares.

import { isAbsolute, join, relative } from 'node:path';
import { ConfigError, loadConfig, type ProjectConfig, type ServiceConfig } from '../config/load.ts';
import { UsageError } from './args.ts';
import { crawl } from '../crawl/index.ts';
import { generatePackage } from '../generator/index.ts';
import { InputError, scrapeInputs } from '../scraper/index.ts';
import { findings, summarizeReport, writeScrapeResult } from './scrape-output.ts';

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

export async function buildOne(config: ProjectConfig, service: ServiceConfig, targets: BuildTargets): Promise<ServiceBuild> {
  const inputs = await localInputs(config, service);
  const result = await scrapeInputs(inputs, { service: service.name, root: config.root, ...(service.names ? { names: service.names } : {}) }).catch((err: unknown) => {
    throw err instanceof InputError ? new UsageError(`service ${service.name}: ${err.message}`) : err;
  });
  await writeScrapeResult(result, targets.spec, targets.report);
  if (targets.output) await generatePackage(targets.spec, targets.output, { name: service.package ?? `hwdocs-${service.name}` });
  return {
    findings: findings(result.report),
    summary: summarizeReport(result.report),
  };
}

const isUrl = (input: string) => /^https?:\/\//i.test(input);

/**
 * The service's inputs as local paths: URL inputs are crawled (politely, with the on-disk cache and resume of
 * `hwdocs crawl`) into the service's crawl folder, which is then scraped like any other folder.
 */
async function localInputs(config: ProjectConfig, service: ServiceConfig): Promise<string[]> {
  const urls = service.inputs.filter(isUrl);
  const paths = service.inputs.filter((input) => !isUrl(input)).map((input) => underRoot(config.root, input));
  if (!urls.length) return paths;
  const outDir = underRoot(config.root, service.crawlCache ?? join('.cache', 'hwdocs', service.name));
  const summary = await crawl(urls, { outDir, onEvent: () => {} });
  if (summary.failed) process.stderr.write(`hwdocs build: ${service.name}: ${summary.failed} page(s) could not be fetched; building from the rest\n`);
  if (!summary.saved) throw new Error(`service ${service.name}: no page could be fetched from ${urls.join(', ')}`);
  return [...paths, outDir];
}

/** Options shared by `build` and `check`. */
export const PROJECT_OPTIONS = { config: { type: 'string', short: 'c' }, service: { type: 'string' } } as const;

/** The config and the services a command acts on; a bad config or an unknown service is a usage error. */
export async function projectServices(options: { config?: string; service?: string }): Promise<{ config: ProjectConfig; services: ServiceConfig[] }> {
  try {
    const config = await loadConfig(options.config ?? 'hwdocs.config.json');
    if (!options.service) return { config, services: config.services };
    const services = config.services.filter((s) => s.name === options.service);
    if (!services.length) throw new UsageError(`no service '${options.service}' in the config (have: ${config.services.map((s) => s.name).join(', ')})`);
    return { config, services };
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(err.message);
    throw err;
  }
}
