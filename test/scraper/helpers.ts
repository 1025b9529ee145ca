// Shared helpers for the scraper tests: scrape fixture files, walk the resulting OpenAPI document.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scrapeInputs, type ScrapeResult } from '../../scraper/index.ts';
import type { FieldModel, TypeRef } from '../../scraper/model.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = join(ROOT, 'test/fixtures');
export const CORPUS = resolve(ROOT, '../shared/corpus');
export const HAS_CORPUS = existsSync(join(CORPUS, 'zh-md'));

export type Json = Record<string, any>;

/** A field as a table row gives it, with nothing but a name and a type (a string unless said). */
export function field(name: string, type: TypeRef = { kind: 'primitive', type: 'string' }): FieldModel {
  return { name, docType: '', type, required: false, description: '', constraints: {} };
}

export async function scrape(files: string[], service = 'test'): Promise<ScrapeResult> {
  return scrapeInputs(
    files.map((f) => (f.startsWith('/') ? f : join(FIXTURES, f))),
    { service, root: ROOT },
  );
}

/** The one operation of `method path`, failing loudly when absent. */
export function op(result: ScrapeResult, method: string, path: string): Json {
  const item = (result.document.paths as Json)[path];
  if (!item) throw new Error(`no path ${path}; have ${Object.keys(result.document.paths).join(', ')}`);
  const o = item[method.toLowerCase()];
  if (!o) throw new Error(`no ${method} on ${path}; have ${Object.keys(item).join(', ')}`);
  return o as Json;
}

export function param(operation: Json, location: string, name: string): Json {
  const p = (operation.parameters ?? []).find((x: Json) => x.in === location && x.name === name);
  if (!p)
    throw new Error(
      `no ${location} parameter ${name}; have ${(operation.parameters ?? []).map((x: Json) => `${x.in}:${x.name}`).join(', ')}`,
    );
  return p;
}

/** Follows `$ref: '#/components/schemas/X'` (once) in the scraped document. */
export function deref(result: ScrapeResult, schema: Json | undefined): Json {
  if (!schema) throw new Error('schema missing');
  const ref: string | undefined = schema.$ref;
  if (!ref) return schema;
  const name = ref.replace('#/components/schemas/', '');
  const target = (result.document.components.schemas as Json)[name];
  if (!target) throw new Error(`dangling $ref ${ref}`);
  return target;
}

export function refName(schema: Json | undefined): string | undefined {
  return schema?.$ref?.replace('#/components/schemas/', '');
}

export function requestSchema(result: ScrapeResult, operation: Json): Json {
  return deref(result, operation.requestBody?.content?.['application/json']?.schema);
}

export function responseSchema(result: ScrapeResult, operation: Json, status: string): Json {
  return deref(result, operation.responses?.[status]?.content?.['application/json']?.schema);
}

/** Every row of every table the scraper read, per file, as counted by the readers. */
export function rowsRead(result: ScrapeResult, file: string): number {
  return result.pages.filter((p) => p.file.endsWith(file)).reduce((n, p) => n + p.rows, 0);
}
