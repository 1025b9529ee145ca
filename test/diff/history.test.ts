// The real proof: 104 APIG pages as they stood on 2020-04-02 against the same pages on 2021-09-24, both scraped
// with the project's scraper and diffed. Every pinned change below was checked by reading both page versions
// (the page and its table rows are quoted next to each). The noise checks make sure the page-generation switch
// (hand-written 2020 pages → API-Explorer-style 2021 pages, v1.0 → v2 paths) does not bury those changes.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffDocuments } from '../../diff/engine.ts';
import type { DiffReport, Hit, OpenApiDoc } from '../../diff/types.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CORPUS = resolve(ROOT, '../shared/corpus');
const OLD_DIR = join(CORPUS, 'history/apig-2020-04-02');
const NEW_DIR = join(CORPUS, 'zh-md/apig');
const haveCorpus = existsSync(OLD_DIR) && existsSync(NEW_DIR);
const haveScraper = existsSync(join(ROOT, 'scraper/index.ts'));
if (!haveCorpus) console.warn(`history.test: skipped, shared corpus not found at ${CORPUS}`);
if (!haveScraper) console.warn('history.test: skipped, scraper/index.ts has not landed');

const V2 = '/v2/{project_id}/apigw/instances/{instance_id}';

describe.skipIf(!haveCorpus || !haveScraper)('APIG doc update 2020-04-02 → 2021-09-24', () => {
  let report: DiffReport;
  const hitsOf = (operation: string) => report.hits.filter((h) => h.operation === operation);
  const find = (operation: string, id: string, location: string): Hit | undefined =>
    hitsOf(operation).find((h) => h.id === id && h.location === location);

  beforeAll(async () => {
    const { scrapeInputs } = await import('../../scraper/index.ts');
    // Same file names on both sides, named relative to their own folder, so x-source.file identifies the page.
    const pages = readdirSync(OLD_DIR)
      .filter((f) => f.endsWith('.md'))
      .sort();
    const scrape = async (dir: string) =>
      (
        await scrapeInputs(
          pages.map((p) => join(dir, p)),
          { service: 'apig', root: dir },
        )
      ).document as unknown as OpenApiDoc;
    report = diffDocuments(await scrape(OLD_DIR), await scrape(NEW_DIR));
  }, 180_000);

  // [page, operation (new path), rule, location, message fragment, level]
  const pinned: [string, string, string, string, string, string][] = [
    // 修改ACL策略: URI table "PUT /v1.0/apigw/acls/{id}" → "PUT /v2/{project_id}/apigw/instances/{instance_id}/acls/{acl_id}"
    [
      '修改ACL策略',
      `PUT ${V2}/acls/{acl_id}`,
      'operation-path-changed',
      '',
      'from /v1.0/apigw/acls/{id} to',
      'breaking',
    ],
    [
      '修改ACL策略',
      `PUT ${V2}/acls/{acl_id}`,
      'path-parameter-renamed',
      'parameter path.acl_id',
      "from 'id' to 'acl_id'",
      'warning',
    ],
    // response row "update_time | Timestamp | 更新时间" → "update_time | String | 更新时间"
    [
      '修改ACL策略',
      `PUT ${V2}/acls/{acl_id}`,
      'response-format-changed',
      'response[200].body.update_time',
      'date-time to none',
      'warning',
    ],
    // status table 200/400/403/404 → 200/400/401/403/404/500
    ['修改ACL策略', `PUT ${V2}/acls/{acl_id}`, 'response-status-added', 'response[401]', '401 added', 'info'],
    // 查询API列表: response row "bakend_type | String | 后端类型" (a typo) → "backend_type | String | 后端类型 …"
    [
      '查询API列表',
      `GET ${V2}/apis`,
      'response-property-removed',
      'response[200].body.apis[].bakend_type',
      "'bakend_type' removed",
      'breaking',
    ],
    [
      '查询API列表',
      `GET ${V2}/apis`,
      'response-property-added',
      'response[200].body.apis[].backend_type',
      "'backend_type' added",
      'info',
    ],
    // query "page_size | 否 | Integer | 每页显示的条数，默认值：20" → "limit | 否 | Integer | 每页显示的条目数量 最小值： 1 最大值： 500 缺省值： 20"
    [
      '查询API列表',
      `GET ${V2}/apis`,
      'request-parameter-removed',
      'parameter query.page_size',
      "'page_size' removed",
      'warning',
    ],
    [
      '查询API列表',
      `GET ${V2}/apis`,
      'request-optional-parameter-added',
      'parameter query.limit',
      "'limit' added",
      'info',
    ],
    // "total | Integer | 符合条件的API总数" → "total | Long | 满足条件的记录数"
    [
      '查询API列表',
      `GET ${V2}/apis`,
      'response-format-changed',
      'response[200].body.total',
      'int32 to int64',
      'warning',
    ],
    // 查看API已绑定的APP列表: query "api_id | 是 | String | API编号" → "api_id | 否 | String | API编号" (a loosened requirement)
    [
      '查看API已绑定的APP列表',
      `GET ${V2}/app-auths/binded-apps`,
      'request-parameter-became-optional',
      'parameter query.api_id',
      'became optional',
      'info',
    ],
    // 批量发布或下线API: "action | 否 | String | online：发布 offline：下线" → "action | 是 | …"
    [
      '批量发布或下线API',
      `POST ${V2}/apis/publish`,
      'request-parameter-became-required',
      'parameter query.action',
      'became required',
      'breaking',
    ],
    // body "env_id | 是 | String | 环境ID" → "env_id | 否 | String | 环境ID" (a loosened requirement)
    [
      '批量发布或下线API',
      `POST ${V2}/apis/publish`,
      'request-property-became-optional',
      'request.body.env_id',
      'became optional',
      'info',
    ],
    // status table "201 | Created" → "200 | OK"
    [
      '批量发布或下线API',
      `POST ${V2}/apis/publish`,
      'response-success-status-removed',
      'response[201]',
      '201 removed',
      'breaking',
    ],
    ['批量发布或下线API', `POST ${V2}/apis/publish`, 'response-status-added', 'response[200]', '200 added', 'info'],
    // 创建VPC通道: health check "time_out | 是 | Integer | 超时时间…" → "timeout | 是 | Integer | 超时时间…"
    [
      '创建VPC通道',
      `POST ${V2}/vpc-channels`,
      'request-property-removed',
      'request.body.vpc_health_config.time_out',
      "'time_out' removed",
      'warning',
    ],
    [
      '创建VPC通道',
      `POST ${V2}/vpc-channels`,
      'request-required-property-added',
      'request.body.vpc_health_config.timeout',
      "required property 'timeout'",
      'breaking',
    ],
    // "vpc_instances | 是 | 字典数据类型 | 后端实例列表…" → "members | 是 | Array of MemberInfo objects | VPC后端实例列表…"
    [
      '创建VPC通道',
      `POST ${V2}/vpc-channels`,
      'request-required-property-added',
      'request.body.members',
      "required property 'members'",
      'breaking',
    ],
    [
      '创建VPC通道',
      `POST ${V2}/vpc-channels`,
      'request-property-removed',
      'request.body.vpc_instances',
      "'vpc_instances' removed",
      'warning',
    ],
  ];

  it.each(pinned)('%s: %s %s at %s', (_page, operation, id, location, says, level) => {
    const hit = find(operation, id, location);
    expect(
      hit,
      `hits of ${operation}:\n${hitsOf(operation)
        .map((h) => `${h.id} @ ${h.location}`)
        .join('\n')}`,
    ).toBeDefined();
    expect(hit!.message).toContain(says);
    expect(hit!.level).toBe(level);
  });

  it('the doc page of every pinned operation is reported', () => {
    for (const [page, operation] of pinned) expect(report.sources[operation]).toBe(`${page}.md`);
  });

  it('a page that moved to the v2 path is one operation with a changed path, not one removed and one added', () => {
    // 83 pages document the same resource under a new path; the two below were repurposed and really are
    // another operation: 解除绑定 "DELETE /v1.0/apigw/throttle-bindings/{id}" → "DELETE …/sign-bindings/{sign_bindings_id}",
    // 查询分组详情 "GET /v1.0/apigw/purchases/groups/{purchase_id}" → "GET …/api-groups/{group_id}".
    const ops = (id: string) =>
      report.hits
        .filter((h) => h.id === id)
        .map((h) => h.operation)
        .sort();
    expect(ops('operation-removed')).toEqual([
      'DELETE /v1.0/apigw/throttle-bindings/{id}',
      'GET /v1.0/apigw/purchases/groups/{purchase_id}',
    ]);
    expect(ops('operation-added')).toEqual([
      `DELETE ${V2}/sign-bindings/{sign_bindings_id}`,
      `GET ${V2}/api-groups/{group_id}`,
    ]);
    expect(ops('operation-path-changed').length).toBeGreaterThanOrEqual(80);
  });

  it('a renamed path placeholder is never also reported as a removed path parameter', () => {
    const renamedIn = new Set(report.hits.filter((h) => h.id === 'path-parameter-renamed').map((h) => h.operation));
    expect(renamedIn.size).toBeGreaterThan(30);
    const removedPathParams = report.hits.filter(
      (h) =>
        renamedIn.has(h.operation) && h.id === 'request-parameter-removed' && h.location.startsWith('parameter path.'),
    );
    expect(removedPathParams).toEqual([]);
  });

  it('the token header the 2021 pages list as a parameter is the auth scheme, not a new required parameter', () => {
    expect(report.hits.filter((h) => /x-auth-token/i.test(h.location))).toEqual([]);
  });

  it('error codes and error bodies documented for the first time are one finding per operation, not one per code or status', () => {
    const perOperation = (id: string) => {
      const counts = new Map<string, number>();
      for (const h of report.hits.filter((x) => x.id === id))
        counts.set(h.operation, (counts.get(h.operation) ?? 0) + 1);
      return [...counts.values()];
    };
    expect(perOperation('response-error-codes-documented').length).toBeGreaterThan(50);
    expect(Math.max(...perOperation('response-error-codes-documented'))).toBe(1);
    expect(Math.max(...perOperation('response-error-bodies-added'))).toBe(1);
    const documented = new Set(
      report.hits.filter((h) => h.id === 'response-error-codes-documented').map((h) => h.operation),
    );
    expect(report.hits.filter((h) => h.id === 'response-error-code-added' && documented.has(h.operation))).toEqual([]);
  });

  it('is deterministic and sorted by operation, location, rule id', () => {
    const keys = report.hits.map((h) => [h.operation, h.location, h.id]);
    const sorted = [...keys].sort((a, b) =>
      a.join('\u0000') < b.join('\u0000') ? -1 : a.join('\u0000') > b.join('\u0000') ? 1 : 0,
    );
    expect(keys).toEqual(sorted);
    expect(report.summary.breaking).toBeGreaterThan(0);
  });
});
