// Public types of the client runtime. The generator emits code against these exact names.
// This folder is copied verbatim into every generated package: it must import nothing outside itself
// and use nothing but what Node >= 18 and modern browsers provide (fetch, TextEncoder, Web Crypto).

/** One validation failure; `path` is a JSON pointer into the validated value ('' for the root). */
export interface ValidationIssue {
  path: string;
  keyword: string;
  message: string;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS';

/** Everything the runtime needs to know about one operation; the generator emits one per operation. */
export interface OperationSpec {
  operationId: string;
  method: HttpMethod;
  /** Path template, e.g. '/v2/{project_id}/apigw/instances/{instance_id}/throttles'. */
  path: string;
  /** Wire names of the parameters, as they appear in the template / query string / headers. */
  pathParams: readonly string[];
  queryParams: readonly string[];
  headerParams: readonly string[];
  hasBody: boolean;
  /** Request media type; default application/json. */
  mediaType?: string;
  validateRequest?: (args: RequestArgs) => ValidationIssue[];
  validateResponse?: (status: number, body: unknown) => ValidationIssue[];
}

export interface RequestArgs {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  headers?: Record<string, unknown>;
  body?: unknown;
  signal?: AbortSignal;
}

export interface ApiResponse<T> {
  status: number;
  /** Response headers with lower-case names. */
  headers: Record<string, string>;
  requestId?: string;
  body: T;
}

export type Credentials =
  { type: 'token'; token: string } | { type: 'aksk'; accessKey: string; secretKey: string; securityToken?: string };

/** Tuning of the retry loop; every field has a default (see retry.ts). */
export interface RetryPolicy {
  /** First backoff step in ms (default 200); doubles per attempt. */
  baseDelayMs?: number;
  /** Upper bound of one backoff step in ms (default 5000). */
  maxDelayMs?: number;
  /** Upper bound honoured for a server's Retry-After in ms (default 30000). */
  maxRetryAfterMs?: number;
}

export interface ClientOptions {
  /** Fills `{region}` of the service's server template; not needed when `endpoint` is given. */
  region?: string;
  /** Overrides the service's server template, e.g. a private endpoint or a test server. Must be https. */
  endpoint?: string;
  /** Allows an `http:` endpoint (tests, a local proxy). Credentials then travel in clear text. Default false. */
  allowInsecureEndpoint?: boolean;
  /** Fills `{project_id}` path parameters and, with AK/SK, the X-Project-Id header. */
  projectId?: string;
  credentials: Credentials;
  fetch?: typeof fetch;
  /** Per-attempt time limit in ms (covers connecting, headers and body). Default 60 000; 0 means no limit. */
  timeoutMs?: number;
  /** Largest response body read, in bytes; a larger one is a ResponseTooLargeError. Default 64 MiB. */
  maxResponseBytes?: number;
  /** Extra attempts for idempotent requests on network errors, 429 and 5xx. Default 2. */
  retries?: number;
  /** Default 'request'. */
  validate?: 'request' | 'all' | 'off';
  userAgent?: string;
  retryPolicy?: RetryPolicy;
  /**
   * Clock used for X-Sdk-Date. The gateway rejects signatures whose date is more than 15 minutes off,
   * so a caller with a skewed clock can pass a corrected one; tests pass a fixed one.
   */
  now?: () => Date;
}

export interface ServiceInfo {
  name: string;
  /** e.g. 'https://apig.{region}.myhuaweicloud.com' */
  serverTemplate: string;
}
