// DITA HTML as served by support.huaweicloud.com and exported by the doc system (FORMATS.md §0, §6):
// `<h1 class="topictitle1">`, sections `<div class="section"><h4 class="sectiontitle">`, tables with
// `<caption><b>Table 3 </b>Request body parameters</caption>`, examples in `<pre class="screen">`.
// The DOM is walked in document order into Blocks; assemble.ts does the rest.

import * as cheerio from 'cheerio';
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { Reader } from '../model.ts';
import { apiNameOf, assemblePage, type Block } from './assemble.ts';
import { blockText, readTable } from './dita.ts';

const SKIP = new Set(['script', 'style', 'noscript', 'nav', 'header', 'footer', 'head', 'template', 'svg', 'button']);
const HEADINGS: Record<string, number> = { h1: 1, h2: 2, h3: 2, h4: 2, h5: 3, h6: 3 };
const CONTAINERS = /^(?:table|pre|p|ul|ol|li|div|section|dl|dd|dt|h[1-6]|blockquote|article|main)$/;

function hasBlockChildren(el: Element): boolean {
  return el.children.some((c) => c.type === 'tag' && CONTAINERS.test((c as Element).name));
}

function walk($: CheerioAPI, node: AnyNode, blocks: Block[]): void {
  if (node.type === 'text') {
    const text = (node as unknown as { data: string }).data.replace(/\s+/g, ' ').trim();
    if (text) blocks.push({ type: 'paragraph', text });
    return;
  }
  if (node.type !== 'tag') return;
  const el = node as Element;
  if (SKIP.has(el.name)) return;
  const level = HEADINGS[el.name] ?? ($(el).hasClass('sectiontitle') ? 2 : undefined);
  if (level) {
    blocks.push({ type: 'heading', level, text: blockText(el).replace(/\n/g, ' ') });
    return;
  }
  if (el.name === 'table') {
    blocks.push({ type: 'table', table: readTable($, $(el)) });
    return;
  }
  if (el.name === 'pre') {
    blocks.push({ type: 'code', text: $(el).text() });
    return;
  }
  if (el.name === 'a' && !$(el).attr('href') && ($(el).attr('name') || $(el).attr('id'))) {
    blocks.push({ type: 'anchor', name: ($(el).attr('name') ?? $(el).attr('id'))! });
    return;
  }
  if (el.name === 'p' || !hasBlockChildren(el)) {
    const text = blockText(el);
    if (text) blocks.push({ type: 'paragraph', text });
    return;
  }
  for (const child of el.children) walk($, child, blocks);
}

export function htmlBlocks(html: string): Block[] {
  const $ = cheerio.load(html);
  const title = $('h1.topictitle1').first();
  // The topic is the title's parent; support pages wrap it in site chrome that holds no API content.
  const container = title.length ? title.parent() : $('body').length ? $('body') : undefined;
  const root: AnyNode[] = container ? container.contents().toArray() : $.root().contents().toArray();
  const blocks: Block[] = [];
  for (const child of root) walk($, child, blocks);
  return blocks;
}

export const htmlReader: Reader = {
  form: 'dita-html',
  detect(text) {
    if (/class="topictitle1"|class="sectiontitle"|class="tablenoborder"/.test(text)) return 0.95;
    return /^\s*(?:<!DOCTYPE html|<html\b)/i.test(text) ? 0.8 : 0;
  },
  read(text, file) {
    return [assemblePage(htmlBlocks(text), file, 'dita-html', apiNameOf(text))];
  },
};
