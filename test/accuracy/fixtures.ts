// Small inline documents for the harness's unit tests: one API Explorer file and the OpenAPI spec a perfect
// scraper would write for the same operation.

import type { ExplorerFile } from './sides.ts';

/** The throttle request's properties, shared by both sides; only the order of `time_unit`'s enum differs. */
function throttleReqProperties(timeUnits: string[]) {
  return {
    name: { type: 'string', minLength: 3, maxLength: 64 },
    api_call_limits: { type: 'integer', format: 'int32', minimum: 1, maximum: 2147483647 },
    time_unit: { type: 'string', enum: timeUnits },
    tags: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 128 } },
  };
}

export function throttleDefinition(): ExplorerFile {
  return {
    base_path: '/v2',
    name: 'UpdateRequestThrottlingPolicyV2',
    parameters: {
      token: { in: 'header', name: 'X-Auth-Token', required: true, type: 'string' },
      project: { in: 'path', name: 'project_id', required: true, type: 'string' },
    },
    paths: {
      '/{project_id}/apigw/throttles/{throttle_id}': {
        put: {
          operationId: 'UpdateRequestThrottlingPolicyV2',
          parameters: [
            { $ref: '#/parameters/token' },
            { $ref: '#/parameters/project' },
            { in: 'path', name: 'throttle_id', required: true, type: 'string' },
            { in: 'body', name: 'body', schema: { $ref: '#/definitions/ThrottleReq' } },
          ],
          responses: {
            '200': { description: 'OK', schema: { $ref: '#/definitions/ThrottleResp' } },
            '400': { description: 'Bad', schema: { $ref: '#/definitions/ErrorMsg' } },
          },
        },
      },
    },
    definitions: {
      ThrottleReq: { properties: throttleReqProperties(['SECOND', 'MINUTE']), required: ['name', 'api_call_limits'] },
      ThrottleResp: {
        allOf: [
          { $ref: '#/definitions/ThrottleReq' },
          { properties: { id: { type: 'string' }, rules: { type: 'array', items: { $ref: '#/definitions/Rule' } } } },
        ],
      },
      Rule: { properties: { key: { type: 'string' }, value: { type: 'integer', default: 5 } }, required: ['key'] },
      ErrorMsg: { properties: { error_code: { type: 'string' }, error_msg: { type: 'string' } } },
    },
  };
}

export function throttleSpec(): Record<string, unknown> {
  // Same properties as the definition, written the way the scraper writes them: enum and required sorted.
  const req = {
    type: 'object',
    properties: throttleReqProperties(['MINUTE', 'SECOND']),
    required: ['api_call_limits', 'name'],
  };
  return {
    openapi: '3.1.0',
    paths: {
      '/v2/{project_id}/apigw/throttles/{throttle_id}/': {
        put: {
          operationId: 'UpdateRequestThrottlingPolicyV2',
          'x-source': { file: 'zh-md/apig/修改流控策略.md' },
          parameters: [
            { in: 'header', name: 'x-auth-token', schema: { type: 'string' } },
            { in: 'path', name: 'project_id', schema: { type: 'string' } },
            { in: 'path', name: 'throttle_id', schema: { type: 'string' } },
          ],
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/ThrottleReq' } } } },
          responses: {
            '200': {
              description: 'OK',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/ThrottleResp' } } },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        ThrottleReq: req,
        ThrottleResp: {
          type: 'object',
          properties: {
            ...req.properties,
            id: { type: 'string' },
            rules: { type: 'array', items: { $ref: '#/components/schemas/Rule' } },
          },
          required: ['api_call_limits', 'name'],
        },
        Rule: {
          type: 'object',
          properties: { key: { type: 'string' }, value: { type: 'integer', default: 5 } },
          required: ['key'],
        },
      },
    },
  };
}
