// Row segmentation on cell tokens: names of the shapes FORMATS.md §9.7 lists.
import { describe, expect, it } from 'vitest';
import { emptyEvidence, segmentRows } from '../../scraper/readers/text/rows.ts';
import { FIELD_NAME } from '../../scraper/readers/text/words.ts';

describe('field names (FORMATS.md §9.7)', () => {
  it('accepts `@modelarts:color`, `10.xx.xx.xx#0`, `-`, and refuses bare numbers and prose', () => {
    const names = [
      '@modelarts:color',
      '10.xx.xx.xx#0',
      '-',
      'X-Auth-Token',
      'tags[0].key',
      '200',
      '1.5',
      '删除',
      'a b',
    ];
    expect(names.filter((n) => FIELD_NAME.test(n))).toEqual([
      '@modelarts:color',
      '10.xx.xx.xx#0',
      '-',
      'X-Auth-Token',
      'tags[0].key',
    ]);
  });
  it('starts a percell row at `10.xx.xx.xx#0` as at any other name', () => {
    const tokens = ['10.xx.xx.xx#0', 'String', '节点地址', 'port', 'Integer', '端口', '最小值:1'].map((text) => ({
      text,
    }));
    const { rows, unplaced } = segmentRows(tokens, ['name', 'type', 'description'], {
      mode: 'cells',
      spanning: true,
      evidence: emptyEvidence(),
    });
    expect(rows.map((r) => r.map((c) => c.text))).toEqual([
      ['10.xx.xx.xx#0', 'String', '节点地址'],
      ['port', 'Integer', '端口\n最小值:1'],
    ]);
    expect(unplaced).toBe(0);
  });
});
