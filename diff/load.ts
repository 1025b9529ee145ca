// Reads a document from a file or from git (`REV:path`, as `git show` spells it).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { isObject } from './resolve.ts';
import type { OpenApiDoc } from './types.ts';

/** Bad input (missing file, unknown revision, not an OpenAPI document): the CLI exits 2 with the message. */
export class DiffInputError extends Error {}

/**
 * `main:spec/apig.openapi.yaml` → { rev: 'main', path: 'spec/apig.openapi.yaml' }. An existing file always wins, so
 * a file whose name contains ':' still reads as a file.
 */
export function parseGitSpec(arg: string): { rev: string; path: string } | undefined {
  const m = /^([^:]+):(.+)$/.exec(arg);
  return m ? { rev: m[1]!, path: m[2]! } : undefined;
}

export function readSource(arg: string, cwd: string): string {
  const path = resolve(cwd, arg);
  if (existsSync(path)) {
    try {
      return readFileSync(path, 'utf8');
    } catch (err) {
      throw new DiffInputError(`cannot read '${arg}': ${(err as Error).message}`);
    }
  }
  const git = parseGitSpec(arg);
  if (!git) throw new DiffInputError(`no such file: '${arg}'`);
  try {
    return execFileSync('git', ['show', `${git.rev}:${git.path}`], { cwd, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const stderr = String((err as { stderr?: unknown }).stderr ?? '').trim();
    throw new DiffInputError(`no such file, and 'git show ${git.rev}:${git.path}' failed${stderr ? `: ${stderr}` : ''}`);
  }
}

/** Parses YAML or JSON (JSON is YAML) and checks it looks like an OpenAPI document. */
export function parseDocument(text: string, label: string): OpenApiDoc {
  let doc: unknown;
  try {
    doc = parse(text, { maxAliasCount: -1 });
  } catch (err) {
    throw new DiffInputError(`cannot parse '${label}': ${(err as Error).message.split('\n')[0]}`);
  }
  // Swagger 2.0 puts bodies in parameters and has no `content`: comparing it with these rules would be nonsense.
  if (!isObject(doc) || typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.') || (doc.paths !== undefined && !isObject(doc.paths)))
    throw new DiffInputError(`'${label}' is not an OpenAPI 3 document (no 'openapi: 3.x' field)`);
  return doc;
}

export function loadDocument(arg: string, cwd: string = process.cwd()): OpenApiDoc {
  return parseDocument(readSource(arg, cwd), arg);
}
