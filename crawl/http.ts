// One page request: manual redirects with a hop limit and loop detection, a timeout covering the body,
// conditional headers for revalidation, and retries with backoff for transient failures.
import { backoffDelayMs, isRetryableStatus, parseRetryAfterMs } from './backoff.ts';
import type { HostGate } from './host-gate.ts';
import type { Clock } from './types.ts';

export type FetchOutcome =
  | {
      kind: 'ok';
      status: number;
      body: Buffer;
      etag?: string;
      lastModified?: string;
      contentType?: string;
      finalUrl: string;
    }
  | { kind: 'not-modified'; etag?: string; lastModified?: string; finalUrl: string }
  | { kind: 'error'; reason: string; retryable: boolean; retryAfterMs?: number }
  | { kind: 'aborted' };

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export interface RequestOptions {
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
  maxRedirects: number;
  userAgent: string;
  clock: Clock;
  /** Cached validators: sent as If-None-Match / If-Modified-Since. */
  validators?: Validators;
  signal?: AbortSignal;
  /** Largest decoded body accepted (default MAX_PAGE_BYTES). */
  maxBodyBytes?: number;
}

/** Largest page body kept, after decoding: Huawei pages are below 2 MB; a flood or a bomb stops here. */
export const MAX_PAGE_BYTES = 32 * 1024 * 1024;
/** Decoded bytes per byte on the wire a compressed body may reach (HTML compresses 5–20×; a gzip bomb 1000×). */
export const MAX_COMPRESSION_RATIO = 100;
/** Below this many decoded bytes the ratio is not checked (a tiny page of spaces compresses very well). */
const RATIO_FLOOR_BYTES = 1024 * 1024;

/**
 * Reads a body chunk by chunk, stopping at `limit` decoded bytes, or when a compressed body (undici decodes gzip,
 * deflate and br itself) grows beyond MAX_COMPRESSION_RATIO times its Content-Length. The rest is never buffered.
 */
async function readBodyCapped(response: Response, limit: number): Promise<Buffer | { tooLarge: string }> {
  const encoding = response.headers.get('content-encoding');
  const wireLength = Number(response.headers.get('content-length') ?? NaN);
  if (!encoding && Number.isFinite(wireLength) && wireLength > limit) {
    await discardBody(response);
    return { tooLarge: `body of ${wireLength} bytes is larger than the ${limit}-byte limit (maxBodyBytes)` };
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    const ratioBreached =
      encoding &&
      Number.isFinite(wireLength) &&
      total > RATIO_FLOOR_BYTES &&
      total > wireLength * MAX_COMPRESSION_RATIO;
    if (total > limit || ratioBreached) {
      await reader.cancel().catch(() => undefined);
      return {
        tooLarge: ratioBreached
          ? `${encoding} body expands beyond ${MAX_COMPRESSION_RATIO}× its ${wireLength} bytes (MAX_COMPRESSION_RATIO); reading stopped at ${total} bytes`
          : `body is larger than the ${limit}-byte limit (maxBodyBytes); reading stopped`,
      };
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

function requestHeaders(options: RequestOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': options.userAgent,
    accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
  };
  if (options.validators?.etag) headers['if-none-match'] = options.validators.etag;
  if (options.validators?.lastModified) headers['if-modified-since'] = options.validators.lastModified;
  return headers;
}

/** A short, human reason for a thrown fetch error, e.g. `network error: ECONNRESET (other side closed)`. */
export function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const message = error instanceof Error ? error.message : String(error);
  const detail = [cause?.code, cause?.message].filter(Boolean).join(' ');
  return `network error: ${message}${detail ? ` (${detail})` : ''}`;
}

/** The response header, or undefined when absent (so it is omitted from manifests rather than null). */
function header(response: Response, name: string): string | undefined {
  return response.headers.get(name) ?? undefined;
}

/** Drains nothing: tells undici we do not want the body so the connection can be reused or closed. */
async function discardBody(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/** A single attempt, following redirects itself so that loops and hop counts are under our control. */
export async function fetchOnce(url: string, options: RequestOptions): Promise<FetchOutcome> {
  const chain = [url];
  let current = url;
  for (;;) {
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
    try {
      const response = await options.fetch(current, { redirect: 'manual', headers: requestHeaders(options), signal });

      if (REDIRECT_STATUSES.has(response.status)) {
        await discardBody(response);
        const location = response.headers.get('location');
        if (!location) return { kind: 'error', reason: `HTTP ${response.status} without Location`, retryable: false };
        const next = new URL(location, current).href;
        // The doc set lives on one scheme, host and port: a redirect elsewhere is not a page of it.
        if (new URL(next).origin !== new URL(url).origin) {
          return { kind: 'error', reason: `redirect to another origin not followed: ${next}`, retryable: false };
        }
        if (chain.includes(next)) {
          return { kind: 'error', reason: `redirect loop: ${[...chain, next].join(' → ')}`, retryable: false };
        }
        if (chain.length > options.maxRedirects) {
          return { kind: 'error', reason: `too many redirects (more than ${options.maxRedirects})`, retryable: false };
        }
        chain.push(next);
        current = next;
        continue;
      }

      if (response.status === 304) {
        await discardBody(response);
        return {
          kind: 'not-modified',
          etag: header(response, 'etag'),
          lastModified: header(response, 'last-modified'),
          finalUrl: current,
        };
      }

      if (response.status < 200 || response.status > 299) {
        await discardBody(response);
        const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'), options.clock.now());
        return {
          kind: 'error',
          reason: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
          retryable: isRetryableStatus(response.status),
          ...(retryAfterMs !== undefined && { retryAfterMs }),
        };
      }

      const read = await readBodyCapped(response, options.maxBodyBytes ?? MAX_PAGE_BYTES);
      if (!Buffer.isBuffer(read)) return { kind: 'error', reason: read.tooLarge, retryable: false };
      const body = read;
      // undici usually throws on a short body itself; this catches the cases it lets through.
      const declaredLength = response.headers.get('content-length');
      if (
        declaredLength !== null &&
        !response.headers.get('content-encoding') &&
        Number(declaredLength) !== body.length
      ) {
        return { kind: 'error', reason: `truncated body: ${body.length} of ${declaredLength} bytes`, retryable: true };
      }
      return {
        kind: 'ok',
        status: response.status,
        body,
        etag: header(response, 'etag'),
        lastModified: header(response, 'last-modified'),
        contentType: header(response, 'content-type'),
        finalUrl: current,
      };
    } catch (error) {
      if (options.signal?.aborted) return { kind: 'aborted' };
      if (timeout.aborted) return { kind: 'error', reason: `timeout after ${options.timeoutMs} ms`, retryable: true };
      return { kind: 'error', reason: describeNetworkError(error), retryable: true };
    }
  }
}

export interface RetryOptions extends RequestOptions {
  gate: HostGate;
  retries: number;
  retryBaseMs: number;
  retryMaxMs: number;
  maxRetryAfterMs: number;
  random: () => number;
  onRetry?: (retry: { attempt: number; reason: string; delayMs: number }) => void;
}

/** Attempts until success, a permanent failure, or the retry budget is spent; each attempt waits for the host gate. */
export async function fetchWithRetries(url: string, options: RetryOptions): Promise<FetchOutcome> {
  const host = new URL(url).host;
  for (let attempt = 1; ; attempt++) {
    await options.gate.wait(host, options.signal);
    if (options.signal?.aborted) return { kind: 'aborted' };
    const outcome = await fetchOnce(url, options);
    if (outcome.kind !== 'error' || !outcome.retryable) return outcome;
    if (attempt > options.retries) {
      return { ...outcome, reason: `${outcome.reason} (gave up after ${attempt} attempts)` };
    }
    let delayMs: number;
    if (outcome.retryAfterMs !== undefined) {
      // The server said when to come back: honour it (bounded) for every request to that host, not just this one.
      delayMs = Math.min(outcome.retryAfterMs, options.maxRetryAfterMs);
      options.gate.pauseUntil(host, options.clock.now() + delayMs);
    } else {
      delayMs = backoffDelayMs(attempt, options.retryBaseMs, options.retryMaxMs, options.random);
    }
    options.onRetry?.({ attempt, reason: outcome.reason, delayMs });
    await options.clock.sleep(delayMs, options.signal);
    if (options.signal?.aborted) return { kind: 'aborted' };
  }
}
