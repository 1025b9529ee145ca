// Writing a scrape's results, shared by `scrape` and config-driven builds: the spec (YAML or JSON by extension),
// the report (JSON), and the summary printed on stderr. The summary sorts report entries into kinds (a data table
// below), so that the real warnings are not drowned by pages that are simply not API pages.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { scrapeInputs, type ScrapeResult } from '../scraper/index.ts';
import type { ReportEntry } from '../scraper/model.ts';
import { serializeSpec, toJson } from '../scraper/openapi/serialize.ts';
import { progress } from './log.ts';

export type EntryKind = 'not-api-page' | 'contradiction' | 'row-not-in-spec' | 'other';

/** How report entries are told apart, first match wins; severity stays the scraper's. */
const ENTRY_KINDS: { kind: EntryKind; test: (entry: ReportEntry) => boolean }[] = [
  // Introductions, overviews, appendices: a page without tables and without an operation is counted, not warned.
  { kind: 'not-api-page', test: (e) => /^page has no tables and no operation\b/.test(e.reason) },
  { kind: 'contradiction', test: (e) => /^example contradicts the documented schema\b/.test(e.reason) },
  { kind: 'row-not-in-spec', test: (e) => e.table !== undefined || e.row !== undefined },
  { kind: 'other', test: () => true },
];

export function entryKind(entry: ReportEntry): EntryKind {
  return ENTRY_KINDS.find((k) => k.test(entry))!.kind;
}

/** Errors and warnings, except pages that are not API pages: what `--strict` (and `strict` in the config) fails on. */
export function findings(report: ReportEntry[]): number {
  return report.filter((e) => e.severity !== 'info' && entryKind(e) !== 'not-api-page').length;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * One line: `2 rows/tables not in the spec, 1 doc contradiction, 0 other warnings, 0 errors, 43 notes; 4 pages
 * are not API pages`. Notes (info) are what was decided without loss (shared schemas, renamed clashes).
 */
export function summarizeReport(report: ReportEntry[]): string {
  const counted = { rows: 0, contradictions: 0, other: 0, errors: 0, notes: 0, notApi: 0 };
  for (const entry of report) {
    const kind = entryKind(entry);
    if (kind === 'not-api-page') counted.notApi++;
    else if (entry.severity === 'info') counted.notes++;
    else if (entry.severity === 'error') counted.errors++;
    else if (kind === 'row-not-in-spec') counted.rows++;
    else if (kind === 'contradiction') counted.contradictions++;
    else counted.other++;
  }
  return (
    [
      `${plural(counted.rows, 'row/table', 'rows/tables')} not in the spec`,
      plural(counted.contradictions, 'doc contradiction'),
      plural(counted.other, 'other warning'),
      plural(counted.errors, 'error'),
      plural(counted.notes, 'note'),
    ].join(', ') + (counted.notApi ? `; ${plural(counted.notApi, 'page')} not API pages (skipped)` : '')
  );
}

/** The last line of a run that failed because of findings under --strict / `strict`. */
export function strictFailureLine(command: string, count: number): string {
  return `hwdocs ${command}: failed: ${plural(count, 'finding')} under --strict (outputs were written; see the report)`;
}

async function write(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = join(dirname(file), `.${basename(file)}.tmp-${process.pid}`);
  try {
    await writeFile(temp, text);
    await rename(temp, file);
  } finally {
    await rm(temp, { force: true });
  }
}

export async function writeScrapeResult(result: ScrapeResult, spec: string, report?: string): Promise<void> {
  await write(spec, serializeSpec(result.document, spec));
  if (report)
    await write(
      report,
      toJson({
        summary: summarizeReport(result.report),
        selfCheck: result.summary,
        pages: result.pages,
        entries: result.report,
      }),
    );
}

/** scrapeInputs with a progress line on a terminal: files read, operations found, the file being read. */
export async function scrapeWithProgress(
  inputs: string[],
  options: Omit<Parameters<typeof scrapeInputs>[1], 'onFile'>,
): Promise<ScrapeResult> {
  const line = progress();
  let operations = 0;
  try {
    return await scrapeInputs(inputs, {
      ...options,
      onFile(done, total, page) {
        operations += page.operations;
        line.update(
          `${options.service}: ${done}/${total} files read, ${plural(operations, 'operation')} found · ${page.file}`,
        );
      },
    });
  } finally {
    line.done();
  }
}
