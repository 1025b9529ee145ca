// A spec full of hostile names and texts (comment terminators, template literals, quotes, line separators,
// reserved words, case-folded duplicates): the generated package compiles under tsc --strict, runs, and nothing
// written in the document executes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compile, fixture, generateFixture, importGenerated, ROOT } from './helpers.ts';
import type { GenerateResult } from '../../generator/index.ts';

let result: GenerateResult;
let server: Server;
let baseUrl: string;
const requests: { method: string; url: string; body: string }[] = [];

beforeAll(async () => {
  delete (globalThis as Record<string, unknown>).pwned;
  result = await generateFixture(fixture('hostile.openapi.yaml'), 'hostile');
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      requests.push({ method: req.method!, url: req.url!, body });
      res.writeHead(req.method === 'DELETE' ? 204 : 200, { 'content-type': 'application/json' });
      res.end(req.method === 'DELETE' ? undefined : JSON.stringify({ delete: 'x', items: [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('hostile spec', () => {
  it('compiles under tsc --strict', () => {
    const { status, output } = compile(result.outDir);
    expect(output).toBe('');
    expect(status).toBe(0);
  }, 60_000);

  it('sanitises names deterministically and keeps wire names exact', async () => {
    const client = await readFile(join(result.outDir, 'client.ts'), 'utf8');
    // `Delete` and `delete` fold to the same name; `DeleteWithResponse` would collide with delete's variant.
    for (const method of [
      'delete_',
      'delete_WithResponse',
      'delete__2',
      'deleteWithResponse',
      'deleteWithResponseWithResponse',
      'class_',
      'constructor_',
    ]) {
      expect(client).toContain(`\n  ${method}(args`); // a member of the client interface
    }
    const types = await readFile(join(result.outDir, 'types.ts'), 'utf8');
    expect(types).toContain("export type ThrottleResp = components['schemas']['ThrottleResp'];");
    expect(types).toContain("export type ThrottleResp_2 = components['schemas']['throttle-resp'];");
    expect(types).toContain("export type ThrottleResp_3 = components['schemas']['throttleResp'];");
    expect(types).toContain("export type Promise_2 = components['schemas']['Promise'];");
    expect(types).toContain("export type _0StartsWithDigit = components['schemas']['0-starts-with-digit'];");
    const operations = await readFile(join(result.outDir, 'operations.ts'), 'utf8');
    expect(operations).toContain("pathParams: ['project_id', 'id-with-dash']");
    expect(operations).toContain("queryParams: ['filter[name]', 'class']");
  });

  it('runs: importing and calling the client and validators executes nothing from the document', async () => {
    const pkg = await importGenerated<Record<string, any>>(result.outDir, 'index.ts');
    const client = pkg.createEvilSvcClient({
      region: 'r',
      endpoint: baseUrl,
      allowInsecureEndpoint: true,
      projectId: 'p',
      credentials: { type: 'token', token: 't' },
      retries: 0,
      validate: 'all',
    });
    await client.delete__2({ path: { 'id-with-dash': 'abc' } });
    expect(requests.at(-1)).toMatchObject({ method: 'DELETE', url: '/v1/p/things/abc' });
    const listed = await client.delete_({
      query: { 'filter[name]': '*/', class: 1 },
      headers: { 'X-Request-Tag': 'x' },
    });
    expect(listed).toEqual({ delete: 'x', items: [] });
    expect(new URL(requests.at(-1)!.url, baseUrl).searchParams.get('filter[name]')).toBe('*/');
    const body = {
      '*/ globalThis.pwned = 1; /*': 'a',
      '\'quoted\'"key"': 'b',
      "`${globalThis.pwned = 'key'}`": 'c',
      '@modelarts:color': 'd',
      'a/b~c': 'e',
    };
    await client.class_({ body });
    expect(JSON.parse(requests.at(-1)!.body)).toEqual(body);
    expect(pkg.validateModelartsColorLabel({ ...body, extra: 1 })).toEqual([
      { path: '/extra', keyword: 'additionalProperties', message: 'must NOT have additional properties' },
    ]);
    expect(pkg.validateModelartsColorLabel({ 'a/b~c': 5 })[0].path).toBe('/a~1b~0c');
    expect(pkg.validateDelete_2('*/')).toEqual([]);
    expect(pkg.errorCatalog[pkg.EvilSvcErrorCode.x].message).toBe("*/ globalThis.pwned = 'code'; /*");
    expect(pkg.EvilSvcErrorCode.EVIL_0001_2).toBe('EVIL.0001');
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  });

  it('runs in a separate Node process (tsx) without side effects from document text', async () => {
    const script = join(result.outDir, 'run-check.ts');
    await writeFile(
      script,
      [
        "import * as pkg from './index.js';",
        "const client = pkg.createEvilSvcClient({ region: 'cn-north-4', credentials: { type: 'token', token: 't' } });",
        'const names = Object.keys(client).sort().join(",");',
        'console.log(JSON.stringify({ pwned: (globalThis as Record<string, unknown>).pwned ?? null, names, codes: Object.values(pkg.EvilSvcErrorCode) }));',
      ].join('\n'),
    );
    const run = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [script], { encoding: 'utf8', cwd: result.outDir });
    expect(run.stderr).toBe('');
    const output = JSON.parse(run.stdout);
    expect(output.pwned).toBeNull();
    expect(output.names).toBe(
      'class_,class_WithResponse,constructor_,constructor_WithResponse,deleteWithResponse,deleteWithResponseWithResponse,delete_,delete_WithResponse,delete__2,delete__2WithResponse,v1',
    ); // flat methods plus the version namespace
    expect(output.codes).toEqual(['*/x', 'EVIL-0001', 'EVIL.0001']);
  }, 60_000);

  it('README and package.json carry the texts escaped for Markdown and JSON, never as HTML entities', async () => {
    const readme = await readFile(join(result.outDir, 'README.md'), 'utf8');
    expect(readme).not.toMatch(/&(amp|lt|gt|quot|#x27|#39|#x60|#x3D);/);
    expect(readme).not.toContain('<script>');
    expect(readme).toContain('\\<script\\>');
    // Doc page links: http(s) only, percent-encoded; a javascript: url stays plain text.
    expect(readme).toContain('](https://support.huaweicloud.com/api-apig/evil%20%281%29.html)');
    expect(readme).not.toContain('](javascript:');
    const pkgJson = JSON.parse(await readFile(join(result.outDir, 'package.json'), 'utf8'));
    expect(pkgJson.description).toContain('<script>alert(1)</script>');
    expect(pkgJson.description).toContain("`${globalThis.pwned = 'tpl'}`");
    expect(pkgJson.version).toBe('1.0.0-evil');
  });
});
