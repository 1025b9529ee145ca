// Shared by the hardening tests: a fingerprint of a folder tree (to assert that nothing outside a command's
// target changed), and the real CLI in a child process with a memory ceiling (to bound work without timing it).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const HARDENING_TMP = join(ROOT, 'test/tmp/hardening');

/** sha256 over every path, kind, mode and content under `dir`, sorted; folders named in `skip` are left out. */
export function treeHash(dir: string, skip: ReadonlySet<string> = new Set()): string {
  const hash = createHash('sha256');
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name);
      const rel = relative(dir, path);
      if (skip.has(rel)) continue;
      const stat = lstatSync(path);
      hash.update(`${rel}\0${stat.mode}\0`);
      if (stat.isSymbolicLink()) hash.update(readlinkSync(path));
      else if (stat.isDirectory()) walk(path);
      else hash.update(readFileSync(path));
      hash.update('\0');
    }
  };
  walk(dir);
  return hash.digest('hex');
}

/**
 * `hwdocs <args>` in a child Node process whose heap is capped at `maxHeapMb`: exceeding it kills the child
 * (V8 "heap out of memory"), which fails the test. That is how memory bounds are asserted without timing anything.
 */
export function runCliBounded(
  args: string[],
  cwd: string,
  maxHeapMb = 200,
): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(
    process.execPath,
    [`--max-old-space-size=${maxHeapMb}`, '--import', 'tsx', join(ROOT, 'cli/main.ts'), ...args],
    { cwd, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A YAML alias bomb of `levels` levels, each level ten aliases of the previous one (10^levels leaves, ~2.7 KB). */
export function aliasBomb(levels = 40): string {
  let text =
    'openapi: 3.1.0\ninfo: {title: bomb, version: "1"}\npaths: {}\nx-a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let i = 1; i < levels; i++)
    text += `x-a${i}: &a${i} [${Array(10)
      .fill(`*a${i - 1}`)
      .join(', ')}]\n`;
  return text;
}
