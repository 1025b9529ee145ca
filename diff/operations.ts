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
}

/** `/v2/{project_id}/apis/{id}` → `/v2/{}/apis/{}`. Trailing slashes are kept: they are part of the URL. */
export function erasePlaceholders(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}');
}

export function placeholderNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
}

/**
 * Maps old placeholder names to new ones. Same path shape: by position. Different shape (an operation that moved):
 * by the literal segment before the placeholder, so `/apis/{id}` ↔ `/instances/{instance_id}/apis/{api_id}` pairs
 * `id` with `api_id`, and `instance_id` is a new parameter.
 */
export function mapPlaceholders(oldPath: string, newPath: string): Map<string, string> {
  const mapping = new Map<string, string>();
  const oldNames = placeholderNames(oldPath);
  const newNames = placeholderNames(newPath);
  if (erasePlaceholders(oldPath) === erasePlaceholders(newPath)) {
    oldNames.forEach((name, i) => mapping.set(name, newNames[i]!));
    return mapping;
  }
  const anchors = (path: string) => {
    const byAnchor = new Map<string, string[]>();
    for (const m of path.matchAll(/([^/{}]*)\/\{([^}]*)\}/g))
      byAnchor.set(m[1]!, [...(byAnchor.get(m[1]!) ?? []), m[2]!]);
    return byAnchor;
  };
  const newAnchors = anchors(newPath);
  for (const [anchor, names] of anchors(oldPath)) {
    const others = newAnchors.get(anchor);
    if (names.length === 1 && others?.length === 1) mapping.set(names[0]!, others[0]!);
  }
  return mapping;
}

/** Header names are case-insensitive, so they are keyed in lower case. */
export function parameterKey(p: { in: string; name: string }): string {
  return `${p.in}.${p.in === 'header' ? p.name.toLowerCase() : p.name}`;
}

/** Headers OpenAPI says a parameter list must not define (OAS 3.1 §4.8.12.1): they are ignored, as the spec asks. */
const RESERVED_HEADERS = ['accept', 'content-type', 'authorization'];

/**
 * Header names carried by the document's apiKey security schemes (`X-Auth-Token`, `Authorization`). A page that
 * also lists the token header as a parameter describes the auth layer again, not a new argument: newer Huawei page
 * generations do that, older ones do not, and a diff must not call that a new required parameter.
 */
export function securityHeaders(doc: OpenApiDoc): Set<string> {
  const names = new Set(RESERVED_HEADERS);
  const components = isObject(doc.components) ? doc.components : {};
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  for (const scheme of Object.values(schemes)) {
    if (isObject(scheme) && scheme.type === 'apiKey' && scheme.in === 'header' && typeof scheme.name === 'string')
      names.add(scheme.name.toLowerCase());
  }
  return names;
}

function readParameters(doc: OpenApiDoc, list: unknown, authHeaders: Set<string>): Parameter[] {
  if (!Array.isArray(list)) return [];
  const out: Parameter[] = [];
  for (const raw of list) {
    const { node } = deref(doc, raw);
    if (typeof node.name !== 'string' || typeof node.in !== 'string') continue;
    if (node.in === 'header' && authHeaders.has(node.name.toLowerCase())) continue;
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

export function collectOperations(
  doc: OpenApiDoc,
  authHeaders: Set<string> = securityHeaders(doc),
): Map<string, Operation> {
  const operations = new Map<string, Operation>();
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const path of Object.keys(paths).sort()) {
    const { node: item } = deref(doc, paths[path]);
    const shared = readParameters(doc, item.parameters, authHeaders);
    for (const method of HTTP_METHODS) {
      const node = item[method];
      if (!isObject(node)) continue;
      const own = readParameters(doc, node.parameters, authHeaders);
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

/** `/v2/{p}/apigw/instances/{i}/acls/{acl_id}` → `acls`: the resource an operation acts on. */
export function lastLiteralSegment(path: string): string {
  return (
    path
      .split('/')
      .filter((seg) => seg && !seg.startsWith('{'))
      .pop() ?? ''
  );
}

/**
 * Pairs operations: first by method + path (placeholders erased); then, among the leftovers, an operation whose
 * doc page (`x-source.file`) and method are those of exactly one leftover on the other side, and that acts on the
 * same resource (last literal path segment), is the same operation under a new path. Doc updates do that (APIG's pages moved from `/v1.0/apigw/apis/{id}` to
 * `/v2/{project_id}/apigw/instances/{instance_id}/apis/{api_id}`): one "path changed" is the honest report, and
 * the changes inside the operation stay visible instead of drowning in "removed" + "added".
 */
export function matchOperations(oldDoc: OpenApiDoc, newDoc: OpenApiDoc): OperationMatch {
  // Either document's auth headers are auth headers in both: one of them may simply not declare its schemes.
  const authHeaders = new Set([...securityHeaders(oldDoc), ...securityHeaders(newDoc)]);
  const olds = collectOperations(oldDoc, authHeaders);
  const news = collectOperations(newDoc, authHeaders);
  const match: OperationMatch = { pairs: [], removed: [], added: [] };
  const removed: Operation[] = [];
  for (const [key, op] of olds) {
    const other = news.get(key);
    if (other) match.pairs.push({ old: op, new: other });
    else removed.push(op);
  }
  const added = [...news.values()].filter((op) => !olds.has(op.key));
  const byPage = (ops: Operation[]) => {
    const groups = new Map<string, Operation[]>();
    for (const op of ops) {
      const file = sourceFile(op);
      if (!file) continue;
      const key = `${op.method} ${file}`;
      groups.set(key, [...(groups.get(key) ?? []), op]);
    }
    return groups;
  };
  const removedByPage = byPage(removed);
  const addedByPage = byPage(added);
  const movedOld = new Set<Operation>();
  const movedNew = new Set<Operation>();
  for (const [key, olders] of removedByPage) {
    const newers = addedByPage.get(key);
    if (olders.length !== 1 || newers?.length !== 1) continue;
    // A page that now documents another resource (`…/throttle-bindings/{id}` → `…/sign-bindings/{id}`) was
    // repurposed: that is one operation removed and another added, not a move.
    if (lastLiteralSegment(olders[0]!.path) !== lastLiteralSegment(newers[0]!.path)) continue;
    match.pairs.push({ old: olders[0]!, new: newers[0]! });
    movedOld.add(olders[0]!);
    movedNew.add(newers[0]!);
  }
  match.removed = removed.filter((op) => !movedOld.has(op));
  match.added = added.filter((op) => !movedNew.has(op));
  return match;
}

/** `x-source.file` of an operation, when the scraper recorded the page it came from. */
export function sourceFile(op: Operation): string | undefined {
  const source = op.node['x-source'];
  return isObject(source) && typeof source.file === 'string' ? source.file : undefined;
}
