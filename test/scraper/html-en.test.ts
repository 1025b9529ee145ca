// DITA HTML (English support.huaweicloud.com export) → OpenAPI. Every expectation below was written by reading
// the fixture pages in test/fixtures/html-en/ (see its README), not from scraper output.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScrapeResult } from '../../scraper/index.ts';
import { toYaml } from '../../scraper/openapi/serialize.ts';
import { deref, op, param, refName, requestSchema, responseSchema, scrape, type Json } from './helpers.ts';

const UPDATE_LABEL = 'html-en/modelarts/UpdateLabel.html';
const LABEL_TREE = 'html-en/modelarts/ListLabelTree.html';
const CREATE_L7 = 'html-en/elb/CreateL7Policy.html';
const LIST_L7 = 'html-en/elb/ListL7Policies.html';
const OLD_LISTENER = 'html-en/elb/en-us_topic_0096561510.html';
const ERROR_CODES = 'html-en/modelarts/modelarts_03_0095.html';

function schemaOf(result: ScrapeResult, name: string): Json {
  const s = (result.document.components.schemas as Json)[name];
  if (!s) throw new Error(`no schema ${name}; have ${Object.keys(result.document.components.schemas).join(', ')}`);
  return s;
}

describe('ModelArts UpdateLabel (API Explorer style)', () => {
  let r: ScrapeResult;
  let o: Json;
  const path = '/v2/{project_id}/datasets/{dataset_id}/data-annotations/labels/{label_name}';
  beforeAll(async () => {
    r = await scrape([UPDATE_LABEL], 'modelarts');
    o = op(r, 'PUT', path);
  });

  it('reads method, path, operationId, summary and description', () => {
    expect(Object.keys(r.document.paths)).toEqual([path]);
    expect(o.operationId).toBe('UpdateLabel');
    expect(o.summary).toBe('Updating a Label');
    expect(o.description).toBe('This API is used to update a label by label name.');
  });

  it('reads the three path parameters and the query parameter', () => {
    for (const name of ['dataset_id', 'label_name', 'project_id']) {
      const p = param(o, 'path', name);
      expect(p.required).toBe(true);
      expect(p.schema.type).toBe('string');
    }
    const labelType = param(o, 'query', 'label_type');
    expect(labelType.required).toBe(false);
    expect(labelType.schema).toMatchObject({ type: 'integer', format: 'int32' });
    expect(o.parameters).toHaveLength(4);
  });

  it('keeps property names with @ and : (FORMATS §9.7) in the request body', () => {
    const body = requestSchema(r, o);
    expect(Object.keys(body.properties).sort()).toEqual([
      '@modelarts:color',
      '@modelarts:default_shape',
      '@modelarts:from_type',
      '@modelarts:rename_to',
      '@modelarts:shortcut',
      '@modelarts:to_type',
    ]);
    expect(body.required ?? []).toEqual([]);
    expect(body.properties['@modelarts:color'].type).toBe('string');
  });

  it('attaches the request example with its title', () => {
    const examples = o.requestBody.content['application/json'].examples;
    const [only] = Object.values(examples) as Json[];
    expect(Object.keys(examples)).toHaveLength(1);
    expect(only!.value).toEqual({ '@modelarts:color': '#93c47d' });
    expect(only!.summary).toBe('Updating a label');
  });

  it('has one response per status code: 204 with body and example, 401/403/404 without body', () => {
    expect(Object.keys(o.responses).sort()).toEqual(['204', '401', '403', '404']);
    expect(o.responses['204'].description).toBe('No Content');
    const body = responseSchema(r, o, '204');
    expect(Object.keys(body.properties).sort()).toEqual(['error_code', 'error_msg', 'success']);
    expect(body.properties.success.type).toBe('boolean');
    const ex = Object.values(o.responses['204'].content['application/json'].examples) as Json[];
    expect(ex.map((e) => e.value)).toEqual([{}]);
    for (const s of ['401', '403', '404']) expect(o.responses[s].content).toBeUndefined();
    expect(o.responses['403'].description).toBe('Forbidden');
  });

  it('names its source and reports no errors', () => {
    expect(o['x-source']).toEqual({ file: `test/fixtures/${UPDATE_LABEL}` });
    expect(r.report.filter((e) => e.severity === 'error')).toEqual([]);
    expect(r.pages[0]!.form).toBe('dita-html');
  });
});

describe('ELB v3 CreateL7Policy: nested objects linked by anchors', () => {
  let r: ScrapeResult;
  let o: Json;
  beforeAll(async () => {
    r = await scrape([CREATE_L7], 'elb');
    o = op(r, 'POST', '/v3/{project_id}/elb/l7policies');
  });

  it('reads the operation', () => {
    expect(o.operationId).toBe('CreateL7Policy');
    expect(o.summary).toBe('Adding a Forwarding Policy');
    expect(o.description).toContain('This API is used to add a forwarding policy to a listener.');
  });

  it('reads the path and header parameters', () => {
    expect(param(o, 'path', 'project_id')).toMatchObject({ required: true, schema: { type: 'string' } });
    expect(o['x-transport-headers']).toEqual(['X-Auth-Token']); // the runtime's business, not a parameter (issue 9 §5)
    expect(o.parameters).toHaveLength(1);
  });

  it('follows `<a href="#CreateL7Policy__request_CreateL7PolicyOption">` to the sub-table', () => {
    const body = requestSchema(r, o);
    expect(Object.keys(body.properties)).toEqual(['l7policy']);
    expect(body.required).toEqual(['l7policy']);
    expect(refName(body.properties.l7policy)).toBe('CreateL7PolicyOption');
    const option = deref(r, body.properties.l7policy);
    expect(Object.keys(option.properties).sort()).toEqual(
      [
        'action',
        'admin_state_up',
        'description',
        'listener_id',
        'name',
        'position',
        'priority',
        'redirect_pool_id',
        'redirect_url_config',
        'rules',
      ].sort(),
    );
    expect([...option.required].sort()).toEqual(['action', 'listener_id']);
    expect(refName(option.properties.redirect_url_config)).toBe('CreateRedirectUrlConfig');
    expect(option.properties.rules.type).toBe('array');
    expect(refName(option.properties.rules.items)).toBe('CreateRuleOption');
    const rule = schemaOf(r, 'CreateRuleOption');
    expect(rule.properties.conditions.type).toBe('array');
    expect(refName(rule.properties.conditions.items)).toBe('CreateRuleCondition');
    expect([...rule.required].sort()).toEqual(['compare_type', 'type', 'value']);
    expect(schemaOf(r, 'CreateRuleCondition').required).toEqual(['value']);
    expect(schemaOf(r, 'CreateRedirectUrlConfig').required).toEqual(['status_code']);
  });

  it('types integer constraints as numbers (Minimum/Maximum/Default)', () => {
    const option = schemaOf(r, 'CreateL7PolicyOption');
    expect(option.properties.position).toMatchObject({ type: 'integer', minimum: 1, maximum: 100, default: 100 });
    expect(option.properties.priority).toMatchObject({ type: 'integer', minimum: 0, maximum: 10000 });
    expect(option.properties.priority.default).toBeUndefined();
  });

  it('types boolean defaults as booleans', () => {
    expect(schemaOf(r, 'CreateL7PolicyOption').properties.admin_state_up).toMatchObject({
      type: 'boolean',
      default: true,
    });
    expect(schemaOf(r, 'CreateRuleOption').properties.invert).toMatchObject({ type: 'boolean', default: false });
  });

  it('reads Minimum/Maximum on a String as its length limits (the English export has no "Minimum length")', () => {
    const option = schemaOf(r, 'CreateL7PolicyOption');
    expect(option.properties.name).toMatchObject({ type: 'string', minLength: 0, maxLength: 255 });
    expect(option.properties.name.minimum).toBeUndefined();
    expect(option.properties.name.maximum).toBeUndefined();
    expect(schemaOf(r, 'CreateRuleCondition').properties.key).toMatchObject({
      type: 'string',
      minLength: 1,
      maxLength: 128,
    });
    expect(schemaOf(r, 'CreateRedirectUrlConfig').properties.host).toMatchObject({
      minLength: 1,
      maxLength: 128,
      default: '${host}',
    });
  });

  it('has exactly the 201 response, with the L7Policy → RuleRef chain and the example', () => {
    expect(Object.keys(o.responses)).toEqual(['201']);
    expect(o.responses['201'].description).toBe('Normal response to POST requests.');
    const body = responseSchema(r, o, '201');
    expect(body.properties.request_id.type).toBe('string');
    expect(refName(body.properties.l7policy)).toBe('L7Policy');
    const policy = schemaOf(r, 'L7Policy');
    expect(refName(policy.properties.rules.items)).toBe('RuleRef');
    expect(policy.properties.position.type).toBe('integer');
    const [ex] = Object.values(o.responses['201'].content['application/json'].examples) as Json[];
    expect(ex!.value.l7policy.position).toBe(37);
    expect(ex!.summary).toBe('Normal response to POST requests.');
  });

  it('attaches the request example body (not the request line)', () => {
    const [ex] = Object.values(o.requestBody.content['application/json'].examples) as Json[];
    expect(ex!.value.l7policy).toMatchObject({ action: 'REDIRECT_TO_POOL', position: 37 });
  });

  it('puts x-source on operation and nested schemas', () => {
    expect(o['x-source'].file).toBe(`test/fixtures/${CREATE_L7}`);
    const src = schemaOf(r, 'CreateRuleCondition')['x-source'];
    expect(src.file).toBe(`test/fixtures/${CREATE_L7}`);
    expect(src.section).toBe('Request Parameters');
    expect(src.table).toContain('CreateRuleCondition');
  });
});

describe('ELB v3 ListL7Policies: query parameters, arrays, shared schema across pages', () => {
  let r: ScrapeResult;
  let o: Json;
  beforeAll(async () => {
    r = await scrape([CREATE_L7, LIST_L7], 'elb');
    o = op(r, 'GET', '/v3/{project_id}/elb/l7policies');
  });

  it('reads query parameters with their types and constraints', () => {
    expect(o.operationId).toBe('ListL7Policies');
    expect(param(o, 'query', 'marker')).toMatchObject({ required: false, schema: { type: 'string' } });
    expect(param(o, 'query', 'limit').schema).toMatchObject({
      type: 'integer',
      minimum: 0,
      maximum: 2000,
      default: 2000,
    });
    expect(param(o, 'query', 'page_reverse').schema.type).toBe('boolean');
    expect(param(o, 'query', 'id').schema).toMatchObject({ type: 'array', items: { type: 'string' } });
    expect(param(o, 'query', 'position').schema).toMatchObject({ type: 'array', items: { type: 'integer' } });
    expect(o['x-transport-headers']).toEqual(['X-Auth-Token']);
    expect(param(o, 'path', 'project_id').required).toBe(true);
    expect(o.parameters).toHaveLength(7);
    expect(o.requestBody).toBeUndefined();
  });

  it('puts the length limits of an `Array of strings` on its items (FORMATS §9.11)', () => {
    const name = param(o, 'query', 'name').schema;
    expect(name.type).toBe('array');
    expect(name.items).toMatchObject({ type: 'string', minLength: 1, maxLength: 255 });
    expect(name.minItems).toBeUndefined();
    expect(name.maxItems).toBeUndefined();
  });

  it('shares one L7Policy schema between the two pages (same shape)', () => {
    const names = Object.keys(r.document.components.schemas);
    expect(names).toContain('L7Policy');
    expect(names).not.toContain('L7Policy2');
    const body = responseSchema(r, o, '200');
    expect(refName(body.properties.l7policies.items)).toBe('L7Policy');
    expect(refName(body.properties.page_info)).toBe('PageInfo');
    expect(schemaOf(r, 'PageInfo').properties.current_count.type).toBe('integer');
  });

  it('keeps both operations on one path, with distinct operationIds', () => {
    const item = (r.document.paths as Json)['/v3/{project_id}/elb/l7policies'];
    expect(Object.keys(item).sort()).toEqual(['get', 'post']);
    expect(Object.keys(o.responses)).toEqual(['200']);
  });
});

describe('recursive type and big integers (ListLabelTree)', () => {
  let r: ScrapeResult;
  let o: Json;
  beforeAll(async () => {
    r = await scrape([LABEL_TREE], 'modelarts');
    o = op(r, 'GET', '/v2/{project_id}/datasets/{dataset_id}/label-tree');
  });

  it('resolves a type that refers to itself', () => {
    const body = responseSchema(r, o, '200');
    expect(refName(body.properties.roots.items)).toBe('LabelNode');
    const node = schemaOf(r, 'LabelNode');
    expect(node.properties.children.type).toBe('array');
    expect(refName(node.properties.children.items)).toBe('LabelNode');
    expect(refName(node.properties.parent)).toBe('LabelNode');
    expect(node.properties.properties).toMatchObject({ type: 'object', additionalProperties: { type: 'string' } });
    expect(node.properties.sample_count).toMatchObject({ type: 'integer', format: 'int64' });
  });

  it('keeps Long limits beyond 2^53 exact and integer defaults as numbers', () => {
    const offset = param(o, 'query', 'offset').schema;
    expect(offset).toMatchObject({ type: 'integer', format: 'int64', minimum: 0, default: 0 });
    expect(String(offset.maximum)).toBe('9223372036854775807');
    expect(toYaml(r.document)).toMatch(/maximum: 9223372036854775807\n/);
    expect(param(o, 'query', 'depth').schema).toMatchObject({ minimum: 1, maximum: 10, default: 3 });
    expect(param(o, 'query', 'with_count').schema).toMatchObject({ type: 'boolean', default: false });
  });

  it('reads Minimum/Maximum on `Array of strings` as item length limits', () => {
    expect(param(o, 'query', 'label_names').schema.items).toMatchObject({
      type: 'string',
      minLength: 1,
      maxLength: 64,
    });
  });

  it('gives the 404 its own body and example, and lists the example error code', () => {
    expect(Object.keys(o.responses).sort()).toEqual(['200', '401', '403', '404']);
    expect(Object.keys(responseSchema(r, o, '404').properties).sort()).toEqual(['error_code', 'error_msg']);
    const [ex] = Object.values(o.responses['404'].content['application/json'].examples) as Json[];
    expect(ex!.value.error_code).toBe('ModelArts.4352');
    expect(o['x-error-codes']).toEqual(['ModelArts.4352']);
    expect(o.requestBody).toBeUndefined();
  });
});

describe('older hand-written English page (ELB v2.0 listener)', () => {
  let r: ScrapeResult;
  let o: Json;
  beforeAll(async () => {
    r = await scrape([OLD_LISTENER], 'elb');
    o = op(r, 'PUT', '/v2.0/lbaas/listeners/{listener_id}');
  });

  it('reads the operation and derives a PascalCase operationId', () => {
    expect(o.summary).toBe('Updating a Listener');
    expect(o.operationId).toMatch(/^[A-Z][A-Za-z0-9]*$/);
    expect(param(o, 'path', 'listener_id')).toMatchObject({ required: true, schema: { type: 'string' } });
  });

  it('reads the swapped `Parameter | Type | Mandatory | Description` request table', () => {
    const body = requestSchema(r, o);
    expect(Object.keys(body.properties)).toEqual(['listener']);
    expect(body.required).toEqual(['listener']);
  });

  it('links `Object` fields to "see Table N" sub-tables and keeps rowspan cells aligned', () => {
    const listener = deref(r, requestSchema(r, o).properties.listener);
    expect(Object.keys(listener.properties).sort()).toEqual(
      [
        'connection_limit',
        'default_pool_id',
        'description',
        'http2_enable',
        'insert_headers',
        'name',
        'sni_container_refs',
      ].sort(),
    );
    expect(listener.required ?? []).toEqual([]);
    // `No` spans description and connection_limit; connection_limit's own cells are name, type, description.
    expect(listener.properties.connection_limit.type).toBe('integer');
    expect(listener.properties.connection_limit.description).toContain('maximum number of connections');
    expect(listener.properties.sni_container_refs.type).toBe('array');
    const headers = deref(r, listener.properties.insert_headers);
    expect(Object.keys(headers.properties).sort()).toEqual(['X-Forwarded-ELB-IP', 'X-Forwarded-Host']);
    expect(headers.properties['X-Forwarded-Host'].type).toBe('boolean');
  });

  it('reads the response through `listeners parameter description` and its Array sub-table', () => {
    const listener = deref(r, responseSchema(r, o, '200').properties.listener);
    expect(listener.properties.protocol_port.type).toBe('integer');
    expect(listener.properties.loadbalancers.type).toBe('array');
    expect(Object.keys(deref(r, listener.properties.loadbalancers.items).properties)).toEqual(['id']);
  });

  it('reads status codes, including a colspan description cell', () => {
    expect(Object.keys(o.responses).sort()).toEqual(['200', '400']);
    expect(o.responses['200'].description).toBe('Request succeeded.');
    expect(o.responses['400'].description).toBe(
      'Bad Request: the request body is malformed or a field value is out of range.',
    );
  });

  it('attaches examples written inside list items', () => {
    const [req] = Object.values(o.requestBody.content['application/json'].examples) as Json[];
    expect(req!.value.listener.name).toBe('listener-jy-test2');
    const [res] = Object.values(o.responses['200'].content['application/json'].examples) as Json[];
    expect(res!.value.listener.loadbalancers[0].id).toBe('0416b6f1-877f-4a51-987e-978b3f084253');
  });
});

describe('English error-code page', () => {
  let r: ScrapeResult;
  beforeAll(async () => {
    r = await scrape([ERROR_CODES], 'modelarts');
  });

  it('puts every row in root x-error-codes, sorted by code, status filled down from rowspan cells', () => {
    const codes = r.document['x-error-codes'] as Json[];
    expect(codes.map((c) => c.code)).toEqual([
      'ModelArts.0001',
      'ModelArts.0103',
      'ModelArts.0203',
      'ModelArts.0204',
      'ModelArts.4101',
      'ModelArts.4352',
      'ModelArts.4358',
      'ModelArts.4709',
    ]);
    const by = Object.fromEntries(codes.map((c) => [c.code, c]));
    expect(by['ModelArts.4101']).toMatchObject({
      status: '400',
      message: 'Dataset name already exists.',
      action: 'Use another name.',
    });
    expect(by['ModelArts.4709']).toMatchObject({ status: '400', action: '' });
    expect(by['ModelArts.4358'].status).toBe('500');
    expect(by['ModelArts.0203']).toMatchObject({ status: '401', description: 'The token is invalid or has expired.' });
    expect(by['ModelArts.4352'].action).toContain('Check whether the dataset ID is correct.');
    expect(by['ModelArts.4352'].action).toContain('Check whether the dataset has been deleted.');
    expect(by['ModelArts.0001']['x-source'].file).toBe(`test/fixtures/${ERROR_CODES}`);
    expect(Object.keys(r.document.paths)).toEqual([]);
  });
});

describe('all English fixtures together', () => {
  it('gives unique operationIds and resolvable $refs', async () => {
    const r = await scrape([UPDATE_LABEL, LABEL_TREE, CREATE_L7, LIST_L7, OLD_LISTENER, ERROR_CODES], 'mixed');
    const ids = Object.values(r.document.paths as Json).flatMap((item: Json) =>
      Object.values(item).map((o: Json) => o.operationId),
    );
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    const text = JSON.stringify(r.document, (_, v) => (typeof v === 'bigint' ? v.toString() : v));
    for (const m of text.matchAll(/"#\/components\/schemas\/([^"]+)"/g))
      expect(r.document.components.schemas).toHaveProperty([m[1]!]);
    expect((r.document['x-error-codes'] as Json[]).length).toBe(8);
  });
});
