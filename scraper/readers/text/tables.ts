// Finishing a table found in text: choosing the row template from the header, segmenting rows, and reporting.
// Shared by the three text readers; they differ only in how they cut text into tokens.

import type { DocSection, DocTable, ReportEntry } from '../../model.ts';
import type { ColumnRole } from '../../vocab.ts';
import { segmentRows, type Evidence, type SegmentResult, type Token } from './rows.ts';
import { captionWord, headerWord } from './roles.ts';
import { ANCHORED_ROLES, isRequiredWord, textColumnRole } from './words.ts';

export type Report = (entry: Omit<ReportEntry, 'file'>) => void;

/** A table as a reader found it: header and the body tokens, not yet cut into rows. */
export interface RawTable {
  caption: string;
  number?: number;
  header: string[];
  tokens: Token[];
  status?: string;
}

export interface TextLayout {
  mode: 'words' | 'cells';
  spanning: boolean;
}

/** Column roles of a header; unknown header words are free text (`description`-like) so they never anchor a row. */
function headerRoles(header: string[]): ColumnRole[] {
  return header.map((h) => textColumnRole(h) ?? 'ignored');
}

export function tableLabel(table: Pick<RawTable, 'caption' | 'number'>): string {
  return table.number !== undefined
    ? `表${table.number} ${table.caption}`.trim()
    : table.caption || '(table without caption)';
}

function rank(result: SegmentResult): number {
  return result.rows.length * result.fit - 2 * result.unplaced;
}

/**
 * Percell text from support pages drops the 是/否 cell although the header names the column (FORMATS.md §9.2).
 * Both readings are tried; when the rows agree only without it, the table is given consistently without the
 * column (required unknown), and that is reported once for the table.
 */
function chooseTemplate(
  raw: RawTable,
  roles: ColumnRole[],
  layout: TextLayout,
  evidence: Evidence,
): { header: string[]; result: SegmentResult; droppedRequired: boolean } {
  const full = segmentRows(raw.tokens, roles, { ...layout, evidence });
  const r = roles.indexOf('required');
  if (r < 0 || layout.mode === 'words') return { header: raw.header, result: full, droppedRequired: false };
  const requiredCells = raw.tokens.filter((t) => isRequiredWord(t.text)).length;
  const without = segmentRows(
    raw.tokens,
    roles.filter((_, i) => i !== r),
    { ...layout, evidence },
  );
  const dropped = requiredCells === 0 && without.rows.length > 0 && rank(without) > rank(full);
  return dropped
    ? { header: raw.header.filter((_, i) => i !== r), result: without, droppedRequired: true }
    : { header: raw.header, result: full, droppedRequired: false };
}

/** Cuts a raw table into rows and reports whatever did not become a row. */
function finishTable(raw: RawTable, section: string, layout: TextLayout, evidence: Evidence, report: Report): DocTable {
  const table = tableLabel(raw);
  const roles = headerRoles(raw.header);
  const { header, result, droppedRequired } = chooseTemplate(raw, roles, layout, evidence);
  if (droppedRequired) {
    report({
      section,
      table,
      reason: `the rows carry no 是/否 cell although the header names '${raw.header[roles.indexOf('required')]}': read without that column (required unknown)`,
      severity: 'info',
    });
  }
  if (layout.mode === 'words') {
    const free = headerRoles(header).filter((r) => !ANCHORED_ROLES.has(r));
    if (free.length > 1) {
      report({
        section,
        table,
        reason: `flat text has no cell boundaries between the free-text columns ${free.join(', ')}: split at script changes (heuristic)`,
        severity: 'info',
      });
    }
  }
  for (const f of result.findings) report({ section, table, row: f.row, reason: f.reason, severity: f.severity });
  if (raw.tokens.length > 0 && result.rows.length === 0) {
    // A body of a word or two is an excerpt cut mid-row; a table anchored only by names cannot be cut in flat text.
    const anchoredByNameOnly = !roles.some((r) => r !== 'name' && ANCHORED_ROLES.has(r));
    const nameless = result.findings.some((f) => f.reason.startsWith('row without a name cell'));
    const severity = raw.tokens.length <= 2 || anchoredByNameOnly || nameless ? 'warning' : 'error';
    report({
      section,
      table,
      reason: `no row could be read from the table body (${raw.tokens.length} tokens)`,
      severity,
    });
  }
  return {
    caption: captionWord(raw.caption),
    number: raw.number,
    anchors: [],
    header: header.map(headerWord),
    rows: result.rows.map((cells) => ({ cells })),
    ...(raw.status ? { status: raw.status } : {}),
  };
}

/** A section under construction: raw tables are finished once the page's evidence is known. */
export interface RawSection extends Omit<DocSection, 'tables'> {
  rawTables: RawTable[];
}

export function finishSection(raw: RawSection, layout: TextLayout, evidence: Evidence, report: Report): DocSection {
  const { rawTables, ...rest } = raw;
  return { ...rest, tables: rawTables.map((t) => finishTable(t, raw.heading, layout, evidence, report)) };
}
