// End-to-end behaviour of `generate`: the package compiles under tsc --strict (README example included), two runs
// are byte-identical, everything is prettier-formatted, invalid specs exit 2 and write nothing, and a failed run
// leaves the previous output intact.
import { describe, expect, it } from 'vitest';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { main } from '../../cli/main.ts';
import { generatePackage, renderPackage } from '../../generator/index.ts';
import { PRETTIER_OPTIONS } from '../../generator/format.ts';
import { TEMPLATE_FILES, TEMPLATES_DIR } from '../../generator/emit/templates.ts';
import { compile, fixture, generateFixture, TMP, writeReadmeExample } from './helpers.ts';

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) out.push(...(await listFiles(join(dir, entry.name), `${prefix}${entry.name}/`)));
    else out.push(prefix + entry.name);
  }
  return out.sort();
}

/** Captures what a CLI run writes to stdout and stderr. */
async function runCli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string) => ((stdout += chunk), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => ((stderr += chunk), true)) as typeof process.stderr.write;
  try {
    return { code: await main(argv), stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

describe.each(['apig-mini.openapi.yaml', 'modelarts-mini.openapi.yaml'])('generate %s', (spec) => {
  it('writes a self-contained package that compiles under tsc --strict, README example included', async () => {
    const result = await generateFixture(fixture(spec), `compile-${spec}`);
    expect(result.files).toEqual([
      'README.md',
      'client.ts',
      'errors.ts',
      'index.ts',
      'operations.ts',
      'package.json',
      ...result.files.filter((f) => f.startsWith('runtime/')),
      'tsconfig.cjs.json',
      'tsconfig.json',
      'types.ts',
      'validators.ts',
    ]);
    expect(result.files).toContain('runtime/index.ts');
    const pkg = JSON.parse(await readFile(join(result.outDir, 'package.json'), 'utf8'));
    expect(pkg.type).toBe('module');
    expect(pkg.dependencies).toBeUndefined();
    // Dual package: ESM and CommonJS builds, each with its own declarations (test/downstream builds and loads both).
    expect(pkg.exports['.'].import).toEqual({ types: './dist/esm/index.d.ts', default: './dist/esm/index.js' });
    expect(pkg.exports['.'].require).toEqual({ types: './dist/cjs/index.d.ts', default: './dist/cjs/index.js' });
    // The README's usage example, importing the package by name, compiled against the package itself.
    await writeReadmeExample(result.outDir);
    const { status, output } = compile(result.outDir);
    expect(output).toBe('');
    expect(status).toBe(0);
  }, 120_000);
});

describe('a minimal spec', () => {
  it('one operation, no parameters, no schemas, no error codes: compiles and runs', async () => {
    await mkdir(join(TMP, 'specs'), { recursive: true });
    const spec = join(TMP, 'specs', 'minimal.yaml');
    await writeFile(
      spec,
      [
        'openapi: 3.1.0',
        'info: { title: Tiny API, version: "1" }',
        'servers: [{ url: "https://tiny.{region}.example.test", variables: { region: { default: r } } }]',
        'security: [{ iamToken: [] }]',
        'paths:',
        '  /ping:',
        '    get:',
        '      operationId: Ping',
        '      summary: ping',
        '      responses:',
        "        '200': { description: ok }",
        "        '400': { description: bad }",
        'components:',
        '  securitySchemes:',
        '    iamToken: { type: apiKey, in: header, name: X-Auth-Token }',
      ].join('\n'),
    );
    const result = await generateFixture(spec, 'minimal');
    expect(result).toMatchObject({ operations: 1, schemas: 0, errorCodes: 0 });
    await writeReadmeExample(result.outDir);
    const { status, output } = compile(result.outDir);
    expect(output).toBe('');
    expect(status).toBe(0);
  }, 180_000);
});

describe('generate output', () => {
  it('is byte-identical across runs (and across worker/no-worker formatting)', async () => {
    const first = await renderPackage(fixture('modelarts-mini.openapi.yaml'));
    const second = await renderPackage(fixture('modelarts-mini.openapi.yaml'));
    expect([...second.files.keys()]).toEqual([...first.files.keys()]);
    for (const [file, text] of first.files) expect(second.files.get(file), file).toBe(text);
    // Through the CLI and the file system too.
    const a = join(TMP, 'determinism-a');
    const b = join(TMP, 'determinism-b');
    await generatePackage(fixture('apig-mini.openapi.yaml'), a);
    await generatePackage(fixture('apig-mini.openapi.yaml'), b);
    const files = await listFiles(a);
    expect(await listFiles(b)).toEqual(files);
    for (const file of files)
      expect(await readFile(join(b, file), 'utf8'), file).toBe(await readFile(join(a, file), 'utf8'));
  }, 60_000);

  it('is prettier-formatted: prettier (typescript parser) leaves every generated file unchanged', async () => {
    const { files } = await renderPackage(fixture('apig-mini.openapi.yaml'));
    for (const [file, text] of files) {
      if (file.startsWith('runtime/')) continue; // copied verbatim
      const parser = file.endsWith('.ts') ? 'typescript' : file.endsWith('.json') ? 'json' : 'markdown';
      expect(await prettier.format(text, { ...PRETTIER_OPTIONS, parser }), file).toBe(text);
    }
  });

  it('copies the runtime verbatim', async () => {
    const { files } = await renderPackage(fixture('apig-mini.openapi.yaml'));
    const runtimeDir = new URL('../../generator/runtime/', import.meta.url);
    for (const [file, text] of files) {
      if (file.startsWith('runtime/'))
        expect(text).toBe(await readFile(new URL(file.slice('runtime/'.length), runtimeDir), 'utf8'));
    }
    expect([...files.keys()].some((f) => /^runtime\/(.*\.test\.ts|README)/.test(f))).toBe(false);
  });

  it('passes --name through to package.json and README', async () => {
    const out = join(TMP, 'named');
    const run = await runCli(['generate', fixture('apig-mini.openapi.yaml'), '-o', out, '--name', '@acme/apig-client']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('@acme/apig-client: 5 operations, 7 schemas, 4 error codes');
    expect(JSON.parse(await readFile(join(out, 'package.json'), 'utf8')).name).toBe('@acme/apig-client');
    expect(await readFile(join(out, 'README.md'), 'utf8')).toContain("from '@acme/apig-client'");
  });
});

describe('invalid input', () => {
  const writeSpec = async (name: string, text: string) => {
    await mkdir(join(TMP, 'specs'), { recursive: true });
    const path = join(TMP, 'specs', name);
    await writeFile(path, text);
    return path;
  };

  it('a spec without operationIds or paths: exit 2, every problem listed, nothing written', async () => {
    const base = (await readFile(fixture('apig-mini.openapi.yaml'), 'utf8')).replace(
      'operationId: ListRequestThrottlingPolicyV2',
      'x-no-id: true',
    );
    const spec = await writeSpec(
      'no-operation-id.yaml',
      base.replace('operationId: DeleteRequestThrottlingPolicyV2', 'x-no-id: true'),
    );
    const out = join(TMP, 'never-written');
    const run = await runCli(['generate', spec, '-o', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('GET /v2/{project_id}/apigw/instances/{instance_id}/throttles: missing operationId');
    expect(run.stderr).toContain(
      'DELETE /v2/{project_id}/apigw/instances/{instance_id}/throttles/{throttle_id}: missing operationId',
    );
    expect(run.stderr).toContain('Nothing was written.');
    await expect(readdir(out)).rejects.toThrow();

    const empty = await writeSpec('no-paths.yaml', 'openapi: 3.1.0\ninfo: { title: X API, version: "1" }\npaths: {}\n');
    const run2 = await runCli(['generate', empty, '-o', out]);
    expect(run2.code).toBe(2);
    expect(run2.stderr).toContain('paths: the document has no operations');
  });

  it('Redocly lint errors stop generation, with the rule and the location', async () => {
    const text = (await readFile(fixture('apig-mini.openapi.yaml'), 'utf8'))
      .replace(/servers:\n  - url: .*\n    variables:\n      region:\n        default: cn-north-4\n/, '')
      .replace('      summary: 删除流控策略\n', '');
    const spec = await writeSpec('lint-errors.yaml', text);
    const run = await runCli(['generate', spec, '-o', join(TMP, 'never-written')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no-empty-servers');
    expect(run.stderr).toMatch(/operation-summary: .*\(at #\/paths\/.*\/delete\/summary\)/);
  });

  it('unparsable documents and usage errors exit 2', async () => {
    const broken = await writeSpec('broken.yaml', 'openapi: 3.1.0\npaths: [\n');
    expect((await runCli(['generate', broken, '-o', join(TMP, 'never-written')])).code).toBe(2);
    expect((await runCli(['generate', fixture('apig-mini.openapi.yaml')])).code).toBe(2);
    expect((await runCli(['generate', '-o', 'x'])).code).toBe(2);
    expect((await runCli(['generate', 'a.yaml', 'b.yaml', '-o', 'x'])).code).toBe(2);
  });

  it('a failed run leaves the previous output intact', async () => {
    const out = join(TMP, 'kept');
    await generatePackage(fixture('apig-mini.openapi.yaml'), out);
    const before = await listFiles(out);
    const client = await readFile(join(out, 'client.ts'), 'utf8');
    const bad = await writeSpec(
      'bad-for-kept.yaml',
      'openapi: 3.1.0\ninfo: { title: X API, version: "1" }\npaths: {}\n',
    );
    expect((await runCli(['generate', bad, '-o', out])).code).toBe(2);
    expect(await listFiles(out)).toEqual(before);
    expect(await readFile(join(out, 'client.ts'), 'utf8')).toBe(client);
    // A later successful run replaces only the files of its manifest: a file of the user's stays (test/cli/outputs.test.ts).
    await writeFile(join(out, 'notes.txt'), 'mine');
    await generatePackage(fixture('modelarts-mini.openapi.yaml'), out);
    expect(await readFile(join(out, 'notes.txt'), 'utf8')).toBe('mine');
    expect(await readdir(TMP)).not.toContainEqual(expect.stringMatching(/^\.kept\.(tmp|old)-/));
  });
});

describe('templates', () => {
  it('use an escaping helper for every value (no bare {{x}}: Handlebars would HTML-escape it)', async () => {
    const helpers = ['json', 'md', 'code', 'comment', 'raw'];
    for (const file of Object.values(TEMPLATE_FILES)) {
      const source = await readFile(join(TEMPLATES_DIR, file), 'utf8');
      for (const [mustache] of source.matchAll(/\{\{\{?[^}]*\}?\}\}/g)) {
        const inner = mustache.replace(/^\{\{\{?\s*|\s*\}?\}\}$/g, '');
        const ok = /^[#/]/.test(inner) || inner === 'else' || helpers.includes(inner.split(/\s+/)[0]);
        expect(ok, `${file}: ${mustache}`).toBe(true);
      }
    }
  });
});
