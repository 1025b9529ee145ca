// `hwdocs diff <old> <new>` — semantic diff of two OpenAPI documents (files or git `REV:path`).
import { parseCommandArgs, UsageError, type Command } from '../args.ts';
import {
  DiffInputError,
  diffDocuments,
  exceedsThreshold,
  FORMATS,
  formatReport,
  formatRules,
  LEVELS,
  loadDocument,
  RULES,
  type Format,
  type Level,
} from '../../diff/index.ts';

const USAGE = `hwdocs diff <old> <new> [--format text|markdown|json] [--fail-on breaking|warning|info|none]
       hwdocs diff --rules [--format text|markdown|json]

  <old>, <new>   OpenAPI 3.1 documents: YAML or JSON files, or REV:path read through 'git show'
                 (e.g. hwdocs diff main:spec/apig.openapi.yaml spec/apig.openapi.yaml)
  --format       text (default, for terminals), markdown (a PR comment), json (for tools)
  --fail-on      exit 1 when a change at or above this level exists (default none)
  --rules        list every rule: id, level, what it means

Exit codes: 0 no failing change, 1 --fail-on threshold reached, 2 bad usage or unreadable input.`;

const FAIL_ON = [...LEVELS, 'none'] as const;

function pick<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, flag: string): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got '${value}')\n\nUsage: ${USAGE}`);
}

export const diff: Command = {
  summary: 'Semantic diff of two OpenAPI documents (breaking / warning / info)',
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { format: { type: 'string' }, 'fail-on': { type: 'string' }, rules: { type: 'boolean' } },
      USAGE,
    );
    if (values.help) {
      process.stdout.write(`Usage: ${USAGE}\n`);
      return 0;
    }
    const format = pick<Format>(values.format, FORMATS, 'text', '--format');
    if (values.rules) {
      process.stdout.write(formatRules(RULES, format));
      return 0;
    }
    if (positionals.length !== 2)
      throw new UsageError(`expected two documents, got ${positionals.length}\n\nUsage: ${USAGE}`);
    const failOn = pick<Level | 'none'>(values['fail-on'], FAIL_ON, 'none', '--fail-on');
    // Bad input reads like bad usage: main() prints `hwdocs diff: <message>` and exits 2.
    let docs;
    try {
      docs = positionals.map((arg) => loadDocument(arg));
    } catch (err) {
      throw err instanceof DiffInputError ? new UsageError(err.message) : err;
    }
    const report = diffDocuments(docs[0]!, docs[1]!);
    process.stdout.write(formatReport(report, format));
    return exceedsThreshold(report, failOn) ? 1 : 0;
  },
};
