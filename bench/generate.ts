// Benchmark: full `hwdocs generate` vs openapi-typescript alone on a large spec. Prints figures; asserts nothing.
// Usage: npm run bench:generate [-- <spec.yaml>] [-- --rounds N] (also `npm run bench:generate --rounds N`)
// Without a spec it scrapes the whole APIG zh-md corpus (../shared/corpus/zh-md/apig, 461 pages) once into
// test/tmp/bench/, or, when the corpus is absent, synthesises a large spec from the apig-mini fixture.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import openapiTS, { astToString } from 'openapi-typescript';
import { generatePackage, formatFile } from '../generator/index.ts';
import { loadSpec } from '../generator/spec/load.ts';
import { buildServiceModel } from '../generator/model.ts';
import { emitTypes } from '../generator/emit/types.ts';
import { emitClient, emitOperations } from '../generator/emit/client.ts';
import { emitValidators } from '../generator/emit/validators.ts';
import { emitErrors } from '../generator/emit/errors.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const WORK = join(ROOT, 'test/tmp/bench');

/**
 * Command-line options: `[spec] [--rounds N | --rounds=N]`. `npm run bench:generate --rounds 5` (without `--`) makes
 * npm swallow the flag (npm_config_rounds=true) and pass `5` on as a positional argument, which used to be read as
 * the spec path; a lone integer that is not an existing file is taken as the rounds in that case.
 */
export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): { spec?: string; rounds: number } {
  const positional: string[] = [];
  let rounds: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--rounds') rounds = argv[++i];
    else if (arg.startsWith('--rounds=')) rounds = arg.slice('--rounds='.length);
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg} (usage: [spec.yaml] [--rounds N])`);
    else positional.push(arg);
  }
  const npmRounds = env.npm_config_rounds;
  if (rounds === undefined && npmRounds !== undefined) {
    if (/^\d+$/.test(npmRounds)) rounds = npmRounds;
    else if (positional.length && /^\d+$/.test(positional[0]) && !existsSync(positional[0]))
      rounds = positional.shift();
  }
  if (positional.length > 1) throw new Error(`one spec at most, got ${positional.join(', ')}`);
  const count = rounds === undefined ? 3 : Number(rounds);
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`--rounds wants a positive integer, got ${JSON.stringify(rounds)}`);
  if (positional[0] !== undefined && !existsSync(positional[0])) throw new Error(`spec not found: ${positional[0]}`);
  return { spec: positional[0], rounds: count };
}

/** A large spec made from the fixture: every operation and schema copied `copies` times under new names. */
function synthesise(fixtureText: string, copies: number): string {
  const doc = parse(fixtureText);
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  for (let i = 0; i < copies; i++) {
    const rename = (text: string) =>
      text.replace(/#\/components\/schemas\/([A-Za-z]+)/g, `#/components/schemas/$1${i}`);
    for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
      const copy = JSON.parse(rename(JSON.stringify(item)));
      for (const op of Object.values<any>(copy)) if (op?.operationId) op.operationId += `N${i}`;
      paths[path.replace('/apigw/', `/apigw${i}/`)] = copy;
    }
    for (const [name, schema] of Object.entries(doc.components.schemas))
      schemas[`${name}${i}`] = JSON.parse(rename(JSON.stringify(schema)));
  }
  return stringify({ ...doc, paths, components: { ...doc.components, schemas } });
}

async function benchSpec(given: string | undefined): Promise<string> {
  if (given) return given;
  await mkdir(WORK, { recursive: true });
  const scraped = join(WORK, 'zh-apig.openapi.yaml');
  const corpus = join(ROOT, '../shared/corpus/zh-md/apig');
  if (!existsSync(scraped) && existsSync(corpus)) {
    const { main } = await import('../cli/main.ts');
    const code = await main(['scrape', corpus, '-o', scraped]);
    if (code !== 0 && !existsSync(scraped)) throw new Error(`scrape exited ${code}`);
  }
  if (existsSync(scraped)) return scraped;
  const synthetic = join(WORK, 'synthetic.openapi.yaml');
  await writeFile(
    synthetic,
    synthesise(await readFile(join(ROOT, 'test/fixtures/specs/apig-mini.openapi.yaml'), 'utf8'), 60),
  );
  return synthetic;
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const specPath = await benchSpec(args.spec);
  const rounds = args.rounds;
  const text = await readFile(specPath, 'utf8');
  const out = join(WORK, 'out');

  // openapi-typescript alone, as its CLI does it: read + parse the document, transform, print.
  const openapiTsOnly = async () =>
    astToString(await openapiTS(parse(await readFile(specPath, 'utf8')), { silent: true, alphabetize: true }));
  const fullGenerate = () => generatePackage(specPath, out);

  await openapiTsOnly(); // warm-up (module loading, JIT)
  const warm = await fullGenerate();
  const otsTimes: number[] = [];
  const genTimes: number[] = [];
  for (let round = 0; round < rounds; round++) {
    otsTimes.push((await time(openapiTsOnly))[0]);
    genTimes.push((await time(fullGenerate))[0]);
  }

  // Where the time goes, one pass.
  const stages: [string, number][] = [];
  const stage = async <T>(name: string, fn: () => Promise<T> | T): Promise<T> => {
    const [ms, value] = await time(async () => fn());
    stages.push([name, ms]);
    return value;
  };
  const spec = await stage('read + parse + Redocly lint', () => loadSpec(specPath));
  const model = await stage('service model', () => buildServiceModel(spec.exact));
  const types = await stage('types.ts (openapi-typescript)', () => emitTypes(spec.plain, model));
  const client = await stage('client.ts (ts-morph)', () => emitClient(model));
  const validators = await stage('validators.ts', () => emitValidators(spec.exact, model).source);
  const errors = await stage('errors.ts', () => emitErrors(model));
  const operations = await stage('operations.ts', () => emitOperations(model));
  for (const [file, source] of [
    ['types.ts', types],
    ['client.ts', client],
    ['validators.ts', validators],
    ['errors.ts', errors],
    ['operations.ts', operations],
  ] as const) {
    await stage(`prettier ${file} (${(source.length / 1024).toFixed(0)} KiB)`, () => formatFile(file, source));
  }

  const ots = median(otsTimes);
  const gen = median(genTimes);
  console.log(
    `spec: ${specPath} (${(text.length / 1024).toFixed(0)} KiB, ${warm.operations} operations, ${warm.schemas} schemas, ${warm.errorCodes} error codes)`,
  );
  console.log(
    `rounds: ${rounds} (median reported); load average now: ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(`openapi-typescript alone : ${fmt(ots)}   [${otsTimes.map(fmt).join(', ')}]`);
  console.log(`hwdocs generate (full)   : ${fmt(gen)}   [${genTimes.map(fmt).join(', ')}]`);
  console.log(`ratio generate / openapi-typescript: ${(gen / ots).toFixed(2)}x (goal <= 3x)`);
  console.log('stages of one generate pass:');
  for (const [name, ms] of stages) console.log(`  ${name.padEnd(40)} ${fmt(ms)}`);
  await rm(out, { recursive: true, force: true });
}

// Runs only as a script (tests import parseArgs).
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) await main();
