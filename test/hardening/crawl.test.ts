// Class "the crawler survives hostile servers and itself" (issue 11 §2, §3, §7), against servers on 127.0.0.1:
// redirects to another origin, link names no file system takes as they are, a gzip bomb and a flood, and a crawl
// killed with SIGKILL mid-way then resumed. Every case asserts that nothing outside the output folder changed.
// Bounds: bodies stop at a cap set in the test (or the default ratio cap); the killed crawl has 30 pages.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawl } from '../../crawl/index.ts';
import { HARDENING_TMP, ROOT, treeHash } from './helpers.ts';

const DIR = join(HARDENING_TMP, 'crawl');
const page = (body: string) => `<!DOCTYPE html><html><body>${body}</body></html>`;

let main: Server;
let other: Server;
let origin = '';
let otherOrigin = '';
const hits: string[] = [];
const otherHits: string[] = [];
const LONG = 'x'.repeat(300);
const NAMES = [
  `${LONG}.html`,
  'a.html',
  'a.html/b.html',
  'dup',
  'dup.html',
  'Dup.html',
  'con.html',
  'AUX',
  'trail..html',
  '%2e%2e/escape.html',
];
const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));

beforeAll(async () => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  other = createServer((req, res) => {
    otherHits.push(req.url ?? '');
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(page('stolen'));
  });
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
  otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  main = createServer((req, res) => {
    const url = req.url ?? '';
    hits.push(url);
    if (url === '/docs/index.html') {
      const links = [...NAMES, 'away.html', 'bomb.html', 'flood.html'].map((n) => `<a href="${n}">${n}</a>`).join('');
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(page(links));
    } else if (url === '/docs/away.html') {
      res.writeHead(307, { Location: `${otherOrigin}/docs/away.html` }).end();
    } else if (url === '/docs/bomb.html') {
      res
        .writeHead(200, {
          'Content-Type': 'text/html',
          'Content-Encoding': 'gzip',
          'Content-Length': String(bomb.length),
        })
        .end(bomb);
    } else if (url === '/docs/flood.html') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      const chunk = Buffer.alloc(1 << 20, 0x41);
      let sent = 0;
      const pump = (): void => {
        while (!res.destroyed && sent < 1024) {
          sent++;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    } else {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(page(`page ${url}`));
    }
  });
  await new Promise<void>((r) => main.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(main.address() as AddressInfo).port}`;
});
afterAll(() => {
  main.closeAllConnections();
  main.close();
  other.close();
});

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out;
}

describe('one hostile doc set', () => {
  let summary: Awaited<ReturnType<typeof crawl>>;
  const out = join(DIR, 'out');
  let before = '';
  beforeAll(async () => {
    before = treeHash(DIR, new Set(['out']));
    summary = await crawl([`${origin}/docs/index.html`], {
      outDir: out,
      delayMs: 0,
      retries: 0,
      maxBodyBytes: 8 * 1024 * 1024,
      concurrency: 2,
    });
  }, 120_000);

  it('writes nothing outside its folder', () => {
    expect(treeHash(DIR, new Set(['out']))).toBe(before);
    for (const page of summary.pages) expect(resolve(out, page.file).startsWith(out + '/')).toBe(true);
  });
  it('does not follow a redirect to another port, and says so', () => {
    expect(otherHits).toEqual([]);
    expect(summary.failures.find((f) => f.url.endsWith('/away.html'))?.reason).toMatch(
      /redirect to another origin not followed/,
    );
  });
  it('stops a gzip bomb at the ratio cap and a flood at the size cap, each a failure of its page only', () => {
    expect(summary.failures.find((f) => f.url.endsWith('/bomb.html'))?.reason).toMatch(/MAX_COMPRESSION_RATIO/);
    expect(summary.failures.find((f) => f.url.endsWith('/flood.html'))?.reason).toMatch(/limit \(maxBodyBytes\)/);
    expect(summary.failures).toHaveLength(3);
  });
  it('saves every other page under its own file: long, reserved, a.html vs a.html/b, dup vs dup.html vs Dup.html', () => {
    // index + every name but `%2e%2e/escape.html`, which URL parsing resolves to /escape.html, outside the doc set.
    expect(summary.saved).toBe(NAMES.length);
    expect(hits).not.toContain('/escape.html');
    const files = summary.pages.map((p) => p.file);
    expect(new Set(files.map((f) => f.toLowerCase())).size).toBe(files.length);
    const onDisk = filesUnder(out).filter((f) => !f.startsWith('.') && f !== 'crawl-manifest.json');
    expect(onDisk.sort()).toEqual([...files].sort());
    for (const file of files) {
      for (const segment of file.split('/')) {
        expect(segment.length).toBeLessThanOrEqual(120);
        expect(segment).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i);
        expect(segment).not.toMatch(/\.$/);
      }
    }
    // Each file holds its own page.
    for (const p of summary.pages)
      expect(readFileSync(join(out, p.file), 'utf8')).toContain(
        p.url === `${origin}/docs/index.html` ? 'href' : `page ${new URL(p.url).pathname}`,
      );
  });
  it('a resumed crawl of the same set names the files the same way', async () => {
    const again = await crawl([`${origin}/docs/index.html`], {
      outDir: out,
      delayMs: 0,
      retries: 0,
      maxBodyBytes: 8 * 1024 * 1024,
      concurrency: 2,
    });
    expect(again.pages.map((p) => p.file)).toEqual(summary.pages.map((p) => p.file));
  }, 120_000);
});

describe('kill -9 in the middle of a crawl', () => {
  const PAGES = 30;
  let server: Server;
  let base = '';
  const served: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      served.push(req.url ?? '');
      // Slow enough that the kill lands mid-crawl.
      setTimeout(() => {
        const links =
          req.url === '/set/index.html'
            ? Array.from({ length: PAGES }, (_, i) => `<a href="p${i}.html">p${i}</a>`).join('')
            : '';
        res.writeHead(200, { 'Content-Type': 'text/html' }).end(page(`${req.url} ${links}`));
      }, 60);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('loses at most the page in flight', async () => {
    const out = join(DIR, 'killed');
    const before = treeHash(DIR, new Set(['killed', 'out']));
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'cli/main.ts'),
        'crawl',
        `${base}/set/index.html`,
        '-o',
        out,
        '--delay-ms',
        '0',
        '--concurrency',
        '1',
        '-q',
      ],
      {
        cwd: DIR,
        stdio: 'ignore',
      },
    );
    // Kill once about a third of the pages were requested.
    await new Promise<void>((done) => {
      const timer = setInterval(() => {
        if (served.length >= 11) {
          clearInterval(timer);
          child.kill('SIGKILL');
          done();
        }
      }, 5);
    });
    await new Promise((r) => child.once('exit', r));
    const requestedBeforeKill = served.length;
    expect(existsSync(join(out, '.crawl-state.jsonl'))).toBe(true);
    served.length = 0;
    const resumed = await crawl([`${base}/set/index.html`], { outDir: out, delayMs: 0, concurrency: 1 });
    expect(resumed.saved).toBe(PAGES + 1);
    expect(resumed.failed).toBe(0);
    // Pages journaled before the kill come from the cache; at most the one in flight (plus the one whose
    // request was already counted) is fetched again.
    expect(resumed.cached).toBeGreaterThanOrEqual(requestedBeforeKill - 2);
    expect(served.length).toBe(resumed.fetched);
    expect(resumed.fetched + resumed.cached).toBe(PAGES + 1);
    expect(treeHash(DIR, new Set(['killed', 'out']))).toBe(before);
  }, 120_000);
});
