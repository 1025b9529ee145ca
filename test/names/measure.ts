// Names on the dev corpus: counter-numbered schema names and operationIds, and how many scraped operations that
// match an API Explorer definition (by method + path) carry the definition's name, in two figures:
// - linked: the operation's page links an API Explorer name (`…apiexplorer/doc?…&api=Name`). Where the link is the
//   definition's name the scraper must keep it (`lost` counts those it does not); an older page links an older
//   spelling (`link = definition` counts the links that agree), which the scraper reads in the current spelling
//   (`respelt` counts those that then agree).
// - derived: the operation's page links no name, so the scraper names it from the page: an API identifier anchoring
//   its title or an English CamelCase file name (`from a title anchor or file name`), else the route.
// Exact operationId equality; `+N by x-operation-name` counts misses whose unqualified name (what a versioned
// client exposes) is the definition's.
//
//   npx tsx test/names/measure.ts [service ...] [--misses]
//
// Prints one line per service of ../shared/corpus/services.json and the totals; exits 0 (a measurement, not a gate).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scrapeInputs } from '../../scraper/index.ts';
import { explorerOps, openApiOps, type ExplorerFile } from '../accuracy/sides.ts';
import { linkedApiName } from '../accuracy/pages.ts';
import { opKey } from '../accuracy/paths.ts';
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
interface Figures {
  schemas: number;
  numbered: number;
  ops: number;
  numberedOps: number;
  linked: number;
  linkedLost: number;
  linkedRespelt: number;
  linkedNamed: number;
  linkAgrees: number;
  derived: number;
  derivedNamed: number;
  /** Derived names the page itself states: an identifier in its title anchor, or an English CamelCase file name. */
  pageNamed: number;
  pageNamedRight: number;
  /** Misses whose x-operation-name (the unqualified name within the API version) is the definition's. */
  plainNamed: number;
}
const ZERO: Figures = {
  schemas: 0,
  numbered: 0,
  ops: 0,
  numberedOps: 0,
  linked: 0,
  linkedLost: 0,
  linkedRespelt: 0,
  linkedNamed: 0,
  linkAgrees: 0,
  derived: 0,
  derivedNamed: 0,
  pageNamed: 0,
  pageNamedRight: 0,
  plainNamed: 0,
};

const rate = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(1)} %` : '-');

function line(label: string, f: Figures): string {
  const named = f.linkedNamed + f.derivedNamed;
  const matched = f.linked + f.derived;
  return (
    `${label.padEnd(10)} schemas ${String(f.schemas).padStart(4)}  numbered ${String(f.numbered).padStart(3)}  ` +
    `ops ${String(f.ops).padStart(4)}  numbered ops ${String(f.numberedOps).padStart(2)}  ` +
    `operationId = definition ${named}/${matched} (${rate(named, matched)})  ` +
    `linked ${f.linkedNamed}/${f.linked} (${rate(f.linkedNamed, f.linked)}; link = definition ${f.linkAgrees}, lost ${f.linkedLost}, respelt ${f.linkedRespelt})  ` +
    `derived ${f.derivedNamed}/${f.derived} (${rate(f.derivedNamed, f.derived)}; from a title anchor or file name ${f.pageNamedRight}/${f.pageNamed}, from the route ${f.derivedNamed - f.pageNamedRight}/${f.derived - f.pageNamed})  ` +
    `+${f.plainNamed} by x-operation-name`
  );
}

/** The raw page at `file` (relative to the repository root, or absolute), if there is one. */
function pageRaw(file: string): string | undefined {
  const full = resolve(ROOT, file);
  return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
}

/** The API Explorer name the page at `file` links. */
function linkedNameOf(file: string | undefined): string | undefined {
  const raw = file ? pageRaw(file) : undefined;
  return raw === undefined ? undefined : linkedApiName(raw);
}

/** Whether the page names its API without a link: a PascalCase identifier anchoring its `#` title, or its file name. */
function pageGivesName(file: string | undefined): boolean {
  if (!file) return false;
  const stem = file
    .split('/')
    .pop()!
    .replace(/\.[^.]+$/, '');
  if (/^[A-Z][A-Za-z0-9]+$/.test(stem)) return true;
  const raw = pageRaw(file);
  const title = raw === undefined ? undefined : /^#[ \t]+(.*)$/m.exec(raw)?.[1];
  return !!title && /<a\s+name="[A-Z][a-z]+(?:[A-Z][a-z0-9]*|\d+)+"/.test(title);
}

let totals = ZERO;
for (const s of services.filter((x) => !only.length || only.includes(x.service))) {
  const { document } = await scrapeInputs([join(CORPUS, s.pages)], { service: s.service, root: ROOT });
  const doc = document as { components: { schemas: Record<string, unknown> } };
  const schemaNames = Object.keys(doc.components.schemas);
  const ops = openApiOps(document);
  // x-operation-name: the plain name a versioned client exposes when the operationId is qualified by its version.
  const plainNames = new Map<string, string>();
  for (const [path, item] of Object.entries((document as { paths: Record<string, Record<string, any>> }).paths))
    for (const [method, op] of Object.entries(item))
      if (op?.['x-operation-name']) plainNames.set(opKey(method, path), String(op['x-operation-name']));
  const truthDir = join(CORPUS, s.truth);
  const truth = new Map<string, string>();
  for (const f of readdirSync(truthDir)
    .filter((f) => f.endsWith('.json'))
    .sort())
    for (const op of explorerOps(JSON.parse(readFileSync(join(truthDir, f), 'utf8')) as ExplorerFile))
      truth.set(op.key, op.name);
  const numbered = counterNumbered(schemaNames);
  const numberedOps = counterNumbered(ops.map((o) => o.name));
  const misses: { linked: string[]; derived: string[] } = { linked: [], derived: [] };
  const f: Figures = {
    ...ZERO,
    schemas: schemaNames.length,
    numbered: numbered.length,
    ops: ops.length,
    numberedOps: numberedOps.length,
  };
  for (const op of ops) {
    const want = truth.get(op.key);
    if (want === undefined) continue;
    const link = linkedNameOf(op.source);
    const named = op.name === want;
    if (!named && plainNames.get(op.key) === want) f.plainNamed++;
    const page = op.source ? op.source.split('/').pop() : '-';
    if (link) {
      f.linked++;
      if (named) f.linkedNamed++;
      if (link === want) f.linkAgrees++;
      if (link === want && !named) f.linkedLost++;
      if (link !== want && named) f.linkedRespelt++;
      if (!named)
        misses.linked.push(
          `${op.key}: ${op.name} (want ${want}; page links ${link}${link === want ? ', LOST' : ''}; ${page})`,
        );
    } else {
      f.derived++;
      if (named) f.derivedNamed++;
      if (pageGivesName(op.source)) {
        f.pageNamed++;
        if (named) f.pageNamedRight++;
      } else misses.derived.push(`${op.key}: ${op.name} (want ${want}; ${page})`);
    }
  }
  totals = Object.fromEntries(
    Object.entries(totals).map(([k, v]) => [k, v + f[k as keyof Figures]]),
  ) as unknown as Figures;
  console.log(line(s.service, f));
  if (showMisses)
    for (const m of [
      ...numbered.map((n) => `numbered schema ${n}`),
      ...numberedOps.map((n) => `numbered op ${n}`),
      ...misses.linked.map((m) => `linked  ${m}`),
      ...misses.derived.map((m) => `derived ${m}`),
    ])
      console.log(`    ${m}`);
}
console.log(line('total', totals));
