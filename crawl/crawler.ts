// The crawl itself: a breadth-first walk of one doc set, level by level. Within a level pages are fetched
// with bounded concurrency, but the next level is assembled in a fixed order (parent order, then link order),
// so which pages a --max-pages bound selects, and what a resumed run replays, never depends on timing.
import { join, resolve } from 'node:path';
import { DiskCache, withoutUndefined, type CacheHit, type CacheMeta } from './cache.ts';
import { systemClock } from './clock.ts';
import { writeFileAtomic, writeFileIfChanged } from './files.ts';
import { HostGate } from './host-gate.ts';
import { fetchWithRetries, type FetchOutcome, type RetryOptions } from './http.ts';
import { extractLinks, isHtmlContentType } from './links.ts';
import { MANIFEST_FILE, byUrl, renderManifest } from './manifest.ts';
import { STATE_FILE, StateJournal, loadState } from './state.ts';
import type { CrawlEvent, CrawlFailure, CrawlOptions, CrawlSummary, ManifestPage, PageSource } from './types.ts';
import { FileNamer, isInScope, looksLikePage, normalizeUrl, scopeOf } from './urls.ts';

/** A start URL that is not an absolute http(s) URL, or options out of range. */
export class CrawlUsageError extends Error {}

export const DEFAULTS = {
  concurrency: 4,
  delayMs: 500,
  timeoutMs: 30_000,
  retries: 3,
  retryBaseMs: 1_000,
  retryMaxMs: 30_000,
  maxRetryAfterMs: 120_000,
  maxRedirects: 5,
  userAgent: 'hwdocs-crawler/0.1 (+API reference to OpenAPI; polite: bounded concurrency, per-host delay)',
} as const;

type PageResult = { kind: 'saved'; links: string[] } | { kind: 'failed'; reason: string } | { kind: 'aborted' };

/** Validates and normalises the start URLs (deduplicated, order kept). */
export function normalizeStartUrls(urls: readonly string[]): string[] {
  if (urls.length === 0) throw new CrawlUsageError('no start URL given');
  const normalized = urls.map((raw) => {
    const url = normalizeUrl(raw);
    if (!url || !/^https?:\/\//i.test(raw.trim())) throw new CrawlUsageError(`not an absolute http(s) URL: ${raw}`);
    return url;
  });
  return [...new Set(normalized)];
}

function checkCount(name: string, value: number | undefined, min: number): void {
  if (value !== undefined && (!Number.isInteger(value) || value < min)) {
    throw new CrawlUsageError(`${name} must be an integer ≥ ${min}, got ${value}`);
  }
}

/** Runs `task` over `items` with at most `limit` in flight; results keep the order of `items`. */
async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
  skipped: () => R | undefined,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = skipped() ?? (await task(items[index]!));
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export async function crawl(urls: string[], options: CrawlOptions): Promise<CrawlSummary> {
  if (!options.outDir) throw new CrawlUsageError('an output folder is required');
  const startUrls = normalizeStartUrls(urls);
  checkCount('concurrency', options.concurrency, 1);
  checkCount('delayMs', options.delayMs, 0);
  checkCount('timeoutMs', options.timeoutMs, 1);
  checkCount('retries', options.retries, 0);
  checkCount('maxRedirects', options.maxRedirects, 0);
  checkCount('maxPages', options.maxPages, 1);
  checkCount('maxBodyBytes', options.maxBodyBytes, 1);

  const outDir = resolve(options.outDir);
  const cache = new DiskCache(resolve(options.cacheDir ?? join(outDir, '.cache')));
  const clock = options.clock ?? systemClock;
  const signal = options.signal;
  const emit = (event: CrawlEvent) => options.onEvent?.(event);
  const maxPages = options.maxPages ?? Number.POSITIVE_INFINITY;
  const scopes = startUrls.map(scopeOf);
  // Several hosts could map different pages to one path, so then the host becomes the first folder.
  const includeHost = new Set(startUrls.map((url) => new URL(url).host)).size > 1;
  const retryOptions: Omit<RetryOptions, 'validators'> = {
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
    maxRedirects: options.maxRedirects ?? DEFAULTS.maxRedirects,
    ...(options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {}),
    userAgent: options.userAgent ?? DEFAULTS.userAgent,
    clock,
    signal,
    gate: new HostGate(options.delayMs ?? DEFAULTS.delayMs, clock),
    retries: options.retries ?? DEFAULTS.retries,
    retryBaseMs: options.retryBaseMs ?? DEFAULTS.retryBaseMs,
    retryMaxMs: options.retryMaxMs ?? DEFAULTS.retryMaxMs,
    maxRetryAfterMs: options.maxRetryAfterMs ?? DEFAULTS.maxRetryAfterMs,
    random: options.random ?? Math.random,
  };

  const statePath = join(outDir, STATE_FILE);
  const previous = options.restart ? undefined : await loadState(statePath, startUrls);
  const resumable = new Set(previous?.done ?? []);
  const done = new Set(previous?.done ?? []);
  const failures = new Map<string, string>();
  const pages = new Map<string, ManifestPage>();
  const seen = new Set<string>(startUrls);
  const counts: Record<PageSource | 'failed', number> = { fetched: 0, cached: 0, revalidated: 0, failed: 0 };
  let finished = 0;

  const progressTotal = () => Math.min(seen.size, maxPages);
  const pendingUrls = () => [...seen].filter((url) => !done.has(url) && !failures.has(url));
  const failureList = (): CrawlFailure[] => [...failures].map(([url, reason]) => ({ url, reason }));
  const namer = new FileNamer(includeHost);

  const journal = new StateJournal(
    statePath,
    () => ({ startUrls, done: [...done], failed: failureList() }),
    () => done.size + failures.size,
  );
  await journal.start({ startUrls, done: [...done], failed: previous?.failed ?? [] });

  const savePage = async (url: string, meta: CacheMeta, body: Buffer, source: PageSource): Promise<string[]> => {
    const file = namer.fileFor(url);
    await writeFileIfChanged(join(outDir, file), body);
    pages.set(
      url,
      withoutUndefined({
        url,
        file,
        status: meta.status,
        etag: meta.etag,
        lastModified: meta.lastModified,
        contentType: meta.contentType,
        finalUrl: meta.finalUrl !== undefined && meta.finalUrl !== url ? meta.finalUrl : undefined,
      }),
    );
    done.add(url);
    failures.delete(url);
    counts[source]++;
    finished++;
    emit({ type: 'page', outcome: source, url, file, done: finished, total: progressTotal() });
    await journal.pageDone(url);
    return isHtmlContentType(meta.contentType) ? extractLinks(body.toString('utf8'), meta.finalUrl ?? url) : [];
  };

  const failPage = async (url: string, reason: string): Promise<PageResult> => {
    done.delete(url);
    failures.set(url, reason);
    counts.failed++;
    finished++;
    emit({ type: 'page', outcome: 'failed', url, reason, done: finished, total: progressTotal() });
    await journal.pageFailed(url, reason);
    return { kind: 'failed', reason };
  };

  // A page that cannot be saved (a file system refusing a name, a full disk) fails alone, with its reason.
  const crawlPage = async (url: string): Promise<PageResult> => {
    try {
      return await crawlPageUnguarded(url);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      return failPage(
        url,
        `cannot save: ${error instanceof Error ? error.message : String(error)}${typeof code === 'string' ? ` (${code})` : ''}`,
      );
    }
  };

  const crawlPageUnguarded = async (url: string): Promise<PageResult> => {
    const cached: CacheHit | undefined = await cache.get(url);
    // Saved earlier in this same (interrupted) crawl: fresh by definition, no request at all.
    if (cached && resumable.has(url))
      return { kind: 'saved', links: await savePage(url, cached.meta, cached.body, 'cached') };

    const outcome: FetchOutcome = await fetchWithRetries(url, {
      ...retryOptions,
      validators: cached ? { etag: cached.meta.etag, lastModified: cached.meta.lastModified } : undefined,
      onRetry: (retry) => emit({ type: 'retry', url, retries: retryOptions.retries, ...retry }),
    });
    switch (outcome.kind) {
      case 'aborted':
        return { kind: 'aborted' };
      case 'error':
        return failPage(url, outcome.reason);
      case 'not-modified': {
        if (!cached) return failPage(url, 'HTTP 304 Not Modified but no cached copy');
        const meta: CacheMeta = {
          ...cached.meta,
          etag: outcome.etag ?? cached.meta.etag,
          lastModified: outcome.lastModified ?? cached.meta.lastModified,
        };
        await cache.updateMeta(meta);
        return { kind: 'saved', links: await savePage(url, meta, cached.body, 'revalidated') };
      }
      case 'ok': {
        const meta = await cache.put(
          {
            url,
            status: outcome.status,
            etag: outcome.etag,
            lastModified: outcome.lastModified,
            contentType: outcome.contentType,
            finalUrl: outcome.finalUrl,
          },
          outcome.body,
        );
        return { kind: 'saved', links: await savePage(url, meta, outcome.body, 'fetched') };
      }
    }
  };

  let level = [...startUrls];
  let taken = 0;
  while (level.length > 0 && taken < maxPages && !signal?.aborted) {
    const batch = level.slice(0, maxPages - taken);
    taken += batch.length;
    const results = await mapWithConcurrency(batch, options.concurrency ?? DEFAULTS.concurrency, crawlPage, () =>
      signal?.aborted ? { kind: 'aborted' as const } : undefined,
    );
    const next: string[] = [];
    for (const result of results) {
      if (result.kind !== 'saved') continue;
      for (const link of result.links) {
        if (seen.has(link) || !isInScope(link, scopes) || !looksLikePage(link)) continue;
        seen.add(link);
        next.push(link);
      }
    }
    level = next;
  }

  const pending = pendingUrls();
  const interrupted = signal?.aborted ?? false;
  if (pending.length === 0 && failures.size === 0 && !interrupted) await journal.remove();
  else await journal.flush();

  const manifestFile = join(outDir, MANIFEST_FILE);
  const sortedPages = [...pages.values()].sort(byUrl);
  const failureEntries = failureList().sort(byUrl);
  await writeFileAtomic(
    manifestFile,
    renderManifest({ startUrls, pages: sortedPages, failures: failureEntries, pending }),
  );

  return {
    outDir,
    manifestFile,
    saved: counts.fetched + counts.cached + counts.revalidated,
    fetched: counts.fetched,
    cached: counts.cached,
    revalidated: counts.revalidated,
    failed: counts.failed,
    failures: failureEntries,
    pending: pending.length,
    interrupted,
    pages: sortedPages,
  };
}
