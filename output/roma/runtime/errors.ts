// Error classes and the parsing of Huawei Cloud error bodies.
// None of these ever receives request headers: messages are built from the operation, the status and the
// server's answer only, and the client additionally redacts known secrets from anything the server echoes.

import type { ValidationIssue } from './types.js';

export class HuaweiCloudApiError<Code extends string = string> extends Error {
  readonly status: number;
  /** Huawei error code such as 'APIG.2011' (typed with the service's code union by generated packages). */
  readonly errorCode?: Code | string;
  readonly errorMsg?: string;
  readonly requestId?: string;
  /** Parsed JSON body, or the raw text when the body is not JSON. */
  readonly body: unknown;
  readonly operationId: string;

  constructor(init: {
    operationId: string;
    status: number;
    errorCode?: string;
    errorMsg?: string;
    requestId?: string;
    body: unknown;
  }) {
    super(formatApiErrorMessage(init));
    this.name = 'HuaweiCloudApiError';
    this.operationId = init.operationId;
    this.status = init.status;
    if (init.errorCode !== undefined) this.errorCode = init.errorCode;
    if (init.errorMsg !== undefined) this.errorMsg = init.errorMsg;
    if (init.requestId !== undefined) this.requestId = init.requestId;
    this.body = init.body;
  }
}

function formatApiErrorMessage(init: {
  operationId: string;
  status: number;
  errorCode?: string;
  errorMsg?: string;
  requestId?: string;
}): string {
  const code = init.errorCode ? ` ${init.errorCode}` : '';
  const msg = init.errorMsg ? `: ${init.errorMsg}` : '';
  const rid = init.requestId ? ` (request id ${init.requestId})` : '';
  return `${init.operationId} failed with HTTP ${init.status}${code}${msg}${rid}`;
}

/** The request never got an HTTP response (DNS, refused or reset connection, TLS, …). */
export class NetworkError extends Error {
  readonly operationId?: string;
  constructor(message: string, options: { operationId?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'NetworkError';
    if (options.operationId !== undefined) this.operationId = options.operationId;
  }
}

/** The attempt exceeded ClientOptions.timeoutMs. */
export class TimeoutError extends Error {
  readonly operationId?: string;
  readonly timeoutMs?: number;
  constructor(message: string, options: { operationId?: string; timeoutMs?: number } = {}) {
    super(message);
    this.name = 'TimeoutError';
    if (options.operationId !== undefined) this.operationId = options.operationId;
    if (options.timeoutMs !== undefined) this.timeoutMs = options.timeoutMs;
  }
}

/**
 * The server answered with a redirect. It is never followed: fetch would resend the token or signature and the
 * body to the new location, whichever origin that is. `location` has secrets redacted.
 */
export class RedirectError extends Error {
  readonly operationId: string;
  readonly status: number;
  readonly location?: string;
  constructor(init: { operationId: string; status: number; location?: string }) {
    super(
      `${init.operationId}: HTTP ${init.status} redirect${init.location !== undefined ? ` to ${init.location}` : ''} not followed (credentials and bodies are never sent to another location; set endpoint to the right URL)`,
    );
    this.name = 'RedirectError';
    this.operationId = init.operationId;
    this.status = init.status;
    if (init.location !== undefined) this.location = init.location;
  }
}

/** The response body exceeded ClientOptions.maxResponseBytes; reading stopped there. */
export class ResponseTooLargeError extends Error {
  readonly operationId: string;
  readonly status: number;
  readonly limit: number;
  constructor(init: { operationId: string; status: number; limit: number }) {
    super(
      `${init.operationId}: HTTP ${init.status} response body is larger than ${init.limit} bytes (ClientOptions.maxResponseBytes); reading stopped`,
    );
    this.name = 'ResponseTooLargeError';
    this.operationId = init.operationId;
    this.status = init.status;
    this.limit = init.limit;
  }
}

function describeIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((i) => `  ${i.path === '' ? '(root)' : i.path}: ${i.message} [${i.keyword}]`).join('\n');
}

export class RequestValidationError extends Error {
  readonly issues: ValidationIssue[];
  readonly operationId?: string;
  constructor(issues: ValidationIssue[], operationId?: string) {
    super(
      `${operationId ?? 'request'}: invalid request (${issues.length} issue${issues.length === 1 ? '' : 's'})\n${describeIssues(issues)}`,
    );
    this.name = 'RequestValidationError';
    this.issues = issues;
    if (operationId !== undefined) this.operationId = operationId;
  }
}

export class ResponseValidationError extends Error {
  readonly issues: ValidationIssue[];
  readonly operationId?: string;
  readonly status?: number;
  readonly body?: unknown;
  constructor(issues: ValidationIssue[], init: { operationId?: string; status?: number; body?: unknown } = {}) {
    super(
      `${init.operationId ?? 'response'}: HTTP ${init.status ?? '?'} body does not match the documented schema (${issues.length} issue${issues.length === 1 ? '' : 's'})\n${describeIssues(issues)}`,
    );
    this.name = 'ResponseValidationError';
    this.issues = issues;
    if (init.operationId !== undefined) this.operationId = init.operationId;
    if (init.status !== undefined) this.status = init.status;
    if (init.body !== undefined) this.body = init.body;
  }
}

/** A 2xx response said it was JSON (or looked like it) but did not parse. */
export class ResponseParseError extends Error {
  readonly operationId: string;
  readonly status: number;
  readonly requestId?: string;
  /** The start of the body (at most 500 characters). */
  readonly bodySnippet: string;
  constructor(init: { operationId: string; status: number; requestId?: string; bodyText: string; reason: string }) {
    const snippet = init.bodyText.slice(0, 500);
    super(
      `${init.operationId}: HTTP ${init.status} response body is not valid JSON (${init.reason}); body starts with ${JSON.stringify(snippet.slice(0, 80))}`,
    );
    this.name = 'ResponseParseError';
    this.operationId = init.operationId;
    this.status = init.status;
    if (init.requestId !== undefined) this.requestId = init.requestId;
    this.bodySnippet = snippet;
  }
}

export interface ParsedErrorBody {
  errorCode?: string;
  errorMsg?: string;
  requestId?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstText(record: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value === 'number') return String(value);
  }
  return undefined;
}

const CODE_KEYS = ['error_code', 'errorCode', 'code'] as const;
const MESSAGE_KEYS = ['error_msg', 'errorMsg', 'error_message', 'errorMessage', 'message'] as const;
const REQUEST_ID_KEYS = ['request_id', 'requestId'] as const;

/**
 * Reads code, message and request id from the error-body shapes Huawei services use:
 * `{error_code, error_msg, request_id?}`, `{error: {code, message}}` (IAM, some v3 APIs), `{code, message}`,
 * and plain text (whole text as the message).
 */
export function parseErrorBody(body: unknown): ParsedErrorBody {
  if (typeof body === 'string') {
    const text = body.trim();
    return text === '' ? {} : { errorMsg: text.length > 500 ? text.slice(0, 500) + '…' : text };
  }
  if (!isRecord(body)) return {};
  const nested = isRecord(body['error']) ? body['error'] : undefined;
  const result: ParsedErrorBody = {};
  const errorCode = firstText(body, CODE_KEYS) ?? (nested && firstText(nested, CODE_KEYS));
  const errorMsg =
    firstText(body, MESSAGE_KEYS) ??
    (nested && firstText(nested, MESSAGE_KEYS)) ??
    (typeof body['error'] === 'string' ? body['error'] : undefined);
  const requestId = firstText(body, REQUEST_ID_KEYS) ?? (nested && firstText(nested, REQUEST_ID_KEYS));
  if (errorCode !== undefined) result.errorCode = errorCode;
  if (errorMsg !== undefined) result.errorMsg = errorMsg;
  if (requestId !== undefined) result.requestId = requestId;
  return result;
}

/** Replaces every occurrence of every secret (longest first) with [REDACTED]. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length >= 4) out = out.split(secret).join('[REDACTED]');
  }
  return out;
}

/** Deep copy of a parsed JSON value with secrets redacted from every string (keys included). */
export function redactValue(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets));
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[redactText(key, secrets)] = redactValue(item, secrets);
    return out;
  }
  return value;
}
