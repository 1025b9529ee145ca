// Flattening a JSON schema (Swagger 2.0 definitions or OpenAPI 3.1 components) into dotted field paths.
// Both sides go through the same code, so a difference in the output is a difference in the documents, not in
// how they were read.

import type { FieldConstraints, FieldType, NormField } from './model.ts';

export type Schema = Record<string, unknown>;
/** Looks up a `$ref` (`#/definitions/X`, `#/components/schemas/X`); undefined when it dangles. */
export type RefResolver = (ref: string) => Schema | undefined;

/** Nesting deeper than this is a runaway (or a cycle through inline schemas); real pages stop at ~6. */
const MAX_DEPTH = 16;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Resolves JSON pointers inside one document: `#/definitions/A`, `#/components/schemas/A~1B`. */
export function pointerResolver(root: unknown): RefResolver {
  return (ref) => {
    if (!ref.startsWith('#/')) return undefined;
    let node: unknown = root;
    for (const raw of ref.slice(2).split('/')) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      if (!isSchema(node)) return undefined;
      node = node[key];
    }
    return isSchema(node) ? node : undefined;
  };
}

/**
 * Follows `$ref` chains and merges `allOf` parts into one schema with `properties` and `required`.
 * `refsSeen` collects the names of refs expanded here, so the caller can stop at cycles.
 */
export function resolveSchema(schema: Schema, resolve: RefResolver, refsSeen: Set<string> = new Set()): Schema {
  let current: Schema = schema;
  // Sibling keywords next to $ref (OpenAPI 3.1) describe the same value, so they are kept under the target's.
  while (typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (refsSeen.has(ref)) return { ...current, $ref: undefined, 'x-cycle': ref };
    refsSeen.add(ref);
    const target = resolve(ref);
    const { $ref: _dropped, ...siblings } = current;
    current = target ? { ...target, ...siblings } : { ...siblings, 'x-dangling': ref };
  }
  const parts = [current.allOf, current.oneOf, current.anyOf].filter(Array.isArray).flat().filter(isSchema);
  if (parts.length === 0) return current;
  // oneOf/anyOf are folded in like allOf: the harness compares which fields exist, not which combinations are valid.
  const merged: Schema = { ...current, allOf: undefined, oneOf: undefined, anyOf: undefined };
  const properties: Schema = { ...(isSchema(current.properties) ? current.properties : {}) };
  const required = new Set<string>(Array.isArray(current.required) ? current.required.map(String) : []);
  for (const part of parts) {
    const resolved = resolveSchema(part, resolve, refsSeen);
    if (isSchema(resolved.properties)) Object.assign(properties, resolved.properties);
    if (Array.isArray(resolved.required)) for (const name of resolved.required) required.add(String(name));
    if (merged.type === undefined && resolved.type !== undefined) merged.type = resolved.type;
    if (merged.items === undefined && resolved.items !== undefined) merged.items = resolved.items;
  }
  if (Object.keys(properties).length > 0) merged.properties = properties;
  merged.required = [...required];
  return merged;
}

const KNOWN_TYPES = new Set<FieldType>(['string', 'integer', 'number', 'boolean', 'array', 'object']);

/** The single comparable type of an already-resolved schema. */
export function typeOf(schema: Schema): FieldType {
  const declared = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (typeof declared === 'string' && KNOWN_TYPES.has(declared as FieldType)) return declared as FieldType;
  if (declared !== undefined) return 'unknown'; // `file`, `null`
  if (isSchema(schema.properties) || schema.additionalProperties !== undefined) return 'object';
  if (schema.items !== undefined) return 'array';
  if (typeof schema['x-cycle'] === 'string') return 'object';
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    const first = schema.enum[0];
    if (typeof first === 'string') return 'string';
    if (typeof first === 'boolean') return 'boolean';
    if (typeof first === 'number') return Number.isInteger(first) ? 'integer' : 'number';
  }
  return 'unknown';
}

function canonicalValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint') return value.toString();
  return JSON.stringify(value);
}

/**
 * Constraints of a field. For arrays of primitives the length/value constraints live on `items`
 * (`tags` Array of strings, 最小长度：1 applies to each tag), so the item's fill in what the array lacks.
 */
export function constraintsOf(schema: Schema, resolve: RefResolver): FieldConstraints {
  const sources: Schema[] = [schema];
  if (isSchema(schema.items)) sources.push(resolveSchema(schema.items, resolve));
  const out: FieldConstraints = {};
  for (const source of sources) {
    for (const key of ['minimum', 'maximum', 'minLength', 'maxLength'] as const) {
      if (out[key] === undefined && (typeof source[key] === 'number' || typeof source[key] === 'bigint')) {
        out[key] = canonicalValue(source[key]);
      }
    }
    // A nullable enum's `null` member comes from its type (an example shows null; judged as type agreement), not
    // from the values the page lists: `type: [string, 'null']` with `enum: [FULL_HD, …, null]` lists FULL_HD, ….
    const nullable = Array.isArray(source.type) && source.type.includes('null');
    const members = Array.isArray(source.enum) ? source.enum.filter((v) => v !== null || !nullable) : [];
    if (out.enum === undefined && members.length > 0) {
      out.enum = [...new Set(members.map(canonicalValue))].sort().join('|');
    }
    if (out.default === undefined && source.default !== undefined) out.default = canonicalValue(source.default);
  }
  // Item counts belong to the array itself, never to its items.
  for (const key of ['minItems', 'maxItems'] as const) {
    if (typeof schema[key] === 'number' || typeof schema[key] === 'bigint') out[key] = canonicalValue(schema[key]);
  }
  return out;
}

function joinPath(prefix: string, name: string): string {
  return prefix === '' ? name : `${prefix}.${name}`;
}

/**
 * Every field under `schema` as a dotted path. Objects nest with `.`, array items add `[]`
 * (`items[].id`), map values add `.*`. A `$ref` already being expanded on the current branch is listed but not
 * entered again, which is what stops recursive types (a tree node holding its children). `maxDepth` 0 lists only
 * the schema's own properties.
 */
export function flattenSchema(schema: Schema, resolve: RefResolver, prefix = '', maxDepth = MAX_DEPTH): NormField[] {
  const fields: NormField[] = [];
  walkContainer(schema, resolve, prefix, new Set(), 0, maxDepth, fields);
  return fields;
}

/** Descends into whatever holds fields: object properties, array items, map values. */
function walkContainer(
  schema: Schema,
  resolve: RefResolver,
  prefix: string,
  refsOnBranch: Set<string>,
  depth: number,
  maxDepth: number,
  out: NormField[],
): void {
  if (depth > maxDepth) return;
  const branch = new Set(refsOnBranch);
  const resolved = resolveSchema(schema, resolve, branch);
  if (typeof resolved['x-cycle'] === 'string') return;
  const type = typeOf(resolved);
  if (type === 'array' && isSchema(resolved.items)) {
    walkContainer(resolved.items, resolve, `${prefix}[]`, branch, depth + 1, maxDepth, out);
    return;
  }
  if (isSchema(resolved.properties)) {
    const required = new Set(Array.isArray(resolved.required) ? resolved.required.map(String) : []);
    for (const [name, child] of Object.entries(resolved.properties)) {
      if (!isSchema(child)) continue;
      const path = joinPath(prefix, name);
      const childBranch = new Set(branch);
      const childResolved = resolveSchema(child, resolve, childBranch);
      const format = typeof childResolved.format === 'string' ? childResolved.format : undefined;
      out.push({
        path,
        type: typeOf(childResolved),
        ...(format ? { format } : {}),
        required: required.has(name),
        constraints: constraintsOf(childResolved, resolve),
      });
      walkContainer(child, resolve, path, branch, depth + 1, maxDepth, out);
    }
  }
  if (isSchema(resolved.additionalProperties)) {
    walkContainer(resolved.additionalProperties, resolve, joinPath(prefix, '*'), branch, depth + 1, maxDepth, out);
  }
}
