// Row forms of field tables (scraper/interpret/fields.ts, types.ts): a note written after the field name, a list row
// named in the singular while the examples show the plural, type words of the older pages. Real pages copied into
// test/fixtures/zh-md/ (sources in its README); expectations were written by reading the pages.
import { beforeAll, describe, expect, it } from 'vitest';
import { type ScrapeResult, scrapeText } from '../../scraper/index.ts';
import { namesItsItemType, repairShiftedCells } from '../../scraper/interpret/fields.ts';
import { splitNameNote } from '../../scraper/vocab.ts';
import { parseDocType } from '../../scraper/interpret/types.ts';
import type { SectionKind, TypeRef } from '../../scraper/model.ts';
import { sectionKind } from '../../scraper/vocab.ts';
import { isObjectSequence } from '../../scraper/interpret/examples.ts';
import { deref, op, requestSchema, responseSchema, scrape, type Json } from './helpers.ts';

describe('a note after the field name', () => {
  // [name cell's first line, want name, want note]
  const cases: [string, string, string | undefined][] = [
    ['access_ip（过期）', 'access_ip', '过期'], // zh-md/cph/查询云手机详情.md
    ['phone_ip（新增）', 'phone_ip', '新增'], // zh-md/cph/查询云手机详情.md
    ['delimiter（2.2.8）', 'delimiter', '2.2.8'], // zh-md/ges/通过导入文件更新点边的指定属性(2-2-13).md
    ['hasLabel（一千亿边（公测版））', 'hasLabel', '一千亿边（公测版）'], // zh-md/ges/新建索引(1-1-6).md
    ['toString(2.2.21)', 'toString', '2.2.21'], // zh-md/ges/Cypher操作API（2-2-16公测）.md
    ['access_ip', 'access_ip', undefined],
    // Not an identifier before the bracket: left as written.
    ['用户自定义字段键值对（key）', '用户自定义字段键值对（key）', undefined],
    ['{自定义key}', '{自定义key}', undefined],
    // Brackets that do not close at the end: part of the name, not a note.
    ['tags(key) value', 'tags(key) value', undefined],
    ['（过期）', '（过期）', undefined],
  ];
  it.each(cases)('%s → %s (%s)', (written, name, note) => {
    expect(splitNameNote(written)).toEqual(note === undefined ? { name } : { name, note });
  });
});

describe('type words of the older pages', () => {
  const str: TypeRef = { kind: 'primitive', type: 'string' };
  // [type cell, want]
  const cases: [string, TypeRef][] = [
    ['jsonString', str], // zh-md/cph/重启云手机.md
    ['Json String', str], // zh-md/ges/Filtered-query-API(2-2-13).md
    ['JSON String', str], // zh-md/ges/Filtered-query-API.md
    ['Stirng', str], // zh-md/cph/变更云手机服务器规格.md
    ['List of String', { kind: 'array', items: str }], // zh-md/dli/上传资源包.md
    ['List of Json', { kind: 'array', items: { kind: 'any' } }], // zh-md/dli/查看分组资源列表.md
    ['[Long]', { kind: 'array', items: { kind: 'primitive', type: 'integer', format: 'int64' } }], // dli/批量删除作业.md
    ['Array of strings', { kind: 'array', items: str }],
    ['[资源]', { kind: 'unknown', text: '[资源]' }],
  ];
  it.each(cases)('%s', (cell, want) => {
    expect(parseDocType(cell)).toEqual(want);
  });
});

describe('cph 查询云手机详情: names with （过期）/（新增）, jsonString', () => {
  let r: ScrapeResult;
  let body: Json;
  beforeAll(async () => {
    r = await scrape(['zh-md/cph/查询云手机详情.md']);
    body = responseSchema(r, op(r, 'GET', '/v1/{project_id}/cloud-phone/phones/{phone_id}'), '200');
  });

  it('names the access_infos fields without their notes, and keeps each note in the description', () => {
    const info = deref(r, body.properties.access_infos.items);
    expect(Object.keys(info.properties)).toEqual([
      'phone_ip',
      'server_ip',
      'public_ip',
      'listen_port',
      'access_port',
      'type',
      'device_ip',
      'intranet_ip',
      'access_ip',
    ]);
    expect(info.properties.access_ip.description).toMatch(/^（过期）/);
    expect(info.properties.phone_ip.description).toMatch(/^（新增）/);
    expect(info.properties.listen_port.description).not.toMatch(/^（/);
  });

  it('types a jsonString field as a string', () => {
    expect(body.properties.property.type).toBe('string');
  });
});

describe('cph 查询云手机规格列表: the row says phone_model, every example says phone_models', () => {
  let r: ScrapeResult;
  let body: Json;
  beforeAll(async () => {
    r = await scrape(['zh-md/cph/查询云手机规格列表.md']);
    body = responseSchema(r, op(r, 'GET', '/v1/{project_id}/cloud-phone/phone-models'), '200');
  });

  it("names the list after the example's key and keeps its sub-table", () => {
    expect(Object.keys(body.properties)).toEqual(['request_id', 'phone_models']);
    const model = deref(r, body.properties.phone_models.items);
    expect(Object.keys(model.properties)).toContain('phone_model_name');
  });

  it('says so in the report', () => {
    expect(
      r.report.some((e) => /'phone_model' is a list the page's examples show as 'phone_models'/.test(e.reason)),
    ).toBe(true);
  });
});

describe('the plural is read from the examples of the row’s own side', () => {
  // The form of zh-md/cph/查询云手机规格列表.md, with the plural shown only by the other side's example.
  const table = (caption: string, rows: string[][]) =>
    [
      `**${caption}**`,
      '|参数|是否必选|参数类型|描述|',
      '|---|---|---|---|',
      ...rows.map((r) => `|${r.join('|')}|`),
    ].join('\n');
  const page = (requestExample: string, responseExample: string) =>
    [
      '# 创建标签',
      '## URI',
      'POST /v1/things',
      '## 请求参数',
      table('表 1  请求Body参数', [['tag', '否', 'Array of strings', '标签']]),
      '## 请求示例',
      `\`\`\`\n${requestExample}\n\`\`\``,
      '## 响应参数',
      table('表 2  响应Body参数', [['count', '否', 'Integer', '数量']]),
      '## 响应示例',
      `\`\`\`\n${responseExample}\n\`\`\``,
      '',
    ].join('\n\n');
  const requestNames = (text: string) => {
    const [outcome] = scrapeText(text, 'zh-md/test/创建标签.md', []).outcomes;
    return outcome!.objects.flatMap((o) => o.fields.map((f) => f.name)).filter((n) => n !== 'count');
  };

  it('a request row is not renamed after a list only the response shows', () => {
    expect(requestNames(page('{ "x": 1 }', '{ "count": 1, "tags": ["a"] }'))).toEqual(['tag']);
  });

  it('a request row is renamed after a list the request example shows', () => {
    expect(requestNames(page('{ "tags": ["a"] }', '{ "count": 1 }'))).toEqual(['tags']);
  });
});

describe('cph 重启云手机: a row named like an example key is left alone', () => {
  it('keeps phones as written (the example shows phones too)', async () => {
    const r = await scrape(['zh-md/cph/重启云手机.md']);
    const o = op(r, 'POST', '/v1/{project_id}/cloud-phone/phones/batch-restart');
    const body = requestSchema(r, o);
    expect(Object.keys(body.properties)).toContain('phones');
    expect(deref(r, body.properties.phones.items).properties.property.type).toBe('string');
    expect(r.report.some((e) => /examples show as/.test(e.reason))).toBe(false);
  });
});

describe('dli 批量删除作业: [Long]; a list response written as `{…}, {…}` whose table describes one element', () => {
  let r: ScrapeResult;
  let o: Json;
  beforeAll(async () => {
    r = await scrape(['zh-md/dli/批量删除作业.md']);
    o = op(r, 'POST', '/v1.0/{project_id}/streaming/jobs/delete');
  });

  it('types job_ids as a list of int64', () => {
    const jobIds = requestSchema(r, o).properties.job_ids;
    expect(jobIds.type).toBe('array');
    expect(jobIds.items).toMatchObject({ type: 'integer', format: 'int64' });
  });

  it('reads the bracket-less example as a list and types the 200 body as a list of the table’s objects', () => {
    const body = o.responses['200'].content['application/json'].schema;
    expect(body.type).toBe('array');
    expect(Object.keys(deref(r, body.items).properties)).toEqual(['is_success', 'message']);
    expect(r.report.some((e) => /wrapped a sequence of objects in a list/.test(e.reason))).toBe(true);
  });
});

describe('a bracket-less list of objects in an example', () => {
  // [example text, want: wrapping it in brackets makes it a list]
  const cases: [string, boolean][] = [
    ['{ "is_success": "true" },\n{ "is_success": "true" }', true], // zh-md/dli/批量删除作业.md
    ['{"a": "}, {"}, {"b": 1}', true],
    ['{ "a": 1 }', false],
    ['{ "a": [{}, {}] }', false],
    ['{ "a": 1 } { "b": 2 }', false],
    ['{ "a": 1 }, { "b": 2 },', false],
    ['[{ "a": 1 }, { "b": 2 }]', false],
    ['{ "a": 1 }, "x"', false],
  ];
  it.each(cases)('%s → %s', (text, want) => {
    expect(isObjectSequence(text)).toBe(want);
  });
});

describe('a row that stands for the body itself: 数组元素 / [数组元素]', () => {
  it('dli 批量运行作业: the 200 body is a list of the 数组元素参数说明 objects', async () => {
    const r = await scrape(['zh-md/dli/批量运行作业.md']);
    const body = op(r, 'POST', '/v1.0/{project_id}/streaming/jobs/run').responses['200'].content['application/json']
      .schema;
    expect(body.type).toBe('array');
    expect(Object.keys(deref(r, body.items).properties)).toEqual(['is_success', 'message']);
  });

  it('swr 查询镜像仓库列表 (pipe tables): the 200 body is a list of ShowReposResp', async () => {
    const r = await scrape(['zh-md/swr/查询镜像仓库列表.md']);
    const body = op(r, 'GET', '/v2/manage/repos').responses['200'].content['application/json'].schema;
    expect(body.type).toBe('array');
    expect(deref(r, body.items).properties).toHaveProperty('internal_path');
  });
});

describe('a list body whose one row is named after its item type', () => {
  // [row name, type cell, want: the row names its own item type]
  const cases: [string, string, boolean][] = [
    ['QueryCategoryRsp', 'Array of QueryCategoryRsp objects', true], // zh-md/vod/查询指定分类信息.md
    ['categories', 'Array of QueryCategoryRsp objects', false],
    ['QueryCategoryRsp', 'QueryCategoryRsp object', false],
    ['QueryCategoryRsp', 'Array of strings', false],
  ];
  it.each(cases)('%s: %s → %s', (name, type, want) => {
    expect(namesItsItemType(name, type)).toBe(want);
  });

  it('vod 查询指定分类信息: the 200 body is a list of QueryCategoryRsp (the example is a list), the 400 body an object', async () => {
    const r = await scrape(['zh-md/vod/查询指定分类信息.md']);
    const o = op(r, 'GET', '/v1.0/{project_id}/asset/category');
    const body = o.responses['200'].content['application/json'].schema;
    expect(body.type).toBe('array');
    expect(Object.keys(deref(r, body.items).properties)).toEqual(['id', 'name', 'children']);
    expect(Object.keys(responseSchema(r, o, '400').properties)).toEqual(['error_code', 'error_msg']);
  });
});

describe('example headings with a qualifier', () => {
  // [heading, want section kind]
  const cases: [string, SectionKind][] = [
    ['同步方式请求成功响应样例：', 'responseExample'], // zh-md/dli/删除数据库.md
    ['异步方式请求成功响应样例：', 'responseExample'], // zh-md/dli/删除数据库.md
    ['Spark作业请求示例', 'requestExample'], // zh-md/mrs/新增作业并执行.md
    ['成功响应样例：', 'responseExample'],
    ['失败响应示例', 'other'], // zh-md/modelarts/更新训练作业参数.md: not the 2xx response
    ['请求样例', 'requestExample'],
    ['样例', 'other'],
  ];
  it.each(cases)('%s → %s', (heading, want) => {
    expect(sectionKind(heading)).toBe(want);
  });

  it('dli 删除数据库: the two response examples are not taken for a request body', async () => {
    const r = await scrape(['zh-md/dli/删除数据库.md']);
    const o = op(r, 'DELETE', '/v1.0/{project_id}/databases/{database_name}');
    expect(o.requestBody).toBeUndefined();
    expect(Object.keys(responseSchema(r, o, '200').properties)).toEqual([
      'is_success',
      'message',
      'job_id',
      'job_type',
      'job_mode',
    ]);
  });
});

describe('a row whose type cell holds the 是/否 flag', () => {
  // [type cell, required cell, description cell, want [type, required, description] or undefined]
  const cases: [string, string | undefined, string, [string, string, string] | undefined][] = [
    // zh-md/bms/批量添加裸金属服务器标签.md: header `参数|参数类型|是否必选|描述`, row `project_id|是|String|项目ID。`
    ['是', 'String', '项目ID。', ['String', '是', '项目ID。']],
    // zh-md/cph/查询云手机服务器详情.md: header `参数|参数类型|描述`, row `network_version|否|String↵云手机服务器…`
    [
      '否',
      undefined,
      'String\n云手机服务器是否为自定义网络标识。',
      ['String', '否', '云手机服务器是否为自定义网络标识。'],
    ],
    ['String', '是', '项目ID。', undefined],
    // Nothing reads as a type where the type should be: left alone.
    ['否', undefined, '云手机服务器是否为自定义网络标识。', undefined],
    ['是', '项目ID', '', undefined],
  ];
  it.each(cases)('%s | %s | %s', (type, required, description, want) => {
    const got = repairShiftedCells(type, required, description);
    expect(got && [got.type, got.required, got.description]).toEqual(want);
  });

  it('cph 查询云手机服务器详情: network_version is a string, described without its type word', async () => {
    const r = await scrape(['zh-md/cph/查询云手机服务器详情.md']);
    const body = responseSchema(r, op(r, 'GET', '/v1/{project_id}/cloud-phone/servers/{server_id}'), '200');
    expect(body.properties.network_version.type).toBe('string');
    expect(body.properties.network_version.description).toMatch(/^云手机服务器是否为自定义网络标识/);
  });
});

describe('swr 查看共享镜像列表: a list example, a table of its elements that omits one key', () => {
  it('types the 200 body as a list of the table’s objects', async () => {
    const r = await scrape(['zh-md/swr/查看共享镜像列表.md']);
    const body = op(r, 'GET', '/v2/manage/shared-repositories').responses['200'].content['application/json'].schema;
    expect(body.type).toBe('array');
    const item = deref(r, body.items);
    expect(item.properties).toHaveProperty('internal_path');
    expect(item.properties).not.toHaveProperty('logo');
  });
});

describe('a parameter table with no type column (dds 查询备份列表)', () => {
  it('types a row integer only when its description bounds it as a number and the examples send digits', async () => {
    const r = await scrape(['zh-md/dds/查询备份列表.md']);
    const o = op(r, 'GET', '/v3/{project_id}/backups');
    const param = (name: string) => (o.parameters as Json[]).find((p) => p.name === name)?.schema as Json;
    expect(param('limit')).toMatchObject({ type: 'integer', minimum: 1, maximum: 100 });
    expect(param('offset')).toMatchObject({ type: 'integer', minimum: 0 });
    // Rows the description does not bound as numbers stay the string a missing type column means.
    expect(param('instance_id')).toMatchObject({ type: 'string' });
    expect(param('begin_time')).toMatchObject({ type: 'string' });
  });
});
