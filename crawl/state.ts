// Resume state of an unfinished crawl, kept in the output folder. It records which pages this crawl has
// already saved: a rerun replays the same breadth-first walk, takes those pages from the cache without any
// request, and fetches only the rest. It is removed once a crawl finishes with nothing pending or failed,
// so the next run starts a new crawl that revalidates every page.
import { rm } from 'node:fs/promises';
import { readJson, writeFileAtomic } from './files.ts';
import { byUrl } from './manifest.ts';
import type { CrawlFailure } from './types.ts';

export const STATE_FILE = '.crawl-state.json';

export interface CrawlState {
  version: 1;
  startUrls: string[];
  /** Saved in this crawl: served from the cache on resume. */
  done: string[];
  failed: CrawlFailure[];
  /** Discovered but not crawled yet (informational; the walk rediscovers them). */
  pending: string[];
}

/** The state of an unfinished crawl with the same start URLs, or undefined. */
export async function loadState(path: string, startUrls: readonly string[]): Promise<CrawlState | undefined> {
  const state = await readJson<CrawlState>(path);
  if (!state || state.version !== 1 || !Array.isArray(state.done)) return undefined;
  const sameStart = JSON.stringify([...state.startUrls].sort()) === JSON.stringify([...startUrls].sort());
  return sameStart ? state : undefined;
}

export async function saveState(path: string, state: CrawlState): Promise<void> {
  const sorted: CrawlState = {
    version: 1,
    startUrls: [...state.startUrls].sort(),
    done: [...state.done].sort(),
    failed: [...state.failed].sort(byUrl),
    pending: [...state.pending].sort(),
  };
  await writeFileAtomic(path, JSON.stringify(sorted, null, 2) + '\n');
}

export async function removeState(path: string): Promise<void> {
  await rm(path, { force: true });
}
