// DITA HTML as served by support.huaweicloud.com and exported by the doc system (FORMATS.md §0, §6):
// `<h1 class="topictitle1">`, sections `<div class="section"><h4 class="sectiontitle">`, tables with
// `<caption><b>Table 3 </b>Request body parameters</caption>`, examples in `<pre class="screen">`.
// The DOM is walked in document order into Blocks; assemble.ts does the rest.

import type { AnyNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import type { Reader } from '../model.ts';
import { apiNameOf, assemblePage, type Block } from './assemble.ts';
import {
  blockText,
  childElements,
  collapse,
  isElement,
  outermost,
  readTable,
  textOf,
  type TableReport,
} from './dita.ts';

const SKIP = new Set(['script', 'style', 'noscript', 'nav', 'header', 'footer', 'head', 'template', 'svg', 'button']);
const HEADINGS: Record<string, number> = { h1: 1, h2: 2, h3: 2, h4: 2, h5: 3, h6: 3 };
const CONTAINERS = /^(?:table|pre|p|ul|ol|li|div|section|dl|dd|dt|h[1-6]|blockquote|article|main)$/;

function hasBlockChildren(el: Element): boolean {
  return el.children.some((c) => isElement(c) && CONTAINERS.test(c.name));
}

function hasClass(el: Element, name: string): boolean {
  return (el.attribs.class ?? '').split(/\s+/).includes(name);
}

function walk(node: AnyNode, blocks: Block[], report?: TableReport): void {
  if (node.type === 'text') {
    const text = collapse(textOf(node));
    if (text) blocks.push({ type: 'paragraph', text });
    return;
  }
  if (node.type !== 'tag') return;
  const el = node as Element;
  if (SKIP.has(el.name)) return;
  const level = HEADINGS[el.name] ?? (hasClass(el, 'sectiontitle') ? 2 : undefined);
  if (level) {
    blocks.push({ type: 'heading', level, text: blockText(el).replace(/\n/g, ' ') });
    return;
  }
  if (el.name === 'table') {
    blocks.push({ type: 'table', table: readTable(el, report) });
    return;
  }
  if (el.name === 'pre') {
    blocks.push({ type: 'code', text: textOf(el) });
    return;
  }
  if (el.name === 'a' && !el.attribs.href && (el.attribs.name || el.attribs.id)) {
    blocks.push({ type: 'anchor', name: (el.attribs.name ?? el.attribs.id)! });
    return;
  }
  // A table wrapped in inline elements (`<span><font><table>`) still has to be read as a table.
  if (el.name === 'p' || (!hasBlockChildren(el) && !outermost(el, 'table').length)) {
    const text = blockText(el);
    if (text) blocks.push({ type: 'paragraph', text });
    return;
  }
  for (const child of el.children) walk(child, blocks, report);
}

/** The first element matching `test`, depth first. */
function findElement(node: AnyNode, test: (el: Element) => boolean): Element | undefined {
  for (const child of childElements(node)) {
    if (test(child)) return child;
    const found = findElement(child, test);
    if (found) return found;
  }
  return undefined;
}

export function htmlBlocks(html: string, report?: TableReport): Block[] {
  const document = parseDocument(html);
  const title = findElement(document, (el) => el.name === 'h1' && hasClass(el, 'topictitle1'));
  // The topic is the title's parent; support pages wrap it in site chrome that holds no API content.
  const root: AnyNode = title?.parent ?? findElement(document, (el) => el.name === 'body') ?? document;
  const blocks: Block[] = [];
  for (const child of (root as Element).children) walk(child, blocks, report);
  return blocks;
}

export const htmlReader: Reader = {
  form: 'dita-html',
  detect(text) {
    if (/class="topictitle1"|class="sectiontitle"|class="tablenoborder"/.test(text)) return 0.95;
    return /^\s*(?:<!DOCTYPE html|<html\b)/i.test(text) ? 0.8 : 0;
  },
  read(text, file, report) {
    return [
      assemblePage(
        htmlBlocks(text, (entry) => report({ ...entry, severity: 'warning' })),
        file,
        'dita-html',
        apiNameOf(text),
      ),
    ];
  },
};
