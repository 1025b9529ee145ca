// A generated client (apig-mini fixture) against a real node:http server on 127.0.0.1: typed arguments become the
// right method, path, query, headers and body on the wire; errors become HuaweiCloudApiError with enum codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScriptedServer, type ReceivedRequest, type ScriptedServer } from '../runtime/server.ts';
import { fixture, generateFixture, importGenerated } from './helpers.ts';

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

let server: ScriptedServer;
let baseUrl: string;
let seen: ReceivedRequest[];
let nextReply: Reply = { status: 200, body: {} };
// The generated package is imported at run time; its types are checked by the tsc tests.
let pkg: Record<string, any>;

beforeAll(async () => {
  const result = await generateFixture(fixture('apig-mini.openapi.yaml'), 'client-apig');
  pkg = await importGenerated(result.outDir, 'index.ts');
  server = await startScriptedServer();
  server.script((_req, res) => {
    const reply = nextReply;
    const headers: Record<string, string> = { 'x-request-id': 'req-0001' };
    for (const [name, value] of Object.entries(reply.headers ?? {})) headers[name.toLowerCase()] = value;
    if (reply.body !== undefined) headers['content-type'] = 'application/json';
    res.writeHead(reply.status, headers);
    res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
  });
  ({ baseUrl, received: seen } = server);
}, 60_000);

afterAll(() => server.close());

function client(extra: object = {}) {
  return pkg.createApigClient({
    region: 'cn-north-4',
    endpoint: baseUrl,
    allowInsecureEndpoint: true,
    projectId: 'proj-1',
    credentials: { type: 'token', token: 'tok-123' },
    retries: 0,
    ...extra,
  });
}

function lastSeen(): ReceivedRequest {
  return seen[seen.length - 1];
}

const throttle = {
  id: 'th-1',
  name: 'throttle_demo',
  api_call_limits: 100,
  time_interval: 1,
  time_unit: 'SECOND',
  remark: null,
};

describe('generated APIG client over HTTP', () => {
  it('POST with path parameters (project_id from options) and a JSON body; resolves to the typed body', async () => {
    nextReply = { status: 201, body: throttle };
    const body = { name: 'throttle_demo', api_call_limits: 100, time_interval: 1, time_unit: 'SECOND', type: 1 };
    const result = await client().createRequestThrottlingPolicyV2({ path: { instance_id: 'inst-1' }, body });
    expect(result).toEqual(throttle);
    expect(lastSeen().method).toBe('POST');
    expect(lastSeen().url).toBe('/v2/proj-1/apigw/instances/inst-1/throttles');
    expect(JSON.parse(lastSeen().body)).toEqual(body);
    expect(lastSeen().headers['x-auth-token']).toBe('tok-123');
    expect(lastSeen().headers['content-type']).toBe('application/json');
  });

  it('GET with query parameters', async () => {
    nextReply = { status: 200, body: { size: 1, total: 1, throttles: [throttle] } };
    const page = await client().listRequestThrottlingPolicyV2({
      path: { instance_id: 'inst-1' },
      query: { limit: 10, offset: 0, name: 'a b' },
    });
    expect(page.throttles[0].id).toBe('th-1');
    expect(lastSeen().method).toBe('GET');
    const url = new URL(lastSeen().url, baseUrl);
    expect(url.pathname).toBe('/v2/proj-1/apigw/instances/inst-1/throttles');
    expect(Object.fromEntries(url.searchParams)).toEqual({ limit: '10', offset: '0', name: 'a b' });
    expect(lastSeen().body).toBe('');
  });

  it('PUT …WithResponse gives status, lower-case headers and the request id', async () => {
    nextReply = { status: 200, body: throttle, headers: { 'X-Request-Id': 'rid-42' } };
    const response = await client().updateRequestThrottlingPolicyV2WithResponse({
      path: { instance_id: 'inst-1', throttle_id: 'th/1' },
      body: { name: 'renamed', api_call_limits: 5, time_interval: 2, time_unit: 'MINUTE' },
    });
    expect(response.status).toBe(200);
    expect(response.requestId).toBe('rid-42');
    expect(response.body.name).toBe('throttle_demo');
    expect(lastSeen().method).toBe('PUT');
    expect(lastSeen().url).toBe('/v2/proj-1/apigw/instances/inst-1/throttles/th%2F1'); // path values are encoded
  });

  it('DELETE with 204 resolves to undefined', async () => {
    nextReply = { status: 204 };
    await expect(
      client().deleteRequestThrottlingPolicyV2({ path: { instance_id: 'i', throttle_id: 't' } }),
    ).resolves.toBeUndefined();
    expect(lastSeen().method).toBe('DELETE');
    expect(lastSeen().url).toBe('/v2/proj-1/apigw/instances/i/throttles/t');
  });

  it('header parameters are sent under their wire names', async () => {
    nextReply = {
      status: 201,
      body: {
        id: 'g',
        name: 'grp',
        status: 1,
        sl_domain: 'x',
        register_time: 't',
        update_time: 't',
        on_sell_status: 1,
      },
    };
    await client().createApiGroupV2({
      path: { instance_id: 'i' },
      headers: { 'X-Language': 'en-us' },
      body: { name: 'grp', tags: { env: 'prod' } },
    });
    expect(lastSeen().headers['x-language']).toBe('en-us');
    expect(JSON.parse(lastSeen().body)).toEqual({ name: 'grp', tags: { env: 'prod' } });
  });

  it('an error response rejects with HuaweiCloudApiError carrying a known enum code', async () => {
    nextReply = {
      status: 404,
      body: { error_code: 'APIG.3005', error_msg: 'The request throttling policy does not exist' },
    };
    const error = await client()
      .deleteRequestThrottlingPolicyV2({ path: { instance_id: 'i', throttle_id: 'gone' } })
      .catch((err: unknown) => err);
    expect(error).toBeInstanceOf(pkg.HuaweiCloudApiError);
    expect(error.status).toBe(404);
    expect(error.errorCode).toBe(pkg.ApigErrorCode.APIG_3005);
    expect(pkg.isKnownErrorCode(error.errorCode)).toBe(true);
    expect(pkg.errorCatalog[error.errorCode].description).toBe('流控策略不存在');
    expect(error.requestId).toBe('req-0001');
  });

  it('unknown codes are not known error codes', () => {
    expect(pkg.isKnownErrorCode('APIG.9999')).toBe(false);
    expect(pkg.isKnownErrorCode(42)).toBe(false);
  });

  it('invalid arguments are rejected before anything is sent (generated request validator)', async () => {
    const before = seen.length;
    const error = await client()
      .createRequestThrottlingPolicyV2({
        path: { instance_id: 'i' },
        body: { name: 'x', api_call_limits: 0, time_interval: 1, time_unit: 'WEEK' },
      })
      .catch((err: unknown) => err);
    expect(error).toBeInstanceOf(pkg.RequestValidationError);
    expect(error.issues.map((i: { path: string; keyword: string }) => `${i.path} ${i.keyword}`)).toEqual([
      '/body/name minLength',
      '/body/api_call_limits minimum',
      '/body/time_unit enum',
    ]);
    expect(seen.length).toBe(before);
  });

  it("validate: 'all' checks the response body with the generated response validator", async () => {
    nextReply = { status: 200, body: { throttles: [{ id: 'only-id' }] } };
    const error = await client({ validate: 'all' })
      .listRequestThrottlingPolicyV2({ path: { instance_id: 'i' } })
      .catch((err: unknown) => err);
    expect(error).toBeInstanceOf(pkg.ResponseValidationError);
    expect(error.issues[0]).toMatchObject({ path: '/throttles/0', keyword: 'required' });
  });
});
