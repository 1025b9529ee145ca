// Hostile and odd input for the readers and the input reading (issue 11 §3, §6): every limit is named, a limit
// hit is a report entry for that page, and the other pages go on. No test asserts a time (machines differ);
// the vitest timeout is the bound, and the inputs are sized so that quadratic or worse code would blow it.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PAGE_BYTES, readPageBytes, scrapeInputs, scrapeText } from '../../scraper/index.ts';
import type { ReportEntry } from '../../scraper/model.ts';
import { apiNameOf, statusMarker } from '../../scraper/readers/assemble.ts';
import { decodePage } from '../../scraper/readers/decode.ts';
import { MAX_COLSPAN, MAX_TABLE_CELLS } from '../../scraper/readers/dita.ts';
import { markdownBlocks, MAX_MARKDOWN_NESTING } from '../../scraper/readers/markdown.ts';
import { FIXTURES } from './helpers.ts';

const HEADER = '<thead><tr><th>参数</th><th>是否必选</th><th>参数类型</th><th>描述</th></tr></thead>';

function scrapeOne(text: string, file = 'page.md') {
  const report: ReportEntry[] = [];
  const result = scrapeText(text, file, report);
  return { ...result, report, reasons: report.map((e) => e.reason).join('\n') };
}

describe('table spans are clamped to what the table can hold', () => {
  it('a 4 KB page of colspan=1000 rowspan=65534 cells: every row read, as wide as the header, reported', () => {
    const row = '<tr><td colspan="1000" rowspan="65534">x</td><td colspan="1000">y</td></tr>';
    const rows = row.repeat(Math.floor(4000 / row.length));
    const page = `# 创建\n\n## URI\n\nPOST /v1/things\n\n## 请求参数\n\n**表 1**  请求Body参数\n\n<table>${HEADER}<tbody>${rows}</tbody></table>\n`;
    expect(page.length).toBeLessThan(4200);
    const blocks = markdownBlocks(page);
    const table = blocks.find((b) => b.type === 'table')!;
    expect(table.type === 'table' && table.table.rows.length).toBe(Math.floor(4000 / row.length));
    if (table.type === 'table') for (const r of table.table.rows) expect(r.cells).toHaveLength(4);
    expect(scrapeOne(page).reasons).toContain('table spans clamped');
  });

  it('a headerless table of huge colspans stays within MAX_TABLE_CELLS', () => {
    const rows = '<tr><td colspan="99999">a</td><td rowspan="99999">b</td></tr>'.repeat(3000);
    const blocks = markdownBlocks(`# t\n\n<table><tbody>${rows}</tbody></table>\n`);
    const table = blocks.find((b) => b.type === 'table');
    if (table?.type !== 'table') throw new Error('no table');
    expect(table.table.rows).toHaveLength(3000);
    const cells = table.table.rows.reduce((n, r) => n + r.cells.length, 0);
    expect(cells).toBeLessThanOrEqual(MAX_TABLE_CELLS + 3000);
    expect(Math.max(...table.table.rows.map((r) => r.cells.length))).toBeLessThanOrEqual(MAX_COLSPAN + 1);
  });

  it('an ordinary rowspan (two rows of one parameter) is still repeated, not clamped away', () => {
    const body =
      '<tr><td rowspan="2">a</td><td>是</td><td>String</td><td>x</td></tr><tr><td>否</td><td>Integer</td><td>y</td></tr>';
    const blocks = markdownBlocks(`<table>${HEADER}<tbody>${body}</tbody></table>\n`);
    const table = blocks[0]!;
    expect(table.type === 'table' && table.table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['a', '是', 'String', 'x'],
      ['a', '否', 'Integer', 'y'],
    ]);
  });
});

describe('no super-linear patterns in the readers', () => {
  const SPACES = ' '.repeat(100_000);
  const cases: [string, () => unknown, unknown][] = [
    [
      'a heading `# a` + 100k spaces + `x`',
      () => markdownBlocks(`# a${SPACES}x\n`),
      [{ type: 'heading', level: 1, text: 'a x' }],
    ],
    ['a heading of 100k `#` and spaces', () => markdownBlocks(`${'# '.repeat(50_000)}\n`).length, 1],
    ['a status marker with 100k spaces and no code', () => statusMarker(`状态码${SPACES}x`), undefined],
    ['apiexplorer/ repeated without spaces', () => apiNameOf('apiexplorer/'.repeat(50_000)), undefined],
    [
      '100k unclosed `<table` openers on one line',
      () => markdownBlocks(`${'<table'.repeat(20_000)}\n`).length >= 0,
      true,
    ],
    ['100k `**` in a paragraph', () => markdownBlocks(`${'**a'.repeat(50_000)}\n`).length, 1],
    ['a pipe row of 50k cells', () => markdownBlocks(`|a|b|\n|--|--|\n${'|x'.repeat(50_000)}|\n`).length, 1],
  ];
  it.each(cases)('%s', (_, run, want) => expect(run()).toEqual(want), 30_000);
});

describe('nesting deeper than MAX_MARKDOWN_NESTING', () => {
  it('is a report entry, not a crash', () => {
    const report: unknown[] = [];
    markdownBlocks(`${'>'.repeat(MAX_MARKDOWN_NESTING + 50)} 说明\n`, (e) => report.push(e));
    expect(report).toEqual([expect.objectContaining({ reason: expect.stringContaining('MAX_MARKDOWN_NESTING') })]);
  });

  it('a list nested 5,000 deep is read', () => {
    const source = Array.from({ length: 5000 }, (_, i) => `${'  '.repeat(i)}- 项${i}`).join('\n');
    expect(() => markdownBlocks(source)).not.toThrow();
  });
});

// ---------------------------------------------------------------------------------------------------------------

const PAGE = 'zh-md/swr/创建共享帐号.md';
const utf8Page = () => readFileSync(join(FIXTURES, PAGE));
const pageText = () => utf8Page().toString('utf8');

function utf16(text: string, endian: 'le' | 'be', bom: boolean): Buffer {
  const le = Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf16le');
  return endian === 'le' ? le : Buffer.from(le).swap16();
}

describe('encodings: BOMs, declared charsets, GBK, invalid UTF-8', () => {
  const gbk = () => readFileSync(join(FIXTURES, 'encodings/swr-创建共享帐号.gbk.md'));
  const cases: [string, () => Buffer, { encoding: string; reason?: string }][] = [
    ['UTF-8', utf8Page, { encoding: 'utf-8' }],
    ['UTF-8 with BOM', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8Page()]), { encoding: 'utf-8' }],
    ['UTF-16LE with BOM', () => utf16(pageText(), 'le', true), { encoding: 'utf-16le', reason: 'byte-order mark' }],
    ['UTF-16BE with BOM', () => utf16(pageText(), 'be', true), { encoding: 'utf-16be', reason: 'byte-order mark' }],
    [
      'UTF-16LE without BOM',
      () => utf16(pageText(), 'le', false),
      { encoding: 'utf-16le', reason: 'no byte-order mark' },
    ],
    ['GBK, nothing declared', gbk, { encoding: 'gb18030', reason: 'not valid UTF-8' }],
    [
      'GBK declared by <meta charset>',
      () => Buffer.concat([Buffer.from('<meta charset="gbk">\n'), gbk()]),
      { encoding: 'gbk', reason: "declared charset 'gbk'" },
    ],
    [
      'GB2312 declared by http-equiv',
      () =>
        Buffer.concat([Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=GB2312">\n'), gbk()]),
      { encoding: 'gbk', reason: "declared charset 'GB2312'" },
    ],
  ];
  it.each(cases)('%s', (_, bytes, want) => {
    const { text, encoding, notes } = decodePage(bytes());
    expect(encoding).toBe(want.encoding);
    expect(text).toContain('创建共享帐号');
    expect(text).toContain('|access_domain|是|String|共享租户名称|');
    expect(notes.map((n) => n.reason)).toEqual(want.reason ? [expect.stringContaining(want.reason)] : []);
  });

  it('a stray invalid byte in a UTF-8 page is a warning, and the page is not re-read as GBK', () => {
    const bytes = utf8Page();
    const at = bytes.indexOf(0x0a) + 1; // after a newline: the byte does not split a character
    const broken = Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff]), bytes.subarray(at)]);
    const { text, encoding, notes } = decodePage(broken);
    expect(encoding).toBe('utf-8');
    expect(text).toContain('共享租户名称');
    expect(notes).toEqual([{ reason: 'invalid UTF-8: 1 byte sequence(s) replaced by U+FFFD', severity: 'warning' }]);
  });

  it('an unknown declared charset is reported and read as UTF-8', () => {
    const { text, notes } = decodePage(Buffer.concat([Buffer.from('<meta charset="x-klingon">\n'), utf8Page()]));
    expect(text).toContain('共享租户名称');
    expect(notes[0]!.reason).toContain("declared charset 'x-klingon' is unknown");
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('input files: regular files only, with a size cap', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hwdocs-inputs-'));
    await mkdir(join(dir, 'pages'));
    await writeFile(join(dir, 'pages/a.md'), utf8Page());
    await writeFile(join(dir, 'pages/b-gbk.md'), readFileSync(join(FIXTURES, 'encodings/swr-创建共享帐号.gbk.md')));
    await writeFile(
      join(dir, 'pages/c-utf16.md'),
      utf16(pageText().replace('/access-domains', '/access-domains-16'), 'le', true),
    );
    await symlink('/dev/zero', join(dir, 'pages/zero.md'));
    execFileSync('mkfifo', [join(dir, 'pages/fifo.md')]);
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('a symlink to /dev/zero and a FIFO among the pages neither hang nor stop the scrape', async () => {
    const { report, pages, document } = await scrapeInputs([join(dir, 'pages')], { service: 'swr', root: dir });
    const refused = report.filter((e) => e.reason.includes('not a regular file')).map((e) => e.file);
    // Whether the directory walk lists them at all is up to the walker; listed, they are refused and reported.
    for (const file of refused) expect(['pages/zero.md', 'pages/fifo.md']).toContain(file);
    expect(pages.filter((p) => p.form === 'zh-md').map((p) => p.file)).toEqual([
      'pages/a.md',
      'pages/b-gbk.md',
      'pages/c-utf16.md',
    ]);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/v2/manage/namespaces/{namespace}/repositories/{repository}/access-domains',
        '/v2/manage/namespaces/{namespace}/repositories/{repository}/access-domains-16',
      ]),
    );
    expect(report).toContainEqual(
      expect.objectContaining({ file: 'pages/b-gbk.md', reason: expect.stringContaining('GB18030') }),
    );
  }, 60_000);

  it('named on the command line, they are reported too (not "not found", not a hang)', async () => {
    const { report } = await scrapeInputs(
      [join(dir, 'pages/zero.md'), join(dir, 'pages/fifo.md'), join(dir, 'pages/a.md')],
      { service: 'swr', root: dir },
    );
    expect(report.filter((e) => e.reason.includes('not a regular file')).map((e) => e.file)).toEqual([
      'pages/fifo.md',
      'pages/zero.md',
    ]);
  }, 60_000);

  it(`a page over the size cap is not read (MAX_PAGE_BYTES = ${MAX_PAGE_BYTES})`, async () => {
    const big = join(dir, 'big.md');
    writeFileSync(big, Buffer.alloc(4096, 0x61));
    expect(await readPageBytes(big, 1024)).toEqual({
      reason: expect.stringContaining('over the 1024-byte limit (MAX_PAGE_BYTES)'),
    });
    expect(await readPageBytes(big, 8192)).toEqual({ bytes: expect.any(Buffer) });
  });
});
