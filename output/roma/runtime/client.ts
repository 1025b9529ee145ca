// The HTTP client every generated package uses: builds the URL, authenticates (IAM token or AK/SK signature),
// retries what is safe to retry, enforces timeouts and cancellation, and turns failures into typed errors.

import {
  ClientConfigError,
  buildQueryString,
  fillPathTemplate,
  resolveEndpoint,
  stringifyParamValue,
  toQueryPairs,
} from './encoding.js';
import {
  HuaweiCloudApiError,
  NetworkError,
  RedirectError,
  RequestValidationError,
  ResponseTooLargeError,
  ResponseParseError,
  ResponseValidationError,
  TimeoutError,
  parseErrorBody,
  redactText,
  redactValue,
} from './errors.js';
import {
  DEFAULT_RETRIES,
  isIdempotentMethod,
  isRetriableStatus,
  parseRetryAfter,
  resolveRetryPolicy,
  retryDelayMs,
  sleep,
} from './retry.js';
import { signRequest, type SignedHeaderPolicy, type SignedHeaderPolicyName } from './signer.js';
import type {
  ApiResponse,
  ClientOptions,
  Credentials,
  OperationSpec,
  RequestArgs,
  ServiceInfo,
  ValidationIssue,
} from './types.js';

export const RUNTIME_VERSION = '0.1.0';
const DEFAULT_MEDIA_TYPE = 'application/json';
/** Per-attempt time limit when ClientOptions.timeoutMs is not set: a silent server must not hold a call forever. */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Largest response body read when ClientOptions.maxResponseBytes is not set (a flood must not exhaust memory). */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

export interface Client {
  request<T>(op: OperationSpec, args?: RequestArgs): Promise<ApiResponse<T>>;
}

/** A request ready to be signed and sent (no auth headers yet). */
export interface PreparedRequest {
  method: OperationSpec['method'];
  url: string;
  headers: Record<string, string>;
  body: string | Uint8Array | null;
}

// ---------------------------------------------------------------------------------------------------------
// Request preparation (pure)

/** Sets a header, replacing any existing header of the same name in another letter case. */
function setHeader(headers: Record<string, string>, name: string, value: string): void {
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name.toLowerCase()) delete headers[key];
  headers[name] = value;
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name.toLowerCase());
}

/** A header name as RFC 9110 allows it (a token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Visible ASCII, space and tab: what every fetch implementation and proxy accepts in a header value. */
const HEADER_VALUE = /^[\t\x20-\x7e]*$/;

/**
 * Text the runtime itself puts in a header (User-Agent from a service title that may be Chinese): non-ASCII
 * characters become UTF-8 percent-escapes and control characters are dropped, so a request never fails on it.
 */
export function toAsciiHeaderValue(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x20 && code <= 0x7e) out += ch;
    else if (code > 0x7f) out += encodeURIComponent(ch);
  }
  return out.trim();
}

function isJsonMediaType(mediaType: string): boolean {
  const base = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  return base === 'application/json' || base.endsWith('+json');
}

/** Serialises a request body for its media type; undefined means "send no body". */
export function serializeBody(body: unknown, mediaType: string): string | Uint8Array | undefined {
  if (body === undefined) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  const base = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (base === 'application/x-www-form-urlencoded' && typeof body === 'object' && body !== null) {
    return buildQueryString(toQueryPairs(body as Record<string, unknown>));
  }
  if (isJsonMediaType(mediaType) || base === '' || base.startsWith('text/')) return JSON.stringify(body);
  // multipart/form-data and friends: fetch would pick the boundary itself, after signing, so the signed
  // body could not match what is sent. Callers pass such bodies pre-encoded (string or bytes).
  throw new RequestValidationError([
    {
      path: '/body',
      keyword: 'mediaType',
      message: `a ${base} body must be passed pre-encoded as a string or Uint8Array`,
    },
  ]);
}

/** URL, headers and body of one operation call, before authentication. Throws RequestValidationError. */
export function prepareRequest(
  op: OperationSpec,
  args: RequestArgs,
  options: Pick<
    ClientOptions,
    'region' | 'endpoint' | 'projectId' | 'userAgent' | 'credentials' | 'allowInsecureEndpoint'
  >,
  service: ServiceInfo,
): PreparedRequest {
  const pathValues: Record<string, unknown> = { ...(args.path ?? {}) };
  // {project_id} is almost always the caller's own project: fill it from the client options.
  if ((pathValues['project_id'] === undefined || pathValues['project_id'] === null) && options.projectId) {
    pathValues['project_id'] = options.projectId;
  }
  const filled = fillPathTemplate(op.path, pathValues);
  if (filled.missing.length > 0) {
    throw new RequestValidationError(
      filled.missing.map((name) => ({
        path: `/path/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        keyword: 'required',
        message: `path parameter '${name}' is required${name === 'project_id' ? ' (or set ClientOptions.projectId)' : ''}`,
      })),
      op.operationId,
    );
  }
  if (filled.refused.length > 0) {
    throw new RequestValidationError(
      filled.refused.map((name) => ({
        path: `/path/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        keyword: 'pathSegment',
        message: `path parameter '${name}' must not be empty, '.' or '..' (the URL would name another resource)`,
      })),
      op.operationId,
    );
  }

  const base = resolveEndpoint(
    service.serverTemplate,
    options.region,
    options.endpoint,
    options.allowInsecureEndpoint === true,
  );
  const query = buildQueryString(toQueryPairs(args.query));
  const url = `${base}${filled.path}${query === '' ? '' : '?' + query}`;
  // What is signed must be what is sent: if URL parsing would rewrite the path (dot segments in the template or
  // the endpoint), refuse rather than sign one path and request another.
  const expectedPath = new URL(base).pathname.replace(/\/+$/, '') + filled.path || '/';
  if (new URL(url).pathname !== expectedPath) {
    throw new ClientConfigError(
      `${op.operationId}: the URL ${JSON.stringify(url.split('?')[0])} would be rewritten by URL parsing; refusing to send it`,
    );
  }

  const headers: Record<string, string> = {};
  const headerIssues: ValidationIssue[] = [];
  for (const [name, value] of Object.entries(args.headers ?? {})) {
    if (value === undefined || value === null) continue;
    const text = stringifyParamValue(value);
    if (!HEADER_NAME.test(name) || !HEADER_VALUE.test(text)) {
      // The value is not quoted: a header may carry a secret.
      headerIssues.push({
        path: `/headers/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        keyword: 'headerValue',
        message: `header '${toAsciiHeaderValue(name)}' must have a token name and a printable-ASCII value (no line breaks, no non-ASCII text)`,
      });
      continue;
    }
    setHeader(headers, name, text);
  }
  if (headerIssues.length > 0) throw new RequestValidationError(headerIssues, op.operationId);
  if (!hasHeader(headers, 'User-Agent')) {
    const userAgent = options.userAgent ?? `hwdocs-runtime/${RUNTIME_VERSION} (${service.name})`;
    setHeader(headers, 'User-Agent', toAsciiHeaderValue(userAgent));
  }

  const mediaType = op.mediaType ?? DEFAULT_MEDIA_TYPE;
  const body =
    op.hasBody && op.method !== 'GET' && op.method !== 'HEAD' ? serializeBody(args.body, mediaType) : undefined;
  if (body !== undefined && !hasHeader(headers, 'Content-Type')) setHeader(headers, 'Content-Type', mediaType);

  // Credentials go last so a documented header parameter of the same name cannot replace them.
  const credentials = options.credentials;
  for (const secret of secretsOf(credentials)) {
    if (!HEADER_VALUE.test(secret) || secret.trim() !== secret || secret === '') {
      throw new ClientConfigError(
        'credentials: a token, secret key or security token must be non-empty printable ASCII without surrounding spaces',
      );
    }
  }
  if (credentials.type === 'token') {
    setHeader(headers, 'X-Auth-Token', credentials.token);
  } else {
    // A token already names its project; an AK/SK signature does not, so project-scoped APIs need the header.
    if (options.projectId && !hasHeader(headers, 'X-Project-Id')) setHeader(headers, 'X-Project-Id', options.projectId);
    if (credentials.securityToken) setHeader(headers, 'X-Security-Token', credentials.securityToken);
  }
  return { method: op.method, url, headers, body: body ?? null };
}

// ---------------------------------------------------------------------------------------------------------
// Response decoding (pure)

function headersToRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  return out;
}

const utf8 = new TextDecoder('utf-8');

function looksLikeJson(text: string): boolean {
  const start = text.trimStart()[0];
  return start === '{' || start === '[';
}

type DecodedBody = { ok: true; value: unknown } | { ok: false; reason: string; text: string };

/**
 * Decodes a 2xx body: JSON when declared (a parse failure is an error) or when an undeclared/text body looks
 * like JSON (gateways sometimes say text/plain); other text as a string; anything else as bytes.
 */
export function decodeSuccessBody(bytes: Uint8Array, contentType: string | undefined): DecodedBody {
  if (bytes.byteLength === 0) return { ok: true, value: undefined };
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const declaredJson = isJsonMediaType(type);
  const textual = declaredJson || type === '' || type.startsWith('text/');
  if (!textual) return { ok: true, value: bytes };
  const text = utf8.decode(bytes);
  if (declaredJson || looksLikeJson(text)) {
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch (error) {
      if (declaredJson) return { ok: false, reason: error instanceof Error ? error.message : String(error), text };
    }
  }
  return { ok: true, value: text };
}

/** An error body: parsed JSON when it parses, the text otherwise. */
export function decodeErrorBody(bytes: Uint8Array): unknown {
  const text = utf8.decode(bytes);
  if (looksLikeJson(text)) {
    try {
      return JSON.parse(text);
    } catch {
      // fall through: keep the text
    }
  }
  return text;
}

// ---------------------------------------------------------------------------------------------------------
// One attempt

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  bytes: Uint8Array;
}

type AttemptOutcome = { kind: 'response'; response: RawResponse } | { kind: 'network'; error: NetworkError };

/** A plain, secret-free summary of a low-level failure (undici hides the real reason in `cause`). */
function describeFailure(error: unknown, secrets: readonly string[]): { text: string; cause: Error } {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    parts.push(`${current.message}${typeof code === 'string' ? ` (${code})` : ''}`);
    current = (current as { cause?: unknown }).cause;
  }
  if (parts.length === 0) parts.push(String(error));
  const text = redactText(parts.join(': '), secrets);
  const cause = new Error(text);
  cause.name = error instanceof Error ? error.name : 'Error';
  return { text, cause };
}

/** Reads a body up to `limit` bytes; beyond that the read stops and the rest is never buffered. */
async function readCapped(res: Response, limit: number, abort: () => void): Promise<Uint8Array | 'too-large'> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    abort();
    return 'too-large';
  }
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      abort();
      await reader.cancel().catch(() => undefined);
      return 'too-large';
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** 3xx, or the opaque answer browsers give for `redirect: 'manual'`. */
function isRedirect(res: Response): boolean {
  return res.type === 'opaqueredirect' || (res.status >= 300 && res.status <= 399 && res.status !== 304);
}

async function attemptOnce(
  fetchImpl: typeof fetch,
  request: PreparedRequest & { headers: Record<string, string> },
  ctx: {
    op: OperationSpec;
    timeoutMs: number | undefined;
    maxResponseBytes: number;
    signal: AbortSignal | undefined;
    secrets: readonly string[];
  },
): Promise<AttemptOutcome> {
  // One controller per attempt, fed by the caller's signal and by our timer. Forwarding by hand (instead of
  // AbortSignal.any) works on Node 18/20.0-20.2 and older browsers, and tells us which of the two fired.
  const controller = new AbortController();
  let timedOut = false;
  const onCallerAbort = (): void => controller.abort(ctx.signal?.reason);
  ctx.signal?.addEventListener('abort', onCallerAbort, { once: true });
  const timer =
    ctx.timeoutMs !== undefined && ctx.timeoutMs > 0
      ? setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, ctx.timeoutMs)
      : undefined;
  try {
    // Redirects are never followed: fetch would replay X-Auth-Token, X-Security-Token, the signature and the
    // body to wherever Location points, another origin included. The API gateway does not redirect API calls.
    const init: RequestInit = {
      method: request.method,
      headers: request.headers,
      signal: controller.signal,
      redirect: 'manual',
    };
    if (request.body !== null) init.body = request.body as BodyInit;
    const res = await fetchImpl.call(globalThis, request.url, init);
    if (isRedirect(res)) {
      await res.body?.cancel().catch(() => undefined);
      const location = res.headers.get('location');
      throw new RedirectError({
        operationId: ctx.op.operationId,
        status: res.status,
        ...(location !== null ? { location: redactText(location, ctx.secrets) } : {}),
      });
    }
    // The timer keeps running while the body streams in: a server that stalls mid-body also times out.
    const bytes =
      request.method === 'HEAD'
        ? new Uint8Array(0)
        : await readCapped(res, ctx.maxResponseBytes, () => controller.abort());
    if (bytes === 'too-large') {
      throw new ResponseTooLargeError({
        operationId: ctx.op.operationId,
        status: res.status,
        limit: ctx.maxResponseBytes,
      });
    }
    return { kind: 'response', response: { status: res.status, headers: headersToRecord(res.headers), bytes } };
  } catch (error) {
    if (error instanceof RedirectError || error instanceof ResponseTooLargeError) throw error;
    if (ctx.signal?.aborted) throw ctx.signal.reason;
    const where = `${ctx.op.operationId} (${request.method} ${request.url.split('?')[0]})`;
    if (timedOut) {
      throw new TimeoutError(`${where} timed out after ${ctx.timeoutMs} ms`, {
        operationId: ctx.op.operationId,
        ...(ctx.timeoutMs !== undefined ? { timeoutMs: ctx.timeoutMs } : {}),
      });
    }
    const failure = describeFailure(error, ctx.secrets);
    return {
      kind: 'network',
      error: new NetworkError(`${where} failed: ${failure.text}`, {
        operationId: ctx.op.operationId,
        cause: failure.cause,
      }),
    };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    ctx.signal?.removeEventListener('abort', onCallerAbort);
  }
}

// ---------------------------------------------------------------------------------------------------------
// The client

/** ClientOptions plus knobs that generated code never sets but tests and power users may. */
export interface AdvancedClientOptions extends ClientOptions {
  /** Signed-header policy for AK/SK; default 'client' (see signer.ts). */
  signedHeaders?: SignedHeaderPolicy | SignedHeaderPolicyName;
  /** Source of jitter; default Math.random. */
  random?: () => number;
}

function secretsOf(credentials: Credentials): string[] {
  if (credentials.type === 'token') return [credentials.token];
  return [credentials.secretKey, ...(credentials.securityToken ? [credentials.securityToken] : [])];
}

/** Each secret as sent and in the percent-encoded form a server may echo it in (a URL, a form body). */
function redactionList(credentials: Credentials): string[] {
  const out = new Set<string>();
  for (const secret of secretsOf(credentials)) {
    out.add(secret);
    out.add(encodeURIComponent(secret));
  }
  return [...out];
}

/** Response headers with every echoed secret replaced (an X-Request-Id that repeats the token, a Set-Cookie …). */
function redactHeaders(headers: Record<string, string>, secrets: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = redactText(value, secrets);
  return out;
}

function buildApiError(op: OperationSpec, response: RawResponse, secrets: readonly string[]): HuaweiCloudApiError {
  const body = redactValue(decodeErrorBody(response.bytes), secrets);
  const parsed = parseErrorBody(body);
  const requestId = parsed.requestId ?? redactHeaders(response.headers, secrets)['x-request-id'];
  return new HuaweiCloudApiError({
    operationId: op.operationId,
    status: response.status,
    ...(parsed.errorCode !== undefined ? { errorCode: parsed.errorCode } : {}),
    ...(parsed.errorMsg !== undefined ? { errorMsg: parsed.errorMsg } : {}),
    ...(requestId !== undefined ? { requestId } : {}),
    body,
  });
}

export function createClient(options: AdvancedClientOptions, service: ServiceInfo): Client {
  // Looked up per call (a polyfill or test double installed later is used) and never called detached from
  // globalThis, which browsers reject with "Illegal invocation".
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const maxRetries = Math.max(0, Math.floor(options.retries ?? DEFAULT_RETRIES));
  const retryPolicy = resolveRetryPolicy(options.retryPolicy);
  const random = options.random ?? Math.random;
  const now = options.now ?? (() => new Date());
  const validateMode = options.validate ?? 'request';
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  if (!(timeoutMs >= 0) || !(maxResponseBytes > 0)) {
    throw new ClientConfigError('timeoutMs must be ≥ 0 (0: no limit) and maxResponseBytes > 0');
  }
  // Fail at construction, not at the first call, for a bad region or endpoint.
  resolveEndpoint(service.serverTemplate, options.region, options.endpoint, options.allowInsecureEndpoint === true);

  // `args` may be omitted: an operation whose parameters are all optional is called as `client.listX()`.
  async function request<T>(op: OperationSpec, args: RequestArgs = {}): Promise<ApiResponse<T>> {
    if (validateMode !== 'off' && op.validateRequest) {
      const issues = op.validateRequest(args);
      if (issues.length > 0) throw new RequestValidationError(issues, op.operationId);
    }
    const prepared = prepareRequest(op, args, options, service);
    // Everything that must never surface in an error; Authorization values are added as they are made.
    const secrets = redactionList(options.credentials);
    const retriable = isIdempotentMethod(op.method);

    for (let attempt = 0; ; attempt++) {
      if (args.signal?.aborted) throw args.signal.reason;
      const headers = { ...prepared.headers };
      const credentials = options.credentials;
      if (credentials.type === 'aksk') {
        // Re-signed on every attempt: X-Sdk-Date must be fresh (the gateway allows 15 minutes of skew).
        const added = await signRequest({ ...prepared, headers }, credentials, now(), {
          ...(options.signedHeaders !== undefined ? { signedHeaders: options.signedHeaders } : {}),
        });
        Object.assign(headers, added);
        if (added['Authorization'])
          secrets.push(added['Authorization'], added['Authorization'].replace(/^.*Signature=/, ''));
      }

      const outcome = await attemptOnce(
        fetchImpl,
        { ...prepared, headers },
        {
          op,
          timeoutMs: timeoutMs === 0 ? undefined : timeoutMs,
          maxResponseBytes,
          signal: args.signal,
          secrets,
        },
      );
      const canRetry = retriable && attempt < maxRetries;

      if (outcome.kind === 'network') {
        if (!canRetry) throw outcome.error;
        await sleep(retryDelayMs(attempt, undefined, retryPolicy, random), args.signal);
        continue;
      }

      const response = outcome.response;
      if (response.status < 200 || response.status > 299) {
        if (canRetry && isRetriableStatus(response.status)) {
          const retryAfter = parseRetryAfter(response.headers['retry-after'], now().getTime());
          await sleep(retryDelayMs(attempt, retryAfter, retryPolicy, random), args.signal);
          continue;
        }
        throw buildApiError(op, response, secrets);
      }
      return finishSuccess<T>(op, response, secrets, validateMode);
    }
  }

  return { request };
}

function finishSuccess<T>(
  op: OperationSpec,
  response: RawResponse,
  secrets: readonly string[],
  validateMode: 'request' | 'all' | 'off',
): ApiResponse<T> {
  const headers = redactHeaders(response.headers, secrets);
  const decoded = decodeSuccessBody(response.bytes, headers['content-type']);
  if (!decoded.ok) {
    const requestId = headers['x-request-id'];
    throw new ResponseParseError({
      operationId: op.operationId,
      status: response.status,
      ...(requestId !== undefined ? { requestId } : {}),
      bodyText: redactText(decoded.text, secrets),
      reason: decoded.reason,
    });
  }
  const body = decoded.value;
  if (validateMode === 'all' && op.validateResponse) {
    const issues: ValidationIssue[] = op.validateResponse(response.status, body);
    if (issues.length > 0) {
      throw new ResponseValidationError(issues, {
        operationId: op.operationId,
        status: response.status,
        body: redactValue(body, secrets),
      });
    }
  }
  const bodyRequestId = parseErrorBody(body).requestId;
  const requestId =
    headers['x-request-id'] ?? (bodyRequestId === undefined ? undefined : redactText(bodyRequestId, secrets));
  return {
    status: response.status,
    headers,
    ...(requestId !== undefined ? { requestId } : {}),
    body: body as T,
  };
}
