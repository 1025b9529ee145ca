// What build.ts needs so that the generated types follow the documentation (issue 9 §3, §5): fields the examples
// show as `null` accept null, enums carry their type, query arrays carry an item type, and the credential and
// transport headers the client runtime sends itself are not operation parameters.

import type { ServiceModel, TypeRef } from '../model.ts';

type Schema = Record<string, unknown>;

/**
 * Headers the client runtime sets on every request (credentials, signing, media types). A page's header table lists
 * them, but as operation parameters they would be forced on every caller (an AK/SK user sending a dummy token);
 * OpenAPI itself ignores `Content-Type`, `Accept` and `Authorization` parameters. Compared case-insensitively.
 */
export const TRANSPORT_HEADERS: readonly string[] = [
  'X-Auth-Token',
  'X-Project-Id',
  'X-Sdk-Date',
  'Authorization',
  'Content-Type',
  'Accept',
];

const TRANSPORT = new Set(TRANSPORT_HEADERS.map((h) => h.toLowerCase()));

export function isTransportHeader(location: string, name: string): boolean {
  return location === 'header' && TRANSPORT.has(name.trim().toLowerCase());
}

/** Key of a field of a named object type; `items` marks the items of an array field. */
export function nullKey(schema: string, field: string, part: 'value' | 'items' = 'value'): string {
  return `${schema}\u0000${field}\u0000${part}`;
}

const MAX_DEPTH = 32;

/**
 * The fields (and array-field items) that a documented example, request or response, shows as `null`: the docs
 * write `null` for "not set", so the type must accept it. Walks each parsed example along its documented type.
 */
export function nullsShownByExamples(model: ServiceModel): Set<string> {
  const found = new Set<string>();
  const visit = (value: unknown, type: TypeRef, depth: number) => {
    if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return;
    // Several pages documenting one route give a body of variants; an example carries no page of its own, so it
    // is walked along each variant (a walk only follows what fits: arrays into arrays, objects into objects).
    if (type.kind === 'oneOf') for (const variant of type.variants) visit(value, variant.type, depth + 1);
    else if (type.kind === 'array' && Array.isArray(value))
      for (const item of value) visit(item, type.items, depth + 1);
    else if (type.kind === 'map' && !Array.isArray(value))
      for (const inner of Object.values(value)) visit(inner, type.values, depth + 1);
    else if (type.kind === 'ref' && !Array.isArray(value)) {
      const obj = model.schemas.get(type.name);
      if (!obj) return;
      const record = value as Record<string, unknown>;
      for (const field of obj.fields) {
        if (!Object.hasOwn(record, field.name)) continue;
        const inner = record[field.name];
        if (inner === null) found.add(nullKey(obj.name, field.name));
        else if (Array.isArray(inner) && field.type.kind === 'array' && inner.includes(null))
          found.add(nullKey(obj.name, field.name, 'items'));
        visit(inner, field.type, depth + 1);
      }
    }
  };
  for (const op of model.operations) {
    const typed: [TypeRef | undefined, { value?: unknown }[]][] = [
      [op.requestBody?.type, op.requestBody?.examples ?? []],
      ...op.responses.map((r): [TypeRef | undefined, { value?: unknown }[]] => [r.body, r.examples]),
    ];
    for (const [type, examples] of typed)
      if (type) for (const ex of examples) if (ex.value !== undefined) visit(ex.value, type, 0);
  }
  return found;
}

/** `schema` that also accepts null: `type: [X, 'null']` (OpenAPI 3.1), `anyOf` around a `$ref`; enums gain null. */
export function nullable(schema: Schema): Schema {
  if (typeof schema.$ref === 'string') {
    const { $ref, ...rest } = schema;
    return { anyOf: [{ $ref }, { type: 'null' }], ...rest };
  }
  const type = schema.type;
  if (typeof type === 'string' && type !== 'null') {
    const out: Schema = { ...schema, type: [type, 'null'] };
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) out.enum = [...schema.enum, null];
    return out;
  }
  return schema; // no type (any value), already a type list, or a kind of its own: null is accepted or not ours to add
}

/** The JSON type all enum values share (`integer` when every number is whole), or undefined when they differ. */
export function enumType(values: unknown[]): string | undefined {
  const kinds = new Set(
    values
      .filter((v) => v !== null)
      .map((v) =>
        typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v))
          ? 'integer'
          : typeof v === 'number'
            ? 'number'
            : typeof v,
      ),
  );
  if (kinds.size === 2 && kinds.has('integer') && kinds.has('number')) return 'number';
  const [only] = kinds;
  return kinds.size === 1 && ['string', 'integer', 'number', 'boolean'].includes(only!) ? only : undefined;
}

/** An enum on a schema without a type (an unreadable type cell) gets its values' type, so it becomes a literal union. */
export function typedEnum(schema: Schema): Schema {
  if (!Array.isArray(schema.enum) || schema.type !== undefined || schema.$ref !== undefined) return schema;
  const type = enumType(schema.enum);
  return type ? { type, ...schema } : schema;
}

/** A query array whose item type the page does not say is an array of strings: that is what a query string carries. */
export function queryArrayItems(schema: Schema): Schema {
  if (schema.type !== 'array') return schema;
  const items = (schema.items ?? {}) as Schema;
  if (items.type !== undefined || items.$ref !== undefined || items.enum !== undefined) return schema;
  return { ...schema, items: { type: 'string', ...items } };
}
