// One case per rule of the table: a minimal old/new pair that must fire exactly that rule at that place, with the
// level the table promises. A final test fails when a rule is added to the table without a case here.
import { describe, expect, it } from 'vitest';
import { diffDocuments } from '../../diff/engine.ts';
import { BOUND_KEYWORDS } from '../../diff/resolve.ts';
import { boundChange, RULES } from '../../diff/rules.ts';
import type { Level, OpenApiDoc } from '../../diff/types.ts';
import { int, obj, projectId, spec, str, withOperation, withRequest, withResponse, type Schema } from './helpers.ts';

interface Case {
  id: string;
  level: Level;
  old: OpenApiDoc;
  new: OpenApiDoc;
  operation: string;
  location: string;
  /** A fragment the message must contain: the hit must say what changed, not only that something did. */
  says: string;
}

const POST = 'POST /v1/{project_id}/things';
const GET = 'GET /v1/{project_id}/things';

/** A schema change that rules fire on in both directions; `at` is the property path under the body. */
interface SchemaChange {
  old: Schema;
  new: Schema;
  at: string;
  says: string;
  levels: Record<'request' | 'response', Level>;
}

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const schemaChanges: Record<string, SchemaChange> = {
  'property-removed': {
    old: obj({ a: str, b: str }),
    new: obj({ a: str }),
    at: '.b',
    says: "'b' removed",
    levels: { request: 'warning', response: 'breaking' },
  },
  'property-became-required': {
    old: obj({ a: str }),
    new: obj({ a: str }, ['a']),
    at: '.a',
    says: 'became required',
    levels: { request: 'breaking', response: 'info' },
  },
  'property-became-optional': {
    old: obj({ a: str }, ['a']),
    new: obj({ a: str }),
    at: '.a',
    says: 'became optional',
    levels: { request: 'info', response: 'breaking' },
  },
  'type-changed': {
    old: obj({ a: str }),
    new: obj({ a: int }),
    at: '.a',
    says: 'string to integer',
    levels: { request: 'breaking', response: 'breaking' },
  },
  'format-changed': {
    old: obj({ a: int }),
    new: obj({ a: { type: 'integer', format: 'int64' } }),
    at: '.a',
    says: 'int32 to int64',
    levels: { request: 'warning', response: 'warning' },
  },
  'became-nullable': {
    old: obj({ a: str }),
    new: obj({ a: { type: ['string', 'null'] } }),
    at: '.a',
    says: 'became nullable',
    levels: { request: 'info', response: 'breaking' },
  },
  'became-not-nullable': {
    old: obj({ a: { type: 'string', nullable: true } }),
    new: obj({ a: str }),
    at: '.a',
    says: 'not nullable',
    levels: { request: 'breaking', response: 'info' },
  },
  'enum-value-added': {
    old: obj({ a: { type: 'string', enum: ['X'] } }),
    new: obj({ a: { type: 'string', enum: ['X', 'Y'] } }),
    at: '.a',
    says: '"Y" added',
    levels: { request: 'info', response: 'warning' },
  },
  'enum-value-removed': {
    old: obj({ a: { type: 'string', enum: ['X', 'Y'] } }),
    new: obj({ a: { type: 'string', enum: ['X'] } }),
    at: '.a',
    says: '"Y" removed',
    levels: { request: 'breaking', response: 'info' },
  },
  'enum-added': {
    old: obj({ a: str }),
    new: obj({ a: { type: 'string', enum: ['X'] } }),
    at: '.a',
    says: 'restricted to enum ["X"]',
    levels: { request: 'breaking', response: 'info' },
  },
  'enum-removed': {
    old: obj({ a: { type: 'string', enum: ['X'] } }),
    new: obj({ a: str }),
    at: '.a',
    says: 'no longer enforced',
    levels: { request: 'info', response: 'warning' },
  },
  'pattern-changed': {
    old: obj({ a: { type: 'string', pattern: '^[a-z]+$' } }),
    new: obj({ a: { type: 'string', pattern: '^[a-z0-9]+$' } }),
    at: '.a',
    says: '^[a-z0-9]+$',
    levels: { request: 'warning', response: 'info' },
  },
  'default-changed': {
    old: obj({ a: { type: 'integer', default: 10 } }),
    new: obj({ a: { type: 'integer', default: 20 } }),
    at: '.a',
    says: 'from 10 to 20',
    levels: { request: 'warning', response: 'info' },
  },
};

// Bounds: a lower bound tightens by growing, an upper bound by shrinking.
for (const { keyword, kind } of BOUND_KEYWORDS) {
  const loose = { type: 'integer', [keyword]: 10 };
  const tight = { type: 'integer', [keyword]: kind === 'lower' ? 11 : 9 };
  schemaChanges[`${kebab(keyword)}-tightened`] = {
    old: obj({ a: loose }),
    new: obj({ a: tight }),
    at: '.a',
    says: `${keyword} tightened from 10 to ${tight[keyword]}`,
    levels: { request: 'breaking', response: 'info' },
  };
  schemaChanges[`${kebab(keyword)}-loosened`] = {
    old: obj({ a: tight }),
    new: obj({ a: loose }),
    at: '.a',
    says: `${keyword} loosened`,
    levels: { request: 'info', response: 'warning' },
  };
}

const schemaCases: Case[] = Object.entries(schemaChanges).flatMap(([name, c]) => [
  {
    id: `request-${name}`,
    level: c.levels.request,
    old: withRequest(c.old),
    new: withRequest(c.new),
    operation: POST,
    location: `request.body${c.at}`,
    says: c.says,
  },
  {
    id: `response-${name}`,
    level: c.levels.response,
    old: withResponse(c.old),
    new: withResponse(c.new),
    operation: GET,
    location: `response[200].body${c.at}`,
    says: c.says,
  },
]);

const query = (name: string, required = false, schema: Schema = str) => ({ name, in: 'query', required, schema });
const json = (schema: Schema) => ({ 'application/json': { schema } });

const otherCases: Case[] = [
  // properties added: level depends on direction and, in requests, on whether callers must now send it
  {
    id: 'request-required-property-added',
    level: 'breaking',
    old: withRequest(obj({ a: str })),
    new: withRequest(obj({ a: str, b: str }, ['b'])),
    operation: POST,
    location: 'request.body.b',
    says: "required property 'b'",
  },
  {
    id: 'request-optional-property-added',
    level: 'info',
    old: withRequest(obj({ a: str })),
    new: withRequest(obj({ a: str, b: str })),
    operation: POST,
    location: 'request.body.b',
    says: "optional property 'b'",
  },
  {
    id: 'response-property-added',
    level: 'info',
    old: withResponse(obj({ a: str })),
    new: withResponse(obj({ a: str, b: str })),
    operation: GET,
    location: 'response[200].body.b',
    says: "property 'b' added",
  },
  // operations
  {
    id: 'operation-added',
    level: 'info',
    old: withOperation({}),
    new: spec({
      ...(withOperation({}).paths as object),
      '/v1/x': { delete: { responses: { '204': { description: '' } } } },
    }),
    operation: 'DELETE /v1/x',
    location: '',
    says: 'added',
  },
  {
    id: 'operation-removed',
    level: 'breaking',
    old: spec({
      ...(withOperation({}).paths as object),
      '/v1/x': { delete: { responses: { '204': { description: '' } } } },
    }),
    new: withOperation({}),
    operation: 'DELETE /v1/x',
    location: '',
    says: 'removed',
  },
  {
    id: 'operation-id-changed',
    level: 'breaking',
    old: withOperation({}),
    new: withOperation({ operationId: 'ListThingsV2' }),
    operation: GET,
    location: 'operationId',
    says: '"ListThings" to "ListThingsV2"',
  },
  {
    id: 'operation-path-changed',
    level: 'breaking',
    old: withOperation({ 'x-source': { file: 'a.md' } }, '/v1/things/{id}'),
    new: withOperation({ 'x-source': { file: 'a.md' } }, '/v2/{project_id}/things/{thing_id}'),
    operation: 'GET /v2/{project_id}/things/{thing_id}',
    location: '',
    says: 'from /v1/things/{id} to /v2/{project_id}/things/{thing_id}',
  },
  {
    id: 'operation-deprecated',
    level: 'warning',
    old: withOperation({}),
    new: withOperation({ deprecated: true }),
    operation: GET,
    location: '',
    says: 'deprecated',
  },
  // parameters
  {
    id: 'path-parameter-renamed',
    level: 'warning',
    old: withOperation({}),
    new: withOperation({ parameters: [{ ...projectId, name: 'pid' }] }, '/v1/{pid}/things'),
    operation: 'GET /v1/{pid}/things',
    location: 'parameter path.pid',
    says: "'project_id' to 'pid'",
  },
  {
    id: 'request-required-parameter-added',
    level: 'breaking',
    old: withOperation({}),
    new: withOperation({ parameters: [projectId, query('limit', true)] }),
    operation: GET,
    location: 'parameter query.limit',
    says: "required parameter 'limit'",
  },
  {
    id: 'request-optional-parameter-added',
    level: 'info',
    old: withOperation({}),
    new: withOperation({ parameters: [projectId, query('limit')] }),
    operation: GET,
    location: 'parameter query.limit',
    says: "optional parameter 'limit'",
  },
  {
    id: 'request-parameter-removed',
    level: 'warning',
    old: withOperation({ parameters: [projectId, query('limit')] }),
    new: withOperation({}),
    operation: GET,
    location: 'parameter query.limit',
    says: "'limit' removed",
  },
  {
    id: 'request-parameter-became-required',
    level: 'breaking',
    old: withOperation({ parameters: [projectId, query('limit')] }),
    new: withOperation({ parameters: [projectId, query('limit', true)] }),
    operation: GET,
    location: 'parameter query.limit',
    says: 'became required',
  },
  {
    id: 'request-parameter-became-optional',
    level: 'info',
    old: withOperation({ parameters: [projectId, query('limit', true)] }),
    new: withOperation({ parameters: [projectId, query('limit')] }),
    operation: GET,
    location: 'parameter query.limit',
    says: 'became optional',
  },
  {
    id: 'request-parameter-location-changed',
    level: 'breaking',
    old: withOperation({ parameters: [projectId, query('limit')] }),
    new: withOperation({ parameters: [projectId, { name: 'limit', in: 'header', schema: str }] }),
    operation: GET,
    location: 'parameter header.limit',
    says: 'from query to header',
  },
  {
    id: 'request-parameter-deprecated',
    level: 'warning',
    old: withOperation({ parameters: [projectId, query('limit')] }),
    new: withOperation({ parameters: [projectId, { ...query('limit'), deprecated: true }] }),
    operation: GET,
    location: 'parameter query.limit',
    says: 'deprecated',
  },
  // request bodies and media types
  {
    id: 'request-required-body-added',
    level: 'breaking',
    old: withOperation({}),
    new: withOperation({ requestBody: { required: true, content: json(obj({ a: str })) } }),
    operation: GET,
    location: 'request.body',
    says: 'required request body',
  },
  {
    id: 'request-optional-body-added',
    level: 'info',
    old: withOperation({}),
    new: withOperation({ requestBody: { content: json(obj({ a: str })) } }),
    operation: GET,
    location: 'request.body',
    says: 'optional request body',
  },
  {
    id: 'request-body-removed',
    level: 'warning',
    old: withOperation({ requestBody: { content: json(obj({ a: str })) } }),
    new: withOperation({}),
    operation: GET,
    location: 'request.body',
    says: 'removed',
  },
  {
    id: 'request-body-became-required',
    level: 'breaking',
    old: withOperation({ requestBody: { content: json(str) } }),
    new: withOperation({ requestBody: { required: true, content: json(str) } }),
    operation: GET,
    location: 'request.body',
    says: 'became required',
  },
  {
    id: 'request-body-became-optional',
    level: 'info',
    old: withOperation({ requestBody: { required: true, content: json(str) } }),
    new: withOperation({ requestBody: { content: json(str) } }),
    operation: GET,
    location: 'request.body',
    says: 'became optional',
  },
  {
    id: 'request-media-type-added',
    level: 'info',
    old: withOperation({ requestBody: { content: json(str) } }),
    new: withOperation({ requestBody: { content: { ...json(str), 'text/plain': { schema: str } } } }),
    operation: GET,
    location: 'request.body[text/plain]',
    says: 'text/plain added',
  },
  {
    id: 'request-media-type-removed',
    level: 'breaking',
    old: withOperation({ requestBody: { content: { ...json(str), 'text/plain': { schema: str } } } }),
    new: withOperation({ requestBody: { content: json(str) } }),
    operation: GET,
    location: 'request.body[text/plain]',
    says: 'text/plain removed',
  },
  // responses
  {
    id: 'response-status-added',
    level: 'info',
    old: withOperation({}),
    new: withOperation({
      responses: { '200': { description: 'ok', content: json(obj({ id: str })) }, '404': { description: 'nf' } },
    }),
    operation: GET,
    location: 'response[404]',
    says: '404 added',
  },
  {
    id: 'response-success-status-removed',
    level: 'breaking',
    old: withOperation({}),
    new: withOperation({ responses: { '202': { description: 'accepted' } } }),
    operation: GET,
    location: 'response[200]',
    says: '200 removed',
  },
  {
    id: 'response-error-status-removed',
    level: 'warning',
    old: withOperation({ responses: { '200': { description: 'ok' }, '400': { description: 'bad' } } }),
    new: withOperation({ responses: { '200': { description: 'ok' } } }),
    operation: GET,
    location: 'response[400]',
    says: '400 removed',
  },
  {
    id: 'response-body-added',
    level: 'info',
    old: withOperation({ responses: { '200': { description: 'ok' } } }),
    new: withOperation({}),
    operation: GET,
    location: 'response[200].body',
    says: 'application/json',
  },
  {
    id: 'response-error-bodies-added',
    level: 'info',
    old: withOperation({
      responses: { '200': { description: 'ok' }, '400': { description: 'bad' }, '404': { description: 'nf' } },
    }),
    new: withOperation({
      responses: {
        '200': { description: 'ok' },
        '400': { description: 'bad', content: json(obj({ error_code: str })) },
        '404': { description: 'nf', content: json(obj({ error_code: str })) },
      },
    }),
    operation: GET,
    location: 'responses',
    says: 'error bodies documented for 400, 404',
  },
  {
    id: 'response-success-body-removed',
    level: 'breaking',
    old: withOperation({}),
    new: withOperation({ responses: { '200': { description: 'ok' } } }),
    operation: GET,
    location: 'response[200].body',
    says: 'body removed',
  },
  {
    id: 'response-error-body-removed',
    level: 'warning',
    old: withOperation({
      responses: {
        '200': { description: 'ok' },
        '400': { description: 'bad', content: json(obj({ error_code: str })) },
      },
    }),
    new: withOperation({ responses: { '200': { description: 'ok' }, '400': { description: 'bad' } } }),
    operation: GET,
    location: 'response[400].body',
    says: 'body removed',
  },
  {
    id: 'response-media-type-added',
    level: 'info',
    old: withOperation({}),
    new: withOperation({
      responses: { '200': { description: 'ok', content: { ...json(obj({ id: str })), 'application/xml': {} } } },
    }),
    operation: GET,
    location: 'response[200].body[application/xml]',
    says: 'application/xml added',
  },
  {
    id: 'response-media-type-removed',
    level: 'breaking',
    old: withOperation({}),
    new: withOperation({ responses: { '200': { description: 'ok', content: { 'application/octet-stream': {} } } } }),
    operation: GET,
    location: 'response[200].body',
    says: 'application/json removed',
  },
  // error codes: per operation and in the root catalogue
  {
    id: 'response-error-code-added',
    level: 'warning',
    old: withOperation({ 'x-error-codes': ['APIG.2001'] }),
    new: withOperation({ 'x-error-codes': ['APIG.2001', 'APIG.3002'] }),
    operation: GET,
    location: 'error-code APIG.3002',
    says: 'APIG.3002 added',
  },
  {
    id: 'response-error-codes-documented',
    level: 'info',
    old: withOperation({}),
    new: withOperation({ 'x-error-codes': ['APIG.3002', 'APIG.2001'] }),
    operation: GET,
    location: 'error-codes',
    says: 'APIG.2001, APIG.3002',
  },
  {
    id: 'response-error-codes-undocumented',
    level: 'info',
    old: withOperation({ 'x-error-codes': ['APIG.2001'] }),
    new: withOperation({}),
    operation: GET,
    location: 'error-codes',
    says: 'were APIG.2001',
  },
  {
    id: 'response-error-code-removed',
    level: 'info',
    old: withOperation({ 'x-error-codes': ['APIG.2001', 'APIG.3002'] }),
    new: withOperation({ 'x-error-codes': ['APIG.2001'] }),
    operation: GET,
    location: 'error-code APIG.3002',
    says: 'APIG.3002 removed',
  },
  {
    id: 'error-catalog-code-added',
    level: 'info',
    old: spec({}, { 'x-error-codes': [{ code: 'APIG.2001', status: '400' }] }),
    new: spec(
      {},
      {
        'x-error-codes': [
          { code: 'APIG.2001', status: '400' },
          { code: 'APIG.2002', status: '400' },
        ],
      },
    ),
    operation: '',
    location: 'error-code APIG.2002',
    says: 'added to the catalogue',
  },
  {
    id: 'error-catalog-code-removed',
    level: 'warning',
    old: spec(
      {},
      {
        'x-error-codes': [
          { code: 'APIG.2001', status: '400' },
          { code: 'APIG.2002', status: '400' },
        ],
      },
    ),
    new: spec({}, { 'x-error-codes': [{ code: 'APIG.2001', status: '400' }] }),
    operation: '',
    location: 'error-code APIG.2002',
    says: 'removed from the catalogue',
  },
  {
    id: 'error-catalog-status-changed',
    level: 'warning',
    old: spec({}, { 'x-error-codes': [{ code: 'APIG.2001', status: '400' }] }),
    new: spec({}, { 'x-error-codes': [{ code: 'APIG.2001', status: '404' }] }),
    operation: '',
    location: 'error-code APIG.2001',
    says: 'from 400 to 404',
  },
];

const cases = [...schemaCases, ...otherCases];

describe('every rule fires on its minimal change', () => {
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const { hits } = diffDocuments(c.old, c.new);
    const hit = hits.find((h) => h.id === c.id);
    expect(hit, `hits were: ${JSON.stringify(hits, null, 1)}`).toBeDefined();
    expect(hit).toMatchObject({ level: c.level, operation: c.operation, location: c.location });
    expect(hit!.message).toContain(c.says);
    // Neither side compared with itself fires anything (a rule that fires on everything proves nothing) ...
    expect(diffDocuments(c.old, structuredClone(c.old)).hits).toEqual([]);
    expect(diffDocuments(c.new, structuredClone(c.new)).hits).toEqual([]);
    // ... and a one-way rule (added, removed, tightened, became-…) does not fire on the reverse change.
    const reverse = diffDocuments(c.new, c.old).hits.filter((h) => h.id === c.id);
    if (c.id.endsWith('-changed')) expect(reverse).toHaveLength(1);
    else expect(reverse.filter((h) => h.location === c.location)).toEqual([]);
  });

  it('has a case for every rule in the table, and no case for a rule that does not exist', () => {
    const tested = new Set(cases.map((c) => c.id));
    expect(RULES.map((r) => r.id).filter((id) => !tested.has(id))).toEqual([]);
    expect([...tested].filter((id) => !RULES.some((r) => r.id === id))).toEqual([]);
  });

  it('rule ids are unique', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });
});

describe('boundChange', () => {
  it.each([
    ['lower', 1, 2, 'tightened'],
    ['lower', 2, 1, 'loosened'],
    ['upper', 2, 1, 'tightened'],
    ['upper', 1, 2, 'loosened'],
    ['upper', undefined, 5, 'tightened'],
    ['lower', 5, undefined, 'loosened'],
    ['lower', 5, 5, undefined],
  ] as const)('%s bound %s → %s is %s', (kind, before, after, expected) => {
    expect(boundChange(kind, before, after)).toBe(expected);
  });
});
