// Names on the dev corpus: counter-numbered schema names and operationIds, and how many scraped operations that
// match an API Explorer definition (by method + path) carry the definition's name.
//
//   npx tsx test/names/measure.ts [service ...] [--misses]
//
// Prints one line per service of ../shared/corpus/services.json and the totals; exits 0 (a measurement, not a gate).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scrapeInputs } from '../../scraper/index.ts';
import { explorerOps, openApiOps, type ExplorerFile } from '../accuracy/sides.ts';
import { counterNumbered } from './stability.ts';
import { corpusServices } from '../accuracy/services.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = resolve(ROOT, process.env.HWDOCS_CORPUS ?? '../shared/corpus');

const args = process.argv.slice(2);
const showMisses = args.includes('--misses');
const only = args.filter((a) => !a.startsWith('--'));
if (!existsSync(join(CORPUS, 'services.json'))) {
  console.log(`corpus not found at ${CORPUS}: nothing to measure`);
  process.exit(0);
}
const services = corpusServices(CORPUS);
let totals = { schemas: 0, numbered: 0, ops: 0, numberedOps: 0, matched: 0, named: 0 };
for (const s of services.filter((x) => !only.length || only.includes(x.service))) {
  const { document } = await scrapeInputs([join(CORPUS, s.pages)], { service: s.service, root: ROOT });
  const doc = document as { components: { schemas: Record<string, unknown> } };
  const schemaNames = Object.keys(doc.components.schemas);
  const ops = openApiOps(document);
  const truthDir = join(CORPUS, s.truth);
  const truth = new Map<string, string>();
  for (const f of readdirSync(truthDir)
    .filter((f) => f.endsWith('.json'))
    .sort())
    for (const op of explorerOps(JSON.parse(readFileSync(join(truthDir, f), 'utf8')) as ExplorerFile))
      truth.set(op.key, op.name);
  const numbered = counterNumbered(schemaNames);
  const numberedOps = counterNumbered(ops.map((o) => o.name));
  const misses: string[] = [];
  let matched = 0;
  let named = 0;
  for (const op of ops) {
    const want = truth.get(op.key);
    if (want === undefined) continue;
    matched++;
    // In the spec a clash between API versions is qualified (`ListListenersV2`); x-operation-name keeps the plain name.
    if (op.name === want || op.name.replace(/V\d+(_\d+)?$/, '') === want) named++;
    else misses.push(`${op.key}: ${op.name} (want ${want})`);
  }
  totals = {
    schemas: totals.schemas + schemaNames.length,
    numbered: totals.numbered + numbered.length,
    ops: totals.ops + ops.length,
    numberedOps: totals.numberedOps + numberedOps.length,
    matched: totals.matched + matched,
    named: totals.named + named,
  };
  console.log(
    `${s.service.padEnd(10)} schemas ${String(schemaNames.length).padStart(4)}  numbered ${String(numbered.length).padStart(3)}  ops ${String(ops.length).padStart(4)}  numbered ops ${String(numberedOps.length).padStart(2)}  operationId = definition ${named}/${matched} (${matched ? ((100 * named) / matched).toFixed(1) : '-'} %)`,
  );
  if (showMisses)
    for (const m of [
      ...numbered.map((n) => `numbered schema ${n}`),
      ...numberedOps.map((n) => `numbered op ${n}`),
      ...misses,
    ])
      console.log(`    ${m}`);
}
console.log(
  `${'total'.padEnd(10)} schemas ${totals.schemas}  numbered ${totals.numbered}  ops ${totals.ops}  numbered ops ${totals.numberedOps}  operationId = definition ${totals.named}/${totals.matched} (${((100 * totals.named) / totals.matched).toFixed(1)} %)`,
);
