// Shared helpers for the text-reader tests: read a fixture with a reader and collect its report.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DocPage, DocTable, ReportEntry } from '../../scraper/model.ts';
import { textReaders } from '../../scraper/readers/text/index.ts';

export const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../fixtures/text/${name}`, import.meta.url)), 'utf8');

export function read(form: string, name: string): { pages: DocPage[]; report: Omit<ReportEntry, 'file'>[] } {
  const reader = textReaders.find((r) => r.form === form);
  if (!reader) throw new Error(`no reader for ${form}`);
  const report: Omit<ReportEntry, 'file'>[] = [];
  const pages = reader.read(fixture(name), name, (e) => report.push(e));
  return { pages, report };
}

/** A table as `name required type` lines (required cell only when the table has the column). */
export function rowLines(table: DocTable): string[] {
  const header = table.header.map((h) => h.replace(/\s+/g, ''));
  const name = 0;
  const required = header.findIndex((h) => /是否必|必填|必选|Mandatory/i.test(h));
  const type = header.findIndex((h) => /类型|Type/i.test(h));
  return table.rows.map((r) =>
    [
      r.cells[name]?.text,
      required >= 0 ? r.cells[required]?.text : undefined,
      type >= 0 ? r.cells[type]?.text : undefined,
    ]
      .filter((x) => x !== undefined)
      .join(' '),
  );
}
