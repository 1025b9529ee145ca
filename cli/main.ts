#!/usr/bin/env node
// hwdocs command-line entry: dispatches to one module per command.
// Exit codes: 0 ok, 1 findings (--strict, --fail-on, check drift), 2 usage or input errors.
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

const isEntry = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!);
if (isEntry) {
  main(process.argv.slice(2)).then(
    // Exit only once stdout has drained: process.exit() right away cuts piped output after 64 KiB.
    (code) => process.stdout.write('', () => process.exit(code)),
    (err) => {
      process.stderr.write(`hwdocs: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(2);
    },
  );
}
