// Property-based tests (fast-check) for the structured readers: random pipe tables, DITA tables with random
// spans, random nesting of lists, tables and fences, and text full of markup characters. Each property: the
// reader never throws, every generated row comes out as a row of the right width, and the output is the same
// on a second run (deterministic). Runs are seeded so a failure reproduces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocTable, ReportEntry } from '../../scraper/model.ts';
import { markdownBlocks } from '../../scraper/readers/markdown.ts';
import { htmlReader } from '../../scraper/readers/html.ts';
import { scrapeText } from '../../scraper/index.ts';

const RUNS = { numRuns: 150, seed: 20261202 };
/** Generous: the machine may be shared; the property's cost is a few seconds. */
const TIMEOUT = 120_000;

/** Cell text: letters, CJK, and every character markdown or HTML gives a meaning to, except raw `|` and newlines. */
const MARKUP = [
  '*',
  '**',
  '_',
  '`',
  '\\',
  '<',
  '>',
  '&',
  '&lt;',
  '[',
  ']',
  '(',
  ')',
  '#',
  '!',
  '~',
  '-',
  '+',
  '.',
  ':',
  '"',
  "'",
  '\\|',
  '<br>',
  ' ',
];
const cellText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...MARKUP),
      fc.constantFrom('a', 'Z', '0', '参数', '是', 'String', '表3', '取值'),
      fc.string({ minLength: 0, maxLength: 3 }).map((s) => s.replace(/[|\r\n\u0000]/g, '')),
    ),
    { maxLength: 12 },
  )
  // A cell ending in `\` would escape the pipe after it: that is a different table, not this one.
  .map((parts) => parts.join('').replace(/\\+$/, ''));

/** Plain text that cannot open a block of its own (it always starts with a CJK letter). */
const lineText = fc
  .array(fc.oneof(fc.constantFrom(...MARKUP.filter((m) => m !== '\\|')), fc.constantFrom('文', 'abc', '12', '请求')), {
    maxLength: 10,
  })
  .map((parts) => `说${parts.join('').replace(/[|\r\n]/g, '')}`);

interface PipeTable {
  header: string[];
  rows: string[][];
}

const pipeTable: fc.Arbitrary<PipeTable> = fc.integer({ min: 1, max: 5 }).chain((width) =>
  fc.record({
    header: fc.array(
      cellText.map((t) => `h${t}`),
      { minLength: width, maxLength: width },
    ),
    rows: fc.array(fc.array(cellText, { minLength: width, maxLength: width }), { maxLength: 8 }),
  }),
);

function pipeSource({ header, rows }: PipeTable, indent = ''): string {
  const line = (cells: string[]) => `${indent}|${cells.join('|')}|`;
  return [line(header), line(header.map(() => '--')), ...rows.map(line)].join('\n');
}

function tables(source: string, report: Omit<ReportEntry, 'file'>[] = []): DocTable[] {
  return markdownBlocks(source, (e) => report.push(e)).flatMap((b) => (b.type === 'table' ? [b.table] : []));
}

describe('pipe tables (property)', () => {
  it(
    'every row comes out once, as wide as the header, and reading is deterministic',
    () => {
      fc.assert(
        fc.property(pipeTable, (t) => {
          const source = `# 页\n\n${pipeSource(t)}\n`;
          const out = tables(source);
          expect(out).toHaveLength(1);
          expect(out[0]!.header).toHaveLength(t.header.length);
          expect(out[0]!.rows).toHaveLength(t.rows.length);
          for (const row of out[0]!.rows) expect(row.cells).toHaveLength(t.header.length);
          expect(tables(source)).toEqual(out);
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );
});

// ---------------------------------------------------------------------------------------------------------------

/** A DITA table: a header row of `width` <th>, then rows of <td> with random (often hostile) spans. */
const spanValue = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: 0, max: 4 }).map(String),
  fc.constantFrom('1000', '65534', '99999999', '-3', 'x', '2.5'),
);
const ditaTable: fc.Arbitrary<DitaSpec> = fc.record({
  width: fc.integer({ min: 1, max: 5 }),
  rows: fc.array(
    fc.array(fc.record({ text: cellText, colspan: spanValue, rowspan: spanValue }), { minLength: 1, maxLength: 5 }),
    { maxLength: 8 },
  ),
});

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

interface DitaSpec {
  width: number;
  rows: { text: string; colspan: string | undefined; rowspan: string | undefined }[][];
}

function ditaSource(t: DitaSpec): string {
  const attr = (name: string, v: string | undefined) => (v === undefined ? '' : ` ${name}="${v}"`);
  const head = `<thead><tr>${Array.from({ length: t.width }, (_, i) => `<th>c${i}</th>`).join('')}</tr></thead>`;
  const body = t.rows
    .map(
      (r) =>
        `<tr>${r.map((c) => `<td${attr('colspan', c.colspan)}${attr('rowspan', c.rowspan)}><p>${escapeHtml(c.text)}</p></td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<table>${head}<tbody>${body}</tbody></table>`;
}

describe('DITA tables with random spans (property)', () => {
  it(
    'in markdown and in HTML pages: one row per <tr>, each as wide as the header, deterministic',
    () => {
      fc.assert(
        fc.property(ditaTable, (t) => {
          const html = ditaSource(t);
          const fromMarkdown = tables(`# 页\n\n${html}\n`);
          const [page] = htmlReader.read(
            `<html><body><h1 class="topictitle1">页</h1>${html}</body></html>`,
            'x.html',
            () => {},
          );
          const fromHtml = page!.sections.flatMap((s) => s.tables);
          for (const out of [fromMarkdown, fromHtml]) {
            expect(out).toHaveLength(1);
            expect(out[0]!.header).toHaveLength(t.width);
            expect(out[0]!.rows).toHaveLength(t.rows.length);
            for (const row of out[0]!.rows) expect(row.cells).toHaveLength(t.width);
          }
          expect(tables(`# 页\n\n${html}\n`)).toEqual(fromMarkdown);
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );
});

// ---------------------------------------------------------------------------------------------------------------

/** A random page: headings, text, bullets nested up to 3 deep holding text, pipe tables, DITA tables and fences. */
type Node =
  | { kind: 'text'; text: string }
  | { kind: 'pipe'; table: PipeTable }
  | { kind: 'dita'; rows: number }
  | { kind: 'fence'; code: string }
  | { kind: 'item'; label: string; children: Node[] };

const leaf: fc.Arbitrary<Node> = fc.oneof(
  lineText.map((text): Node => ({ kind: 'text', text })),
  pipeTable.map((table): Node => ({ kind: 'pipe', table })),
  fc.integer({ min: 0, max: 4 }).map((rows): Node => ({ kind: 'dita', rows })),
  fc.array(lineText, { maxLength: 3 }).map((lines): Node => ({ kind: 'fence', code: lines.join('\n') })),
);
const { node } = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({
      kind: fc.constant('item' as const),
      label: lineText,
      children: fc.array(tie('node'), { maxLength: 3 }),
    }),
  ),
}));

function render(n: Node, depth: number): string {
  const pad = ' '.repeat(4 * depth);
  switch (n.kind) {
    case 'text':
      return `${pad}${n.text}`;
    case 'pipe':
      return pipeSource(n.table, pad);
    case 'dita':
      return `${pad}<table><thead><tr><th>参数</th><th>说明</th></tr></thead><tbody>${Array.from({ length: n.rows }, (_, i) => `<tr><td>f${i}</td><td>x</td></tr>`).join('')}</tbody></table>`;
    case 'fence':
      return `${pad}\`\`\`\n${n.code
        .split('\n')
        .map((l) => `${pad}${l}`)
        .join('\n')}\n${pad}\`\`\``;
    case 'item':
      return [`${pad}-   ${n.label}`, ...n.children.map((c) => render(c, depth + 1))].join('\n\n');
  }
}

function expectedRows(n: Node): number[] {
  if (n.kind === 'pipe') return [n.table.rows.length];
  if (n.kind === 'dita') return [n.rows];
  if (n.kind === 'item') return n.children.flatMap(expectedRows);
  return [];
}

describe('nested pages (property)', () => {
  it(
    'every table of a nested page arrives, in document order, with all its rows; deterministic',
    () => {
      fc.assert(
        fc.property(fc.array(node, { maxLength: 6 }), (nodes) => {
          const source = `# 页\n\n## 请求\n\n${nodes.map((n) => render(n, 0)).join('\n\n')}\n`;
          const out = tables(source);
          expect(out.map((t) => t.rows.length)).toEqual(nodes.flatMap(expectedRows));
          expect(tables(source)).toEqual(out);
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'the whole pipeline never throws on a random page and counts every row it read',
    () => {
      fc.assert(
        fc.property(fc.array(node, { maxLength: 5 }), (nodes) => {
          const source = `# 页\n\n## URI\n\nGET /v1/things\n\n## 响应参数\n\n${nodes.map((n) => render(n, 0)).join('\n\n')}\n`;
          const report: ReportEntry[] = [];
          const { summary } = scrapeText(source, 'page.md', report);
          expect(summary.rows).toBe(nodes.flatMap(expectedRows).reduce((a, b) => a + b, 0));
          expect(report.filter((e) => e.reason.startsWith('reader') || e.reason.startsWith('page could not'))).toEqual(
            [],
          );
        }),
        { ...RUNS, numRuns: 60 },
      );
    },
    TIMEOUT,
  );

  it(
    'markdown made only of markup characters never throws',
    () => {
      const markupLine = fc
        .array(
          fc.constantFrom(
            ...MARKUP,
            '|',
            '\n',
            '```',
            '    ',
            '<table>',
            '</table>',
            '<td colspan="1000">',
            '# ',
            '> ',
            '1. ',
            '- ',
            '|--|',
          ),
          { maxLength: 40 },
        )
        .map((p) => p.join(''));
      fc.assert(
        fc.property(markupLine, (source) => {
          const first = markdownBlocks(source);
          expect(markdownBlocks(source)).toEqual(first);
        }),
        { ...RUNS, numRuns: 500 },
      );
    },
    TIMEOUT,
  );
});
