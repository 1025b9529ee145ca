// `hwdocs crawl <url...> -o manual/<service>/` — saves a doc set of the live API reference into a folder.
// Exit codes: 0 pages saved and none failed; 1 some page failed, nothing saved, or interrupted; 2 usage errors.
import { UsageError, parseCommandArgs, type Command } from '../args.ts';
import { getVerbosity } from '../log.ts';
import { assertSafeOutputs } from '../outputs.ts';
import {
  CrawlUsageError,
  DEFAULTS,
  crawl as runCrawl,
  createProgressReporter,
  formatSummary,
} from '../../crawl/index.ts';

const USAGE = `hwdocs crawl <url...> -o <dir> [options]

Fetches API-reference pages, following links that stay on the start URL's host and directory.

Options:
  -o, --out <dir>         output folder (required), e.g. manual/apig/
  --concurrency <n>       requests in flight (default ${DEFAULTS.concurrency})
  --delay-ms <ms>         gap between request starts per host (default ${DEFAULTS.delayMs})
  --timeout-ms <ms>       per-request timeout (default ${DEFAULTS.timeoutMs})
  --retries <n>           retries for network errors, timeouts, 429, 5xx (default ${DEFAULTS.retries})
  --max-redirects <n>     redirect hops per request (default ${DEFAULTS.maxRedirects})
  --max-pages <n>         bound on pages in the crawl (default unbounded)
  --cache <dir>           HTTP cache folder (default <out>/.cache)
  --restart               ignore the resume state of an unfinished earlier run
  -q, --quiet             no progress output, only the summary
  --verbose               one line per page also when stderr is not a terminal (default there: nothing
                          until the summary; a terminal gets a progress bar)`;

const OPTIONS = {
  out: { type: 'string', short: 'o' },
  concurrency: { type: 'string' },
  'delay-ms': { type: 'string' },
  'timeout-ms': { type: 'string' },
  retries: { type: 'string' },
  'max-redirects': { type: 'string' },
  'max-pages': { type: 'string' },
  cache: { type: 'string' },
  restart: { type: 'boolean' },
} as const;

/** A non-negative (or positive, with min 1) integer option, or undefined when not given. */
export function integerOption(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min) {
    throw new UsageError(`--${name} must be an integer ≥ ${min}, got '${value}'\n\nUsage: ${USAGE}`);
  }
  return Number(value);
}

export const crawl: Command = {
  summary: 'Fetch API-reference pages from the live docs into a folder',
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS, USAGE);
    if (values.help) {
      process.stdout.write(`Usage: ${USAGE}\n`);
      return 0;
    }
    if (positionals.length === 0) throw new UsageError(`no start URL given\n\nUsage: ${USAGE}`);
    if (!values.out) throw new UsageError(`missing -o <dir>\n\nUsage: ${USAGE}`);

    await assertSafeOutputs([{ label: 'output folder', path: values.out, kind: 'folder', shared: true }], []);
    const options = {
      outDir: values.out,
      cacheDir: values.cache,
      concurrency: integerOption('concurrency', values.concurrency, 1),
      delayMs: integerOption('delay-ms', values['delay-ms'], 0),
      timeoutMs: integerOption('timeout-ms', values['timeout-ms'], 1),
      retries: integerOption('retries', values.retries, 0),
      maxRedirects: integerOption('max-redirects', values['max-redirects'], 0),
      maxPages: integerOption('max-pages', values['max-pages'], 1),
      restart: values.restart ?? false,
    };

    // First Ctrl-C stops cleanly (state kept for a rerun); a second one exits at once.
    const controller = new AbortController();
    const onSigint = () => {
      if (controller.signal.aborted) process.exit(130);
      process.stderr.write('\nhwdocs crawl: stopping (Ctrl-C again to exit now)…\n');
      controller.abort();
    };
    process.on('SIGINT', onSigint);
    // A terminal gets the progress bar; a log (not a TTY) gets one line per page only with --verbose.
    const reporter = createProgressReporter(process.stderr);
    const verbosity = getVerbosity();
    const showEvents = verbosity === 'verbose' || (verbosity === 'normal' && process.stderr.isTTY);
    let summary;
    try {
      summary = await runCrawl(positionals, {
        ...options,
        signal: controller.signal,
        onEvent: showEvents ? reporter.onEvent : undefined,
      });
    } catch (error) {
      if (error instanceof CrawlUsageError) throw new UsageError(`${error.message}\n\nUsage: ${USAGE}`);
      throw error;
    } finally {
      reporter.finish();
      process.off('SIGINT', onSigint);
    }
    process.stdout.write(formatSummary(summary));
    return summary.saved > 0 && summary.failed === 0 && !summary.interrupted ? 0 : 1;
  },
};
