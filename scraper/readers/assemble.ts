// Both structured readers (DITA HTML and doc-source markdown) turn their input into the same flat stream of
// blocks in document order; this module folds that stream into a DocPage. Readers differ only in how they find
// headings, captions, anchors, tables, code blocks and paragraphs.

import type { DocExample, DocPage, DocSection, DocTable } from '../model.ts';
import { foldWidth, sectionKind } from '../vocab.ts';

export type Block =
  | { type: 'heading'; level: number; text: string }
  | { type: 'caption'; text: string; number?: number }
  | { type: 'anchor'; name: string }
  | { type: 'table'; table: DocTable }
  | { type: 'code'; text: string }
  /** `item`: the paragraph opens a list item at this nesting depth (1 = top-level bullet). */
  | { type: 'paragraph'; text: string; item?: number };

/** `**状态码： 200**`, `Status code: 200`, `状态码为 200 时:`, `返回状态码为201:` — a status marker line. */
const STATUS_MARKER =
  /^(?:返回)?(?:HTTP\s*)?(?:状态码|status\s*codes?)\s*(?:[:：]|为)?\s*(\d{3})(?:\s*时)?\s*[:：]?\s*(.*)$/i;

export function statusMarker(text: string): { status: string; rest: string } | undefined {
  // Whitespace collapsed first: the pattern's neighbouring `\s*` then each match at most one space (linear).
  const m = foldWidth(text).replace(/\*\*/g, '').replace(/\s+/g, ' ').trim().match(STATUS_MARKER);
  return m ? { status: m[1]!, rest: m[2]!.trim() } : undefined;
}

/** The API Explorer operation name in a `…apiexplorer/doc?product=APIG&api=UpdateX` link. */
export function apiNameOf(raw: string): string | undefined {
  // Bounded run between `apiexplorer/` and `api=`: a page repeating `apiexplorer/` without spaces stays linear.
  return raw.match(/apiexplorer\/[^\s)"']{0,500}?[?&]api=([A-Za-z][A-Za-z0-9_]{0,200})/)?.[1];
}

/** Sections in which a `请求示例` / `响应示例` line starts an example sub-section. */
const EXAMPLE_HOLDERS = new Set(['other', 'requestExample', 'responseExample', 'request', 'response']);

function newSection(heading: string): DocSection {
  return { kind: sectionKind(heading), heading, paragraphs: [], tables: [], examples: [] };
}

/**
 * Whether the list item opened by `blocks[start]` (depth `depth`) holds a table before its next sibling or a
 * heading. Such a bullet (`-   Body参数说明`, `-   要素说明`) goes back to the section an example bullet
 * interrupted; a bullet holding only examples (`-   成功响应示例`) stays with the examples before it.
 */
function bulletHoldsTable(blocks: Block[], start: number, depth: number): boolean {
  for (let i = start + 1; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.type === 'table') return true;
    if (block.type === 'heading' || (block.type === 'paragraph' && block.item !== undefined && block.item <= depth))
      return false;
  }
  return false;
}

/** Folds blocks into sections. Content before the first section heading lands in an `other` section. */
export function assemblePage(blocks: Block[], file: string, form: string, apiName?: string): DocPage {
  let title = '';
  const sections: DocSection[] = [];
  let section: DocSection | undefined;
  let caption: { text: string; number?: number } | undefined;
  let anchors: string[] = [];
  let status: string | undefined;
  let exampleTitle: string | undefined;
  /**
   * An example sub-section opened by a bullet (`-   请求样例` inside `## 请求`): the section it interrupted and
   * the bullet's depth. The next bullet at that depth or shallower (`-   Body参数说明`) is the interrupted
   * section's again, so its table is not taken for part of the example (FORMATS.md: old `## 请求` pages).
   */
  let bulletExample: { parent: DocSection; depth: number } | undefined;

  const current = () => {
    if (!section) sections.push((section = newSection('')));
    return section;
  };
  /** A new section: what was pending (caption, anchors, status, example title) belonged to the previous one. */
  const startSection = (heading: string) => {
    sections.push((section = newSection(heading)));
    status = undefined;
    exampleTitle = undefined;
    caption = undefined;
    anchors = [];
    bulletExample = undefined;
  };

  for (const [index, block] of blocks.entries()) {
    switch (block.type) {
      case 'heading': {
        if (block.level === 1 && !title) {
          title = block.text;
          break;
        }
        const kind = sectionKind(block.text);
        if (block.level <= 2 || kind !== 'other') startSection(block.text);
        else current().paragraphs.push(block.text);
        break;
      }
      case 'caption':
        caption = { text: block.text, number: block.number };
        break;
      case 'anchor':
        anchors.push(block.name);
        break;
      case 'table': {
        const table = block.table;
        current().tables.push({
          ...table,
          caption: table.caption || caption?.text || '',
          number: table.number ?? caption?.number,
          anchors: [...anchors, ...table.anchors],
          status: table.status ?? status,
        });
        caption = undefined;
        anchors = [];
        break;
      }
      case 'code': {
        const example: DocExample = { code: block.text };
        if (status) example.status = status;
        if (exampleTitle) example.title = exampleTitle;
        current().examples.push(example);
        exampleTitle = undefined;
        break;
      }
      case 'paragraph': {
        const marker = statusMarker(block.text);
        const kind = sectionKind(block.text);
        const startsExample =
          (kind === 'requestExample' || kind === 'responseExample') && EXAMPLE_HOLDERS.has(current().kind);
        if (
          !startsExample &&
          bulletExample &&
          block.item !== undefined &&
          block.item <= bulletExample.depth &&
          bulletHoldsTable(blocks, index, block.item)
        ) {
          section = bulletExample.parent;
          bulletExample = undefined;
          caption = undefined;
          anchors = [];
          status = undefined;
          exampleTitle = undefined;
        }
        if (startsExample) {
          // Old pages put `-   请求示例` / `-   响应示例` list items inside a `## 示例` section.
          const parent = bulletExample?.parent ?? current();
          startSection(block.text);
          if (block.item !== undefined) bulletExample = { parent, depth: block.item };
        } else if (marker) {
          status = marker.status;
          exampleTitle = marker.rest || undefined;
        } else {
          current().paragraphs.push(block.text);
          exampleTitle = block.text.length <= 200 ? block.text : exampleTitle;
        }
        break;
      }
    }
  }
  const page: DocPage = { file, form, title, sections };
  if (apiName) page.apiName = apiName;
  return page;
}
