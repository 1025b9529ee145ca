// Pagination: which operations page (detectPagination, a [given, want] table over operations of the scraped APIG
// spec and small variations of them) and the runtime's paginate() following marker, offset and page-number paging
// against a node:http server on 127.0.0.1 — through the generated client of the real APIG spec, and through the
// runtime's createClient for marker paging (the OpenStack `id` style and `page_info.next_marker`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildServiceModel, type OperationModel } from '../../generator/model.ts';
import { detectPagination } from '../../generator/emit/pagination.ts';
import { createClient, paginate, type OperationSpec, type PageStrategy } from '../../generator/runtime/index.ts';
import { generateFixture, importGenerated, ROOT } from './helpers.ts';
import { startScriptedServer, type ScriptedServer } from '../runtime/server.ts';

const SPEC = join(ROOT, 'spec/apig.openapi.yaml');
const model = buildServiceModel(parse(readFileSync(SPEC, 'utf8')));
const op = (id: string): OperationModel => model.operations.find((o) => o.operationId === id)!;

/** The ACL list operation with its query parameters renamed: the same body, another paging vocabulary. */
function withQuery(base: OperationModel, rename: Record<string, string | null>): OperationModel {
  const parameters = base.parameters.flatMap((p) =>
    p.in !== 'query' || !(p.name in rename) ? [p] : rename[p.name] === null ? [] : [{ ...p, name: rename[p.name]! }],
  );
  return { ...base, parameters };
}

describe('detectPagination', () => {
  const acl = op('ListAclStrategiesV2');
  const cases: [string, OperationModel, ReturnType<typeof detectPagination>][] = [
    [
      'offset + limit, total documented',
      acl,
      { kind: 'offset', items: 'acls', offsetParam: 'offset', limitParam: 'limit', total: 'total' },
    ],
    [
      'page_no + page_size',
      op('ListBackendInstances'),
      {
        kind: 'offset',
        items: 'vpc_instances',
        offsetParam: 'page_no',
        limitParam: 'page_size',
        pageNumbers: true,
        total: 'total',
      },
    ],
    [
      'marker + limit, the items carry an id',
      withQuery(acl, { offset: 'marker' }),
      { kind: 'marker', items: 'acls', markerParam: 'marker', limitParam: 'limit', itemMarker: 'id' },
    ],
    [
      'offset without a size parameter',
      withQuery(acl, { limit: null }),
      { kind: 'offset', items: 'acls', offsetParam: 'offset', total: 'total' },
    ],
    ['no paging parameter', withQuery(acl, { offset: null }), undefined],
    ['not a GET', { ...acl, method: 'POST' }, undefined],
    ['a GET of one object', op('ShowDetailsOfAppV2'), undefined],
  ];
  it.each(cases)('%s', (_name, given, want) => {
    expect(detectPagination(model, given)).toEqual(want);
  });
});

let server: ScriptedServer;
let pkg: Record<string, any>;

beforeAll(async () => {
  server = await startScriptedServer();
  const result = await generateFixture(SPEC, 'paginate-apig');
  pkg = await importGenerated(result.outDir, 'index.ts');
}, 120_000);

afterAll(() => server.close());

/** Answers GETs from `items` by the request's query, the way `strategy` describes the server's paging. */
function serve(items: { id: string }[], style: 'offset' | 'page' | 'marker-id' | 'marker-next', key: string): void {
  server.script((req, res) => {
    const url = new URL(req.url ?? '/', server.baseUrl);
    const q = url.searchParams;
    const size = Number(q.get(style === 'page' ? 'page_size' : 'limit') ?? 2);
    let start = 0;
    if (style === 'offset') start = Number(q.get('offset') ?? 0);
    if (style === 'page') start = (Number(q.get('page_no') ?? 1) - 1) * size;
    if (style.startsWith('marker') && q.get('marker')) start = items.findIndex((i) => i.id === q.get('marker')) + 1;
    const page = items.slice(start, start + size);
    const body: Record<string, unknown> = { [key]: page, total: items.length, size: page.length };
    if (style === 'marker-next')
      body.page_info = {
        next_marker: start + size < items.length ? page.at(-1)!.id : null,
        current_count: page.length,
      };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
}

const five = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, name: `acl-${id}` }));
const client = () =>
  pkg.createApigClient({
    endpoint: server.baseUrl,
    allowInsecureEndpoint: true,
    projectId: 'p1',
    credentials: { type: 'token', token: 't' },
    retries: 0,
  });

describe('generated paginate iterators over HTTP (the scraped APIG spec)', () => {
  it('offset + limit: every item once, pages fetched in order, stops at the documented total', async () => {
    serve(five, 'offset', 'acls');
    const seen: string[] = [];
    for await (const acl of client().v2.paginate.listAclStrategiesV2({
      path: { instance_id: 'i1' },
      query: { limit: 2 },
    }))
      seen.push(acl.id);
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(server.received.map((r) => r.url)).toEqual([
      '/v2/p1/apigw/instances/i1/acls?limit=2',
      '/v2/p1/apigw/instances/i1/acls?limit=2&offset=2',
      '/v2/p1/apigw/instances/i1/acls?limit=2&offset=4',
    ]);
  });

  it('page_no + page_size (v1.0): pages counted from 1', async () => {
    serve(five, 'page', 'vpc_instances');
    const seen: string[] = [];
    for await (const member of client().v1_0.paginate.listBackendInstances({
      path: { id: 'vpc-1' },
      query: { page_size: 3 },
    }))
      seen.push(member.id);
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(server.received.map((r) => new URL(r.url, server.baseUrl).searchParams.get('page_no'))).toEqual(['1', '2']);
  });

  it('breaking out of the loop fetches no further page', async () => {
    serve(five, 'offset', 'acls');
    for await (const acl of client().v2.paginate.listAclStrategiesV2({
      path: { instance_id: 'i1' },
      query: { limit: 2 },
    }))
      if (acl.id === 'a') break;
    expect(server.received).toHaveLength(1);
  });

  it('an error page rejects the iteration with HuaweiCloudApiError', async () => {
    server.script((_req, res) =>
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error_code: 'APIG.3030', error_msg: 'gone' })),
    );
    const iterate = async () => {
      for await (const acl of client().v2.paginate.listAclStrategiesV2({ path: { instance_id: 'i1' } })) void acl;
    };
    await expect(iterate()).rejects.toBeInstanceOf(pkg.HuaweiCloudApiError);
  });
});

describe('runtime paginate() with marker paging over HTTP', () => {
  const spec: OperationSpec = {
    operationId: 'ListLoadBalancers',
    method: 'GET',
    path: '/v3/lbs',
    pathParams: [],
    queryParams: ['marker', 'limit'],
    headerParams: [],
    hasBody: false,
  };
  const run = async (strategy: PageStrategy, limit: number) => {
    const http = createClient(
      { endpoint: server.baseUrl, allowInsecureEndpoint: true, credentials: { type: 'token', token: 't' }, retries: 0 },
      { name: 'ELB', serverTemplate: 'https://elb.{region}.example' },
    );
    const ids: string[] = [];
    for await (const lb of paginate<{ id: string }>(
      async (args) => (await http.request(spec, args)).body,
      { query: { limit } },
      strategy,
    ))
      ids.push(lb.id);
    return { ids, markers: server.received.map((r) => new URL(r.url, server.baseUrl).searchParams.get('marker')) };
  };

  it('page_info.next_marker', async () => {
    serve(five, 'marker-next', 'loadbalancers');
    const result = await run(
      {
        kind: 'marker',
        items: 'loadbalancers',
        markerParam: 'marker',
        limitParam: 'limit',
        nextMarker: ['page_info', 'next_marker'],
      },
      2,
    );
    expect(result).toEqual({ ids: ['a', 'b', 'c', 'd', 'e'], markers: [null, 'b', 'd'] });
  });

  it("the last item's id (OpenStack style); a full last page costs one empty request", async () => {
    serve(five.slice(0, 4), 'marker-id', 'loadbalancers');
    const result = await run(
      { kind: 'marker', items: 'loadbalancers', markerParam: 'marker', limitParam: 'limit', itemMarker: 'id' },
      2,
    );
    expect(result).toEqual({ ids: ['a', 'b', 'c', 'd'], markers: [null, 'b', 'd'] });
  });

  it('a server that repeats its marker ends the iteration instead of looping', async () => {
    server.script((_req, res) =>
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ loadbalancers: [{ id: 'x' }, { id: 'y' }], page_info: { next_marker: 'same' } })),
    );
    const result = await run(
      {
        kind: 'marker',
        items: 'loadbalancers',
        markerParam: 'marker',
        limitParam: 'limit',
        nextMarker: ['page_info', 'next_marker'],
      },
      2,
    );
    expect(result.ids).toEqual(['x', 'y', 'x', 'y']);
    expect(result.markers).toEqual([null, 'same']);
  });
});
