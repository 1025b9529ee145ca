// Reads a document from a file or from git (`REV:path`, as `git show` spells it).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { MAX_SPEC_BYTES, MAX_YAML_ALIASES, documentBoundsProblem } from '../generator/spec/limits.ts';
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

/** Text git could read as an option, or that no revision contains (spaces, control characters). */
const UNSAFE_REVISION = /^-|[\x00-\x20\x7f]/;

/**
 * The blob `REV:path` names, as an object id, or a DiffInputError. User text reaches git only after
 * `--end-of-options` and only once it is known not to look like an option, so `--output=FILE:x.yaml` is refused
 * here and could not be taken as an option by git anyway; the content is then read by object id alone.
 */
function resolveGitBlob(rev: string, path: string, cwd: string): string {
  if (UNSAFE_REVISION.test(rev) || rev === '') {
    throw new DiffInputError(
      `'${rev}' is not a plain revision name (branch, tag or commit id); refusing to pass it to git`,
    );
  }
  if (path.startsWith('-') || /[\x00-\x1f]/.test(path))
    throw new DiffInputError(`'${path}' is not a usable path inside a revision`);
  const gitRevParse = (name: string): string | undefined => {
    try {
      const id = execFileSync('git', ['rev-parse', '--verify', '--quiet', '--end-of-options', name], {
        cwd,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }).trim();
      return /^[0-9a-f]{40,64}$/.test(id) ? id : undefined;
    } catch {
      return undefined;
    }
  };
  const commit = gitRevParse(`${rev}^{commit}`);
  if (!commit)
    throw new DiffInputError(
      `no such file, and '${rev}' is not a revision of a git repository here (git rev-parse --verify)`,
    );
  const blob = gitRevParse(`${commit}:${path}`);
  if (!blob) throw new DiffInputError(`no such file, and revision '${rev}' has no file '${path}'`);
  return blob;
}

export function readSource(arg: string, cwd: string): string {
  const path = resolve(cwd, arg);
  if (existsSync(path)) {
    try {
      const { size } = statSync(path);
      if (size > MAX_SPEC_BYTES) throw new Error(`${size} bytes is more than MAX_SPEC_BYTES (${MAX_SPEC_BYTES})`);
      return readFileSync(path, 'utf8');
    } catch (err) {
      throw new DiffInputError(`cannot read '${arg}': ${(err as Error).message}`);
    }
  }
  const git = parseGitSpec(arg);
  if (!git) throw new DiffInputError(`no such file: '${arg}'`);
  const blob = resolveGitBlob(git.rev, git.path, cwd);
  try {
    return execFileSync('git', ['cat-file', 'blob', blob], {
      cwd,
      encoding: 'utf8',
      maxBuffer: MAX_SPEC_BYTES,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (err) {
    const stderr = String((err as { stderr?: unknown }).stderr ?? (err as Error).message).trim();
    throw new DiffInputError(`cannot read '${arg}' from git: ${stderr.split('\n')[0]}`);
  }
}

/** Parses YAML or JSON (JSON is YAML) and checks it looks like an OpenAPI document. */
export function parseDocument(text: string, label: string): OpenApiDoc {
  let doc: unknown;
  try {
    doc = parse(text, { maxAliasCount: MAX_YAML_ALIASES });
  } catch (err) {
    const message = (err as Error).message.split('\n')[0];
    const why = /alias count/i.test(message ?? '')
      ? `more than ${MAX_YAML_ALIASES} YAML alias expansions (limit MAX_YAML_ALIASES)`
      : message;
    throw new DiffInputError(`cannot parse '${label}': ${why}`);
  }
  const tooBig = documentBoundsProblem(doc);
  if (tooBig) throw new DiffInputError(`cannot compare '${label}': ${tooBig}`);
  // Swagger 2.0 puts bodies in parameters and has no `content`: comparing it with these rules would be nonsense.
  if (
    !isObject(doc) ||
    typeof doc.openapi !== 'string' ||
    !doc.openapi.startsWith('3.') ||
    (doc.paths !== undefined && !isObject(doc.paths))
  )
    throw new DiffInputError(`'${label}' is not an OpenAPI 3 document (no 'openapi: 3.x' field)`);
  return doc;
}

export function loadDocument(arg: string, cwd: string = process.cwd()): OpenApiDoc {
  return parseDocument(readSource(arg, cwd), arg);
}
