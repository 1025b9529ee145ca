// One route, one body per page (cph `…/phones/commands`: shell, uninstall, push on three pages): one operation
// whose request body is an anyOf of the documented variants (they overlap, so not oneOf), each naming its page; every page's example kept.

import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scrapeInputs } from '../../scraper/index.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const PAGES = ['执行adb-shell命令.md', '卸载apk.md', '推送文件.md'].map((f) =>
  join(ROOT, 'test/fixtures/zh-md/cph', f),
);

describe('one route documented with several bodies', () => {
  it('is one operation with an anyOf request body, one variant per page', async () => {
    const r = await scrapeInputs(PAGES, { service: 'cph', root: ROOT });
    const doc = r.document as any;
    expect(Object.keys(doc.paths)).toEqual(['/v1/{project_id}/cloud-phone/phones/commands']);
    const op = doc.paths['/v1/{project_id}/cloud-phone/phones/commands'].post;
    const media = op.requestBody.content['application/json'];
    const variants = media.schema.anyOf as { $ref: string; 'x-source': { file: string } }[];
    expect(variants.map((v) => v['x-source'].file.split('/').pop()).sort()).toEqual([
      '卸载apk.md',
      '执行adb-shell命令.md',
      '推送文件.md',
    ]);
    // Distinct shapes, each the table of its own page.
    const names = variants.map((v) => v.$ref.replace('#/components/schemas/', ''));
    expect(new Set(names).size).toBe(3);
    for (const v of variants)
      expect(doc.components.schemas[v.$ref.replace('#/components/schemas/', '')]['x-source'].file).toBe(
        v['x-source'].file,
      );
    // Each page's request example is kept, and the report says the bodies were merged, not dropped.
    expect(Object.keys(media.examples)).toHaveLength(3);
    expect(r.report.filter((e) => e.reason.includes('oneOf variant'))).toHaveLength(2);
    expect(r.report.some((e) => e.reason.includes('documented differently'))).toBe(false);
  });

  it('names the variants the same whichever pages come first', async () => {
    const a = (await scrapeInputs(PAGES, { service: 'cph', root: ROOT })).document as any;
    const b = (await scrapeInputs([...PAGES].reverse(), { service: 'cph', root: ROOT })).document as any;
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const two = (await scrapeInputs(PAGES.slice(1), { service: 'cph', root: ROOT })).document as any;
    for (const [name, schema] of Object.entries(two.components.schemas))
      if (a.components.schemas[name]) expect((schema as any).properties).toEqual(a.components.schemas[name].properties);
  });
});
