// The interpreter on every page generation (docs/FORMATS.md §2–§10), on real pages copied into test/fixtures/zh-md/
// (sources in its README), plus the roles table and the limits. Expectations were written by reading the pages.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScrapeResult } from '../../scraper/index.ts';
import { scrapeText } from '../../scraper/index.ts';
import type { DocSection, DocTable, ReportEntry, SectionKind } from '../../scraper/model.ts';
import { bracketDepth, isObjectSequence, MAX_EXAMPLE_DEPTH, parseExample } from '../../scraper/interpret/examples.ts';
import { columnsOf, tableRole } from '../../scraper/interpret/tables.ts';
import { parseDocType } from '../../scraper/interpret/types.ts';
import { sectionKind } from '../../scraper/vocab.ts';
import { readRequestLine } from '../../scraper/interpret/uri.ts';
import { splitCaption } from '../../scraper/readers/dita.ts';
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
    ['Response Body参数说明', 'response', [], 'responseBody'],
    ['Response Header参数说明', 'response', [], 'responseHeaders'],
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

describe('a body table whose one row is the array element: the body is a bare array', () => {
  const cases: [string, string, string, 'request' | '200', string[]][] = [
    // [fixture, method, path, side, want: the item's fields]
    // pipe table `[数组元素] | 是 | Array of UserAuth objects`, item type by caption `**表 4**  UserAuth`
    [
      'swr/更新组织权限.md',
      'PATCH',
      '/v2/manage/namespaces/{namespace}/access',
      'request',
      ['user_id', 'user_name', 'auth'],
    ],
    // DITA `Response Body参数说明` with an `[数组元素]` row typed `Array of <a href="#table…">objects</a>`
    ['swr/查看共享镜像列表.md', 'GET', '/v2/manage/shared-repositories', '200', ['name', 'category', 'description']],
    // `数组元素 | 否 | Array of Objects | 返回的响应消息组。具体请参考表4。`
    ['dli/批量运行作业.md', 'POST', '/v1.0/{project_id}/streaming/jobs/run', '200', ['is_success', 'message']],
  ];
  it.each(cases)('%s: %s %s %s', async (file, method, path, side, want) => {
    const r = await scrape([`zh-md/${file}`]);
    const o = op(r, method, path);
    const content = side === 'request' ? o.requestBody.content : o.responses[side].content;
    const body = content['application/json'].schema;
    expect(body.type).toBe('array');
    const item = deref(r, body.items);
    expect(Object.keys(item.properties).slice(0, want.length)).toEqual(want);
  });

  it('the caption `Response Header参数说明` makes the table the response headers', async () => {
    const r = await scrape(['zh-md/swr/查看共享镜像列表.md']);
    const res = op(r, 'GET', '/v2/manage/shared-repositories').responses['200'];
    expect(Object.keys(res.headers)).toEqual(['Content-Range']);
  });
});

describe('`表N <caption>` references whose number is off (bms 查询规格详情和规格扩展信息列表)', () => {
  // The page's response table lost its caption, so `表2 flavors数据结构说明` is `**表 3**  flavors数据结构说明`.
  const cases: [string, string[], string[]][] = [
    // [path below the response body, want the first fields, fields it must not have]
    ['flavors', ['id', 'name', 'vcpus'], ['availability_zone']],
    ['flavors.links', ['rel', 'href', 'type'], []],
    ['flavors.os_extra_specs', ['resource_type', 'capabilities:cpu_arch'], ['rel']],
  ];
  let r: ScrapeResult;
  let res: Json;
  beforeAll(async () => {
    r = await scrape(['zh-md/bms/查询规格详情和规格扩展信息列表.md']);
    res = responseSchema(r, op(r, 'GET', '/v1/{project_id}/baremetalservers/flavors'), '200');
  });
  it.each(cases)('%s → %j', (path, want, not) => {
    let schema = res;
    for (const name of path.split('.')) {
      const property = schema.properties[name];
      schema = deref(r, property.type === 'array' ? property.items : property);
    }
    const names = Object.keys(schema.properties);
    expect(names.slice(0, want.length)).toEqual(want);
    for (const n of not) expect(names).not.toContain(n);
  });
});

describe('footnote marks tying a type cell to its caption (bms 查询裸金属服务器标签)', () => {
  const captions: [string, { number?: number; caption: string }][] = [
    // [caption line text, want]
    ['表 2 [1] tags字段数据结构说明', { number: 2, caption: 'tags字段数据结构说明' }],
    ['表 4 [数组元素]参数说明', { number: 4, caption: '[数组元素]参数说明' }],
    ['表 3 请求Body参数', { number: 3, caption: '请求Body参数' }],
  ];
  it.each(captions)('splitCaption(%s)', (text, want) => expect(splitCaption(text)).toEqual(want));

  const types: [string, unknown][] = [
    // [type cell, want]
    ['List<resource_tag>[1]', { kind: 'array', items: { kind: 'ref', name: 'resource_tag' } }],
    ['List <resource_tag>[1]', { kind: 'array', items: { kind: 'ref', name: 'resource_tag' } }],
    ['Integer[]', { kind: 'array', items: { kind: 'primitive', type: 'integer', format: 'int32' } }],
    ['[]String', { kind: 'array', items: { kind: 'primitive', type: 'string' } }],
    // dli 查看分组资源列表, 批量删除作业
    ['List of String', { kind: 'array', items: { kind: 'primitive', type: 'string' } }],
    ['List of Json', { kind: 'array', items: { kind: 'any' } }],
    ['[Long]', { kind: 'array', items: { kind: 'primitive', type: 'integer', format: 'int64' } }],
    ['[Foo]', { kind: 'unknown', text: '[Foo]' }],
  ];
  it.each(types)('parseDocType(%s)', (cell, want) => expect(parseDocType(cell)).toEqual(want));

  it('the field typed `List<resource_tag>[1]` gets the `[1] tags字段数据结构说明` table', async () => {
    const r = await scrape(['zh-md/bms/查询裸金属服务器标签.md']);
    const res = responseSchema(r, op(r, 'GET', '/v1/{project_id}/baremetalservers/{server_id}/tags'), '200');
    expect(res.properties.tags.type).toBe('array');
    expect(Object.keys(deref(r, res.properties.tags.items).properties)).toEqual(['key', 'value']);
  });
});

describe('a request line split in two paragraphs; a map of arrays (bms 查询裸金属服务器详情)', () => {
  let r: ScrapeResult;
  beforeAll(async () => {
    r = await scrape(['zh-md/bms/查询裸金属服务器详情.md']);
  });

  it('`GET 参数说明请参见表1。` then `/v1/{project_id}/baremetalservers/{server_id}` is the request line', () => {
    const o = op(r, 'GET', '/v1/{project_id}/baremetalservers/{server_id}');
    expect(o.operationId).toBe('ListBareMetalServerDetails');
  });

  it('`Map<String,Array of address objects>` is a map of arrays of the address table', () => {
    const o = op(r, 'GET', '/v1/{project_id}/baremetalservers/{server_id}');
    const server = deref(r, responseSchema(r, o, '200').properties.server);
    const values = server.properties.addresses.additionalProperties;
    expect(values.type).toBe('array');
    expect(Object.keys(deref(r, values.items).properties)).toContain('OS-EXT-IPS-MAC:mac_addr');
  });
});

describe('request lines', () => {
  const cases: [string, string | undefined][] = [
    // [given line, want `METHOD path`]
    ['GET /v1.0/{project_id}/queues', 'GET /v1.0/{project_id}/queues'],
    // dli 查询所有队列: the method touches its path.
    ['GET/v1.0/{project_id}/queues', 'GET /v1.0/{project_id}/queues'],
    ['POST https://{endpoint}/v2/{project_id}/x', 'POST /v2/{project_id}/x'],
    // aom 上报-清除事件告警信息: two methods (the operation takes the first), not a method and a path `/POST`.
    ['PUT/POST /v2/{projectId}/push/events', 'PUT /v2/{projectId}/push/events'],
    // A method list takes no space around its slash: `/options` here is the path's first segment.
    ['GET /options/x', 'GET /options/x'],
    ['GET / OPTIONS /x', 'GET /'],
    // One method glued to a path whose first segment starts with a method word.
    ['POST/delete-jobs/x', 'POST /delete-jobs/x'],
    ['POST/get_info', 'POST /get_info'],
    ['PUT／POST /v2/x', 'PUT /v2/x'],
    ['GETTING /v1/x', undefined],
    ['获取 /v1/x', undefined],
  ];
  it.each(cases)('%s → %s', (line, want) => {
    const found = readRequestLine(line);
    expect(found && `${found.method} ${found.path}`).toBe(want);
  });

  const also: [string, string[] | undefined][] = [
    // [given line, want the further methods]
    ['PUT/POST /v2/{projectId}/push/events', ['POST']],
    ['GET /options/x', undefined],
    ['POST/delete-jobs/x', undefined],
  ];
  it.each(also)('%s → also %j', (line, want) => {
    expect(readRequestLine(line)?.alsoMethods).toEqual(want);
  });

  it('finds the operation of a page whose request line glues method and path (dli 查询所有队列)', async () => {
    const r = await scrape(['zh-md/dli/查询所有队列.md']);
    const o = op(r, 'GET', '/v1.0/{project_id}/queues');
    expect(Object.keys(deref(r, responseSchema(r, o, '200')).properties)).toEqual(['is_success', 'message', 'queues']);
  });
});

describe('position never hands a table a type cell names to another field (swr 创建镜像老化规则)', () => {
  it('`params | Object` stays free-form; `**表 5**  TagSelector` is `tag_selectors`’ item type', async () => {
    const r = await scrape(['zh-md/swr/创建镜像老化规则.md']);
    const body = requestSchema(r, op(r, 'POST', '/v2/manage/namespaces/{namespace}/repos/{repository}/retentions'));
    const rule = deref(r, body.properties.rules.items);
    expect(rule.properties.params.$ref).toBeUndefined();
    expect(rule.properties.params.type).toBe('object');
    expect(Object.keys(deref(r, rule.properties.tag_selectors.items).properties)).toEqual(['kind', 'pattern']);
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

describe('section headings', () => {
  const cases: [string, SectionKind][] = [
    // [given heading, want kind]
    ['成功响应样例：', 'responseExample'],
    // dli 删除数据库, ges 授权, as 查询资源实例: a qualifier before 响应样例.
    ['同步方式请求成功响应样例：', 'responseExample'],
    ['请求成功响应样例', 'responseExample'],
    ['action为count时响应样例', 'responseExample'],
    // A failure example is no success body.
    ['失败响应示例', 'other'],
    ['异步失败响应样例', 'other'],
    // A qualified request example is the request's (mrs 新增作业并执行: `Spark作业请求示例`).
    ['同步请求样例：', 'requestExample'],
    ['该接口无响应样例，请参见状态码说明中的返回值和错误码说明', 'other'],
  ];
  it.each(cases)('%s → %s', (heading, want) => expect(sectionKind(heading)).toBe(want));

  it('takes examples under qualified response bullets for responses, not the request (dli 删除数据库)', async () => {
    const r = await scrape(['zh-md/dli/删除数据库.md']);
    const o = op(r, 'DELETE', '/v1.0/{project_id}/databases/{database_name}');
    expect(o.requestBody).toBeUndefined();
    expect(Object.keys(deref(r, responseSchema(r, o, '200')).properties)).toContain('job_mode');
  });
});

describe('example repairs', () => {
  const cases: [string, string, unknown][] = [
    // [what, given example, want value]
    // dli 查询指定资源包: no comma after `"underlying_name": "luxor-router-1.1.1.jar"`.
    [
      'after a string',
      '{\n  "underlying_name": "a.jar"\n  "owner": "user1"\n}',
      { underlying_name: 'a.jar', owner: 'user1' },
    ],
    // mrs 查询特定标签的集群列表: none after a closing `]`.
    ['after an array', '{\n  "clusters": [\n  ]\n  "total_count": 0\n}', { clusters: [], total_count: 0 }],
    ['after a number and a literal', '{\n "a": 1\n "b": true\n "c": 2\n}', { a: 1, b: true, c: 2 }],
  ];
  it.each(cases)('inserts a missing comma %s', (_, given, want) => {
    const parsed = parseExample(given);
    expect(parsed.value).toEqual(want);
    expect(parsed.repairs).toContain('inserted missing commas between lines');
  });

  const sequences: [string, boolean][] = [
    // [given example text, want: objects listed without their brackets]
    // dli 批量删除作业
    ['{\n "is_success": "true"\n},\n{\n "is_success": "true"\n}', true],
    ['{"a": "},{"}, {"b": [1, {"c": 2}]}', true],
    ['{"a": 1}', false],
    // One object whose list holds objects (dli 预览表内容): the brackets balance, no sequence.
    ['{"rows": [{"a": 1}, {"b": 2}]}', false],
    ['{"a": 1} {"b": 2}', false],
    ['{"a": 1}, [1]', false],
  ];
  it.each(sequences)('isObjectSequence(%s) = %s', (given, want) => expect(isObjectSequence(given)).toBe(want));

  it('adds no comma after a key or between array items (those stay errors)', () => {
    expect(parseExample('{\n "a":\n "b": 1\n}').error).toBeDefined();
    expect(parseExample('{"a": [\n "x"\n "y"\n]}').error).toBeDefined();
  });

  it('types a body as a list of the table’s rows when its examples are such lists (dli 批量删除作业)', async () => {
    const r = await scrape(['zh-md/dli/批量删除作业.md']);
    const body = responseSchema(r, op(r, 'POST', '/v1.0/{project_id}/streaming/jobs/delete'), '200');
    expect(body.type).toBe('array');
    expect(Object.keys(deref(r, body.items).properties)).toEqual(['is_success', 'message']);
  });

  it('gives a page whose only response example missed a comma its response body (dli 查询指定资源包)', async () => {
    const r = await scrape(['zh-md/dli/查询指定资源包.md']);
    const body = responseSchema(r, op(r, 'GET', '/v2.0/{project_id}/resources/{resource_name}'), '200');
    expect(Object.keys(deref(r, body).properties)).toContain('owner');
    expect(r.summary.thinOperations).toBe(0);
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
