// What the CLI prints besides results: one verbosity for the whole run (`--quiet`: errors only; `--verbose`: startup
// and per-stage times too), and a progress line that exists only on a terminal (rewritten in place, erased at the
// end) so logs and pipes never see it.

export type Verbosity = 'quiet' | 'normal' | 'verbose';

let verbosity: Verbosity = 'normal';

export function setVerbosity(level: Verbosity): void {
  verbosity = level;
}

export function getVerbosity(): Verbosity {
  return verbosity;
}

/** A status line on stderr (summaries, warnings about the run); silent under --quiet. */
export function info(line: string): void {
  if (verbosity !== 'quiet') process.stderr.write(line.endsWith('\n') ? line : `${line}\n`);
}

/** A line only --verbose prints. */
export function verbose(line: string): void {
  if (verbosity === 'verbose') process.stderr.write(`${line}\n`);
}

/** Milliseconds since the process started (performance's origin is process start). */
export function sinceStart(): number {
  return Math.round(performance.now());
}

/** Runs one stage and, under --verbose, prints how long it took. */
export async function stage<T>(label: string, work: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    verbose(`hwdocs: ${label}: ${Math.round(performance.now() - start)} ms`);
  }
}

export interface Progress {
  /** Replaces the progress line (throttled; nothing happens when stderr is not a terminal or under --quiet). */
  update(text: string): void;
  /** Erases the line. */
  done(): void;
}

const QUIET_PROGRESS: Progress = { update: () => {}, done: () => {} };

/** A progress line for `stream` (stderr by default): only on a TTY, never under --quiet. */
export function progress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || verbosity === 'quiet') return QUIET_PROGRESS;
  let shown = false;
  let last = 0;
  return {
    update(text) {
      const now = performance.now();
      if (shown && now - last < 80) return; // a terminal does not need more than ~12 redraws a second
      last = now;
      const width = Math.max(20, (stream.columns ?? 80) - 1);
      stream.write(`\r\x1b[K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
