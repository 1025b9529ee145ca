// Page results → one ServiceModel: object types made unique across pages (identical shapes shared, same name
// with another shape renamed and reported), operation ids made unique, the same operation from two pages merged,
// error codes merged into one catalogue. Pages are processed in file order, so names are stable.

import type { ErrorCodeModel, FieldModel, ObjectModel, OperationModel, ReportEntry, ServiceModel, TypeRef } from '../model.ts';
import { freeName, literalSegments, pascal, sortBy } from './names.ts';
import type { PageResult } from './page.ts';

type Report = (entry: ReportEntry) => void;

export interface PageOutcome extends PageResult {
  file: string;
}

/** The type with every named reference replaced by what `replace` makes of its name. */
function mapRefs(type: TypeRef, replace: (name: string) => TypeRef): TypeRef {
  switch (type.kind) {
    case 'ref':
      return replace(type.name);
    case 'array':
      return { kind: 'array', items: mapRefs(type.items, replace) };
    case 'map':
      return { kind: 'map', values: mapRefs(type.values, replace) };
    default:
      return type;
  }
}

const renamed = (rename: (name: string) => string) => (name: string): TypeRef => ({ kind: 'ref', name: rename(name) });

function mapFieldTypes<F extends FieldModel>(fields: F[], replace: (name: string) => TypeRef): F[] {
  return fields.map((f) => ({ ...f, type: mapRefs(f.type, replace) }));
}

/** Applies `replace` to every type an operation mentions: parameters, request body, response bodies. */
function mapOperationTypes(op: OperationModel, replace: (name: string) => TypeRef): void {
  op.parameters = mapFieldTypes(op.parameters, replace);
  if (op.requestBody) op.requestBody.type = mapRefs(op.requestBody.type, replace);
  for (const r of op.responses) if (r.body) r.body = mapRefs(r.body, replace);
}

/** A comparable key for model values (bigint bounds included). */
function keyOf(value: unknown): string {
  return JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v));
}

/** What makes two object types the same: field names, types, required flags and constraints (not prose). */
function shapeKey(fields: FieldModel[]): string {
  return keyOf(fields.map((f) => [f.name, f.type, f.required, f.constraints, f.itemConstraints ?? null]));
}

/** What makes two pages document the same operation: parameters and body types (not prose or examples). */
function operationKey(op: OperationModel): string {
  return keyOf([op.parameters.map((p) => [p.in, p.name, p.required, p.type]), op.requestBody?.type ?? null, op.responses.map((r) => [r.status, r.body ?? null])]);
}

/** `/v1/{id}/x` → `/v1/{}/x`: the path with placeholder names erased. */
function pathTemplate(path: string): string {
  return path.replace(/\{[^}]+\}/g, '{}');
}

const VERBS: Record<string, string> = { GET: 'Get', POST: 'Create', PUT: 'Update', DELETE: 'Delete', PATCH: 'Patch', HEAD: 'Head', OPTIONS: 'Options' };

/** `PUT /v2/{project_id}/apigw/instances/{instance_id}/throttles/{throttle_id}` → `UpdateApigwInstancesThrottles`. */
export function derivedOperationId(method: string, path: string): string {
  const byId = /\}$/.test(path) ? 'ById' : '';
  return `${VERBS[method] ?? method}${literalSegments(path).map(pascal).join('')}${byId}`;
}

export function buildService(service: string, pages: PageOutcome[], report: Report): ServiceModel {
  const ordered = sortBy([...pages], (page) => page.file);
  const schemas = new Map<string, ObjectModel>();
  const shapes = new Map<string, string>(); // shapeKey → global name
  const operations: OperationModel[] = [];
  const byRoute = new Map<string, OperationModel>();
  const catalogue = new Map<string, ErrorCodeModel>();
  const canonicalPaths = new Map<string, string>(); // path with `{}` placeholders → the first path written

  for (const page of ordered) {
    // 1. Decide each local object's global name.
    const rename = new Map<string, string>();
    for (const obj of page.objects) {
      const key = `${obj.name}\u0000${shapeKey(obj.fields)}`;
      const shared = shapes.get(key);
      if (shared) {
        rename.set(obj.name, shared);
        continue;
      }
      const name = freeName(obj.name, (candidate) => schemas.has(candidate));
      if (name !== obj.name) {
        report({
          file: page.file,
          table: obj.source.table,
          reason: `schema '${obj.name}' differs from the one in ${schemas.get(obj.name)!.source.file}; named '${name}'`,
          severity: 'info',
        });
      }
      rename.set(obj.name, name);
      shapes.set(key, name);
      schemas.set(name, { ...obj, name });
    }
    const local = (name: string) => rename.get(name) ?? name;
    for (const obj of page.objects) {
      const global = schemas.get(local(obj.name));
      if (global && global.source === obj.source) global.fields = mapFieldTypes(obj.fields, renamed(local));
    }
    // 2. Operations.
    if (page.operation) {
      const op = page.operation;
      mapOperationTypes(op, renamed(local));
      unifyPathParams(op, canonicalPaths, (reason) => report({ file: page.file, reason, severity: 'info' }));
      const route = `${op.method} ${pathTemplate(op.path)}`;
      const earlier = byRoute.get(route);
      if (earlier) {
        const same = operationKey(earlier) === operationKey(op);
        report({
          file: page.file,
          reason: same
            ? `${route} also documented in ${earlier.source.file}; merged`
            : `${route} documented differently in ${earlier.source.file}; kept that page's version`,
          severity: same ? 'info' : 'warning',
        });
        earlier.errorCodes = [...new Set([...earlier.errorCodes, ...op.errorCodes])].sort();
      } else {
        byRoute.set(route, op);
        operations.push(op);
      }
    }
    // 3. Error codes.
    for (const code of page.errorCodes) {
      const known = catalogue.get(code.code);
      if (!known) catalogue.set(code.code, code);
      else if (known.message !== code.message || known.status !== code.status || known.description !== code.description)
        report({
          file: page.file,
          table: code.source.table,
          row: code.code,
          reason: `error code ${code.code} listed again with different text (first in ${known.source.file}); kept the first`,
          severity: 'warning',
        });
    }
  }

  resolveDanglingRefs(schemas, operations, report);
  assignOperationIds(operations, report);
  return {
    service,
    operations,
    schemas,
    errorCodes: sortBy([...catalogue.values()], (e) => e.code),
  };
}

/**
 * OpenAPI allows one path per template: `/throttle-specials/{id}` (PUT) and `/throttle-specials/{strategy_id}` (GET)
 * must share a parameter name. The first page's names win; the operation's path parameters are renamed to match.
 */
function unifyPathParams(op: OperationModel, canonical: Map<string, string>, note: (reason: string) => void) {
  const template = pathTemplate(op.path);
  const first = canonical.get(template);
  if (!first) {
    canonical.set(template, op.path);
    return;
  }
  if (first === op.path) return;
  const names = (path: string) => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const rename = new Map(names(op.path).map((name, i) => [name, names(first)[i]!]));
  note(`${op.method} ${op.path}: path parameters renamed to match ${first} (one name per path template)`);
  op.path = first;
  op.parameters = op.parameters.map((p) => (p.in === 'path' && rename.has(p.name) ? { ...p, name: rename.get(p.name)! } : p));
}

/** A `X object` whose table is on no page becomes a free-form object with its type text kept, and is reported. */
function resolveDanglingRefs(schemas: Map<string, ObjectModel>, operations: OperationModel[], report: Report) {
  const lower = new Map([...schemas.keys()].map((k) => [k.toLowerCase(), k]));
  const resolver = (where: { file: string; table?: string }) => (name: string): TypeRef => {
    if (schemas.has(name)) return { kind: 'ref', name };
    const other = lower.get(name.toLowerCase());
    if (other) return { kind: 'ref', name: other };
    report({ ...where, reason: `type '${name}' has no table in the inputs; written as an object with x-doc-type`, severity: 'warning' });
    return { kind: 'unknown', text: `${name} object` };
  };
  for (const obj of schemas.values()) obj.fields = mapFieldTypes(obj.fields, resolver(obj.source));
  for (const op of operations) mapOperationTypes(op, resolver(op.source));
}

function assignOperationIds(operations: OperationModel[], report: Report) {
  const taken = new Map<string, OperationModel>();
  for (const op of operations) {
    const original = op.operationId || derivedOperationId(op.method, op.path);
    const id = freeName(original, (candidate) => taken.has(candidate));
    if (id !== original) {
      report({
        file: op.source.file,
        reason: `operationId '${original}' already used by ${taken.get(original)!.source.file}; this one is '${id}'`,
        severity: 'warning',
      });
    }
    op.operationId = id;
    taken.set(id, op);
  }
}
