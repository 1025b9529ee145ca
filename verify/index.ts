// `hwdocs verify`: the documented examples are tests of the generated package (issue 9 §4). Every JSON request
// example must compile (tsc --strict) against its operation's generated body type and pass the generated request
// validator; every 2xx response example must pass the generated response validator. A failure where the scrape
// report already says the example contradicts its own page's table is listed as a documented contradiction, not
// counted as a failure.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { generatePackage } from '../generator/index.ts';
import { collectExamples, type DocumentedExample } from './examples.ts';
import { typecheckExamples } from './typecheck.ts';

/** `--package` names a folder that holds no generated package: a usage error. */
export class PackageMissingError extends Error {}

export interface Failure {
  check: 'tsc' | 'validator';
  /** JSON Pointer into the example. */
  pointer: string;
  reason: string;
}

export interface ExampleOutcome {
  example: DocumentedExample;
  /** Failures the scrape report does not explain. */
  failures: Failure[];
  /** Failures at a pointer where the report says the example contradicts its page's table. */
  documented: Failure[];
  /** What the report says about this example (pointer + problem), for the listing. */
  contradictions: string[];
}

export interface Tally {
  total: number;
  passed: number;
  /** Failing only where the page contradicts itself: listed, not counted. */
  contradicted: number;
  failed: number;
}

export interface VerifyResult {
  service: string;
  requests: Tally;
  responses: Tally;
  /** Failing and contradicted examples (passing ones are not kept). */
  outcomes: ExampleOutcome[];
  notJson: number;
  /** Type errors outside the examples (a package that does not compile), or an operation missing from it. */
  packageErrors: string[];
}

export interface VerifyOptions {
  /** A package generated from this spec; generated into a temporary folder when absent. */
  packageDir?: string;
  /** The scrape report (JSON written by `hwdocs scrape --report`), for the documented contradictions. */
  reportPath?: string;
}

interface ReportEntryLike {
  section?: string;
  table?: string;
  row?: string;
  reason?: string;
}

const CONTRADICTION = 'example contradicts the documented schema';

function exampleKey(operationId: string, kind: string, index: number): string {
  return `${operationId}\u0000${kind}\u0000${index}`;
}

function keyOf(example: DocumentedExample): string {
  return exampleKey(example.operationId, example.kind === 'request' ? 'request' : example.status!, example.index);
}

/** The report's contradictions by example: section `request example of Op` / `response 200 example of Op`, table `example N`. */
export function contradictionsByExample(entries: ReportEntryLike[]): Map<string, { pointer: string; text: string }[]> {
  const out = new Map<string, { pointer: string; text: string }[]>();
  for (const e of entries) {
    if (!e.reason?.startsWith(CONTRADICTION) || !e.section || !e.table) continue;
    const section = /^(?:request|response (\S+)) example of (.+)$/.exec(e.section);
    const table = /^example (\d+)$/.exec(e.table);
    if (!section || !table) continue;
    const key = exampleKey(section[2]!, section[1] ?? 'request', Number(table[1]));
    const list = out.get(key) ?? [];
    list.push({ pointer: e.row ?? '', text: e.reason.slice(CONTRADICTION.length).replace(/^:\s*/, '') });
    out.set(key, list);
  }
  return out;
}

/** Array indices folded (the report keeps only the first of repeated problems), `/` (the report's root) as ``. */
function normalizePointer(pointer: string): string {
  return pointer === '/' ? '' : pointer.replace(/\/\d+(?=\/|$)/g, '/*');
}

/** A failure is explained by a contradiction at the same place, inside it, or around it (a missing field). */
export function explains(contradiction: string, failure: string): boolean {
  const c = normalizePointer(contradiction);
  const f = normalizePointer(failure);
  return c === f || f.startsWith(`${c}/`) || c.startsWith(`${f}/`) || c === '' || f === '';
}

type Issue = { path: string; keyword: string; message: string };
interface OperationSpecLike {
  operationId: string;
  validateRequest?: (args: { body?: unknown }) => Issue[];
  validateResponse?: (status: number, body: unknown) => Issue[];
}

async function loadOperations(dir: string): Promise<Map<string, OperationSpecLike>> {
  const byId = new Map<string, OperationSpecLike>();
  let mod: { operations?: Record<string, OperationSpecLike> };
  try {
    mod = (await import(pathToFileURL(join(dir, 'operations.ts')).href)) as typeof mod;
  } catch {
    return byId; // a package without operations (schemas only) has no operations.ts
  }
  for (const op of Object.values(mod.operations ?? {})) byId.set(op.operationId, op);
  return byId;
}

const NOT_GENERATED: Failure = {
  check: 'validator',
  pointer: '',
  reason: 'the operation is not in the generated package (operations.ts)',
};

/** Request validator issues about the body only, pointers relative to the body. */
function bodyIssues(issues: Issue[]): Failure[] {
  return issues
    .filter((i) => i.path === '/body' || i.path.startsWith('/body/'))
    .map((i) => ({
      check: 'validator' as const,
      pointer: i.path.slice('/body'.length),
      reason: `${i.keyword}: ${i.message}`,
    }));
}

function emptyTally(): Tally {
  return { total: 0, passed: 0, contradicted: 0, failed: 0 };
}

/** Passing share of the counted examples (contradicted ones left out), in percent; 100 when none is counted. */
export function passRate(t: Tally): number {
  const counted = t.total - t.contradicted;
  return counted ? (100 * t.passed) / counted : 100;
}

async function readReport(path: string): Promise<ReportEntryLike[]> {
  const data = JSON.parse(await readFile(path, 'utf8')) as unknown;
  if (Array.isArray(data)) return data as ReportEntryLike[];
  const entries = (data as { entries?: unknown }).entries;
  return Array.isArray(entries) ? (entries as ReportEntryLike[]) : [];
}

function serviceNameOf(specPath: string): string {
  return basename(specPath).replace(/(\.openapi)?\.(ya?ml|json)$/i, '');
}

export async function verifySpec(specPath: string, options: VerifyOptions = {}): Promise<VerifyResult> {
  const doc = parseYaml(await readFile(specPath, 'utf8'), { maxAliasCount: 100 }) as unknown;
  const examples = collectExamples(doc);
  const contradictions = options.reportPath
    ? contradictionsByExample(await readReport(options.reportPath))
    : new Map<string, { pointer: string; text: string }[]>();
  let dir = options.packageDir;
  const temporary = dir ? undefined : await mkdtemp(join(tmpdir(), 'hwdocs-verify-'));
  try {
    if (!dir) {
      dir = join(temporary!, 'package');
      await generatePackage(specPath, dir);
    }
    if (!existsSync(join(dir, 'types.ts')))
      throw new PackageMissingError(`no generated package in ${dir} (types.ts is missing)`);
    const operations = await loadOperations(dir);
    const typed = typecheckExamples(dir, examples.requests);
    const result: VerifyResult = {
      service: serviceNameOf(specPath),
      requests: emptyTally(),
      responses: emptyTally(),
      outcomes: [],
      notJson: examples.notJson.length,
      packageErrors: typed.other.map((m) => `tsc: ${m}`),
    };
    const judge = (example: DocumentedExample, found: Failure[], tally: Tally) => {
      const said = contradictions.get(keyOf(example)) ?? [];
      const explained = (f: Failure) => said.some((c) => explains(c.pointer, f.pointer));
      const outcome: ExampleOutcome = {
        example,
        failures: found.filter((f) => !explained(f)),
        documented: found.filter(explained),
        contradictions: said.map((c) => c.text),
      };
      tally.total++;
      if (!found.length) tally.passed++;
      else if (outcome.failures.length) tally.failed++;
      else tally.contradicted++;
      if (found.length) result.outcomes.push(outcome);
    };
    examples.requests.forEach((example, i) => {
      const op = operations.get(example.operationId);
      const found: Failure[] = typed.issues[i]!.map((t) => ({ check: 'tsc', pointer: t.pointer, reason: t.message }));
      if (!op) found.push(NOT_GENERATED);
      else if (op.validateRequest) found.push(...bodyIssues(op.validateRequest({ body: example.value })));
      judge(example, found, result.requests);
    });
    for (const example of examples.responses) {
      const op = operations.get(example.operationId);
      const found: Failure[] = !op
        ? [NOT_GENERATED]
        : (op.validateResponse?.(Number(example.status), example.value) ?? []).map((i) => ({
            check: 'validator',
            pointer: i.path,
            reason: `${i.keyword}: ${i.message}`,
          }));
      judge(example, found, result.responses);
    }
    return result;
  } finally {
    if (temporary) await rm(temporary, { recursive: true, force: true });
  }
}

function tallyLine(name: string, t: Tally): string {
  return `${name}: ${t.passed}/${t.total - t.contradicted} pass (${passRate(t).toFixed(1)} %), ${t.failed} failing, ${t.contradicted} documented contradictions`;
}

function where(example: DocumentedExample): string {
  return `${example.operationId} ${example.kind === 'request' ? 'request' : `response ${example.status}`} ${example.name}`;
}

/** The human-readable report: counts first, then every failure with operation + pointer + reason. */
export function formatResult(result: VerifyResult): string {
  const lines = [
    `${result.service}: ${tallyLine('requests', result.requests)}; ${tallyLine('responses', result.responses)}${result.notJson ? `; ${result.notJson} examples not JSON (not verified)` : ''}`,
  ];
  for (const e of result.packageErrors) lines.push(`  PACKAGE ${e}`);
  const sorted = [...result.outcomes].sort((a, b) => (where(a.example) < where(b.example) ? -1 : 1));
  for (const o of sorted)
    for (const f of o.failures) lines.push(`  FAIL ${where(o.example)} ${f.pointer || '/'}: ${f.check}: ${f.reason}`);
  for (const o of sorted) {
    if (o.failures.length || !o.documented.length) continue;
    lines.push(`  DOCUMENTED ${where(o.example)}: ${o.contradictions.join('; ')}`);
  }
  return lines.join('\n');
}
