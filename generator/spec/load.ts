// Reading and vetting an OpenAPI document before anything is generated. Problems are collected, never thrown one at
// a time, so the user sees the whole list at once (exit 2, nothing written).
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { BaseResolver, createConfig, lintDocument, makeDocumentFromString, type Document } from '@redocly/openapi-core';
import { isPlainObject, type JsonObject, type JsonValue } from './json.ts';
import { MAX_SPEC_BYTES, MAX_YAML_ALIASES, documentBoundsProblem } from './limits.ts';

export type { JsonObject, JsonValue };
export { isPlainObject };

export interface LoadedSpec {
  /** Absolute path of the document. */
  path: string;
  /** Parsed with integers beyond 2^53 kept as exact bigints (validators need the exact bounds). */
  exact: JsonObject;
  /** The same document with every number a JS number: safe for JSON.stringify and for third-party tools. */
  plain: JsonObject;
}

export class SpecProblemsError extends Error {
  constructor(
    readonly specPath: string,
    readonly problems: string[],
  ) {
    super(`${specPath}: ${problems.length} problem(s) prevent generation:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** A copy of `value` with every scalar passed through `leaf` (arrays and objects rebuilt, keys kept in order). */
function mapScalars(value: unknown, leaf: (scalar: unknown) => JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map((child) => mapScalars(child, leaf));
  if (value && typeof value === 'object') {
    const out: JsonObject = {};
    for (const [key, child] of Object.entries(value)) out[key] = mapScalars(child, leaf);
    return out;
  }
  return leaf(value);
}

/** Integers that fit a double exactly become numbers again; only the big ones stay bigint. */
function narrowIntegers(value: unknown): JsonValue {
  return mapScalars(value, (scalar) =>
    typeof scalar === 'bigint' && scalar >= BigInt(Number.MIN_SAFE_INTEGER) && scalar <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(scalar) : (scalar as JsonValue),
  );
}

function toPlain(value: JsonValue): JsonValue {
  return mapScalars(value, (scalar) => (typeof scalar === 'bigint' ? Number(scalar) : (scalar as JsonValue)));
}

/** Integer literals long enough to lie beyond 2^53 (they may also sit inside strings; that only adds candidates). */
const LONG_INTEGER = /(?<![\w.+-])[-+]?\d{16,}(?![\w.])/g;

/**
 * The parsed document with every integer beyond 2^53 replaced by the exact bigint written in the text, or
 * undefined when that is ambiguous (two literals rounding to the same double) or a literal cannot be found.
 */
function withExactIntegers(parsed: JsonObject, text: string): JsonObject | undefined {
  const unsafe = new Set<number>();
  const collect = (value: JsonValue): void => {
    if (typeof value === 'number') {
      if (Number.isInteger(value) && !Number.isSafeInteger(value)) unsafe.add(value);
    } else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(parsed);
  if (unsafe.size === 0) return parsed;
  const literals = new Map<number, Set<bigint>>();
  for (const match of text.matchAll(LONG_INTEGER)) {
    const exact = BigInt(match[0]);
    const rounded = Number(exact);
    if (!unsafe.has(rounded)) continue;
    if (!literals.has(rounded)) literals.set(rounded, new Set());
    literals.get(rounded)!.add(exact);
  }
  for (const value of unsafe) if (literals.get(value)?.size !== 1) return undefined;
  return mapScalars(parsed, (scalar) => (typeof scalar === 'number' && unsafe.has(scalar) ? [...literals.get(scalar)!][0] : (scalar as JsonValue))) as JsonObject;
}

/** Parses YAML or JSON (JSON is YAML 1.2) keeping big integers exact (the slow, always-exact path). */
function parseSpecText(text: string): JsonObject {
  const parsed = parseYaml(text, { intAsBigInt: true, maxAliasCount: MAX_YAML_ALIASES, uniqueKeys: true });
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('the document is not an object');
  return narrowIntegers(parsed) as JsonObject;
}

/**
 * Redocly's recommended rules, with one change: `no-identical-paths` is a warning. Huawei manuals document such
 * pairs for real (APIG: `/throttle-specials/{id}` for DELETE, `/throttle-specials/{strategy_id}` for PUT), they are
 * different operations, and the generator handles them; refusing the whole service over it helps nobody.
 */
const LINT_RULES = {
  'no-identical-paths': 'warn',
  // Warning-level rules that validate every example with Ajv: 90% of the lint time on a 300-operation spec, and a
  // warning never stops generation. (Doc examples that contradict their schemas are the scraper report's business.)
  'no-invalid-media-type-examples': 'off',
  'no-invalid-schema-examples': 'off',
  'no-invalid-parameter-examples': 'off',
} as const;

/**
 * A resolver that never reads a file or the network: a spec is one self-contained document. External refs are
 * refused before linting (checkGeneratorNeeds); this is the second lock, for refs in places that check skips.
 */
class NoExternalResolver extends BaseResolver {
  override async loadExternalRef(absoluteRef: string): Promise<never> {
    throw new Error(`external reference ${JSON.stringify(absoluteRef)} refused: hwdocs reads nothing outside the document`);
  }
}

/** Names Object.prototype gives every object: the linter calls `obj.hasOwnProperty(…)` on property maps. */
const PROTOTYPE_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * The document as the linter may see it: keys that are Object.prototype members (`hasOwnProperty`, `__proto__`,
 * `constructor` as property or parameter names) get a trailing `_`, which no rule cares about. Redocly reads
 * property maps with `obj.hasOwnProperty(key)`, so a property named `hasOwnProperty` crashes it.
 */
function lintableCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(lintableCopy);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    Object.defineProperty(out, PROTOTYPE_NAMES.has(key) ? `${key}_` : key, { value: lintableCopy(child), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Only error-severity findings stop generation; a crash of the linter is one problem, not a stack. */
async function lintSpec(parsedDocument: Document): Promise<string[]> {
  const document: Document = { source: parsedDocument.source, parsed: lintableCopy(parsedDocument.parsed) };
  const config = await createConfig({ extends: ['recommended'], rules: LINT_RULES } as never);
  let problems: Awaited<ReturnType<typeof lintDocument>>;
  try {
    problems = await lintDocument({ document, config, externalRefResolver: new NoExternalResolver() });
  } catch (err) {
    return [`the linter (@redocly/openapi-core) could not read the document: ${(err as Error).message.split('\n')[0]}`];
  }
  return problems
    .filter((problem) => problem.severity === 'error')
    .map((problem) => {
      const where = problem.location[0]?.pointer ?? '';
      return `${problem.ruleId}: ${problem.message}${where ? ` (at ${where})` : ''}`;
    })
    .sort();
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;

/** What the generator itself needs beyond a valid document: paths, operationIds, local schema references. */
function checkGeneratorNeeds(doc: JsonObject): string[] {
  const problems: string[] = [];
  if (typeof doc.openapi !== 'string' || !/^3\.[01]\./.test(doc.openapi)) {
    problems.push(`openapi: expected version 3.0.x or 3.1.x, found ${JSON.stringify(String(doc.openapi ?? 'nothing'))}`);
  }
  const paths = doc.paths;
  const operationIds = new Map<string, string>();
  if (paths && typeof paths === 'object' && !Array.isArray(paths)) {
    for (const [path, item] of Object.entries(paths)) {
      if (!item || typeof item !== 'object' || Array.isArray(item)) continue;
      for (const method of HTTP_METHODS) {
        const op = (item as JsonObject)[method];
        if (!op || typeof op !== 'object' || Array.isArray(op)) continue;
        const where = `${method.toUpperCase()} ${path}`;
        const id = op.operationId;
        if (typeof id !== 'string' || !id.trim()) problems.push(`${where}: missing operationId (method names come from it)`);
        else if (operationIds.has(id)) problems.push(`${where}: operationId ${JSON.stringify(id)} is also used by ${operationIds.get(id)}`);
        else operationIds.set(id, where);
      }
    }
  }
  // A document without operations (an aggregation page's schemas and error codes) still yields types, validators
  // and the error enum; with neither operations, schemas nor error codes there is nothing to generate.
  if (operationIds.size === 0 && problems.length === 0 && !hasSchemas(doc) && !hasErrorCodes(doc)) {
    const hasPaths = !!paths && typeof paths === 'object' && !Array.isArray(paths) && Object.keys(paths).length > 0;
    problems.push(
      hasPaths
        ? 'paths: no operation has an HTTP method, and the document has no schemas or error codes either: nothing to generate'
        : 'paths: the document has no operations, no components.schemas and no x-error-codes: nothing to generate',
    );
  }
  return problems;
}

/** A JSON object (not an array, not null). */

function hasSchemas(doc: JsonObject): boolean {
  const components = doc.components;
  return isPlainObject(components) && isPlainObject(components.schemas) && Object.keys(components.schemas).length > 0;
}

function hasErrorCodes(doc: JsonObject): boolean {
  const codes = doc['x-error-codes'];
  // As the model reads the catalogue: objects with a code.
  return Array.isArray(codes) && codes.some((entry) => isPlainObject(entry) && entry.code != null && entry.code !== '');
}

/** Follows a local JSON pointer; undefined when it leads nowhere. */
function lookupLocal(doc: JsonObject, ref: string): JsonValue | undefined {
  let node: JsonValue | undefined = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!node || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, JsonValue>)[key];
  }
  return node;
}

/**
 * `$ref` chains that never reach a definition (`A: {$ref: B}`, `B: {$ref: A}`): each is reported once, at its
 * first member in document order. (A schema that contains a reference to itself, like a tree node, is fine.)
 */
function collectRefCycles(doc: JsonObject): string[] {
  const problems: string[] = [];
  const reported = new Set<string>();
  const visit = (value: JsonValue, pointer: string): void => {
    if (Array.isArray(value)) value.forEach((child, index) => visit(child, `${pointer}/${index}`));
    else if (value && typeof value === 'object') {
      const start = value.$ref;
      if (typeof start === 'string' && start.startsWith('#/')) {
        const chain: string[] = [];
        let ref: string | undefined = start;
        while (ref !== undefined && !chain.includes(ref)) {
          chain.push(ref);
          const target = lookupLocal(doc, ref);
          ref = isPlainObject(target) && typeof target.$ref === 'string' && target.$ref.startsWith('#/') ? target.$ref : undefined;
        }
        if (ref !== undefined) {
          const cycle = chain.slice(chain.indexOf(ref));
          const key = [...cycle].sort().join(' ');
          if (!reported.has(key)) {
            reported.add(key);
            problems.push(`${pointer}: $ref cycle ${[...cycle, ref].join(' → ')} never reaches a schema`);
          }
        }
      }
      for (const [key, child] of Object.entries(value)) visit(child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    }
  };
  visit(doc, '#');
  return problems;
}

function collectNonLocalRefs(value: JsonValue, pointer: string, problems: string[]): void {
  if (Array.isArray(value)) value.forEach((child, index) => collectNonLocalRefs(child, `${pointer}/${index}`, problems));
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string' && !child.startsWith('#/')) {
        problems.push(`${pointer}: $ref ${JSON.stringify(child)} is not a local reference: refused, nothing outside the document is read (bundle the document first)`);
      } else if (!key.startsWith('x-') && key !== 'example' && key !== 'examples') {
        collectNonLocalRefs(child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, problems);
      }
    }
  }
}

/** Reads, parses, lints and vets a document. Throws SpecProblemsError listing every problem found. */
export async function loadSpec(specPath: string): Promise<LoadedSpec> {
  const path = resolve(specPath);
  let text: string;
  try {
    const { size } = await stat(path);
    if (size > MAX_SPEC_BYTES) throw new Error(`it has ${size} bytes, more than MAX_SPEC_BYTES (${MAX_SPEC_BYTES})`);
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new SpecProblemsError(path, [`cannot read the file: ${(err as Error).message}`]);
  }
  // One fast parse (Redocly's js-yaml, also what the linter walks); the slow exact parser only runs when the document
  // has integers beyond 2^53 that cannot be recovered from the text unambiguously.
  let document: Document;
  let exact: JsonObject;
  let parsed: JsonValue;
  try {
    document = makeDocumentFromString(text, path);
    parsed = document.parsed as JsonValue;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('the document is not an object');
    const tooBig = documentBoundsProblem(parsed);
    if (tooBig) throw new Error(tooBig);
    exact = (withExactIntegers(parsed as JsonObject, text) ?? parseSpecText(text)) as JsonObject;
  } catch (err) {
    throw new SpecProblemsError(path, [`cannot parse the document: ${(err as Error).message.split('\n')[0]}`]);
  }
  // An external $ref is refused before the linter sees the document: its resolver would fetch or read it.
  const external: string[] = [];
  collectNonLocalRefs(exact, '#', external);
  if (external.length) throw new SpecProblemsError(path, external);
  const cycles = collectRefCycles(exact);
  // The linter follows such a chain until it throws; report the cycle instead.
  const problems = [...checkGeneratorNeeds(exact), ...cycles, ...(cycles.length ? [] : await lintSpec(document))];
  if (problems.length) throw new SpecProblemsError(path, problems);
  // Without big integers the exact document is the parsed one, already plain.
  return { path, exact, plain: exact === parsed ? exact : (toPlain(exact) as JsonObject) };
}
