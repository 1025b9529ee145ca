#!/usr/bin/env node
// hwdocs command-line entry: dispatches to one module per command, loaded on demand.
// Exit codes: 0 ok, 1 findings (--strict, --fail-on, check drift), 2 usage or input errors.
import { readFileSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { commands } from './commands/index.ts';
import { UsageError } from './args.ts';
import { setVerbosity, sinceStart, verbose, type Verbosity } from './log.ts';

const HELP = `hwdocs — Huawei Cloud API manuals → OpenAPI 3.1 → typed TypeScript clients

Usage: hwdocs <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`)
  .join('\n')}

Options for every command:
  --quiet, -q     print nothing but errors (results on stdout are still printed)
  --verbose       also print startup and per-stage times
  --version, -V   print the version
  --help, -h      this text; 'hwdocs <command> --help' for the options of a command

Exit codes: 0 ok; 1 findings (--strict and 'strict' in the config, check drift, diff --fail-on);
2 usage or input errors (nothing is written). With --strict the outputs are still written and the last
line says that the run failed because of findings.`;

/** The package's version, from the package.json above this module (../ from cli/, ../../ from dist/cli/). */
export function version(): string {
  for (const candidate of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(candidate, import.meta.url), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'hwdocs' && pkg.version) return pkg.version;
    } catch {
      // not this one
    }
  }
  return 'unknown';
}

/**
 * Takes the options every command shares out of argv (anywhere before a `--`), so that commands parse only their
 * own. The last of --quiet/--verbose wins.
 */
export function globalOptions(argv: string[]): { verbosity: Verbosity; rest: string[] } {
  let verbosity: Verbosity = 'normal';
  const rest: string[] = [];
  let literal = false;
  for (const arg of argv) {
    if (!literal && (arg === '--quiet' || arg === '-q')) verbosity = 'quiet';
    else if (!literal && arg === '--verbose') verbosity = 'verbose';
    else {
      if (arg === '--') literal = true;
      rest.push(arg);
    }
  }
  return { verbosity, rest };
}

export async function main(argv: string[]): Promise<number> {
  const { verbosity, rest: args } = globalOptions(argv);
  setVerbosity(verbosity);
  const [name, ...rest] = args;
  if (name === '--version' || name === '-V') {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(HELP + '\n');
    return name ? 0 : 2;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) {
    process.stderr.write(`hwdocs: unknown command '${name}'\n\n${HELP}\n`);
    return 2;
  }
  verbose(`hwdocs: started in ${sinceStart()} ms`);
  const command = await entry.load();
  verbose(`hwdocs: '${name}' loaded at ${sinceStart()} ms`);
  try {
    return await command.run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`hwdocs ${name}: ${err.message}\n`);
      return 2;
    }
    throw err;
  } finally {
    verbose(`hwdocs: done at ${sinceStart()} ms`);
  }
}

/**
 * Runs the CLI and exits with its code once stdout has drained (exiting at once cuts piped output after 64 KiB).
 * A crash is reported with its stack and exits 2, so it never looks like a finding (1).
 */
export function runCli(argv: string[]): void {
  const exit = (code: number) => process.stdout.write('', () => process.exit(code));
  main(argv).then(exit, (err) => {
    process.stderr.write(`hwdocs: ${err instanceof Error ? err.stack : String(err)}\n`);
    exit(2);
  });
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (invokedDirectly) runCli(process.argv.slice(2));
