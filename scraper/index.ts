// The scraper's front door: inputs (files, directories, globs) → pages → service model → OpenAPI document,
// with a report in which every table row that is not in the document has an entry.

import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { glob } from 'tinyglobby';
import type { DocPage, ReportEntry } from './model.ts';
import { interpretPage, pageFile } from './interpret/page.ts';
import { buildService, type PageOutcome } from './interpret/service.ts';
import { checkExamples } from './interpret/check-examples.ts';
import { buildDocument, type OpenApiDocument } from './openapi/build.ts';
import { pickReader } from './readers/index.ts';
import { decodePage, type DecodeNote } from './readers/decode.ts';
import { compareText, sortBy } from './interpret/names.ts';

export interface PageSummary {
  file: string;
  form: string;
  pages: number;
  operations: number;
  schemas: number;
  errorCodes: number;
  rows: number;
  issues: Record<ReportEntry['severity'], number>;
}

export interface ScrapeResult {
  document: OpenApiDocument;
  report: ReportEntry[];
  pages: PageSummary[];
}

export class InputError extends Error {}

const PAGE_EXTENSIONS = /\.(md|markdown|html?|txt|xhtml)$/i;

/** Files named by the inputs: a file as given, a directory's pages recursively, a glob's matches; sorted. */
export async function expandInputs(inputs: string[]): Promise<string[]> {
  // Keyed by absolute path: `./a.md a.md /abs/a.md` is one page, read once.
  const files = new Map<string, string>();
  const add = (file: string) => files.set(resolve(file), file);
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    // A named FIFO, device or socket is kept: scrapeInputs reports it instead of reading it (or calling it missing).
    if (info && !info.isDirectory()) add(input);
    else if (info?.isDirectory()) {
      const found = (await glob('**/*', { cwd: input, onlyFiles: true, dot: false })).filter(
        (f) => PAGE_EXTENSIONS.test(f) && !/(^|\/)(LICENSE|README)\.md$/i.test(f),
      );
      if (!found.length) throw new InputError(`no page (.md, .html, .txt) in directory '${input}'`);
      for (const f of found) add(`${input.replace(/\/+$/, '')}/${f}`);
    } else if (/[*?[{]/.test(input)) {
      const found = await glob(input, { onlyFiles: true });
      if (!found.length) throw new InputError(`no file matches '${input}'`);
      found.forEach(add);
    } else throw new InputError(`input not found: ${input}`);
  }
  return sortBy([...files.entries()], ([absolute]) => absolute).map(([, file]) => file);
}

function countRows(pages: DocPage[]): number {
  return pages.reduce((n, p) => n + p.sections.reduce((m, s) => m + s.tables.reduce((k, t) => k + t.rows.length, 0), 0), 0);
}

/** NUL bytes or many replacement characters: a binary file given as input by mistake. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  return sample.includes('\u0000') || (sample.match(/\uFFFD/g) ?? []).length > sample.length / 20;
}

/** Largest page read (bytes). A bigger file is a report entry, never read into memory; raise it here. */
export const MAX_PAGE_BYTES = 16 * 1024 * 1024;

/**
 * A page's bytes, read with a size cap and only from a regular file: a symlink to /dev/zero, a FIFO (whose
 * open would block until a writer comes) or a socket is refused before it is opened, and the opened handle is
 * checked again. Returns the bytes or the reason the page was not read.
 */
export async function readPageBytes(file: string, maxBytes = MAX_PAGE_BYTES): Promise<{ bytes: Uint8Array } | { reason: string }> {
  const info = await stat(file).catch((err: NodeJS.ErrnoException) => err);
  if (info instanceof Error) return { reason: `cannot read page: ${info.code ?? info.message}` };
  if (!info.isFile()) return { reason: 'not a regular file (device, FIFO or socket): not read' };
  if (info.size > maxBytes) return { reason: `page is ${info.size} bytes, over the ${maxBytes}-byte limit (MAX_PAGE_BYTES): not read` };
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return { reason: `cannot read page: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
  try {
    if (!(await handle.stat()).isFile()) return { reason: 'not a regular file (device, FIFO or socket): not read' };
    // One byte more than the cap tells a file that grew since stat() from one that fits.
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, Math.max(info.size + 1, 64 * 1024)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) break;
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) return { reason: `page is over the ${maxBytes}-byte limit (MAX_PAGE_BYTES): not read` };
    return { bytes: buffer.subarray(0, length) };
  } catch (err) {
    return { reason: `cannot read page: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  } finally {
    await handle.close();
  }
}

/**
 * Reads one file into page outcomes; a page that throws becomes a report entry and the others go on. `notes`
 * (how its bytes were decoded) are reported with the page's own findings.
 */
export function scrapeText(text: string, file: string, report: ReportEntry[], notes: DecodeNote[] = []): { outcomes: PageOutcome[]; summary: PageSummary } {
  const before = report.length;
  const add = (entry: Omit<ReportEntry, 'file'>) => report.push({ file, ...entry });
  notes.forEach(add);
  const reader = pickReader(text, file);
  const summary: PageSummary = { file, form: reader?.form ?? 'unknown', pages: 0, operations: 0, schemas: 0, errorCodes: 0, rows: 0, issues: { error: 0, warning: 0, info: 0 } };
  const outcomes: PageOutcome[] = [];
  if (!text.trim()) add({ reason: 'empty page', severity: 'warning' });
  else if (looksBinary(text)) add({ reason: 'not a text page (binary content)', severity: 'error' });
  else if (!reader) add({ reason: 'form not recognised (not DITA HTML, doc-source markdown or manual text)', severity: 'error' });
  else {
    let pages: DocPage[] = [];
    try {
      pages = reader.read(text, file, add);
    } catch (err) {
      add({ reason: `reader '${reader.form}' failed: ${(err as Error).message}`, severity: 'error' });
    }
    summary.pages = pages.length;
    summary.rows = countRows(pages);
    for (const page of pages) {
      try {
        const fileOfPage = pageFile(page);
        const result = interpretPage(page, (entry) => report.push({ file: fileOfPage, ...entry }));
        outcomes.push({ file: fileOfPage, ...result });
        summary.operations += result.operation ? 1 : 0;
        summary.schemas += result.objects.length;
        summary.errorCodes += result.errorCodes.length;
      } catch (err) {
        add({ section: page.part, reason: `page could not be interpreted: ${(err as Error).message}`, severity: 'error' });
      }
    }
    if (!summary.rows && !outcomes.some((o) => o.operation)) add({ reason: 'page has no tables and no operation: nothing taken from it', severity: 'warning' });
  }
  for (const entry of report.slice(before)) summary.issues[entry.severity]++;
  return { outcomes, summary };
}

/** How a file is named in x-source and the report: relative to the project root, `/`-separated, so a spec is
 * the same whichever folder the repository is cloned into. */
function displayName(file: string, root: string): string {
  return relative(root, resolve(file)).split(sep).join('/');
}

export async function scrapeInputs(inputs: string[], options: { service: string; root?: string }): Promise<ScrapeResult> {
  const root = options.root ?? process.cwd();
  const files = await expandInputs(inputs);
  const report: ReportEntry[] = [];
  const outcomes: PageOutcome[] = [];
  const pages: PageSummary[] = [];
  for (const file of files) {
    const name = displayName(file, root);
    const read = await readPageBytes(file);
    if ('reason' in read) {
      report.push({ file: name, reason: read.reason, severity: 'error' });
      pages.push({ file: name, form: 'unknown', pages: 0, operations: 0, schemas: 0, errorCodes: 0, rows: 0, issues: { error: 1, warning: 0, info: 0 } });
      continue;
    }
    const { text, notes } = decodePage(read.bytes);
    const result = scrapeText(text, name, report, notes);
    outcomes.push(...result.outcomes);
    pages.push(result.summary);
  }
  const model = buildService(options.service, outcomes, (entry) => report.push(entry));
  checkExamples(model, (entry) => report.push(entry));
  const document = buildDocument(model);
  return { document, report: sortReport(report), pages };
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };

function sortReport(report: ReportEntry[]): ReportEntry[] {
  return report
    .map((entry, i) => [entry, i] as const)
    .sort(([a, i], [b, j]) => compareText(a.file, b.file) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || i - j)
    .map(([entry]) => entry);
}
