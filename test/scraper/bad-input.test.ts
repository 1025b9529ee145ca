// Bad input: every defect ends in the report (file/section/table/row/reason/severity), never silently in the
// spec, and never stops the other pages. Fixtures: test/fixtures/bad/ (see its README).
import { describe, expect, it } from 'vitest';
import type { ScrapeResult } from '../../scraper/index.ts';
import { toYaml } from '../../scraper/openapi/serialize.ts';
import { deref, op, param, refName, requestSchema, responseSchema, scrape, type Json } from './helpers.ts';

const forFile = (r: ScrapeResult, name: string) => r.report.filter((e) => e.file.endsWith(name));

describe('pages with nothing to scrape', () => {
  it('empty page: a warning, no operation', async () => {
    const r = await scrape(['bad/empty.md']);
    expect(Object.keys(r.document.paths)).toEqual([]);
    expect(forFile(r, 'bad/empty.md')).toEqual([
      { file: 'test/fixtures/bad/empty.md', reason: expect.stringMatching(/empty/), severity: 'warning' },
    ]);
  });

  it('page without tables: reported, no operation, no schema', async () => {
    const r = await scrape(['bad/no-tables.html']);
    expect(Object.keys(r.document.paths)).toEqual([]);
    expect(Object.keys(r.document.components.schemas)).toEqual([]);
    expect(forFile(r, 'no-tables.html').some((e) => /no tables/.test(e.reason))).toBe(true);
  });

  it('unrecognised text: reported against the file, no operation', async () => {
    const r = await scrape(['bad/garbage.txt', 'bad/plain.txt']);
    for (const f of ['garbage.txt', 'plain.txt']) expect(forFile(r, f).length).toBeGreaterThan(0);
    expect(Object.keys(r.document.paths)).toEqual([]);
  });

  it('unrecognised text (binary bytes, prose): a warning or error, so --strict notices', async () => {
    const r = await scrape(['bad/garbage.txt', 'bad/plain.txt']);
    for (const f of ['garbage.txt', 'plain.txt']) {
      const entries = forFile(r, f);
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.some((e) => e.severity === 'error' || e.severity === 'warning')).toBe(true);
    }
    expect(Object.keys(r.document.paths)).toEqual([]);
  });
});

describe('table without a header row', () => {
  it('reports the missing header and keeps both rows', async () => {
    const r = await scrape(['bad/no-header.html']);
    const o = op(r, 'DELETE', '/v2.0/lbaas/whitelists/{whitelist_id}');
    expect(o.parameters.map((p: Json) => p.name).sort()).toEqual(['project_id', 'whitelist_id']);
    const w = forFile(r, 'no-header.html').find((e) => /header/.test(e.reason));
    expect(w).toMatchObject({ severity: 'warning', section: 'URI' });
    expect(w!.table).toContain('Parameter description');
  });

  it('infers the columns (name | Yes/No | type | description) from the cells', async () => {
    const r = await scrape(['bad/no-header.html']);
    const o = op(r, 'DELETE', '/v2.0/lbaas/whitelists/{whitelist_id}');
    expect(param(o, 'path', 'whitelist_id')).toMatchObject({
      required: true,
      schema: { type: 'string' },
      description: 'Specifies the whitelist ID.',
    });
    // project_id is a row of the same table but not in the path: it must not vanish.
    expect(o.parameters.map((p: Json) => p.name).sort()).toEqual(['project_id', 'whitelist_id']);
    const w = forFile(r, 'no-header.html').find((e) => /header/.test(e.reason));
    expect(w).toMatchObject({ severity: 'warning', section: 'URI' });
    expect(w!.table).toContain('Parameter description');
  });
});

describe('table without a name column', () => {
  it('reports every row it cannot place', async () => {
    const r = await scrape(['bad/no-name-column.md']);
    const rows = forFile(r, 'no-name-column.md').filter(
      (e) => e.table?.includes('响应Body参数') && e.row !== undefined,
    );
    expect(rows.map((e) => e.row).sort()).toEqual([1, 2]);
    expect(rows.every((e) => e.severity === 'error' || e.severity === 'warning')).toBe(true);
  });
});

describe('broken example JSON', () => {
  it('is reported and kept as text on its response', async () => {
    const r = await scrape(['bad/broken-example.md']);
    const o = op(r, 'DELETE', '/v1.0/apigw/env-variables/{id}');
    expect(Object.keys(o.responses).sort()).toEqual(['204', '400']);
    const [ex] = Object.values(o.responses['400'].content['application/json'].examples) as Json[];
    expect(typeof ex!.value).toBe('string');
    expect(ex!.value).toContain('"error_code" : "APIG.2012"');
    const entry = forFile(r, 'broken-example.md').find((e) => /JSON/.test(e.reason));
    expect(entry).toMatchObject({ severity: 'warning', section: '响应示例' });
    expect(Object.keys(responseSchema(r, o, '400').properties).sort()).toEqual(['error_code', 'error_msg']);
    expect(o.responses['204'].content).toBeUndefined();
  });
});

describe('unknown type', () => {
  it('becomes {} with x-doc-type and a report entry for its row', async () => {
    const r = await scrape(['bad/unknown-type.md']);
    const o = op(r, 'POST', '/v2/{project_id}/apigw/instances/{instance_id}/special-configs');
    expect(o.operationId).toBe('CreateSpecialConfigV2');
    const body = requestSchema(r, o);
    const sw = body.properties.switch;
    expect(sw['x-doc-type']).toBe('Integer/Boolean');
    expect(sw.type).toBeUndefined();
    expect(sw.$ref).toBeUndefined();
    const entry = forFile(r, 'unknown-type.md').find((e) => e.reason.includes('Integer/Boolean'));
    expect(entry).toMatchObject({ severity: 'warning', row: 2, section: '请求参数' });
    expect(entry!.table).toContain('请求Body参数');
  });

  it('keeps 最大值 beyond 2^53 exact', async () => {
    const r = await scrape(['bad/unknown-type.md']);
    const body = requestSchema(r, op(r, 'POST', '/v2/{project_id}/apigw/instances/{instance_id}/special-configs'));
    expect(body.properties.value.minimum).toBe(1);
    expect(String(body.properties.value.maximum)).toBe('99999999999999999');
    expect(toYaml(r.document)).toContain('maximum: 99999999999999999\n');
  });
});

describe('duplicate operationId across two pages', () => {
  it('keeps both operations with unique ids and reports the clash', async () => {
    const r = await scrape(['bad/dup-a.md', 'bad/dup-b.md']);
    const a = op(r, 'GET', '/v2/{project_id}/apigw/instances/{instance_id}/sign-keys');
    const b = op(r, 'GET', '/v2/{project_id}/apigw/instances/{instance_id}/signs');
    // Both pages claim one name: neither keeps it (no counter, no first-come); each is named from its route.
    expect(a.operationId).not.toBe(b.operationId);
    expect([a.operationId, b.operationId]).not.toContain('ListSignatureKeysV2');
    expect(b.operationId).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
    const entry = forFile(r, 'dup-b.md').find((e) => e.reason.includes('ListSignatureKeysV2'));
    expect(entry?.severity).toBe('info');
    // The same ids whichever order the inputs are given in.
    const again = await scrape(['bad/dup-b.md', 'bad/dup-a.md']);
    expect(op(again, 'GET', '/v2/{project_id}/apigw/instances/{instance_id}/signs').operationId).toBe(b.operationId);
  });
});

describe('conflicting schema names', () => {
  it('gives the second AuthOpt a distinct, stable name and reports it', async () => {
    const r = await scrape(['bad/conflict-a.md', 'bad/conflict-b.md']);
    const a = requestSchema(r, op(r, 'POST', '/v2/{project_id}/apigw/instances/{instance_id}/api-groups'));
    const b = requestSchema(r, op(r, 'POST', '/v2/{project_id}/apigw/instances/{instance_id}/authorizers'));
    const nameA = refName(a.properties.auth_opt);
    const nameB = refName(b.properties.auth_opt);
    // Two shapes under one caption: both are named from their operation, neither by reading order.
    expect(nameA).toMatch(/AuthOpt$/);
    expect(nameA).not.toBe('AuthOpt');
    expect(nameB).toBeDefined();
    expect(nameB).not.toBe(nameA);
    expect(Object.keys(deref(r, a.properties.auth_opt).properties)).toEqual(['app_code_auth_type']);
    expect(Object.keys(deref(r, b.properties.auth_opt).properties)).toEqual(['app_code_auth_type', 'ttl']);
    expect(deref(r, b.properties.auth_opt).required).toEqual(['ttl']);
    expect(forFile(r, 'conflict-b.md').some((e) => e.reason.includes('AuthOpt') && e.reason.includes(nameB!))).toBe(
      true,
    );
    const again = await scrape(['bad/conflict-b.md', 'bad/conflict-a.md']);
    const b2 = requestSchema(again, op(again, 'POST', '/v2/{project_id}/apigw/instances/{instance_id}/authorizers'));
    expect(refName(b2.properties.auth_opt)).toBe(nameB);
  });
});

describe('a broken page among good ones', () => {
  it('does not stop the others', async () => {
    const r = await scrape([
      'bad/garbage.txt',
      'bad/empty.md',
      'html-en/modelarts/UpdateLabel.html',
      'zh-md/apig/导出API.md',
      'bad/broken-example.md',
    ]);
    expect(Object.keys(r.document.paths).sort()).toEqual([
      '/v1.0/apigw/env-variables/{id}',
      '/v2/{project_id}/apigw/instances/{instance_id}/openapi/export',
      '/v2/{project_id}/datasets/{dataset_id}/data-annotations/labels/{label_name}',
    ]);
    expect(r.pages).toHaveLength(5);
  });
});

// ------------------------------------------------------------------------------------------------------------
// Every row accounted for: rows counted by reading each page; each must be in the spec or in the report.

interface Counted {
  file: string;
  rows: number;
}

const COUNTED: Counted[] = [
  // path 3 + query 1 + body 6 + 204 body 3 + status 4
  { file: 'html-en/modelarts/UpdateLabel.html', rows: 17 },
  // URI 1 + request 1 + listener 7 + insert_headers 2 + response 1 + listeners 6 + loadbalancers 1 + status 2
  { file: 'html-en/elb/en-us_topic_0096561510.html', rows: 21 },
  // method/URI 1 + path 1 + request 1 + 后端实例详情 3 + response 3 + 后端实例详情 8 + status 6
  { file: 'zh-md/apig/AddingBackendInstances.md', rows: 23 },
  // path 3 + header 1 + body 10 + 200 body 14 + five error bodies 2 each + status 6
  { file: 'zh-md/apig/修改流控策略.md', rows: 44 },
  // method/URI 1 + 参数说明 4 + response 3 + envs 4 + status 4
  { file: 'zh-md/apig/QueryingEnvironmentList.md', rows: 16 },
  // 参数说明 1 + 400 body 2 + status 2
  { file: 'bad/broken-example.md', rows: 5 },
  { file: 'bad/no-name-column.md', rows: 3 },
];

function rowsInSpec(r: ScrapeResult): number {
  const doc = r.document as Json;
  let n = 0;
  for (const item of Object.values(doc.paths) as Json[])
    for (const o of Object.values(item) as Json[]) {
      n += 1; // the method/URI row, when there is one
      n += (o.parameters ?? []).length;
      n += Object.keys(o.responses).length;
    }
  // A schema several tables share (identical error bodies under five status codes) holds each table's rows.
  const uses = new Map<string, number>();
  for (const item of Object.values(doc.paths) as Json[])
    for (const o of Object.values(item) as Json[])
      for (const r of Object.values(o.responses) as Json[]) {
        const ref: string | undefined = r.content?.['application/json']?.schema?.$ref;
        if (ref) uses.set(ref, (uses.get(ref) ?? 0) + 1);
      }
  for (const [name, s] of Object.entries(doc.components.schemas) as [string, Json][])
    n += Object.keys(s.properties ?? {}).length * Math.max(1, uses.get(`#/components/schemas/${name}`) ?? 0);
  n += (doc['x-error-codes'] ?? []).length;
  return n;
}

describe('every table row ends in the spec or in the report', () => {
  for (const { file, rows } of COUNTED) {
    it(`${file}: ${rows} rows`, async () => {
      const r = await scrape([file]);
      expect(r.pages[0]!.rows).toBe(rows);
      const reported = r.report.filter((e) => e.row !== undefined).length;
      expect(rowsInSpec(r) + reported).toBeGreaterThanOrEqual(rows);
    });
  }
});
