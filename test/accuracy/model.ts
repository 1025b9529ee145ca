// The common model both sides (scraped OpenAPI spec, API Explorer definitions) are normalised to before comparing.
// Keeping it tiny and side-neutral is what makes the comparison symmetric and easy to test.

/** JSON-schema types we compare; `unknown` = the side could not say (no type, `{}` with x-doc-type, `file`). */
export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'unknown';

/** Constraints compared by the harness, as canonical strings so equality is a plain `===`. */
export interface FieldConstraints {
  minimum?: string;
  maximum?: string;
  minLength?: string;
  maxLength?: string;
  minItems?: string;
  maxItems?: string;
  /** Sorted, JSON-encoded values joined by `|`. */
  enum?: string;
  default?: string;
}

export const CONSTRAINT_KEYS = [
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'enum',
  'default',
] as const;
export type ConstraintKey = (typeof CONSTRAINT_KEYS)[number];

/** One body or response field, addressed by a dotted path: `req:throttle.name`, `res:items[].id`. */
export interface NormField {
  path: string;
  type: FieldType;
  format?: string;
  required: boolean;
  constraints: FieldConstraints;
}

/** One operation, keyed by `METHOD /path/{}/with/params/erased`. */
export interface NormOp {
  key: string;
  method: string;
  /** The path as written by its side (params not erased), for display. */
  path: string;
  /** API Explorer name or operationId, for display. */
  name: string;
  /** Where it came from (definition file, or the spec's x-source.file). */
  source?: string;
  /** `in:name` for path/query/header parameters (header names lower-cased: HTTP headers are case-insensitive). */
  params: Set<string>;
  /**
   * Scraped side only: the `header:` keys of `params` that came from `x-transport-headers` (credential and media-type
   * headers the client runtime sends on every request; the spec keeps them out of the parameters).
   */
  transportHeaders?: Set<string>;
  /** Constraints of the path/query/header parameters, by the same `in:name` key (only those that have any). */
  paramConstraints?: Map<string, FieldConstraints>;
  fields: Map<string, NormField>;
}
