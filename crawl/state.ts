// Resume state of an unfinished crawl, kept in the output folder as an append-only journal: a header line naming
// the start URLs, then one JSON line per page saved or failed. A page costs one append (O(1) state I/O, however
// large the crawl), and a crawl killed at any moment (kill -9 included) loses at most the pages in flight: a torn
// last line is skipped on reading. The journal is compacted (rewritten atomically with one line per live entry)
// when it has grown to several times its live size. A rerun replays the same breadth-first walk, takes the pages
// the journal lists as saved from the cache without any request, and fetches only the rest. The journal is
// removed once a crawl finishes with nothing pending or failed, so the next run revalidates every page.
import { appendFile, readFile, rm } from 'node:fs/promises';
import { writeFileAtomic } from './files.ts';
import { byUrl } from './manifest.ts';
import type { CrawlFailure } from './types.ts';

export const STATE_FILE = '.crawl-state.jsonl';
/** Journal lines allowed per live entry before compaction (plus a constant, so small crawls never compact). */
const COMPACT_FACTOR = 4;
const COMPACT_SLACK = 1_000;

export interface CrawlState {
  startUrls: string[];
  /** Saved in this crawl: served from the cache on resume. */
  done: string[];
  failed: CrawlFailure[];
}

type JournalLine = { version: 2; startUrls: string[] } | { done: string } | { failed: string; reason: string };

function parseLines(text: string): JournalLine[] {
  const lines: JournalLine[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      lines.push(JSON.parse(line) as JournalLine);
    } catch {
      // A line torn by a kill mid-append: that page is fetched again.
    }
  }
  return lines;
}

/** The state of an unfinished crawl with the same start URLs, or undefined. */
export async function loadState(path: string, startUrls: readonly string[]): Promise<CrawlState | undefined> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const [header, ...entries] = parseLines(text);
  if (!header || !('version' in header) || header.version !== 2 || !Array.isArray(header.startUrls)) return undefined;
  if (JSON.stringify([...header.startUrls].sort()) !== JSON.stringify([...startUrls].sort())) return undefined;
  const done = new Set<string>();
  const failed = new Map<string, string>();
  for (const entry of entries) {
    if ('done' in entry && typeof entry.done === 'string') {
      done.add(entry.done);
      failed.delete(entry.done);
    } else if ('failed' in entry && typeof entry.failed === 'string') {
      done.delete(entry.failed);
      failed.set(entry.failed, String(entry.reason));
    }
  }
  return { startUrls: [...startUrls], done: [...done], failed: [...failed].map(([url, reason]) => ({ url, reason })) };
}

function render(state: CrawlState): string {
  const lines: JournalLine[] = [
    { version: 2, startUrls: [...state.startUrls].sort() },
    ...[...state.done].sort().map((url) => ({ done: url })),
    ...[...state.failed].sort(byUrl).map(({ url, reason }) => ({ failed: url, reason })),
  ];
  return lines.map((line) => JSON.stringify(line)).join('\n') + '\n';
}

/** Appends page outcomes; rewrites the journal compactly when it has grown well beyond its live entries. */
export class StateJournal {
  private lines = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly current: () => CrawlState,
    /** Live entries (saved + failed), cheap to ask: compared with the journal's length after each append. */
    private readonly live: () => number,
  ) {}

  /** Starts the journal from `state` (the resumed entries, or none). */
  start(state: CrawlState): Promise<void> {
    return this.enqueue(() => this.compact(state));
  }

  pageDone(url: string): Promise<void> {
    return this.enqueue(() => this.append({ done: url }));
  }

  pageFailed(url: string, reason: string): Promise<void> {
    return this.enqueue(() => this.append({ failed: url, reason }));
  }

  /** Writes the whole state as it is now (end of a run that leaves work for a rerun). */
  flush(): Promise<void> {
    return this.enqueue(() => this.compact(this.current()));
  }

  remove(): Promise<void> {
    return this.enqueue(() => rm(this.path, { force: true }));
  }

  // Serialised so that concurrent pages never interleave two writes.
  private enqueue(task: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(task);
    return this.queue;
  }

  private async append(line: JournalLine): Promise<void> {
    await appendFile(this.path, JSON.stringify(line) + '\n');
    this.lines++;
    if (this.lines > COMPACT_FACTOR * this.live() + COMPACT_SLACK) await this.compact(this.current());
  }

  private async compact(state: CrawlState): Promise<void> {
    await writeFileAtomic(this.path, render(state));
    this.lines = 1 + state.done.length + state.failed.length;
  }
}
