// Config-driven builds shared by `hwdocs build` and `hwdocs check`: one service = scrape its inputs into its
// spec, then generate its package. `check` runs the same steps into a temporary folder and compares.

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import type { ProjectConfig, ServiceConfig } from '../config/load.ts';
import { generatePackage } from '../generator/index.ts';
import { scrapeInputs } from '../scraper/index.ts';
import { serializeSpec, toJson } from '../scraper/openapi/serialize.ts';
import { summarizeReport } from './commands/scrape.ts';

export interface BuildTargets {
  /** Where the spec, the report and the package go; defaults to the config's own paths. */
  spec: string;
  output?: string;
  report?: string;
}

export interface ServiceBuild {
  service: string;
  spec: string;
  output?: string;
  findings: number;
  summary: string;
}

export function underRoot(root: string, path: string): string {
  return isAbsolute(path) ? path : join(root, path);
}

/** The config's own targets, or the same relative paths below `base` (check's temporary folder). */
export function targetsOf(config: ProjectConfig, service: ServiceConfig, base = config.root): BuildTargets {
  return {
    spec: underRoot(base, service.spec),
    ...(service.output ? { output: underRoot(base, service.output) } : {}),
    ...(service.report ? { report: underRoot(base, service.report) } : {}),
  };
}

export async function buildOne(config: ProjectConfig, service: ServiceConfig, targets: BuildTargets): Promise<ServiceBuild> {
  const inputs = service.inputs.map((input) => (/^https?:\/\//.test(input) ? input : underRoot(config.root, input)));
  const remote = inputs.filter((i) => /^https?:\/\//.test(i));
  if (remote.length) throw new Error(`service ${service.name}: URL inputs need 'hwdocs crawl' first (${remote.join(', ')})`);
  const result = await scrapeInputs(inputs, { service: service.name, root: config.root });
  await mkdir(dirname(targets.spec), { recursive: true });
  await writeFile(targets.spec, serializeSpec(result.document, targets.spec));
  if (targets.report) {
    await mkdir(dirname(targets.report), { recursive: true });
    await writeFile(targets.report, toJson({ summary: summarizeReport(result.report), pages: result.pages, entries: result.report }));
  }
  if (targets.output) await generatePackage(targets.spec, targets.output, { name: service.package ?? `hwdocs-${service.name}` });
  return {
    service: service.name,
    spec: targets.spec,
    ...(targets.output ? { output: targets.output } : {}),
    findings: result.report.filter((e) => e.severity !== 'info').length,
    summary: summarizeReport(result.report),
  };
}

export function selectServices(config: ProjectConfig, name?: string): ServiceConfig[] {
  if (!name) return config.services;
  const found = config.services.filter((s) => s.name === name);
  if (!found.length) throw new Error(`no service '${name}' in the config (have: ${config.services.map((s) => s.name).join(', ')})`);
  return found;
}
