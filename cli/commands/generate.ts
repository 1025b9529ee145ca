// `hwdocs generate <spec.yaml|json> -o output/<service> [--name <package name>]` — typed client package from a spec.
// Exit codes: 0 written; 2 usage error or a spec the generator cannot use (problems listed, nothing written).
import type { Command } from '../args.ts';
import { parseCommandArgs, UsageError } from '../args.ts';
import { checkRuntimeSpecifier, generatePackage, isSpecProblemsError } from '../../generator/index.ts';

const USAGE = 'hwdocs generate <spec.yaml|json> -o <output dir> [--name <package name>] [--runtime <shared runtime package>]';

export const generate: Command = {
  summary: 'Generate a typed TypeScript client package from an OpenAPI document',
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, { out: { type: 'string', short: 'o' }, name: { type: 'string' }, runtime: { type: 'string' } }, USAGE);
    if (values.help) {
      process.stdout.write(`Usage: ${USAGE}\n\nWrites types.ts, client.ts + operations.ts (when the spec has operations), validators.ts, errors.ts, runtime/,\nindex.ts, package.json, tsconfig.json and README.md.\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError(`expected exactly one spec file, got ${positionals.length}\n\nUsage: ${USAGE}`);
    if (!values.out) throw new UsageError(`missing -o <output dir>\n\nUsage: ${USAGE}`);
    try {
      if (values.runtime !== undefined) {
        try {
          checkRuntimeSpecifier(values.runtime);
        } catch (err) {
          throw new UsageError(`${(err as Error).message}\n\nUsage: ${USAGE}`);
        }
      }
      const result = await generatePackage(positionals[0], values.out, { ...(values.name ? { name: values.name } : {}), ...(values.runtime ? { runtime: values.runtime } : {}) });
      for (const warning of result.warnings) process.stderr.write(`hwdocs generate: warning: ${warning}\n`);
      process.stdout.write(
        `${result.packageName}: ${result.operations} operations, ${result.schemas} schemas, ${result.errorCodes} error codes → ${result.outDir} (${result.files.length} files)\n`,
      );
      return 0;
    } catch (err) {
      if (isSpecProblemsError(err)) {
        process.stderr.write(`hwdocs generate: ${err.message}\nNothing was written.\n`);
        return 2;
      }
      throw err;
    }
  },
};
