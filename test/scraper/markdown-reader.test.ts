// The doc-source markdown reader (markdown-it based): the block stream it produces for each markdown form,
// as [given, want] tables, and the DocPages of real pages of every page generation copied into
// test/fixtures/zh-md/<service>/ (see the README there).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocPage, DocTable, ReportEntry } from '../../scraper/model.ts';
import { markdownBlocks, markdownReader, splitPipeRow } from '../../scraper/readers/markdown.ts';
import { FIXTURES } from './helpers.ts';

type Entry = Omit<ReportEntry, 'file'>;

function blocksOf(source: string) {
  const report: Entry[] = [];
  return { blocks: markdownBlocks(source, (e) => report.push(e)), report };
}

function tablesOf(source: string): DocTable[] {
  return blocksOf(source).blocks.flatMap((b) => (b.type === 'table' ? [b.table] : []));
}

const cellTexts = (t: DocTable) => t.rows.map((r) => r.cells.map((c) => c.text));

describe('GFM pipe tables become DocTables', () => {
  const cases: [string, string, { header: string[]; rows: string[][] }][] = [
    [
      'plain',
      '|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|name|是|String|名称|\n',
      { header: ['参数', '是否必选', '参数类型', '描述'], rows: [['name', '是', 'String', '名称']] },
    ],
    [
      'bold text kept, markers dropped (as DITA <strong>)',
      '|a|b|\n|--|--|\n|x|缺省值：**application/json**|\n',
      { header: ['a', 'b'], rows: [['x', '缺省值：application/json']] },
    ],
    ['escaped pipe stays in its cell', '|a|b|\n|--|--|\n|x|a\\|b|\n', { header: ['a', 'b'], rows: [['x', 'a|b']] }],
    [
      '<br> is a line break',
      '|a|b|\n|--|--|\n|x|第一行<br>第二行|\n',
      { header: ['a', 'b'], rows: [['x', '第一行\n第二行']] },
    ],
    ['missing cells are empty', '|a|b|c|\n|--|--|--|\n|x|\n', { header: ['a', 'b', 'c'], rows: [['x', '', '']] }],
    [
      'an unescaped pipe in the last cell is joined back',
      '|a|b|\n|--|--|\n|x|echo 1 | chpasswd|\n',
      { header: ['a', 'b'], rows: [['x', 'echo 1 | chpasswd']] },
    ],
    ['entities and inline code', '|a|b|\n|--|--|\n|`k`|a &lt; b|\n', { header: ['a', 'b'], rows: [['k', 'a < b']] }],
    [
      'indented under a bullet',
      '-   请求参数\n\n    |a|b|\n    |--|--|\n    |x|y|\n',
      { header: ['a', 'b'], rows: [['x', 'y']] },
    ],
  ];
  it.each(cases)('%s', (_, source, want) => {
    const [table] = tablesOf(source);
    expect({ header: table!.header, rows: cellTexts(table!) }).toEqual(want);
  });

  it('links in cells (markdown and <a href>) are DocCell.links, as in DITA tables', () => {
    const [table] = tablesOf(
      '|参数|描述|\n|--|--|\n|a|详情请参见[表3](#table3)。|\n|b|见<a href="other.md#table62452402171652">表 lbaas</a>|\n',
    );
    expect(table!.rows.map((r) => r.cells[1]!.links)).toEqual([
      [{ href: '#table3', text: '表3' }],
      [{ href: 'other.md#table62452402171652', text: '表 lbaas' }],
    ]);
    expect(table!.rows[1]!.cells[1]!.text).toBe('见表 lbaas');
  });

  it('<br>-separated bullets are the cell’s list items', () => {
    const [table] = tablesOf('|a|b|\n|--|--|\n|x|取值：<br>- a：甲<br>- b：乙|\n');
    expect(table!.rows[0]!.cells[1]!.listItems).toEqual(['a：甲', 'b：乙']);
  });

  it('reports a row with more cells than columns (and loses no text)', () => {
    const { report } = blocksOf('|a|b|\n|--|--|\n|x|y|z|\n');
    expect(report).toEqual([
      expect.objectContaining({ row: 1, severity: 'info', reason: expect.stringContaining('3 cells for 2 columns') }),
    ]);
  });

  const splits: [string, string[]][] = [
    ['|a|b|', ['a', 'b']],
    ['a|b', ['a', 'b']],
    ['|a\\|b|c|', ['a\\|b', 'c']],
    ['|a||', ['a', '']],
  ];
  it.each(splits)('splitPipeRow(%j)', (line, want) => expect(splitPipeRow(line)).toEqual(want));
});

describe('the block stream', () => {
  type Shape = string;
  /** One line per block: its type and its text (or caption, header). */
  const shape = (source: string): Shape[] =>
    blocksOf(source).blocks.map((b) => {
      switch (b.type) {
        case 'heading':
          return `h${b.level} ${b.text}`;
        case 'caption':
          return `caption ${b.number} ${b.text}`;
        case 'anchor':
          return `anchor ${b.name}`;
        case 'table':
          return `table ${b.table.header.join('/')} ${b.table.rows.length}`;
        case 'code':
          return `code ${b.text}`;
        case 'paragraph':
          return `p${b.item ? `(item ${b.item})` : ''} ${b.text}`;
      }
    });

  const cases: [string, string, Shape[]][] = [
    [
      'heading with anchor, escapes',
      '## URI<a name="section1"></a>\n\nPOST /v2/\\{project\\_id\\}/x\n',
      ['h2 URI', 'p POST /v2/{project_id}/x'],
    ],
    [
      'caption, anchor line, DITA table',
      '**表 1**  路径参数\n<a name="table1"></a>\n<table><thead><tr><th>参数</th></tr></thead><tbody><tr><td>id</td></tr></tbody></table>\n',
      ['caption 1 路径参数', 'anchor table1', 'table 参数 1'],
    ],
    [
      'tables and code nested in bullets keep document order',
      '## 请求\n\n-   请求样例\n\n    ```\n    {"a": 1}\n    ```\n\n-   Body参数说明\n\n    **表 2**  Body参数说明\n\n    |参数|类型|\n    |--|--|\n    |a|Integer|\n',
      [
        'h2 请求',
        'p(item 1) 请求样例',
        'code {"a": 1}',
        'p(item 1) Body参数说明',
        'caption 2 Body参数说明',
        'table 参数/类型 1',
      ],
    ],
    [
      'a DITA table with a blank line inside a cell is one table',
      '<table><tr><th>a</th></tr>\n<tr><td><p>x</p>\n\n<p>y</p></td></tr>\n</table>\n\n## 下一节\n',
      ['table a 1', 'h2 下一节'],
    ],
    [
      'a fence opened in a bullet whose body escapes it',
      '-   ```\n{\n  "a": 1\n}\n```\n\n## 响应\n',
      ['code {\n  "a": 1\n}', 'h2 响应'],
    ],
    [
      'an indented caption after a table is text, not an indented code block',
      '|a|\n|--|\n|x|\n\n    **表 2**  server字段数据结构说明\n\n|b|\n|--|\n|y|\n',
      ['table a 1', 'caption 2 server字段数据结构说明', 'table b 1'],
    ],
    [
      'blockquote note markers are dropped',
      '> 说明：\n>每个用户最多创建30个VPC通道。\n',
      ['p 说明：', 'p 每个用户最多创建30个VPC通道。'],
    ],
    [
      'status marker line stays a paragraph for assemble',
      '**状态码： 200**\n\n```\n{}\n```\n',
      ['p 状态码： 200', 'code {}'],
    ],
  ];
  it.each(cases)('%s', (_, source, want) => expect(shape(source)).toEqual(want));

  it('reports a code fence that never closes and an unclosed <table>', () => {
    expect(blocksOf('## a\n\n```\n{ "a": 1 }\n').report.map((e) => e.reason)).toEqual([
      expect.stringContaining('code fence never closed'),
    ]);
    expect(blocksOf('<table><tr><td>x</td></tr>\n\n## b\n').report.map((e) => e.reason)).toEqual([
      expect.stringContaining('<table> never closed'),
    ]);
  });

  it('detects pipe-table pages as doc-source markdown', () => {
    expect(markdownReader.detect('# 创建\n\n## URI\n\n|参数|描述|\n|--|--|\n|a|b|\n', 'x.md')).toBeGreaterThanOrEqual(
      0.9,
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Real pages, one per form (expectations from reading the pages)

function page(file: string): { page: DocPage; report: Entry[] } {
  const report: Entry[] = [];
  const [p] = markdownReader.read(readFileSync(join(FIXTURES, 'zh-md', file), 'utf8'), file, (e) => report.push(e));
  return { page: p!, report };
}

/** Sections as `kind heading: caption#rows …` lines. */
function outline(p: DocPage): string[] {
  return p.sections.map(
    (s) =>
      `${s.kind} ${s.heading}: ${s.tables.map((t) => `${t.number ?? '-'} ${t.caption} #${t.rows.length}`).join(', ')}${s.examples.length ? ` +${s.examples.length} examples` : ''}`,
  );
}

describe('real pages of every generation', () => {
  it('swr/创建共享帐号.md: pipe tables with captions, status-code pipe table', () => {
    const { page: p, report } = page('swr/创建共享帐号.md');
    expect(p.apiName).toBe('CreateRepoDomains');
    expect(outline(p)).toEqual([
      'function 功能介绍: ',
      'constraints 接口约束: ',
      'debug 调试: ',
      'uri URI: 1 路径参数 #2',
      'request 请求参数: 2 请求Header参数 #2, 3 请求Body参数 #4',
      'response 响应参数: ',
      'requestExample 请求示例:  +1 examples',
      'responseExample 响应示例: ',
      'statusCodes 状态码: -  #5',
      'errorCodes 错误码: ',
    ]);
    const body = p.sections[4]!.tables[1]!;
    expect(body.header).toEqual(['参数', '是否必选', '参数类型', '描述']);
    expect(body.rows.map((r) => r.cells[0]!.text)).toEqual(['access_domain', 'permit', 'deadline', 'description']);
    expect(p.sections[3]!.paragraphs).toContain(
      'POST /v2/manage/namespaces/{namespace}/repositories/{repository}/access-domains',
    );
    expect(p.sections[4]!.tables[0]!.rows[0]!.cells[3]!.text).toContain('缺省值：application/json');
    expect(report).toEqual([]);
  });

  it('bms/创建裸金属服务器.md: captions indented for ended bullets, a fence opened in a bullet, unescaped pipes', () => {
    const { page: p, report } = page('bms/创建裸金属服务器.md');
    const request = p.sections.find((s) => s.kind === 'request')!;
    // `-   请求参数` holds the un-captioned top-level table (`server`); the captions below it were indented for that
    // bullet although the tables are not.
    expect(request.tables.map((t) => `${t.number ?? '-'} ${t.caption} #${t.rows.length}`)).toEqual([
      '-  #1',
      '2 server字段数据结构说明 #18',
      '3 metadata字段数据结构说明 #4',
      '4 security_groups字段数据结构说明 #1',
      '5 nics字段数据结构说明 #3',
      '6 publicip字段数据结构说明 #2',
      '7 root_volume字段数据结构说明 #4',
      '8 data_volumes字段数据结构说明 #5',
      '9 创建裸金属服务器的extendparam字段数据结构说明 #7',
      '10 schedulerHints字段数据结构说明 #1',
      '11 eip字段数据结构说明 #3',
      '12 bandwidth字段数据结构说明 #5',
      '13 创建弹性公网IP的extendparam字段数据结构说明 #1',
    ]);
    expect(request.tables[0]!.rows[0]!.cells[0]!.text).toBe('server');
    const userData = request.tables[1]!.rows.find((r) => r.cells[0]!.text === 'user_data')!;
    expect(userData.cells[3]!.text).toContain("echo 'root:Cloud.1234' | chpasswd");
    expect(report.map((e) => e.reason)).toEqual([
      expect.stringContaining('6 cells for 4 columns'),
      expect.stringContaining('6 cells for 4 columns'),
    ]);
    // The third request example (`-   ```` with its body at column 0) is read as one example, not the rest of the page.
    const examples = p.sections.flatMap((s) => s.examples).map((e) => e.code);
    expect(examples.some((code) => code.includes('"name": "bms-roce-test"'))).toBe(true);
    expect(p.sections.at(-1)!.kind).toBe('errorCodes');
  });

  it('dds/查询项目标签.md: `## 请求消息` / `## 响应消息` with bullets, URI as bullets, sub-table linked by 表3', () => {
    const { page: p } = page('dds/查询项目标签.md');
    expect(outline(p)).toEqual([
      'function 功能介绍: ',
      'constraints 接口约束: ',
      'uri URI: 1 参数说明 #1',
      'request 请求消息:  +1 examples',
      'response 响应消息: 2 参数说明 #1, 3 tags字段数据结构说明 #2',
      'responseExample 响应样例:  +1 examples',
      'statusCodes 状态码: ',
      'errorCodes 错误码: ',
    ]);
    expect(p.sections[2]!.paragraphs).toEqual(['URI格式', 'GET /v3/{project_id}/tags', '参数说明']);
    const tags = p.sections[4]!.tables[0]!.rows[0]!;
    expect(tags.cells[3]!.links).toEqual([{ href: '#table1429181375610', text: '表3' }]);
    expect(p.sections[4]!.tables[1]!.anchors).toEqual(['table1429181375610']);
  });

  it('ges/批量删除点(2-1-9).md: `## 请求` / `## 响应`, a table bullet after an example bullet is the request’s again', () => {
    const { page: p } = page('ges/批量删除点(2-1-9).md');
    expect(outline(p)).toEqual([
      'function 功能介绍: ',
      'uri URI: 1 URI参数说明 #2 +1 examples',
      'request 请求: 2 Body参数说明 #1',
      'requestExample 请求样例:  +1 examples',
      'response 响应: 3 要素说明 #3 +2 examples',
    ]);
    expect(p.sections[1]!.examples[0]!.code).toBe(
      'POST /ges/v1.0/{project_id}/graphs/{graph_name}/vertices/action?action_id=batch-delete',
    );
    expect(p.sections[4]!.examples.map((e) => e.title)).toEqual(['请求成功样例', '请求失败样例']);
  });

  it('cph/修改手机名称.md: `-   URI格式` / `-   参数说明` bullets, tables without captions', () => {
    const { page: p } = page('cph/修改手机名称.md');
    const uri = p.sections.find((s) => s.kind === 'uri')!;
    expect(uri.paragraphs.slice(0, 2)).toEqual(['URI格式', 'PUT /v1/{project_id}/cloud-phone/phones/{phone_id}']);
    expect(uri.tables.map((t) => t.rows.map((r) => r.cells[0]!.text))).toEqual([['project_id', 'phone_id']]);
    const request = p.sections.find((s) => s.kind === 'request')!;
    expect(request.tables[0]!.rows.map((r) => r.cells[0]!.text)).toEqual(['phone_name']);
  });

  it('as/查询弹性伸缩组详情.md: links to a table on another page stay in DocCell.links', () => {
    const { page: p } = page('as/查询弹性伸缩组详情.md');
    const links = p.sections.flatMap((s) =>
      s.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.flatMap((c) => c.links))),
    );
    expect(links).toContainEqual({ href: '查询弹性伸缩组列表.md#table62452402171652', text: 'lbaas_listeners' });
  });
});
