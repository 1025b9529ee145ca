// Human output of a crawl: a one-line progress bar on a terminal, plain lines otherwise (logs, CI),
// and the end-of-run summary.
import type { CrawlEvent, CrawlSummary } from './types.ts';

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

const BAR_WIDTH = 20;

export function progressBar(done: number, total: number, width = BAR_WIDTH): string {
  const filled = total > 0 ? Math.min(width, Math.round((done / total) * width)) : 0;
  return '#'.repeat(filled) + '-'.repeat(width - filled);
}

/** The plain-text line of one event, e.g. `[12/40] fetched https://…`. */
export function formatEvent(event: CrawlEvent): string {
  if (event.type === 'retry') {
    return `retry ${event.attempt}/${event.retries} ${event.url} (${event.reason}) in ${event.delayMs} ms`;
  }
  const prefix = `[${event.done}/${event.total}] ${event.outcome} ${event.url}`;
  return event.outcome === 'failed' ? `${prefix} — ${event.reason}` : prefix;
}

/**
 * On a TTY, page events redraw one bar line and retries/failures are printed above it; elsewhere every event
 * is its own line.
 */
export function createProgressReporter(stream: ProgressStream) {
  const tty = Boolean(stream.isTTY);
  let barShown = false;
  const clearBar = () => {
    if (barShown) stream.write('\r\x1b[K');
    barShown = false;
  };
  return {
    onEvent(event: CrawlEvent) {
      if (!tty) {
        stream.write(formatEvent(event) + '\n');
        return;
      }
      clearBar();
      if (event.type === 'retry' || event.outcome === 'failed') stream.write(formatEvent(event) + '\n');
      if (event.type === 'page') {
        const head = `[${event.done}/${event.total}] ${progressBar(event.done, event.total)} ${event.outcome} `;
        const room = Math.max(10, (stream.columns || 100) - head.length - 1);
        const url = event.url.length > room ? '…' + event.url.slice(-(room - 1)) : event.url;
        stream.write(head + url);
        barShown = true;
      }
    },
    finish() {
      clearBar();
    },
  };
}

export function formatSummary(summary: CrawlSummary): string {
  const lines = [
    `crawl: ${summary.saved} page(s) saved to ${summary.outDir} — fetched ${summary.fetched}, cached ${summary.cached}, ` +
      `revalidated ${summary.revalidated}, failed ${summary.failed}`,
  ];
  for (const failure of summary.failures) lines.push(`  failed ${failure.url}: ${failure.reason}`);
  if (summary.interrupted)
    lines.push(`interrupted: ${summary.pending} page(s) pending; rerun the same command to resume`);
  else if (summary.pending > 0)
    lines.push(`${summary.pending} page(s) pending (max-pages reached); rerun without the bound to continue`);
  else if (summary.failed > 0)
    lines.push('rerun the same command to retry the failed pages (saved pages are not refetched)');
  lines.push(`manifest: ${summary.manifestFile}`);
  return lines.join('\n') + '\n';
}
