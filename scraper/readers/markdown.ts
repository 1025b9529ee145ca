// Doc-source markdown with embedded DITA tables (huaweicloudDocs/<service> repos, `zh-md/` in the corpus):
// `## 请求参数` headings, `**表 N**  caption` lines, `<a name="request_AuthOpt"></a>` anchors, `<table>` HTML,
// fenced examples. Each line is classified into a Block; assemble.ts does the rest.

import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import type { Reader } from '../model.ts';
import { apiNameOf, assemblePage, type Block } from './assemble.ts';
import { blockText, readTable, splitCaption } from './dita.ts';

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const CAPTION = /^\s*\*\*\s*((?:表|Table)\s*\d+)\s*\*\*\s*(.*)$/i;
const ANCHOR_ONLY = /^\s*(?:<a\s+name="([^"]+)"\s*>\s*<\/a>\s*)+$/i;
const FENCE = /^(\s*)(```+|~~~+)/;

/** Markdown inline syntax → plain text: links, emphasis, escapes, inline HTML. */
export function plainMarkdown(text: string): string {
  return text
    .replace(/<a\s+name="[^"]*"\s*>\s*<\/a>/gi, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/\*\*|__/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Collects lines from `start` until `isEnd` says the block is complete; returns the block and the next index. */
function collect(lines: string[], start: number, isEnd: (line: string, soFar: string[]) => boolean): [string[], number] {
  const out: string[] = [];
  let i = start;
  for (; i < lines.length; i++) {
    out.push(lines[i]!);
    if (isEnd(lines[i]!, out)) return [out, i + 1];
  }
  return [out, i];
}

function tableDepth(html: string): number {
  return (html.match(/<table\b/gi) ?? []).length - (html.match(/<\/table>/gi) ?? []).length;
}

function htmlBlocks(html: string): Block[] {
  const $ = cheerio.load(html, null, false);
  const blocks: Block[] = [];
  for (const el of $.root().children().toArray() as Element[]) {
    if (el.name === 'table') blocks.push({ type: 'table', table: readTable($, $(el)) });
    else if (el.name === 'pre') blocks.push({ type: 'code', text: $(el).text() });
    else {
      const nested = $(el).find('table').toArray();
      if (nested.length) for (const t of nested) blocks.push({ type: 'table', table: readTable($, $(t)) });
      else {
        const text = blockText(el);
        if (text) blocks.push({ type: 'paragraph', text });
      }
    }
  }
  return blocks;
}

export function markdownBlocks(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    const fence = line.match(FENCE);
    if (fence) {
      const [body, next] = collect(lines, i + 1, (l) => l.trim().startsWith(fence[2]!));
      const indent = fence[1]!.length;
      const code = body
        .slice(0, body.length && body[body.length - 1]!.trim().startsWith(fence[2]!) ? -1 : undefined)
        .map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length)))
        .join('\n');
      blocks.push({ type: 'code', text: code });
      i = next;
      continue;
    }
    if (/^\s*<table\b/i.test(line) || /^\s*<pre\b/i.test(line) || /^\s*<div\b/i.test(line)) {
      const tag = /^\s*<table\b/i.test(line) ? 'table' : /^\s*<pre\b/i.test(line) ? 'pre' : 'div';
      const [body, next] = collect(lines, i, (_, soFar) => {
        const html = soFar.join('\n');
        if (tag === 'table') return tableDepth(html) <= 0;
        if (tag === 'pre') return /<\/pre>/i.test(html);
        return (html.match(/<div\b/gi) ?? []).length <= (html.match(/<\/div>/gi) ?? []).length;
      });
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
  read(text, file) {
    return [assemblePage(markdownBlocks(text), file, 'zh-md', apiNameOf(text))];
  },
};
