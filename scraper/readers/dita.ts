// DITA markup shared by the HTML reader and the doc-source markdown reader (which embeds DITA `<table>`s):
// tables with row/col spans → DocTable, cells → DocCell. Works on the parsed DOM directly (one walk per cell):
// selector engines cost more than the whole rest of a page's reading.

import type { AnyNode, Element, Text } from 'domhandler';
import type { DocCell, DocRow, DocTable } from '../model.ts';
import { foldWidth } from '../vocab.ts';

/** Elements whose content starts a new line of cell text. */
const BLOCK_TAGS = new Set([
  'td',
  'th',
  'p',
  'div',
  'li',
  'br',
  'ul',
  'ol',
  'pre',
  'dd',
  'dt',
  'dl',
  'tr',
  'table',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);

export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

export function childElements(node: AnyNode, ...names: string[]): Element[] {
  const children = (node as Element).children ?? [];
  return children.filter((c): c is Element => isElement(c) && (names.length === 0 || names.includes(c.name)));
}

/** Plain text of a subtree, whitespace collapsed. */
export function textOf(node: AnyNode): string {
  if (node.type === 'text') return (node as Text).data;
  return ((node as Element).children ?? []).map(textOf).join('');
}

/** Whitespace runs to one space, ends trimmed. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The entities markdown sources leave behind (`&amp;lt;` survives one HTML decode as `&lt;`). */
export const BASIC_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', nbsp: ' ' };

export function decodeEntitiesLeft(text: string): string {
  return text.includes('&')
    ? text.replace(/&(lt|gt|amp|quot|nbsp);/g, (_, name: string) => BASIC_ENTITIES[name]!)
    : text;
}

/** Visible text of a DOM subtree with block elements on their own lines and inline whitespace collapsed. */
export function blockText(node: AnyNode): string {
  return readCell(node).text;
}

/** One walk over a cell: its text (blocks on their own lines), its links and its list items. */
export function readCell(node: AnyNode): DocCell {
  const lines: string[] = [];
  const links: DocCell['links'] = [];
  const listItems: string[] = [];
  let current = '';
  const flush = () => {
    const line = collapse(current);
    if (line) lines.push(line);
    current = '';
  };
  const walk = (n: AnyNode) => {
    if (n.type === 'text') {
      current += (n as Text).data;
      return;
    }
    if (!isElement(n) && n.type !== 'root') return;
    const el = n as Element;
    if (el.name === 'a' && el.attribs?.href !== undefined)
      links.push({ href: el.attribs.href, text: collapse(textOf(el)) });
    if (el.name === 'li') listItems.push(collapse(textOf(el)));
    const block = BLOCK_TAGS.has(el.name);
    if (block) flush();
    for (const child of el.children ?? []) walk(child);
    if (block) flush();
  };
  walk(node);
  flush();
  return { text: decodeEntitiesLeft(lines.join('\n')), links, listItems };
}

const EMPTY_CELL: DocCell = { text: '', links: [], listItems: [] };

/** A table limit hit (span clamped, cell budget spent): the reader reports it for the page and goes on. */
export type TableReport = (entry: { row?: string; reason: string }) => void;

/** Widest colspan honoured, as browsers do (HTML: colspan > 1000 is 1000). */
export const MAX_COLSPAN = 1000;
/**
 * Most grid slots (rows × columns after spans) one table may expand to. A 4 KB page of `colspan=1000` cells
 * would otherwise expand to millions of slots; past the budget spans are read as 1 and the table is reported.
 */
export const MAX_TABLE_CELLS = 1_000_000;

/** A cell still covering rows below it: `left` more rows from column `col` on, `width` columns wide. */
interface Carry {
  cell: DocCell;
  left: number;
}

/**
 * Expands rows into a rectangular grid, repeating row-spanned and col-spanned cells, so every row lines up with
 * the header. Linear in the grid's size: carried cells are kept per column, never searched. Spans are clamped to
 * what the table can hold: a rowspan to the rows left in the table, a colspan to `maxWidth` (the header's width
 * once known) and MAX_COLSPAN, and every span to the MAX_TABLE_CELLS budget; a clamp is reported.
 */
function gridRows(rows: Element[], maxWidth: number, report?: TableReport): DocCell[][] {
  const grid: DocCell[][] = [];
  let carry: (Carry | undefined)[] = [];
  let slots = 0;
  let clamped = false;
  rows.forEach((tr, r) => {
    const out: DocCell[] = [];
    const next: (Carry | undefined)[] = [];
    const place = () => {
      for (let c = carry[out.length]; c && c.left > 0; c = carry[out.length]) {
        c.left--;
        if (c.left > 0) next[out.length] = c;
        out.push(c.cell);
      }
    };
    for (const td of childElements(tr, 'td', 'th')) {
      place();
      const cell = readCell(td);
      const wantCols = Math.max(1, Math.floor(Number(td.attribs.colspan)) || 1);
      const wantRows = Math.max(1, Math.floor(Number(td.attribs.rowspan)) || 1);
      const budget = Math.max(1, Math.floor((MAX_TABLE_CELLS - slots) / Math.max(1, rows.length - r)));
      const colspan = Math.min(wantCols, MAX_COLSPAN, Math.max(1, maxWidth - out.length), budget);
      const rowspan = Math.min(wantRows, rows.length - r, Math.max(1, Math.floor(budget / colspan)));
      if (colspan < wantCols && wantCols > MAX_COLSPAN) clamped = true;
      if (rowspan < wantRows && (wantRows > rows.length - r + 1 || budget < wantCols * wantRows)) clamped = true;
      for (let c = 0; c < colspan; c++) {
        if (rowspan > 1) next[out.length] = { cell, left: rowspan - 1 };
        out.push(cell);
      }
    }
    place();
    slots += out.length;
    grid.push(out);
    carry = next;
  });
  if (clamped)
    report?.({
      reason: `table spans clamped to what the table can hold (${rows.length} rows, colspan ≤ ${Math.min(MAX_COLSPAN, maxWidth)}, ≤ ${MAX_TABLE_CELLS} cells: MAX_COLSPAN, MAX_TABLE_CELLS)`,
    });
  return grid;
}

const CAPTION_NUMBER = /^\s*(?:表|Table)\s*(\d+)\s*/i;

/**
 * A footnote mark before the caption text: `**表 2**  \\[1\\] tags字段数据结构说明` answers the type cell
 * `List<resource_tag>[1]` (zh-md/bms/查询裸金属服务器标签.md); the mark is no part of the caption's name.
 */
const CAPTION_FOOTNOTE = /^\[\d{1,2}\]\s*/;

/** `表 3 请求Body参数` / `Table 3 Request body parameters` → number and caption. */
export function splitCaption(text: string): { number?: number; caption: string } {
  const clean = collapse(foldWidth(text));
  const m = clean.match(CAPTION_NUMBER);
  if (!m) return { caption: clean };
  return { number: Number(m[1]), caption: clean.slice(m[0].length).trim().replace(CAPTION_FOOTNOTE, '') };
}

/** The table's own rows (`table > tr`, `table > thead|tbody|tfoot > tr`), never those of nested tables. */
function ownRows(table: Element): { head: Element[]; body: Element[] } {
  const head: Element[] = [];
  const body: Element[] = [];
  for (const child of childElements(table)) {
    if (child.name === 'tr') body.push(child);
    else if (child.name === 'thead') head.push(...childElements(child, 'tr'));
    else if (child.name === 'tbody' || child.name === 'tfoot') body.push(...childElements(child, 'tr'));
  }
  return { head, body };
}

/** A DITA `<table>` element → DocTable. Header: `<thead>` rows, or a first row made only of `<th>`. */
export function readTable(table: Element, report?: TableReport): DocTable {
  const { head, body } = ownRows(table);
  let bodyRows = body;
  if (!head.length && bodyRows.length && childElements(bodyRows[0]!, 'td').length === 0) {
    head.push(bodyRows[0]!);
    bodyRows = bodyRows.slice(1);
  }
  // With a two-row header (`<th rowspan=2>参数</th>` beside `<th colspan=2>`), the last grid row holds every column.
  const header = head.length
    ? gridRows(head, MAX_COLSPAN, report)
        .at(-1)!
        .map((c) => c.text.replace(/\n/g, ' '))
    : [];
  // Body rows never need more columns than the header names (cells past it are dropped below anyway).
  const rows: DocRow[] = gridRows(bodyRows, header.length || MAX_COLSPAN, report).map((cells) => ({
    cells: header.length ? header.map((_, i) => cells[i] ?? EMPTY_CELL) : cells,
  }));
  const captionEl = childElements(table, 'caption')[0];
  const { number, caption } = splitCaption(captionEl ? textOf(captionEl) : '');
  const anchors = table.attribs.id ? [table.attribs.id] : [];
  return { caption, number, anchors, header, rows };
}

/** The elements named `name` below `node`, in document order, not looking inside a match (outer tables only). */
export function outermost(node: AnyNode, name: string): Element[] {
  return childElements(node).flatMap((child) => (child.name === name ? [child] : outermost(child, name)));
}
