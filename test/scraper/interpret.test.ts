// The interpreter on every page generation (docs/FORMATS.md §2–§10), on real pages copied into test/fixtures/zh-md/
// (sources in its README), plus the roles table and the limits. Expectations were written by reading the pages.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScrapeResult } from '../../scraper/index.ts';
import { scrapeText } from '../../scraper/index.ts';
import type { DocSection, DocTable, ReportEntry, SectionKind } from '../../scraper/model.ts';
import { bracketDepth, MAX_EXAMPLE_DEPTH, parseExample } from '../../scraper/interpret/examples.ts';
import { columnsOf, tableRole } from '../../scraper/interpret/tables.ts';
import { deref, op, param, requestSchema, responseSchema, scrape, type Json } from './helpers.ts';

const table = (caption: string, header = ['参数', '是否必选', '参数类型', '说明']): DocTable => ({
  caption,
  anchors: [],
  header,
  rows: [],
});
const section = (kind: SectionKind): DocSection => ({ kind, heading: kind, paragraphs: [], tables: [], examples: [] });

describe('table roles from caption, section and the page’s field names', () => {
  const cases: [string, SectionKind, string[], string][] = [
    // [caption, section, row names on the page, want role (+ location)]
    ['URI参数说明', 'uri', [], 'params:path'],
    ['query参数说明', 'uri', [], 'params:query'],
    ['Body参数说明', 'requestExample', [], 'requestParams'],
    ['Body参数说明', 'response', [], 'responseBody'],
    ['请求参数说明', 'request', [], 'requestParams'],
    ['响应参数说明', 'response', [], 'responseBody'],
    ['要素说明', 'response', [], 'responseBody'],
    ['响应样例的要素说明', 'response', [], 'responseBody'],
    ['参数说明', 'response', [], 'responseBody'],
    ['响应Header参数', 'response', [], 'responseHeaders'],
    ['FormData参数', 'request', [], 'requestBody'],
    ['recordsets字段说明', 'response', ['recordsets'], 'object'],
    ['instances字段数据结构说明', 'response', ['instances'], 'object'],
    // A field named `uri` makes `uri参数说明` its sub-table, not the URI's parameters.
    ['uri参数说明', 'response', ['uri'], 'object'],
    // A response has no parameters: a request-side caption over a response table is a copy slip (dws 创建容灾).
    ['路径参数', 'response', [], 'responseBody'],
    ['路径参数', 'uri', [], 'params:path'],
  ];
  it.each(cases)('%s in %s (fields %j) → %s', (caption, kind, names, want) => {
    const t = table(caption);
    const role = tableRole(t, section(kind), columnsOf(t.header), new Set(names));
    expect('in' in role ? `${role.role}:${role.in}` : role.role).toBe(want);
  });
});

describe('## 请求 / ## 响应 with bullet sub-sections (ges 创建图)', () => {
  let r: ScrapeResult;
  let o: Json;
  beforeAll(async () => {
    r = await scrape(['zh-md/ges/创建图(2-1-18).md']);
    o = op(r, 'POST', '/v1.0/{project_id}/graphs');
  });

  it('reads the request line of the `-   URI 格式` bullet and the URI参数说明 table', () => {
    expect(param(o, 'path', 'project_id').required).toBe(true);
  });

  it('the Body参数说明 table after the 请求样例 bullet is the request body; a type cell naming a caption links it', () => {
    const body = requestSchema(r, o);
    expect(Object.keys(body.properties)).toEqual(['graph', 'enableMultiAz']);
    const graph = deref(r, body.properties.graph);
    expect(Object.keys(graph.properties)).toContain('graphSizeTypeIndex');
    // `DataSource数据结构` in the type cell is the caption of 表5.
    expect(Object.keys(deref(r, graph.properties.dataSource).properties)).toEqual(['type', 'parameters']);
  });

  it('要素说明 under ## 响应 is the 2xx body; `Http Status Code: 400` inside the code block files that example under 400', () => {
    expect(Object.keys(responseSchema(r, o, '200').properties)).toEqual(['errorMessage', 'errorCode', 'id', 'name']);
    expect(Object.keys(o.responses['400'].content['application/json'].examples)).toHaveLength(1);
  });
});

describe('## 请求消息 / ## 响应消息 without a status code (dli 新建模板, dds 查询实例列表)', () => {
  it('请求参数说明 / 响应参数说明 are the bodies of the operation and its 2xx response', async () => {
    const r = await scrape(['zh-md/dli/新建模板.md']);
    const o = op(r, 'POST', '/v1.0/{project_id}/streaming/job-templates');
    expect(Object.keys(requestSchema(r, o).properties)).toEqual(['name', 'desc', 'sql_body', 'tags', 'job_type']);
    expect(requestSchema(r, o).required).toEqual(['name']);
    const res = responseSchema(r, o, '200');
    expect(Object.keys(res.properties)).toEqual(['is_success', 'message', 'template']);
    expect(Object.keys(deref(r, res.properties.template).properties)).toEqual([
      'template_id',
      'name',
      'desc',
      'create_time',
    ]);
  });

  it('要素说明 is the response body and instances字段数据结构说明 the type of its `instances` list', async () => {
    const r = await scrape(['zh-md/dds/查询实例列表.md']);
    const res = responseSchema(r, op(r, 'GET', '/v3/{project_id}/instances'), '200');
    expect(Object.keys(res.properties)).toEqual(['instances', 'total_count']);
    expect(res.properties.instances.type).toBe('array');
    expect(deref(r, res.properties.instances.items).properties).toHaveProperty('datastore');
  });
});

describe('response headers (mrs 查询用户（组）与IAM委托的映射关系)', () => {
  it('响应Header参数 becomes the response’s headers, not body fields', async () => {
    const r = await scrape(['zh-md/mrs/查询用户（组）与IAM委托的映射关系.md']);
    const o = op(r, 'GET', '/v2/{project_id}/clusters/{cluster_id}/agency-mapping');
    const res = o.responses['400'];
    expect(Object.keys(res.headers)).toEqual(['X-request-id']);
    expect(res.headers['X-request-id'].schema).toEqual({ type: 'string' });
    expect(Object.keys(deref(r, res.content['application/json'].schema).properties)).toEqual([
      'error_code',
      'error_msg',
    ]);
  });
});

describe('sub-tables on another page (as)', () => {
  it('a link into another input page resolves to that page’s table', async () => {
    const r = await scrape(['zh-md/as/查询弹性伸缩配置详情.md', 'zh-md/as/查询弹性伸缩配置列表.md']);
    const detail = Object.entries(r.document.paths).find(([p]) => /scaling_configuration\/\{/.test(p))!;
    const res = responseSchema(r, detail[1].get, '200');
    const config = deref(r, res.properties.scaling_configuration);
    const instance = deref(r, config.properties.instance_config);
    expect(instance['x-source'].file).toBe('test/fixtures/zh-md/as/查询弹性伸缩配置列表.md');
    expect(Object.keys(instance.properties)).toContain('flavorRef');
  });

  it('a link into a page that is not an input: {} with x-doc-link and a warning', async () => {
    const r = await scrape(['zh-md/as/修改弹性伸缩组.md']);
    const json = JSON.stringify(r.document);
    expect(json).toContain('"x-doc-link":"创建弹性伸缩组-0.md#table389911412219"');
    expect(
      r.report.some((e) => e.severity === 'warning' && /ipv6_bandwidth.*not among the inputs/.test(e.reason)),
    ).toBe(true);
  });
});

describe('bodies no table describes', () => {
  it('a 2xx example without a table gives an x-inferred schema and a note (modelarts 删除服务)', async () => {
    const r = await scrape(['zh-md/modelarts/删除服务.md']);
    const o = op(r, 'DELETE', '/v1/{project_id}/services/{service_id}');
    const schema = responseSchema(r, o, '200');
    expect(schema).toMatchObject({ type: 'object', properties: {}, 'x-inferred': 'example' });
    expect(r.report.some((e) => /derived from the example/.test(e.reason))).toBe(true);
    expect(r.summary.thinOperations).toBe(0);
  });

  const page = (example: string) =>
    `# 示例接口\n\n## URI\n\nPOST /v1/{project_id}/things\n\n## 请求示例\n\n\`\`\`\n${example}\n\`\`\`\n\n## 响应示例\n\n\`\`\`\n{"id": "x"}\n\`\`\`\n`;

  const cases: [string, string, Json][] = [
    // [what, request example, want (request body schema, dereferenced one level)]
    [
      'types from values',
      '{"name": "a", "size": 3, "ratio": 0.5, "on": true, "tags": ["t"]}',
      {
        name: { type: 'string' },
        size: { type: 'integer' },
        ratio: { type: 'number' },
        on: { type: 'boolean' },
        tags: { type: 'array', items: { type: 'string' } },
      },
    ],
    [
      'arrays from their first element',
      '{"servers": [{"id": "1"}, {"other": 2}]}',
      { servers: { type: 'array', items: { $ref: '#/components/schemas/Server' } } },
    ],
  ];
  it.each(cases)('%s', async (_, example, want) => {
    const dir = await mkdtemp(join(tmpdir(), 'hwdocs-infer-'));
    try {
      await writeFile(join(dir, 'p.md'), page(example));
      const r = await scrape([join(dir, 'p.md')]);
      const body = requestSchema(r, op(r, 'POST', '/v1/{project_id}/things'));
      expect(body.properties).toEqual(want);
      expect(body['x-inferred']).toBe('example');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a key named __proto__ stays a property in the spec', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hwdocs-proto-'));
    try {
      await writeFile(join(dir, 'p.md'), page('{"__proto__": {"polluted": true}, "ok": 1}'));
      const r = await scrape([join(dir, 'p.md')]);
      const body = requestSchema(r, op(r, 'POST', '/v1/{project_id}/things'));
      expect(Object.keys(body.properties)).toEqual(['__proto__', 'ok']);
      expect(Object.getPrototypeOf(body.properties)).toBe(Object.prototype);
      expect(({} as Json).polluted).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('overview pages (ges API概览)', () => {
  it('produce nothing and no warning', async () => {
    const r = await scrape(['zh-md/ges/API概览.md']);
    expect(Object.keys(r.document.paths)).toEqual([]);
    expect(Object.keys(r.document.components.schemas)).toEqual([]);
    expect(r.report.filter((e) => e.severity !== 'info')).toEqual([]);
    expect(r.summary.rowsReportOnly).toBe(0);
  });
});

describe('limits', () => {
  const depthCases: [string, number][] = [
    ['{"a": [1, {"b": 2}]}', 3],
    ['{"s": "[[[{{{"}', 1],
    ['[]', 1],
  ];
  it.each(depthCases)('bracketDepth(%s) = %i', (text, want) => expect(bracketDepth(text)).toBe(want));

  it('an example nested 1,500 levels deep is a report entry, not a crash', () => {
    const deep = `${'['.repeat(1500)}${']'.repeat(1500)}`;
    expect(parseExample(deep).error).toMatch(String(MAX_EXAMPLE_DEPTH));
    const report: ReportEntry[] = [];
    const md = `# 深\n\n## URI\n\nPOST /v1/x\n\n## 请求示例\n\n\`\`\`\n{"a": ${deep}}\n\`\`\`\n`;
    const { outcomes } = scrapeText(md, 'deep.md', report);
    expect(outcomes[0]!.operation?.path).toBe('/v1/x');
    expect(report.some((e) => /nested deeper than/.test(e.reason))).toBe(true);
  });

  it('a repeated row name is reported once per repeat and the first row kept', () => {
    const html = `<table><thead><tr><th>参数</th><th>是否必选</th><th>参数类型</th><th>描述</th></tr></thead><tbody>${Array.from(
      { length: 2000 },
      (_, i) => `<tr><td>f${i % 1000}</td><td>否</td><td>String</td><td>d</td></tr>`,
    ).join('')}</tbody></table>`;
    const report: ReportEntry[] = [];
    const md = `# 重复\n\n## URI\n\nPOST /v1/x\n\n## 请求参数\n\n**表 1**  请求Body参数\n\n${html}\n`;
    const { outcomes } = scrapeText(md, 'dup.md', report);
    const body = outcomes[0]!.objects[0]!;
    expect(body.fields).toHaveLength(1000);
    expect(report.filter((e) => /appears twice/.test(e.reason))).toHaveLength(1000);
    expect(outcomes[0]!.fates.filter((f) => f.reportOnly)).toHaveLength(1000);
  });
});
