import { describe, expect, it } from 'vitest';
import {
  emptyJudgements,
  judgeConstraints,
  rowsStateValue,
  sumKinds,
  textStatesBound,
  textStatesValue,
} from './constraint-kinds.ts';
import type { FieldConstraints } from './model.ts';
import { pageRows } from './page-rows.ts';
import { thinOperationsOf } from './thin.ts';

// Rows as the pages write them: an auto-generated HTML row (APIG 创建API分组) and a pipe row (SWR 创建组织).
const PAGE = `
<tr><td><p>name</p></td><td><p>是</p></td><td><p>String</p></td><td><p>API分组的名称。</p><p>最小长度：3</p><p>最大长度：64</p></td></tr>
<tr><td><p>req_protocol</p></td><td><p>否</p></td><td><p>String</p></td><td><p>请求协议：HTTP、HTTPS</p><p>缺省值：HTTPS</p></td></tr>
|namespace|是|String|组织名称。小写字母开头，1-64个字符。|
<tr><td>product_type</td><td>否</td><td>Integer</td><td>产品类型 0：云手机 1：云手游</td></tr>
`;

describe('whether a page row states a constraint value', () => {
  const rows = pageRows(PAGE);
  const cases: [string, string, keyof FieldConstraints, string, boolean][] = [
    ['number in an HTML row', 'name', 'maxLength', '64', true],
    ['number not there', 'name', 'maxLength', '255', false],
    ['number inside a longer one', 'name', 'maxLength', '6', false],
    ['every enum value', 'req_protocol', 'enum', 'HTTP|HTTPS', true],
    ['an enum value the page lacks', 'req_protocol', 'enum', 'GRPC|HTTP|HTTPS', false],
    ['pipe-table row', 'namespace', 'maxLength', '64', true],
    ['no such row', 'other', 'maxLength', '64', false],
  ];
  it.each(cases)('%s', (_, name, key, value, want) => expect(rowsStateValue(rows, name, key, value)).toBe(want));
  it('matches whole tokens only', () => {
    expect(textStatesValue('HTTP、HTTPS', 'HTTP')).toBe(true);
    expect(textStatesValue('INACTIVE', 'ACTIVE')).toBe(false);
    expect(textStatesValue('6.4', '6')).toBe(false);
  });
});

describe('whether a text states a number as this bound', () => {
  // [given text, key, value, want]: the words before a number say which bound (or default) it is.
  const cases: [string, keyof FieldConstraints, string, boolean][] = [
    ['云手机服务器的唯一标识，不超过32个字节。', 'maxLength', '32', true], // zh-md/cph/查询云手机服务器列表.md
    ['云手机服务器的唯一标识，不超过32个字节。', 'minLength', '32', false],
    ['APP描述。字符长度不能大于255。', 'maxLength', '255', true], // zh-md/apig/创建APP.md
    ['APP描述。字符长度不能大于255。', 'minLength', '255', false],
    ['分页编号。 默认值：0。', 'minimum', '0', false], // zh-md/vod/查询媒资列表.md
    ['偏移量为一个大于0小于资源总个数的整数，默认值为0。', 'minimum', '0', false], // zh-md/cph/查询云手机列表.md
    ['取值大于或等于0。不传该参数时，查询偏移量默认为0', 'minimum', '0', true], // zh-md/dds/查询实例列表.md
    ['取值范围：1~100。', 'minimum', '1', true],
    ['取值范围：1~100。', 'maximum', '100', true],
    ['最小值为0，最大值没有限制。', 'maximum', '0', false], // zh-md/as/查询弹性伸缩组列表.md
    ['数字（0-9）、中划线-，且不得超过60个字符。', 'minLength', '0', false], // zh-md/cph/修改手机名称.md
    ['长度为0-256位', 'minLength', '0', true],
    ['必须为数字，不能为负数。', 'minimum', '0', true], // zh-md/mrs/查询特定标签的集群列表.md
    ['取值范围(0,1000]，默认值为1000。', 'minLength', '0', false], // zh-md/aom/查询时间序列.md
    ['取值范围(0,1000]，默认值为1000。', 'maximum', '1000', true],
    ['生命周期挂钩名称(1-32个字符)', 'minLength', '1', true], // zh-md/as/创建生命周期挂钩.md
  ];
  it.each(cases)('%s: %s %s', (text, key, value, want) => expect(textStatesBound(text, key, value)).toBe(want));
});

describe('rows of the side the field is on', () => {
  // A query row and a response row of one name (zh-md/cph/查询云手机列表.md, zh-md/as/查询弹性伸缩配置列表.md).
  const rows = pageRows(`
<tr><td>server_id</td><td>否</td><td>String</td><td>云手机服务器ID</td></tr>
<tr><td>server_id</td><td>String</td><td>云手机所在的服务器ID，不超过32个字节。</td></tr>
<tr><td>limit</td><td>否</td><td>Integer</td><td>查询的记录条数，取值范围为0~100。</td></tr>
<tr><td>limit</td><td>Integer</td><td>查询的记录条数。</td></tr>
<tr><td>keep_days</td><td>否</td><td>String</td><td>取值范围：0~732。</td></tr>`);
  const cases: [string, string, keyof FieldConstraints, string, boolean][] = [
    ['query:server_id', 'server_id', 'maxLength', '32', false],
    ['res:servers[].server_id', 'server_id', 'maxLength', '32', true],
    ['query:limit', 'limit', 'maximum', '100', true],
    ['ListScalingConfigs: res:limit', 'limit', 'maximum', '100', false],
    ['res:backup_strategy.keep_days', 'keep_days', 'maximum', '732', true], // no response row: every row counts
  ];
  it.each(cases)('%s %s', (path, name, key, value, want) =>
    expect(rowsStateValue(rows, name, key, value, path)).toBe(want),
  );
});

describe('whether one row states an enum', () => {
  const rows = pageRows(`
<tr><td>vm_state</td><td>String</td><td>扩展属性，裸金属服务器状态。例如：active：运行中shutoff：关机reboot：重启</td></tr>
<tr><td>chargingMode</td><td>否</td><td>String</td><td>计费模式。取值范围：prePaid：预付费。</td></tr>
<tr><td>chargingMode</td><td>是</td><td>String</td><td>弹性公网IP的计费模式。仅支持postPaid。</td></tr>
<tr><td>host_status</td><td>String</td><td>宿主机状态。UP：服务正常DOWN：服务异常空字符串：无主机信息</td></tr>
<tr><td>export_format</td><td>Integer</td><td>可选值如下： 1：树状结构。如：cat/1.jpg。 2：平铺结构。</td></tr>`);
  // [name, enum, want]: rows from zh-md/bms/查询裸金属服务器详情.md, 创建裸金属服务器.md, zh-md/modelarts/创建数据集导出任务.md.
  const cases: [string, string, boolean][] = [
    ['vm_state', 'active|reboot|shutoff', false], // examples after 例如
    ['chargingMode', 'postPaid|prePaid', false], // each row names one
    ['chargingMode', 'prePaid', true],
    ['export_format', '1|2', true], // 如： inside a meaning is no example lead
    ['host_status', '|DOWN|UP', true], // 空字符串 names the empty string
  ];
  it.each(cases)('%s %s', (name, value, want) => expect(rowsStateValue(rows, name, 'enum', value, 'req:x')).toBe(want));
});

describe('constraints judged per kind', () => {
  const rows = pageRows(PAGE);
  const judge = (name: string, want: FieldConstraints, got: FieldConstraints) => {
    const into = emptyJudgements();
    judgeConstraints(`req:${name}`, name, want, got, into, rows);
    return into;
  };
  // [label, row name, definition, spec, kind, want counts]
  const cases: [string, string, FieldConstraints, FieldConstraints, 'enum' | 'length' | 'range' | 'default', object][] =
    [
      [
        'equal values are hits',
        'name',
        { minLength: '3', maxLength: '64' },
        { minLength: '3', maxLength: '64' },
        'length',
        { tp: 2, fp: 0, fn: 0 },
      ],
      [
        'a stated value not scraped is a miss',
        'name',
        { maxLength: '64' },
        {},
        'length',
        { tp: 0, fp: 0, fn: 1, unstated: 0 },
      ],
      [
        'a value the page never states is not a miss',
        'name',
        { maxLength: '255' },
        {},
        'length',
        { fn: 0, unstated: 1 },
      ],
      [
        'a wrong value is a false claim and a miss',
        'name',
        { maxLength: '64' },
        { maxLength: '3' },
        'length',
        { fp: 1, fn: 1 },
      ],
      ['an invented value is a false claim', 'name', {}, { maximum: '10' }, 'range', { fp: 1, pageOnly: 0 }],
      [
        'a page value the definition lacks is page-only',
        'req_protocol',
        {},
        { default: 'HTTPS' },
        'default',
        { fp: 0, pageOnly: 1 },
      ],
      [
        'a newer definition enum vs the page: drift both ways',
        'req_protocol',
        { enum: 'GRPC|HTTP|HTTPS' },
        { enum: 'HTTP|HTTPS' },
        'enum',
        { tp: 0, fp: 0, fn: 0, unstated: 1, pageOnly: 1 },
      ],
      [
        "a bound an integer enum implies, equal to the definition's: neutral, the enum is judged as an enum",
        'product_type',
        { minimum: '0' },
        { enum: '0|1' },
        'range',
        { tp: 0, fp: 0, fn: 0, unstated: 0, pageOnly: 0 },
      ],
      [
        "a bound an integer enum implies, other than the definition's: neutral as well (no credit either way)",
        'product_type',
        { minimum: '1', maximum: '5' },
        { enum: '0|1' },
        'range',
        { tp: 0, fp: 0, fn: 0, unstated: 0, pageOnly: 0 },
      ],
      [
        'an integer enum where the definition has none: judged once, as an enum (page-only: the row lists it)',
        'product_type',
        { minimum: '0' },
        { enum: '0|1' },
        'enum',
        { tp: 0, fp: 0, fn: 0, pageOnly: 1 },
      ],
      [
        'a bound the scraper wrote next to its enum is judged as a bound',
        'product_type',
        { minimum: '1' },
        { enum: '0|1', minimum: '0' },
        'range',
        { tp: 0, fp: 1, fn: 1 },
      ],
      [
        'a partial enum is a false claim',
        'req_protocol',
        { enum: 'HTTP|HTTPS' },
        { enum: 'HTTP' },
        'enum',
        { fp: 1, fn: 1 },
      ],
    ];
  it.each(cases)('%s', (_, name, want, got, kind, counts) =>
    expect(judge(name, want, got).byKind[kind]).toMatchObject(counts),
  );
  it('sums the kinds for the all-kinds figure', () => {
    const into = judge(
      'name',
      { minLength: '3', maxLength: '64', default: 'x' },
      { minLength: '3', maxLength: '64', enum: 'a|b' },
    );
    expect(sumKinds(into)).toEqual({ tp: 2, fp: 1, fn: 0, unstated: 1, pageOnly: 0 });
  });
});

describe('the scrape report thin-operation count, read defensively', () => {
  const cases: [string, unknown, number | undefined][] = [
    ['not reported', { document: {}, report: [] }, undefined],
    ['a number in summary', { summary: { thinOperations: 3 } }, 3],
    ['a list in summary', { summary: { thin: ['a', 'b'] } }, 2],
    ['per service', { summary: { swr: { thinOperations: 4 } } }, 4],
    ['keyed by service', { summary: { thinOperations: { swr: 5, bms: 1 } } }, 5],
    ['an object with a count', { thinOperations: { count: 6 } }, 6],
    ['garbage', { summary: { thinOperations: 'many' } }, undefined],
    ['not an object', 42, undefined],
  ];
  it.each(cases)('%s', (_, result, want) => expect(thinOperationsOf(result, 'swr')).toBe(want));
});
