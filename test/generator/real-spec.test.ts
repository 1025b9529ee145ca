// The APIG spec scraped from real manual pages (spec/apig.openapi.yaml, written by `hwdocs scrape`): the generated
// package compiles under tsc --strict (with typed calls written against it), and ten real operations reach a local
// node:http server with the right method, path, query, headers and body; an error maps to the enum code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { compile, generateFixture, importGenerated, ROOT, writeReadmeExample } from './helpers.ts';
import type { GenerateResult } from '../../generator/index.ts';
import { startScriptedServer, type ReceivedRequest, type ScriptedServer } from '../runtime/server.ts';
import { buildServiceModel } from '../../generator/model.ts';

const SPEC = join(ROOT, 'spec/apig.openapi.yaml');
const doc = parse(readFileSync(SPEC, 'utf8'));
const model = buildServiceModel(doc);

/** `v2.deleteRequestThrottlingPolicyV2`: where the generated client puts an operation (its version namespace). */
function callOf(operationId: string): [string, string] {
  const version = model.versions.find((v) => v.operations.some((op) => op.operationId === operationId))!;
  return [version.key, version.operations.find((op) => op.operationId === operationId)!.versionMethodName];
}

let result: GenerateResult;
let pkg: Record<string, any>;
let server: ScriptedServer;
let baseUrl: string;
let seen: ReceivedRequest[];
let reply: { status: number; body?: unknown } = { status: 200 };

/** The operation object, path and method of an operationId in the scraped spec. */
function findOperation(operationId: string): { path: string; method: string; op: any } {
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(item))
      if (op?.operationId === operationId) return { path, method: method.toUpperCase(), op };
  }
  throw new Error(`no operation ${operationId} in ${SPEC}`);
}

/** First documented example of a media object, if any. */
function firstExample(media: any): unknown {
  const examples = media?.examples;
  return examples ? (Object.values<any>(examples)[0] as { value: unknown }).value : undefined;
}

beforeAll(async () => {
  result = await generateFixture(SPEC, 'real-apig');
  pkg = await importGenerated(result.outDir, 'index.ts');
  server = await startScriptedServer();
  server.script((_req, res) => {
    res.writeHead(reply.status, { 'content-type': 'application/json', 'x-request-id': 'rid-real' });
    res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
  });
  ({ baseUrl, received: seen } = server);
}, 120_000);

afterAll(() => server.close());

const client = () =>
  pkg.createApigClient({
    region: 'cn-north-4',
    endpoint: baseUrl,
    allowInsecureEndpoint: true,
    projectId: 'proj-9',
    credentials: { type: 'token', token: 'iam-token' },
    retries: 0,
  });

describe('generated client of the scraped APIG spec', () => {
  it('compiles under tsc --strict together with typed calls of real operations', async () => {
    await writeFile(
      join(result.outDir, 'usage-check.ts'),
      [
        "import { createApigClient, ApigErrorCode, HuaweiCloudApiError, isKnownErrorCode, type DeleteRequestThrottlingPolicyV2Error, type DeleteRequestThrottlingPolicyV2ErrorCode } from './index.js';",
        "const client = createApigClient({ region: 'cn-north-4', projectId: 'p', credentials: { type: 'token', token: 't' } });",
        'export async function usage(): Promise<void> {',
        `  await client.${callOf('DeleteRequestThrottlingPolicyV2').join('.')}({ path: { instance_id: 'i', throttle_id: 't' } });`,
        `  const acls = await client.${callOf('ListAclStrategiesV2').join('.')}({ path: { instance_id: 'i' }, query: { limit: 10 } });`,
        '  void acls;',
        `  const app = await client.${callOf('ShowDetailsOfAppV2').join('.')}WithResponse({ path: { instance_id: 'i', app_id: 'a' } });`,
        '  void app.status;',
        `  for await (const acl of client.${callOf('ListAclStrategiesV2')[0]}.paginate.${callOf('ListAclStrategiesV2')[1]}({ path: { instance_id: 'i' }, query: { limit: 100 } })) void acl.id;`,
        '}',
        'export function label(code: DeleteRequestThrottlingPolicyV2ErrorCode): string {',
        '  switch (code) {',
        ...(findOperation('DeleteRequestThrottlingPolicyV2').op['x-error-codes'] as string[]).map(
          (c) => `    case ApigErrorCode.${c.replace('.', '_')}: return ${JSON.stringify(c)};`,
        ),
        "    default: return 'other';",
        '  }',
        '}',
        '/** A `switch` over the codes of the failed operation: `errorCode` offers exactly them (and any other string). */',
        'export function explain(error: DeleteRequestThrottlingPolicyV2Error): string {',
        '  switch (error.errorCode) {',
        "    case 'APIG.3005': return 'gone';",
        "    default: return 'other';",
        '  }',
        '}',
        'export function known(error: unknown): string | undefined {',
        '  if (error instanceof HuaweiCloudApiError && isKnownErrorCode(error.errorCode)) return errorCatalogStatus(error.errorCode);',
        '  return undefined;',
        '}',
        'function errorCatalogStatus(code: ApigErrorCode): string { return code; }',
        '// @ts-expect-error a code the operation does not document is no member of its union',
        "export const wrong: DeleteRequestThrottlingPolicyV2ErrorCode = 'APIG.0000';",
        '// @ts-expect-error instance_id is required',
        `void client.${callOf('DeleteRequestThrottlingPolicyV2').join('.')}({ path: { throttle_id: 't' } });`,
        '// @ts-expect-error a service with several API versions has no flat methods',
        "void client.deleteRequestThrottlingPolicyV2({ path: { instance_id: 'i', throttle_id: 't' } });",
      ].join('\n'),
    );
    await writeReadmeExample(result.outDir);
    const { status, output } = compile(result.outDir);
    expect(output).toBe('');
    expect(status).toBe(0);
  }, 120_000);

  const cases: {
    operationId: string;
    path: Record<string, string>;
    query?: Record<string, unknown>;
    status: number;
  }[] = [
    { operationId: 'CreateApiGroupV2', path: { instance_id: 'inst-1' }, status: 201 },
    {
      operationId: 'ListAclStrategiesV2',
      path: { instance_id: 'inst-1' },
      query: { offset: 0, limit: 20, name: 'acl 1' },
      status: 200,
    },
    { operationId: 'UpdateApiV2', path: { instance_id: 'inst-1', api_id: 'api-7' }, status: 200 },
    { operationId: 'ShowDetailsOfAppV2', path: { instance_id: 'inst-1', app_id: 'app-3' }, status: 200 },
    {
      operationId: 'DeleteRequestThrottlingPolicyV2',
      path: { instance_id: 'inst-1', throttle_id: 'th-1' },
      status: 204,
    },
    { operationId: 'CreateRequestThrottlingPolicyV2', path: { instance_id: 'inst-1' }, status: 201 },
    {
      operationId: 'BatchPublishOrOfflineApiV2',
      path: { instance_id: 'inst-1' },
      query: { action: 'online' },
      status: 200,
    },
    { operationId: 'ListBackendInstances', path: { id: 'vpc-5' }, query: { page_size: 5, page_no: 2 }, status: 200 },
    { operationId: 'ShowDetailsOfVpcChannelV2', path: { instance_id: 'inst-1', vpc_channel_id: 'vpc-5' }, status: 200 },
    { operationId: 'CreateEnvironmentV2', path: { instance_id: 'inst-1' }, status: 201 },
  ];

  it.each(cases)('$operationId goes out as documented', async ({ operationId, path, query, status }) => {
    const { path: template, method, op } = findOperation(operationId);
    const [version, methodName] = callOf(operationId);
    const body = firstExample(op.requestBody?.content?.['application/json']);
    reply = {
      status,
      body:
        status === 204
          ? undefined
          : (firstExample(op.responses?.[String(status)]?.content?.['application/json']) ?? {}),
    };
    const response = await client()[version][`${methodName}WithResponse`]({
      path,
      ...(query ? { query } : {}),
      ...(body !== undefined ? { body } : {}),
    });
    const wire = seen[seen.length - 1];
    expect(wire.method).toBe(method);
    const expectedPath = template.replace(/\{([^}]+)\}/g, (_m: string, name: string) =>
      name === 'project_id' ? 'proj-9' : path[name],
    );
    const url = new URL(wire.url, baseUrl);
    expect(url.pathname).toBe(expectedPath);
    expect(Object.fromEntries(url.searchParams)).toEqual(
      Object.fromEntries(Object.entries(query ?? {}).map(([k, v]) => [k, String(v)])),
    );
    expect(wire.headers['x-auth-token']).toBe('iam-token');
    if (body !== undefined) expect(JSON.parse(wire.body)).toEqual(body);
    else expect(wire.body).toBe('');
    expect(response.status).toBe(status);
    expect(response.requestId).toBe('rid-real');
    expect(response.body).toEqual(reply.body);
  });

  it('a documented error code arrives as the enum member', async () => {
    reply = {
      status: 404,
      body: { error_code: 'APIG.3005', error_msg: 'The request throttling policy does not exist' },
    };
    const [version, methodName] = callOf('DeleteRequestThrottlingPolicyV2');
    const error = await client()
      [version][methodName]({ path: { instance_id: 'inst-1', throttle_id: 'gone' } })
      .catch((err: unknown) => err);
    expect(error).toBeInstanceOf(pkg.HuaweiCloudApiError);
    expect(error.errorCode).toBe(pkg.ApigErrorCode.APIG_3005);
    expect(pkg.isKnownErrorCode(error.errorCode)).toBe(true);
    expect(pkg.errorCatalog[pkg.ApigErrorCode.APIG_3005].status).toBe('404');
  });
});
