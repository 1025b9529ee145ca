// Body tables and examples that disagree by one level of nesting (scraper/interpret/wrappers.ts), captions that name
// several fields, and body tables that list query parameters — on real pages copied into test/fixtures/zh-md/
// (sources in its README). Expectations were written by reading the pages and the API Explorer definitions.
import { beforeAll, describe, expect, it } from 'vitest';
import type { FieldModel, ParamModel } from '../../scraper/model.ts';
import { captionSubject, captionSubjects } from '../../scraper/interpret/tables.ts';
import { parseExample } from '../../scraper/interpret/examples.ts';
import {
  bodyRowsAmongParams,
  isListOf,
  renamedRow,
  unwrappedRow,
  wrapperKey,
} from '../../scraper/interpret/wrappers.ts';
import type { ScrapeResult } from '../../scraper/index.ts';
import { deref, field, op, param, requestSchema, responseSchema, scrape, type Json } from './helpers.ts';

describe('caption subjects', () => {
  const cases: [string, string[]][] = [
    // [caption, want subjects]
    ['edgesetPath和vertexsetPath属性列表', ['edgesetPath', 'vertexsetPath']],
    ['schemaPath、edgesetPath和vertexsetPath属性列表', ['schemaPath', 'edgesetPath', 'vertexsetPath']],
    ['JobDetail数据结构', ['JobDetail']],
    ['instances字段数据结构说明', ['instances']],
    // A Chinese phrase with 和 is not a list of fields.
    ['API与APP授权关系列表消息说明', ['API与APP授权关系列表消息']],
    ['GES和Cypher的类型映射关系', ['GES和Cypher的类型映射关系']],
  ];
  it.each(cases)('%s → %j', (caption, want) => {
    expect(captionSubjects(caption)).toEqual(want);
  });
  it('the longest suffix is stripped', () => {
    expect(captionSubject('DataSource数据结构')).toBe('DataSource');
  });
});

describe('wrapper keys: the example nests the table’s fields under a key no row names', () => {
  const names = new Set(['name', 'dr_type', 'primary_cluster_id']);
  const cases: [string, unknown, ReturnType<typeof wrapperKey>][] = [
    [
      'one key holding the fields',
      { disaster_recovery: { name: 'a', dr_type: 'az' } },
      { key: 'disaster_recovery', list: false },
    ],
    [
      'one key holding a list of them',
      { items: [{ name: 'a', primary_cluster_id: 'x' }] },
      { key: 'items', list: true },
    ],
    ['the key is a row of the table', { name: { name: 'a', dr_type: 'az' } }, undefined],
    ['two top-level keys', { a: { name: 'a' }, b: 1 }, undefined],
    ['inner keys mostly unknown', { w: { x: 1, y: 2, name: 'a' } }, undefined],
    ['a scalar under the key', { w: 'name' }, undefined],
    ['no example value', undefined, undefined],
  ];
  it.each(cases)('%s', (_what, value, want) => {
    expect(wrapperKey(names, value)).toEqual(want);
  });
});

describe('unwrapped rows: the example shows an object row’s fields at the top level', () => {
  const fields = [field('errorMessage'), field('errorCode'), field('Job', { kind: 'ref', name: 'Job' })];
  const jobFields = new Set(['jobId', 'status', 'jobType']);
  const objectFields = (f: FieldModel) => (f.type.kind === 'ref' ? jobFields : undefined);
  const cases: [string, unknown, string | undefined][] = [
    ['top-level keys are the sub-table’s', { jobId: 'x', status: 'success', jobType: 'g' }, 'Job'],
    ['the row’s key is present', { Job: { jobId: 'x' }, jobId: 'x', status: 's' }, undefined],
    ['a key neither table names', { jobId: 'x', other: 1 }, undefined],
    ['only the body’s own keys', { errorMessage: 'm', errorCode: 'c' }, undefined],
    ['one unexplained key is too little evidence', { jobId: 'x' }, undefined],
  ];
  it.each(cases)('%s', (_what, value, want) => {
    expect(unwrappedRow(fields, objectFields, value)).toBe(want);
  });
});

describe('renamed rows: the one object row no example shows is the one unexplained example key', () => {
  const fields = [
    field('errorCode'),
    field('metadataCount', { kind: 'primitive', type: 'integer' }),
    field('metadataList', { kind: 'ref', name: 'GesSchema' }),
  ];
  const schema = new Set(['id', 'name', 'description', 'status', 'createTimestamp']);
  const objectFields = (f: FieldModel) => (f.type.kind === 'ref' ? schema : undefined);
  const cases: [string, unknown, ReturnType<typeof renamedRow>][] = [
    [
      'a list of the sub-table’s objects under another key',
      { schemaCount: 1, schemaList: [{ id: 'x', name: 'n', startTime: 't' }] },
      { from: 'metadataList', to: 'schemaList' },
    ],
    ['the row’s own key is shown', { metadataList: [{ id: 'x', name: 'n' }], schemaList: [{ id: 'x' }] }, undefined],
    ['two unexplained object keys', { a: { id: 'x', name: 'n' }, b: { id: 'y', name: 'm' } }, undefined],
    ['the key’s objects have other fields', { schemaList: [{ x: 1, y: 2, id: 'i' }] }, undefined],
    ['a scalar under the key', { schemaList: 'id' }, undefined],
  ];
  it.each(cases)('%s', (_what, value, want) => {
    expect(renamedRow(fields, objectFields, value)).toEqual(want);
  });
});

describe('parameters that are the request body', () => {
  const params: ParamModel[] = [
    { ...field('project_id'), in: 'path' },
    { ...field('name'), in: 'query' },
    { ...field('metadataPath'), in: 'query' },
    { ...field('offset'), in: 'query' },
  ];
  const cases: [string, unknown, string[], string[]][] = [
    // [what, request example value, names in the example's query string, want moved]
    ['body keys listed as query rows', { name: 'n', metadataPath: 'p' }, [], ['name', 'metadataPath']],
    ['a row the query string also sends stays', { name: 'n', metadataPath: 'p' }, ['name'], ['metadataPath']],
    ['the rows are a small part of the body', { name: 'n', a: 1, b: 2, c: 3 }, [], []],
    ['no JSON body', undefined, [], []],
    ['path parameters never move', { project_id: 'x' }, [], []],
  ];
  it.each(cases)('%s', (_what, value, query, want) => {
    const examples = value === undefined ? [] : [{ text: '', value }];
    expect(bodyRowsAmongParams(params, examples, new Set(query)).map((p) => p.name)).toEqual(want);
  });
});

describe('a status line glued to the example body', () => {
  const cases: [string, unknown][] = [
    [
      'HttpStatusCode: 200{\n  "count": 1,\n  "list": [\n    {\n      "id": "x"\n    }\n  ]\n}',
      { count: 1, list: [{ id: 'x' }] },
    ],
    ['Http Status Code: 200\n{\n  "id": "x"\n}', { id: 'x' }],
  ];
  it.each(cases)('%j', (code, want) => {
    expect(parseExample(code).value).toEqual(want);
  });
});

describe('lists: the example is a JSON array of the table’s objects', () => {
  const names = new Set(['instance_name', 'host_name', 'disk_name']);
  const cases: [string, unknown, boolean][] = [
    ['array of objects with the fields', [{ instance_name: 'a', host_name: 'h' }], true],
    ['an object', { instance_name: 'a' }, false],
    ['array of scalars', ['a'], false],
    ['array of other objects', [{ x: 1, y: 2, host_name: 'h' }], false],
  ];
  it.each(cases)('%s', (_what, value, want) => {
    expect(isListOf(names, value)).toBe(want);
  });
});

describe('real pages', () => {
  let r: ScrapeResult;
  beforeAll(async () => {
    r = await scrape([
      'zh-md/dws/添加资源池.md',
      'zh-md/dws/创建容灾.md',
      'zh-md/dws/主机监控磁盘信息查询.md',
      'zh-md/dws/删除资源池.md',
      'zh-md/dws/查询容灾列表.md',
      'zh-md/ges/查询Job状态(1-0-0)-管理面.md',
      'zh-md/ges/查询任务中心(1-1-8).md',
      'zh-md/ges/查询元数据列表(1-0-2).md',
      'zh-md/ges/新增元数据(1-0-2).md',
      'zh-md/dws/查询配额.md',
    ]);
  });

  it('wraps the body in the key its example uses (dws 添加资源池: workload_queue), required as its fields are', () => {
    const body = requestSchema(r, op(r, 'PUT', '/v2/{project_id}/clusters/{cluster_id}/workload/queues'));
    expect(Object.keys(body.properties)).toEqual(['workload_queue']);
    expect(body.required).toEqual(['workload_queue']);
    expect(Object.keys(deref(r, body.properties.workload_queue).properties)).toEqual([
      'workload_queue_name',
      'logical_cluster_name',
      'workload_resource_item_list',
    ]);
  });

  it('a 路径参数 caption over a response table is the response body (dws 创建容灾)', () => {
    const o = op(r, 'POST', '/v2/{project_id}/disaster-recoveries');
    expect((o.parameters ?? []).map((p: Json) => `${p.in}:${p.name}`)).toEqual(['path:project_id']);
    const res = responseSchema(r, o, '200');
    expect(Object.keys(deref(r, res.properties.disaster_recovery).properties)).toEqual(['id']);
    expect(Object.keys(requestSchema(r, o).properties)).toEqual(['disaster_recovery']);
  });

  it('a GET’s 请求Body参数 are query parameters; a top-level JSON array response is an array (dws 主机监控磁盘信息查询)', () => {
    const o = op(r, 'GET', '/v1.0/{project_id}/dms/disk');
    expect(o.requestBody).toBeUndefined();
    for (const name of ['cluster_id', 'instance_name', 'limit', 'offset']) expect(param(o, 'query', name)).toBeTruthy();
    const schema = o.responses['200'].content['application/json'].schema;
    expect(schema.type).toBe('array');
    expect(Object.keys(deref(r, schema.items).properties)).toContain('disk_name');
  });

  it('a DELETE whose example sends its body rows in the query string takes them as query parameters (dws 删除资源池)', () => {
    const o = op(r, 'DELETE', '/v2/{project_id}/clusters/{cluster_id}/workload/queues');
    expect(o.requestBody).toBeUndefined();
    expect(param(o, 'query', 'logical_cluster_name').required).toBe(false);
    expect(param(o, 'query', 'workload_queue_name').required).toBe(true);
  });

  it('an `X object` row described as a list and shown as one is an array (dws 查询容灾列表)', () => {
    const res = responseSchema(r, op(r, 'GET', '/v2/{project_id}/disaster-recoveries'), '200');
    expect(res.properties.disaster_recovery.type).toBe('array');
  });

  it('lifts the fields of a row the example never shows (ges 查询Job状态: Job), and links each sub-table to its row', () => {
    const res = responseSchema(r, op(r, 'GET', '/v1.0/{project_id}/graphs/{graph_id}/jobs/{job_id}/status'), '200');
    expect(Object.keys(res.properties)).toEqual([
      'errorMessage',
      'errorCode',
      'jobId',
      'status',
      'jobType',
      'jobName',
      'relatedGraph',
      'beginTime',
      'endTime',
      'jobDetail',
      'failReason',
      'jobProgress',
    ]);
    // `jobName` (JsonArray) does not take `JobDetail数据结构`, which is jobDetail's.
    expect(res.properties.jobName.items ?? {}).not.toHaveProperty('$ref');
    const detail = deref(r, res.properties.jobDetail);
    expect(Object.keys(detail.properties)).toEqual(['schemaPath', 'edgesetPath', 'vertexsetPath']);
    // One caption, two fields: `edgesetPath和vertexsetPath属性列表`.
    const edge = deref(r, detail.properties.edgesetPath.items);
    const vertex = deref(r, detail.properties.vertexsetPath.items);
    expect(Object.keys(vertex.properties)).toEqual(Object.keys(edge.properties));
    expect(Object.keys(edge.properties)).toContain('successfulLines');
  });

  it('a table linked on another page finds its own sub-tables there by caption (ges 查询任务中心 → 查询Job状态)', () => {
    const res = responseSchema(r, op(r, 'GET', '/v1.0/{project_id}/graphs/jobs'), '200');
    const job = deref(r, res.properties.jobList.items);
    const detail = deref(r, job.properties.jobDetail);
    expect(Object.keys(detail.properties)).toEqual(['schemaPath', 'edgesetPath', 'vertexsetPath']);
    expect(Object.keys(deref(r, detail.properties.schemaPath.items).properties)).toEqual([
      'path',
      'log',
      'status',
      'cause',
    ]);
  });

  it('names an object row as the examples send it (ges 查询元数据列表: metadataList → schemaList); Http Status: 500 files its example', () => {
    const o = op(r, 'GET', '/v1.0/{project_id}/graphs/metadatas');
    const res = responseSchema(r, o, '200');
    expect(Object.keys(res.properties)).toEqual(['errorMessage', 'errorCode', 'metadataCount', 'schemaList']);
    expect(Object.keys(deref(r, res.properties.schemaList.items).properties)).toContain('metadataPath');
    expect(Object.keys(o.responses['500'].content['application/json'].examples)).toHaveLength(1);
  });

  it('URI-table rows the request example sends as its JSON body are body fields (ges 新增元数据)', () => {
    const o = op(r, 'POST', '/v1.0/{project_id}/graphs/metadatas');
    expect((o.parameters ?? []).map((p: Json) => `${p.in}:${p.name}`)).toEqual(['path:project_id']);
    const body = requestSchema(r, o);
    expect(Object.keys(body.properties)).toEqual(['metadataPath', 'name', 'description', 'isOverwrite', 'gesMetadata']);
    expect(body['x-inferred']).toBeUndefined(); // typed by the rows, not inferred from the example
    expect(body.properties.isOverwrite.description).toBeTruthy();
  });

  it('an unlinked Object takes the one table whose rows are its example keys (dws 查询配额: quotas → resources)', () => {
    const res = responseSchema(r, op(r, 'GET', '/v1.0/{project_id}/quotas'), '200');
    const quotas = deref(r, res.properties.quotas);
    expect(Object.keys(quotas.properties)).toEqual(['resources']);
    expect(Object.keys(deref(r, quotas.properties.resources.items).properties)).toEqual([
      'type',
      'used',
      'quota',
      'unit',
    ]);
  });
});

describe('one path template, several spellings (ges 创建图 / 查询图列表)', () => {
  it('the spelling most pages write wins, whatever the page order', async () => {
    const pages = ['zh-md/ges/创建图(1-0-0).md', 'zh-md/ges/创建图(2-1-18).md', 'zh-md/ges/查询图列表(1-0-0).md'];
    for (const order of [pages, [...pages].reverse()]) {
      const r = await scrape(order);
      expect(Object.keys(r.document.paths)).toContain('/v1.0/{project_id}/graphs');
      expect(Object.keys(r.document.paths)).not.toContain('/v1.0/{projectId}/graphs');
      expect(param(op(r, 'POST', '/v1.0/{project_id}/graphs'), 'path', 'project_id').required).toBe(true);
    }
  });
});
