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
  | { type: 'paragraph'; text: string };

/** `**状态码： 200**`, `Status code: 200`, `状态码为 200 时:`, `返回状态码为201:` — a status marker line. */
const STATUS_MARKER = /^(?:返回)?(?:HTTP\s*)?(?:状态码|status\s*codes?)\s*(?:[:：]|为)?\s*(\d{3})(?:\s*时)?\s*[:：]?\s*(.*)$/i;

export function statusMarker(text: string): { status: string; rest: string } | undefined {
  const m = foldWidth(text).replace(/\*\*/g, '').trim().match(STATUS_MARKER);
  return m ? { status: m[1]!, rest: m[2]!.trim() } : undefined;
}

/** The API Explorer operation name in a `…apiexplorer/doc?product=APIG&api=UpdateX` link. */
export function apiNameOf(raw: string): string | undefined {
  return raw.match(/apiexplorer\/[^\s)"']*[?&]api=([A-Za-z][A-Za-z0-9_]*)/)?.[1];
}

/** Sections in which a `请求示例` / `响应示例` line starts an example sub-section. */
const EXAMPLE_HOLDERS = new Set(['other', 'requestExample', 'responseExample', 'request', 'response']);

function newSection(heading: string): DocSection {
  return { kind: sectionKind(heading), heading, paragraphs: [], tables: [], examples: [] };
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
  };

  for (const block of blocks) {
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
        if ((kind === 'requestExample' || kind === 'responseExample') && EXAMPLE_HOLDERS.has(current().kind)) {
          // Old pages put `-   请求示例` / `-   响应示例` list items inside a `## 示例` section.
          startSection(block.text);
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
