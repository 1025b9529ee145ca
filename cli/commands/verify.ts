// `hwdocs verify <spec> [--package dir] [--report scrape-report.json]` — the documented examples as tests of the
// generated package: request examples compile (tsc --strict) against their body types and pass the request
// validators, 2xx response examples pass the response validators.
// Exit codes: 0 all pass (documented contradictions aside); 1 failures; 2 usage error or a spec that cannot be generated.
import { existsSync } from 'node:fs';
import type { Command } from '../args.ts';
import { oneSpecFile, parseCommandArgs, UsageError } from '../args.ts';
import { isSpecProblemsError } from '../../generator/index.ts';
import { formatResult, PackageMissingError, verifySpec } from '../../verify/index.ts';

const USAGE = 'hwdocs verify <spec.yaml|json> [--package <generated package dir>] [--report <scrape report.json>]';

const HELP = `${USAGE}

Checks every documented example in the spec against the generated package:
  request examples   compile with tsc --strict against the operation's body type and pass its request validator
  2xx responses      pass the operation's response validator

  --package DIR   a package generated from this spec (default: generate one into a temporary folder)
  --report FILE   the scrape report (hwdocs scrape --report): failures where it says the example contradicts its
                  page's own table are listed as documented contradictions, not counted

Prints counts, then each failure as operation, example, JSON Pointer and reason. Exit 1 when any example fails.`;

export const verify: Command = {
  summary: 'Check that the documented examples compile and validate against the generated package',
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { package: { type: 'string' }, report: { type: 'string' } },
      USAGE,
    );
    if (values.help) {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    const spec = oneSpecFile(positionals, USAGE);
    for (const [what, path] of [
      ['spec', spec],
      ['package', values.package],
      ['report', values.report],
    ] as const) {
      if (path !== undefined && !existsSync(path)) throw new UsageError(`${what} not found: ${path}`);
    }
    try {
      const result = await verifySpec(spec, {
        ...(values.package ? { packageDir: values.package } : {}),
        ...(values.report ? { reportPath: values.report } : {}),
      });
      process.stdout.write(`${formatResult(result)}\n`);
      return result.requests.failed || result.responses.failed || result.packageErrors.length ? 1 : 0;
    } catch (err) {
      if (err instanceof PackageMissingError) throw new UsageError(err.message);
      if (isSpecProblemsError(err)) {
        process.stderr.write(`hwdocs verify: ${err.message}\n`);
        return 2;
      }
      throw err;
    }
  },
};
