// Class "user text is never an option" (issue 11 §2): `hwdocs diff REV:path` reaches git only as a verified
// revision after --end-of-options, and reads the blob by object id. `--output=FILE:x` writes nothing.
// Bound: a handful of `git rev-parse` calls per argument, in a small temporary repository.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiffInputError, loadDocument } from '../../diff/index.ts';
import { HARDENING_TMP, runCliBounded, treeHash } from './helpers.ts';

const REPO = join(HARDENING_TMP, 'diff-git');
const DOC = 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\n';

beforeAll(() => {
  rmSync(REPO, { recursive: true, force: true });
  mkdirSync(REPO, { recursive: true });
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: REPO, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  writeFileSync(join(REPO, 'api.yaml'), DOC);
  writeFileSync(join(REPO, 'victim.txt'), 'precious\n');
  git('add', 'api.yaml', 'victim.txt');
  git('commit', '-q', '-m', 'one');
});
afterAll(() => rmSync(REPO, { recursive: true, force: true }));

describe('REV:path arguments', () => {
  const table: Array<[string, RegExp]> = [
    [`--output=${join(REPO, 'pwned.txt')}:api.yaml`, /not a plain revision name/],
    [`--output=${join(REPO, 'victim.txt')}:api.yaml`, /not a plain revision name/],
    ['-p:api.yaml', /not a plain revision name/],
    ['main --output=x:api.yaml', /not a plain revision name/],
    ['main:--output=x', /not a usable path/],
    ['nosuchrev:api.yaml', /'nosuchrev' is not a revision/],
    ['main:../../etc/passwd', /has no file/],
    ['main:missing.yaml', /has no file/],
  ];
  for (const [arg, message] of table) {
    it(`${arg} → ${message.source}`, () => {
      const before = treeHash(REPO);
      expect(() => loadDocument(arg, REPO)).toThrow(DiffInputError);
      expect(() => loadDocument(arg, REPO)).toThrow(message);
      expect(treeHash(REPO)).toBe(before);
      expect(existsSync(join(REPO, 'pwned.txt'))).toBe(false);
      expect(readFileSync(join(REPO, 'victim.txt'), 'utf8')).toBe('precious\n');
    });
  }
  it('plain revisions still work: main:, HEAD~0:, a commit id', () => {
    const id = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
    for (const rev of ['main', 'HEAD~0', id]) expect(loadDocument(`${rev}:api.yaml`, REPO).openapi).toBe('3.1.0');
  });
  it('the CLI: exit 2, one clear line, nothing written', () => {
    const before = treeHash(REPO);
    // After `--` the argument parser passes it on as a positional, so it reaches the loader.
    const run = runCliBounded(['diff', '--', `--output=${join(REPO, 'pwned.txt')}:api.yaml`, 'api.yaml'], REPO);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/not a plain revision name|Unknown option/);
    expect(treeHash(REPO)).toBe(before);
    expect(existsSync(join(REPO, 'pwned.txt'))).toBe(false);
  }, 180_000);
});
