// Sub-tables linked by position only (scraper/interpret/subtables.ts, docs/FORMATS.md §6), on a real page whose
// `Array` rows have no table of their own while every table is captioned after the row it describes.
import { describe, expect, it } from 'vitest';
import { deref, op, requestSchema, scrape } from './helpers.ts';

describe('position links skip a table captioned after another row (aom 添加或修改应用发现规则)', () => {
  it('`hostid | Array` is followed by `spec参数`: that table is spec’s, hostid stays a list of any', async () => {
    const r = await scrape(['zh-md/aom/添加或修改应用发现规则（即将下线）.md']);
    const o = op(r, 'PUT', '/v1/{project_id}/inv/servicediscoveryrules');
    const rule = deref(r, requestSchema(r, o).properties.appRules.items);
    expect(rule.properties.hostid).toEqual(expect.objectContaining({ type: 'array', items: {} }));
    const spec = deref(r, rule.properties.spec);
    expect(Object.keys(spec.properties)).toContain('detectLog');
    // `logFileFix | Array` is next to `discoveryRule参数`: not its table either.
    expect(spec.properties.logFileFix.items).toEqual({});
    const discovery = deref(r, spec.properties.discoveryRule.items);
    expect(Object.keys(discovery.properties)).toEqual(['checkType', 'checkMode', 'checkContent']);
    expect(discovery.properties.checkContent.items).toEqual({});
    const json = JSON.stringify(r.report);
    expect(json).not.toMatch(/'hostid' linked to .* by position/);
  });
});
