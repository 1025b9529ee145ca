// Doc-source markdown (huaweicloudDocs/<service> repos, `zh-md/` in the corpus), parsed with markdown-it
// (CommonMark + GFM tables; ARCHITECTURE.md says why this parser). The pages come in every generation
// (docs/FORMATS.md): `## 请求参数` headings around embedded DITA `<table>` HTML, GFM pipe tables
// (`|参数|是否必选|参数类型|描述|`), the oldest `## 请求` / `## 响应` pages whose tables and examples sit inside
// bullets (`-   请求参数`, `-   要素说明`), captions as `**表 N**  caption`, `<a name="…"></a>` anchors.
//
// The parser gives the block structure (lists, fences, tables, HTML blocks); this module flattens its token
// stream into Blocks in document order, so a table nested in a list item lands where it is written, and
// assemble.ts folds the blocks into a DocPage. Text inside paragraphs is classified line by line (caption,
// anchor, status marker, text): a caption line and the anchor below it are one CommonMark paragraph.

import MarkdownIt from 'markdown-it';
import type { StateBlock, Token } from 'markdown-it';
import { parseDocument } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';
import type { DocCell, DocLink, DocRow, DocTable, Reader } from '../model.ts';
import { apiNameOf, assemblePage, type Block } from './assemble.ts';
import { titleAnchorName } from './title-anchor.ts';
import {
  blockText,
  collapse,
  decodeEntitiesLeft,
  isElement,
  outermost,
  readCell,
  readTable,
  splitCaption,
  textOf,
  type TableReport,
} from './dita.ts';

type Report = Parameters<Reader['read']>[2];

/**
 * Deepest container nesting (lists in lists, quotes) markdown-it descends into. Below it the parser stops
 * reading the container; the page gets a report entry instead of silently shorter content.
 */
export const MAX_MARKDOWN_NESTING = 100;

/** The block tags whose HTML runs to their closing tag, blank lines included (FORMATS.md §9: a DITA table
 * with an empty line inside a cell). CommonMark would end them at the first blank line. */
const DITA_BLOCK = /<(table|pre|div)(?=[\s/>]|$)/iy;
const TAG_PATTERNS = new Map(
  ['table', 'pre', 'div'].map((tag) => [
    tag,
    { open: new RegExp(`<${tag}(?=[\\s/>]|$)`, 'gi'), close: new RegExp(`</${tag}\\s*>`, 'gi') },
  ]),
);
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;

/** Opening minus closing tags of one kind on a line. */
function depthChange(line: string, tag: string): number {
  if (!line.toLowerCase().includes(tag)) return 0;
  const { open, close } = TAG_PATTERNS.get(tag)!;
  return (line.match(open)?.length ?? 0) - (line.match(close)?.length ?? 0);
}

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]);
}

/**
 * Block rule: an HTML `<table>`, `<pre>` or `<div>` runs line by line to the line that closes it, so long tables
 * cost linear time and blank lines inside cells do not cut them. An unclosed block ends before the next ATX
 * heading (`meta.complete` false, reported).
 */
function ditaHtmlBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  DITA_BLOCK.lastIndex = state.bMarks[startLine]! + state.tShift[startLine]!;
  const match = DITA_BLOCK.exec(state.src);
  if (!match || DITA_BLOCK.lastIndex > state.eMarks[startLine]!) return false;
  if (silent) return true;
  const tag = match[1]!.toLowerCase();
  let depth = 0;
  let line = startLine;
  let complete = false;
  for (; line < endLine; line++) {
    const text = lineText(state, line);
    if (line > startLine && ATX_HEADING.test(text)) break;
    depth += depthChange(text, tag);
    if (depth <= 0) {
      complete = true;
      line++;
      break;
    }
  }
  const token = state.push('dita_html', '', 0);
  token.map = [startLine, line];
  token.content = state.getLines(startLine, line, state.blkIndent, true);
  token.meta = { complete, tag };
  state.line = line;
  return true;
}

/** A fence opener, bare or as a bullet's first content (`-   ```` with the code below at column 0). */
const LOOSE_FENCE = /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(`{3,}|~{3,})([^`\n]*)$/;

/**
 * Block rule: a fence runs to the next line that closes it, whatever the indentation of the lines between.
 * The doc-source converter writes fences as bullet content whose body escapes the bullet (`-   ```` then
 * `{` at column 0) or indents them more than CommonMark allows; CommonMark would end such a fence at the
 * list item's end and read the rest of the page as code. An opener with no closer is left to the standard
 * fence rule (read to the end of its container, reported).
 */
function looseFence(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const open = lineText(state, startLine).match(LOOSE_FENCE);
  if (!open) return false;
  const marker = open[1]!;
  const opener = state.src.slice(state.bMarks[startLine], state.eMarks[startLine]);
  const indent = opener.length - opener.replace(/^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?/, '').length;
  const closes = (text: string) => text.startsWith(marker[0]!.repeat(marker.length)) && /^(?:`+|~+)[ \t]*$/.test(text);
  let close = startLine + 1;
  while (close < endLine && !closes(lineText(state, close))) close++;
  if (close >= endLine) return false;
  if (silent) return true;
  // Dedented by the opener's indentation, or less when the body sits further left (it escaped its bullet).
  const raw: string[] = [];
  for (let line = startLine + 1; line < close; line++)
    raw.push(state.src.slice(state.bMarks[line], state.eMarks[line]));
  const leading = (text: string) => text.length - text.trimStart().length;
  const dedent = raw.reduce((min, text) => (text.trim() ? Math.min(min, leading(text)) : min), indent);
  const body = raw.map((text) => text.slice(Math.min(dedent, leading(text))));
  const token = state.push('fence', 'code', 0);
  token.info = open[2]!.trim();
  token.markup = marker;
  token.content = body.length ? `${body.join('\n')}\n` : '';
  token.map = [startLine, close + 1];
  state.line = close + 1;
  return true;
}

const parser = new MarkdownIt('default', {
  html: true,
  linkify: false,
  typographer: false,
  maxNesting: MAX_MARKDOWN_NESTING,
});
parser.block.ruler.before('table', 'dita_html', ditaHtmlBlock, {
  alt: ['paragraph', 'reference', 'blockquote', 'list'],
});
parser.block.ruler.before('table', 'loose_fence', looseFence, {
  alt: ['paragraph', 'reference', 'blockquote', 'list'],
});
// Indentation in the doc source is a conversion artifact (captions and text indented for a bullet that has
// already ended), never an indented code block: code is always fenced or `<pre>`.
parser.disable('code');

// ---------------------------------------------------------------------------------------------------------------
// Inline content → text

const BR = /^<br\s*\/?>$/i;
const ANCHOR_TAG = /^<a\s+(?:name|id)\s*=\s*"([^"]*)"\s*\/?>$/i;

/** The inline tokens of a paragraph split into its lines (soft and hard breaks, `<br>`). */
function splitLines(children: Token[]): Token[][] {
  const lines: Token[][] = [[]];
  for (const token of children) {
    if (
      token.type === 'softbreak' ||
      token.type === 'hardbreak' ||
      (token.type === 'html_inline' && BR.test(token.content))
    )
      lines.push([]);
    else lines.at(-1)!.push(token);
  }
  return lines;
}

/** `**` the parser could not pair (`**_a_**为`: CommonMark's flanking rules around CJK) is markup, not text. */
const UNPAIRED_STRONG = /\*\*/g;

/** Visible text of inline tokens: HTML tags dropped, entities the doc source double-escaped decoded once more. */
function inlineText(tokens: Token[]): string {
  let text = '';
  for (const token of tokens) {
    if (token.type === 'text')
      text += token.content.includes('**') ? token.content.replace(UNPAIRED_STRONG, '') : token.content;
    else if (token.type === 'code_inline') text += token.content;
    else if (token.type === 'image') text += token.content;
    else if (token.type === 'softbreak' || token.type === 'hardbreak') text += ' ';
  }
  return decodeEntitiesLeft(collapse(text));
}

/** `<a name="x"></a>` lines: only anchor tags, their closing tags and blanks. */
function anchorNames(tokens: Token[]): string[] {
  const names: string[] = [];
  for (const token of tokens) {
    if (token.type === 'html_inline') {
      const anchor = token.content.match(ANCHOR_TAG);
      if (anchor) names.push(anchor[1]!);
      else if (!/^<\/a\s*>$/i.test(token.content)) return [];
    } else if (!(token.type === 'text' && !token.content.trim())) return [];
  }
  return names;
}

/** A bullet left at the start of a text line (a list too deeply indented for CommonMark to see one). */
const LIST_MARKER = /^(?:[-*+]|\d{1,9}\.)\s+/;

const CAPTION_LABEL = /^(?:表|Table)\s*\d+$/i;

/** `**表 N**  caption`: a line that opens with a bold table number. */
function isCaptionLine(tokens: Token[]): boolean {
  const first = tokens.findIndex((t) => t.type !== 'text' || t.content.trim() !== '');
  if (tokens[first]?.type !== 'strong_open') return false;
  const close = tokens.findIndex((t, i) => i > first && t.type === 'strong_close');
  return close > first && CAPTION_LABEL.test(inlineText(tokens.slice(first + 1, close)));
}

function lineBlocks(tokens: Token[], blocks: Block[], item?: number): void {
  const anchors = anchorNames(tokens);
  if (anchors.length) {
    for (const name of anchors) blocks.push({ type: 'anchor', name });
    return;
  }
  const text = inlineText(tokens).replace(LIST_MARKER, '');
  if (!text) return;
  if (isCaptionLine(tokens)) {
    const { number, caption } = splitCaption(text);
    blocks.push({ type: 'caption', text: caption, number });
  } else blocks.push(item === undefined ? { type: 'paragraph', text } : { type: 'paragraph', text, item });
}

// ---------------------------------------------------------------------------------------------------------------
// GFM pipe tables → DocTable (the same DocCell shape as the DITA tables)

/** `<br>`-separated lines written as bullets (`- a：…<br>- b：…`) are the cell's list items. */
const BULLET_LINE = /^(?:[-*+•]|\d+[.)])\s+(.*)$/;

function bulletItems(text: string): string[] {
  const lines = text.split('\n');
  const items = lines.map((line) => line.match(BULLET_LINE)?.[1]).filter((item): item is string => item !== undefined);
  return items.length >= 2 || (items.length === 1 && lines.length > 1) ? items : [];
}

/**
 * One pipe-table cell. Cells with inline HTML (`<br>`, `<a href="other.md#table…">表3</a>`, `<ul><li>`) are
 * rendered back to HTML and read by the DITA cell reader, so both forms give the same DocCell; plain cells are
 * read from the tokens directly (most cells, and the cheap path).
 */
function pipeCell(children: Token[]): DocCell {
  if (children.some((t) => t.type === 'html_inline')) {
    const cell = readCell(parseDocument(parser.renderer.renderInline(children, parser.options, {})));
    return cell.listItems.length ? cell : { ...cell, listItems: bulletItems(cell.text) };
  }
  let text = '';
  const links: DocLink[] = [];
  let link: DocLink | undefined;
  for (const token of children) {
    if (token.type === 'link_open') link = { href: String(token.attrGet('href') ?? ''), text: '' };
    else if (token.type === 'link_close' && link) {
      links.push({ ...link, text: collapse(link.text) });
      link = undefined;
    } else if (token.type === 'text' || token.type === 'code_inline' || token.type === 'image') {
      text += token.content;
      if (link) link.text += token.content;
    }
  }
  return { text: decodeEntitiesLeft(collapse(text)), links, listItems: [] };
}

/**
 * The tokens from `table_open` to `table_close` → DocTable. GFM keeps a row to the header's width: cells beyond it
 * (an unescaped `|` inside a description) are joined back into the last column with ` | ` and reported, so no
 * text is lost; missing cells are empty.
 */
function pipeTable(tokens: Token[], start: number, lines: string[], report: Report): { table: DocTable; next: number } {
  const header: string[] = [];
  const rows: DocRow[] = [];
  let row: DocCell[] | undefined;
  let rowLine: number | undefined;
  let inHead = false;
  let i = start + 1;
  for (; i < tokens.length && tokens[i]!.type !== 'table_close'; i++) {
    const token = tokens[i]!;
    if (token.type === 'thead_open') inHead = true;
    else if (token.type === 'thead_close') inHead = false;
    else if (token.type === 'tr_open') {
      row = [];
      rowLine = token.map?.[0];
    } else if (token.type === 'inline' && row) row.push(pipeCell(token.children ?? []));
    else if (token.type === 'tr_close' && row) {
      if (inHead) header.push(...row.map((c) => c.text.replace(/\n/g, ' ')));
      else
        rows.push(
          fitRow(
            { cells: row },
            header.length,
            rowLine === undefined ? undefined : lines[rowLine],
            report,
            rows.length + 1,
          ),
        );
      row = undefined;
    }
  }
  return { table: { caption: '', anchors: [], header, rows }, next: i + 1 };
}

/** The cells of a pipe-table source line: outer pipes dropped, split on every `|` not escaped as `\\|`. */
export function splitPipeRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  const body = line.trim().replace(/^\|/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === '\\' && body[i + 1] === '|') {
      cell += '\\|';
      i++;
    } else if (ch === '|') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  if (cell.trim()) cells.push(cell);
  return cells;
}

/**
 * markdown-it keeps a row to the header's width and drops the cells past it. Those come from an unescaped `|`
 * inside the last column (`echo 'root:…' | chpasswd` in a description), so they are read from the source line
 * and joined back into the last cell with ` | `, and the row is reported: no text is lost.
 */
function fitRow(row: DocRow, width: number, sourceLine: string | undefined, report: Report, rowNumber: number): DocRow {
  if (!width || sourceLine === undefined) return row;
  const extra = splitPipeRow(sourceLine).slice(width);
  if (!extra.length) return row;
  const cells = [...row.cells];
  const last = cells[width - 1]!;
  const more = extra.map((raw) => pipeCell(parser.parseInline(raw.trim(), {})[0]?.children ?? []));
  cells[width - 1] = {
    text: [last.text, ...more.map((c) => c.text)].join(' | '),
    links: [...last.links, ...more.flatMap((c) => c.links)],
    listItems: [...last.listItems, ...more.flatMap((c) => c.listItems)],
  };
  report({
    row: rowNumber,
    reason: `pipe-table row has ${width + extra.length} cells for ${width} columns (an unescaped '|' in a cell?): the extra cells were joined into the last column`,
    severity: 'info',
  });
  return { cells };
}

// ---------------------------------------------------------------------------------------------------------------
// Embedded HTML → Blocks

/** An HTML block (DITA table, `<pre>`, `<div>`, other HTML) → blocks: tables, code, anchors, text. */
function htmlBlocks(html: string, report: TableReport): Block[] {
  const blocks: Block[] = [];
  const visit = (node: AnyNode) => {
    if (node.type === 'text') {
      for (const line of textOf(node).split('\n')) {
        const text = decodeEntitiesLeft(collapse(line));
        if (text) blocks.push({ type: 'paragraph', text });
      }
      return;
    }
    if (!isElement(node)) return;
    const el = node as Element;
    if (el.name === 'table') blocks.push({ type: 'table', table: readTable(el, report) });
    else if (el.name === 'pre') blocks.push({ type: 'code', text: textOf(el) });
    else if (el.name === 'a' && el.attribs.href === undefined && (el.attribs.name || el.attribs.id))
      blocks.push({ type: 'anchor', name: (el.attribs.name ?? el.attribs.id)! });
    else {
      const nested = outermost(el, 'table');
      const pres = nested.length ? [] : outermost(el, 'pre');
      if (nested.length) for (const t of nested) blocks.push({ type: 'table', table: readTable(t, report) });
      else if (pres.length) for (const pre of pres) blocks.push({ type: 'code', text: textOf(pre) });
      else {
        const text = blockText(el);
        if (text) blocks.push({ type: 'paragraph', text });
      }
    }
  };
  for (const node of parseDocument(html).children) visit(node);
  return blocks;
}

// ---------------------------------------------------------------------------------------------------------------
// Token stream → Blocks

/** Whether a fence's last line closes it (markdown-it runs an unclosed fence to the end of its container). */
function fenceClosed(token: Token, lines: string[]): boolean {
  const [start, end] = token.map!;
  if (end - 1 <= start) return false;
  const last = lines[end - 1]!.trim();
  return last.startsWith(token.markup) && /^(?:`+|~+)$/.test(last);
}

function codeText(content: string): string {
  return content.endsWith('\n') ? content.slice(0, -1) : content;
}

export function markdownBlocks(source: string, report: Report = () => {}): Block[] {
  const text = source.replace(/^\uFEFF/, '');
  const tokens = parser.parse(text, {});
  const lines = text.split(/\r\n?|\n/);
  const blocks: Block[] = [];
  const tableReport: TableReport = (entry) => report({ ...entry, severity: 'warning' });
  let deepest = 0;
  let lists = 0;
  /** Depth of the list item whose first paragraph has not been seen yet. */
  let openItem: number | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    deepest = Math.max(deepest, token.level);
    if (token.type !== 'list_item_open' && token.type !== 'paragraph_open' && token.type !== 'inline')
      openItem = undefined;
    switch (token.type) {
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists++;
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists--;
        break;
      case 'list_item_open':
        openItem = lists;
        break;
      case 'heading_open': {
        const inline = tokens[i + 1]!;
        blocks.push({ type: 'heading', level: Number(token.tag.slice(1)), text: inlineText(inline.children ?? []) });
        i += 2;
        break;
      }
      case 'inline':
        splitLines(token.children ?? []).forEach((line, n) => lineBlocks(line, blocks, n === 0 ? openItem : undefined));
        openItem = undefined;
        break;
      case 'fence':
        if (!fenceClosed(token, lines))
          report({
            row: `line ${token.map![0] + 1}`,
            reason: 'code fence never closed: the rest of the page is read as code',
            severity: 'warning',
          });
        blocks.push({ type: 'code', text: codeText(token.content) });
        break;
      case 'code_block':
        blocks.push({ type: 'code', text: codeText(token.content) });
        break;
      case 'table_open': {
        const { table, next } = pipeTable(tokens, i, lines, report);
        blocks.push({ type: 'table', table });
        i = next - 1;
        break;
      }
      case 'dita_html': {
        const meta = token.meta as { complete: boolean; tag: string };
        if (!meta.complete)
          report({
            row: `line ${token.map![0] + 1}`,
            reason: `<${meta.tag}> never closed; read up to line ${token.map![1]}`,
            severity: 'warning',
          });
        blocks.push(...htmlBlocks(token.content, tableReport));
        break;
      }
      case 'html_block':
        blocks.push(...htmlBlocks(token.content, tableReport));
        break;
    }
  }
  if (deepest >= MAX_MARKDOWN_NESTING - 1) {
    report({
      reason: `markdown nested deeper than ${MAX_MARKDOWN_NESTING} levels (MAX_MARKDOWN_NESTING): content below that depth is not read`,
      severity: 'warning',
    });
  }
  return blocks;
}

export const markdownReader: Reader = {
  form: 'zh-md',
  detect(text) {
    const headings = /^#{1,3}[ \t]+\S/m.test(text);
    const tables = /<table\b/i.test(text) || /^\|.*\|[ \t]*\r?\n\|[ \t:|-]*-[ \t:|-]*$/m.test(text);
    const captions = /^[ \t]*\*\*[ \t]*(?:表|Table)[ \t]*\d+[ \t]*\*\*/im.test(text);
    return headings ? (tables || captions ? 0.9 : 0.6) : tables && captions ? 0.7 : 0;
  },
  read(text, file, report) {
    const page = assemblePage(markdownBlocks(text, report), file, 'zh-md', apiNameOf(text));
    const titleName = titleAnchorName(text);
    return [titleName ? { ...page, titleName } : page];
  },
};
