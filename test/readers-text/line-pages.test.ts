// Percell and pipe pages: expectations written by reading the fixtures (test/fixtures/text/README.md).
import { describe, expect, it } from 'vitest';
import { read, rowLines } from './helpers.ts';

describe('percell-007: support page whose rows drop the 是/否 cell (FORMATS.md §9.2)', () => {
  const { pages, report } = read('percell', 'percell-007.txt');
  const page = pages[0]!;
  const section = (heading: string) => page.sections.find((s) => s.heading === heading)!;
  it('takes the title and the sections from their lines', () => {
    expect(page.title).toBe('查询实例列表');
    expect(page.sections.map((s) => s.kind)).toEqual([
      'function',
      'constraints',
      'debug',
      'uri',
      'request',
      'response',
    ]);
    expect(section('URI').paragraphs).toEqual(['GET /v2/{project_id}/instances']);
  });
  it('gives the tables consistently without the 是否必选 column, and says so once per table', () => {
    const [path, query] = section('URI').tables;
    expect(path!.header).toEqual(['参数', '参数类型', '描述']);
    expect(rowLines(path!)).toEqual(['project_id String']);
    expect(rowLines(query!)).toEqual([
      'offset Integer',
      'limit Integer',
      'status String',
      'enterprise_project_id String',
    ]);
    const dropped = report.filter((e) => /no 是\/否 cell/.test(e.reason)).map((e) => e.table);
    expect(dropped).toEqual(['表1 路径参数', '表2 Query参数', '表3 请求Header参数']);
  });
  it('joins a description written over two lines', () => {
    const header = section('请求参数').tables[0]!;
    expect(header.rows[0]!.cells.map((c) => c.text)).toEqual([
      'X-Auth-Token',
      'String',
      '用户Token。\n通过调用IAM服务获取用户Token接口获取(响应消息头中X-Subject-Token的值)。',
    ]);
  });
  it('keeps the 是否必选-less response tables and their status', () => {
    const [body, instance] = section('响应参数').tables;
    expect(body!.status).toBe('200');
    expect(rowLines(body!)).toEqual(['instances Array of Instance objects', 'total Integer']);
    expect(instance!.caption).toBe('Instance');
    expect(instance!.rows).toHaveLength(23);
    expect(rowLines(instance!).at(-1)).toBe('subnet_cidr String');
  });
});

describe('percell-003: error-code table with list cells', () => {
  const { pages } = read('percell', 'percell-003.txt');
  const section = pages[0]!.sections[0]!;
  const table = section.tables[0]!;
  it('reads the title as an error-code section and the 18 rows the excerpt holds', () => {
    expect(pages[0]!.title).toBe('附录:API错误码');
    expect(section.kind).toBe('errorCodes');
    expect(table.header).toEqual(['HTTP状态码', '错误码', '错误描述', '解决方案']);
    expect(table.rows.map((r) => `${r.cells[0]!.text} ${r.cells[1]!.text}`).slice(0, 6)).toEqual([
      '404 APIC.0101',
      '500 APIC.0103',
      '500 APIC.0104',
      '500 APIC.0105',
      '400 APIC.0106',
      '400 APIC.0201',
    ]);
    expect(table.rows).toHaveLength(18);
  });
  it('keeps a `  • …` solution as one cell with its list items', () => {
    const solution = table.rows[0]!.cells[3]!;
    expect(solution.listItems).toEqual([
      '检查域名、方法、路径和注册的API是否一致。',
      '检查API是否发布,如果发布到非生产环境,检查请求X-Stage头是否为发布的环境名。',
    ]);
  });
});

describe('percell-011: productsdesc page (华为乾坤), six columns, `返回状态码为201:`', () => {
  const { pages } = read('percell', 'percell-011.txt');
  const page = pages[0]!;
  it('takes the API name from `服务名-API名:章节` and the chapter as the section', () => {
    expect(page.title).toBe('创建终端组');
    expect(page.sections.map((s) => s.kind)).toEqual(['response']);
  });
  it('reads both tables with status 201 and every row', () => {
    const [info, dto] = page.sections[0]!.tables;
    expect([info!.number, info!.caption, info!.status]).toEqual([
      3,
      'TerminalGroupMgrResponseInfo对象的参数列表',
      '201',
    ]);
    expect(rowLines(info!)).toEqual(['errcode string', 'errmsg string', 'data REFERENCE']);
    expect(rowLines(dto!)).toEqual(['id string', 'groupName string', 'parentId string', 'description string']);
    expect(dto!.rows[1]!.cells.map((c) => c.text)).toEqual([
      'groupName',
      'string',
      '0~64个字符。',
      '-',
      '终端组名称,1~64个字符,不支持特殊字符。',
      '"HUAWEI"',
    ]);
  });
});

describe('pipe-009: linked names dropped by the pipe rendering (FORMATS.md §9.3)', () => {
  const { pages, report } = read('pipe', 'pipe-009.txt');
  const page = pages[0]!;
  it('reads the English page: title, sections, header tables', () => {
    expect(page.title).toBe('Creating a Project');
    const request = page.sections.find((s) => s.kind === 'request')!;
    expect(request.tables.map((t) => t.header.join('|'))).toEqual([
      'Parameter|Mandatory|Type|Description',
      'Parameter|Mandatory|Type|Description',
      'Parameter|Mandatory|Type|Description',
    ]);
    expect(rowLines(request.tables[0]!)).toEqual(['Content-Type Yes String', 'X-Auth-Token Yes String']);
    expect(rowLines(request.tables[2]!)).toEqual([
      'name Yes String',
      'parent_id Yes String',
      'domain_id No String',
      'description No String',
    ]);
  });
  it('reports the rows whose name is missing instead of inventing one', () => {
    const request = page.sections.find((s) => s.kind === 'request')!;
    expect(request.tables[1]!.rows).toEqual([]);
    const nameless = report.filter((e) => /row without a name cell/.test(e.reason));
    expect(nameless.map((e) => e.reason.match(/'(.*)'$/)![1])).toEqual([
      'Yes | Object | Project information.',
      'Object | Project information.',
      'Object | Project resource link.',
    ]);
    const response = page.sections.find((s) => s.kind === 'response')!;
    expect(rowLines(response.tables[1]!)).toEqual([
      'is_domain Boolean',
      'description String',
      'enabled Boolean',
      'id String',
      'parent_id String',
    ]);
    expect(report.filter((e) => e.severity === 'error')).toEqual([]);
  });
});

describe('pipe-001 and pipe-005: empty cells and compact rows', () => {
  it('pipe-001: keeps an empty 解决方案 cell empty (the list was dropped) and reads all 21 rows', () => {
    const table = read('pipe', 'pipe-001.txt').pages[0]!.sections[0]!.tables[0]!;
    expect(table.rows).toHaveLength(21);
    expect(table.rows[0]!.cells.map((c) => c.text)).toEqual([
      '404',
      'APIC.0101',
      'The API does not exist or has not been published in the environment.',
      '',
    ]);
    expect(table.rows[1]!.cells.map((c) => c.text)).toEqual([
      '500',
      'APIC.0103',
      'The backend does not exist.',
      '联系技术支持。',
    ]);
    expect(table.rows[13]!.cells.map((c) => c.text)).toEqual([
      '401',
      'APIC.0303',
      'Incorrect App authentication information.',
      '',
    ]);
  });
  it('pipe-005: reads `a | b | c |` rows and keeps `当resource_region为asia_pacific时` in the description', () => {
    const { pages } = read('pipe', 'pipe-005.txt');
    expect(pages[0]!.apiName).toBe('CreateInstance');
    const [header, body] = pages[0]!.sections.find((s) => s.kind === 'request')!.tables;
    expect(rowLines(header!)).toEqual(['X-Auth-Token 是 String', 'Content-Type 是 String']);
    expect(rowLines(body!)).toEqual([
      'ip_type 是 Integer',
      'resource_region 是 String',
      'basic_bandwidth 否 Integer',
      'elastic_bandwidth 否 Integer',
      'protection_package 否 String',
      'instance_access_type 是 String',
      'protected_domain 否 Integer',
    ]);
    expect(body!.rows[0]!.cells[3]!.text).toBe(
      'ip类型:0-IPV4,1-IPV6。当resource_region为asia_pacific时,ip_type仅支持0-IPV4。',
    );
  });
});
