import { describe, expect, it } from 'vitest';
import { mergeRows, pageRows, pageStatesFlag, pageStatesType } from './page-rows.ts';

const PAGE = `
<table><thead><tr><th><p>参数</p></th><th><p>是否必选</p></th><th><p>参数类型</p></th><th><p>描述</p></th></tr></thead>
<tbody><tr><td><p>balance_strategy</p></td><td><p>否</p></td><td><p>Integer</p></td><td><p>分发算法</p></td></tr>
<tr><td><p>members</p></td><td><p>是</p></td><td><p>Array of MemberInfo objects</p></td><td><p>成员</p></td></tr>
<tr><td><p>vpc\\_info</p></td><td><p>否</p></td><td><p>字典数据类型</p></td><td><p>VPC</p></td></tr></tbody></table>
<table><tbody><tr><td><p>balance_strategy</p></td><td><p>Integer</p></td><td><p>分发算法</p></td></tr></tbody></table>`;

describe('what a page states about a field, read from its raw rows', () => {
  const rows = pageRows(PAGE);
  it('reads the required flag and the type of each named row', () => {
    expect(pageStatesFlag(rows, 'balance_strategy', false)).toBe(true);
    expect(pageStatesFlag(rows, 'balance_strategy', true)).toBe(false);
    expect(pageStatesFlag(rows, 'members', true)).toBe(true);
    expect(pageStatesType(rows, 'members', 'array')).toBe(true);
    expect(pageStatesType(rows, 'vpc_info', 'object')).toBe(true);
    expect(pageStatesType(rows, 'balance_strategy', 'integer')).toBe(true);
  });
  it('says nothing about names the page does not have, or states two ways', () => {
    expect(pageStatesFlag(rows, 'port', false)).toBe(false);
    const both = mergeRows([rows, pageRows('<tr><td>members</td><td>否</td><td>String</td></tr>')]);
    expect(pageStatesFlag(both, 'members', true)).toBe(false);
    expect(pageStatesType(both, 'members', 'array')).toBe(false);
  });
});
