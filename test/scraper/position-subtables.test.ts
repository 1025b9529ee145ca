// Sub-tables linked by position only (scraper/interpret/subtables.ts, docs/FORMATS.md §6), on a real page whose
// `Array` rows have no table of their own while every table is captioned after the row it describes.
import { describe, expect, it } from 'vitest';
import { scrapeText } from '../../scraper/index.ts';
import type { ReportEntry } from '../../scraper/model.ts';
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

describe('a table that belongs to something else ends the search by position', () => {
  // The form of zh-md/swr/创建镜像老化规则.md (`params | Object`, then `**表 5**  TagSelector`), with one more table
  // after the type-named one: it is no nearer to `params` than TagSelector, so `params` stays free-form.
  const table = (rows: string[][]) =>
    ['|参数|是否必选|参数类型|描述|', '|---|---|---|---|', ...rows.map((r) => `|${r.join('|')}|`)].join('\n');
  const page = [
    '# 创建规则',
    '## URI',
    'POST /v1/rules',
    '## 请求参数',
    '**表 1**  请求Body参数',
    table([
      ['params', '否', 'Object', '参数'],
      ['selectors', '否', 'Array of TagSelector objects', '选择器'],
    ]),
    '**表 2**  TagSelector',
    table([['kind', '是', 'String', '类型']]),
    '**表 3**  Extra参数说明',
    table([['note', '否', 'String', '备注']]),
    '',
  ].join('\n\n');

  it('`params | Object` is followed by the TagSelector table: params gets no table, not the one after it', () => {
    const report: ReportEntry[] = [];
    const [outcome] = scrapeText(page, 'zh-md/test/创建规则.md', report).outcomes;
    const body = outcome!.objects.find((o) => o.fields.some((f) => f.name === 'params'))!;
    expect(body.fields.find((f) => f.name === 'params')!.type).toEqual({ kind: 'object' });
    expect(report.map((e) => e.reason).join('\n')).not.toMatch(/'params' linked to .* by position/);
  });
});
