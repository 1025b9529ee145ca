// The raw page text, used independently of the scraper: to decide which definitions have a page at all
// (the op-recall denominator) and whether a missing field is mentioned on its page (drift).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type PageRows, pageRows } from './page-rows.ts';
import { normalisePath } from './paths.ts';
import { plainText } from './text.ts';

export interface PageText {
  file: string;
  /** Tags stripped, entities decoded, markdown escapes undone: what a reader sees. */
  text: string;
  /** `text` with every `{param}` erased to `{}`, for path search. */
  pathText: string;
  /** Has a `## URI` heading: an operation page, not an overview or permission table that merely lists paths. */
  isOperationPage: boolean;
  /** What the page's table rows say about each field name (see page-rows.ts). */
  rows: PageRows;
  /** The API Explorer name the page links (`…apiexplorer/doc?product=X&api=Name`), if it links one. */
  linkedName?: string;
  /** Tables of other pages the page links (`<a href="查询Job状态.md#table06281119546">`): its sub-tables. */
  linkedTables: TableLink[];
  /** The page's tables, for pages that link one of them (see pageTables). */
  tables: PageTable[];
}

/**
 * The API Explorer name a raw page links: read here independently of the scraper's reader, so the judge of
 * "a linking page keeps its name" does not share the code it judges.
 */
export function linkedApiName(raw: string): string | undefined {
  for (const link of raw.matchAll(/apiexplorer\/[^\s)"'<>]{0,500}/gi)) {
    const name = /[?&]api=([A-Za-z][A-Za-z0-9_]*)/.exec(link[0])?.[1];
    if (name) return name;
  }
  return undefined;
}

/** A link to a table: the file it is on (base name, decoded) and the table's anchor. */
export interface TableLink {
  file: string;
  anchor: string;
}

function decoded(href: string): string {
  try {
    return decodeURIComponent(href);
  } catch {
    return href;
  }
}

/**
 * `href="X.md#anchor"` (or `](X.md#anchor)`): links to a table of another page. With `localFile`, links into the
 * page itself (`href="#anchor"`) too, as links to `localFile`: a linked table's own sub-tables on its page.
 */
function tableLinks(raw: string, localFile?: string): TableLink[] {
  const links = new Map<string, TableLink>();
  // File names have parentheses (`查询Job状态(1-0-0)-管理面.md`): an href runs to its quote.
  for (const m of raw.matchAll(/href="([^"#]*)#([^"]+)"|\]\(([^)#\s]*)#([^)\s]+)\)/g)) {
    const target = m[1] ?? m[3] ?? '';
    const anchor = decoded((m[2] ?? m[4])!);
    if (target !== '' && !target.endsWith('.md')) continue;
    const file = target === '' ? localFile : decoded(target).split('/').pop()!;
    if (file !== undefined) links.set(`${file}#${anchor}`, { file, anchor });
  }
  return [...links.values()].sort((a, b) => (`${a.file}#${a.anchor}` < `${b.file}#${b.anchor}` ? -1 : 1));
}

/** An HTML table, or a run of markdown pipe rows. */
const TABLE_SPAN = /<table\b[\s\S]*?<\/table>|(?:^[ \t]*\|.*(?:\n|$))+/gim;
/** A line of nothing but anchor tags (`<a name="table06281119546"></a>`), as the scraper's readers take anchors. */
const ANCHOR_LINE = /^[ \t]*(?:<a\s+(?:name|id)="[^"]+"\s*>\s*<\/a>[ \t]*)+$/gm;
const HEADING_LINE = /^[ \t]*#{1,6}\s.*$/gm;
/** `**表 4**  schemaPath、edgesetPath和vertexsetPath属性列表`: a table's caption line. */
const CAPTION_LINE = /^[ \t]*\*\*表\s*\d+\*\*\s*(.+?)\s*$/gm;

/** One table of a page: its anchors, its caption and its raw text. */
export interface PageTable {
  anchors: string[];
  caption: string;
  raw: string;
}

/**
 * The page's tables with the anchors the scraper's readers give them (scraper/readers/assemble.ts, markdown.ts):
 * the anchor-only lines since the previous table or heading, and the table's own `id`; and the caption line there.
 */
export function pageTables(raw: string): PageTable[] {
  const tables: PageTable[] = [];
  let end = 0;
  for (const span of raw.matchAll(TABLE_SPAN)) {
    let gap = raw.slice(end, span.index);
    end = span.index + span[0].length;
    const headings = [...gap.matchAll(HEADING_LINE)];
    if (headings.length) gap = gap.slice(headings.at(-1)!.index + headings.at(-1)![0].length);
    const anchors = [...gap.matchAll(ANCHOR_LINE)].flatMap((line) =>
      [...line[0].matchAll(/(?:name|id)="([^"]+)"/g)].map((m) => m[1]!),
    );
    const id = /^<table\b[^>]*?\bid="([^"]+)"/i.exec(span[0])?.[1];
    if (id) anchors.push(id);
    const caption = [...gap.matchAll(CAPTION_LINE)].at(-1)?.[1] ?? '';
    tables.push({ anchors, caption, raw: span[0] });
  }
  return tables;
}

/** `@2` addresses a page's third table (one a caption names, which has no anchor); anything else is an anchor. */
function tableAt(page: PageText, key: string): PageTable | undefined {
  const index = /^@(\d+)$/.exec(key)?.[1];
  return index !== undefined ? page.tables[Number(index)] : page.tables.find((t) => t.anchors.includes(key));
}

/**
 * One table of `page`, by anchor, as a page of its own (`file#anchor`): its rows and text only. Its links are those
 * the scraper follows from a table of another page (scraper/interpret/subtables.ts): anchors, on its page or others,
 * and the tables of its page whose caption names one of its rows (`schemaPath、edgesetPath和vertexsetPath属性列表`
 * for the `schemaPath` row, zh-md/ges/查询图列表(2-1-18).md).
 */
export function linkedTablePage(page: PageText, key: string): PageText | undefined {
  let byKey = LINKED_TABLE_PAGES.get(page);
  if (!byKey) LINKED_TABLE_PAGES.set(page, (byKey = new Map()));
  if (!byKey.has(key)) byKey.set(key, readLinkedTablePage(page, key));
  return byKey.get(key);
}

/**
 * The table pages read so far, by page and key: every operation that links a table reaches it again (withLinkedTables
 * runs per operation), and its rows, text and links are the same each time.
 */
const LINKED_TABLE_PAGES = new WeakMap<PageText, Map<string, PageText | undefined>>();

function readLinkedTablePage(page: PageText, key: string): PageText | undefined {
  const table = tableAt(page, key);
  if (!table) return undefined;
  const file = page.file.replace(/\\/g, '/').split('/').pop()!;
  const rows = pageRows(table.raw);
  const names = [...rows.keys()].filter((name) => /^[A-Za-z_][\w-]*$/.test(name));
  const byCaption = page.tables.flatMap((other, i) =>
    other !== table && names.some((name) => mentionsWord(other.caption, name)) ? [{ file, anchor: `@${i}` }] : [],
  );
  const text = plainText(table.raw).replace(/[ \t]+/g, ' ');
  return {
    file: `${page.file}#${key}`,
    text,
    pathText: text,
    isOperationPage: false,
    rows,
    linkedTables: [...tableLinks(table.raw, file), ...byCaption],
    tables: [],
  };
}

/** `name` as a word of a caption, in any case (`JobDetail数据结构` names the `jobDetail` row). */
function mentionsWord(caption: string, name: string): boolean {
  const at = caption.toLowerCase().indexOf(name.toLowerCase());
  if (at < 0) return false;
  const around = (caption[at - 1] ?? ' ') + (caption[at + name.length] ?? ' ');
  return !/[A-Za-z0-9_]/.test(around);
}

export function pageText(file: string, raw: string): PageText {
  const text = plainText(raw).replace(/[ \t]+/g, ' ');
  // `{` + a name without spaces or slashes + `}` is a path parameter; JSON examples span spaces and are untouched.
  const pathText = text.replace(/\{[^{}/\s"]*\}/g, '{}');
  const linkedName = linkedApiName(raw);
  return {
    file,
    text,
    pathText,
    isOperationPage: /^#+\s*URI(?![A-Za-z])/m.test(raw),
    rows: pageRows(raw),
    ...(linkedName ? { linkedName } : {}),
    linkedTables: tableLinks(raw),
    tables: pageTables(raw),
  };
}

/** Every `*.md` under `dir`, sorted, skipping nothing: overview pages simply never match an operation. */
export function listFiles(dir: string, extension: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full, extension));
    else if (name.endsWith(extension)) out.push(full);
  }
  return out;
}

export function loadPages(dir: string): PageText[] {
  return listFiles(dir, '.md').map((file) => pageText(file, readFileSync(file, 'utf8')));
}

/** Characters that would continue a path: `/throttles` must not match inside `/throttles/{}` or `/throttles-x`. */
const PATH_CONTINUES = /^(?:[A-Za-z0-9_{}.-]|\/[A-Za-z0-9_{])/;
/** The method has to be written just before the path (`PUT /v2/…`, or the old `请求方法 | URI` table row). */
const METHOD_WINDOW = 160;

/** `PUT` as a word, one pattern per method (pageShowsOp runs for every page × definition). */
const METHOD_PATTERNS = new Map<string, RegExp>();

function methodPatternOf(method: string): RegExp {
  const upper = method.toUpperCase();
  let pattern = METHOD_PATTERNS.get(upper);
  if (!pattern) METHOD_PATTERNS.set(upper, (pattern = new RegExp(`(?<![A-Za-z])${upper}(?![A-Za-z])`)));
  return pattern;
}

/** Whether `page` documents `METHOD path` (path given normalised, `{}` for parameters). */
export function pageShowsOp(page: PageText, method: string, normalisedPath: string): boolean {
  const methodPattern = methodPatternOf(method);
  let from = 0;
  for (;;) {
    const at = page.pathText.indexOf(normalisedPath, from);
    if (at < 0) return false;
    from = at + 1;
    const after = page.pathText.slice(at + normalisedPath.length, at + normalisedPath.length + 2);
    if (PATH_CONTINUES.test(after)) continue;
    if (methodPattern.test(page.pathText.slice(Math.max(0, at - METHOD_WINDOW), at))) return true;
  }
}

/** Operation pages documenting `METHOD path` (permission and overview tables list paths too, but are no page of it). */
export function pagesShowingOp(pages: PageText[], method: string, path: string): PageText[] {
  const normalised = normalisePath(path);
  return pages.filter((page) => page.isOperationPage && pageShowsOp(page, method, normalised));
}
