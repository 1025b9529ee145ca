// Pure parts of the crawler: URL → file names, scope, link extraction, backoff, the host gate, output.
import { describe, expect, it } from 'vitest';
import { backoffDelayMs, isRetryableStatus, parseRetryAfterMs } from '../../crawl/backoff.ts';
import { HostGate } from '../../crawl/host-gate.ts';
import { extractLinks, isHtmlContentType } from '../../crawl/links.ts';
import { renderManifest } from '../../crawl/manifest.ts';
import { formatEvent, formatSummary, progressBar, createProgressReporter } from '../../crawl/progress.ts';
import { fileNameForUrl, isInScope, looksLikePage, normalizeUrl, scopeOf } from '../../crawl/urls.ts';
import { normalizeStartUrls, CrawlUsageError } from '../../crawl/crawler.ts';

describe('fileNameForUrl', () => {
  it('uses the URL path', () => {
    expect(fileNameForUrl('https://support.huaweicloud.com/api-apig/ShowDetailsOfApiV2.html')).toBe(
      'api-apig/ShowDetailsOfApiV2.html',
    );
    expect(fileNameForUrl('https://support.huaweicloud.com/intl/en-us/api-apig/apig-api-180713009.html')).toBe(
      'intl/en-us/api-apig/apig-api-180713009.html',
    );
  });
  it('names directory URLs index.html and adds .html to other names', () => {
    expect(fileNameForUrl('https://h.example/api-apig/')).toBe('api-apig/index.html');
    expect(fileNameForUrl('https://h.example/')).toBe('index.html');
    expect(fileNameForUrl('https://h.example/api-apig/topic')).toBe('api-apig/topic.html');
    expect(fileNameForUrl('https://h.example/api-apig/page.aspx')).toBe('api-apig/page.aspx.html');
  });
  it('keeps distinct URLs apart: queries and unsafe characters get a hash of the original', () => {
    const a = fileNameForUrl('https://h.example/d/page.html?lang=en');
    const b = fileNameForUrl('https://h.example/d/page.html?lang=zh');
    expect(a).toMatch(/^d\/page__q[0-9a-f]{8}\.html$/);
    expect(a).not.toBe(b);
    const spaced = fileNameForUrl('https://h.example/d/my%20page.html');
    const underscored = fileNameForUrl('https://h.example/d/my_page.html');
    expect(spaced).toMatch(/^d\/my_page-[0-9a-f]{8}\.html$/);
    expect(underscored).toBe('d/my_page.html');
  });
  it('names non-ASCII and empty segments safely', () => {
    expect(fileNameForUrl('https://h.example/d/%E4%B8%AD%E6%96%87.html')).toMatch(/^d\/__-[0-9a-f]{8}\.html$/);
    expect(fileNameForUrl('https://h.example/a//b.html')).toMatch(/^a\/_-[0-9a-f]{8}\/b\.html$/);
  });
  it('never climbs out of the output folder', () => {
    for (const url of ['https://h.example/a/%2e%2e/%2e%2e/etc/passwd', 'https://h.example/a/..%2f..%2fx.html']) {
      expect(fileNameForUrl(url).split('/')).not.toContain('..');
    }
  });
  it('prefixes the host when asked', () => {
    expect(fileNameForUrl('http://127.0.0.1:8080/d/x.html', { includeHost: true })).toBe('127.0.0.1_8080/d/x.html');
  });
});

describe('scope', () => {
  const scopes = [scopeOf('https://support.huaweicloud.com/api-apig/apig-api-180713009.html')];
  it('is the host and the directory of the start URL', () => {
    expect(scopes[0]).toEqual({ origin: 'https://support.huaweicloud.com', pathPrefix: '/api-apig/' });
    expect(isInScope('https://support.huaweicloud.com/api-apig/sub/x.html', scopes)).toBe(true);
    expect(isInScope('https://support.huaweicloud.com/api-ecs/x.html', scopes)).toBe(false);
    expect(isInScope('https://support.huaweicloud.com/api-apig-v2/x.html', scopes)).toBe(false);
    expect(isInScope('http://support.huaweicloud.com/api-apig/x.html', scopes)).toBe(false);
    expect(isInScope('https://other.example/api-apig/x.html', scopes)).toBe(false);
  });
  it('skips assets', () => {
    expect(looksLikePage('https://h.example/d/x.html')).toBe(true);
    expect(looksLikePage('https://h.example/d/')).toBe(true);
    expect(looksLikePage('https://h.example/d/figure.PNG')).toBe(false);
    expect(looksLikePage('https://h.example/d/manual.pdf')).toBe(false);
  });
  it('normalises URLs and rejects non-http(s) ones', () => {
    expect(normalizeUrl('https://u:p@H.example:443/a/b.html#frag')).toBe('https://h.example/a/b.html');
    expect(normalizeUrl('ftp://h.example/x')).toBeUndefined();
    expect(normalizeUrl('not a url')).toBeUndefined();
    expect(normalizeStartUrls(['https://h.example/a/', 'https://h.example/a/#x'])).toEqual(['https://h.example/a/']);
    expect(() => normalizeStartUrls(['support.huaweicloud.com/api-apig/'])).toThrow(CrawlUsageError);
    expect(() => normalizeStartUrls([])).toThrow(CrawlUsageError);
  });
});

describe('extractLinks', () => {
  it('resolves relative links in document order, once each, honouring <base href>', () => {
    const html = `<base href="https://h.example/docs/api/"><a href="b.html#x">b</a><a href="../up.html">up</a>
      <a href="b.html">again</a><a href="#top">top</a><a href="mailto:x@y">m</a><a href="javascript:void(0)">j</a><a>none</a>`;
    expect(extractLinks(html, 'https://h.example/elsewhere/page.html')).toEqual([
      'https://h.example/docs/api/b.html',
      'https://h.example/docs/up.html',
    ]);
  });
  it('parses only HTML', () => {
    expect(isHtmlContentType('text/html; charset=utf-8')).toBe(true);
    expect(isHtmlContentType(undefined)).toBe(true);
    expect(isHtmlContentType('application/pdf')).toBe(false);
  });
});

describe('retry policy', () => {
  it('retries 429 and 5xx only', () => {
    expect([429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 403, 404, 410].some(isRetryableStatus)).toBe(false);
  });
  it('doubles the backoff step up to the ceiling, jittering the upper half', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, 100, 500, () => 0))).toEqual([50, 100, 200, 250]);
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, 100, 500, () => 0.999999))).toEqual([100, 200, 400, 500]);
  });
  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('Tue, 01 Jul 2025 08:00:00 GMT');
    expect(parseRetryAfterMs('120', now)).toBe(120_000);
    expect(parseRetryAfterMs('Tue, 01 Jul 2025 08:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfterMs('Tue, 01 Jul 2025 07:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfterMs(null, now)).toBeUndefined();
  });
});

describe('HostGate', () => {
  it('spaces request starts per host and lets Retry-After pause a host', async () => {
    let now = 0;
    const sleeps: string[] = [];
    const gate = new HostGate(500, { now: () => now, sleep: async (ms) => void sleeps.push(`${ms}`) });
    await Promise.all([gate.wait('a'), gate.wait('a'), gate.wait('a'), gate.wait('b')]);
    expect(sleeps).toEqual(['500', '1000']);
    now = 10_000;
    gate.pauseUntil('b', 13_000);
    await gate.wait('b');
    expect(sleeps).toEqual(['500', '1000', '3000']);
  });
});

describe('output', () => {
  const summary = {
    outDir: '/m/apig',
    manifestFile: '/m/apig/crawl-manifest.json',
    saved: 3,
    fetched: 1,
    cached: 1,
    revalidated: 1,
    failed: 1,
    failures: [{ url: 'https://h.example/d/x.html', reason: 'HTTP 404 Not Found' }],
    pending: 0,
    interrupted: false,
    pages: [],
  };
  it('prints plain progress lines and a summary', () => {
    expect(
      formatEvent({
        type: 'page',
        outcome: 'fetched',
        url: 'https://h.example/d/a.html',
        file: 'd/a.html',
        done: 12,
        total: 40,
      }),
    ).toBe('[12/40] fetched https://h.example/d/a.html');
    expect(formatSummary(summary)).toBe(
      'crawl: 3 page(s) saved to /m/apig — fetched 1, cached 1, revalidated 1, failed 1\n' +
        '  failed https://h.example/d/x.html: HTTP 404 Not Found\n' +
        'rerun the same command to retry the failed pages (saved pages are not refetched)\n' +
        'manifest: /m/apig/crawl-manifest.json\n',
    );
  });
  it('draws a bar on a TTY and lines elsewhere', () => {
    expect(progressBar(5, 20, 10)).toBe('###-------');
    expect(progressBar(0, 0, 4)).toBe('----');
    const written: string[] = [];
    const tty = createProgressReporter({ isTTY: true, columns: 80, write: (t: string) => written.push(t) });
    tty.onEvent({
      type: 'page',
      outcome: 'fetched',
      url: 'https://h.example/d/a.html',
      file: 'd/a.html',
      done: 1,
      total: 2,
    });
    tty.finish();
    expect(written.join('')).toMatch(/^\[1\/2\] #{10}-{10} fetched https:\/\/h\.example\/d\/a\.html\r\x1b\[K$/);
    const lines: string[] = [];
    createProgressReporter({ write: (t: string) => lines.push(t) }).onEvent({
      type: 'retry',
      url: 'https://h.example/d/a.html',
      attempt: 1,
      retries: 3,
      reason: 'HTTP 503',
      delayMs: 700,
    });
    expect(lines).toEqual(['retry 1/3 https://h.example/d/a.html (HTTP 503) in 700 ms\n']);
  });
  it('renders the manifest sorted and with a fixed key order', () => {
    const text = renderManifest({
      startUrls: ['https://h.example/d/index.html'],
      pages: [
        { file: 'd/b.html', url: 'https://h.example/d/b.html', status: 200 },
        { etag: '"1"', url: 'https://h.example/d/a.html', status: 200, file: 'd/a.html' },
      ],
      failures: [],
      pending: [],
    });
    expect(text).toBe(
      JSON.stringify(
        {
          startUrls: ['https://h.example/d/index.html'],
          pages: [
            { url: 'https://h.example/d/a.html', file: 'd/a.html', status: 200, etag: '"1"' },
            { url: 'https://h.example/d/b.html', file: 'd/b.html', status: 200 },
          ],
        },
        null,
        2,
      ) + '\n',
    );
  });
});
