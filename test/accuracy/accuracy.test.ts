import { describe, expect, it } from 'vitest';
import { BARS, checkBars, failedGates, NOT_YET_GATED, SERVICE_BARS, serviceBars } from './bars.ts';
import { bestMatch, compareComponent, evaluateTextForms, jaccard, type NamedFields } from './components.ts';
import { evaluateService, linkedNameOf, opIdMisses, summarise, withLinkedTables } from './evaluate.ts';
import { constraintTable, summaryTable } from './report.ts';
import { flattenSchema, pointerResolver, type Schema } from './fields.ts';
import { throttleDefinition, throttleSpec } from './fixtures.ts';
import { compareOp, isDrift, leafName, mentionsName, RUNTIME_HEADERS, scores } from './metrics.ts';
import type { NormField } from './model.ts';
import { mergeRows, pageRows } from './page-rows.ts';
import { linkedApiName, pageShowsOp, pageTables, pageText } from './pages.ts';
import { joinBasePath, normalisePath, opKey } from './paths.ts';
import { explorerOps, openApiOps } from './sides.ts';

describe('paths', () => {
  it('erases parameter names, markdown escapes and trailing slashes', () => {
    expect(normalisePath('/v2/\\{project\\_id\\}/apigw/instances/\\{instance\\_id\\}/throttles/')).toBe(
      '/v2/{}/apigw/instances/{}/throttles',
    );
    expect(opKey('put', '/v2/{projectId}/x')).toBe('PUT /v2/{}/x');
  });

  it('drops query strings, including the old v1.0 `[?a, b]` form', () => {
    expect(normalisePath('/v1.0/apigw/sign-bindings/binded-apis[?page_size, page_no]')).toBe(
      '/v1.0/apigw/sign-bindings/binded-apis',
    );
    expect(normalisePath('/v1/{project_id}/services?limit=10')).toBe('/v1/{}/services');
  });

  it('joins base_path and path without doubling slashes', () => {
    expect(joinBasePath('/', '/v2/{project_id}/pools')).toBe('/v2/{project_id}/pools');
    expect(joinBasePath('/v2', '/{project_id}/apigw/')).toBe('/v2/{project_id}/apigw');
  });
});

describe('flattening', () => {
  const definition = throttleDefinition();
  const resolve = pointerResolver(definition);
  const byPath = (fields: NormField[]) => new Map(fields.map((f) => [f.path, f]));

  it('follows $ref, merges allOf and marks array items with []', () => {
    const fields = byPath(flattenSchema({ $ref: '#/definitions/ThrottleResp' }, resolve));
    expect([...fields.keys()].sort()).toEqual(
      ['api_call_limits', 'id', 'name', 'rules', 'rules[].key', 'rules[].value', 'tags', 'time_unit'].sort(),
    );
    expect(fields.get('api_call_limits')).toMatchObject({ type: 'integer', format: 'int32', required: true });
    expect(fields.get('rules[].key')?.required).toBe(true);
    expect(fields.get('rules[].value')).toMatchObject({ required: false, constraints: { default: '5' } });
  });

  it('takes length constraints of primitive arrays from their items, and sorts enums', () => {
    const fields = byPath(flattenSchema({ $ref: '#/definitions/ThrottleReq' }, resolve));
    expect(fields.get('tags')).toMatchObject({ type: 'array', constraints: { minLength: '1', maxLength: '128' } });
    expect(fields.get('time_unit')?.constraints.enum).toBe('MINUTE|SECOND');
  });

  it("leaves out a nullable enum's null member (the type's, not a listed value)", () => {
    const schema = {
      properties: { quality: { type: ['string', 'null'], enum: ['HD', 'SD', null] }, mode: { enum: ['a', null] } },
    };
    const fields = byPath(flattenSchema(schema, resolve));
    expect(fields.get('quality')?.constraints.enum).toBe('HD|SD');
    expect(fields.get('mode')?.constraints.enum).toBe('a|null'); // not declared nullable: null is a listed value
  });

  it('stops at recursive types instead of looping', () => {
    const doc = {
      definitions: {
        Node: {
          properties: {
            name: { type: 'string' },
            children: { type: 'array', items: { $ref: '#/definitions/Node' } },
            parent: { $ref: '#/definitions/Node' },
          },
        },
      },
    };
    const fields = flattenSchema({ $ref: '#/definitions/Node' }, pointerResolver(doc));
    expect(fields.map((f) => `${f.path}:${f.type}`)).toEqual(['name:string', 'children:array', 'parent:object']);
  });

  it('descends into the same type twice when it is not on the current branch', () => {
    const doc = {
      definitions: {
        Pair: { properties: { left: { $ref: '#/definitions/Leaf' }, right: { $ref: '#/definitions/Leaf' } } },
        Leaf: { properties: { v: { type: 'number' } } },
      },
    };
    const paths = flattenSchema({ $ref: '#/definitions/Pair' }, pointerResolver(doc)).map((f) => f.path);
    expect(paths).toEqual(['left', 'left.v', 'right', 'right.v']);
  });

  it('reads a top-level array body as [].-prefixed fields and a map as .*', () => {
    const schema: Schema = {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          labels: { type: 'object', additionalProperties: { type: 'object', properties: { n: { type: 'string' } } } },
        },
      },
    };
    expect(flattenSchema(schema, () => undefined).map((f) => f.path)).toEqual(['[].labels', '[].labels.*.n']);
  });
});

describe('sides', () => {
  it('normalise a definition and the equivalent spec to the same operation', () => {
    const [definition] = explorerOps(throttleDefinition(), 'APIG/Update.json');
    const [spec] = openApiOps(throttleSpec());
    expect(definition!.key).toBe('PUT /v2/{}/apigw/throttles/{}');
    expect(spec!.key).toBe(definition!.key);
    expect([...definition!.params].sort()).toEqual([...spec!.params].sort());
    expect([...definition!.fields.keys()].sort()).toEqual([...spec!.fields.keys()].sort());
    expect(definition!.fields.has('res:rules[].key')).toBe(true);
    expect(definition!.fields.has('res:error_code')).toBe(false); // only 2xx responses count
  });
});

describe('scores', () => {
  it('computes micro precision, recall and F1', () => {
    expect(scores({ tp: 8, fp: 2, fn: 2 })).toEqual({ precision: 0.8, recall: 0.8, f1: expect.closeTo(0.8, 10) });
    expect(scores({ tp: 3, fp: 0, fn: 1 }).f1).toBeCloseTo(6 / 7, 10);
    expect(scores({ tp: 0, fp: 0, fn: 0 })).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(scores({ tp: 0, fp: 1, fn: 1 }).f1).toBe(0);
  });
});

describe('drift and names', () => {
  it('finds identifiers only as whole names', () => {
    expect(mentionsName('project_id 项目ID', 'id')).toBe(false);
    expect(mentionsName('<p>id</p>', 'id')).toBe(true);
    expect(leafName('res:items[].tags[]')).toBe('tags');
    expect(leafName('req:labels.*')).toBe('labels');
  });

  it('counts a missing field as drift only when the page never names it', () => {
    const [definition] = explorerOps(throttleDefinition());
    const spec = openApiOps(throttleSpec())[0]!;
    spec.fields.delete('req:time_unit');
    spec.fields.delete('req:tags');
    spec.fields.set('req:extra', { path: 'req:extra', type: 'string', required: false, constraints: {} });
    const comparison = compareOp(definition!, spec, 'name api_call_limits time_unit');
    expect(comparison.fields.missing).toEqual(['req:time_unit']);
    expect(comparison.fields.drift).toEqual(['req:tags']);
    expect(comparison.fields.extra).toEqual(['req:extra']);
    expect(comparison.fields.counts).toMatchObject({ fp: 1, fn: 1 });
  });

  it('treats a nested field as drift when its container is never named on the page', () => {
    expect(isDrift('api_id api_name', 'res:bindings[].api_id')).toBe(true);
    expect(isDrift('bindings api_id', 'res:bindings[].api_id')).toBe(false);
    expect(isDrift('labels x', 'req:labels.*.x')).toBe(false);
  });

  it('scores names apart from array-vs-object nesting as a second figure', () => {
    const [definition] = explorerOps(throttleDefinition());
    const spec = openApiOps(throttleSpec())[0]!;
    const key = spec.fields.get('res:rules[].key')!;
    spec.fields.delete('res:rules[].key');
    spec.fields.set('res:rules.key', { ...key, path: 'res:rules.key' });
    const comparison = compareOp(definition!, spec, 'rules key');
    expect(comparison.fields.counts).toMatchObject({ fp: 1, fn: 1 });
    expect(comparison.fieldsIgnoringArrays).toMatchObject({ fp: 0, fn: 0 });
  });

  it('reports type, required and constraint disagreements on common fields', () => {
    const [definition] = explorerOps(throttleDefinition());
    const spec = openApiOps(throttleSpec())[0]!;
    spec.fields.set('req:name', {
      path: 'req:name',
      type: 'integer',
      required: false,
      constraints: { minLength: '3' },
    });
    const { agreements } = compareOp(definition!, spec);
    expect(agreements.type.mismatches).toEqual(['req:name: string ≠ integer']);
    expect(agreements.required.mismatches).toEqual(['req:name: required ≠ optional']);
    expect(agreements.constraintMismatchByKey.maxLength).toBe(1);
    expect(agreements.constraints.total - agreements.constraints.agree).toBe(1);
  });

  it('keeps response-field required flags apart from request ones (response tables have no 是否必选 column)', () => {
    const [definition] = explorerOps(throttleDefinition());
    const spec = openApiOps(throttleSpec())[0]!;
    const name = spec.fields.get('res:name')!;
    spec.fields.set('res:name', { ...name, required: false });
    const { agreements } = compareOp(definition!, spec);
    expect(agreements.required.mismatches).toEqual([]);
    expect(agreements.responseRequired.mismatches).toEqual(['res:name: required ≠ optional']);
  });

  it('counts a parameter the page never names as drift, matching header names case-insensitively', () => {
    const [definition] = explorerOps(throttleDefinition());
    const spec = openApiOps(throttleSpec())[0]!;
    spec.params.delete('header:x-auth-token');
    spec.params.delete('path:throttle_id');
    const onPage = compareOp(definition!, spec, 'X-AUTH-TOKEN throttle_id');
    expect(onPage.params.missing).toEqual(['header:x-auth-token', 'path:throttle_id']);
    const offPage = compareOp(definition!, spec, 'nothing here');
    expect(offPage.params.drift).toEqual(['header:x-auth-token', 'path:throttle_id']);
    expect(offPage.params.counts.fn).toBe(0);
  });

  it('does not count a transport header the spec keeps in x-transport-headers and the definition omits', () => {
    // MRS definitions list no header parameter at all; its pages' 请求Header参数 tables list X-Auth-Token.
    const [definition] = explorerOps(throttleDefinition());
    definition!.params.delete('header:x-auth-token');
    const document = throttleSpec() as { paths: Record<string, Record<string, Record<string, unknown>>> };
    const put = document.paths['/v2/{project_id}/apigw/throttles/{throttle_id}/']!.put!;
    put.parameters = (put.parameters as { in: string }[]).filter((p) => p.in !== 'header');
    put['x-transport-headers'] = ['X-Auth-Token'];
    const spec = openApiOps(document)[0]!;
    const { params } = compareOp(definition!, spec);
    expect(params.transport).toEqual(['header:x-auth-token']);
    expect(params.counts).toEqual({ tp: 2, fp: 0, fn: 0 });
    // A header the page lists as an ordinary parameter is still an extra when the definition omits it.
    spec.params.add('header:x-language');
    expect(compareOp(definition!, spec).params.extra).toEqual(['header:x-language']);
  });

  it('excuses only the headers the client runtime sends, whatever the scraper puts in x-transport-headers', () => {
    const [definition] = explorerOps(throttleDefinition());
    definition!.params.delete('header:x-auth-token');
    const document = throttleSpec() as { paths: Record<string, Record<string, Record<string, unknown>>> };
    const put = document.paths['/v2/{project_id}/apigw/throttles/{throttle_id}/']!.put!;
    put.parameters = (put.parameters as { in: string }[]).filter((p) => p.in !== 'header');
    // VOD pages list `Authorization` (zh-md/vod/修改媒资分类.md): the AK/SK signature, which the runtime sends.
    put['x-transport-headers'] = ['Authorization', 'Accept', 'X-Language'];
    const { params } = compareOp(definition!, openApiOps(document)[0]!);
    expect(params.transport).toEqual(['header:authorization']);
    // The runtime sends no Accept and no X-Language: a scraper that widened its set gains nothing from it.
    expect(params.extra).toEqual(['header:accept', 'header:x-language']);
    expect(params.counts.fp).toBe(2);
    expect([...RUNTIME_HEADERS].sort()).toEqual([
      'header:authorization',
      'header:content-type',
      'header:x-auth-token',
      'header:x-project-id',
      'header:x-sdk-date',
      'header:x-security-token',
    ]);
  });

  it('counts a field spelt in another case than the definition as page-only, not extra', () => {
    // MRS 查询集群列表.md (page and example) `nodeGroups[].dataVolumeCount`; the definition `DataVolumeCount`.
    const [definition] = explorerOps(throttleDefinition());
    const spec = openApiOps(throttleSpec())[0]!;
    const rule = definition!.fields.get('res:rules[].key')!;
    definition!.fields.delete('res:rules[].key');
    definition!.fields.set('res:rules[].Key', { ...rule, path: 'res:rules[].Key' });
    const rows = pageRows('<tr><td>key</td><td>String</td><td>x</td></tr>');
    const page = 'rules key';
    const { fields } = compareOp(definition!, spec, page, rows);
    expect(fields.drift).toEqual(['res:rules[].Key']);
    expect(fields.pageOnly).toEqual(['res:rules[].key']);
    expect(fields.extra).toEqual([]);
    // The same leaf under another parent the definition names (`id`) is a misplaced field: still extra.
    spec.fields.set('res:id.key', { ...rule, path: 'res:id.key' });
    expect(compareOp(definition!, spec, page + ' id', rows).fields.extra).toEqual(['res:id.key']);
  });
});

describe('page-only parameters and fields (the page documents them, the definition names them nowhere)', () => {
  /** A page whose tables have one row per name (the first cell is what page-rows keys on). */
  const rowsOf = (...names: string[]) =>
    pageRows(`<table>${names.map((n) => `<tr><td>${n}</td><td>String</td></tr>`).join('')}</table>`);
  const field = (path: string): NormField => ({ path, type: 'string', required: false, constraints: {} });

  // [what, extra scraped param, page rows, want: page-only (true) or counted as extra (false)]
  const paramCases: [string, string, string[], boolean][] = [
    ['a header the page lists, named nowhere in the definition', 'header:x-language', ['X-Language'], true],
    ['a query parameter the page lists (zh-md/dli/查看队列的使用者.md: limit)', 'query:limit', ['limit'], true],
    ['a parameter no row of the page names', 'query:limit', ['offset'], false],
    ['a parameter the definition has as a body field', 'query:name', ['name'], false],
    ['a path parameter: the URL template has it on both sides, a new name is a naming error', 'path:id', ['id'], false],
  ];
  it.each(paramCases)('%s', (_what, key, names, pageOnly) => {
    const [definition] = explorerOps(throttleDefinition());
    const spec = openApiOps(throttleSpec())[0]!;
    spec.params.add(key);
    const { params } = compareOp(definition!, spec, names.join(' '), rowsOf(...names));
    expect(params.pageOnly).toEqual(pageOnly ? [key] : []);
    expect(params.extra).toEqual(pageOnly ? [] : [key]);
    expect(params.counts.fp).toBe(pageOnly ? 0 : 1);
  });

  // [what, extra scraped field, page rows, want: page-only (true) or counted as extra (false)]
  const fieldCases: [string, string, string[], boolean][] = [
    ['a whole new name', 'res:updated', ['updated'], true],
    // zh-md/cph/查询云手机详情.md: metadata lists probation_begin_time, the definition's metadata does not.
    ['a new leaf under a parent the definition has at that path', 'res:rules[].updated', ['updated'], true],
    ['a new leaf under a parent the definition has only elsewhere', 'req:rules[].updated', ['updated'], false],
    ['a leaf the definition names elsewhere (a sub-table under the wrong parent)', 'res:rules[].name', ['name'], false],
    ['a field no row of the page names', 'res:rules[].updated', ['other'], false],
  ];
  it.each(fieldCases)('%s', (_what, path, names, pageOnly) => {
    const [definition] = explorerOps(throttleDefinition());
    const spec = openApiOps(throttleSpec())[0]!;
    spec.fields.set(path, field(path));
    const { fields } = compareOp(definition!, spec, names.join(' '), rowsOf(...names));
    expect(fields.pageOnly).toEqual(pageOnly ? [path] : []);
    expect(fields.extra).toEqual(pageOnly ? [] : [path]);
  });
});

describe('pages whose tables a page links', () => {
  // A page states what its linked sub-tables say (ges 查询任务中心 → 查询Job状态's job属性列表 with the status values).
  const cases: [string, string, { file: string; anchor: string }[]][] = [
    // [what, raw page, want links]
    [
      'an href with parentheses in the file name',
      '<a href="查询Job状态(1-0-0)-管理面.md#table06281119546">表3</a>',
      [{ file: '查询Job状态(1-0-0)-管理面.md', anchor: 'table06281119546' }],
    ],
    [
      'a markdown link',
      '见[表5](创建图.md#table1088843022917)。',
      [{ file: '创建图.md', anchor: 'table1088843022917' }],
    ],
    ['a link to a page, not a table', '<a href="获取项目ID.md">获取项目ID</a>', []],
    ['an anchor on the page itself', '<a href="#request_AuthOpt">AuthOpt</a>', []],
  ];
  it.each(cases)('%s', (_what, raw, want) => {
    expect(pageText('p.md', raw).linkedTables).toEqual(want);
  });

  // The anchors as zh-md/ges/查询Job状态(1-0-0)-管理面.md writes them: caption, then an anchor line, then the table.
  const JOB_PAGE = [
    '## URI<a name="section1"></a>',
    'GET /v1.0/\\{project\\_id\\}/graphs/\\{graph\\_id\\}/jobs/\\{job\\_id\\}/status',
    '## 响应<a name="section2"></a>',
    '<table><tr><td>status</td><td>String</td><td>本页操作的状态 running</td></tr></table>',
    '**表 3**  job属性列表',
    '<a name="table06281119546"></a>',
    '<table><tr><td>job_id</td><td>String</td><td>Job ID。</td></tr>' +
      '<tr><td>jobDetail</td><td>Object</td><td>见下表</td></tr></table>',
    '**表 4**  JobDetail数据结构',
    '<table><tr><td>progress</td><td>Integer</td><td>进度。</td></tr></table>',
    '**表 5**  其他数据结构',
    '<table><tr><td>unrelated</td><td>String</td><td>别的对象。</td></tr></table>',
  ].join('\n');

  it('gives a table the anchor lines above it and its own id, not an anchor inside a paragraph', () => {
    const raw = [
      '<p><a name="p1"></a>说明</p>',
      '<a name="t1"></a>',
      '<table><tr><td>a</td></tr></table>',
      '<table id="t2"><tr><td>b</td></tr></table>',
      '<a name="t3"></a>',
      '## 下一节',
      '|c|是|String|',
    ].join('\n');
    expect(pageTables(raw).map((t) => t.anchors)).toEqual([['t1'], ['t2'], []]);
  });

  it('adds only the linked table (and the tables it leads to), not the rest of its page', () => {
    const job = pageText('dir/查询Job状态(1-0-0)-管理面.md', JOB_PAGE);
    const list = pageText('dir/查询任务中心.md', '<a href="查询Job状态(1-0-0)-管理面.md#table06281119546">表3</a>');
    const set = withLinkedTables([job, list], [list]);
    const rows = mergeRows(set.map((p) => p.rows));
    // job_id is the linked table's, progress its caption-named sub-table's (`JobDetail数据结构` for `jobDetail`).
    expect([...rows.keys()].sort()).toEqual(['jobDetail', 'job_id', 'progress']);
    expect(rows.has('status')).toBe(false); // the other operation's own response row
    expect(rows.has('unrelated')).toBe(false);
  });

  it('adds nothing for an anchor that is no table (a section of another page)', () => {
    const job = pageText('dir/查询Job状态(1-0-0)-管理面.md', JOB_PAGE);
    const list = pageText('dir/查询任务中心.md', '<a href="查询Job状态(1-0-0)-管理面.md#section2">响应</a>');
    expect(withLinkedTables([job, list], [list]).map((p) => p.file)).toEqual([list.file]);
  });

  it('adds each linked table once, and none of a page already in the set', () => {
    const job = pageText('dir/查询Job状态(1-0-0)-管理面.md', JOB_PAGE + '\n<a href="查询任务中心.md#t">x</a>');
    const list = pageText(
      'dir/查询任务中心.md',
      '<a href="查询Job状态(1-0-0)-管理面.md#table06281119546">x</a><a href="查询Job状态(1-0-0)-管理面.md#table06281119546">y</a>',
    );
    expect(withLinkedTables([job, list], [list, job]).map((p) => p.file)).toEqual([list.file, job.file]);
  });

  it("takes the API Explorer name from the operation's own pages, not from a page whose table it links", () => {
    const linking = pageText(
      'dir/查询Job状态(1-0-0)-管理面.md',
      `${JOB_PAGE}\n[API Explorer](https://console.huaweicloud.com/apiexplorer/#/openapi/GES/doc?api=ShowJob)`,
    );
    const own = pageText('dir/查询任务中心.md', '<a href="查询Job状态(1-0-0)-管理面.md#table06281119546">x</a>');
    expect(linkedNameOf([own])).toBeUndefined();
    expect(withLinkedTables([linking, own], [own]).some((p) => p.linkedName)).toBe(false);
    expect(linkedNameOf([own, linking])).toBe('ShowJob');
  });
});

describe('pages', () => {
  const uri = '## URI\n\nPUT /v2/\\{project\\_id\\}/apigw/throttles/\\{throttle\\_id\\}\n';

  it('finds an operation by method and path, not by a longer path or another method', () => {
    const page = pageText('a.md', uri);
    expect(pageShowsOp(page, 'PUT', '/v2/{}/apigw/throttles/{}')).toBe(true);
    expect(pageShowsOp(page, 'GET', '/v2/{}/apigw/throttles/{}')).toBe(false);
    expect(pageShowsOp(page, 'PUT', '/v2/{}/apigw/throttles')).toBe(false);
    expect(pageText('b.md', 'PUT /v2/{project_id}/apigw/throttles/{id}').isOperationPage).toBe(false);
  });

  it('reads the old `请求方法 | URI` table through its HTML', () => {
    const page = pageText(
      'c.md',
      '## URI<a name="x"></a>\n<table><tr><td><p>POST</p></td><td><p>/v1.0/apigw/apps</p></td></tr></table>',
    );
    expect(page.isOperationPage).toBe(true);
    expect(pageShowsOp(page, 'POST', '/v1.0/apigw/apps')).toBe(true);
  });
});

describe('service evaluation', () => {
  const pages = [pageText('修改流控策略.md', `${uri()}\nname api_call_limits time_unit tags id rules key value`)];
  function uri() {
    return '## URI\nPUT /v2/\\{project\\_id\\}/apigw/throttles/\\{throttle\\_id\\}';
  }

  it('scores a perfect spec as perfect', () => {
    const result = evaluateService({
      service: 'apig',
      definitions: explorerOps(throttleDefinition()),
      specOps: openApiOps(throttleSpec()),
      pages,
    });
    const summary = summarise(result);
    expect(summary).toMatchObject({
      opRecall: 1,
      fieldF1: 1,
      paramF1: 1,
      typeAgreement: 1,
      requiredAgreement: 1,
      constraintAgreement: 1,
    });
    expect(summary).toMatchObject({
      enumPrecision: 1,
      enumRecall: 1,
      lengthPrecision: 1,
      lengthRecall: 1,
      constraintRecall: 1,
      opIdMatch: 1,
    });
    expect(result.constraints.byKind.length.tp).toBe(8); // name 3..64 and tags[] 1..128, on request and response
  });

  it('counts an operation as linked only by its own page, not by a page whose table it links', () => {
    // 流控策略.md (another operation's page, linking its own API Explorer name) holds a table this page links.
    const other = pageText(
      'dir/流控策略.md',
      '[API Explorer](https://console.huaweicloud.com/apiexplorer/#/openapi/APIG/doc?api=ListThrottles)\n' +
        '<a name="table1"></a>\n<table><tr><td>key</td><td>String</td><td>键。</td></tr></table>',
    );
    const own = pageText(
      'dir/修改流控策略.md',
      `${uri()}\nname api_call_limits time_unit tags id rules key value <a href="流控策略.md#table1">表1</a>`,
    );
    const result = evaluateService({
      service: 'apig',
      definitions: explorerOps(throttleDefinition()),
      specOps: openApiOps(throttleSpec()),
      pages: [own, other],
    });
    expect(result.comparisons).toHaveLength(1);
    expect(result.comparisons[0]!.linkedName).toBeUndefined();
  });

  it('judges parameter constraints, and counts operationIds that differ from the definition', () => {
    const definition = throttleDefinition();
    const put = definition.paths!['/{project_id}/apigw/throttles/{throttle_id}']!.put!;
    (put.parameters as unknown[]).push({ in: 'query', name: 'limit', type: 'integer', minimum: 1, maximum: 500 });
    const spec = throttleSpec() as { paths: Record<string, { put: { operationId: string; parameters: unknown[] } }> };
    const op = spec.paths['/v2/{project_id}/apigw/throttles/{throttle_id}/']!.put;
    op.operationId = 'UpdateThrottle';
    op.parameters.push({ in: 'query', name: 'limit', schema: { type: 'integer', minimum: 1 } });
    const row = '<tr><td>limit</td><td>否</td><td>Integer</td><td>取值范围：1~500</td></tr>';
    const page = pageText(
      '修改流控策略.md',
      `${uri()}\nname api_call_limits time_unit tags id rules key value limit\n${row}`,
    );
    const result = evaluateService({
      service: 'apig',
      definitions: explorerOps(definition),
      specOps: openApiOps(spec),
      pages: [page],
    });
    // api_call_limits 1..2147483647 (request, response) and limit ≥ 1 agree; limit ≤ 500 is on the page, not scraped.
    expect(result.constraints.byKind.range).toMatchObject({ tp: 5, fp: 0, fn: 1 });
    expect(result.constraints.wrong).toContain('query:limit: maximum 500 ≠ -');
    expect(summarise(result).opIdMatch).toBe(0);
    expect(opIdMisses(result)).toEqual(['UpdateRequestThrottlingPolicyV2 ≠ UpdateThrottle']);
    const table = summaryTable([result, result]).join('\n');
    expect(table).toMatch(/^  apig .*$/m);
    expect(table).toMatch(/^  mean .*$/m);
    expect(constraintTable([result]).at(-1)).toMatch(/^  overall +1\.00\/1\.00 +1\.00\/1\.00 +1\.00\/0\.83 /); // enum, length, range
  });

  it('splits the operationId match: pages that link an API Explorer name, and the others', () => {
    const spec = throttleSpec() as { paths: Record<string, { put: { operationId: string } }> };
    spec.paths['/v2/{project_id}/apigw/throttles/{throttle_id}/']!.put.operationId = 'UpdateThrottle';
    const evaluate = (link: string) =>
      evaluateService({
        service: 'apig',
        definitions: explorerOps(throttleDefinition()),
        specOps: openApiOps(spec),
        pages: [pageText('修改流控策略.md', `${uri()}\n${link}\nname api_call_limits time_unit tags id rules`)],
      });
    const explorer = (api: string) =>
      `您可以在[API Explorer](https://apiexplorer.developer.huaweicloud.com/apiexplorer/doc?product=APIG&api=${api})中调试该接口。`;
    // The page links the definition's name and the spec lost it: a linked miss.
    const linked = evaluate(explorer('UpdateRequestThrottlingPolicyV2'));
    expect(summarise(linked)).toMatchObject({ opIdMatch: 0, opIdMatchLinked: 0 });
    expect(summarise(linked).opIdMatchDerived).toBeNaN();
    expect(opIdMisses(linked, 'linked')).toEqual(['UpdateRequestThrottlingPolicyV2 ≠ UpdateThrottle']);
    expect(opIdMisses(linked, 'derived')).toEqual([]);
    // An older page links an older name: said next to the miss.
    expect(opIdMisses(evaluate(explorer('UpdateThrottle')), 'linked')).toEqual([
      'UpdateRequestThrottlingPolicyV2 ≠ UpdateThrottle (page links UpdateThrottle)',
    ]);
    // No link: a derived miss.
    const derived = evaluate('');
    expect(summarise(derived).opIdMatchLinked).toBeNaN();
    expect(opIdMisses(derived, 'derived')).toHaveLength(1);
    expect(linkedApiName(explorer('ShowDetailsOfAppV2'))).toBe('ShowDetailsOfAppV2');
    expect(linkedApiName('[x](https://support.huaweicloud.com/api-apig/x.html?api=Nope)')).toBeUndefined();
  });

  it('counts an operation missing from the spec against op recall, and one without a page not at all', () => {
    const definitions = [
      ...explorerOps(throttleDefinition()),
      ...explorerOps({ ...throttleDefinition(), paths: { '/{p}/apigw/throttles': { get: {} } } }),
      ...explorerOps({ ...throttleDefinition(), paths: { '/{p}/apigw/never-documented': { get: {} } } }),
    ];
    const pagesWithList = [...pages, pageText('list.md', '## URI\nGET /v2/{project_id}/apigw/throttles')];
    const result = evaluateService({
      service: 'apig',
      definitions,
      specOps: openApiOps(throttleSpec()),
      pages: pagesWithList,
    });
    expect(result.definitionsWithPage).toBe(2);
    expect(result.definitionsWithoutPage).toHaveLength(1);
    expect(summarise(result).opRecall).toBe(0.5);
  });
});

describe('component matching', () => {
  const field = (path: string, type: NormField['type'] = 'string', required = false): NormField => ({
    path,
    type,
    required,
    constraints: {},
  });
  const definitions: NamedFields[] = [
    { name: 'A', fields: [field('id'), field('name'), field('size', 'integer')] },
    { name: 'B', fields: [field('id'), field('name'), field('size', 'integer', true), field('tags', 'array')] },
    { name: 'C', fields: [field('x'), field('y')] },
  ];

  it('computes Jaccard on name sets', () => {
    expect(jaccard(new Set(['a', 'b']), new Set(['b', 'c']))).toBeCloseTo(1 / 3, 10);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });

  it('picks the closest definition, and none below the threshold', () => {
    const component = {
      name: 'S',
      fields: [field('id'), field('name'), field('size', 'string', true), field('tags', 'array')],
    };
    expect(bestMatch(component, definitions)?.definition.name).toBe('B');
    expect(bestMatch({ name: 'T', fields: [field('x'), field('q'), field('r')] }, definitions)).toBeUndefined();
    const match = compareComponent(component, definitions[1]!, 1);
    expect(match.type.mismatches).toEqual(['size: integer ≠ string']);
    expect(match.required.agree).toBe(4);
  });

  it('skips one-field components and aggregates the rest', () => {
    const result = evaluateTextForms(
      [
        { name: 'one', fields: [field('id')] },
        { name: 'S', fields: [field('id'), field('name'), field('size', 'integer'), field('extra')] },
      ],
      definitions,
    );
    expect(result.components).toBe(1);
    expect(result.matches[0]?.definition.name).toBe('A');
    expect(result.counts).toEqual({ tp: 3, fp: 1, fn: 0 });
  });
});

describe('bars', () => {
  it('fails gated bars below the minimum or unmeasured, and never fails ungated ones', () => {
    const perfect = { opRecall: 1, fieldPrecision: 1, fieldRecall: 1, typeAgreement: 1, requiredAgreement: 1 };
    const outcomes = checkBars(BARS, {
      apig: { ...perfect, fieldRecall: 0.5 },
      modelarts: { ...perfect, typeAgreement: 0.9 },
    });
    expect(failedGates(outcomes).map((o) => `${o.scope}.${o.metric}`)).toEqual(['modelarts.typeAgreement']);
    expect(outcomes.find((o) => o.scope === 'text-forms')).toMatchObject({
      value: undefined,
      pass: false,
      gated: false,
    });
    expect(failedGates(checkBars(BARS, {})).length).toBe(BARS.filter((b) => b.gated).length);
  });

  it('grades every service on every issue-8 bar, gating all but the NOT_YET_GATED lines', () => {
    const bars = serviceBars(['apig', 'newsvc']);
    expect(bars.length).toBe(2 * SERVICE_BARS.length);
    // A service added to services.json is gated on everything from the start.
    expect(bars.filter((b) => b.scope === 'newsvc').every((b) => b.gated)).toBe(true);
    for (const bar of bars) expect(bar.gated).toBe(!NOT_YET_GATED.has(`${bar.scope} ${bar.metric}`));
  });

  it('says why an ungated bar is not gated: its figure against the bar, or that it is met', () => {
    const bar = { scope: 's', metric: 'fieldF1' as const, min: 0.95, gated: false };
    const [below, met] = [checkBars([bar], { s: { fieldF1: 0.71 } })[0], checkBars([bar], { s: { fieldF1: 0.96 } })[0]];
    expect(below).toMatchObject({ pass: false, why: 'not yet met: 0.710 < 0.95' });
    expect(met?.why).toMatch(/^met, not gated yet/);
    expect(failedGates([below!, met!])).toEqual([]);
  });
});
