// `hwdocs generate <spec.yaml|json> -o output/<service> [--name <package name>]` — typed client package from a spec.
// Exit codes: 0 written; 2 usage error or a spec the generator cannot use (problems listed, nothing written).
import type { Command } from '../args.ts';
import { oneSpecFile, parseCommandArgs, UsageError } from '../args.ts';
import { info, stage } from '../log.ts';
import { assertSafeOutputs } from '../outputs.ts';
import { OutputOwnershipError } from '../../generator/write.ts';

const USAGE =
  'hwdocs generate <spec.yaml|json> -o <output dir> [--name <package name>] [--runtime <shared runtime package>]';

const HELP = `Usage: ${USAGE}

Writes types.ts, client.ts + operations.ts (when the spec has operations), validators.ts, errors.ts, runtime/,
index.ts, package.json, tsconfig.json, README.md and .hwdocs-manifest.json (the list of files hwdocs wrote).
A rerun replaces and removes only the files of the manifest: your own files in the folder (a dist/ built there)
stay. The output folder must be new, empty or written by hwdocs, and may not contain or lie inside the spec.

  --runtime PKG   import the client runtime from the package PKG (one runtime, one error class, for every
                  service of an app) instead of copying it into runtime/`;

export const generate: Command = {
  summary: 'Generate a typed TypeScript client package from an OpenAPI document',
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { out: { type: 'string', short: 'o' }, name: { type: 'string' }, runtime: { type: 'string' } },
      USAGE,
    );
    if (values.help) {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    const spec = oneSpecFile(positionals, USAGE);
    if (!values.out) throw new UsageError(`missing -o <output dir>\n\nUsage: ${USAGE}`);
    await assertSafeOutputs([{ label: 'output folder', path: values.out, kind: 'folder' }], positionals);
    const { checkRuntimeSpecifier, generatePackage, isSpecProblemsError } = await stage(
      'load the generator',
      () => import('../../generator/index.ts'),
    );
    try {
      if (values.runtime !== undefined) {
        try {
          checkRuntimeSpecifier(values.runtime);
        } catch (err) {
          throw new UsageError(`${(err as Error).message}\n\nUsage: ${USAGE}`);
        }
      }
      const options = {
        ...(values.name ? { name: values.name } : {}),
        ...(values.runtime ? { runtime: values.runtime } : {}),
      };
      const result = await stage('generate', () => generatePackage(spec, values.out!, options));
      for (const warning of result.warnings) info(`hwdocs generate: warning: ${warning}`);
      process.stdout.write(
        `${result.packageName}: ${result.operations} operations, ${result.schemas} schemas, ${result.errorCodes} error codes → ${result.outDir} (${result.files.length} files)\n`,
      );
      return 0;
    } catch (err) {
      if (err instanceof OutputOwnershipError) throw new UsageError(err.message);
      if (isSpecProblemsError(err)) {
        process.stderr.write(`hwdocs generate: ${err.message}\nNothing was written.\n`);
        return 2;
      }
      throw err;
    }
  },
};
