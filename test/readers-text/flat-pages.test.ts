// Flat pages other than the seed: each test names the FORMATS.md quirk it covers. Expectations written by reading
// the fixture text (test/fixtures/text/README.md lists where each page comes from).
import { describe, expect, it } from 'vitest';
import { flatReader } from '../../scraper/readers/text/flat.ts';
import { fixture, read, rowLines } from './helpers.ts';

describe('flat-021: keyword-link spacing (FORMATS.md §9.4)', () => {
  const { pages, report } = read('flat', 'flat-021.txt');
  const body = pages[0]!.sections[0]!.tables[1]!;
  it('reads every row of 表3 请求Body参数, repairing the split type name and reporting the repair', () => {
    expect([body.number, body.caption]).toEqual([3, '请求Body参数']);
    expect(rowLines(body)).toEqual([
      'group_info 是 MicroserviceGroup object',
      'service_type 是 String',
      'protocol 否 String',
      'apis 是 Array of MicroserviceApiCreate objects',
      'backend_timeout 否 Integer',
      'auth_type 否 String',
      'cors 否 Boolean',
      'cse_info 否 MicroServiceInfoCSECreate object',
      'cce_info 否 MicroServiceInfoCCECreate object',
      'cce_service_info 否 MicroServiceInfoCCEServiceCreate object',
      'nacos_info 否 MicroServiceInfoNacosBase object',
    ]);
    expect(report.some((e) => e.row === 10 && /MicroServiceInfoC CES erviceCreate object/.test(e.reason))).toBe(true);
  });
  it('keeps enum lists and ASCII identifiers inside descriptions (`CS E:CSE…`, `service_type为CSE时必填`)', () => {
    expect(body.rows[1]!.cells[3]!.text).toBe(
      '微服务中心类型。 CS E:CSE微服务注册中心 CCE: CCE云容器引擎(工作负载) CCE_SERVICE: CCE云容器引擎(Service) NACOS: Nacos注册中心,nacos_info必填。',
    );
    expect(body.rows[7]!.cells[3]!.text).toBe('CSE微服务详细信息,service_type为CSE时必填');
    expect(body.rows[2]!.cells[3]!.text).toBe('API网关访问微服务的请求协议 HTTP HTTPS 缺省值:HTTPS');
  });
  it('reads the sub-table 表4 MicroserviceGroup that follows', () => {
    const group = pages[0]!.sections[0]!.tables[2]!;
    expect(group.caption).toBe('MicroserviceGroup');
    expect(rowLines(group)).toEqual(['group_id 否 String', 'group_name 否 String']);
  });
});

describe('flat-039: a URI bullet starts an operation; only bullets the evidence ties to it join (FORMATS.md §9.1)', () => {
  const { pages, report } = read('flat', 'flat-039.txt');
  it('joins the 请求消息 bullet whose 表3 continues the URI bullet’s 表1/表2, keeps the next two apart', () => {
    expect(pages.map((p) => p.part)).toEqual(['bullets 1,2', 'bullet 3', 'bullet 4']);
    expect(pages[0]!.sections.map((s) => s.kind)).toEqual(['uri', 'request']);
    expect(report.some((e) => e.section === 'bullet 3' && /kept apart/.test(e.reason))).toBe(true);
  });
  it('reads the URI line as its own paragraph and the path and query tables', () => {
    const uri = pages[0]!.sections[0]!;
    expect(uri.paragraphs[0]).toBe('DELETE /v1/{project_id}/git/files/{namespace}/{project}/{path}');
    expect(uri.tables.map((t) => `${t.number} ${t.caption}`)).toEqual(['1 路径参数', '2 查询参数']);
    expect(rowLines(uri.tables[0]!)).toEqual([
      'project_id 是 String',
      'namespace 是 String',
      'project 是 String',
      'path 是 String',
    ]);
    expect(rowLines(uri.tables[1]!)).toEqual(['ref 是 String', 'message 是 String', 'sha 是 String']);
    expect(rowLines(pages[0]!.sections[1]!.tables[0]!)).toEqual([
      'Content-Type 是 String',
      'X-Auth-Token 是 String',
      'X-Repo-Auth 是 String',
    ]);
  });
});

describe('flat-023: partner API with swapped columns, no 表N, unnumbered caption (FORMATS.md §3, §9.12)', () => {
  const { pages } = read('flat', 'flat-023.txt');
  it('reads `参数 类型 是否必填 描述` with the required flag after the type, `否,单选` included', () => {
    const table = pages[1]!.sections[0]!.tables[0]!;
    expect(table.header).toEqual(['参数', '类型', '是否必填', '描述']);
    expect(table.number).toBeUndefined();
    expect(rowLines(table)).toEqual([
      'pageStart 否 int',
      'pageSize 否 int',
      'imageLevel 是 String',
      'region 否,单选 String',
      'taskScene 是 String',
      'sceneVersion 否 String',
      'position 否 String',
      'startDate 是 date',
      'endDate 是 date',
    ]);
  });
  it('takes `data出参` as the caption of the second response table, not as description text', () => {
    const [top, data] = pages[3]!.sections[0]!.tables;
    expect(rowLines(top!)).toEqual(['status String', 'msg String', 'data Object']);
    expect(top!.rows[2]!.cells[2]!.text).toBe('响应结果内容data。');
    expect(data!.caption).toBe('data出参');
    expect(rowLines(data!).slice(0, 4)).toEqual([
      'filePath string',
      'fileSize Long',
      'microCode string',
      'hwFileId long',
    ]);
  });
  it('keeps examples without a status (`请求示例 { … }`)', () => {
    expect(pages[0]!.sections[0]!.examples).toHaveLength(1);
    expect(pages[0]!.sections[0]!.examples[0]!.status).toBeUndefined();
    expect(JSON.parse(pages[0]!.sections[0]!.examples[0]!.code).pageSize).toBe(100);
  });
});

describe('flat-009: sub-tables before the table that names them (FORMATS.md §6), excerpt cut mid-row', () => {
  const { pages, report } = read('flat', 'flat-009.txt');
  const tables = pages[0]!.sections[0]!.tables;
  it('reads all eight tables with their captions', () => {
    expect(tables.map((t) => `${t.number} ${t.caption}`)).toEqual([
      '4 响应Body参数',
      '5 响应Body参数',
      '6 Error',
      '7 Result',
      '8 UserDto',
      '9 TimeStats',
      '10 DiffRefs',
      '11 User',
    ]);
    expect(rowLines(tables[0]!)).toEqual(['result Result object', 'status String']);
    expect(rowLines(tables[2]!)).toEqual(['code String', 'message String']);
  });
  it('reads the 34 rows of 表7 Result, `Array of Changes` (no "objects") included', () => {
    const result = rowLines(tables[3]!);
    expect(result).toHaveLength(34);
    expect(result.slice(0, 3)).toEqual(['id Integer', 'iid Integer', 'project_id Integer']);
    expect(result).toContain('author UserDto object');
    expect(result).toContain('sha String');
    expect(result).toContain('should_remove_source_branch Boolean');
    expect(result.at(-1)).toBe('changes Array of Changes');
  });
  it('reports the row the excerpt cut (`ca`) instead of inventing one', () => {
    expect(tables[7]!.rows).toEqual([]);
    expect(report.some((e) => e.table === '表11 User' && e.severity === 'warning' && /'ca'/.test(e.reason))).toBe(true);
    expect(report.filter((e) => e.severity === 'error')).toEqual([]);
  });
});

describe('flat-011: code-block line numbers spilled before the example (FORMATS.md §9.9)', () => {
  const { pages, report } = read('flat', 'flat-011.txt');
  it('drops `1 2 3 … 146` and keeps the code from `{`, reporting both the strip and the cut', () => {
    const example = pages[0]!.sections[0]!.examples[0]!;
    expect(example.code.startsWith('{ "count": 2, "servers": [')).toBe(true);
    expect(example.title).toBeUndefined();
    expect(report.some((e) => /line numbers 1…146/.test(e.reason))).toBe(true);
    expect(report.some((e) => /cut short/.test(e.reason))).toBe(true);
  });
});

describe('bullet markers (FORMATS.md §9.13: the same page is stored with `  • ` and with `-` lines)', () => {
  it('reads flat-039 rewritten with `-` bullet lines into the same pages', () => {
    const dotted = read('flat', 'flat-039.txt').pages;
    const text = fixture('flat-039.txt').replace(/^ {2}• /gm, '-\n');
    expect(text).not.toContain('•');
    const dashed = flatReader.read(text, 'flat-039.txt', () => {});
    expect(dashed).toEqual(dotted);
  });
});

describe('flat-027: status-code table `状态码 编码 错误码说明` (FORMATS.md §3)', () => {
  const { pages } = read('flat', 'flat-027.txt');
  const table = pages.flatMap((p) => p.sections).find((s) => s.kind === 'statusCodes')!.tables[0]!;
  it('keeps a reason phrase of several words in the 编码 cell (`Switching Protocols`)', () => {
    expect([table.number, table.caption, table.header.join('|')]).toEqual([
      1,
      'HTTP响应状态码',
      '状态码|编码|错误码说明',
    ]);
    expect(
      table.rows.map((r) =>
        r.cells
          .map((c) => c.text)
          .slice(0, 2)
          .join(' '),
      ),
    ).toEqual(['100 Continue', '101 Switching Protocols']);
    expect(table.rows[1]!.cells[2]!.text).toBe('切换协议。只能切换到更高级的协议。 例如,切');
  });
});
