// Prettier formatting of the generated files, spread over worker threads. Big files are cut into chunks of whole
// top-level statements (found with the TypeScript parser), each chunk is formatted on its own, and the results are
// joined back with the blank lines the source had between them. That is byte-identical to formatting the file in
// one piece (prettier formats top-level statements independently and keeps at most one blank line between them;
// a test checks the equivalence), and the output does not depend on how many workers there are.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import ts from 'typescript';
import * as prettier from 'prettier';

/** Fixed prettier options: the user's prettier config must not change what we generate. */
export const PRETTIER_OPTIONS: prettier.Options = {
  printWidth: 120,
  singleQuote: true,
  trailingComma: 'all',
  endOfLine: 'lf',
  proseWrap: 'preserve',
};

/** Chunks smaller than this are not worth a message round trip. */
const CHUNK_CHARS = 120_000;
/** Below this total, starting workers costs more than it saves. */
const WORKER_THRESHOLD_CHARS = 400_000;

/**
 * TypeScript goes through prettier's `babel-ts` parser: on our generated code it prints exactly what the
 * `typescript` parser prints (checked on every generated file by a test) in about 60% of the time. Should babel
 * ever refuse a file, formatTs() falls back to the `typescript` parser.
 */
function parserFor(file: string): string | undefined {
  if (file.endsWith('.ts')) return 'babel-ts';
  if (file.endsWith('.json')) return 'json';
  if (file.endsWith('.md')) return 'markdown';
  return undefined;
}

export interface Chunk {
  text: string;
  /** True when the source had a blank line between the previous chunk and this one. */
  blankLineBefore: boolean;
}

/** Cuts TypeScript source into runs of whole top-level statements of about `target` characters. */
export function splitTopLevel(source: string, target = CHUNK_CHARS): Chunk[] {
  if (source.length <= target) return [{ text: source, blankLineBefore: false }];
  const statements = ts.createSourceFile(
    'chunk.ts',
    source,
    ts.ScriptTarget.Latest,
    false,
    ts.ScriptKind.TS,
  ).statements;
  const texts: string[] = [];
  let chunkStart = 0;
  statements.forEach((statement, index) => {
    const end = statement.getEnd();
    if (end - chunkStart < target || index === statements.length - 1) return;
    // Never cut before a comment that trails the statement on its own line: it belongs to this statement.
    if (!/^[ \t]*(\r?\n|$)/.test(source.slice(end, end + 200))) return;
    texts.push(source.slice(chunkStart, end));
    chunkStart = end;
  });
  texts.push(source.slice(chunkStart));
  return texts.map((text, index) => {
    const leadingWhitespace = /^\s*/.exec(text)![0];
    return { text, blankLineBefore: index > 0 && (leadingWhitespace.match(/\n/g) ?? []).length >= 2 };
  });
}

/** Joins formatted chunks as prettier would have printed the whole file. */
function joinChunks(formatted: string[], chunks: Chunk[]): string {
  let out = '';
  formatted.forEach((text, index) => {
    if (!text.trim()) return;
    if (out && chunks[index].blankLineBefore) out += '\n';
    out += text;
  });
  return out;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const prettier = require(workerData.prettierPath);
// Loads the TypeScript parser and printer plugins while the main thread is still reading and linting the spec.
prettier.format('const a: number = 1;\\n', { parser: 'babel-ts' }).catch(() => {});
parentPort.on('message', async ({ id, source, options }) => {
  try {
    parentPort.postMessage({ id, output: await prettier.format(source, options) });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});
`;

type Job = { source: string; options: prettier.Options; resolve: (text: string) => void; reject: (err: Error) => void };

/** A small pool of prettier workers; jobs are handed out in submission order. */
class FormatPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly running = new Map<number, Job>();
  private nextId = 0;

  constructor(size: number, depth: number) {
    const prettierPath = createRequire(import.meta.url).resolve('prettier');
    for (let i = 0; i < size; i++) {
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { prettierPath } });
      worker.on('message', (message: { id: number; output?: string; error?: string }) => {
        const job = this.running.get(message.id)!;
        this.running.delete(message.id);
        if (message.error !== undefined) job.reject(new Error(`prettier: ${message.error}`));
        else job.resolve(message.output!);
        this.idle.push(worker);
        this.pump();
      });
      worker.on('error', (err) => {
        for (const job of this.running.values()) job.reject(err);
        this.running.clear();
      });
      this.workers.push(worker);
    }
    // Each worker holds up to `depth` jobs: the main thread hands out work only when it gets to its event loop, which
    // it rarely does while it runs openapi-typescript, and a worker waiting for its next job would be wasted.
    for (let slot = 0; slot < depth; slot++) this.idle.push(...this.workers);
  }

  format(source: string, options: prettier.Options): Promise<string> {
    return new Promise((resolve, reject) => {
      this.queue.push({ source, options, resolve, reject });
      this.pump();
    });
  }

  /**
   * Lets the calling (main) thread format queued jobs too, from the back of the queue while the workers take them
   * from the front, until nothing is left to start; then waits for the workers' last jobs.
   */
  async helpUntilDone(): Promise<void> {
    while (this.queue.length) {
      // Back to the event loop between jobs, so finished workers get their next jobs without waiting for this one.
      await new Promise((resolve) => setImmediate(resolve));
      const job = this.queue.pop();
      if (!job) break;
      try {
        job.resolve(await prettier.format(job.source, job.options));
      } catch (err) {
        job.reject(err as Error);
      }
    }
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.shift()!;
      const job = this.queue.shift()!;
      const id = this.nextId++;
      this.running.set(id, job);
      worker.postMessage({ id, source: job.source, options: job.options });
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

async function formatWithFallback(
  source: string,
  parser: string,
  run: (source: string, options: prettier.Options) => Promise<string>,
): Promise<string> {
  try {
    return await run(source, { ...PRETTIER_OPTIONS, parser });
  } catch (err) {
    if (parser !== 'babel-ts') throw err;
    return run(source, { ...PRETTIER_OPTIONS, parser: 'typescript' });
  }
}

/** Formats one file in this thread (small outputs, tests). */
export async function formatFile(file: string, source: string): Promise<string> {
  const parser = parserFor(file);
  return parser ? formatWithFallback(source, parser, (text, options) => prettier.format(text, options)) : source;
}

export interface Formatter {
  format(file: string, source: string): Promise<string>;
  /** Call when this thread has nothing else to do: it then formats queued chunks itself. */
  help(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A formatter for one generation run: `format(file, source)` may be called as soon as each source is ready (work
 * overlaps with the emitters still running); `close()` ends the workers.
 */
export function createFormatter(
  expectedChars: number,
  options: { workers?: number; chunkChars?: number } = {},
): Formatter {
  // HWDOCS_FORMAT_WORKERS=N sets the pool size, 0 formats in this thread (the output is the same either way).
  const configured = options.workers ?? Number(process.env.HWDOCS_FORMAT_WORKERS);
  // The main thread formats too once its emitters are done (help()), so one worker already pays on 2 cores: it
  // formats the first files' chunks while the main thread runs openapi-typescript and ts-morph. (Two workers and an
  // idle main thread were slower there: the workers' JITs start cold.)
  const cores = availableParallelism();
  const workers =
    Number.isInteger(configured) && configured >= 0
      ? configured
      : cores >= 4
        ? Math.min(cores - 1, 4)
        : cores >= 2
          ? 1
          : 0;
  if (workers < 1 || (options.workers === undefined && expectedChars < WORKER_THRESHOLD_CHARS)) {
    return { format: formatFile, help: async () => {}, close: async () => {} };
  }
  const pool = new FormatPool(workers, workers === 1 ? 1 : 2);
  return {
    help: () => pool.helpUntilDone(),
    async format(file, source) {
      const parser = parserFor(file);
      if (!parser) return source;
      const run = (text: string, options: prettier.Options) => pool.format(text, options);
      // With one worker, whole files: the worker takes the first (biggest) file while this thread runs the other
      // emitters, then this thread formats the rest (cutting files costs a TypeScript parse in this thread).
      if (parser !== 'babel-ts' || (workers === 1 && options.chunkChars === undefined))
        return formatWithFallback(source, parser, run);
      const chunks = splitTopLevel(source, options.chunkChars);
      const formatted = await Promise.all(chunks.map((chunk) => formatWithFallback(chunk.text, parser, run)));
      return joinChunks(formatted, chunks);
    },
    close: () => pool.close(),
  };
}
