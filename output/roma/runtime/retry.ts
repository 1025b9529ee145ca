// When and how long to wait before trying a request again.
// Only idempotent methods are retried: a POST or PATCH that failed with a 5xx or a dropped connection may
// already have taken effect on the server, so repeating it could create a second resource.

import type { HttpMethod, RetryPolicy } from './types.js';

export const DEFAULT_RETRIES = 2;
export const DEFAULT_RETRY_POLICY: Required<RetryPolicy> = {
  baseDelayMs: 200,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 30_000,
};

const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

export function isIdempotentMethod(method: HttpMethod | string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/** 429 (throttled) and 5xx (server or gateway trouble) may succeed on a later attempt; 4xx will not. */
export function isRetriableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/**
 * Retry-After as milliseconds: either delta-seconds or an HTTP date. Undefined when absent or unparsable;
 * a date in the past gives 0. Capping is the caller's business (see retryDelayMs).
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // Only accept something that looks like an HTTP date (contains a letter), so '1.5' or '-3' are rejected.
  if (!/[A-Za-z]/.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/**
 * Exponential backoff with "equal jitter": half of the step is fixed and half random, so retries from many
 * clients spread out without ever collapsing to zero wait. `attempt` is 0 for the first retry.
 */
export function backoffDelayMs(attempt: number, policy: Required<RetryPolicy>, random: () => number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(step / 2 + (step / 2) * random());
}

/** A server's Retry-After wins over our own backoff, capped so a hostile or buggy value cannot hang us. */
export function retryDelayMs(
  attempt: number,
  retryAfterMs: number | undefined,
  policy: Required<RetryPolicy>,
  random: () => number,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxRetryAfterMs);
  return backoffDelayMs(attempt, policy, random);
}

export function resolveRetryPolicy(policy: RetryPolicy | undefined): Required<RetryPolicy> {
  return { ...DEFAULT_RETRY_POLICY, ...stripUndefined(policy ?? {}) };
}

function stripUndefined(policy: RetryPolicy): RetryPolicy {
  const out: RetryPolicy = {};
  if (policy.baseDelayMs !== undefined) out.baseDelayMs = policy.baseDelayMs;
  if (policy.maxDelayMs !== undefined) out.maxDelayMs = policy.maxDelayMs;
  if (policy.maxRetryAfterMs !== undefined) out.maxRetryAfterMs = policy.maxRetryAfterMs;
  return out;
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
