// On-disk HTTP cache keyed by URL: `<dir>/<sha256(url)>.body` holds the bytes as served and
// `<sha256(url)>.json` the validators. The metadata is written last, so it only exists for a complete body.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readJson, writeFileAtomic } from './files.ts';

export interface CacheMeta {
  url: string;
  status: number;
  etag?: string;
  lastModified?: string;
  contentType?: string;
  finalUrl?: string;
  /** Body length, checked on read to reject a body that does not belong to this metadata. */
  size: number;
}

export interface CacheHit {
  meta: CacheMeta;
  body: Buffer;
}

export class DiskCache {
  constructor(readonly dir: string) {}

  private pathsOf(url: string) {
    const key = createHash('sha256').update(url).digest('hex');
    return { meta: join(this.dir, `${key}.json`), body: join(this.dir, `${key}.body`) };
  }

  async get(url: string): Promise<CacheHit | undefined> {
    const paths = this.pathsOf(url);
    const meta = await readJson<CacheMeta>(paths.meta);
    if (!meta || meta.url !== url) return undefined;
    const body = await readFile(paths.body).catch(() => undefined);
    if (!body || body.length !== meta.size) return undefined;
    return { meta, body };
  }

  async put(meta: Omit<CacheMeta, 'size'>, body: Buffer): Promise<CacheMeta> {
    const paths = this.pathsOf(meta.url);
    const complete = withoutUndefined({ ...meta, size: body.length });
    await writeFileAtomic(paths.body, body);
    await writeFileAtomic(paths.meta, JSON.stringify(complete, null, 2) + '\n');
    return complete;
  }

  /** After a 304: the server may send fresh validators; the body stays as it is. */
  async updateMeta(meta: CacheMeta): Promise<void> {
    await writeFileAtomic(this.pathsOf(meta.url).meta, JSON.stringify(withoutUndefined(meta), null, 2) + '\n');
  }
}

export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
