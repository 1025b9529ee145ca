// `$ref` resolution and a normalised "view" of a schema, so rules compare meaning rather than spelling
// (`type: [string, 'null']` and `nullable: true` are the same thing; `$ref` chains and `allOf` are flattened).
import type { OpenApiDoc } from './types.ts';

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a local JSON pointer (`#/components/schemas/Foo`); undefined for external or broken refs. */
export function lookupPointer(doc: OpenApiDoc, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

export interface Resolved {
  node: Json;
  /** The last `$ref` followed, which names the schema (used to stop cycles); undefined for inline nodes. */
  ref?: string | undefined;
}

/**
 * Follows a `$ref` chain. A cycle of refs (A → B → A) or a broken ref stops at the last object reached, so a
 * malformed spec degrades to "compare what is written" rather than looping or throwing.
 */
export function deref(doc: OpenApiDoc, value: unknown): Resolved {
  let node: unknown = value;
  let ref: string | undefined;
  const seen = new Set<string>();
  while (isObject(node) && typeof node.$ref === 'string' && !seen.has(node.$ref)) {
    seen.add(node.$ref);
    const target = lookupPointer(doc, node.$ref);
    if (!isObject(target)) break;
    ref = node.$ref;
    node = target;
  }
  return { node: isObject(node) ? node : {}, ref };
}

/** Numeric and size bounds; `lower` bounds tighten when they grow, `upper` bounds when they shrink. */
export const BOUND_KEYWORDS = [
  { keyword: 'minimum', kind: 'lower' },
  { keyword: 'exclusiveMinimum', kind: 'lower' },
  { keyword: 'maximum', kind: 'upper' },
  { keyword: 'exclusiveMaximum', kind: 'upper' },
  { keyword: 'minLength', kind: 'lower' },
  { keyword: 'maxLength', kind: 'upper' },
  { keyword: 'minItems', kind: 'lower' },
  { keyword: 'maxItems', kind: 'upper' },
] as const;

export type BoundKeyword = (typeof BOUND_KEYWORDS)[number]['keyword'];

export interface SchemaView {
  /** Declared types without 'null', sorted; empty means "any" (no type written). */
  types: string[];
  nullable: boolean;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  hasDefault: boolean;
  default?: unknown;
  deprecated: boolean;
  bounds: Partial<Record<BoundKeyword, number>>;
  properties: Record<string, unknown>;
  required: string[];
  items?: unknown;
  /** A schema for map values; `true`/`false`/absent are not descended into. */
  additionalProperties?: unknown;
  /** The named schema this view came from, for cycle protection. */
  ref?: string | undefined;
}

const MAX_ALLOF_DEPTH = 16;

/** Builds the view of a (possibly `$ref`, possibly `allOf`) schema. */
export function viewSchema(doc: OpenApiDoc, raw: unknown): SchemaView {
  const { node, ref } = deref(doc, raw);
  const view: SchemaView = {
    types: [],
    nullable: false,
    hasDefault: false,
    deprecated: false,
    bounds: {},
    // No prototype: a property may be called `constructor` or `__proto__`.
    properties: Object.create(null) as Record<string, unknown>,
    required: [],
    ref,
  };
  mergeInto(view, doc, node, 0, new Set(ref ? [ref] : []));
  view.types = [...new Set(view.types)].sort();
  view.required = [...new Set(view.required)].sort();
  // An object written without `type` is still an object; otherwise adding `type: object` would look like a change.
  if (view.types.length === 0 && Object.keys(view.properties).length > 0) view.types = ['object'];
  // `enum: [true, false]` on a boolean restricts nothing (pages list 枚举值： true false); without this, a page
  // that starts listing them would read as a new restriction.
  if (view.types.join() === 'boolean' && view.enum?.includes(true) && view.enum.includes(false)) delete view.enum;
  return view;
}

function mergeInto(view: SchemaView, doc: OpenApiDoc, node: Json, depth: number, seenRefs: Set<string>): void {
  const type = node.type;
  for (const t of Array.isArray(type) ? type : type === undefined ? [] : [type]) {
    if (t === 'null') view.nullable = true;
    else if (typeof t === 'string') view.types.push(t);
  }
  if (node.nullable === true) view.nullable = true;
  if (Array.isArray(node.enum)) {
    if (node.enum.includes(null)) view.nullable = true;
    view.enum = node.enum.filter((v) => v !== null);
  }
  if (Object.hasOwn(node, 'const') && node.const !== null) view.enum = [node.const];
  if (typeof node.format === 'string') view.format = node.format;
  if (typeof node.pattern === 'string') view.pattern = node.pattern;
  if (Object.hasOwn(node, 'default')) {
    view.hasDefault = true;
    view.default = node.default;
  }
  if (node.deprecated === true) view.deprecated = true;
  for (const { keyword } of BOUND_KEYWORDS) {
    const value = node[keyword];
    if (typeof value === 'number') view.bounds[keyword] = value;
  }
  if (isObject(node.properties))
    for (const [name, schema] of Object.entries(node.properties)) view.properties[name] = schema;
  if (Array.isArray(node.required))
    view.required.push(...node.required.filter((r): r is string => typeof r === 'string'));
  if (node.items !== undefined && typeof node.items !== 'boolean') view.items = node.items;
  if (isObject(node.additionalProperties)) view.additionalProperties = node.additionalProperties;
  if (Array.isArray(node.allOf) && depth < MAX_ALLOF_DEPTH) {
    for (const member of node.allOf) {
      const { node: target, ref } = deref(doc, member);
      if (ref && seenRefs.has(ref)) continue;
      mergeInto(view, doc, target, depth + 1, ref ? new Set([...seenRefs, ref]) : seenRefs);
    }
  }
}
