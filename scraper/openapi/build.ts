// ServiceModel → OpenAPI 3.1 document (ARCHITECTURE.md, "Spec conventions"). Plain objects, keys in a fixed
// order where a reader expects one and sorted where order carries no meaning, so output is byte-stable.

import type { Constraints, ExampleModel, FieldModel, ObjectModel, OperationModel, ServiceModel, TypeRef } from '../model.ts';
import { literalSegments, sortBy } from '../interpret/names.ts';

export type Schema = Record<string, unknown>;
export type OpenApiDocument = Record<string, unknown> & { paths: Record<string, Record<string, Schema>>; components: { schemas: Record<string, Schema> } };

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
      return { type: 'object' };
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
    case 'oneOf': // one route, one body per page (`…/action`): each variant names its page
      return { oneOf: type.variants.map((v) => ({ ...typeSchema(v.type), 'x-source': v.source })) };
  }
}

const CONSTRAINT_KEYS: (keyof Constraints)[] = ['enum', 'default', 'minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'pattern'];

function withConstraints(schema: Schema, constraints: Constraints | undefined): Schema {
  if (!constraints) return schema;
  for (const key of CONSTRAINT_KEYS) if (constraints[key] !== undefined) schema[key] = constraints[key];
  return schema;
}

export function fieldSchema(field: FieldModel): Schema {
  const schema = typeSchema(field.type);
  if (field.itemConstraints && schema.items) schema.items = withConstraints({ ...(schema.items as Schema) }, field.itemConstraints);
  const described: Schema = field.description ? { ...schema, description: field.description } : schema;
  return withConstraints(described, field.constraints);
}

function objectSchema(obj: ObjectModel): Schema {
  const properties: Record<string, Schema> = {};
  for (const field of obj.fields) properties[field.name] = fieldSchema(field);
  const required = obj.fields.filter((f) => f.required).map((f) => f.name);
  return {
    type: 'object',
    properties,
    ...(required.length ? { required } : {}),
    'x-source': obj.source,
  };
}

function examplesMap(examples: ExampleModel[]): Record<string, Schema> | undefined {
  if (!examples.length) return undefined;
  const out: Record<string, Schema> = {};
  examples.forEach((ex, i) => {
    out[`example${i + 1}`] = {
      ...(ex.summary ? { summary: ex.summary } : {}),
      ...(ex.value === undefined ? { description: 'Not valid JSON in the documentation; kept as written.' } : {}),
      value: ex.value === undefined ? ex.text : ex.value,
    };
  });
  return out;
}

function content(mediaType: string, body: TypeRef | undefined, examples: ExampleModel[]): Schema | undefined {
  const ex = examplesMap(examples);
  if (!body && !ex) return undefined;
  return { [mediaType]: { ...(body ? { schema: typeSchema(body) } : {}), ...(ex ? { examples: ex } : {}) } };
}

function operationObject(op: OperationModel): Schema {
  const parameters = op.parameters.map((p) => ({
    name: p.name,
    in: p.in,
    required: p.in === 'path' ? true : p.required,
    ...(p.description ? { description: p.description } : {}),
    schema: fieldSchema({ ...p, description: '' }),
  }));
  const responses: Record<string, Schema> = {};
  for (const r of op.responses) {
    const c = content('application/json', r.body, r.examples);
    responses[r.status] = { description: r.description || 'Response', ...(c ? { content: c } : {}) };
  }
  const requestBody = op.requestBody
    ? { required: op.requestBody.required, content: content(op.requestBody.mediaType, op.requestBody.type, op.requestBody.examples) }
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

export function buildDocument(model: ServiceModel, options: { title?: string; version?: string } = {}): OpenApiDocument {
  const paths = new Map<string, Record<string, Schema>>();
  for (const op of model.operations) {
    if (!op.tags.length) op.tags = [resourceTag(op.path)];
    const item = paths.get(op.path) ?? {};
    item[op.method.toLowerCase()] = operationObject(op);
    paths.set(op.path, item);
  }
  const orderedPaths = sortedObject(
    [...paths].map(([path, item]) => [path, Object.fromEntries(METHOD_ORDER.filter((m) => item[m]).map((m) => [m, item[m]!]))]),
  );
  const tags = [...new Set(model.operations.flatMap((op) => op.tags))].sort().map((name) => ({ name }));
  const schemas = sortedObject([...model.schemas.values()].map((obj) => [schemaName(obj.name), objectSchema(obj)]));
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
        variables: { region: { default: 'cn-north-4', description: 'Huawei Cloud region, e.g. cn-north-4, ap-southeast-1' } },
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
          description: 'AK/SK request signing: `Authorization: SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…` with `X-Sdk-Date`.',
        },
        iamToken: { type: 'apiKey', in: 'header', name: 'X-Auth-Token', description: 'IAM user token (X-Subject-Token of the IAM token API).' },
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
