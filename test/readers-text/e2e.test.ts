// End to end: the scraper pipeline (scraper/index.ts) on text-form fixtures. Checks what the spec must carry
// because of what the pages say: schemas from the named sub-tables, error codes, operations where a URI exists.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scrapeInputs } from '../../scraper/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/text/${name}`, import.meta.url));

// The document's shape is the builder's business; these tests read it loosely.
type Json = Record<string, any>;

describe('seed page through the whole scraper', async () => {
  const { document, report, pages } = await scrapeInputs([fixture('seed.txt')], { service: 'roma', root });
  const doc = document as unknown as Json;
  it('is read as flat, 30 pages, no operation (the seed has no URI bullet), no error in the report', () => {
    expect(pages.map((p) => [p.form, p.pages, p.operations])).toEqual([['flat', 30, 0]]);
    expect(report.filter((e) => e.severity === 'error')).toEqual([]);
  });
  it('defines the named object types of the sub-tables, self-reference included', () => {
    const tree = doc.components.schemas.GroupTreeResponse;
    expect(Object.keys(tree.properties)).toEqual(['id', 'name', 'parent_id', 'children']);
    expect(tree.properties.children.items).toEqual({ $ref: '#/components/schemas/GroupTreeResponse' });
    expect(tree.properties.children.maxItems).toBe(9999);
    expect(Object.keys(doc.components.schemas.EnvInfo.properties)).toEqual(['create_time', 'name', 'remark', 'id']);
  });
  it('lists every error code of the error-code bullet once, with status and message', () => {
    const codes = doc['x-error-codes'] as Json[];
    expect(codes).toHaveLength(292);
    expect(new Set(codes.map((c) => c.code)).size).toBe(292);
    const first = codes.find((c) => c.code === 'APIC.7244')!;
    expect([first.status, first.message]).toEqual(['400', 'Unsupported to update eip bandwidth']);
    expect(codes.find((c) => c.code === 'APIG.9008')!.status).toBe('429');
  });
});

describe('flat-039 and percell-007 through the whole scraper', async () => {
  const { document, report } = await scrapeInputs([fixture('flat-039.txt'), fixture('percell-007.txt')], {
    service: 'x',
    root,
  });
  const doc = document as unknown as Json;
  it('builds the DELETE operation from the URI bullet and the 请求消息 bullet joined to it', () => {
    const op = doc.paths['/v1/{project_id}/git/files/{namespace}/{project}/{path}'].delete;
    const params = (op.parameters as Json[]).map((p) => `${p.in}:${p.name}`);
    expect(params).toEqual([
      'path:project_id',
      'path:namespace',
      'path:project',
      'path:path',
      'query:ref',
      'query:message',
      'query:sha',
      'header:X-Repo-Auth',
    ]);
    // Credentials and transport headers are the client's business: named, not parameters (issue 9 §5).
    expect(op['x-transport-headers']).toEqual(['Content-Type', 'X-Auth-Token']);
    expect(op['x-source'].file).toBe('test/fixtures/text/flat-039.txt#bullets 1,2');
  });
  it('builds the percell operation with its response body and the Instance type', () => {
    const op = doc.paths['/v2/{project_id}/instances'].get;
    expect((op.parameters as Json[]).map((p) => `${p.in}:${p.name}`)).toEqual([
      'path:project_id',
      'query:offset',
      'query:limit',
      'query:status',
      'query:enterprise_project_id',
    ]);
    expect(op['x-transport-headers']).toEqual(['X-Auth-Token']);
    expect(Object.keys(doc.components.schemas.Instance.properties)).toHaveLength(23);
    expect(report.filter((e) => e.severity === 'error')).toEqual([]);
  });
});
