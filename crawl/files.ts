// Small file helpers: atomic writes (an interrupted run never leaves half a file) and no-op rewrites.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

let tempCounter = 0;

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${tempCounter++}.tmp`;
  await writeFile(temp, data);
  await rename(temp, path);
}

/** Writes only when the bytes differ, so unchanged pages keep their modification time. */
export async function writeFileIfChanged(path: string, data: Uint8Array): Promise<void> {
  const existing = await readFile(path).catch(() => undefined);
  if (existing && Buffer.compare(existing, data) === 0) return;
  await writeFileAtomic(path, data);
}

export async function readJson<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}
