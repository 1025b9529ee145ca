// The walk around the rules: operation matching, $ref resolution, cycles, recursion, direction and ordering.
import { describe, expect, it } from 'vitest';
import { comparableStatuses, diffDocuments } from '../../diff/engine.ts';
import { erasePlaceholders, lastLiteralSegment, mapPlaceholders, matchOperations } from '../../diff/operations.ts';
import { viewSchema } from '../../diff/resolve.ts';
import { int, obj, projectId, spec, str, withOperation, withRequest, withResponse } from './helpers.ts';

const body = { required: true, content: {} };
const ids = (hits: { id: string; location: string }[]) => hits.map((h) => `${h.id} @ ${h.location}`);

describe('operation matching', () => {
  it('erases placeholder names', () => {
    expect(erasePlaceholders('/v2/{project_id}/apigw/instances/{instance_id}/apis')).toBe(
      '/v2/{}/apigw/instances/{}/apis',
    );
  });

  it('a renamed placeholder is a rename, not an operation removed and another added', () => {
    const renamed = withOperation({ parameters: [{ ...projectId, name: 'pid' }] }, '/v1/{pid}/things');
    const { hits } = diffDocuments(withOperation({}), renamed);
    expect(ids(hits)).toEqual(['path-parameter-renamed @ parameter path.pid']);
  });

  it('pairs operations across documents and lists the rest as removed or added', () => {
    const a = spec({ '/a/{x}': { get: { responses: {} }, delete: { responses: {} } } });
    const b = spec({ '/a/{y}': { get: { responses: {} }, put: { responses: {} } } });
    const m = matchOperations(a, b);
    expect(m.pairs.map((p) => `${p.old.display} → ${p.new.display}`)).toEqual(['GET /a/{x} → GET /a/{y}']);
    expect(m.removed.map((o) => o.display)).toEqual(['DELETE /a/{x}']);
    expect(m.added.map((o) => o.display)).toEqual(['PUT /a/{y}']);
  });

  it('pairs an operation that moved to another path when its doc page and method match exactly one on each side', () => {
    const page = (file: string) => ({ 'x-source': { file } });
    const a = spec({
      '/v1.0/apis/{id}': { get: page('show.md'), put: page('update.md') },
      '/v1.0/envs': { get: page('envs.md') },
    });
    const b = spec({
      '/v2/{project_id}/apis/{api_id}': { get: page('show.md'), put: page('other.md') },
      '/v2/envs': { get: page('envs-v2.md') },
    });
    const m = matchOperations(a, b);
    expect(m.pairs.map((p) => `${p.old.display} → ${p.new.display}`)).toEqual([
      'GET /v1.0/apis/{id} → GET /v2/{project_id}/apis/{api_id}',
    ]);
    expect(m.removed.map((o) => o.display).sort()).toEqual(['GET /v1.0/envs', 'PUT /v1.0/apis/{id}']);
    expect(m.added.map((o) => o.display).sort()).toEqual(['GET /v2/envs', 'PUT /v2/{project_id}/apis/{api_id}']);
  });

  it('does not pair a repurposed page that now documents another resource', () => {
    expect(lastLiteralSegment('/v2/{p}/apigw/instances/{i}/sign-bindings/{id}')).toBe('sign-bindings');
    const page = { 'x-source': { file: '解除绑定.md' } };
    const m = matchOperations(
      spec({ '/v1.0/apigw/throttle-bindings/{id}': { delete: page } }),
      spec({ '/v2/{p}/apigw/instances/{i}/sign-bindings/{id}': { delete: page } }),
    );
    expect([m.pairs.length, m.removed.length, m.added.length]).toEqual([0, 1, 1]);
  });

  it('ignores header parameters that an apiKey security scheme (or OpenAPI itself) already defines', () => {
    const securitySchemes = { iamToken: { type: 'apiKey', in: 'header', name: 'X-Auth-Token' } };
    const old = spec(withOperation({}).paths as Record<string, unknown>, { components: { securitySchemes } });
    const headers = ['X-Auth-Token', 'Content-Type', 'X-Language'].map((name) => ({
      name,
      in: 'header',
      required: true,
      schema: str,
    }));
    const next = withOperation({ parameters: [projectId, ...headers] });
    expect(ids(diffDocuments(old, next).hits)).toEqual([
      'request-required-parameter-added @ parameter header.X-Language',
    ]);
  });

  it('maps placeholders by position for the same path shape, by preceding segment for a moved one', () => {
    expect([...mapPlaceholders('/v1/{a}/x/{b}', '/v1/{c}/x/{d}')]).toEqual([
      ['a', 'c'],
      ['b', 'd'],
    ]);
    expect([
      ...mapPlaceholders('/v1.0/apigw/apis/{id}', '/v2/{project_id}/apigw/instances/{instance_id}/apis/{api_id}'),
    ]).toEqual([['id', 'api_id']]);
  });

  it('a moved operation reports the move, renamed and new path parameters, not removal + addition', () => {
    const old = spec({
      '/v1.0/apis/{id}': {
        delete: {
          'x-source': { file: 'del.md' },
          parameters: [{ name: 'id', in: 'path', required: true, schema: str }],
          responses: { '204': { description: '' } },
        },
      },
    });
    const next = spec({
      '/v2/{project_id}/instances/{instance_id}/apis/{api_id}': {
        delete: {
          'x-source': { file: 'del.md' },
          parameters: ['project_id', 'instance_id', 'api_id'].map((name) => ({
            name,
            in: 'path',
            required: true,
            schema: str,
          })),
          responses: { '204': { description: '' } },
        },
      },
    });
    expect(ids(diffDocuments(old, next).hits)).toEqual([
      'operation-path-changed @ ',
      'path-parameter-renamed @ parameter path.api_id',
      'request-required-parameter-added @ parameter path.instance_id',
      'request-required-parameter-added @ parameter path.project_id',
    ]);
  });

  it('merges path-item parameters into each operation, the operation winning', () => {
    const old = spec({
      '/v1/{project_id}/things': {
        parameters: [projectId, { name: 'limit', in: 'query', schema: str }],
        get: { responses: {} },
      },
    });
    const next = spec({
      '/v1/{project_id}/things': {
        parameters: [projectId, { name: 'limit', in: 'query', schema: str }],
        get: { parameters: [{ name: 'limit', in: 'query', required: true, schema: str }], responses: {} },
      },
    });
    expect(ids(diffDocuments(old, next).hits)).toEqual(['request-parameter-became-required @ parameter query.limit']);
  });

  it('header parameters match case-insensitively', () => {
    const old = withOperation({ parameters: [projectId, { name: 'X-Language', in: 'header', schema: str }] });
    const next = withOperation({ parameters: [projectId, { name: 'x-language', in: 'header', schema: str }] });
    expect(diffDocuments(old, next).hits).toEqual([]);
  });
});

describe('schemas', () => {
  it('resolves $ref and compares the target, reporting under the using operation', () => {
    const components = (thing: object) => ({ components: { schemas: { Thing: thing } } });
    const old = withResponse({ $ref: '#/components/schemas/Thing' }, components(obj({ id: str, size: int })));
    const next = withResponse({ $ref: '#/components/schemas/Thing' }, components(obj({ id: str })));
    expect(ids(diffDocuments(old, next).hits)).toEqual(['response-property-removed @ response[200].body.size']);
  });

  it('an inline schema and an equal named one are the same', () => {
    const old = withResponse(obj({ id: str }));
    const next = withResponse(
      { $ref: '#/components/schemas/Thing' },
      { components: { schemas: { Thing: obj({ id: str }) } } },
    );
    expect(diffDocuments(old, next).hits).toEqual([]);
  });

  it('stops on recursive schemas and still reports changes inside them', () => {
    const tree = (extra: object) => ({
      components: {
        schemas: {
          Node: obj({ name: str, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } }, ...extra }),
        },
      },
    });
    const old = withResponse({ $ref: '#/components/schemas/Node' }, tree({}));
    const next = withResponse({ $ref: '#/components/schemas/Node' }, tree({ size: int }));
    expect(ids(diffDocuments(old, next).hits)).toEqual(['response-property-added @ response[200].body.size']);
  });

  it('survives a $ref cycle with no object in it', () => {
    const loop = {
      components: { schemas: { A: { $ref: '#/components/schemas/B' }, B: { $ref: '#/components/schemas/A' } } },
    };
    const doc = withResponse({ $ref: '#/components/schemas/A' }, loop);
    expect(diffDocuments(doc, structuredClone(doc)).hits).toEqual([]);
  });

  it('recurses into array items and map values', () => {
    const old = withResponse(
      obj({ list: { type: 'array', items: obj({ a: str }) }, tags: { type: 'object', additionalProperties: str } }),
    );
    const next = withResponse(
      obj({ list: { type: 'array', items: obj({ a: int }) }, tags: { type: 'object', additionalProperties: int } }),
    );
    expect(ids(diffDocuments(old, next).hits)).toEqual([
      'response-type-changed @ response[200].body.list[].a',
      'response-type-changed @ response[200].body.tags{}',
    ]);
  });

  it('flattens allOf', () => {
    const v = viewSchema(
      { components: { schemas: { Base: obj({ id: str }, ['id']) } } },
      { allOf: [{ $ref: '#/components/schemas/Base' }, obj({ name: str })] },
    );
    expect(Object.keys(v.properties).sort()).toEqual(['id', 'name']);
    expect(v.required).toEqual(['id']);
    expect(v.types).toEqual(['object']);
  });

  it('properties named like Object.prototype members are ordinary properties', () => {
    const { hits } = diffDocuments(
      withResponse(obj({ id: str })),
      withResponse(obj({ id: str, constructor: str, toString: int })),
    );
    expect(ids(hits)).toEqual([
      'response-property-added @ response[200].body.constructor',
      'response-property-added @ response[200].body.toString',
    ]);
    expect(
      ids(diffDocuments(withResponse(obj({ constructor: str })), withResponse(obj({ constructor: int }))).hits),
    ).toEqual(['response-type-changed @ response[200].body.constructor']);
  });

  it('an enum listing both booleans is no restriction', () => {
    const flag = (extra: object) => withRequest(obj({ cors: { type: 'boolean', ...extra } }));
    expect(diffDocuments(flag({}), flag({ enum: [true, false] })).hits).toEqual([]);
    expect(ids(diffDocuments(flag({}), flag({ enum: [true] })).hits)).toEqual([
      'request-enum-added @ request.body.cors',
    ]);
  });

  it('treats nullable: true and type [x, null] alike', () => {
    expect(
      diffDocuments(
        withResponse(obj({ a: { type: 'string', nullable: true } })),
        withResponse(obj({ a: { type: ['null', 'string'] } })),
      ).hits,
    ).toEqual([]);
  });

  it('reports a type change once, not as every property removed', () => {
    const { hits } = diffDocuments(withResponse(obj({ a: obj({ x: str, y: str }) })), withResponse(obj({ a: str })));
    expect(ids(hits)).toEqual(['response-type-changed @ response[200].body.a']);
  });

  it('walks parameter schemas as request data', () => {
    const param = (schema: object) =>
      withOperation({ parameters: [projectId, { name: 'limit', in: 'query', schema }] });
    const { hits } = diffDocuments(param({ type: 'integer', maximum: 500 }), param({ type: 'integer', maximum: 100 }));
    expect(hits).toMatchObject([
      { id: 'request-maximum-tightened', level: 'breaking', location: 'parameter query.limit' },
    ]);
  });
});

describe('responses', () => {
  it('compares the success body across a status change (201 → 200) and reports the change itself once', () => {
    const old = withOperation({
      responses: {
        '201': { description: '', content: { 'application/json': { schema: obj({ id: str, name: str }) } } },
      },
    });
    const next = withOperation({
      responses: { '200': { description: '', content: { 'application/json': { schema: obj({ id: str }) } } } },
    });
    expect(ids(diffDocuments(old, next).hits)).toEqual([
      'response-status-added @ response[200]',
      'response-property-removed @ response[200].body.name',
      'response-success-status-removed @ response[201]',
    ]);
  });

  it('does not guess when several success statuses changed', () => {
    expect(comparableStatuses({ oldResponses: { '200': body, '201': body }, newResponses: { '202': body } })).toEqual(
      [],
    );
    expect(
      comparableStatuses({ oldResponses: { '200': body, '400': body }, newResponses: { '200': body, '404': body } }),
    ).toEqual([['200', '200']]);
  });
});

describe('direction', () => {
  it('the same change breaks a request and not a response, and the other way round', () => {
    const before = obj({ mode: { type: 'string', enum: ['A', 'B'] }, note: str });
    const after = obj({ mode: { type: 'string', enum: ['A'] } });
    const request = diffDocuments(withRequest(before), withRequest(after)).hits.map((h) => [h.id, h.level]);
    const response = diffDocuments(withResponse(before), withResponse(after)).hits.map((h) => [h.id, h.level]);
    expect(request).toEqual([
      ['request-enum-value-removed', 'breaking'],
      ['request-property-removed', 'warning'],
    ]);
    expect(response).toEqual([
      ['response-enum-value-removed', 'info'],
      ['response-property-removed', 'breaking'],
    ]);
  });
});

describe('report', () => {
  it('sorts by operation, then location, then rule id, and counts levels', () => {
    const old = spec({
      '/b': {
        get: {
          operationId: 'B',
          responses: {
            '200': { description: '', content: { 'application/json': { schema: obj({ z: str, a: str }) } } },
          },
        },
      },
      '/a': { get: { operationId: 'A', responses: {} } },
    });
    const next = spec({
      '/b': {
        get: {
          operationId: 'B2',
          responses: { '200': { description: '', content: { 'application/json': { schema: obj({}) } } } },
        },
      },
    });
    const report = diffDocuments(old, next);
    expect(report.hits.map((h) => `${h.operation} | ${h.location} | ${h.id}`)).toEqual([
      'GET /a |  | operation-removed',
      'GET /b | method client.b | ts-method-renamed', // the generated client's method follows the operationId
      'GET /b | operationId | operation-id-changed',
      'GET /b | response[200].body.a | response-property-removed',
      'GET /b | response[200].body.z | response-property-removed',
      'GET /b | types B* | ts-operation-types-renamed',
    ]);
    expect(report.summary).toEqual({ breaking: 6, warning: 0, info: 0 });
  });

  it('records the doc page of operations that changed', () => {
    const old = withOperation({ 'x-source': { file: 'apig/修改API.md' } });
    const next = withOperation({ 'x-source': { file: 'apig/修改API.md' }, operationId: 'X' });
    expect(diffDocuments(old, next).sources).toEqual({ 'GET /v1/{project_id}/things': 'apig/修改API.md' });
    expect(diffDocuments(old, old).sources).toEqual({});
  });
});
