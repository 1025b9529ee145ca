// Doc-source markdown with embedded DITA tables (huaweicloudDocs/<service> repos, `zh-md/` in the corpus):
// `## 请求参数` headings, `**表 N**  caption` lines, `<a name="request_AuthOpt"></a>` anchors, `<table>` HTML,
// fenced examples. Each line is classified into a Block; assemble.ts does the rest.

import { parseDocument } from 'htmlparser2';
import type { Reader } from '../model.ts';
import { apiNameOf, assemblePage, type Block } from './assemble.ts';
import { BASIC_ENTITIES, blockText, childElements, outermost, readTable, splitCaption, textOf } from './dita.ts';

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const CAPTION = /^\s*\*\*\s*((?:表|Table)\s*\d+)\s*\*\*\s*(.*)$/i;
const ANCHOR_ONLY = /^\s*(?:<a\s+name="([^"]+)"\s*>\s*<\/a>\s*)+$/i;
const FENCE = /^(\s*)(```+|~~~+)/;

/** Markdown inline syntax → plain text: links, emphasis, escapes, inline HTML. */
export function plainMarkdown(text: string): string {
  return text
    .replace(/<a\s+name="[^"]*"\s*>\s*<\/a>/gi, '')
    .replace(/!?\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)/g, '$1')
    .replace(/<[^<>\n]{1,2000}>/g, '')
    .replace(/\*\*|__/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1')
    .replace(/&(lt|gt|amp|quot|nbsp);/g, (_, name: string) => BASIC_ENTITIES[name]!)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Opening and closing patterns of the block tags, built once (they run on every line of every table). */
const TAG_PATTERNS = new Map(['table', 'pre', 'div'].map((tag) => [tag, { open: new RegExp(`<${tag}\\b`, 'gi'), close: new RegExp(`</${tag}>`, 'gi') }]));

/** Counts opening minus closing tags of one kind on a line. */
function depthChange(line: string, tag: string): number {
  if (!line.toLowerCase().includes(tag)) return 0;
  const { open, close } = TAG_PATTERNS.get(tag)!;
  return (line.match(open)?.length ?? 0) - (line.match(close)?.length ?? 0);
}

/**
 * The lines of an HTML block starting at `start`, up to the line that closes its outermost `tag`; line by line, so
 * long tables cost linear time. An unclosed block ends before the next markdown heading (`complete` is false).
 */
function collectHtml(lines: string[], start: number, tag: string): { body: string[]; next: number; complete: boolean } {
  let depth = 0;
  for (let i = start; i < lines.length; i++) {
    if (i > start && HEADING.test(lines[i]!)) return { body: lines.slice(start, i), next: i, complete: false };
    depth += depthChange(lines[i]!, tag);
    if (depth <= 0) return { body: lines.slice(start, i + 1), next: i + 1, complete: true };
  }
  return { body: lines.slice(start), next: lines.length, complete: false };
}

function htmlBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  for (const el of childElements(parseDocument(html))) {
    if (el.name === 'table') blocks.push({ type: 'table', table: readTable(el) });
    else if (el.name === 'pre') blocks.push({ type: 'code', text: textOf(el) });
    else {
      const nested = outermost(el, 'table');
      const pres = nested.length ? [] : outermost(el, 'pre');
      if (nested.length) for (const t of nested) blocks.push({ type: 'table', table: readTable(t) });
      else if (pres.length) for (const pre of pres) blocks.push({ type: 'code', text: textOf(pre) });
      else {
        const text = blockText(el);
        if (text) blocks.push({ type: 'paragraph', text });
      }
    }
  }
  return blocks;
}

type Report = Parameters<Reader['read']>[2];

export function markdownBlocks(source: string, report: Report = () => {}): Block[] {
  const lines = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    const fence = line.match(FENCE);
    if (fence) {
      const close = lines.findIndex((l, j) => j > i && l.trim().startsWith(fence[2]!));
      if (close < 0) report({ row: `line ${i + 1}`, reason: 'code fence never closed: the rest of the page is read as code', severity: 'warning' });
      const end = close < 0 ? lines.length : close;
      const indent = fence[1]!.length;
      const code = lines
        .slice(i + 1, end)
        .map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length)))
        .join('\n');
      blocks.push({ type: 'code', text: code });
      i = end + 1;
      continue;
    }
    const html = line.match(/^\s*<(table|pre|div)\b/i);
    if (html) {
      const { body, next, complete } = collectHtml(lines, i, html[1]!.toLowerCase());
      if (!complete) report({ row: `line ${i + 1}`, reason: `<${html[1]}> never closed; read up to line ${next}`, severity: 'warning' });
      blocks.push(...htmlBlocks(body.join('\n')));
      i = next;
      continue;
    }
    i++;
    const anchors = line.match(ANCHOR_ONLY) ? [...line.matchAll(/name="([^"]+)"/g)].map((m) => m[1]!) : [];
    if (anchors.length) {
      for (const name of anchors) blocks.push({ type: 'anchor', name });
      continue;
    }
    const heading = line.match(HEADING);
    if (heading) {
      blocks.push({ type: 'heading', level: heading[1]!.length, text: plainMarkdown(heading[2]!) });
      continue;
    }
    const caption = line.match(CAPTION);
    if (caption) {
      const { number, caption: text } = splitCaption(`${caption[1]} ${plainMarkdown(caption[2]!)}`);
      blocks.push({ type: 'caption', text, number });
      continue;
    }
    const text = plainMarkdown(line.replace(/^\s*(?:[-*+]|\d+\.)\s+/, ''));
    if (text) blocks.push({ type: 'paragraph', text });
  }
  return blocks;
}

export const markdownReader: Reader = {
  form: 'zh-md',
  detect(text) {
    const headings = /^#{1,3}\s+\S/m.test(text);
    const tables = /<table\b/i.test(text);
    const captions = /^\s*\*\*\s*(?:表|Table)\s*\d+\s*\*\*/im.test(text);
    return headings ? (tables || captions ? 0.9 : 0.6) : tables && captions ? 0.7 : 0;
  },
  read(text, file, report) {
    return [assemblePage(markdownBlocks(text, report), file, 'zh-md', apiNameOf(text))];
  },
};
