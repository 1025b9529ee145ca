// Shared helpers of the generator tests: generate a fixture into test/tmp, compile it with the real tsc.
import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { generatePackage, type GenerateResult } from '../../generator/index.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = join(ROOT, 'test/fixtures/specs');
export const TMP = join(ROOT, 'test/tmp/generator');
const TSC = join(ROOT, 'node_modules/.bin/tsc');

export function fixture(name: string): string {
  return join(FIXTURES, name);
}

/** Generates `spec` into test/tmp/generator/<name> (cleared first). */
export async function generateFixture(
  spec: string,
  name: string,
  options: { name?: string } = {},
): Promise<GenerateResult> {
  const out = join(TMP, name);
  await rm(out, { recursive: true, force: true });
  return generatePackage(spec, out, options);
}

/** `tsc --strict --noEmit` over the generated package's own tsconfig (strict is on there; forced here too). */
export function compile(dir: string, extra: string[] = []): { status: number | null; output: string } {
  const result = spawnSync(TSC, ['-p', join(dir, 'tsconfig.json'), '--noEmit', '--strict', ...extra], {
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Imports one module of a generated package (vitest resolves the `.js` specifiers to the `.ts` files). */
export async function importGenerated<T = Record<string, unknown>>(dir: string, file: string): Promise<T> {
  return (await import(pathToFileURL(join(dir, file)).href)) as T;
}

/** Writes the README's usage example next to the package, importing `./index.js` instead of the package name. */
export async function writeReadmeExample(dir: string): Promise<void> {
  const { readFile, writeFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { name: string };
  const readme = await readFile(join(dir, 'README.md'), 'utf8');
  const example = /```+ts\n([\s\S]*?)\n```+/.exec(readme)![1];
  await writeFile(join(dir, 'readme-example.ts'), example.split(`'${pkg.name}'`).join("'./index.js'"));
}
