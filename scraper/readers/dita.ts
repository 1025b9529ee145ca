// DITA markup shared by the HTML reader and the doc-source markdown reader (which embeds DITA `<table>`s):
// tables with row/col spans → DocTable, cells → DocCell.

import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { DocCell, DocRow, DocTable } from '../model.ts';
import { foldWidth } from '../vocab.ts';

/** Elements whose content starts a new line of cell text. */
const BLOCK_TAGS = new Set(['p', 'div', 'li', 'br', 'ul', 'ol', 'pre', 'dd', 'dt', 'dl', 'tr', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Visible text of a DOM subtree with block elements on their own lines and inline whitespace collapsed. */
export function blockText(node: AnyNode): string {
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    const line = current.replace(/\s+/g, ' ').trim();
    if (line) lines.push(line);
    current = '';
  };
  const walk = (n: AnyNode) => {
    if (n.type === 'text') {
      current += (n as unknown as { data: string }).data;
      return;
    }
    if (n.type !== 'tag' && n.type !== 'root') return;
    const el = n as Element;
    const block = BLOCK_TAGS.has(el.name);
    if (block) flush();
    for (const child of el.children ?? []) walk(child);
    if (block) flush();
  };
  walk(node);
  flush();
  return decodeEntitiesLeft(lines.join('\n'));
}

/** Markdown sources sometimes double-escape: `&amp;lt;` survives one decode as `&lt;`. */
function decodeEntitiesLeft(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|nbsp);/g, (_, name: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', nbsp: ' ' })[name]!);
}

export function readCell($: CheerioAPI, cell: Cheerio<Element>): DocCell {
  const links = cell
    .find('a[href]')
    .toArray()
    .map((a) => ({ href: $(a).attr('href') ?? '', text: $(a).text().replace(/\s+/g, ' ').trim() }));
  const listItems = cell
    .find('li')
    .toArray()
    .map((li) => $(li).text().replace(/\s+/g, ' ').trim());
  return { text: blockText(cell[0]!), links, listItems };
}

const EMPTY_CELL: DocCell = { text: '', links: [], listItems: [] };

/**
 * Expands a table's rows into a rectangular grid, repeating row-spanned and col-spanned cells, so every row
 * lines up with the header.
 */
function gridRows($: CheerioAPI, rows: Element[]): DocCell[][] {
  const grid: DocCell[][] = [];
  const pending: { col: number; left: number; cell: DocCell }[] = [];
  for (const tr of rows) {
    const out: DocCell[] = [];
    const place = () => {
      for (let p = pending.findIndex((s) => s.col === out.length && s.left > 0); p >= 0; p = pending.findIndex((s) => s.col === out.length && s.left > 0)) {
        out.push(pending[p]!.cell);
        pending[p]!.left--;
      }
    };
    for (const td of $(tr).children('td,th').toArray()) {
      place();
      const cell = readCell($, $(td));
      const colspan = Math.max(1, Number($(td).attr('colspan')) || 1);
      const rowspan = Math.max(1, Number($(td).attr('rowspan')) || 1);
      for (let c = 0; c < colspan; c++) {
        if (rowspan > 1) pending.push({ col: out.length, left: rowspan - 1, cell });
        out.push(cell);
      }
    }
    place();
    grid.push(out);
    for (let p = pending.length - 1; p >= 0; p--) if (pending[p]!.left <= 0) pending.splice(p, 1);
  }
  return grid;
}

const CAPTION_NUMBER = /^\s*(?:表|Table)\s*(\d+)\s*/i;

/** `表 3 请求Body参数` / `Table 3 Request body parameters` → number and caption. */
export function splitCaption(text: string): { number?: number; caption: string } {
  const clean = foldWidth(text).replace(/\s+/g, ' ').trim();
  const m = clean.match(CAPTION_NUMBER);
  return m ? { number: Number(m[1]), caption: clean.slice(m[0].length).trim() } : { caption: clean };
}

/** A DITA `<table>` element → DocTable. Header: `<thead>` rows, or a first row made only of `<th>`. */
export function readTable($: CheerioAPI, table: Cheerio<Element>): DocTable {
  const allRows = table.find('tr').toArray().filter((tr) => $(tr).closest('table')[0] === table[0]);
  const headRows = allRows.filter((tr) => $(tr).parent('thead').length > 0);
  let bodyRows = allRows.filter((tr) => $(tr).parent('thead').length === 0);
  if (!headRows.length && bodyRows.length && $(bodyRows[0]).children('td').length === 0) {
    headRows.push(bodyRows[0]!);
    bodyRows = bodyRows.slice(1);
  }
  const header = headRows.length ? gridRows($, headRows.slice(-1))[0]!.map((c) => c.text.replace(/\n/g, ' ')) : [];
  const rows: DocRow[] = gridRows($, bodyRows).map((cells) => ({
    cells: header.length ? header.map((_, i) => cells[i] ?? EMPTY_CELL) : cells,
  }));
  const captionEl = table.children('caption');
  const { number, caption } = splitCaption(captionEl.length ? captionEl.text() : '');
  const anchors = [table.attr('id')].filter((a): a is string => !!a);
  return { caption, number, anchors, header, rows };
}
