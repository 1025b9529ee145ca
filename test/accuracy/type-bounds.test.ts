import { describe, expect, it } from 'vitest';
import { boundsTheTypeCarries } from './metrics.ts';
import type { FieldConstraints, NormField } from './model.ts';
import { pageRows } from './page-rows.ts';

// zh-md/dds/创建实例.md: `keep_days | 否 | String | 取值范围：0~732。`, its examples send `"keep_days": "8"`; the API
// Explorer definition also types it string and adds minimum/maximum, which JSON Schema ignores on a string.
const ROWS = pageRows(
  [
    '<tr><td>keep_days</td><td>否</td><td>String</td><td>取值范围：0~732。</td></tr>',
    '<tr><td>port</td><td>否</td><td>Integer</td><td>端口。</td></tr>',
  ].join('\n'),
);
const field = (path: string, type: NormField['type'], constraints: FieldConstraints): NormField => ({
  path,
  type,
  required: false,
  constraints,
});

describe('bounds the page’s own type for a field cannot carry are not judged', () => {
  const cases: [string, NormField, NormField, FieldConstraints][] = [
    // [what, definition field, scraped field, want: the definition constraints judged]
    [
      'a range on a field the page types String',
      field('req:keep_days', 'string', { minimum: '0', maximum: '732' }),
      field('req:keep_days', 'string', {}),
      { minimum: undefined, maximum: undefined },
    ],
    [
      'a length on a field the page types Integer; its range and enum are judged',
      field('res:port', 'integer', { maxLength: '5', maximum: '65535', enum: '80|443' }),
      field('res:port', 'integer', {}),
      { maxLength: undefined, maximum: '65535', enum: '80|443' },
    ],
    [
      'a type the page does not state: everything judged',
      field('req:other', 'integer', { minimum: '1' }),
      field('req:other', 'string', {}),
      { minimum: '1' },
    ],
  ];
  it.each(cases)('%s', (_what, expected, found, want) => {
    const judged = boundsTheTypeCarries(expected, found, ROWS);
    expect(Object.fromEntries(Object.entries(judged).filter(([, v]) => v !== undefined))).toEqual(
      Object.fromEntries(Object.entries(want).filter(([, v]) => v !== undefined)),
    );
  });
});
