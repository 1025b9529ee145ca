// `hwdocs crawl` through the CLI entry: exit codes and output, against a local server.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main.ts';
import { respond, startDocServer, type DocServer } from './server.ts';

let server: DocServer;
let outDir: string;
let stdout: string[];
let stderr: string[];

beforeEach(async () => {
  server = await startDocServer();
  outDir = mkdtempSync(join(tmpdir(), 'hwdocs-crawl-cli-'));
  stdout = [];
  stderr = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (stdout.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true));
});

afterEach(async () => {
  vi.restoreAllMocks();
  await server.close();
  rmSync(outDir, { recursive: true, force: true });
});

const fast = ['--delay-ms', '0', '--timeout-ms', '2000'];

describe('hwdocs crawl', () => {
  it('exits 0 when pages were saved and none failed, printing progress lines (--verbose) and the summary', async () => {
    const code = await main(['crawl', server.url('/api-demo/index.html'), '-o', outDir, '--verbose', ...fast]);
    expect(code).toBe(0);
    expect(stderr.join('')).toContain(`[1/1] fetched ${server.url('/api-demo/index.html')}\n`);
    expect(stdout.join('')).toContain('crawl: 4 page(s) saved to');
    expect(stdout.join('')).toContain('fetched 4, cached 0, revalidated 0, failed 0');
    expect(readFileSync(join(outDir, 'api-demo/sub/topic-c.html'), 'utf8')).toContain('APIG.2001');
  });

  it('exits 1 when a page failed, naming it and the reason', async () => {
    server.faults.set('/api-demo/topic-b.html', respond(404));
    const code = await main(['crawl', server.url('/api-demo/index.html'), '-o', outDir, '-q', ...fast]);
    expect(code).toBe(1);
    expect(stdout.join('')).toContain(`failed ${server.url('/api-demo/topic-b.html')}: HTTP 404 Not Found`);
    expect(stderr.join('')).toBe('');
  });

  it('exits 1 when nothing could be saved', async () => {
    const code = await main(['crawl', server.url('/api-demo/missing.html'), '-o', outDir, '-q', ...fast]);
    expect(code).toBe(1);
  });

  it.each([
    ['a missing -o', ['http://127.0.0.1:9/api-demo/index.html']],
    ['no URL', ['-o', 'x']],
    ['a bad URL', ['support.huaweicloud.com/api-apig/', '-o', 'x']],
    ['a non-numeric option', ['http://127.0.0.1:9/d/', '-o', 'x', '--concurrency', 'many']],
    ['a zero concurrency', ['http://127.0.0.1:9/d/', '-o', 'x', '--concurrency', '0']],
    ['an unknown flag', ['http://127.0.0.1:9/d/', '-o', 'x', '--depth', '3']],
  ])('exits 2 for %s without any request', async (_name, args) => {
    expect(await main(['crawl', ...args])).toBe(2);
    expect(stderr.join('')).toMatch(/^hwdocs crawl: /);
    expect(server.requests).toHaveLength(0);
  });
});
