// Tiny OpenAPI builders for diff tests: each test states only the part of a spec it is about.
import type { OpenApiDoc } from '../../diff/types.ts';

export type Schema = Record<string, unknown>;

export const str: Schema = { type: 'string' };
export const int: Schema = { type: 'integer', format: 'int32' };
export const obj = (properties: Record<string, Schema>, required: string[] = []): Schema => ({
  type: 'object',
  properties,
  required,
});

export function spec(paths: Record<string, unknown>, extra: Record<string, unknown> = {}): OpenApiDoc {
  return { openapi: '3.1.0', info: { title: 'T API', version: '1' }, paths, ...extra };
}

export const projectId = { name: 'project_id', in: 'path', required: true, schema: str };

/** POST /v1/{project_id}/things with the given JSON request body schema. */
export function withRequest(schema: Schema, extra: Record<string, unknown> = {}): OpenApiDoc {
  return spec(
    {
      '/v1/{project_id}/things': {
        post: {
          operationId: 'CreateThing',
          parameters: [projectId],
          requestBody: { required: true, content: { 'application/json': { schema } } },
          responses: { '201': { description: 'created' } },
        },
      },
    },
    extra,
  );
}

/** GET /v1/{project_id}/things with the given JSON 200 response schema. */
export function withResponse(
  schema: Schema,
  extra: Record<string, unknown> = {},
  operationExtra: Record<string, unknown> = {},
): OpenApiDoc {
  return spec(
    {
      '/v1/{project_id}/things': {
        get: {
          operationId: 'ListThings',
          parameters: [projectId],
          responses: { '200': { description: 'ok', content: { 'application/json': { schema } } } },
          ...operationExtra,
        },
      },
    },
    extra,
  );
}

/** GET /v1/{project_id}/things with an operation patched by `patch`. */
export function withOperation(patch: Record<string, unknown>, path = '/v1/{project_id}/things'): OpenApiDoc {
  return spec({
    [path]: {
      get: {
        operationId: 'ListThings',
        parameters: [projectId],
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: obj({ id: str }) } } } },
        ...patch,
      },
    },
  });
}
