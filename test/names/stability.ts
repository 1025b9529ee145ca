// Name stability: scrape a set of pages, drop some, reverse the order the rest are given in, and compare what every
// surviving name means. Shared by the fixture test (always runs) and the corpus test (skips without ../shared).

import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { expandInputs, scrapeText } from '../../scraper/index.ts';
import { buildService, type BuildOptions, type PageOutcome } from '../../scraper/interpret/service.ts';
import { buildDocument } from '../../scraper/openapi/build.ts';
import type { ReportEntry } from '../../scraper/model.ts';

type Json = Record<string, any>;

/** Page outcomes of `files`, in the order given (the service builder must not care). */
export async function outcomesOf(files: string[], root: string): Promise<PageOutcome[]> {
  const report: ReportEntry[] = [];
  const outcomes: PageOutcome[] = [];
  for (const file of files)
    outcomes.push(...scrapeText(await readFile(file, 'utf8'), relative(root, file), report).outcomes);
  return outcomes;
}

/**
 * A schema without prose or provenance, its references followed: what a downstream type means. Descriptions may
 * come from another page, and a referenced schema may be renamed (its old name then no longer exists): neither
 * changes the meaning. Nor does null where an example shows one (`type: [X, 'null']`, `anyOf: [{$ref}, {type:
 * 'null'}]`, docs-types.ts `nullable`): that is evidence the page set brings (an example on another page), like a
 * description. `x-inferred` says where one copy of a shared shape was read (a table on one page, an example on
 * another: zh-md/aom 添加监控数据 / 查询监控数据's `dimensions`), not what it is.
 */
const PROVENANCE_KEYS = ['description', 'x-source', 'x-inferred', 'examples', 'summary'];

function meaning(value: unknown, schemas: Json, seen: string[] = []): unknown {
  if (Array.isArray(value)) return value.map((v) => meaning(v, schemas, seen));
  if (typeof value !== 'object' || value === null) return value;
  const withoutNull = exampleNullRemoved(value as Json);
  if (withoutNull !== value) return meaning(withoutNull, schemas, seen);
  const ref = (value as Json).$ref;
  if (typeof ref === 'string') {
    const name = ref.replace('#/components/schemas/', '');
    return seen.includes(name)
      ? { cycle: seen.length - seen.indexOf(name) }
      : meaning(schemas[name], schemas, [...seen, name]);
  }
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) if (!PROVENANCE_KEYS.includes(k)) out[k] = meaning(v, schemas, seen);
  return out;
}

/** The schema without the null an example added (keys kept in place), or the schema itself when it has none. */
export function exampleNullRemoved(schema: Json): Json {
  const { anyOf, type } = schema;
  const refOrNull = Array.isArray(anyOf) && anyOf.length === 2 && anyOf[1]?.type === 'null' && anyOf[0]?.$ref;
  const typeOrNull = Array.isArray(type) && type.length === 2 && type[1] === 'null';
  if (!refOrNull && !typeOrNull) return schema;
  const out: Json = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'anyOf' && refOrNull) out.$ref = anyOf[0].$ref;
    else if (k === 'type' && typeOrNull) out.type = type[0];
    else if (k === 'enum' && typeOrNull && Array.isArray(v)) out.enum = v.filter((x: unknown) => x !== null);
    else out[k] = v;
  }
  return out;
}

export interface Meanings {
  schemas: Map<string, string>;
  /** operationId → `METHOD /path/{}` (placeholder names erased: the first page's spelling wins a template). */
  operations: Map<string, string>;
  /** x-api-version + x-operation-name (or operationId) → route: the name a versioned client exposes. */
  versioned: Map<string, string>;
}

export function meanings(document: Json): Meanings {
  const all = (document.components?.schemas ?? {}) as Json;
  const schemas = new Map(
    Object.entries(all).map(([name, s]) => [
      name,
      JSON.stringify(meaning(s, all, [name]), (_, v) => (typeof v === 'bigint' ? `${v}n` : v)),
    ]),
  );
  const operations = new Map<string, string>();
  const versioned = new Map<string, string>();
  for (const [path, item] of Object.entries(document.paths as Json))
    for (const [method, op] of Object.entries(item as Json)) {
      const route = `${method.toUpperCase()} ${path.replace(/\{[^}]+\}/g, '{}')}`;
      operations.set(op.operationId, route);
      versioned.set(`${op['x-api-version'] ?? ''} ${op['x-operation-name'] ?? op.operationId}`, route);
    }
  return { schemas, operations, versioned };
}

export function build(outcomes: PageOutcome[], options: BuildOptions = {}): Json {
  return buildDocument(buildService('test', structuredClone(outcomes), () => {}, options)) as Json;
}

/**
 * Whether two meanings agree. A type whose table is on another page is `{x-doc-type}` when that page is not among
 * the inputs and the resolved schema when it is: less known, not something else, so it agrees with anything.
 */
export function agree(a: unknown, b: unknown): boolean {
  const unresolved = (v: unknown) =>
    typeof v === 'object' && v !== null && 'x-doc-type' in v && Object.keys(v).length === 1;
  if (unresolved(a) || unresolved(b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && agree((a as Json)[k], (b as Json)[k]));
}

/** Names both runs have whose meaning differs: `name: before ≠ after`. */
export function repointed(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...a]
    .filter(
      ([name, m]) =>
        b.has(name) && b.get(name) !== m && !(m.startsWith('{') && agree(JSON.parse(m), JSON.parse(b.get(name)!))),
    )
    .map(([name, m]) => `${name}: ${m.slice(0, 120)} ≠ ${b.get(name)!.slice(0, 120)}`);
}

/**
 * All pages in file order; then without every `stride`-th page (from `offset`) and in reverse order. Returns the
 * names whose meaning changed, and how many names the two runs share (a test must compare something).
 */
export async function dropAndReorder(
  inputs: string[],
  root: string,
  stride: number,
  offset: number,
  options: BuildOptions = {},
) {
  const files = await expandInputs(inputs);
  const outcomes = await outcomesOf(files, root);
  const full = meanings(build(outcomes, options));
  const kept = files.filter((_, i) => i % stride !== offset).reverse();
  const partial = meanings(build(await outcomesOf(kept, root), options));
  return {
    full,
    partial,
    changed: [
      ...repointed(full.schemas, partial.schemas),
      ...repointed(full.operations, partial.operations),
      ...repointed(full.versioned, partial.versioned),
    ],
    common: [...full.schemas.keys()].filter((n) => partial.schemas.has(n)).length,
    commonOperations: [...full.operations.keys()].filter((n) => partial.operations.has(n)).length,
  };
}

/** `Listener2`, `Listener2_2`, `listListeners2`: a name that is another name of the same set plus a counter
 * (`…Response400` is a status code, `…Table3` a table number and `…_3fa2c1` a content digest, not counters). */
export function counterNumbered(names: string[]): string[] {
  const all = new Set(names);
  return names.filter((n) => {
    const m = n.match(/^(.*?)(_?)(\d+)$/);
    return !!m && Number(m[3]) >= 2 && all.has(m[1]!) && !/(Response\d{3}|Table\d+)$/.test(n);
  });
}
