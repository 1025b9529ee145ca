// Own only what you wrote, and write only where you may: the output manifest (generate/build replace and remove
// only its files, check compares only them) and the refusals of unsafe outputs (exit 2, one line, nothing changed:
// the tree is hashed before and after). Runs the CLI in-process on a temporary project with real pages.
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main.ts';
import { MANIFEST_FILE } from '../../generator/manifest.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SPEC = join(ROOT, 'test/fixtures/specs/apig-mini.openapi.yaml');
const PAGE = join(ROOT, 'manual/apig/修改流控策略.md');

async function hwdocs(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c) => (out.push(String(c)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c) => (err.push(String(c)), true));
  try {
    const code = await main(argv);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

/** sha256 over every path and file content below `dir`: equal hashes, nothing was written, renamed or removed. */
async function treeHash(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const entries = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .map((d) => join(d.parentPath, d.name))
    .sort();
  for (const path of entries) {
    hash.update(relative(dir, path));
    hash.update(await readFile(path).catch(() => Buffer.from('<dir>')));
  }
  return hash.digest('hex');
}

let project: string;
const at = (...parts: string[]) => join(project, ...parts);

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), 'hwdocs-outputs-'));
  await cp(PAGE, at('manual/apig/page.md'));
  await cp(SPEC, at('spec/apig.openapi.yaml'));
  await mkdir(at('notes'));
  await writeFile(at('notes/todo.txt'), 'a file of the user');
});
afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

describe('unsafe outputs are refused before anything is written (exit 2, one line)', () => {
  const cases: [string, () => string[], RegExp][] = [
    [
      'generate into a folder holding files hwdocs did not write',
      () => ['generate', at('spec/apig.openapi.yaml'), '-o', at('notes')],
      /files hwdocs did not write/,
    ],
    [
      'generate into the folder of its spec',
      () => ['generate', at('spec/apig.openapi.yaml'), '-o', at('spec')],
      /contains the input/,
    ],
    ['generate into the working directory', () => ['generate', SPEC, '-o', '.'], /is the working directory/],
    [
      'generate into a parent of the working directory',
      () => ['generate', SPEC, '-o', '..'],
      /is a parent of the working directory/,
    ],
    [
      'generate into the home folder',
      () => ['generate', SPEC, '-o', homedir()],
      /(is|contains) (the home folder|a parent of the working directory)/,
    ],
    ['generate into /', () => ['generate', SPEC, '-o', '/'], /is a parent of the working directory|file-system root/],
    [
      'generate into a file',
      () => ['generate', at('spec/apig.openapi.yaml'), '-o', at('notes/todo.txt')],
      /contains|is a file/,
    ],
    [
      'crawl into the working directory',
      () => ['crawl', 'http://127.0.0.1:9/docs/index.html', '-o', '.'],
      /is the working directory/,
    ],
    [
      'scrape onto its input',
      () => ['scrape', at('manual/apig/page.md'), '-o', at('manual/apig/page.md')],
      /is the input/,
    ],
    [
      'scrape into its input folder',
      () => ['scrape', at('manual/apig'), '-o', at('manual/apig/apig.yaml')],
      /lies inside the input/,
    ],
    [
      'scrape -o naming a folder',
      () => ['scrape', at('manual/apig'), '-o', at('notes')],
      /is a folder; give a file name/,
    ],
    [
      'scrape with the report on the spec',
      () => ['scrape', at('manual/apig'), '-o', at('out.yaml'), '--report', at('out.yaml')],
      /same path/,
    ],
  ];
  it.each(cases)('%s', async (_, argv, message) => {
    const before = await treeHash(project);
    const result = await hwdocs(...argv());
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(await treeHash(project)).toBe(before);
  });

  it('a config whose services share an output, or whose output is the project folder', async () => {
    const shared = {
      services: [
        { name: 'a', inputs: ['manual/apig'], spec: 'spec/a.yaml', output: 'out/pkg' },
        { name: 'b', inputs: ['manual/apig'], spec: 'spec/b.yaml', output: 'out/pkg' },
      ],
    };
    await writeFile(at('shared.json'), JSON.stringify(shared));
    await writeFile(
      at('self.json'),
      JSON.stringify({ services: [{ name: 'a', inputs: ['manual/apig'], spec: 'spec/a.yaml', output: '.' }] }),
    );
    const before = await treeHash(project);
    const sharedRun = await hwdocs('build', '--config', at('shared.json'));
    expect(sharedRun.code).toBe(2);
    expect(sharedRun.stderr).toContain('output of a and output of b are the same path');
    const selfRun = await hwdocs('build', '--config', at('self.json'));
    expect(selfRun.code).toBe(2);
    expect(selfRun.stderr).toMatch(
      /refusing to write output of a '.*': it (is|contains) (the project folder|the input)/,
    );
    expect(await treeHash(project)).toBe(before);
  });
});

describe('the manifest: generated files are owned, the user’s are not', () => {
  it('a rerun keeps a user file and a dist/ in the output folder, and removes only files it wrote before', async () => {
    const out = at('out/apig');
    expect((await hwdocs('generate', at('spec/apig.openapi.yaml'), '-o', out)).code).toBe(0);
    const manifest = JSON.parse(await readFile(join(out, MANIFEST_FILE), 'utf8'));
    const listed = Object.keys(manifest.files);
    expect(listed).toEqual([...listed].sort());
    expect(listed).toContain('client.ts');
    expect(listed).toContain('runtime/index.ts');
    expect(JSON.stringify(manifest)).not.toMatch(/20\d\d-\d\d-\d\dT/); // no timestamps

    // The user builds in place and adds a file; an older run had written a file that is no longer generated.
    await mkdir(join(out, 'dist'));
    await writeFile(join(out, 'dist/index.js'), 'built');
    await writeFile(join(out, 'NOTES.md'), 'mine');
    await mkdir(join(out, 'legacy'));
    await writeFile(join(out, 'legacy/old.ts'), 'export {};');
    manifest.files['legacy/old.ts'] = 'sha256:0';
    await writeFile(join(out, MANIFEST_FILE), JSON.stringify(manifest));

    expect((await hwdocs('generate', at('spec/apig.openapi.yaml'), '-o', out)).code).toBe(0);
    expect(await readFile(join(out, 'dist/index.js'), 'utf8')).toBe('built');
    expect(await readFile(join(out, 'NOTES.md'), 'utf8')).toBe('mine');
    expect(await readdir(out)).not.toContain('legacy');
    expect(Object.keys(JSON.parse(await readFile(join(out, MANIFEST_FILE), 'utf8')).files)).toEqual(listed);
  }, 120_000);

  it('check compares only the manifest’s files, and finds its clean state without regenerating', async () => {
    const config = {
      services: [{ name: 'apig', inputs: ['manual/apig'], spec: 'spec/built.openapi.yaml', output: 'out/built' }],
    };
    await writeFile(at('hwdocs.config.json'), JSON.stringify(config));
    expect((await hwdocs('build', '--config', at('hwdocs.config.json'))).code).toBe(0);
    await mkdir(at('out/built/dist'), { recursive: true });
    await writeFile(at('out/built/dist/index.js'), 'built');
    await writeFile(at('out/built/NOTES.md'), 'mine');

    const clean = await hwdocs('check', '--config', at('hwdocs.config.json'), '--verbose');
    expect(clean.code, clean.stdout + clean.stderr).toBe(0);
    expect(clean.stdout).toContain('apig: up to date');
    expect(clean.stderr).toContain('not regenerated');
    expect(clean.stderr).not.toContain('load the generator');

    // A generated file edited by hand is drift, found by regenerating and comparing.
    await writeFile(at('out/built/errors.ts'), '// edited\n', { flag: 'a' });
    const drift = await hwdocs('check', '--config', at('hwdocs.config.json'));
    expect(drift.code).toBe(1);
    expect(drift.stdout).toContain('out/built/errors.ts');
    expect(drift.stdout).not.toMatch(/NOTES\.md|dist\//);
  }, 180_000);
});
