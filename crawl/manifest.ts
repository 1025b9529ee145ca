// The manifest beside the saved pages: url → file, status and validators, sorted, with no timestamps,
// so two crawls of unchanged docs produce identical bytes.
import type { CrawlFailure, ManifestPage } from './types.ts';

export const MANIFEST_FILE = 'crawl-manifest.json';

export interface Manifest {
  startUrls: string[];
  pages: ManifestPage[];
  failed?: CrawlFailure[];
  pending?: string[];
}

/** Code-point order of `url`: manifest, state and summary list pages and failures in it. */
export const byUrl = (a: { url: string }, b: { url: string }): number => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);

export function renderManifest(input: {
  startUrls: readonly string[];
  pages: readonly ManifestPage[];
  failures: readonly CrawlFailure[];
  pending: readonly string[];
}): string {
  const manifest: Manifest = {
    startUrls: [...input.startUrls].sort(),
    // Fixed key order inside each entry, whatever order the crawler built them in.
    pages: [...input.pages].sort(byUrl).map((page) => ({
      url: page.url,
      file: page.file,
      status: page.status,
      ...(page.etag !== undefined && { etag: page.etag }),
      ...(page.lastModified !== undefined && { lastModified: page.lastModified }),
      ...(page.contentType !== undefined && { contentType: page.contentType }),
      ...(page.finalUrl !== undefined && { finalUrl: page.finalUrl }),
    })),
  };
  if (input.failures.length)
    manifest.failed = [...input.failures].sort(byUrl).map(({ url, reason }) => ({ url, reason }));
  if (input.pending.length) manifest.pending = [...input.pending].sort();
  return JSON.stringify(manifest, null, 2) + '\n';
}
