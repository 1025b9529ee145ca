// A tiny, strict argument parser: unknown flags are usage errors (exit 2), never ignored.
import { parseArgs } from 'node:util';

export class UsageError extends Error {}

export interface Command {
  /** One line for `hwdocs --help`; the command table (commands/index.ts) holds the copy that is shown. */
  summary?: string;
  run(argv: string[]): Promise<number>;
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

export function parseCommandArgs<O extends OptionSpec>(argv: string[], options: O, usage: string) {
  try {
    return parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n\nUsage: ${usage}`);
  }
}

/** The one spec file a command takes (generate, verify); any other count is a usage error. */
export function oneSpecFile(positionals: string[], usage: string): string {
  if (positionals.length !== 1)
    throw new UsageError(`expected exactly one spec file, got ${positionals.length}\n\nUsage: ${usage}`);
  return positionals[0]!;
}
