// The request line of a URI section (scraper/interpret/uri.ts): [given, want] for each form the pages write.
import { describe, expect, it } from 'vitest';
import { readRequestLine } from '../../scraper/interpret/uri.ts';
import { op, scrape } from './helpers.ts';

describe('request lines', () => {
  const cases: [string, ReturnType<typeof readRequestLine>][] = [
    ['GET /v1.1/{project_id}/cluster_infos', { method: 'GET', path: '/v1.1/{project_id}/cluster_infos', query: [] }],
    [
      'GET /v1.1/{project_id}/clusters/{cluster_id}/hosts?pageSize={page_size}&currentPage={current_page}',
      { method: 'GET', path: '/v1.1/{project_id}/clusters/{cluster_id}/hosts', query: ['pageSize', 'currentPage'] },
    ],
    // zh-md/aom/上报-清除事件告警信息.md: two methods for one path; the first makes the operation.
    [
      'PUT/POST /v2/{projectId}/push/events',
      { method: 'PUT', path: '/v2/{projectId}/push/events', query: [], alsoMethods: ['POST'] },
    ],
    ['put／post /v2/x', { method: 'PUT', path: '/v2/x', query: [], alsoMethods: ['POST'] }],
    ['GET https://{endpoint}/v2/x', { method: 'GET', path: '/v2/x', query: [] }],
    // Prose that names methods is not a request line (zh-md/css/获取请求认证.md).
    ['AccessService：抽象类，将GET/POST/PUT/DELETE归一成access方法。', undefined],
    ['POST/PUT请求必填。', undefined],
  ];
  it.each(cases)('%s', (line, want) => expect(readRequestLine(line)).toEqual(want));
});

describe('a request line with two methods (aom 上报/清除事件告警信息)', () => {
  it('makes the operation under the first method and reports the other', async () => {
    const r = await scrape(['zh-md/aom/上报-清除事件告警信息.md']);
    const o = op(r, 'PUT', '/v2/{projectId}/push/events');
    expect(o.requestBody).toBeDefined();
    expect((r.document.paths as Record<string, object>)['/v2/{projectId}/push/events']).not.toHaveProperty('post');
    expect(r.report.some((e) => e.severity === 'warning' && /PUT\/POST.*POST not in the spec/.test(e.reason))).toBe(
      true,
    );
  });
});
