// Shared shapes of `hwdocs diff`: the hit every rule produces and the report built from them.

export type Level = 'breaking' | 'warning' | 'info';

/** Most severe first: the order used by --fail-on thresholds and by summaries. */
export const LEVELS: readonly Level[] = ['breaking', 'warning', 'info'];

/** Which way data flows through a schema: a change that breaks a request may be harmless in a response. */
export type Direction = 'request' | 'response';

/** One rule firing on one place of the API. */
export interface Hit {
  /** Rule id, e.g. `request-property-removed`. */
  id: string;
  level: Level;
  /** `METHOD /path` (the new path when the operation exists in both documents); '' for document-wide changes. */
  operation: string;
  /** Where inside the operation: `request.body.foo.bar`, `response[200].body.x`, `parameter query.limit`. */
  location: string;
  message: string;
}

/** A rule's finding before the engine stamps it with rule id, level and operation. */
export interface Finding {
  location: string;
  message: string;
}

export interface DiffReport {
  summary: Record<Level, number>;
  hits: Hit[];
  /** Doc page (`x-source.file`) of each operation that has hits, when the spec records it. */
  sources: Record<string, string>;
}

/** An OpenAPI document as parsed from YAML/JSON: we only trust what we check. */
export type OpenApiDoc = Record<string, unknown>;
