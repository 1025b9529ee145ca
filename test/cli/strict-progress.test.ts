// --strict (findings exit 1, the last line says so, outputs are written; non-API pages are not findings), the
// summary's kinds, and the progress line (on a TTY only, erased at the end; nothing extra when not a TTY).
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const WARNING_PAGE = join(ROOT, 'test/fixtures/bad/unknown-type.md');
const CLEAN_PAGE = join(ROOT, 'test/fixtures/html-en/modelarts/UpdateLabel.html');
const NOT_API_PAGE = join(ROOT, 'test/fixtures/cli/返回结果.md');

async function hwdocs(argv: string[], tty = false): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c) => (out.push(String(c)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c) => (err.push(String(c)), true));
  const wasTty = process.stderr.isTTY;
  process.stderr.isTTY = tty;
  try {
    const code = await main(argv);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stderr.isTTY = wasTty;
    o.mockRestore();
    e.mockRestore();
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hwdocs-strict-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);

describe('--strict', { timeout: 60_000 }, () => {
  it('findings: exit 1, the outputs are written, and the last line says the run failed', async () => {
    const spec = join(dir, 'warn.yaml');
    const report = join(dir, 'warn-report.json');
    const result = await hwdocs(['scrape', WARNING_PAGE, '-o', spec, '--report', report, '--strict']);
    expect(result.code).toBe(1);
    expect(existsSync(spec) && existsSync(report)).toBe(true);
    expect(lastLine(result.stderr)).toMatch(
      /^hwdocs scrape: failed: \d+ findings? under --strict \(outputs were written/,
    );
  });

  it('a page that is not an API page is counted, not a finding', async () => {
    const result = await hwdocs(['scrape', NOT_API_PAGE, CLEAN_PAGE, '-o', join(dir, 'mixed.yaml'), '--strict']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('1 page not API pages (skipped)');
    expect(result.stderr).toContain('0 rows/tables not in the spec');
  });

  it('without --strict, findings exit 0; --quiet prints nothing', async () => {
    const result = await hwdocs(['scrape', WARNING_PAGE, '-o', join(dir, 'quiet.yaml'), '--quiet']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('--help says what --strict does and that outputs are written', async () => {
    const result = await hwdocs(['--help']);
    expect(result.stdout).toMatch(/--strict[\s\S]*outputs are still written/);
  });
});

describe('progress', { timeout: 60_000 }, () => {
  const pages = () => ['scrape', CLEAN_PAGE, WARNING_PAGE, '-o', join(dir, 'progress.yaml')];

  it('on a TTY: a line with files read and operations found, erased before the summary', async () => {
    const { stderr } = await hwdocs(pages(), true);
    expect(stderr).toMatch(/\r\x1b\[K\w+: 1\/2 files read, \d+ operations? found · /);
    expect(stderr).toMatch(/\r\x1b\[Khwdocs scrape: 2 files/); // erased, then the summary on a clean line
  });

  it('not on a TTY: no progress, only the summary', async () => {
    const { stderr } = await hwdocs(pages(), false);
    expect(stderr).not.toContain('\r');
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--verbose prints startup and per-stage times', async () => {
    const { stderr } = await hwdocs(['--verbose', ...pages()]);
    expect(stderr).toMatch(/hwdocs: started in \d+ ms/);
    expect(stderr).toMatch(/hwdocs: scrape: \d+ ms/);
    expect(stderr).toMatch(/hwdocs: write: \d+ ms/);
  });
});
