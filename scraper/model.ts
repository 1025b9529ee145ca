// The intermediate model shared by every stage of the scraper.
//
//   reader (one per source form)  →  DocPage            structure of a page: sections, tables, rows, cells, examples
//   interpret/                    →  ServiceModel       operations, fields, named object types, error codes
//   openapi/                      →  OpenAPI 3.1 object
//
// Readers only recover structure; they never decide what a table means. That is why a new source form needs
// nothing but a reader that produces DocPages.

export type Severity = 'error' | 'warning' | 'info';

/** Where a piece of the spec came from, so a reviewer can find the page behind any line. */
export interface SourceRef {
  file: string;
  section?: string;
  table?: string;
}

/** One finding about the input: every table row ends either in the spec or here. */
export interface ReportEntry {
  file: string;
  section?: string;
  table?: string;
  row?: number | string;
  reason: string;
  severity: Severity;
}

// ---------------------------------------------------------------------------------------------------------------
// Stage 1: page structure (what a reader produces)

/** A hyperlink inside a cell: `#request_AuthOpt`, `#Op__response_Type`, `other.html#x`. */
export interface DocLink {
  href: string;
  text: string;
}

export interface DocCell {
  /** The cell's text, paragraphs joined by '\n', whitespace inside paragraphs collapsed. */
  text: string;
  /** Links found in the cell, in order. */
  links: DocLink[];
  /** Items of lists (`<ul><li>`) in the cell, in order: enum values often live here. */
  listItems: string[];
}

export interface DocRow {
  cells: DocCell[];
}

export interface DocTable {
  /** Caption without its number: `请求Body参数`, `Request body parameters`, `AuthOpt`. */
  caption: string;
  /** The number of `表 3` / `Table 3`, when present. */
  number?: number;
  /** Anchors that name this table: `<a name>` before it, its `id`. */
  anchors: string[];
  /** Header cell texts; empty when the table has no header row. */
  header: string[];
  rows: DocRow[];
  /** Status code that this table belongs to (`**状态码： 200**` before it), when any. */
  status?: string;
  /**
   * The object type an uncaptioned sub-table serves, as a reader inferred it (pipe renderings drop `表N Type`),
   * with the evidence: the interpreter links and names the table by it. Readers never write it into `caption`.
   */
  servesType?: { name: string; evidence: string };
}

export interface DocExample {
  /** The code block text, untouched. */
  code: string;
  /** Status code given before the example (response examples). */
  status?: string;
  /** The free text between status code and example, or the request example's description. */
  title?: string;
}

/** Section kinds; headings in every language map to one of these through vocab.ts. */
export type SectionKind =
  | 'function'
  | 'constraints'
  | 'debug'
  | 'uri'
  | 'request'
  | 'response'
  | 'requestExample'
  | 'responseExample'
  | 'statusCodes'
  | 'errorCodes'
  | 'other';

export interface DocSection {
  kind: SectionKind;
  /** The heading as written. */
  heading: string;
  /** Plain paragraphs (outside tables and examples), in order. */
  paragraphs: string[];
  tables: DocTable[];
  examples: DocExample[];
}

export interface DocPage {
  file: string;
  /** Reader that produced the page: 'zh-md', 'dita-html', 'flat', 'percell', 'pipe'. */
  form: string;
  title: string;
  /** API Explorer name (`UpdateRequestThrottlingPolicyV2`) when the page carries one. */
  apiName?: string;
  /** The API identifier the page's title anchor gives (`DescDataset`), when it gives one (readers/title-anchor.ts). */
  titleName?: string;
  /** Sub-part of the file this page came from (flat aggregation pages: the bullet numbers). */
  part?: string;
  sections: DocSection[];
}

/** A reader recovers DocPages from one source form. */
export interface Reader {
  form: string;
  /** How sure the reader is that `text` is its form, 0..1; the highest wins. */
  detect(text: string, file: string): number;
  read(text: string, file: string, report: (entry: Omit<ReportEntry, 'file'>) => void): DocPage[];
}

// ---------------------------------------------------------------------------------------------------------------
// Stage 2: the API model (what interpret/ produces from DocPages)

export type TypeRef =
  | { kind: 'primitive'; type: 'string' | 'integer' | 'number' | 'boolean' | 'null'; format?: string }
  | { kind: 'object' } // free-form object
  | { kind: 'any' } // JSON, AnyType
  | { kind: 'array'; items: TypeRef }
  | { kind: 'map'; values: TypeRef }
  | { kind: 'ref'; name: string } // a named object type; resolved against ServiceModel.schemas
  | { kind: 'unknown'; text: string }
  | { kind: 'oneOf'; variants: { type: TypeRef; source: SourceRef }[] }; // one path, several documented bodies

export interface Constraints {
  minimum?: number | bigint;
  maximum?: number | bigint;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  enum?: unknown[];
  pattern?: string;
}

export interface FieldModel {
  name: string;
  /** The type cell as written. */
  docType: string;
  type: TypeRef;
  required: boolean;
  description: string;
  constraints: Constraints;
  /** Constraints on the items of an array field (`最大长度` on `Array of strings`). */
  itemConstraints?: Constraints;
  /** A link to a sub-table on a page that was not among the inputs: the field is `{}` and keeps the link. */
  docLink?: string;
}

export interface ObjectModel {
  name: string;
  fields: FieldModel[];
  source: SourceRef;
  /** Set when no table describes the object and its fields were derived from an example (`x-inferred`). */
  inferred?: 'example';
}

export type ParamLocation = 'path' | 'query' | 'header' | 'cookie';

export interface ParamModel extends FieldModel {
  in: ParamLocation;
}

export interface ExampleModel {
  /** Parsed value; undefined when the text could not be parsed. */
  value?: unknown;
  text: string;
  summary?: string;
}

export interface ResponseModel {
  status: string;
  description: string;
  /** Body schema: a named object, an array of one, or a primitive (`-` rows). */
  body?: TypeRef;
  /** Set when the body was derived from an example because no table describes it (`x-inferred`). */
  inferred?: 'example';
  examples: ExampleModel[];
  /** Response headers (`响应Header参数`): never body fields. */
  headers?: FieldModel[];
}

export interface OperationModel {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  tags: string[];
  parameters: ParamModel[];
  requestBody?: { type: TypeRef; required: boolean; mediaType: string; examples: ExampleModel[]; inferred?: 'example' };
  responses: ResponseModel[];
  /** Error codes this operation's documentation shows (in its examples). */
  errorCodes: string[];
  source: SourceRef;
  apiVersion?: string; // `v2`, `v2.0`, `v3`: the version segment of the path; operation names are unique within one
  operationName?: string; // the name within its apiVersion when operationId had to be version-qualified (`ListListenersV2`)
}

export interface ErrorCodeModel {
  code: string;
  status: string;
  message: string;
  description: string;
  action: string;
  source: SourceRef;
}

export interface ServiceModel {
  service: string;
  operations: OperationModel[];
  schemas: Map<string, ObjectModel>;
  errorCodes: ErrorCodeModel[];
}
