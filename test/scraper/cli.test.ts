// `hwdocs scrape` on the command line: exit codes, messages, report file, output formats, determinism.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main.ts';
import { FIXTURES, ROOT } from './helpers.ts';

const run = promisify(execFile);
const fx = (p: string) => join(FIXTURES, p);

/** Runs `main()` in-process, capturing what it writes to stderr. */
async function hwdocs(...argv: string[]): Promise<{ code: number; stderr: string }> {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    const code = await main(argv);
    return { code, stderr: chunks.join('') };
  } finally {
    spy.mockRestore();
    out.mockRestore();
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hwdocs-scrape-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('usage errors exit 2 with a message', () => {
  it('missing input file', async () => {
    const { code, stderr } = await hwdocs('scrape', fx('bad/does-not-exist.md'), '-o', join(dir, 'x.yaml'));
    expect(code).toBe(2);
    expect(stderr).toContain('does-not-exist.md');
  });

  it('no input at all', async () => {
    const { code, stderr } = await hwdocs('scrape', '-o', join(dir, 'x.yaml'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/no input/);
  });

  it('no -o', async () => {
    const { code, stderr } = await hwdocs('scrape', fx('zh-md/apig/导出API.md'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/-o/);
  });

  it('unknown flag', async () => {
    const { code, stderr } = await hwdocs('scrape', fx('zh-md/apig/导出API.md'), '-o', join(dir, 'x.yaml'), '--bogus');
    expect(code).toBe(2);
    expect(stderr).toContain('--bogus');
  });

  it('a glob matching nothing', async () => {
    const { code, stderr } = await hwdocs('scrape', fx('bad/*.nothing'), '-o', join(dir, 'x.yaml'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/no file matches/);
  });

  it('is also exit 2 from a real process', async () => {
    const err = await run(
      'npx',
      ['tsx', 'cli/main.ts', 'scrape', 'test/fixtures/bad/does-not-exist.md', '-o', join(dir, 'y.yaml')],
      { cwd: ROOT },
    ).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(err?.code).toBe(2);
    expect(err?.stderr).toContain('does-not-exist.md');
  }, 60_000);
});

describe('--strict', () => {
  it('exits 1 when the report has warnings', async () => {
    const { code } = await hwdocs('scrape', fx('bad/unknown-type.md'), '-o', join(dir, 'strict.yaml'), '--strict');
    expect(code).toBe(1);
  });

  it('exits 0 on a clean page, and 0 without --strict on a page with warnings', async () => {
    expect(
      (await hwdocs('scrape', fx('html-en/modelarts/UpdateLabel.html'), '-o', join(dir, 'clean.yaml'), '--strict'))
        .code,
    ).toBe(0);
    expect((await hwdocs('scrape', fx('bad/unknown-type.md'), '-o', join(dir, 'lenient.yaml'))).code).toBe(0);
  });
});

describe('--report', () => {
  it('writes entries with file, section, table, row, reason, severity', async () => {
    const report = join(dir, 'report.json');
    const { code, stderr } = await hwdocs(
      'scrape',
      fx('bad/unknown-type.md'),
      fx('bad/broken-example.md'),
      '-o',
      join(dir, 'r.yaml'),
      '--report',
      report,
    );
    expect(code).toBe(0);
    expect(stderr).toMatch(/warnings/);
    const json = JSON.parse(await readFile(report, 'utf8'));
    expect(Array.isArray(json.entries)).toBe(true);
    const unknown = json.entries.find((e: { reason: string }) => e.reason.includes('Integer/Boolean'));
    expect(Object.keys(unknown).sort()).toEqual(['file', 'reason', 'row', 'section', 'severity', 'table']);
    expect(unknown).toMatchObject({
      file: 'test/fixtures/bad/unknown-type.md',
      section: '请求参数',
      row: 2,
      severity: 'warning',
    });
    for (const e of json.entries) expect(['error', 'warning', 'info']).toContain(e.severity);
    expect(json.pages.map((p: { file: string }) => p.file)).toEqual([
      'test/fixtures/bad/broken-example.md',
      'test/fixtures/bad/unknown-type.md',
    ]);
  });
});

describe('output', () => {
  const inputs = [fx('html-en/elb/CreateL7Policy.html'), fx('zh-md/apig/修改流控策略.md'), fx('zh-md/apig/导出API.md')];

  it('.json and .yaml hold the same document', async () => {
    await hwdocs('scrape', ...inputs, '-o', join(dir, 'same.json'));
    await hwdocs('scrape', ...inputs, '-o', join(dir, 'same.yaml'));
    const jsonText = await readFile(join(dir, 'same.json'), 'utf8');
    const yamlText = await readFile(join(dir, 'same.yaml'), 'utf8');
    expect(jsonText.trimStart().startsWith('{')).toBe(true);
    expect(yamlText.startsWith('openapi: 3.1.0\n')).toBe(true);
    expect(parseYaml(yamlText)).toEqual(JSON.parse(jsonText));
  });

  it('two runs are byte-identical', async () => {
    await hwdocs(
      'scrape',
      ...inputs,
      '-o',
      join(dir, 'one.yaml'),
      '--report',
      join(dir, 'one.json'),
      '--service',
      'mixed',
    );
    await hwdocs(
      'scrape',
      ...[...inputs].reverse(),
      '-o',
      join(dir, 'two.yaml'),
      '--report',
      join(dir, 'two.json'),
      '--service',
      'mixed',
    );
    expect(await readFile(join(dir, 'two.yaml'))).toEqual(await readFile(join(dir, 'one.yaml')));
    expect(await readFile(join(dir, 'two.json'))).toEqual(await readFile(join(dir, 'one.json')));
  });

  it('--service names info.title and the server', async () => {
    await hwdocs('scrape', inputs[0]!, '-o', join(dir, 'whatever.yaml'), '--service', 'elb');
    const doc = parseYaml(await readFile(join(dir, 'whatever.yaml'), 'utf8'));
    expect(doc.info.title).toBe('ELB API');
    expect(doc.servers[0].url).toBe('https://elb.{region}.myhuaweicloud.com');
  });

  it('a broken page among good ones does not stop the others', async () => {
    const out = join(dir, 'mixed.yaml');
    const { code } = await hwdocs(
      'scrape',
      fx('bad/garbage.txt'),
      fx('bad/empty.md'),
      ...inputs,
      '-o',
      out,
      '--report',
      join(dir, 'mixed.json'),
    );
    expect(code).toBe(0);
    const doc = parseYaml(await readFile(out, 'utf8'));
    expect(Object.keys(doc.paths)).toHaveLength(3);
    const report = JSON.parse(await readFile(join(dir, 'mixed.json'), 'utf8'));
    expect(report.entries.some((e: { file: string }) => e.file.endsWith('empty.md'))).toBe(true);
  });
});
