// Writing a scrape's results, shared by `scrape` and config-driven builds: the spec (YAML or JSON by extension),
// the report (JSON), and the one-line summary printed on stderr.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ScrapeResult } from '../scraper/index.ts';
import type { ReportEntry } from '../scraper/model.ts';
import { serializeSpec, toJson } from '../scraper/openapi/serialize.ts';

export function summarizeReport(report: ReportEntry[]): string {
  const count = (s: ReportEntry['severity']) => report.filter((e) => e.severity === s).length;
  return `${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes`;
}

/** Errors and warnings: what `--strict` (and `strict` in the config) fails on. */
export function findings(report: ReportEntry[]): number {
  return report.filter((e) => e.severity !== 'info').length;
}

async function write(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
}

export async function writeScrapeResult(result: ScrapeResult, spec: string, report?: string): Promise<void> {
  await write(spec, serializeSpec(result.document, spec));
  if (report) await write(report, toJson({ summary: summarizeReport(result.report), selfCheck: result.summary, pages: result.pages, entries: result.report }));
}
