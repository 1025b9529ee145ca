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
  /** Files whose tables the page links (`<a href="查询Job状态.md#table06281119546">`): its sub-tables live there. */
  linkedTables: string[];
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

/** `href="X.md#anchor"` (or `](X.md#anchor)`) to another page, decoded: the page's sub-tables on other pages. */
function linkedTableFiles(raw: string): string[] {
  const files = new Set<string>();
  // File names have parentheses (`查询Job状态(1-0-0)-管理面.md`): an href runs to its quote.
  for (const m of raw.matchAll(/href="([^"#]+\.md)#[^"]+"|\]\(([^)#\s]+\.md)#[^)\s]+\)/g)) {
    let file = (m[1] ?? m[2])!;
    try {
      file = decodeURIComponent(file);
    } catch {
      // kept as written
    }
    files.add(file.split('/').pop()!);
  }
  return [...files].sort();
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
    linkedTables: linkedTableFiles(raw),
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
