// Class "generated client, safe by default" (issue 11 §5): the runtime against hostile servers on 127.0.0.1 that
// redirect to another origin, echo secrets, stall and flood. Every case is bounded by a limit set in the test
// (a timeout, a byte cap) or refused before a byte is sent; the runtime writes no files.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ClientConfigError,
  DEFAULT_TIMEOUT_MS,
  RedirectError,
  RequestValidationError,
  ResponseTooLargeError,
  TimeoutError,
  HuaweiCloudApiError,
  createClient,
  type AdvancedClientOptions,
  type OperationSpec,
} from '../../generator/runtime/index.ts';
import { reply, stall, startScriptedServer, type ScriptedServer } from '../runtime/server.ts';

const TOKEN = 'MIIZ-iam-token-abcdefghijklmnopqrstuvwxyz0123456789';
const AK = 'HPUAEXAMPLEACCESSKEY1';
const SK = 'sk-Very5ecretValue-0123456789abcdefghijklmn';
const SECURITY_TOKEN = 'temporary-security-token-ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const SERVICE = { name: 'apig', serverTemplate: 'https://apig.{region}.myhuaweicloud.com' };

const deleteThrottle: OperationSpec = {
  operationId: 'DeleteRequestThrottlingPolicyV2',
  method: 'DELETE',
  path: '/v2/{project_id}/apigw/instances/{instance_id}/throttles/{throttle_id}',
  pathParams: ['project_id', 'instance_id', 'throttle_id'],
  queryParams: [],
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
const listThrottles: OperationSpec = {
  ...createThrottle,
  operationId: 'ListRequestThrottlingPolicyV2',
  method: 'GET',
  hasBody: false,
};

let target: ScriptedServer;
let other: ScriptedServer;
beforeAll(async () => {
  target = await startScriptedServer({ [AK]: SK });
  other = await startScriptedServer({ [AK]: SK });
});
afterAll(async () => {
  await target.close();
  await other.close();
});

function client(overrides: Partial<AdvancedClientOptions> = {}, service = SERVICE) {
  return createClient(
    {
      region: 'cn-north-4',
      endpoint: target.baseUrl,
      allowInsecureEndpoint: true,
      projectId: 'proj',
      credentials: { type: 'token', token: TOKEN },
      retries: 0,
      timeoutMs: 2_000,
      ...overrides,
    },
    service,
  );
}

/** Everything an error or response exposes, as a developer would see it logged. */
const shown = (value: unknown): string =>
  inspect(value, { depth: 10 }) + JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? String(v) : v));

describe('redirects are never followed (no credentials or body to another origin)', () => {
  const cases = [
    {
      name: 'token, POST with body, 307',
      credentials: { type: 'token', token: TOKEN } as const,
      secret: TOKEN,
      op: createThrottle,
      status: 307,
    },
    {
      name: 'AK/SK + security token, GET, 302',
      credentials: { type: 'aksk', accessKey: AK, secretKey: SK, securityToken: SECURITY_TOKEN } as const,
      secret: SECURITY_TOKEN,
      op: listThrottles,
      status: 302,
    },
    {
      name: 'token, GET, 308',
      credentials: { type: 'token', token: TOKEN } as const,
      secret: TOKEN,
      op: listThrottles,
      status: 308,
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      target.script(reply(c.status, '', { Location: `${other.baseUrl}/steal?token=${c.secret}` }));
      other.script(reply(200, { stolen: true }));
      const error = await client({ credentials: c.credentials, retries: 2 })
        .request(c.op, { path: { instance_id: 'inst' }, body: { name: 'secret-body' } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RedirectError);
      expect((error as RedirectError).status).toBe(c.status);
      expect(other.received).toHaveLength(0);
      expect(target.received).toHaveLength(1); // a redirect is not retried either
      expect(shown(error)).not.toContain(c.secret);
      expect((error as Error).message).toContain('[REDACTED]');
    });
  }
});

describe('path parameters cannot climb out of their segment', () => {
  const table: Array<[unknown, string | 'refused']> = [
    ['..', 'refused'],
    ['.', 'refused'],
    ['', 'refused'],
    [['..'], 'refused'],
    ['a/../..', '/v2/proj/apigw/instances/inst/throttles/a%2F..%2F..'],
    ['%2e%2e', '/v2/proj/apigw/instances/inst/throttles/%252e%252e'],
    ['...', '/v2/proj/apigw/instances/inst/throttles/...'],
  ];
  for (const [value, want] of table) {
    it(`throttle_id ${JSON.stringify(value)} → ${want}`, async () => {
      target.script(reply(204, ''));
      const call = client({ credentials: { type: 'aksk', accessKey: AK, secretKey: SK } }).request(deleteThrottle, {
        path: { instance_id: 'inst', throttle_id: value },
      });
      if (want === 'refused') {
        const error = await call.catch((e: unknown) => e);
        expect(error).toBeInstanceOf(RequestValidationError);
        expect((error as RequestValidationError).issues[0]?.path).toBe('/path/throttle_id');
        expect(target.received).toHaveLength(0);
      } else {
        await call;
        expect(target.received[0]?.url).toBe(want);
        expect(target.received[0]?.signature).toBe('valid');
      }
    });
  }
});

describe('client options are checked at construction', () => {
  const table: Array<[Partial<AdvancedClientOptions>, RegExp]> = [
    [{ region: 'evil.example.com#', endpoint: undefined }, /does not look like a Huawei Cloud region/],
    [{ region: 'cn-north-4.attacker.net/x', endpoint: undefined }, /does not look like a Huawei Cloud region/],
    [{ allowInsecureEndpoint: false }, /must use https/],
    [{ endpoint: 'ftp://127.0.0.1/' }, /must use https/],
    [{ endpoint: 'https://user:pass@apig.example.com' }, /credentials, a query or a fragment/],
    [{ endpoint: 'not a url' }, /not an absolute URL/],
    [{ timeoutMs: -1 }, /timeoutMs/],
    [{ maxResponseBytes: 0 }, /maxResponseBytes/],
  ];
  for (const [options, message] of table) {
    it(`${JSON.stringify(options)} → ${message.source}`, () => {
      expect(() => client(options)).toThrow(ClientConfigError);
      expect(() => client(options)).toThrow(message);
    });
  }
  it('real regions pass', () => {
    for (const region of [
      'cn-north-4',
      'ap-southeast-1',
      'eu-west-101',
      'la-south-2',
      'cn-southwest-2',
      'ru-moscow-1',
    ]) {
      expect(() => client({ region, endpoint: undefined })).not.toThrow();
    }
  });
  it('a token with a line break is refused before anything is sent, without quoting it', async () => {
    target.script(reply(200, {}));
    const error = await client({ credentials: { type: 'token', token: `${TOKEN}\r\nX-Evil: 1` } })
      .request(listThrottles, { path: { instance_id: 'i' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientConfigError);
    expect(shown(error)).not.toContain(TOKEN);
    expect(target.received).toHaveLength(0);
  });
});

describe('echoed secrets are redacted everywhere', () => {
  const echo = (status: number) =>
    reply(
      status,
      {
        error_code: 'APIG.0101',
        error_msg: `bad token ${TOKEN}`,
        request_id: TOKEN,
        echo: { [TOKEN]: [encodeURIComponent(TOKEN)] },
      },
      {
        'X-Request-Id': TOKEN,
        'X-Echo': `token=${TOKEN}`,
      },
    );
  it('in an error: message, request id, body (keys, values, percent-encoded), nothing of the token', async () => {
    target.script(echo(401));
    const error = await client()
      .request(listThrottles, { path: { instance_id: 'i' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HuaweiCloudApiError);
    expect((error as HuaweiCloudApiError).requestId).toBe('[REDACTED]');
    expect(shown(error)).not.toContain(TOKEN);
    expect(shown(error)).not.toContain(encodeURIComponent(TOKEN));
  });
  it('in a success: headers and request id (the body is the API data and is returned as sent)', async () => {
    target.script(reply(200, { ok: true }, { 'X-Request-Id': TOKEN, 'X-Echo': `token=${TOKEN}` }));
    const response = await client().request(listThrottles, { path: { instance_id: 'i' } });
    expect(response.requestId).toBe('[REDACTED]');
    expect(shown(response.headers)).not.toContain(TOKEN);
    expect(response.headers['x-echo']).toBe('token=[REDACTED]');
  });
  it('AK/SK: the secret key, security token and signature never show', async () => {
    target.script((req, res) => {
      res.writeHead(403, {
        'Content-Type': 'application/json',
        'X-Request-Id': String(req.headers['x-security-token']),
      });
      res.end(JSON.stringify({ error_msg: `${req.headers.authorization} ${SK}` }));
    });
    const error = await client({
      credentials: { type: 'aksk', accessKey: AK, secretKey: SK, securityToken: SECURITY_TOKEN },
    })
      .request(listThrottles, { path: { instance_id: 'i' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HuaweiCloudApiError);
    const text = shown(error);
    for (const secret of [SK, SECURITY_TOKEN, 'Signature=']) expect(text).not.toContain(secret);
  });
});

describe('headers are ASCII', () => {
  it('a CJK service title gives an ASCII User-Agent and the request works', async () => {
    target.script(reply(200, { ok: 1 }));
    const response = await client({}, { name: '流控 API', serverTemplate: SERVICE.serverTemplate }).request(
      listThrottles,
      { path: { instance_id: 'i' } },
    );
    expect(response.body).toEqual({ ok: 1 });
    const userAgent = String(target.received[0]?.headers['user-agent']);
    expect(userAgent).toMatch(/^[\x20-\x7e]+$/);
    expect(decodeURIComponent(userAgent)).toContain('流控 API');
  });
  it('a non-ASCII or multi-line header parameter is a RequestValidationError, nothing sent', async () => {
    target.script(reply(200, {}));
    const error = await client()
      .request(
        { ...listThrottles, headerParams: ['X-Name', 'X-Evil'] },
        { path: { instance_id: 'i' }, headers: { 'X-Name': '名字', 'X-Evil': 'a\r\nX-Auth-Token: x' } },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).issues.map((i) => i.path)).toEqual(['/headers/X-Name', '/headers/X-Evil']);
    expect(target.received).toHaveLength(0);
  });
});

describe('stalls and floods are bounded', () => {
  it('there is a default timeout: a silent server ends in TimeoutError after DEFAULT_TIMEOUT_MS', async () => {
    vi.useFakeTimers();
    try {
      // A fetch that never answers until aborted, as a silent server does.
      const silent: typeof fetch = (_input, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        );
      const pending = createClient(
        {
          region: 'cn-north-4',
          credentials: { type: 'token', token: TOKEN },
          projectId: 'p',
          retries: 0,
          fetch: silent,
        },
        SERVICE,
      )
        .request(listThrottles, { path: { instance_id: 'i' } })
        .catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(DEFAULT_TIMEOUT_MS + 1);
      const error = await pending;
      expect(error).toBeInstanceOf(TimeoutError);
      expect((error as TimeoutError).timeoutMs).toBe(DEFAULT_TIMEOUT_MS);
    } finally {
      vi.useRealTimers();
    }
  });
  it('a stalled server on 127.0.0.1 times out at the configured bound', async () => {
    target.script(stall);
    const error = await client({ timeoutMs: 300 })
      .request(listThrottles, { path: { instance_id: 'i' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
  });

  let flood: Server;
  let floodUrl = '';
  let sentBytes = 0;
  beforeAll(async () => {
    // Streams 1 MiB chunks without end (chunked, no Content-Length) or declares 1 GB up front.
    const chunk = Buffer.alloc(1 << 20, 'a');
    flood = createServer((req, res) => {
      if (req.url?.includes('declared')) {
        res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': String(1 << 30) });
        res.write(chunk);
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      const pump = (): void => {
        while (!res.destroyed && sentBytes < 2 * 2 ** 30) {
          sentBytes += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
      };
      pump();
    });
    await new Promise<void>((resolve) => flood.listen(0, '127.0.0.1', resolve));
    floodUrl = `http://127.0.0.1:${(flood.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    flood.closeAllConnections();
    flood.close();
  });

  it('an endless body stops at maxResponseBytes with ResponseTooLargeError', async () => {
    const error = await client({ endpoint: floodUrl, maxResponseBytes: 4 << 20, timeoutMs: 20_000 })
      .request(listThrottles, { path: { instance_id: 'i' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as ResponseTooLargeError).limit).toBe(4 << 20);
    // Reading stopped: the server could not push much beyond the cap plus socket buffers.
    expect(sentBytes).toBeLessThan(256 << 20);
  });
  it('the default cap applies without any option, and a declared 1 GB body is refused before reading', async () => {
    const error = await createClient(
      {
        region: 'cn-north-4',
        endpoint: floodUrl + '/declared',
        allowInsecureEndpoint: true,
        credentials: { type: 'token', token: TOKEN },
        projectId: 'p',
        retries: 0,
      },
      SERVICE,
    )
      .request(listThrottles, { path: { instance_id: 'i' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as ResponseTooLargeError).limit).toBe(64 * 1024 * 1024);
  });
});
