// Doc-source markdown (zh) → OpenAPI, on real pages copied into test/fixtures/zh-md/ (see its README).
// Expectations were written by reading the pages.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScrapeResult } from '../../scraper/index.ts';
import { deref, op, param, refName, requestSchema, responseSchema, scrape, type Json } from './helpers.ts';

const examplesOf = (content: Json | undefined): Json[] =>
  Object.values(content?.['application/json']?.examples ?? {}) as Json[];

describe('修改流控策略 (API Explorer style)', () => {
  let r: ScrapeResult;
  let o: Json;
  beforeAll(async () => {
    r = await scrape(['zh-md/apig/修改流控策略.md'], 'apig');
    o = op(r, 'PUT', '/v2/{project_id}/apigw/instances/{instance_id}/throttles/{throttle_id}');
  });

  it('takes the operationId from the API Explorer link, summary from the title', () => {
    expect(o.operationId).toBe('UpdateRequestThrottlingPolicyV2');
    expect(o.summary).toBe('修改流控策略');
    expect(o.description).toBe('修改指定流控策略的详细信息。');
  });

  it('reads path and header parameters', () => {
    for (const n of ['project_id', 'instance_id', 'throttle_id'])
      expect(param(o, 'path', n)).toMatchObject({ required: true, schema: { type: 'string' } });
    expect(o['x-transport-headers']).toEqual(['X-Auth-Token']); // the runtime's business, not a parameter (issue 9 §5)
    expect(o.parameters).toHaveLength(3);
  });

  it('reads the body: required flags, 枚举值 typed to the field', () => {
    const body = requestSchema(r, o);
    expect(Object.keys(body.properties)).toHaveLength(10);
    expect([...body.required].sort()).toEqual(['api_call_limits', 'name', 'time_interval', 'time_unit']);
    expect(body.properties.time_unit.enum).toEqual(['SECOND', 'MINUTE', 'HOUR', 'DAY']);
    expect(body.properties.type).toMatchObject({ type: 'integer', enum: [1, 2] });
    expect(body.properties.enable_adaptive_control.enum).toBeUndefined();
    expect(body.properties.app_call_limits.type).toBe('integer');
  });

  it('has no request example (请求示例 is 无)', () => {
    expect(o.requestBody.content['application/json'].examples).toBeUndefined();
  });

  it('has one response per status code, each with its own body table and example', () => {
    expect(Object.keys(o.responses).sort()).toEqual(['200', '400', '401', '403', '404', '500']);
    const ok = responseSchema(r, o, '200');
    expect(Object.keys(ok.properties)).toHaveLength(14);
    expect(ok.properties.is_include_special_throttle).toMatchObject({ type: 'integer', enum: [1, 2] });
    expect(ok.properties.enable_adaptive_control.enum).toEqual(['true', 'false']);
    for (const s of ['400', '401', '403', '404', '500']) {
      expect(Object.keys(responseSchema(r, o, s).properties).sort()).toEqual(['error_code', 'error_msg']);
      expect(examplesOf(o.responses[s].content)).toHaveLength(1);
    }
    expect(examplesOf(o.responses['404'].content)[0]!.value.error_code).toBe('APIG.3005');
    expect(examplesOf(o.responses['200'].content)[0]!.value.name).toBe('throttle_demo');
    expect(o.responses['500'].description).toBe('Internal Server Error');
  });

  it('lists the error codes its examples show', () => {
    expect(o['x-error-codes']).toEqual(['APIG.1002', 'APIG.1005', 'APIG.2011', 'APIG.3005', 'APIG.9999']);
  });

  it('reports the example field the tables do not document', () => {
    const hit = r.report.find((e) => e.row === '/is_inclu_special_throttle');
    expect(hit).toBeDefined();
    expect(hit!.severity).toBe('warning');
    expect(hit!.file).toBe('test/fixtures/zh-md/apig/修改流控策略.md');
  });
});

describe('修改API (anchors, Array of X objects, item constraints)', () => {
  let r: ScrapeResult;
  let body: Json;
  let o: Json;
  beforeAll(async () => {
    r = await scrape(['zh-md/apig/修改API.md'], 'apig');
    o = op(r, 'PUT', '/v2/{project_id}/apigw/instances/{instance_id}/apis/{api_id}');
    body = requestSchema(r, o);
  });

  it('follows <a href="#request_AuthOpt"> and Array of ReqParamBase objects', () => {
    expect(refName(body.properties.auth_opt)).toBe('AuthOpt');
    expect(Object.keys(deref(r, body.properties.auth_opt).properties)).toContain('app_code_auth_type');
    expect(body.properties.req_params.type).toBe('array');
    expect(refName(body.properties.req_params.items)).toBe('ReqParamBase');
    expect(refName(body.properties.backend_api)).toBe('BackendApiCreate');
  });

  it('puts 最小长度/最大长度 of `Array of strings` on the items', () => {
    expect(body.properties.tags).toMatchObject({
      type: 'array',
      items: { type: 'string', minLength: 1, maxLength: 128 },
    });
    expect(body.properties.tags.minLength).toBeUndefined();
    expect(body.properties.tags.minItems).toBeUndefined();
  });

  it('types defaults and enums to the field', () => {
    expect(body.properties.version.maxLength).toBe(16);
    expect(body.properties.req_protocol).toMatchObject({ default: 'HTTPS', enum: ['HTTP', 'HTTPS', 'BOTH'] });
    expect(body.properties.cors).toMatchObject({ type: 'boolean', default: false, enum: [true, false] });
    expect(body.properties.type).toMatchObject({ type: 'integer', enum: [1, 2] });
    expect(body.properties.req_method.enum).toEqual([
      'GET',
      'POST',
      'PUT',
      'DELETE',
      'HEAD',
      'PATCH',
      'OPTIONS',
      'ANY',
    ]);
  });

  it('reads the required flags of the 30 body rows', () => {
    expect(Object.keys(body.properties)).toHaveLength(30);
    expect([...body.required].sort()).toEqual([
      'auth_type',
      'backend_type',
      'group_id',
      'name',
      'req_method',
      'req_protocol',
      'req_uri',
      'type',
    ]);
  });

  it('names the 200 body after its anchor (response_ApiInfo)', () => {
    expect(refName(o.responses['200'].content['application/json'].schema)).toBe('ApiInfo');
  });
});

describe('导出API: a `-` File row is the body itself', () => {
  it('writes the 200 response as binary, not as an object with a `-` property', async () => {
    const r = await scrape(['zh-md/apig/导出API.md'], 'apig');
    const o = op(r, 'POST', '/v2/{project_id}/apigw/instances/{instance_id}/openapi/export');
    expect(o.operationId).toBe('ExportApiDefinitionsV2');
    const content = o.responses['200'].content as Json;
    const [schema] = Object.values(content).map((c: Json) => c.schema);
    expect(schema).toEqual({ type: 'string', format: 'binary' });
    expect(o.responses['200'].description).toBe('OK');
    const body = requestSchema(r, o);
    expect(body.properties.define).toMatchObject({ default: 'spec', enum: ['spec', 'proxy', 'all', 'dev'] });
    expect(body.properties.apis).toMatchObject({ type: 'array', items: { type: 'string' } });
    expect(body.required).toEqual(['group_id']);
    expect(examplesOf(o.requestBody.content)[0]!.value).toEqual({
      group_id: 'c77f5e81d9cb4424bf704ef2b0ac7600',
      define: 'all',
    });
    expect(o['x-error-codes']).toEqual(['APIG.1002', 'APIG.1005', 'APIG.2001', 'APIG.3001', 'APIG.9999']);
  });
});

describe('AddingBackendInstances (old style, 字典数据类型 linked by position)', () => {
  let r: ScrapeResult;
  let o: Json;
  beforeAll(async () => {
    r = await scrape(['zh-md/apig/AddingBackendInstances.md'], 'apig');
    o = op(r, 'POST', '/v1.0/apigw/vpc-channels/{id}/members');
  });

  it('reads method and URI from the HTTP/HTTPS请求方法以及URI table', () => {
    expect(o.summary).toBe('添加后端实例（云服务器）');
    expect(param(o, 'path', 'id')).toMatchObject({ required: true, schema: { type: 'string' } });
    expect(o.parameters).toHaveLength(1);
  });

  it('types vpc_instances as an array of the next table (the example shows a list)', () => {
    const body = requestSchema(r, o);
    expect(body.required).toEqual(['vpc_instances']);
    expect(body.properties.vpc_instances.type).toBe('array');
    const item = deref(r, body.properties.vpc_instances.items);
    expect(Object.keys(item.properties)).toEqual(['instance_name', 'instance_id', 'weight']);
    expect(item.required).toEqual(['instance_name', 'instance_id', 'weight']);
    expect(item.properties.weight.type).toBe('integer');
    expect(examplesOf(o.requestBody.content)[0]!.value.vpc_instances[0].weight).toBe(10);
  });

  it('reads the 201 response body and its example, and every status code', () => {
    expect(Object.keys(o.responses).sort()).toEqual(['201', '400', '401', '403', '404', '500']);
    expect(o.responses['201'].description).toBe('Created');
    expect(o.responses['500'].description).toBe('Server Internal Error');
    const body = responseSchema(r, o, '201');
    expect(Object.keys(body.properties)).toEqual(['total', 'size', 'vpc_instances']);
    const item = deref(r, body.properties.vpc_instances.items);
    expect(Object.keys(item.properties)).toHaveLength(8);
    expect(item.properties.create_time).toMatchObject({ type: 'string', format: 'date-time' });
    expect(examplesOf(o.responses['201'].content)[0]!.value.total).toBe(2);
  });

  it('reports the positional links', () => {
    const notes = r.report.filter((e) => /vpc_instances/.test(e.reason) && /position/.test(e.reason));
    expect(notes.length).toBe(2);
  });

  it('reads `取值范围1 ~ 100` on an Integer as minimum/maximum', () => {
    const item = deref(r, requestSchema(r, o).properties.vpc_instances.items);
    expect(item.properties.weight).toMatchObject({ minimum: 1, maximum: 100 });
  });
});

describe('CreatingaRequestThrottlingPolicy (old style, anchors in every cell)', () => {
  it('reads fields despite <a name> anchors inside cells', async () => {
    const r = await scrape(['zh-md/apig/CreatingaRequestThrottlingPolicy.md'], 'apig');
    const o = op(r, 'POST', '/v1.0/apigw/throttles');
    expect(o.summary).toBe('创建流控策略');
    const body = requestSchema(r, o);
    expect(Object.keys(body.properties)).toEqual([
      'name',
      'api_call_limits',
      'user_call_limits',
      'app_call_limits',
      'ip_call_limits',
      'time_interval',
      'time_unit',
      'remark',
      'type',
      'enable_adaptive_control',
    ]);
    expect([...body.required].sort()).toEqual(['api_call_limits', 'name', 'time_interval', 'time_unit']);
    expect(Object.keys(o.responses).sort()).toEqual(['201', '400', '401', '500']);
    const res = responseSchema(r, o, '201');
    expect(res.properties.create_time).toMatchObject({ type: 'string', format: 'date-time' });
    expect(Object.keys(res.properties)).toHaveLength(14);
    expect(examplesOf(o.requestBody.content)[0]!.value.name).toBe('每秒800次');
    expect(examplesOf(o.responses['201'].content)[0]!.value.api_call_limits).toBe(800);
    expect(r.report.some((e) => e.row === '/is_inclu_special_throttle')).toBe(true);
  });
});

describe('QueryingEnvironmentList (v1.0: query string inside the URI)', () => {
  it('strips [?…] from the path and makes every listed name a query parameter', async () => {
    const r = await scrape(['zh-md/apig/QueryingEnvironmentList.md'], 'apig');
    expect(Object.keys(r.document.paths)).toEqual(['/v1.0/apigw/envs']);
    const o = op(r, 'GET', '/v1.0/apigw/envs');
    expect(o.parameters.map((p: Json) => `${p.in}:${p.name}`).sort()).toEqual([
      'query:name',
      'query:page_no',
      'query:page_size',
      'query:precise_search',
    ]);
    expect(param(o, 'query', 'page_size')).toMatchObject({ required: false, schema: { type: 'integer' } });
    expect(o.requestBody).toBeUndefined();
    expect(Object.keys(o.responses).sort()).toEqual(['200', '400', '401', '500']);
    const body = responseSchema(r, o, '200');
    expect(body.properties.envs.type).toBe('array');
    expect(Object.keys(deref(r, body.properties.envs.items).properties)).toEqual([
      'id',
      'name',
      'create_time',
      'remark',
    ]);
  });
});

describe('ModelArts 批量删除样本 (Array of BatchResponse objects)', () => {
  it('links the array items to the BatchResponse table', async () => {
    const r = await scrape(['zh-md/modelarts/批量删除样本.md'], 'modelarts');
    const o = op(r, 'POST', '/v2/{project_id}/datasets/{dataset_id}/data-annotations/samples/delete');
    const body = requestSchema(r, o);
    expect(body.properties.samples).toMatchObject({ type: 'array', items: { type: 'string' } });
    expect(body.properties.delete_source.type).toBe('boolean');
    expect(body.required ?? []).toEqual([]);
    const res = responseSchema(r, o, '200');
    expect(refName(res.properties.results.items)).toBe('BatchResponse');
    expect(Object.keys(deref(r, res.properties.results.items).properties).sort()).toEqual([
      'error_code',
      'error_msg',
      'success',
    ]);
    expect(Object.keys(o.responses).sort()).toEqual(['200', '401', '403', '404']);
    expect(examplesOf(o.responses['200'].content)[0]!.value).toEqual({ success: true });
  });
});

describe('错误码.md', () => {
  it('puts all 185 rows into root x-error-codes, sorted by code', async () => {
    const r = await scrape(['zh-md/apig/错误码.md'], 'apig');
    const codes = r.document['x-error-codes'] as Json[];
    expect(codes).toHaveLength(185);
    const sorted = [...codes.map((c) => c.code)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(codes.map((c) => c.code)).toEqual(sorted);
    const by = Object.fromEntries(codes.map((c) => [c.code, c]));
    expect(by['APIG.2011']).toMatchObject({
      status: '400',
      message: 'Invalid parameter value.',
      description: '参数规则不匹配',
      action: '修改请求参数',
    });
    expect(by['APIG.0000']).toMatchObject({ status: '204', message: 'Successful', description: '请求成功' });
    expect(by['APIC.9211']!['x-source'].file).toBe('test/fixtures/zh-md/apig/错误码.md');
    expect(Object.keys(r.document.paths)).toEqual([]);
    expect(r.report.filter((e) => e.severity !== 'info')).toEqual([]);
  });
});
