// End-to-end crawler tests against a real HTTP server on 127.0.0.1 with injected faults.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crawl, MANIFEST_FILE, STATE_FILE, type Clock, type CrawlEvent, type CrawlOptions } from '../../crawl/index.ts';
import { fixtureBytes, respond, startDocServer, type DocServer } from './server.ts';

let server: DocServer;
let outDir: string;

beforeEach(async () => {
  server = await startDocServer();
  outDir = mkdtempSync(join(tmpdir(), 'hwdocs-crawl-'));
});

afterEach(async () => {
  await server.close();
  rmSync(outDir, { recursive: true, force: true });
});

/** Fast, polite-enough settings for a local server; tests override what they exercise. */
function options(extra: Partial<CrawlOptions> = {}): CrawlOptions {
  return { outDir, delayMs: 0, retryBaseMs: 2, retryMaxMs: 10, timeoutMs: 2_000, ...extra };
}

/** A clock whose sleeps return at once but are recorded, and advance virtual time. */
function virtualClock(): { clock: Clock; sleeps: number[] } {
  let now = 1_750_000_000_000;
  const sleeps: number[] = [];
  return {
    sleeps,
    clock: {
      now: () => now,
      sleep: async (ms) => {
        sleeps.push(ms);
        now += ms;
      },
    },
  };
}

const DOC_SET = [
  '/api-demo/index.html',
  '/api-demo/sub/topic-c.html',
  '/api-demo/topic-a.html',
  '/api-demo/topic-b.html',
];
const savedFile = (path: string) => join(outDir, path.slice(1));
const readManifest = () => JSON.parse(readFileSync(join(outDir, MANIFEST_FILE), 'utf8'));

describe('crawl a doc set', () => {
  it('saves every in-scope page byte for byte under its URL path and writes a sorted manifest', async () => {
    const summary = await crawl([server.url('/api-demo/index.html')], options());

    expect(summary).toMatchObject({
      saved: 4,
      fetched: 4,
      cached: 0,
      revalidated: 0,
      failed: 0,
      pending: 0,
      interrupted: false,
    });
    for (const path of DOC_SET) expect(readFileSync(savedFile(path))).toEqual(fixtureBytes(path.slice(1)));

    const manifest = readManifest();
    expect(manifest.pages.map((p: { url: string }) => p.url)).toEqual(DOC_SET.map((p) => server.url(p)));
    expect(manifest.pages[2]).toEqual({
      url: server.url('/api-demo/topic-a.html'),
      file: 'api-demo/topic-a.html',
      status: 200,
      etag: expect.stringMatching(/^".+"$/),
      lastModified: 'Tue, 01 Jul 2025 08:00:00 GMT',
      contentType: 'text/html; charset=utf-8',
    });
    expect(manifest.failed).toBeUndefined();
    // A finished crawl leaves no resume state behind.
    expect(existsSync(join(outDir, STATE_FILE))).toBe(false);
  });

  it('follows no link outside the host and directory of the start URL, and no asset links', async () => {
    await crawl([server.url('/api-demo/index.html')], options());
    const paths = server.requests.map((r) => r.path).sort();
    expect(paths).toEqual(DOC_SET);
    expect(existsSync(join(outDir, 'other-doc'))).toBe(false);
  });

  it('keeps at most --concurrency requests in flight', async () => {
    server.responseDelayMs = 20;
    await crawl([server.url('/api-demo/index.html')], options({ concurrency: 1 }));
    expect(server.maxInFlight).toBe(1);
  });

  it('waits --delay-ms between request starts to the same host', async () => {
    const { clock, sleeps } = virtualClock();
    await crawl([server.url('/api-demo/index.html')], options({ clock, delayMs: 500 }));
    // Four pages: the first starts at once, each later one waits for its own 500 ms slot.
    expect(sleeps).toEqual([500, 500, 500]);
  });

  it('gives identical manifest bytes on a second crawl of unchanged pages', async () => {
    await crawl([server.url('/api-demo/index.html')], options());
    const first = readFileSync(join(outDir, MANIFEST_FILE));
    await crawl([server.url('/api-demo/index.html')], options({ concurrency: 1 }));
    expect(readFileSync(join(outDir, MANIFEST_FILE))).toEqual(first);
  });
});

describe('faults', () => {
  it('retries 5xx responses with backoff and then saves the page', async () => {
    server.faults.set('/api-demo/topic-a.html', (_req, res, n) => {
      if (n > 2) return false;
      res.writeHead(n === 1 ? 500 : 503).end('busy');
      return true;
    });
    const events: CrawlEvent[] = [];
    const summary = await crawl([server.url('/api-demo/index.html')], options({ onEvent: (e) => events.push(e) }));

    expect(summary).toMatchObject({ fetched: 4, failed: 0 });
    expect(server.countOf('/api-demo/topic-a.html')).toBe(3);
    const retries = events.filter((e) => e.type === 'retry');
    expect(retries.map((e) => e.type === 'retry' && e.reason)).toEqual([
      'HTTP 500 Internal Server Error',
      'HTTP 503 Service Unavailable',
    ]);
  });

  it('times out a stalled request and retries it', async () => {
    server.faults.set('/api-demo/topic-b.html', (_req, _res, n) => n === 1); // first request: never answered
    const events: CrawlEvent[] = [];
    const summary = await crawl(
      [server.url('/api-demo/index.html')],
      options({ timeoutMs: 300, onEvent: (e) => events.push(e) }),
    );
    expect(summary).toMatchObject({ fetched: 4, failed: 0 });
    expect(server.countOf('/api-demo/topic-b.html')).toBe(2);
    expect(events).toContainEqual(expect.objectContaining({ type: 'retry', reason: 'timeout after 300 ms' }));
  });

  it('retries a truncated body (Content-Length larger than what was sent) and saves the full page', async () => {
    server.faults.set('/api-demo/topic-a.html', (_req, res, n) => {
      if (n > 1) return false;
      const body = fixtureBytes('api-demo/topic-a.html');
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': body.length });
      res.write(body.subarray(0, 100));
      setTimeout(() => res.socket?.destroy(), 5);
      return true;
    });
    const events: CrawlEvent[] = [];
    const summary = await crawl([server.url('/api-demo/index.html')], options({ onEvent: (e) => events.push(e) }));
    expect(summary).toMatchObject({ fetched: 4, failed: 0 });
    expect(server.countOf('/api-demo/topic-a.html')).toBe(2);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'retry', reason: expect.stringMatching(/^(network error|truncated body)/) }),
    );
    expect(readFileSync(savedFile('/api-demo/topic-a.html'))).toEqual(fixtureBytes('api-demo/topic-a.html'));
  });

  it('detects a redirect loop, reports it without retrying, and keeps the other pages', async () => {
    server.faults.set('/api-demo/topic-b.html', respond(302, { location: '/api-demo/loop.html' }));
    server.faults.set('/api-demo/loop.html', respond(302, { location: '/api-demo/topic-b.html' }));
    const summary = await crawl([server.url('/api-demo/index.html')], options());

    expect(summary).toMatchObject({ saved: 3, failed: 1 });
    expect(summary.failures).toEqual([
      { url: server.url('/api-demo/topic-b.html'), reason: expect.stringMatching(/^redirect loop: /) },
    ]);
    expect(server.countOf('/api-demo/topic-b.html')).toBe(1);
    expect(readManifest().failed).toEqual(summary.failures);
    expect(existsSync(savedFile('/api-demo/topic-a.html'))).toBe(true);
  });

  it('stops after --max-redirects hops and saves a followed redirect under the requested URL', async () => {
    server.faults.set('/api-demo/topic-a.html', respond(301, { location: '/api-demo/moved/topic-a.html' }));
    server.faults.set('/api-demo/moved/topic-a.html', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<h1 class="topictitle1">Moved</h1>');
      return true;
    });
    const followed = await crawl([server.url('/api-demo/index.html')], options());
    expect(followed.failed).toBe(0);
    expect(readFileSync(savedFile('/api-demo/topic-a.html'), 'utf8')).toBe('<h1 class="topictitle1">Moved</h1>');
    expect(followed.pages.find((p) => p.file === 'api-demo/topic-a.html')?.finalUrl).toBe(
      server.url('/api-demo/moved/topic-a.html'),
    );

    const refused = await crawl([server.url('/api-demo/index.html')], options({ maxRedirects: 0, restart: true }));
    expect(refused.failures).toEqual([
      { url: server.url('/api-demo/topic-a.html'), reason: 'too many redirects (more than 0)' },
    ]);
  });

  it('honours Retry-After on 429 before retrying', async () => {
    server.faults.set('/api-demo/topic-a.html', respond(429, { 'retry-after': '7' }, 1));
    const { clock, sleeps } = virtualClock();
    const summary = await crawl([server.url('/api-demo/index.html')], options({ clock, concurrency: 1 }));
    expect(summary).toMatchObject({ fetched: 4, failed: 0 });
    expect(sleeps).toContain(7_000);
  });

  it('bounds a server-given Retry-After by maxRetryAfterMs', async () => {
    server.faults.set('/api-demo/topic-a.html', respond(503, { 'retry-after': '86400' }, 1));
    const { clock, sleeps } = virtualClock();
    await crawl([server.url('/api-demo/index.html')], options({ clock, maxRetryAfterMs: 1_234 }));
    expect(sleeps).toContain(1_234);
    expect(Math.max(...sleeps)).toBe(1_234);
  });

  it('reports a page that keeps failing after the retries, with the reason, and keeps the others', async () => {
    server.faults.set('/api-demo/sub/topic-c.html', respond(502));
    const summary = await crawl([server.url('/api-demo/index.html')], options({ retries: 2 }));
    expect(summary).toMatchObject({ saved: 3, fetched: 3, failed: 1 });
    expect(summary.failures).toEqual([
      { url: server.url('/api-demo/sub/topic-c.html'), reason: 'HTTP 502 Bad Gateway (gave up after 3 attempts)' },
    ]);
    expect(server.countOf('/api-demo/sub/topic-c.html')).toBe(3);
  });

  it('does not retry a 404', async () => {
    server.faults.set('/api-demo/topic-b.html', respond(404));
    const summary = await crawl([server.url('/api-demo/index.html')], options());
    expect(summary.failures).toEqual([{ url: server.url('/api-demo/topic-b.html'), reason: 'HTTP 404 Not Found' }]);
    expect(server.countOf('/api-demo/topic-b.html')).toBe(1);
  });
});

describe('cache and resume', () => {
  it('revalidates with If-None-Match on the next crawl and uses the cached body on 304', async () => {
    await crawl([server.url('/api-demo/index.html')], options());
    const firstRequests = server.requests.length;
    const second = await crawl([server.url('/api-demo/index.html')], options());

    expect(second).toMatchObject({ saved: 4, fetched: 0, revalidated: 4, cached: 0, failed: 0 });
    const revalidations = server.requests.slice(firstRequests);
    expect(revalidations).toHaveLength(4);
    for (const request of revalidations) {
      expect(request.headers['if-none-match']).toMatch(/^".+"$/);
      expect(request.headers['if-modified-since']).toBe('Tue, 01 Jul 2025 08:00:00 GMT');
    }
    for (const path of DOC_SET) expect(readFileSync(savedFile(path))).toEqual(fixtureBytes(path.slice(1)));
  });

  it('uses --cache DIR when given', async () => {
    const cacheDir = join(outDir, 'elsewhere-cache');
    await crawl([server.url('/api-demo/index.html')], options({ cacheDir }));
    expect(existsSync(join(outDir, '.cache'))).toBe(false);
    const second = await crawl([server.url('/api-demo/index.html')], options({ cacheDir }));
    expect(second.revalidated).toBe(4);
  });

  it('resumes a run cut short by max-pages without refetching the pages it saved', async () => {
    const first = await crawl([server.url('/api-demo/index.html')], options({ maxPages: 2, concurrency: 1 }));
    expect(first).toMatchObject({ saved: 2, fetched: 2, pending: 2, failed: 0 });
    // Breadth-first in link order: the index, then its first link.
    expect(first.pages.map((p) => p.file)).toEqual(['api-demo/index.html', 'api-demo/topic-a.html']);
    expect(existsSync(join(outDir, STATE_FILE))).toBe(true);
    expect(readManifest().pending).toEqual([
      server.url('/api-demo/sub/topic-c.html'),
      server.url('/api-demo/topic-b.html'),
    ]);

    const second = await crawl([server.url('/api-demo/index.html')], options());
    expect(second).toMatchObject({ saved: 4, cached: 2, fetched: 2, revalidated: 0, pending: 0, failed: 0 });
    for (const path of DOC_SET) expect(server.countOf(path)).toBe(1);
    expect(existsSync(join(outDir, STATE_FILE))).toBe(false);
    expect(readManifest().pages).toHaveLength(4);
  });

  it('resumes after an interrupted run, and a rerun after failures refetches only the failed page', async () => {
    const controller = new AbortController();
    server.faults.set('/api-demo/topic-b.html', (_req, _res, n) => {
      if (n === 1) controller.abort(); // "Ctrl-C" while this request is in flight; it is never answered
      return n === 1;
    });
    server.faults.set('/api-demo/sub/topic-c.html', respond(404, {}, 1));
    const first = await crawl(
      [server.url('/api-demo/index.html')],
      options({ signal: controller.signal, concurrency: 1 }),
    );
    expect(first).toMatchObject({ interrupted: true, saved: 2 });
    expect(first.pending).toBeGreaterThan(0);

    const second = await crawl([server.url('/api-demo/index.html')], options({ concurrency: 1 }));
    expect(second).toMatchObject({ interrupted: false, cached: 2, fetched: 1, failed: 1 });
    expect(server.countOf('/api-demo/index.html')).toBe(1);
    expect(server.countOf('/api-demo/topic-a.html')).toBe(1);

    const third = await crawl([server.url('/api-demo/index.html')], options({ concurrency: 1 }));
    expect(third).toMatchObject({ cached: 3, fetched: 1, failed: 0, saved: 4 });
    expect(server.countOf('/api-demo/sub/topic-c.html')).toBe(2);
    expect(server.countOf('/api-demo/topic-b.html')).toBe(2);
    expect(existsSync(join(outDir, STATE_FILE))).toBe(false);
  });

  it('--restart ignores the resume state and revalidates instead', async () => {
    await crawl([server.url('/api-demo/index.html')], options({ maxPages: 2, concurrency: 1 }));
    const restarted = await crawl([server.url('/api-demo/index.html')], options({ restart: true }));
    expect(restarted).toMatchObject({ cached: 0, revalidated: 2, fetched: 2 });
  });
});
