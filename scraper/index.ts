// The scraper's front door: inputs (files, directories, globs) → pages → service model → OpenAPI document,
// with a report in which every table row that is not in the document has an entry.

import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { glob } from 'tinyglobby';
import type { DocPage, ReportEntry } from './model.ts';
import { interpretPage, pageFile, type TableLibrary, tableLibrary } from './interpret/page.ts';
import { buildService, type NameOverrides, type PageOutcome } from './interpret/service.ts';
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

/**
 * The self-check, which needs no truth (docs/FORMATS.md §10): operation pages whose operation has no request or
 * response schema while the page shows a body example, and table rows that reached only the report.
 */
export interface ScrapeSummary {
  thinOperations: number;
  /** `file: side` for each thin operation (`创建图.md: response 200`), sorted. */
  thin: string[];
  rowsReportOnly: number;
  rows: number;
}

export interface ScrapeResult {
  document: OpenApiDocument;
  report: ReportEntry[];
  pages: PageSummary[];
  summary: ScrapeSummary;
}

function selfCheck(outcomes: PageOutcome[], pages: PageSummary[]): ScrapeSummary {
  const thin = outcomes.filter((o) => o.thin.length).map((o) => `${o.file}: ${o.thin.join(', ')}`);
  return {
    thinOperations: thin.length,
    thin: thin.sort(compareText),
    rowsReportOnly: outcomes.reduce((n, o) => n + o.fates.filter((f) => f.reportOnly).length, 0),
    rows: pages.reduce((n, p) => n + p.rows, 0),
  };
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
  return pages.reduce(
    (n, p) => n + p.sections.reduce((m, s) => m + s.tables.reduce((k, t) => k + t.rows.length, 0), 0),
    0,
  );
}

/** NUL bytes or many replacement characters: a binary file given as input by mistake. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  return sample.includes('\u0000') || (sample.match(/\uFFFD/g) ?? []).length > sample.length / 20;
}

/** Largest page read (bytes). A bigger file is a report entry, never read into memory; raise it here. */
export const MAX_PAGE_BYTES = 16 * 1024 * 1024;

/** A file's counts before anything is read from it. */
function emptySummary(file: string, form: string): PageSummary {
  return {
    file,
    form,
    pages: 0,
    operations: 0,
    schemas: 0,
    errorCodes: 0,
    rows: 0,
    issues: { error: 0, warning: 0, info: 0 },
  };
}

/** A page as text: read with the size and file-kind checks of readPageBytes, decoded by its BOM or charset. */
export async function readPageText(file: string): Promise<{ text: string; notes: DecodeNote[] } | { reason: string }> {
  const bytes = await readPageBytes(file);
  return 'reason' in bytes ? bytes : decodePage(bytes.bytes);
}

/**
 * A page's bytes, read with a size cap and only from a regular file: a symlink to /dev/zero, a FIFO (whose
 * open would block until a writer comes) or a socket is refused before it is opened, and the opened handle is
 * checked again. Returns the bytes or the reason the page was not read.
 */
export async function readPageBytes(
  file: string,
  maxBytes = MAX_PAGE_BYTES,
): Promise<{ bytes: Uint8Array } | { reason: string }> {
  const info = await stat(file).catch((err: NodeJS.ErrnoException) => err);
  if (info instanceof Error) return { reason: `cannot read page: ${info.code ?? info.message}` };
  if (!info.isFile()) return { reason: 'not a regular file (device, FIFO or socket): not read' };
  if (info.size > maxBytes)
    return { reason: `page is ${info.size} bytes, over the ${maxBytes}-byte limit (MAX_PAGE_BYTES): not read` };
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
 * Reads one file into pages (no interpretation yet: sub-tables may live on another input page). `notes` (how
 * its bytes were decoded) are reported with the page's own findings.
 */
function readText(
  text: string,
  file: string,
  report: ReportEntry[],
  notes: DecodeNote[] = [],
): { pages: DocPage[]; summary: PageSummary } {
  const add = (entry: Omit<ReportEntry, 'file'>) => report.push({ file, ...entry });
  notes.forEach(add);
  const reader = pickReader(text, file);
  const summary = emptySummary(file, reader?.form ?? 'unknown');
  let pages: DocPage[] = [];
  if (!text.trim()) add({ reason: 'empty page', severity: 'warning' });
  else if (looksBinary(text)) add({ reason: 'not a text page (binary content)', severity: 'error' });
  else if (!reader)
    add({ reason: 'form not recognised (not DITA HTML, doc-source markdown or manual text)', severity: 'error' });
  else {
    try {
      pages = reader.read(text, file, add);
    } catch (err) {
      add({ reason: `reader '${reader.form}' failed: ${(err as Error).message}`, severity: 'error' });
    }
    summary.pages = pages.length;
    summary.rows = countRows(pages);
  }
  return { pages, summary };
}

/** Interprets one file's pages; a page that throws becomes a report entry and the others go on. */
function interpretFile(
  file: string,
  pages: DocPage[],
  summary: PageSummary,
  report: ReportEntry[],
  library: TableLibrary,
): PageOutcome[] {
  const add = (entry: Omit<ReportEntry, 'file'>) => report.push({ file, ...entry });
  const outcomes: PageOutcome[] = [];
  for (const page of pages) {
    try {
      const fileOfPage = pageFile(page);
      const result = interpretPage(page, (entry) => report.push({ file: fileOfPage, ...entry }), library);
      outcomes.push({ file: fileOfPage, ...result });
      summary.operations += result.operation ? 1 : 0;
      summary.schemas += result.objects.length;
      summary.errorCodes += result.errorCodes.length;
    } catch (err) {
      add({
        section: page.part,
        reason: `page could not be interpreted: ${(err as Error).message}`,
        severity: 'error',
      });
    }
  }
  // Prose pages of a structured manual (使用前必读, 修订记录, …: a titled markdown or HTML topic) are expected:
  // noted, not warned about. Text that only a lenient reader took stays a warning, so --strict notices it.
  const prose = pages.every((p) => p.title && (p.form === 'zh-md' || p.form === 'dita-html'));
  if (pages.length && !summary.rows && !outcomes.some((o) => o.operation))
    add({ reason: 'page has no tables and no operation: nothing taken from it', severity: prose ? 'info' : 'warning' });
  return outcomes;
}

/** Reads one file into page outcomes; a page that throws becomes a report entry and the others go on. */
export function scrapeText(
  text: string,
  file: string,
  report: ReportEntry[],
  library?: TableLibrary,
): { outcomes: PageOutcome[]; summary: PageSummary } {
  const before = report.length;
  const { pages, summary } = readText(text, file, report);
  const outcomes = interpretFile(file, pages, summary, report, library ?? tableLibrary(pages));
  for (const entry of report.slice(before)) summary.issues[entry.severity]++;
  return { outcomes, summary };
}

/** How a file is named in x-source and the report: relative to the project root, `/`-separated, so a spec is
 * the same whichever folder the repository is cloned into. */
function displayName(file: string, root: string): string {
  return relative(root, resolve(file)).split(sep).join('/');
}

export async function scrapeInputs(
  inputs: string[],
  options: {
    service: string;
    root?: string;
    names?: NameOverrides;
    onFile?: (done: number, total: number, summary: PageSummary) => void;
  },
): Promise<ScrapeResult> {
  const root = options.root ?? process.cwd();
  const files = await expandInputs(inputs);
  const report: ReportEntry[] = [];
  const outcomes: PageOutcome[] = [];
  const pages: PageSummary[] = [];
  // Two passes: every page is read before any is interpreted, so a sub-table on another page can be found.
  const read: { file: string; pages: DocPage[]; summary: PageSummary; readIssues: ReportEntry[] }[] = [];
  for (const file of files) {
    const name = displayName(file, root);
    const before = report.length;
    const page = await readPageText(file);
    if ('reason' in page) {
      report.push({ file: name, reason: page.reason, severity: 'error' });
      read.push({ file: name, pages: [], summary: emptySummary(name, 'unknown'), readIssues: report.slice(before) });
      continue;
    }
    const result = readText(page.text, name, report, page.notes);
    read.push({ file: name, ...result, readIssues: report.slice(before) });
  }
  const library = tableLibrary(read.flatMap((r) => r.pages));
  for (const r of read) {
    const start = report.length;
    outcomes.push(...interpretFile(r.file, r.pages, r.summary, report, library));
    for (const entry of [...r.readIssues, ...report.slice(start)]) r.summary.issues[entry.severity]++;
    pages.push(r.summary);
    options.onFile?.(pages.length, read.length, r.summary); // progress (the CLI's TTY line)
  }
  const model = buildService(
    options.service,
    outcomes,
    (entry) => report.push(entry),
    options.names ? { names: options.names } : {},
  );
  checkExamples(model, (entry) => report.push(entry));
  const document = buildDocument(model);
  return { document, report: sortReport(report), pages, summary: selfCheck(outcomes, pages) };
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };

function sortReport(report: ReportEntry[]): ReportEntry[] {
  return report
    .map((entry, i) => [entry, i] as const)
    .sort(
      ([a, i], [b, j]) =>
        compareText(a.file, b.file) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || i - j,
    )
    .map(([entry]) => entry);
}
