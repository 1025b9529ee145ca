#!/usr/bin/env node
// hwdocs command-line entry: dispatches to one module per command.
// Exit codes: 0 ok, 1 findings (--strict, --fail-on, check drift), 2 usage or input errors.
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { commands } from './commands/index.ts';
import { UsageError } from './args.ts';

const HELP = `hwdocs — Huawei Cloud API manuals → OpenAPI 3.1 → typed TypeScript clients

Usage: hwdocs <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`)
  .join('\n')}

Run 'hwdocs <command> --help' for the options of a command.`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(HELP + '\n');
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`hwdocs: unknown command '${name}'\n\n${HELP}\n`);
    return 2;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`hwdocs ${name}: ${err.message}\n`);
      return 2;
    }
    throw err;
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

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (invokedDirectly) runCli(process.argv.slice(2));
