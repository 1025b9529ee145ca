// Collects the operations of a document and pairs them across two documents.
// Operations match by method + path with placeholder names erased: `/v2/{a}/x` ≡ `/v2/{b}/x`, so renaming a
// path parameter is reported as a rename, not as one operation removed and another added.
import { deref, isObject, type Json } from './resolve.ts';
import type { OpenApiDoc } from './types.ts';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface Parameter {
  name: string;
  /** path / query / header / cookie */
  in: string;
  required: boolean;
  schema: unknown;
  deprecated: boolean;
}

export interface Operation {
  method: string;
  path: string;
  /** Method + path with placeholder names erased: the matching key. */
  key: string;
  /** `GET /v2/{project_id}/apigw/apis` */
  display: string;
  node: Json;
  /** Path-item and operation parameters merged (operation wins), `$ref`s followed. */
  parameters: Parameter[];
  /** Placeholder names in path order: lets path parameters match by position. */
  pathParameterNames: string[];
}

/** `/v2/{project_id}/apis/{id}` → `/v2/{}/apis/{}`. Trailing slashes are kept: they are part of the URL. */
export function erasePlaceholders(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}');
}

export function placeholderNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
}

/** Header names are case-insensitive, so they are keyed in lower case. */
export function parameterKey(p: { in: string; name: string }): string {
  return `${p.in}.${p.in === 'header' ? p.name.toLowerCase() : p.name}`;
}

function readParameters(doc: OpenApiDoc, list: unknown): Parameter[] {
  if (!Array.isArray(list)) return [];
  const out: Parameter[] = [];
  for (const raw of list) {
    const { node } = deref(doc, raw);
    if (typeof node.name !== 'string' || typeof node.in !== 'string') continue;
    out.push({
      name: node.name,
      in: node.in,
      // OpenAPI: path parameters are always required, whatever is written.
      required: node.in === 'path' || node.required === true,
      schema: node.schema ?? {},
      deprecated: node.deprecated === true,
    });
  }
  return out;
}

export function collectOperations(doc: OpenApiDoc): Map<string, Operation> {
  const operations = new Map<string, Operation>();
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const path of Object.keys(paths).sort()) {
    const { node: item } = deref(doc, paths[path]);
    const shared = readParameters(doc, item.parameters);
    for (const method of HTTP_METHODS) {
      const node = item[method];
      if (!isObject(node)) continue;
      const own = readParameters(doc, node.parameters);
      const ownKeys = new Set(own.map(parameterKey));
      const key = `${method.toUpperCase()} ${erasePlaceholders(path)}`;
      // Two paths that differ only in placeholder names are invalid OpenAPI; keep the first (sorted) one.
      if (operations.has(key)) continue;
      operations.set(key, {
        method,
        path,
        key,
        display: `${method.toUpperCase()} ${path}`,
        node,
        parameters: [...shared.filter((p) => !ownKeys.has(parameterKey(p))), ...own],
        pathParameterNames: placeholderNames(path),
      });
    }
  }
  return operations;
}

export interface OperationPair {
  old: Operation;
  new: Operation;
}

export interface OperationMatch {
  pairs: OperationPair[];
  removed: Operation[];
  added: Operation[];
}

export function matchOperations(oldDoc: OpenApiDoc, newDoc: OpenApiDoc): OperationMatch {
  const olds = collectOperations(oldDoc);
  const news = collectOperations(newDoc);
  const match: OperationMatch = { pairs: [], removed: [], added: [] };
  for (const [key, op] of olds) {
    const other = news.get(key);
    if (other) match.pairs.push({ old: op, new: other });
    else match.removed.push(op);
  }
  for (const [key, op] of news) if (!olds.has(key)) match.added.push(op);
  return match;
}

/** `x-source.file` of an operation, when the scraper recorded the page it came from. */
export function sourceFile(op: Operation): string | undefined {
  const source = op.node['x-source'];
  return isObject(source) && typeof source.file === 'string' ? source.file : undefined;
}
