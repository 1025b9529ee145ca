// Output-path safety, decided before anything is read or written: every command names its outputs and inputs
// here first, and an output that would overwrite an input, a folder the user lives in, or files hwdocs did not write
// is refused with one line (exit 2). Generated folders are owned through their manifest (generator/manifest.ts).
import { existsSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, parse, relative, resolve } from 'node:path';
import { UsageError } from './args.ts';
import { OutputOwnershipError, ownedFiles } from '../generator/write.ts';

export interface Output {
  /** What the output is, for the message: `spec`, `report`, `output folder`, ... */
  label: string;
  path: string;
  kind: 'file' | 'folder';
  /** A folder that may hold files hwdocs did not write (the crawler's page folder, resumed across runs). */
  shared?: boolean;
}

/**
 * An absolute path with symlinks of its existing part resolved, so `link/x` and `target/x` compare equal.
 * A path that does not exist yet keeps its missing tail as written.
 */
export function canonical(path: string): string {
  let existing = resolve(path);
  const tail: string[] = [];
  while (!existsSync(existing)) {
    const parent = dirname(existing);
    if (parent === existing) break;
    tail.unshift(existing.slice(parent.length).replace(/^[\\/]/, ''));
    existing = parent;
  }
  let real = existing;
  try {
    real = realpathSync(existing);
  } catch {
    // unreadable: compare as written
  }
  return tail.length ? join(real, ...tail) : real;
}

/** True when `inner` is `outer` or lies below it. */
export function within(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The folder a glob input reads from: its part before the first glob character. */
export function inputBase(input: string): string {
  const magic = input.search(/[*?[{]/);
  if (magic < 0) return input;
  const head = input.slice(0, magic);
  return head.endsWith('/') ? head : dirname(head) || '.';
}

/** Nearest folder at or above `from` that has `.git`: the repository a command runs in, if any. */
function repositoryRoot(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Folders an output may never be or contain: `/`, the home folder, the working directory and its parents, the repository root. */
function protectedFolders(extra: string[]): { path: string; what: string }[] {
  const cwd = canonical(process.cwd());
  const out: { path: string; what: string }[] = [];
  for (let dir = cwd; ; dir = dirname(dir)) {
    out.push({ path: dir, what: dir === cwd ? 'the working directory' : 'a parent of the working directory' });
    if (dirname(dir) === dir) break;
  }
  out.push({ path: parse(cwd).root, what: 'the file-system root' });
  out.push({ path: canonical(homedir()), what: 'the home folder' });
  const repo = repositoryRoot(cwd);
  if (repo) out.push({ path: repo, what: 'the repository root' });
  for (const path of extra) out.push({ path: canonical(path), what: 'the project folder' });
  return out;
}

/**
 * Refuses (UsageError, exit 2) outputs that are or contain a protected folder, that are, contain or lie inside an
 * input, that overlap each other, a file output that is an existing folder, and an existing output folder holding
 * files hwdocs did not write. `projectFolders` are protected too (a config's own folder).
 */
export async function assertSafeOutputs(
  outputs: Output[],
  inputs: string[],
  projectFolders: string[] = [],
): Promise<void> {
  const resolved = outputs.map((o) => ({ ...o, at: canonical(o.path) }));
  const ins = inputs.filter((i) => !/^https?:\/\//i.test(i)).map((i) => ({ input: i, at: canonical(inputBase(i)) }));
  const guarded = protectedFolders(projectFolders);
  for (const output of resolved) {
    const name = `${output.label} '${output.path}'`;
    // The most telling reason first: the folder it is, else the first one it contains.
    const hit = guarded.find((f) => f.path === output.at) ?? guarded.find((f) => within(f.path, output.at));
    if (hit)
      throw new UsageError(
        `refusing to write ${name}: it ${hit.path === output.at ? 'is' : 'contains'} ${hit.what} (${hit.path})`,
      );
    for (const input of ins) {
      if (input.at === output.at) throw new UsageError(`refusing to write ${name}: it is the input '${input.input}'`);
      if (within(input.at, output.at))
        throw new UsageError(`refusing to write ${name}: it contains the input '${input.input}'`);
      if (within(output.at, input.at))
        throw new UsageError(`refusing to write ${name}: it lies inside the input '${input.input}'`);
    }
    const info = statOrUndefined(output.at);
    if (output.kind === 'folder' && info && !info.isDirectory())
      throw new UsageError(`${name} is a file, not a folder`);
    if (output.kind === 'file' && info?.isDirectory())
      throw new UsageError(`${name} is a folder; give a file name (e.g. ${join(output.path, 'service.openapi.yaml')})`);
    if (output.kind === 'folder' && !output.shared) {
      const problem = await ownershipProblem(output.at);
      if (problem) throw new UsageError(`refusing to write ${name}: ${problem}`);
    }
  }
  for (let i = 0; i < resolved.length; i++) {
    for (let j = i + 1; j < resolved.length; j++) {
      const [a, b] = [resolved[i], resolved[j]];
      if (within(a.at, b.at) || within(b.at, a.at)) {
        throw new UsageError(
          `${a.label} '${a.path}' and ${b.label} '${b.path}' ${a.at === b.at ? 'are the same path' : 'overlap'}: each output needs its own place`,
        );
      }
    }
  }
}

/** Why hwdocs may not write into an existing folder (not empty, no manifest, not an older hwdocs package), or undefined. */
async function ownershipProblem(dir: string): Promise<string | undefined> {
  try {
    await ownedFiles(dir, []);
    return undefined;
  } catch (err) {
    if (err instanceof OutputOwnershipError) return err.message.replace(`${dir} `, 'the folder ');
    return `its manifest cannot be read: ${(err as Error).message}`;
  }
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
