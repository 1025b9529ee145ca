// ServiceModel → OpenAPI 3.1 document (ARCHITECTURE.md, "Spec conventions"). Plain objects, keys in a fixed
// order where a reader expects one and sorted where order carries no meaning, so output is byte-stable.

import type {
  Constraints,
  ExampleModel,
  FieldModel,
  ObjectModel,
  OperationModel,
  ServiceModel,
  TypeRef,
} from '../model.ts';
import { literalSegments, sortBy } from '../interpret/names.ts';
import {
  isTransportHeader,
  nullable,
  nullKey,
  nullsShownByExamples,
  queryArrayItems,
  typedEnum,
} from './docs-types.ts';

export type Schema = Record<string, unknown>;
export type OpenApiDocument = Record<string, unknown> & {
  paths: Record<string, Record<string, Schema>>;
  components: { schemas: Record<string, Schema> };
};

/** Schema names must match `[A-Za-z0-9_.-]+` (OpenAPI components key rule). */
export function schemaName(name: string): string {
  const clean = name.replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^_+|_+$/g, '');
  return clean || 'Schema';
}

export function typeSchema(type: TypeRef): Schema {
  switch (type.kind) {
    case 'primitive':
      return type.format ? { type: type.type, format: type.format } : { type: type.type };
    case 'object':
      // A free-form object: any members (a bare `type: object` reads as "no members" to TS generators).
      return { type: 'object', additionalProperties: true };
    case 'any':
      return {};
    case 'array':
      return { type: 'array', items: typeSchema(type.items) };
    case 'map':
      return { type: 'object', additionalProperties: typeSchema(type.values) };
    case 'ref':
      return { $ref: `#/components/schemas/${schemaName(type.name)}` };
    case 'unknown':
      return { 'x-doc-type': type.text };
    case 'oneOf':
      // One route, one body per page (`…/action`): each variant names its page. Written as `anyOf`, not `oneOf`:
      // the documented shapes overlap (optional fields, open objects, no discriminator), so a documented example
      // often fits two of them, and `oneOf` would make the validators reject the docs' own requests.
      return { anyOf: type.variants.map((v) => ({ ...typeSchema(v.type), 'x-source': v.source })) };
  }
}

const CONSTRAINT_KEYS: (keyof Constraints)[] = [
  'enum',
  'default',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'pattern',
];

function withConstraints(schema: Schema, constraints: Constraints | undefined): Schema {
  if (!constraints) return schema;
  for (const key of CONSTRAINT_KEYS) if (constraints[key] !== undefined) schema[key] = constraints[key];
  return schema;
}

export function fieldSchema(field: FieldModel): Schema {
  const schema = typeSchema(field.type);
  if (field.itemConstraints && schema.items)
    schema.items = typedEnum(withConstraints({ ...(schema.items as Schema) }, field.itemConstraints));
  const described: Schema = field.description ? { ...schema, description: field.description } : schema;
  if (field.docLink) described['x-doc-link'] = field.docLink;
  return typedEnum(withConstraints(described, field.constraints));
}

/** A field's schema, accepting null where the page's examples show null (for the value or for array items). */
function documentedFieldSchema(obj: ObjectModel, field: FieldModel, nulls: Set<string>): Schema {
  const schema = fieldSchema(field);
  if (nulls.has(nullKey(obj.name, field.name, 'items')) && schema.items)
    schema.items = nullable(schema.items as Schema);
  return nulls.has(nullKey(obj.name, field.name)) ? nullable(schema) : schema;
}

function objectSchema(obj: ObjectModel, nulls: Set<string>): Schema {
  // fromEntries defines own keys: a field named `__proto__` stays a property instead of replacing the prototype.
  const properties: Record<string, Schema> = Object.fromEntries(
    obj.fields.map((field) => [field.name, documentedFieldSchema(obj, field, nulls)]),
  );
  const required = obj.fields.filter((f) => f.required).map((f) => f.name);
  return {
    type: 'object',
    properties,
    ...(required.length ? { required } : {}),
    ...(obj.inferred ? { 'x-inferred': obj.inferred } : {}),
    ...(obj.fields.length ? {} : { additionalProperties: true }), // no documented members: open, not empty
    'x-source': obj.source,
  };
}

/** What an example the documentation wrote as broken JSON says about itself (its `value` is then the text). */
export const UNPARSED_EXAMPLE_NOTE = 'Not valid JSON in the documentation; kept as written.';

function examplesMap(examples: ExampleModel[]): Record<string, Schema> | undefined {
  if (!examples.length) return undefined;
  const out: Record<string, Schema> = {};
  examples.forEach((ex, i) => {
    out[`example${i + 1}`] = {
      ...(ex.summary ? { summary: ex.summary } : {}),
      ...(ex.value === undefined ? { description: UNPARSED_EXAMPLE_NOTE } : {}),
      value: ex.value === undefined ? ex.text : ex.value,
    };
  });
  return out;
}

function content(
  mediaType: string,
  body: TypeRef | undefined,
  examples: ExampleModel[],
  inferred?: string,
): Schema | undefined {
  const ex = examplesMap(examples);
  if (!body && !ex) return undefined;
  const schema = body ? typeSchema(body) : undefined;
  // A referenced schema carries its own x-inferred; an inline one (a list, a scalar) is marked here.
  if (schema && inferred && !schema.$ref) schema['x-inferred'] = inferred;
  return { [mediaType]: { ...(schema ? { schema } : {}), ...(ex ? { examples: ex } : {}) } };
}

/** Response headers (`响应Header参数` tables) → the response's `headers` map, sorted by name. */
function headersObject(headers: FieldModel[] | undefined): Schema | undefined {
  if (!headers?.length) return undefined;
  return sortedObject(
    headers.map((h) => [
      h.name,
      { ...(h.description ? { description: h.description } : {}), schema: fieldSchema({ ...h, description: '' }) },
    ]),
  );
}

function operationObject(op: OperationModel): Schema {
  // Credentials and transport headers are the runtime's business (issue 9 §5): named in x-transport-headers only.
  const transport = op.parameters.filter((p) => isTransportHeader(p.in, p.name)).map((p) => p.name);
  const parameters = op.parameters
    .filter((p) => !isTransportHeader(p.in, p.name))
    .map((p) => {
      const schema = fieldSchema({ ...p, description: '' });
      return {
        name: p.name,
        in: p.in,
        required: p.in === 'path' ? true : p.required,
        ...(p.description ? { description: p.description } : {}),
        schema: p.in === 'query' ? queryArrayItems(schema) : schema,
      };
    });
  const responses: Record<string, Schema> = {};
  for (const r of op.responses) {
    const c = content('application/json', r.body, r.examples, r.inferred);
    const headers = headersObject(r.headers);
    responses[r.status] = {
      description: r.description || 'Response',
      ...(headers ? { headers } : {}),
      ...(c ? { content: c } : {}),
    };
  }
  const requestBody = op.requestBody
    ? {
        required: op.requestBody.required,
        content: content(
          op.requestBody.mediaType,
          op.requestBody.type,
          op.requestBody.examples,
          op.requestBody.inferred,
        ),
      }
    : undefined;
  return {
    operationId: op.operationId,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(op.tags.length ? { tags: op.tags } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses,
    ...(op.errorCodes.length ? { 'x-error-codes': op.errorCodes } : {}),
    ...(transport.length ? { 'x-transport-headers': transport } : {}),
    'x-source': op.source,
    ...(op.apiVersion ? { 'x-api-version': op.apiVersion } : {}),
    ...(op.operationName ? { 'x-operation-name': op.operationName } : {}),
  };
}

const METHOD_ORDER = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];

function sortedObject<T>(entries: [string, T][]): Record<string, T> {
  return Object.fromEntries(sortBy(entries, ([key]) => key));
}

/** The resource an operation acts on: the last literal path segment (`…/throttles/{id}` → `throttles`). */
export function resourceTag(path: string): string {
  return literalSegments(path).at(-1) ?? 'default';
}

export function buildDocument(
  model: ServiceModel,
  options: { title?: string; version?: string } = {},
): OpenApiDocument {
  const paths = new Map<string, Record<string, Schema>>();
  for (const op of model.operations) {
    if (!op.tags.length) op.tags = [resourceTag(op.path)];
    const item = paths.get(op.path) ?? {};
    item[op.method.toLowerCase()] = operationObject(op);
    paths.set(op.path, item);
  }
  const orderedPaths = sortedObject(
    [...paths].map(([path, item]) => [
      path,
      Object.fromEntries(METHOD_ORDER.filter((m) => item[m]).map((m) => [m, item[m]!])),
    ]),
  );
  const tags = [...new Set(model.operations.flatMap((op) => op.tags))].sort().map((name) => ({ name }));
  const nulls = nullsShownByExamples(model);
  const schemas = sortedObject(
    [...model.schemas.values()].map((obj) => [schemaName(obj.name), objectSchema(obj, nulls)]),
  );
  const service = model.service.toLowerCase();
  return {
    openapi: '3.1.0',
    info: {
      title: options.title ?? `${model.service.toUpperCase()} API`,
      version: options.version ?? '1.0.0',
      description: `${model.service.toUpperCase()} API as documented in the Huawei Cloud API reference, scraped by hwdocs.`,
      license: { name: 'Huawei Cloud documentation license (see the source pages named in x-source)' },
    },
    servers: [
      {
        url: `https://${service}.{region}.myhuaweicloud.com`,
        description: 'Regional endpoint',
        variables: {
          region: { default: 'cn-north-4', description: 'Huawei Cloud region, e.g. cn-north-4, ap-southeast-1' },
        },
      },
    ],
    security: [{ iamToken: [] }, { akskSigning: [] }],
    tags,
    paths: orderedPaths,
    components: {
      schemas,
      securitySchemes: {
        akskSigning: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description:
            'AK/SK request signing: `Authorization: SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…` with `X-Sdk-Date`.',
        },
        iamToken: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Auth-Token',
          description: 'IAM user token (X-Subject-Token of the IAM token API).',
        },
      },
    },
    'x-error-codes': model.errorCodes.map((e) => ({
      code: e.code,
      status: e.status,
      message: e.message,
      description: e.description,
      action: e.action,
      'x-source': e.source,
    })),
  } as OpenApiDocument;
}
