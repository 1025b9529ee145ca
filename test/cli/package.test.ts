// The package as a user gets it: `npm pack`, installed into an empty project with `--omit=dev`, then run from
// node_modules/.bin. Checks what the tarball ships (no tests, the compiled CLI, templates, runtime sources, config
// schema), that --help, --version and diff work without the TypeScript compiler, ts-morph or prettier installed
// (they are moved away for that step), and that scrape → generate → build → check work from the installed package.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const exec = promisify(execFile);
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** The heavy run-time dependencies that the light commands must not load. */
const HEAVY = ['typescript', 'prettier', 'ts-morph', '@ts-morph', 'openapi-typescript', '@redocly'];

async function run(
  cmd: string,
  args: string[],
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(cmd, args, {
      cwd,
      maxBuffer: 1 << 26,
      env: { ...process.env, npm_config_yes: 'true' },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: typeof e.code === 'number' ? e.code : 2, stdout: e.stdout ?? '', stderr: e.stderr ?? String(err) };
  }
}

describe('the packed package, installed with --omit=dev', () => {
  let work: string;
  let project: string;
  let files: string[];
  const hwdocs = (...args: string[]) => run(join(project, 'node_modules/.bin/hwdocs'), args, project);

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'hwdocs-pack-'));
    // `npm pack` runs `prepare`, which compiles dist/ from the sources being tested.
    const packed = await run(NPM, ['pack', '--json', '--pack-destination', work], ROOT);
    expect(packed.code, packed.stderr).toBe(0);
    const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as {
      filename: string;
      files: { path: string }[];
    }[];
    files = info.files.map((f) => f.path).sort();
    project = join(work, 'project');
    await mkdir(project);
    await writeFile(
      join(project, 'package.json'),
      JSON.stringify({ name: 'downstream', version: '1.0.0', private: true }),
    );
    // From the local cache when it has everything (npm ci filled it), from the registry otherwise.
    const installed = await run(
      NPM,
      ['install', '--prefer-offline', '--omit=dev', '--no-audit', '--no-fund', join(work, info.filename)],
      project,
    );
    expect(installed.code, installed.stderr).toBe(0);
  }, 600_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('ships the compiled CLI and what it reads at run time, and no tests', () => {
    for (const needed of [
      'bin/hwdocs.js',
      'dist/cli/main.js',
      'dist/templates/README.md.hbs',
      'dist/generator/runtime/index.ts',
      'dist/config/hwdocs.config.schema.json',
      'config/hwdocs.config.schema.json',
      'package.json',
    ]) {
      expect(files).toContain(needed);
    }
    expect(files.filter((f) => /(^|\/)(test|tests|__tests__|fixtures)\/|\.(test|spec)\.[cm]?[jt]s$/.test(f))).toEqual(
      [],
    );
    expect(
      files.filter((f) => f.startsWith('dist/') && f.endsWith('.ts') && !f.startsWith('dist/generator/runtime/')),
    ).toEqual([]);
  });

  it('runs --version, --help and diff without the TypeScript compiler, ts-morph or prettier', async () => {
    const modules = join(project, 'node_modules');
    const away = join(work, 'away');
    await mkdir(away);
    for (const name of HEAVY) await rename(join(modules, name), join(away, name)).catch(() => {});
    try {
      const version = await hwdocs('--version');
      expect(version.code, version.stderr).toBe(0);
      expect(version.stdout.trim()).toBe(JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')).version);
      const help = await hwdocs('--help');
      expect(help.code, help.stderr).toBe(0);
      expect(help.stdout).toContain('Commands:');
      expect(help.stdout).toContain('--strict');
      const spec = join(ROOT, 'test/fixtures/specs/apig-mini.openapi.yaml');
      const diff = await hwdocs('diff', spec, spec);
      expect(diff.code, diff.stderr).toBe(0);
    } finally {
      for (const name of HEAVY) await rename(join(away, name), join(modules, name)).catch(() => {});
    }
  }, 60_000);

  it('scrapes, generates, builds and checks from the installed package', async () => {
    await cp(join(ROOT, 'manual/apig/修改流控策略.md'), join(project, 'manual/apig/修改流控策略.md'));
    const scrape = await hwdocs('scrape', 'manual/apig', '-o', 'spec/apig.openapi.yaml', '--report', 'report.json');
    expect(scrape.code, scrape.stderr).toBe(0);
    expect(await readFile(join(project, 'spec/apig.openapi.yaml'), 'utf8')).toContain(
      'operationId: UpdateRequestThrottlingPolicyV2',
    );
    const generate = await hwdocs('generate', 'spec/apig.openapi.yaml', '-o', 'output/apig');
    expect(generate.code, generate.stderr).toBe(0);
    expect(await readFile(join(project, 'output/apig/runtime/index.ts'), 'utf8')).toContain('export');
    expect(await readFile(join(project, 'output/apig/README.md'), 'utf8')).toContain('Typed TypeScript client');
    await writeFile(
      join(project, 'hwdocs.config.json'),
      JSON.stringify({
        $schema: './node_modules/hwdocs/config/hwdocs.config.schema.json',
        services: [{ name: 'apig', inputs: ['manual/apig'], spec: 'spec/apig.openapi.yaml', output: 'output/apig' }],
      }),
    );
    const build = await hwdocs('build');
    expect(build.code, build.stderr).toBe(0);
    const check = await hwdocs('check');
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toContain('apig: up to date');
  }, 300_000);
});
