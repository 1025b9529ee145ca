// The runtime client against a real node:http server on 127.0.0.1 that verifies AK/SK signatures with its own
// implementation (test/runtime/server.ts) and scripts the responses.
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HuaweiCloudApiError,
  NetworkError,
  RequestValidationError,
  ResponseParseError,
  ResponseValidationError,
  TimeoutError,
  createClient,
  type AdvancedClientOptions,
  type OperationSpec,
} from '../../generator/runtime/index.ts';
import { reply, resetConnection, stall, stallMidBody, startScriptedServer, type ScriptedServer } from './server.ts';

const AK = 'HPUAEXAMPLEACCESSKEY1';
const SK = 'sk-Very5ecretValue-0123456789abcdefghijklmn';
const SECURITY_TOKEN = 'temporary-security-token-ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const TOKEN = 'MIIZ-iam-token-abcdefghijklmnopqrstuvwxyz0123456789';
const PROJECT = '0123456789abcdef0123456789abcdef';

const SERVICE = { name: 'apig', serverTemplate: 'https://apig.{region}.myhuaweicloud.com' };

const listThrottles: OperationSpec = {
  operationId: 'ListRequestThrottlingPolicyV2',
  method: 'GET',
  path: '/v2/{project_id}/apigw/instances/{instance_id}/throttles',
  pathParams: ['project_id', 'instance_id'],
  queryParams: ['name', 'offset', 'limit', 'tags'],
  headerParams: [],
  hasBody: false,
};

const createThrottle: OperationSpec = {
  operationId: 'CreateRequestThrottlingPolicyV2',
  method: 'POST',
  path: '/v2/{project_id}/apigw/instances/{instance_id}/throttles',
  pathParams: ['project_id', 'instance_id'],
  queryParams: [],
  headerParams: [],
  hasBody: true,
};

const updateThrottle: OperationSpec = {
  ...createThrottle,
  operationId: 'UpdateRequestThrottlingPolicyV2',
  method: 'PUT',
};

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer({ [AK]: SK });
});
afterAll(async () => {
  await server.close();
});

/** Fast settings for tests: tiny backoffs; fixed jitter. */
function akskClient(overrides: Partial<AdvancedClientOptions> = {}) {
  return createClient(
    {
      region: 'cn-north-4',
      endpoint: server.baseUrl,
      allowInsecureEndpoint: true,
      projectId: PROJECT,
      credentials: { type: 'aksk', accessKey: AK, secretKey: SK },
      retryPolicy: { baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 50 },
      random: () => 0.5,
      ...overrides,
    },
    SERVICE,
  );
}

function tokenClient(overrides: Partial<AdvancedClientOptions> = {}) {
  return akskClient({ credentials: { type: 'token', token: TOKEN }, ...overrides });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail');
}

describe('successful requests', () => {
  it('an operation whose parameters are all optional is called without arguments', async () => {
    server.script(reply(200, { versions: [] }));
    const listVersions: OperationSpec = {
      ...listThrottles,
      operationId: 'ListApiVersions',
      path: '/',
      pathParams: [],
      queryParams: [],
    };
    const res = await akskClient().request(listVersions);
    expect(res.status).toBe(200);
    expect(server.received[0]?.url).toBe('/');
  });

  it('GET with AK/SK: signed (verified independently), project id filled, JSON parsed', async () => {
    server.script(reply(200, { throttles: [{ id: 't1' }], total: 1 }, { 'X-Request-Id': 'req-123' }));
    const res = await akskClient().request<{ total: number }>(listThrottles, {
      path: { instance_id: 'inst-1' },
      query: { limit: 10 },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ throttles: [{ id: 't1' }], total: 1 });
    expect(res.requestId).toBe('req-123');
    expect(res.headers['content-type']).toBe('application/json');
    const [got] = server.received;
    expect(got!.signature).toBe('valid');
    expect(got!.url).toBe(`/v2/${PROJECT}/apigw/instances/inst-1/throttles?limit=10`);
    expect(got!.headers['x-project-id']).toBe(PROJECT);
    expect(got!.headers['x-sdk-date']).toMatch(/^\d{8}T\d{6}Z$/);
    expect(got!.headers['user-agent']).toMatch(/^hwdocs-runtime\/\S+ \(apig\)$/);
    expect(got!.headers['x-auth-token']).toBeUndefined();
    // The default policy signs host, content-type, project and date but not User-Agent.
    expect(got!.headers.authorization).toContain('SignedHeaders=host;x-project-id;x-sdk-date,');
  });

  it('an explicit project_id path value wins over ClientOptions.projectId', async () => {
    server.script(reply(200, {}));
    await akskClient().request(listThrottles, { path: { project_id: 'other-project', instance_id: 'i' } });
    expect(server.received[0]!.url).toBe('/v2/other-project/apigw/instances/i/throttles');
    expect(server.received[0]!.signature).toBe('valid');
  });

  it('POST sends the JSON body with Content-Type, and the signature covers the body', async () => {
    server.script(reply(201, { id: 'new' }));
    const body = { name: 'throttle 测试', api_call_limits: 100, type: 1 };
    const res = await akskClient().request(createThrottle, { path: { instance_id: 'inst-1' }, body });
    expect(res.status).toBe(201);
    const [got] = server.received;
    expect(JSON.parse(got!.body)).toEqual(body);
    expect(got!.headers['content-type']).toBe('application/json');
    expect(got!.headers.authorization).toContain('SignedHeaders=content-type;host;x-project-id;x-sdk-date,');
    expect(got!.signature).toBe('valid');
  });

  it('temporary credentials send X-Security-Token and sign it', async () => {
    server.script(reply(200, {}));
    await akskClient({
      credentials: { type: 'aksk', accessKey: AK, secretKey: SK, securityToken: SECURITY_TOKEN },
    }).request(listThrottles, { path: { instance_id: 'i' } });
    const [got] = server.received;
    expect(got!.headers['x-security-token']).toBe(SECURITY_TOKEN);
    expect(got!.headers.authorization).toContain('x-security-token');
    expect(got!.signature).toBe('valid');
  });

  it('the independent verifier rejects a signature made with the wrong secret', async () => {
    server.script(reply(200, {}));
    await akskClient({ credentials: { type: 'aksk', accessKey: AK, secretKey: 'not-the-secret' } }).request(
      listThrottles,
      {
        path: { instance_id: 'i' },
      },
    );
    expect(server.received[0]!.signature).toBe('signature mismatch');
  });

  it('token auth sends X-Auth-Token and no signature', async () => {
    server.script(reply(200, { ok: true }));
    await tokenClient({ userAgent: 'my-app/1.0' }).request(listThrottles, { path: { instance_id: 'i' } });
    const [got] = server.received;
    expect(got!.headers['x-auth-token']).toBe(TOKEN);
    expect(got!.headers.authorization).toBeUndefined();
    expect(got!.headers['x-sdk-date']).toBeUndefined();
    expect(got!.headers['user-agent']).toBe('my-app/1.0');
    expect(got!.signature).toBe('no-signature');
  });

  it('encodes query values (arrays repeated, space as %20, unicode, reserved characters) and path values', async () => {
    server.script(reply(200, {}));
    await akskClient().request(listThrottles, {
      path: { instance_id: 'a b/c' },
      query: { name: '测试 env*', tags: ['x', 'y&z'], offset: 0, limit: undefined, flag: true },
    });
    const [got] = server.received;
    expect(got!.url).toBe(
      `/v2/${PROJECT}/apigw/instances/a%20b%2Fc/throttles?name=%E6%B5%8B%E8%AF%95%20env%2A&tags=x&tags=y%26z&offset=0&flag=true`,
    );
    expect(got!.signature).toBe('valid');
  });

  it('header parameters are sent (and signed unless they contain "_")', async () => {
    server.script(reply(200, {}));
    const op: OperationSpec = { ...listThrottles, headerParams: ['X-Language', 'X_Custom'] };
    await akskClient().request(op, { path: { instance_id: 'i' }, headers: { 'X-Language': 'en-us', X_Custom: 'v' } });
    const [got] = server.received;
    expect(got!.headers['x-language']).toBe('en-us');
    expect(got!.headers.authorization).toContain('SignedHeaders=host;x-language;x-project-id;x-sdk-date,');
    expect(got!.signature).toBe('valid');
  });

  it('an empty 204 gives an undefined body; a text body stays text', async () => {
    server.script((_req, res) => res.writeHead(204).end(), reply(200, 'plain words'));
    const empty = await tokenClient().request(listThrottles, { path: { instance_id: 'i' } });
    expect(empty.status).toBe(204);
    expect(empty.body).toBeUndefined();
    const text = await tokenClient().request(listThrottles, { path: { instance_id: 'i' } });
    expect(text.body).toBe('plain words');
  });
});

describe('custom fetch', () => {
  it('uses ClientOptions.fetch for every attempt', async () => {
    server.script(reply(503, {}), reply(200, { via: 'custom' }));
    const seen: string[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      seen.push(`${init?.method} ${String(input)}`);
      return fetch(input, init);
    };
    const res = await akskClient({ fetch: recordingFetch }).request(listThrottles, { path: { instance_id: 'i' } });
    expect(res.body).toEqual({ via: 'custom' });
    expect(seen).toEqual([
      `GET ${server.baseUrl}/v2/${PROJECT}/apigw/instances/i/throttles`,
      `GET ${server.baseUrl}/v2/${PROJECT}/apigw/instances/i/throttles`,
    ]);
  });
});

describe('HEAD', () => {
  it('returns status and headers with no body', async () => {
    server.script((_req, res) => res.writeHead(200, { 'X-Request-Id': 'head-1', 'Content-Length': '10' }).end());
    const head: OperationSpec = { ...listThrottles, operationId: 'CheckThrottles', method: 'HEAD' };
    const res = await akskClient().request(head, { path: { instance_id: 'i' } });
    expect(res).toMatchObject({ status: 200, requestId: 'head-1', body: undefined });
    expect(server.received[0]!.method).toBe('HEAD');
    expect(server.received[0]!.signature).toBe('valid');
  });
});

describe('error bodies', () => {
  const cases = [
    {
      shape: '{error_code, error_msg, request_id}',
      status: 400,
      body: { error_code: 'APIG.2011', error_msg: 'Invalid parameter value', request_id: 'rid-body' },
      headers: {},
      expected: { errorCode: 'APIG.2011', errorMsg: 'Invalid parameter value', requestId: 'rid-body' },
    },
    {
      shape: '{error: {code, message}} with X-Request-Id header',
      status: 401,
      body: {
        error: { code: 401, message: 'The request you have made requires authentication.', title: 'Unauthorized' },
      },
      headers: { 'X-Request-Id': 'rid-header' },
      expected: {
        errorCode: '401',
        errorMsg: 'The request you have made requires authentication.',
        requestId: 'rid-header',
      },
    },
    {
      shape: '{code, message}',
      status: 404,
      body: { code: 'ModelArts.0104', message: 'Job not found' },
      headers: { 'X-Request-Id': 'rid-3' },
      expected: { errorCode: 'ModelArts.0104', errorMsg: 'Job not found', requestId: 'rid-3' },
    },
    {
      shape: 'non-JSON text',
      status: 403,
      body: '<html>Forbidden by WAF</html>',
      headers: {},
      expected: { errorCode: undefined, errorMsg: '<html>Forbidden by WAF</html>', requestId: undefined },
    },
  ] as const;

  for (const c of cases) {
    it(`maps ${c.shape} to HuaweiCloudApiError`, async () => {
      server.script(reply(c.status, c.body, c.headers));
      const error = await rejection(akskClient().request(listThrottles, { path: { instance_id: 'i' } }));
      expect(error).toBeInstanceOf(HuaweiCloudApiError);
      const apiError = error as HuaweiCloudApiError;
      expect(apiError.status).toBe(c.status);
      expect(apiError.operationId).toBe('ListRequestThrottlingPolicyV2');
      expect(apiError.errorCode).toBe(c.expected.errorCode);
      expect(apiError.errorMsg).toBe(c.expected.errorMsg);
      expect(apiError.requestId).toBe(c.expected.requestId);
      expect(apiError.body).toEqual(c.body);
      expect(apiError.message).toContain(`HTTP ${c.status}`);
      if (c.expected.errorCode) expect(apiError.message).toContain(c.expected.errorCode);
      expect(server.received).toHaveLength(1); // 4xx is never retried
    });
  }

  it('a 2xx with malformed JSON is a clear ResponseParseError', async () => {
    server.script((_req, res) =>
      res.writeHead(200, { 'Content-Type': 'application/json', 'X-Request-Id': 'r9' }).end('{"total": 3,'),
    );
    const error = await rejection(akskClient().request(listThrottles, { path: { instance_id: 'i' } }));
    expect(error).toBeInstanceOf(ResponseParseError);
    expect((error as ResponseParseError).message).toMatch(
      /ListRequestThrottlingPolicyV2: HTTP 200 response body is not valid JSON/,
    );
    expect((error as ResponseParseError).bodySnippet).toBe('{"total": 3,');
    expect((error as ResponseParseError).requestId).toBe('r9');
  });
});

describe('retries', () => {
  it('GET: 503 then 200 is retried, and each attempt is freshly signed', async () => {
    server.script(reply(503, { error_code: 'APIG.0201', error_msg: 'Backend unavailable' }), reply(200, { ok: 1 }));
    let tick = Date.UTC(2026, 0, 1, 0, 0, 0);
    const res = await akskClient({ now: () => new Date((tick += 1000)) }).request(listThrottles, {
      path: { instance_id: 'i' },
    });
    expect(res.body).toEqual({ ok: 1 });
    expect(server.received).toHaveLength(2);
    expect(server.received.map((r) => r.signature)).toEqual(['valid', 'valid']);
    const [first, second] = server.received;
    expect(first!.headers['x-sdk-date']).not.toBe(second!.headers['x-sdk-date']);
    expect(first!.headers.authorization).not.toBe(second!.headers.authorization);
  });

  it('PUT and DELETE are retried too', async () => {
    server.script(reply(502, 'bad gateway'), reply(200, {}));
    await akskClient().request(updateThrottle, { path: { instance_id: 'i' }, body: { name: 'x' } });
    expect(server.received.map((r) => r.method)).toEqual(['PUT', 'PUT']);
    expect(server.received[1]!.body).toBe('{"name":"x"}');
  });

  it('POST with 503 is not retried', async () => {
    server.script(reply(503, { error_code: 'APIG.0201', error_msg: 'Backend unavailable' }), reply(200, {}));
    const error = await rejection(
      akskClient().request(createThrottle, { path: { instance_id: 'i' }, body: { name: 'x' } }),
    );
    expect(error).toBeInstanceOf(HuaweiCloudApiError);
    expect((error as HuaweiCloudApiError).status).toBe(503);
    expect(server.received).toHaveLength(1);
  });

  it('gives up after `retries` extra attempts with the last error', async () => {
    server.script(reply(500, { error_code: 'APIG.9999', error_msg: 'System error' }));
    const error = await rejection(akskClient({ retries: 2 }).request(listThrottles, { path: { instance_id: 'i' } }));
    expect((error as HuaweiCloudApiError).errorCode).toBe('APIG.9999');
    expect(server.received).toHaveLength(3);
  });

  it('retries: 0 disables retrying', async () => {
    server.script(reply(503, {}), reply(200, {}));
    await rejection(akskClient({ retries: 0 }).request(listThrottles, { path: { instance_id: 'i' } }));
    expect(server.received).toHaveLength(1);
  });

  it('429 honours Retry-After (seconds) instead of the backoff', async () => {
    // A backoff of a minute would make this test time out, so finishing proves Retry-After: 0 was used.
    server.script(
      reply(429, { error_code: 'APIG.1002', error_msg: 'Too many requests' }, { 'Retry-After': '0' }),
      reply(200, { ok: 2 }),
    );
    const res = await akskClient({ retryPolicy: { baseDelayMs: 60_000, maxDelayMs: 60_000 } }).request(listThrottles, {
      path: { instance_id: 'i' },
    });
    expect(res.body).toEqual({ ok: 2 });
    expect(server.received).toHaveLength(2);
  });

  it('429 honours Retry-After as an HTTP date, and caps a huge Retry-After', async () => {
    server.script(
      reply(429, {}, { 'Retry-After': new Date(Date.now() - 5000).toUTCString() }),
      reply(429, {}, { 'Retry-After': '86400' }),
      reply(200, { ok: 3 }),
    );
    const res = await akskClient({
      retryPolicy: { baseDelayMs: 60_000, maxDelayMs: 60_000, maxRetryAfterMs: 10 },
    }).request(listThrottles, { path: { instance_id: 'i' } });
    expect(res.body).toEqual({ ok: 3 });
    expect(server.received).toHaveLength(3);
  });

  it('a reset connection on GET is a NetworkError that is retried', async () => {
    server.script(resetConnection, reply(200, { after: 'reset' }));
    const res = await akskClient().request(listThrottles, { path: { instance_id: 'i' } });
    expect(res.body).toEqual({ after: 'reset' });
    expect(server.received).toHaveLength(2);
  });

  it('a reset connection ends in NetworkError once retries run out', async () => {
    server.script(resetConnection);
    const error = await rejection(akskClient().request(listThrottles, { path: { instance_id: 'i' } }));
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).message).toMatch(
      /^ListRequestThrottlingPolicyV2 \(GET http:\/\/127\.0\.0\.1:\d+\/v2\/.*\) failed: /,
    );
    expect(server.received).toHaveLength(3);
  });

  it('a reset connection on POST is not retried', async () => {
    server.script(resetConnection, reply(200, {}));
    const error = await rejection(akskClient().request(createThrottle, { path: { instance_id: 'i' }, body: {} }));
    expect(error).toBeInstanceOf(NetworkError);
    expect(server.received).toHaveLength(1);
  });
});

describe('timeouts and cancellation', () => {
  it('a stalled response times out with TimeoutError (not retried)', async () => {
    server.script(stall);
    const error = await rejection(
      akskClient({ timeoutMs: 100 }).request(listThrottles, { path: { instance_id: 'i' } }),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toContain('timed out after 100 ms');
    expect(server.received).toHaveLength(1);
  });

  it('a body that stalls after the headers also times out', async () => {
    server.script(stallMidBody);
    const error = await rejection(
      akskClient({ timeoutMs: 100 }).request(listThrottles, { path: { instance_id: 'i' } }),
    );
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it("the caller's AbortSignal cancels an in-flight request with its reason", async () => {
    const controller = new AbortController();
    server.script(() => controller.abort());
    const error = await rejection(
      akskClient().request(listThrottles, { path: { instance_id: 'i' }, signal: controller.signal }),
    );
    expect((error as Error).name).toBe('AbortError');
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(server.received).toHaveLength(1);
  });

  it('an AbortSignal also cancels the wait between retries', async () => {
    const controller = new AbortController();
    server.script((req, res, received) => {
      reply(503, {})(req, res, received);
      res.on('finish', () => setTimeout(() => controller.abort(new Error('caller gave up')), 20));
    });
    const error = await rejection(
      akskClient({ retryPolicy: { baseDelayMs: 60_000, maxDelayMs: 60_000 } }).request(listThrottles, {
        path: { instance_id: 'i' },
        signal: controller.signal,
      }),
    );
    expect((error as Error).message).toBe('caller gave up');
    expect(server.received).toHaveLength(1);
  });

  it('an already aborted signal sends nothing', async () => {
    server.script(reply(200, {}));
    const error = await rejection(
      akskClient().request(listThrottles, { path: { instance_id: 'i' }, signal: AbortSignal.abort() }),
    );
    expect((error as Error).name).toBe('AbortError');
    expect(server.received).toHaveLength(0);
  });
});

describe('validation', () => {
  const validated: OperationSpec = {
    ...createThrottle,
    validateRequest: (args) => {
      const body = args.body as Record<string, unknown>;
      const issues = [];
      if (typeof body.name !== 'string')
        issues.push({ path: '/body/name', keyword: 'required', message: 'name is required' });
      if (typeof body.api_call_limits !== 'number')
        issues.push({ path: '/body/api_call_limits', keyword: 'type', message: 'must be integer' });
      return issues;
    },
    validateResponse: (_status, body) =>
      typeof (body as { id?: unknown }).id === 'string'
        ? []
        : [{ path: '/id', keyword: 'type', message: 'must be string' }],
  };

  it("'request' (the default) throws RequestValidationError with every issue and sends nothing", async () => {
    server.script(reply(201, { id: 1 }));
    const error = await rejection(
      akskClient().request(validated, { path: { instance_id: 'i' }, body: { api_call_limits: 'x' } }),
    );
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).issues.map((i) => i.path)).toEqual([
      '/body/name',
      '/body/api_call_limits',
    ]);
    expect((error as Error).message).toContain('/body/api_call_limits: must be integer');
    expect(server.received).toHaveLength(0);
  });

  it("'request' does not validate responses", async () => {
    server.script(reply(201, { id: 1 }));
    const res = await akskClient().request(validated, {
      path: { instance_id: 'i' },
      body: { name: 'n', api_call_limits: 1 },
    });
    expect(res.body).toEqual({ id: 1 });
  });

  it("'all' validates 2xx bodies too", async () => {
    server.script(reply(201, { id: 1 }));
    const error = await rejection(
      akskClient({ validate: 'all' }).request(validated, {
        path: { instance_id: 'i' },
        body: { name: 'n', api_call_limits: 1 },
      }),
    );
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues).toEqual([
      { path: '/id', keyword: 'type', message: 'must be string' },
    ]);
  });

  it("'off' skips both", async () => {
    server.script(reply(201, { id: 1 }));
    const res = await akskClient({ validate: 'off' }).request(validated, { path: { instance_id: 'i' }, body: {} });
    expect(res.status).toBe(201);
    expect(server.received).toHaveLength(1);
  });

  it('a missing path parameter is a RequestValidationError naming it', async () => {
    server.script(reply(200, {}));
    const error = await rejection(akskClient({ projectId: undefined }).request(listThrottles, { path: {} }));
    expect((error as RequestValidationError).issues.map((i) => i.path)).toEqual([
      '/path/project_id',
      '/path/instance_id',
    ]);
    expect(server.received).toHaveLength(0);
  });
});

describe('secrets never leak into errors', () => {
  /** Everything an error exposes: message, stack, own properties (deeply, incl. cause), JSON form. */
  function exposedText(error: unknown): string {
    return [
      inspect(error, { depth: null, showHidden: true }),
      JSON.stringify(error, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)),
      String((error as Error).message),
      String((error as Error).stack),
    ].join('\n');
  }

  /** A server that echoes every credential it received (and the SK it knows) in its error answer. */
  const echoSecrets =
    (status: number, contentType = 'application/json') =>
    (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
      const echoed = {
        error_code: `ECHO.${req.headers['x-auth-token'] ?? 'none'}`,
        error_msg: `bad auth ${req.headers.authorization} token ${req.headers['x-security-token']} sk ${SK}`,
        request_id: String(req.headers['x-auth-token']),
        headers: req.headers,
      };
      const text = JSON.stringify(echoed);
      res
        .writeHead(status, { 'Content-Type': contentType })
        .end(contentType === 'application/json' && status < 300 ? text.slice(0, -1) : text);
    };

  /** AK/SK client: SK, security token, every Authorization value and signature it sent. */
  function akskSecrets(): string[] {
    const auths = server.received.map((r) => String(r.headers.authorization));
    for (const auth of auths) expect(auth).toMatch(/^SDK-HMAC-SHA256 /);
    return [SK, SECURITY_TOKEN, ...auths, ...auths.map((a) => a.replace(/^.*Signature=/, ''))];
  }

  function assertClean(error: unknown, secrets: string[]): void {
    const text = exposedText(error);
    expect(secrets.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(text).not.toContain(secret);
  }

  const temporary = { type: 'aksk', accessKey: AK, secretKey: SK, securityToken: SECURITY_TOKEN } as const;

  it('in API errors that echo the credentials (AK/SK with security token)', async () => {
    server.script(echoSecrets(400));
    const error = await rejection(
      akskClient({ credentials: temporary }).request(listThrottles, { path: { instance_id: 'i' } }),
    );
    expect(error).toBeInstanceOf(HuaweiCloudApiError);
    expect((error as HuaweiCloudApiError).errorMsg).toContain('[REDACTED]');
    assertClean(error, akskSecrets());
  });

  it('in API errors that echo the IAM token', async () => {
    server.script(echoSecrets(401));
    const error = await rejection(tokenClient().request(listThrottles, { path: { instance_id: 'i' } }));
    expect(error).toBeInstanceOf(HuaweiCloudApiError);
    expect((error as HuaweiCloudApiError).requestId).toBe('[REDACTED]');
    assertClean(error, [TOKEN]);
  });

  it('in parse errors, network errors and timeouts', async () => {
    server.script(echoSecrets(200));
    const parseError = await rejection(
      akskClient({ credentials: temporary }).request(listThrottles, { path: { instance_id: 'i' } }),
    );
    expect(parseError).toBeInstanceOf(ResponseParseError);
    assertClean(parseError, akskSecrets());

    server.script(resetConnection);
    const networkError = await rejection(
      akskClient({ credentials: temporary }).request(listThrottles, { path: { instance_id: 'i' } }),
    );
    expect(networkError).toBeInstanceOf(NetworkError);
    assertClean(networkError, akskSecrets());

    server.script(stall);
    const timeout = await rejection(
      tokenClient({ timeoutMs: 50 }).request(listThrottles, { path: { instance_id: 'i' } }),
    );
    expect(timeout).toBeInstanceOf(TimeoutError);
    assertClean(timeout, [TOKEN]);
  });

  it('in response validation errors', async () => {
    server.script((req, res) =>
      res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ token: req.headers['x-auth-token'] })),
    );
    const op: OperationSpec = {
      ...listThrottles,
      validateResponse: () => [{ path: '', keyword: 'x', message: 'always wrong' }],
    };
    const error = await rejection(tokenClient({ validate: 'all' }).request(op, { path: { instance_id: 'i' } }));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).body).toEqual({ token: '[REDACTED]' });
    assertClean(error, [TOKEN]);
  });
});
