// `hwdocs diff` end to end: the real entry point in a child process, files and git revisions in a temp folder.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main.ts';
import { stringify } from 'yaml';
import { obj, str, withRequest, withResponse } from './helpers.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'cli/main.ts');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
let dir: string;

/** The real entry point in a child process: slow (~1 s), so only for what needs a cwd or a real exit status. */
function spawnHwdocs(args: string[], cwd = dir) {
  const r = spawnSync(TSX, [MAIN, 'diff', ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same entry point in process, output captured. File names are taken relative to the temp folder. */
async function hwdocs(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  // Like a stream: record the chunk, then call the write callback (the command waits for it).
  const capture = (sink: string[]) => (chunk: string | Uint8Array, encodingOrDone?: unknown, done?: unknown) => {
    sink.push(String(chunk));
    const callback = typeof encodingOrDone === 'function' ? encodingOrDone : done;
    if (typeof callback === 'function') callback();
    return true;
  };
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(capture(out) as typeof process.stdout.write);
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(capture(err) as typeof process.stderr.write);
  try {
    const code = await main(['diff', ...args.map((a) => (/\.(ya?ml|json)$/.test(a) ? join(dir, a) : a))]);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

// old → new: a response property removed (breaking) and an optional request property added (info).
const source = { 'x-source': { file: 'apig/查询列表.md' } };
const oldDoc = withResponse(obj({ id: str, name: str }), {}, source);
const newDoc = withResponse(obj({ id: str }), {}, source);
const requestOld = withRequest(obj({ a: str }));
const requestNew = withRequest(obj({ a: str, b: str }));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hwdocs-diff-'));
  writeFileSync(join(dir, 'old.yaml'), stringify(oldDoc));
  writeFileSync(join(dir, 'new.json'), JSON.stringify(newDoc));
  writeFileSync(join(dir, 'req-old.yaml'), stringify(requestOld));
  writeFileSync(join(dir, 'req-new.yaml'), stringify(requestNew));
  writeFileSync(join(dir, 'broken.yaml'), 'openapi: 3.1.0\npaths: {\n  - [');
  writeFileSync(join(dir, 'not-openapi.yaml'), 'hello: world\n');
  writeFileSync(join(dir, 'swagger.json'), JSON.stringify({ swagger: '2.0', paths: {} }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hwdocs diff (CLI)', () => {
  it('text by default: summary line, operation with its doc page, one line per hit', async () => {
    const r = await hwdocs(['old.yaml', 'new.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        '1 breaking, 0 warnings, 0 info',
        '',
        'GET /v1/{project_id}/things  (apig/查询列表.md)',
        "  breaking  response-property-removed  response[200].body.name: property 'name' removed",
        '',
      ].join('\n'),
    );
  });

  it('markdown for a PR comment', async () => {
    const r = await hwdocs(['old.yaml', 'new.json', '--format', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('### API diff: 1 breaking, 0 warnings, 0 info');
    expect(r.stdout).toContain('#### `GET /v1/{project_id}/things`');
    expect(r.stdout).toContain('Doc page: `apig/查询列表.md`');
    expect(r.stdout).toContain(
      "- 🔴 **breaking** `response-property-removed` at `response[200].body.name`: property 'name' removed",
    );
  });

  it('json for tools', async () => {
    const r = await hwdocs(['old.yaml', 'new.json', '--format=json']);
    const report = JSON.parse(r.stdout);
    expect(report.summary).toEqual({ breaking: 1, warning: 0, info: 0 });
    expect(report.hits).toEqual([
      {
        id: 'response-property-removed',
        level: 'breaking',
        operation: 'GET /v1/{project_id}/things',
        location: 'response[200].body.name',
        message: "property 'name' removed",
      },
    ]);
    expect(report.sources).toEqual({ 'GET /v1/{project_id}/things': 'apig/查询列表.md' });
  });

  it('--fail-on sets exit 1 only when a hit at or above the level exists', async () => {
    expect((await hwdocs(['old.yaml', 'new.json', '--fail-on', 'breaking'])).code).toBe(1);
    expect((await hwdocs(['old.yaml', 'new.json', '--fail-on', 'none'])).code).toBe(0);
    // req-old → req-new only adds an optional property: info
    expect((await hwdocs(['req-old.yaml', 'req-new.yaml', '--fail-on', 'warning'])).code).toBe(0);
    expect((await hwdocs(['req-old.yaml', 'req-new.yaml', '--fail-on', 'info'])).code).toBe(1);
  });

  it('identical documents: "no changes", exit 0 even with --fail-on info', async () => {
    const r = await hwdocs(['old.yaml', 'old.yaml', '--fail-on', 'info']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('no changes\n');
  });

  it('--rules lists the rule table, in the requested format', async () => {
    const r = await hwdocs(['--rules', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).map((x: { id: string }) => x.id)).toContain('request-enum-value-removed');
  });

  it.each([
    [['old.yaml'], 'expected two documents'],
    [['old.yaml', 'new.json', '--format', 'html'], '--format must be one of'],
    [['old.yaml', 'new.json', '--fail-on', 'error'], '--fail-on must be one of'],
    [['old.yaml', 'new.json', '--colour'], "Unknown option '--colour'"],
    [['old.yaml', 'missing.yaml'], "missing.yaml'"],
    [['old.yaml', 'broken.yaml'], "cannot parse '"],
    [['old.yaml', 'not-openapi.yaml'], 'is not an OpenAPI 3 document'],
    [['swagger.json', 'old.yaml'], 'is not an OpenAPI 3 document'],
  ])('exit 2 on %j', async (args, message) => {
    const r = await hwdocs(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });

  it('the real binary exits 1 on --fail-on breaking and 2 on a usage error', () => {
    expect(spawnHwdocs(['old.yaml', 'new.json', '--fail-on', 'breaking']).code).toBe(1);
    expect(spawnHwdocs(['old.yaml']).code).toBe(2);
  }, 60_000);

  it('a report larger than a pipe buffer reaches the reader whole', () => {
    // 3000 response properties removed: about 400 KB of JSON, far beyond the 64 KiB a pipe holds.
    const many = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`property_number_${i}`, str]));
    writeFileSync(join(dir, 'many-old.yaml'), stringify(withResponse(obj(many))));
    writeFileSync(join(dir, 'many-new.yaml'), stringify(withResponse(obj({}))));
    const r = spawnHwdocs(['many-old.yaml', 'many-new.yaml', '--format', 'json']);
    expect(r.stdout.length).toBeGreaterThan(65536);
    expect(JSON.parse(r.stdout).hits).toHaveLength(3000);
  }, 60_000);

  it('reads REV:path through git (rev-parse --verify, cat-file)', () => {
    const repo = mkdtempSync(join(tmpdir(), 'hwdocs-diff-git-'));
    try {
      const git = (...args: string[]) =>
        execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, stdio: 'pipe' });
      git('init', '-q', '-b', 'main');
      writeFileSync(join(repo, 'api.yaml'), stringify(oldDoc));
      git('add', 'api.yaml');
      git('commit', '-q', '-m', 'old');
      writeFileSync(join(repo, 'api.yaml'), stringify(newDoc));
      const r = spawnHwdocs(['main:api.yaml', 'api.yaml', '--format', 'json'], repo);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).hits.map((h: { id: string }) => h.id)).toEqual(['response-property-removed']);
      const bad = spawnHwdocs(['nosuchrev:api.yaml', 'api.yaml'], repo);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain("'nosuchrev' is not a revision");
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  }, 60_000);
});
