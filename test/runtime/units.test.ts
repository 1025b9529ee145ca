// Pure parts of the runtime: retry arithmetic, error-body parsing, request preparation, body decoding,
// the Web Crypto fallback, and the runtime's self-containment (imports, standalone strict tsc).
import { spawnSync } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_RETRY_POLICY,
  backoffDelayMs,
  isIdempotentMethod,
  isRetriableStatus,
  parseRetryAfter,
  retryDelayMs,
} from '../../generator/runtime/retry.ts';
import { HuaweiCloudApiError, parseErrorBody, redactText, redactValue } from '../../generator/runtime/errors.ts';
import { decodeErrorBody, decodeSuccessBody, prepareRequest, serializeBody } from '../../generator/runtime/client.ts';
import { RequestValidationError, type OperationSpec } from '../../generator/runtime/index.ts';

const runtimeDir = fileURLToPath(new URL('../../generator/runtime/', import.meta.url));
const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

describe('retry policy', () => {
  it('retries only idempotent methods and only 429/5xx', () => {
    expect(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'POST', 'PATCH'].map(isIdempotentMethod)).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
    expect([200, 400, 404, 408, 429, 500, 503, 599, 600].map(isRetriableStatus)).toEqual([
      false,
      false,
      false,
      false,
      true,
      true,
      true,
      true,
      false,
    ]);
  });

  it('parses Retry-After as seconds or an HTTP date, rejects junk', () => {
    const now = Date.UTC(2026, 0, 1, 0, 0, 0);
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('1.5', now)).toBeUndefined();
    expect(parseRetryAfter('-3', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('backs off exponentially with equal jitter, bounded by maxDelayMs', () => {
    const policy = { baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 5000 };
    expect([0, 1, 2, 3, 4].map((a) => backoffDelayMs(a, policy, () => 0))).toEqual([50, 100, 200, 400, 500]);
    expect([0, 1, 2, 3, 4].map((a) => backoffDelayMs(a, policy, () => 1))).toEqual([100, 200, 400, 800, 1000]);
  });

  it('prefers Retry-After, capped', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, maxRetryAfterMs: 10_000 };
    expect(retryDelayMs(0, 3000, policy, () => 0.5)).toBe(3000);
    expect(retryDelayMs(0, 86_400_000, policy, () => 0.5)).toBe(10_000);
    expect(retryDelayMs(1, undefined, policy, () => 0.5)).toBe(300);
  });
});

describe('error bodies', () => {
  it('reads the Huawei shapes', () => {
    expect(parseErrorBody({ error_code: 'APIG.2011', error_msg: 'bad', request_id: 'r' })).toEqual({
      errorCode: 'APIG.2011',
      errorMsg: 'bad',
      requestId: 'r',
    });
    expect(parseErrorBody({ error: { code: 'IAM.0001', message: 'nope', request_id: 'r2' } })).toEqual({
      errorCode: 'IAM.0001',
      errorMsg: 'nope',
      requestId: 'r2',
    });
    expect(parseErrorBody({ code: 'X.1', message: 'm' })).toEqual({ errorCode: 'X.1', errorMsg: 'm' });
    expect(parseErrorBody({ errorCode: 'Y.2', errorMessage: 'camel' })).toEqual({
      errorCode: 'Y.2',
      errorMsg: 'camel',
    });
    expect(parseErrorBody('  Service Unavailable \n')).toEqual({ errorMsg: 'Service Unavailable' });
    expect(parseErrorBody('')).toEqual({});
    expect(parseErrorBody([1, 2])).toEqual({});
    expect(parseErrorBody('x'.repeat(600)).errorMsg).toHaveLength(501);
  });

  it('decodes error bodies as JSON when they parse, text otherwise', () => {
    const enc = new TextEncoder();
    expect(decodeErrorBody(enc.encode('{"error_code":"A"}'))).toEqual({ error_code: 'A' });
    expect(decodeErrorBody(enc.encode('{"broken'))).toBe('{"broken');
    expect(decodeErrorBody(enc.encode('Bad Gateway'))).toBe('Bad Gateway');
  });

  it('builds a message from operation, status, code, message and request id', () => {
    const error = new HuaweiCloudApiError<'APIG.2011'>({
      operationId: 'Op',
      status: 400,
      errorCode: 'APIG.2011',
      errorMsg: 'Invalid',
      requestId: 'r1',
      body: {},
    });
    expect(error.message).toBe('Op failed with HTTP 400 APIG.2011: Invalid (request id r1)');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('HuaweiCloudApiError');
  });

  it('redacts secrets in text and nested values, longest first', () => {
    expect(redactText('a SECRETSECRET b SECRET', ['SECRET', 'SECRETSECRET'])).toBe('a [REDACTED] b [REDACTED]');
    expect(redactValue({ k: ['x SECRET'], SECRET: 1 }, ['SECRET'])).toEqual({ k: ['x [REDACTED]'], '[REDACTED]': 1 });
  });
});

describe('request preparation', () => {
  const op: OperationSpec = {
    operationId: 'CreateThing',
    method: 'POST',
    path: '/v1/{project_id}/things/{thing_id}',
    pathParams: ['project_id', 'thing_id'],
    queryParams: ['q'],
    headerParams: ['Content-Type', 'X-Auth-Token'],
    hasBody: true,
  };
  const base = {
    region: 'ap-southeast-1',
    projectId: 'p1',
    credentials: { type: 'token' as const, token: 'tok' },
  };
  const service = { name: 'thing', serverTemplate: 'https://thing.{region}.myhuaweicloud.com/' };

  it('fills the server template, path and query', () => {
    const prepared = prepareRequest(
      op,
      { path: { thing_id: 7 }, query: { q: ['a', 'b c'] }, body: { a: 1 } },
      base,
      service,
    );
    expect(prepared.url).toBe('https://thing.ap-southeast-1.myhuaweicloud.com/v1/p1/things/7?q=a&q=b%20c');
    expect(prepared.body).toBe('{"a":1}');
    expect(prepared.headers['Content-Type']).toBe('application/json');
    expect(prepared.headers['X-Auth-Token']).toBe('tok');
  });

  it('keeps a documented Content-Type header parameter but never lets a header parameter replace credentials', () => {
    const prepared = prepareRequest(
      op,
      {
        path: { thing_id: 'x' },
        headers: { 'content-type': 'application/json;charset=UTF-8', 'x-auth-token': 'forged' },
        body: {},
      },
      base,
      service,
    );
    expect(prepared.headers['content-type']).toBe('application/json;charset=UTF-8');
    expect(prepared.headers['Content-Type']).toBeUndefined();
    expect(prepared.headers['X-Auth-Token']).toBe('tok');
    expect(prepared.headers['x-auth-token']).toBeUndefined();
  });

  it('uses an explicit endpoint and sends no body for GET', () => {
    const get: OperationSpec = { ...op, method: 'GET', hasBody: false };
    const prepared = prepareRequest(
      get,
      { path: { thing_id: 'x' }, body: { ignored: true } },
      { ...base, endpoint: 'http://127.0.0.1:9/', allowInsecureEndpoint: true },
      service,
    );
    expect(prepared.url).toBe('http://127.0.0.1:9/v1/p1/things/x');
    expect(prepared.body).toBeNull();
    expect(prepared.headers['Content-Type']).toBeUndefined();
  });

  it('comma-joins arrays in path and header parameters', () => {
    const prepared = prepareRequest(
      op,
      { path: { thing_id: ['a', 'b c'] }, headers: { 'X-Ids': [1, 2] }, body: {} },
      base,
      service,
    );
    expect(prepared.url).toBe('https://thing.ap-southeast-1.myhuaweicloud.com/v1/p1/things/a%2Cb%20c');
    expect(prepared.headers['X-Ids']).toBe('1,2');
  });

  it('serialises bodies per media type', () => {
    expect(serializeBody({ a: [1, 2] }, 'application/x-www-form-urlencoded')).toBe('a=1&a=2');
    expect(serializeBody('raw', 'application/octet-stream')).toBe('raw');
    expect(serializeBody({ a: 1 }, 'application/merge-patch+json')).toBe('{"a":1}');
    expect(() => serializeBody({ file: 'x' }, 'multipart/form-data')).toThrow(RequestValidationError);
  });
});

describe('success bodies', () => {
  const enc = new TextEncoder();
  it('parses declared and undeclared JSON, keeps text and bytes', () => {
    expect(decodeSuccessBody(enc.encode('{"a":1}'), 'application/json;charset=utf-8')).toEqual({
      ok: true,
      value: { a: 1 },
    });
    expect(decodeSuccessBody(enc.encode('[1]'), 'text/plain')).toEqual({ ok: true, value: [1] });
    expect(decodeSuccessBody(enc.encode('{not json'), 'text/plain')).toEqual({ ok: true, value: '{not json' });
    expect(decodeSuccessBody(enc.encode('hello'), undefined)).toEqual({ ok: true, value: 'hello' });
    expect(decodeSuccessBody(new Uint8Array(0), 'application/json')).toEqual({ ok: true, value: undefined });
    const bytes = decodeSuccessBody(new Uint8Array([0, 1, 2]), 'application/octet-stream');
    expect(bytes.ok && bytes.value).toEqual(new Uint8Array([0, 1, 2]));
    expect(decodeSuccessBody(enc.encode('{"a":'), 'application/json').ok).toBe(false);
  });
});

describe('crypto', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('matches node:crypto for SHA-256 and HMAC-SHA256', async () => {
    const { sha256Hex, hmacSha256Hex } = await import('../../generator/runtime/crypto.ts');
    const data = 'SDK-HMAC-SHA256\n20240102T030405Z\n测试';
    expect(await sha256Hex(data)).toBe(createHash('sha256').update(data).digest('hex'));
    expect(await hmacSha256Hex('SecretKey', data)).toBe(createHmac('sha256', 'SecretKey').update(data).digest('hex'));
  });

  it("falls back to node:crypto's webcrypto when there is no global crypto (Node 18)", async () => {
    vi.resetModules();
    vi.stubGlobal('crypto', undefined);
    expect((globalThis as { crypto?: unknown }).crypto).toBeUndefined();
    const { sha256Hex } = await import('../../generator/runtime/crypto.ts');
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('self-contained runtime', () => {
  const files = readdirSync(runtimeDir).filter((f) => f.endsWith('.ts'));

  it('imports only sibling runtime files, with .js extensions', () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const file of files) {
      const source = readFileSync(runtimeDir + file, 'utf8');
      const specifiers = [...source.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]!);
      for (const specifier of specifiers) {
        expect(specifier, `${file} imports ${specifier}`).toMatch(/^\.\/[a-z-]+\.js$/);
        expect(files).toContain(specifier.slice(2).replace(/\.js$/, '.ts'));
      }
    }
  });

  const tsc = projectRoot + 'node_modules/typescript/bin/tsc';
  const baseFlags = [
    '--strict',
    '--target',
    'ES2022',
    '--module',
    'NodeNext',
    '--moduleResolution',
    'NodeNext',
    '--lib',
    'ES2022,DOM',
    '--skipLibCheck',
  ];
  // No @types/* at all: proves the runtime needs nothing from Node's typings (browsers have none).
  const noNodeTypes = ['--typeRoots', runtimeDir + 'no-such-type-root'];
  // Settings a consuming package may well have turned on.
  const pickyFlags = [
    '--verbatimModuleSyntax',
    '--isolatedModules',
    '--exactOptionalPropertyTypes',
    '--noUncheckedIndexedAccess',
    '--noImplicitOverride',
    '--noPropertyAccessFromIndexSignature',
  ];
  const runTsc = (flags: string[]) =>
    spawnSync(process.execPath, [tsc, ...flags, ...files.map((f) => runtimeDir + f)], {
      encoding: 'utf8',
      cwd: projectRoot,
    });

  it('passes tsc --strict on its own, without Node typings', () => {
    const result = runTsc([...baseFlags, '--noEmit', ...noNodeTypes]);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 60_000);

  it('passes with the picky compiler flags a consumer may use', () => {
    const result = runTsc([...baseFlags, '--noEmit', ...noNodeTypes, ...pickyFlags]);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 60_000);

  it('compiled by plain tsc, runs in plain Node: reproduces a signing vector and makes a request', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'hwdocs-runtime-'));
    try {
      writeFileSync(join(outDir, 'package.json'), '{"type":"module"}\n');
      // --declaration as in the generated package's tsconfig (declaration emit has its own failure modes).
      const compiled = runTsc([...baseFlags, ...noNodeTypes, '--declaration', '--outDir', outDir]);
      expect(compiled.stdout + compiled.stderr).toBe('');
      // java-testAKSKSigner from the fixture, signed by the compiled JavaScript.
      const script = `
        const m = await import(${JSON.stringify(pathToFileURL(join(outDir, 'index.js')).href)});
        const added = await m.signRequest({ method: 'GET',
          url: 'https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
          headers: { 'Content-Type': 'application/json', TEST_UNDERSCORE: 'TEST_VALUE' }, body: null },
          { accessKey: 'AccessKey', secretKey: 'SecretKey' }, new Date(Date.UTC(2019, 10, 15, 3, 36, 55)), { signedHeaders: 'java' });
        // And one real request through the compiled client, to a server on 127.0.0.1.
        const http = await import('node:http');
        const server = http.createServer((req, res) => {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ url: req.url, token: req.headers['x-auth-token'] }));
        });
        await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
        const client = m.createClient({ region: 'r', endpoint: 'http://127.0.0.1:' + server.address().port, allowInsecureEndpoint: true, projectId: 'p',
          credentials: { type: 'token', token: 't0k' } }, { name: 's', serverTemplate: 'https://s.{region}.example' });
        const op = { operationId: 'Op', method: 'GET', path: '/v1/{project_id}/x', pathParams: ['project_id'], queryParams: ['q'],
          headerParams: [], hasBody: false };
        const res = await client.request(op, { query: { q: 'a b' } });
        server.close();
        process.stdout.write(JSON.stringify({ authorization: added.Authorization, body: res.body }));`;
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout)).toEqual({
        authorization:
          'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d',
        body: { url: '/v1/p/x?q=a%20b', token: 't0k' },
      });
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 60_000);
});
