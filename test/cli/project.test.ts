// The life of hwdocs in a team's repo: build from config, a doc page changes, `check` fails and names the spec,
// `diff` shows the change, rebuild, `check` passes. Runs the real CLI in a temporary project with real pages.

import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const MAIN = join(ROOT, 'cli/main.ts');
const PAGE = 'manual/apig/修改流控策略.md';

async function hwdocs(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(TSX, [MAIN, ...args], { cwd, maxBuffer: 1 << 26 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('build → check → diff in a downstream project', () => {
  let project: string;

  beforeAll(async () => {
    project = await mkdtemp(join(tmpdir(), 'hwdocs-project-'));
    await cp(join(ROOT, PAGE), join(project, 'manual/apig/修改流控策略.md'));
    await cp(join(ROOT, 'manual/apig/创建流控策略.md'), join(project, 'manual/apig/创建流控策略.md'));
    await writeFile(
      join(project, 'hwdocs.config.json'),
      JSON.stringify({
        services: [{ name: 'apig', inputs: ['manual/apig'], spec: 'spec/apig.openapi.yaml', output: 'output/apig' }],
      }),
    );
  });

  afterAll(async () => {
    await rm(project, { recursive: true, force: true });
  });

  it('builds the spec and the package, and check finds them up to date', async () => {
    const build = await hwdocs(project, 'build');
    expect(build.code, build.stderr).toBe(0);
    expect(await readFile(join(project, 'spec/apig.openapi.yaml'), 'utf8')).toContain(
      'operationId: UpdateRequestThrottlingPolicyV2',
    );
    expect(await readFile(join(project, 'output/apig/client.ts'), 'utf8')).toContain('updateRequestThrottlingPolicyV2');
    const check = await hwdocs(project, 'check');
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toContain('apig: up to date');
  }, 120_000);

  it('fails when a page changed, names the spec and the package files, and diff shows the change', async () => {
    await cp(join(project, 'spec/apig.openapi.yaml'), join(project, 'before.yaml'));
    const page = join(project, 'manual/apig/修改流控策略.md');
    const text = await readFile(page, 'utf8');
    // The doc update: `remark` (optional, no limit) becomes `description`.
    await writeFile(page, text.replace('<p>remark</p>', '<p>description</p>'));

    const check = await hwdocs(project, 'check');
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('apig: out of date');
    expect(check.stdout).toMatch(/spec\/apig\.openapi\.yaml \(\d+ breaking/);
    expect(check.stdout).toContain('output/apig/types.ts');

    const rebuilt = await hwdocs(project, 'build');
    expect(rebuilt.code).toBe(0);
    const diff = await hwdocs(project, 'diff', 'before.yaml', 'spec/apig.openapi.yaml', '--format', 'text');
    expect(diff.stdout).toMatch(/remark/);
    expect(diff.stdout).toMatch(/description/);
    expect((await hwdocs(project, 'check')).code).toBe(0);
  }, 180_000);

  it('rejects an invalid config with the problems and exit 2', async () => {
    await writeFile(
      join(project, 'bad.json'),
      JSON.stringify({ services: [{ name: 'Bad Name', inputs: [], spec: 'x.txt', extra: 1 }] }),
    );
    const result = await hwdocs(project, 'build', '--config', 'bad.json');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("/services/0/name: 'Bad Name' does not match");
    expect(result.stderr).toContain('/services/0/inputs: needs at least 1 item(s)');
    expect(result.stderr).toContain('/services/0/extra: unknown setting');
    expect(result.stderr).toContain("/services/0/spec: 'x.txt' does not match");
  }, 60_000);
});

describe('URL inputs in the config are crawled, then scraped', () => {
  it('builds a spec from pages served by a local doc site', async () => {
    const { createServer } = await import('node:http');
    const page = await readFile(join(ROOT, 'test/fixtures/html-en/elb/CreateL7Policy.html'));
    const index = Buffer.from(
      '<html><body><h1 class="topictitle1">API Reference</h1><a href="CreateL7Policy.html">Creating a forwarding policy</a></body></html>',
    );
    const server = createServer((req, res) => {
      const body =
        req.url === '/api-elb/index.html' ? index : req.url === '/api-elb/CreateL7Policy.html' ? page : undefined;
      res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body ?? 'not found');
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const { port } = server.address() as { port: number };
    const project = await mkdtemp(join(tmpdir(), 'hwdocs-url-'));
    try {
      await writeFile(
        join(project, 'hwdocs.config.json'),
        JSON.stringify({
          services: [
            { name: 'elb', inputs: [`http://127.0.0.1:${port}/api-elb/index.html`], spec: 'spec/elb.openapi.yaml' },
          ],
        }),
      );
      const build = await hwdocs(project, 'build');
      expect(build.code, build.stderr).toBe(0);
      const spec = await readFile(join(project, 'spec/elb.openapi.yaml'), 'utf8');
      expect(spec).toContain('/v3/{project_id}/elb/l7policies:');
      expect(spec).toContain('operationId: CreateL7Policy');
    } finally {
      server.close();
      await rm(project, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('check never writes outside its scratch folder', () => {
  it('compares an absolute spec path without overwriting it, and reports the stale file', async () => {
    const project = await mkdtemp(join(tmpdir(), 'hwdocs-abs-'));
    const elsewhere = await mkdtemp(join(tmpdir(), 'hwdocs-abs-spec-'));
    try {
      await cp(join(ROOT, PAGE), join(project, 'manual/page.md'));
      const spec = join(elsewhere, 'apig.yaml');
      await writeFile(
        join(project, 'hwdocs.config.json'),
        JSON.stringify({ services: [{ name: 'apig', inputs: ['manual'], spec }] }),
      );
      await writeFile(spec, 'stale: true\n');
      const check = await hwdocs(project, 'check');
      expect(check.code).toBe(1);
      expect(check.stdout).toContain('out of date');
      expect(await readFile(spec, 'utf8')).toBe('stale: true\n');
    } finally {
      await rm(project, { recursive: true, force: true });
      await rm(elsewhere, { recursive: true, force: true });
    }
  }, 60_000);
});
