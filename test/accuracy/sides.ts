// Turning each side into NormOps: the API Explorer definitions (ground truth) and the scraped OpenAPI document.

import {
  constraintsOf,
  flattenSchema,
  pointerResolver,
  resolveSchema,
  type RefResolver,
  type Schema,
} from './fields.ts';
import type { FieldConstraints, NormField, NormOp } from './model.ts';
import { joinBasePath, opKey } from './paths.ts';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const PARAM_LOCATIONS = new Set(['path', 'query', 'header']);

function isObject(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `in:name`; header names are case-insensitive in HTTP, so `X-Auth-Token` and `x-auth-token` are the same. */
export function paramKey(location: string, name: string): string {
  return `${location}:${location === 'header' ? name.toLowerCase() : name}`;
}

/** Fields of the request body and of every 2xx response body, prefixed `req:` / `res:`; the first 2xx wins a path. */
export function bodyFields(
  requestSchema: Schema | undefined,
  responseSchemas: Schema[],
  resolve: RefResolver,
): Map<string, NormField> {
  const fields = new Map<string, NormField>();
  const add = (side: 'req' | 'res', schema: Schema) => {
    for (const field of flattenSchema(schema, resolve)) {
      const path = `${side}:${field.path}`;
      if (!fields.has(path)) fields.set(path, { ...field, path });
    }
  };
  if (requestSchema) add('req', requestSchema);
  for (const schema of responseSchemas) add('res', schema);
  return fields;
}

function isSuccessStatus(status: string): boolean {
  return /^2(\d\d|XX)$/i.test(status);
}

/** A parameter, path item, body or response given as a `$ref` or inline; a dangling ref reads as `{}`. */
function deref(value: Schema, resolve: RefResolver): Schema {
  return typeof value.$ref === 'string' ? (resolve(value.$ref) ?? {}) : value;
}

interface ParametersRead {
  params: Set<string>;
  paramConstraints: Map<string, FieldConstraints>;
  body?: Schema;
}

/**
 * `in:name` keys of path/query/header parameters with their constraints (OpenAPI 3 keeps them in `schema`,
 * Swagger 2.0 on the parameter itself), and the schema of a Swagger 2.0 `in: body` parameter.
 */
function parametersOf(raws: unknown[], resolve: RefResolver): ParametersRead {
  const params = new Set<string>();
  const paramConstraints = new Map<string, FieldConstraints>();
  let body: Schema | undefined;
  for (const raw of raws) {
    if (!isObject(raw)) continue;
    const param = deref(raw, resolve);
    const location = String(param.in ?? '');
    if (location === 'body' && isObject(param.schema)) body = param.schema;
    else if (PARAM_LOCATIONS.has(location)) {
      const key = paramKey(location, String(param.name));
      params.add(key);
      const constraints = constraintsOf(isObject(param.schema) ? resolveSchema(param.schema, resolve) : param, resolve);
      if (Object.keys(constraints).length > 0) paramConstraints.set(key, constraints);
    }
  }
  return body ? { params, paramConstraints, body } : { params, paramConstraints };
}

/** The body schemas of an operation's 2xx responses, in status order; `schemaOf` reads one response object. */
function successSchemas(operation: Schema, schemaOf: (response: Schema) => Schema | undefined): Schema[] {
  return sortedEntries(isObject(operation.responses) ? operation.responses : {})
    .filter(([status]) => isSuccessStatus(status))
    .map(([, response]) => (isObject(response) ? schemaOf(response) : undefined))
    .filter((schema): schema is Schema => schema !== undefined);
}

function sortedEntries<T>(record: Record<string, T>): [string, T][] {
  return Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------------------------
// API Explorer definitions (Swagger-2.0-like, one operation per file)

/** One file of apiexplorer/<PRODUCT>/<Op>.json, as far as the harness reads it. */
export interface ExplorerFile {
  base_path?: string | null;
  name?: string;
  paths?: Record<string, Record<string, Schema>>;
  parameters?: Record<string, Schema>;
  definitions?: Record<string, Schema>;
}

export function explorerOps(file: ExplorerFile, source?: string): NormOp[] {
  const resolve = pointerResolver(file);
  const ops: NormOp[] = [];
  for (const [rawPath, pathItem] of sortedEntries(file.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      const path = joinBasePath(file.base_path, rawPath);
      const { params, paramConstraints, body } = parametersOf(
        Array.isArray(operation.parameters) ? operation.parameters : [],
        resolve,
      );
      const responseSchemas = successSchemas(operation, (response) =>
        isObject(response.schema) ? response.schema : undefined,
      );
      ops.push({
        key: opKey(method, path),
        method: method.toUpperCase(),
        path,
        name: String(operation.operationId ?? file.name ?? ''),
        ...(source ? { source } : {}),
        params,
        paramConstraints,
        fields: bodyFields(body, responseSchemas, resolve),
      });
    }
  }
  return ops;
}

// ---------------------------------------------------------------------------------------------------------------
// Scraped OpenAPI 3.1 document

/** The JSON schema of a request body or response: `application/json` first, else the first medium with one. */
function contentSchema(holder: Schema, resolve: RefResolver): Schema | undefined {
  const resolved = deref(holder, resolve);
  if (!isObject(resolved.content)) return undefined;
  const media = resolved.content;
  const preferred = isObject(media['application/json']) ? media['application/json'] : undefined;
  const chosen = preferred ?? Object.values(media).find((m) => isObject(m) && isObject(m.schema));
  return isObject(chosen) && isObject(chosen.schema) ? chosen.schema : undefined;
}

function xSourceFile(operation: Schema): string | undefined {
  const source = operation['x-source'];
  return isObject(source) && typeof source.file === 'string' ? source.file : undefined;
}

export function openApiOps(document: unknown): NormOp[] {
  if (!isObject(document) || !isObject(document.paths)) return [];
  const resolve = pointerResolver(document);
  const ops: NormOp[] = [];
  for (const [path, rawItem] of sortedEntries(document.paths)) {
    if (!isObject(rawItem)) continue;
    const pathItem = deref(rawItem, resolve);
    const shared = Array.isArray(pathItem.parameters) ? pathItem.parameters : [];
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      const own = Array.isArray(operation.parameters) ? operation.parameters : [];
      // OpenAPI 3 has no `in: body` parameter; the body is `requestBody`.
      const { params, paramConstraints } = parametersOf([...shared, ...own], resolve);
      // Credential/transport headers the page lists are kept in x-transport-headers, not parameters (issue 9 §5).
      const transportHeaders = new Set<string>();
      for (const name of Array.isArray(operation['x-transport-headers']) ? operation['x-transport-headers'] : [])
        transportHeaders.add(paramKey('header', String(name)));
      for (const key of transportHeaders) params.add(key);
      const requestSchema = isObject(operation.requestBody) ? contentSchema(operation.requestBody, resolve) : undefined;
      const responseSchemas = successSchemas(operation, (response) => contentSchema(response, resolve));
      const source = xSourceFile(operation);
      ops.push({
        key: opKey(method, path),
        method: method.toUpperCase(),
        path,
        name: String(operation.operationId ?? ''),
        ...(source ? { source } : {}),
        params,
        transportHeaders,
        paramConstraints,
        fields: bodyFields(requestSchema, responseSchemas, resolve),
      });
    }
  }
  return ops;
}

/** Named component schemas of a scraped document, each flattened (for the text forms, which have few operations). */
export function componentSchemas(document: unknown): { name: string; source?: string; fields: NormField[] }[] {
  if (!isObject(document) || !isObject(document.components) || !isObject(document.components.schemas)) return [];
  const resolve = pointerResolver(document);
  return sortedEntries(document.components.schemas)
    .filter(([, schema]) => isObject(schema))
    .map(([name, schema]) => {
      const source = xSourceFile(schema as Schema);
      return { name, ...(source ? { source } : {}), fields: topLevelFields(schema as Schema, resolve) };
    });
}

/** Only the direct properties: a component is matched to a definition by its own property names. */
export function topLevelFields(schema: Schema, resolve: RefResolver): NormField[] {
  const resolved = resolveSchema(schema, resolve);
  // Depth 0: nested fields would all carry `.` or `[` and be dropped; a property whose own name does stays dropped.
  return flattenSchema(resolved, resolve, '', 0).filter(
    (field) => !field.path.includes('.') && !field.path.includes('['),
  );
}
