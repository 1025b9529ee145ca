// Flat body tables nested by their example (scraper/interpret/example-shape.ts, docs/FORMATS.md §6a): the pure
// row reader as [given, want] tables, then the two real aom pages the form comes from.
import { describe, expect, it } from 'vitest';
import { isUniformList, nestRows } from '../../scraper/interpret/example-shape.ts';
import { elementOf } from '../../scraper/interpret/json-shape.ts';
import { membersStatedNonEmpty } from '../../scraper/interpret/fields.ts';
import { withoutLineComment } from '../../scraper/interpret/examples.ts';
import type { FieldModel, TypeRef } from '../../scraper/model.ts';
import { deref, field, op, requestSchema, responseSchema, scrape } from './helpers.ts';

const ARRAY: TypeRef = { kind: 'array', items: { kind: 'any' } };
const OBJECT: TypeRef = { kind: 'object' };

describe('which flat rows the example nests in a member-less container', () => {
  // [case, rows, example at the table's level, want: kept rows, container → members]
  const cases: [string, FieldModel[], Record<string, unknown>, string[], Record<string, string[]>][] = [
    [
      // zh-md/aom/查询监控数据（即将下线）.md, request
      'members follow the Array row; a row the example shows at the top ends the run',
      [field('metrics', ARRAY), field('namespace'), field('metricName'), field('dimensions', ARRAY), field('period')],
      { metrics: [{ namespace: 'a', metricName: 'b', dimensions: [] }], period: 60 },
      ['metrics', 'period'],
      { metrics: ['namespace', 'metricName', 'dimensions'] },
    ],
    [
      // zh-md/aom/查询指标（即将下线）.md, request: metricName is in no example but continues the run
      'a row the example shows nowhere continues a started run',
      [field('metricItems', ARRAY), field('namespace'), field('dimensions', ARRAY), field('metricName')],
      { metricItems: [{ namespace: 'a', dimensions: [] }] },
      ['metricItems'],
      { metricItems: ['namespace', 'dimensions', 'metricName'] },
    ],
    [
      'a row the example shows nowhere stays at the top when a top-level row follows before any member',
      [
        field('metrics', ARRAY),
        field('namespace'),
        field('to'),
        field('unit'),
        field('period'),
        field('dimensions', ARRAY),
      ],
      { metrics: [{ namespace: 'a', dimensions: [] }], period: 60 },
      ['metrics', 'to', 'unit', 'period', 'dimensions'],
      { metrics: ['namespace'] },
    ],
    [
      'a row the example shows nowhere joins the run when a member follows it',
      [field('metrics', ARRAY), field('namespace'), field('to'), field('dimensions', ARRAY), field('period')],
      { metrics: [{ namespace: 'a', dimensions: [] }], period: 60 },
      ['metrics', 'period'],
      { metrics: ['namespace', 'to', 'dimensions'] },
    ],
    [
      'a row the example shows nowhere never starts a run',
      [field('metrics', ARRAY), field('hint'), field('name')],
      { metrics: [{ name: 'x' }] },
      ['metrics', 'hint'],
      { metrics: ['name'] },
    ],
    [
      'an Object row nests too',
      [field('sort', OBJECT), field('order')],
      { sort: { order: 'desc' } },
      ['sort'],
      { sort: ['order'] },
    ],
    [
      'a name at both levels stays at the top',
      [field('metrics', ARRAY), field('name')],
      { metrics: [{ name: 'x' }], name: 'y' },
      ['metrics', 'name'],
      {},
    ],
    [
      'a container with a sub-table (a ref) takes nothing',
      [field('metrics', { kind: 'array', items: { kind: 'ref', name: 'Metric' } }), field('name')],
      { metrics: [{ name: 'x' }] },
      ['metrics', 'name'],
      {},
    ],
    [
      'a string row is no container',
      [field('metrics'), field('name')],
      { metrics: { name: 'x' } },
      ['metrics', 'name'],
      {},
    ],
  ];
  it.each(cases)('%s', (_, fields, level, kept, members) => {
    const result = nestRows(fields, level);
    expect(result.kept.map((f) => f.name)).toEqual(kept);
    expect(Object.fromEntries(result.runs.map((r) => [r.container.name, r.members.map((m) => m.name)]))).toEqual(
      members,
    );
  });
});

describe('example values', () => {
  const elements: [unknown, unknown][] = [
    [{ a: 1 }, { a: 1 }],
    [[{ a: 1 }, { a: 2 }], { a: 1 }],
    [[1, 2], undefined],
    [[], undefined],
    ['x', undefined],
    [null, undefined],
  ];
  it.each(elements)('element of %j is %j', (value, want) => expect(elementOf(value)).toEqual(want));

  const uniform: [unknown, boolean][] = [
    [
      [
        { a: 1, b: 2 },
        { b: 3, a: 4 },
      ],
      true,
    ],
    // zh-md/dli/预览SQL作业查询结果.md: one-entry maps, not objects with a member `c1`
    [[{ c1: 'int' }, { c2: 'string' }], false],
    [{ a: 1 }, false],
    [[{ a: 1 }, 'x'], false],
  ];
  it.each(uniform)('%j is a uniform list: %s', (value, want) => expect(isUniformList(value)).toBe(want));

  const comments: [string, string][] = [
    // zh-md/aom/查询监控数据（即将下线）.md
    ['    "timerange": "-1.-1.5",// 最近5分钟', '    "timerange": "-1.-1.5",'],
    ['// whole line', ''],
    ['  "url": "http://example.com/a", // the endpoint', '  "url": "http://example.com/a",'],
    ['  "url": "http://example.com/a"', '  "url": "http://example.com/a"'],
    ['  "q": "a \\" // b"', '  "q": "a \\" // b"'],
  ];
  it.each(comments)('%s', (line, want) => expect(withoutLineComment(line)).toBe(want));
});

describe('which members a container row says must have a value', () => {
  it.each([
    // zh-md/aom/查询监控数据（即将下线）.md, dimensions | 取值范围
    ['数组不能为空，同时数组中任何一个dimension对象name和value属性的值也不能为空。', ['name', 'value']],
    ['type和relation参数不能为空', ['type', 'relation']], // zh-md/aom/错误码.md
    ['AccessKey、SecretKey、目录都不能为空', []], // the last name is not one: no list ends at the predicate
    ['key不能为空。(搜索时不对此参数做校验)', ['key']], // zh-md/dds/查询项目标签.md
    ['ak或sk不能为空', []], // one of the two (zh-md/aom/错误码.md)
    ['source_location和preview_config至少有一个不能为空', []], // at least one (zh-md/modelarts/错误码.md)
    ['不能为空字符串。', []], // the characters, not the presence
    ['key不能为空字符串', []],
    ['首尾字符不能为空格', []],
    ['dimensions.name：维度名称，如clusterName、clusterId、appName等。', []], // zh-md/aom/查询指标（即将下线）.md
  ])('%s → %j', (text, want) => expect(membersStatedNonEmpty(text)).toEqual(want));
});

describe('flat body tables nested by the example (aom, pages of the oldest 请求消息 generation)', () => {
  it('查询指标: rows after metricItems / metrics become their members; dimensions’ members come from the example', async () => {
    const r = await scrape(['zh-md/aom/查询指标（即将下线）.md']);
    const o = op(r, 'POST', '/v1/{project_id}/ams/metrics');
    const req = requestSchema(r, o);
    expect(Object.keys(req.properties)).toEqual(['metricItems']);
    const item = deref(r, req.properties.metricItems.items);
    expect(Object.keys(item.properties)).toEqual(['namespace', 'dimensions', 'metricName']);
    const dimension = deref(r, item.properties.dimensions.items);
    expect(Object.keys(dimension.properties)).toEqual(['name', 'value']);
    expect(dimension['x-inferred']).toBe('example');
    // The page says nothing of name/value being set (`dimensions.name：维度名称…` only): they stay optional.
    expect(dimension.required).toBeUndefined();
    const res = responseSchema(r, o, '201');
    expect(Object.keys(res.properties)).toEqual(['errorCode', 'errorMessage', 'metrics']);
    const metric = deref(r, res.properties.metrics.items);
    expect(Object.keys(metric.properties)).toEqual(['namespace', 'metricName', 'unit', 'dimensions']);
    expect(r.report.some((e) => e.severity === 'info' && /'namespace'.*follow 'metricItems'/.test(e.reason))).toBe(
      true,
    );
  });

  it('查询监控数据: top-level rows the example shows stay; an `Object` row the example shows as a list becomes one', async () => {
    const r = await scrape(['zh-md/aom/查询监控数据（即将下线）.md']);
    const o = op(r, 'POST', '/v1/{project_id}/ams/metricdata');
    const req = requestSchema(r, o);
    expect(Object.keys(req.properties)).toEqual(['metrics', 'period', 'timerange', 'statistics']);
    expect(Object.keys(deref(r, req.properties.metrics.items).properties)).toEqual([
      'namespace',
      'metricName',
      'dimensions',
    ]);
    // The dimensions row's 取值范围: `数组中任何一个dimension对象name和value属性的值也不能为空`.
    const dimension = deref(r, deref(r, req.properties.metrics.items).properties.dimensions.items);
    expect(dimension['x-inferred']).toBe('example');
    expect(dimension.required).toEqual(['name', 'value']);
    const res = responseSchema(r, o, '201');
    expect(res.properties.metrics.type).toBe('array');
    expect(Object.keys(deref(r, res.properties.metrics.items).properties)).toEqual(['metric', 'dataPoints']);
  });
});

// The link itself is subtables.ts's `example shape` (docs/FORMATS.md §6): the example's keys are one table's rows.
describe('a member-less row whose example uses only one unclaimed table’s rows (aom 查询事件告警信息)', () => {
  it('`sort | Object` is described by the unreferenced `SortType` table (order_by, order)', async () => {
    const r = await scrape(['zh-md/aom/查询事件告警信息.md']);
    const o = op(r, 'POST', '/v2/{project_id}/events');
    const sort = deref(r, requestSchema(r, o).properties.sort);
    expect(Object.keys(sort.properties)).toEqual(['order_by', 'order']);
    expect(sort['x-inferred']).toBeUndefined();
    expect(r.report.some((e) => /SortType: table not referenced/.test(e.reason))).toBe(false);
  });
});

describe('a Map row whose example is a list of its value type (mrs 查询作业列表信息)', () => {
  it('`job_list | Map<String,Array<JobQueryBean>>` shown as `[ {job_id…} ]` is a list of JobQueryBean, with a warning', async () => {
    const r = await scrape(['zh-md/mrs/查询作业列表信息.md']);
    const o = op(r, 'GET', '/v2/{project_id}/clusters/{cluster_id}/job-executions');
    const jobList = responseSchema(r, o, '200').properties.job_list;
    expect(jobList.type).toBe('array');
    expect(Object.keys(deref(r, jobList.items).properties)).toContain('job_id');
    expect(r.report.some((e) => e.severity === 'warning' && /'job_list' is written Map/.test(e.reason))).toBe(true);
    // The 500 response has no example: its table's map stays a map.
    const failed = responseSchema(r, o, '500').properties.job_list;
    expect(failed.type).toBe('object');
  });
});
