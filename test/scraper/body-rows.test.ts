// Rows that stand for the body itself (`-`, `[数组元素]`) and `Response Body参数说明` captions (scraper/vocab.ts,
// docs/FORMATS.md §5): the word readers as [given, want], then the real pages.
import { describe, expect, it } from 'vitest';
import { isBodyRow } from '../../scraper/interpret/fields.ts';
import { tableRole } from '../../scraper/interpret/tables.ts';
import type { DocTable } from '../../scraper/model.ts';
import { isBodyRowName } from '../../scraper/vocab.ts';
import { deref, op, requestSchema, responseSchema, scrape } from './helpers.ts';

describe('name cells that stand for the body', () => {
  const cases: [string, boolean][] = [
    ['[数组元素]', true], // zh-md/aom/添加监控数据.md, zh-md/swr/创建镜像权限.md
    ['\\[数组元素\\]', true], // pipe tables escape the brackets (zh-md/swr/查询镜像仓库列表.md)
    ['_[数组元素]_', true], // emphasised (zh-md/swr/查看共享镜像列表.md)
    ['数组元素', true], // zh-md/dli/批量运行作业.md
    ['数组元素为String', false],
    ['elements', false],
    ['metric', false],
  ];
  it.each(cases)('%s → %s', (name, want) => expect(isBodyRowName(name)).toBe(want));
});

describe("rows that are the body: `[数组元素]` only as a table's single row", () => {
  const placed = (names: string[]) => ({
    columns: { name: 0, type: 1, description: 2 },
    table: {
      caption: '',
      anchors: [],
      header: ['参数', '参数类型', '描述'],
      rows: names.map((n) => ({ cells: [{ text: n, links: [], listItems: [] }] })),
    },
  });
  const cases: [string[], string, boolean][] = [
    // [the table's names, the row asked about, want]
    [['[数组元素]'], '[数组元素]', true], // zh-md/swr/创建镜像权限.md
    [['[数组元素]', 'total'], '[数组元素]', false],
    [['-', 'total'], '-', true],
    [['name'], 'name', false],
  ];
  it.each(cases)('%j: %s → %s', (names, name, want) => expect(isBodyRow(name, placed(names))).toBe(want));
});

describe('Response Body / Response Header captions', () => {
  const table = (caption: string): DocTable => ({
    caption,
    anchors: [],
    header: ['参数', '参数类型', '描述'],
    rows: [],
  });
  const section = { kind: 'response' as const, heading: '响应消息', paragraphs: [], tables: [], examples: [] };
  const cases: [string, string][] = [
    ['Response Body参数说明', 'responseBody'], // zh-md/swr/查看共享镜像列表.md
    ['Response Header参数说明', 'responseHeaders'],
  ];
  it.each(cases)('%s → %s', (caption, role) =>
    expect(tableRole(table(caption), section, { name: 0, type: 1, description: 2 }).role).toBe(role),
  );
});

describe('a body that is a list (`[数组元素] | Array of X objects`)', () => {
  it('aom 添加监控数据: the request body is the list of MetricDataItem, not an object with a `[数组元素]` member', async () => {
    const r = await scrape(['zh-md/aom/添加监控数据.md']);
    const body = requestSchema(r, op(r, 'POST', '/v1/{project_id}/ams/report/metricdata'));
    expect(body.type).toBe('array');
    expect(Object.keys(deref(r, body.items).properties)).toEqual(['metric', 'values', 'collect_time']);
  });

  it('swr 查看共享镜像列表: `Response Body参数说明` holds the `[数组元素]` row, the item table is `[数组元素]参数说明`', async () => {
    const r = await scrape(['zh-md/swr/查看共享镜像列表.md']);
    const o = op(r, 'GET', '/v2/manage/shared-repositories');
    const body = responseSchema(r, o, '200');
    expect(body.type).toBe('array');
    expect(Object.keys(deref(r, body.items).properties)).toContain('category');
    expect(Object.keys(o.responses['200'].headers ?? {})).toEqual(['Content-Range']);
  });
});
