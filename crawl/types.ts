// Public types of the crawler: options, events and the summary returned by `crawl()`.

/** Time source and sleeper; injectable so tests can observe waits (e.g. Retry-After) without waiting. */
export interface Clock {
  now(): number;
  /** Resolves after `ms` (or early, never rejecting, when `signal` aborts: callers check `signal.aborted`). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface CrawlOptions {
  /** Folder that receives the saved pages, the manifest and the resume state. */
  outDir: string;
  /** On-disk HTTP cache keyed by URL; default `<outDir>/.cache`. */
  cacheDir?: string;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  /** Minimum gap between two request starts to the same host (default 500 ms). */
  delayMs?: number;
  /** Per-request timeout covering headers and body (default 30 000 ms). */
  timeoutMs?: number;
  /** Retries after the first attempt for network errors, timeouts, 429 and 5xx (default 3). */
  retries?: number;
  /** First backoff step; doubles per retry, with jitter (default 1 000 ms). */
  retryBaseMs?: number;
  /** Ceiling of one backoff step (default 30 000 ms). */
  retryMaxMs?: number;
  /** Ceiling for a server's Retry-After (default 120 000 ms). */
  maxRetryAfterMs?: number;
  /** Largest page body kept, after decoding (default MAX_PAGE_BYTES, 32 MiB); a larger one fails that page. */
  maxBodyBytes?: number;
  /** Redirect hops allowed per request (default 5). */
  maxRedirects?: number;
  /** Upper bound on pages in the crawl, counting pages resumed from an earlier run (default unbounded). */
  maxPages?: number;
  /** Ignore the resume state of an unfinished earlier run and start over (cache is still used to revalidate). */
  restart?: boolean;
  userAgent?: string;
  /** Aborting stops the crawl: in-flight requests are cancelled and the state is kept for a rerun. */
  signal?: AbortSignal;
  onEvent?: (event: CrawlEvent) => void;
  fetch?: typeof globalThis.fetch;
  clock?: Clock;
  /** Source of jitter in [0, 1). */
  random?: () => number;
}

/** How a page came to be saved in this run. */
export type PageSource = 'fetched' | 'cached' | 'revalidated';

export type CrawlEvent =
  | { type: 'page'; outcome: PageSource; url: string; file: string; done: number; total: number }
  | { type: 'page'; outcome: 'failed'; url: string; reason: string; done: number; total: number }
  | { type: 'retry'; url: string; attempt: number; retries: number; reason: string; delayMs: number };

/** One saved page as listed in the manifest. */
export interface ManifestPage {
  url: string;
  /** Path relative to the output folder, with forward slashes. */
  file: string;
  status: number;
  etag?: string;
  lastModified?: string;
  contentType?: string;
  /** Present only when the URL redirected elsewhere. */
  finalUrl?: string;
}

export interface CrawlFailure {
  url: string;
  reason: string;
}

export interface CrawlSummary {
  outDir: string;
  manifestFile: string;
  /** Pages written to the output folder in this run (fetched + cached + revalidated). */
  saved: number;
  fetched: number;
  cached: number;
  revalidated: number;
  failed: number;
  failures: CrawlFailure[];
  /** Discovered in-scope pages not crawled (max-pages reached or interrupted); a rerun continues with them. */
  pending: number;
  interrupted: boolean;
  pages: ManifestPage[];
}
