// The seed page (FORMATS.md §0, README "seed"), every one of its 30 bullets. The expectations were written by
// reading the page: for each bullet its tables (number, caption, status), each row's name, required flag and
// type, and its examples with their status codes and titles.
import { describe, expect, it } from 'vitest';
import type { DocSection } from '../../scraper/model.ts';
import { fixture, read, rowLines } from './helpers.ts';

const { pages, report } = read('flat', 'seed.txt');
const sections: DocSection[] = pages.flatMap((p) => p.sections);

interface ExpectedTable {
  n: number | undefined;
  caption: string;
  status?: string;
  rows: string[];
}
interface ExpectedBullet {
  kind: DocSection['kind'];
  tables?: ExpectedTable[];
  /** Status codes of the examples, in order ('' for an example without one). */
  examples?: string[];
  title?: string;
}

const header = ['X-Auth-Token 是 String'];
const err2 = ['error_code String', 'error_msg String'];
const err3 = ['error_code String', 'error_msg String', 'request_id String'];
/** `状态码: 4xx 表N 响应Body参数 error_code String 错误码 error_msg String 错误描述` for each status, numbered from `from`. */
const errorTables = (from: number, statuses: string[], rows = err2): ExpectedTable[] =>
  statuses.map((status, i) => ({ n: from + i, caption: '响应Body参数', status, rows }));

const expected: ExpectedBullet[] = [
  /* 1 */ { kind: 'responseExample', examples: ['400', '401', '403', '404', '500'] },
  /* 2 */ {
    kind: 'request',
    tables: [
      { n: 2, caption: '请求Header参数', rows: header },
      {
        n: 3,
        caption: '请求Body参数',
        rows: ['certificate_ids 是 Array of strings', 'verified_client_certificate_enabled 否 Boolean'],
      },
    ],
  },
  /* 3 */ { kind: 'requestExample', examples: [''], title: '修改指定数据集成普通任务,修改源端和目标端配置' },
  /* 4 */ { kind: 'responseExample', examples: ['200'] },
  /* 5 */ { kind: 'responseExample', examples: ['200', '400', '404', '500'] },
  /* 6 */ {
    kind: 'response',
    tables: [
      {
        n: 3,
        caption: '响应Body参数',
        status: '200',
        rows: [
          'property_id Integer',
          'property_name String',
          'description String',
          'data_type String',
          'required Integer',
          'min String',
          'max String',
          'step String',
          'max_length Integer',
          'unit String',
          'enum_list String',
          'enum_dict Object',
        ],
      },
      ...errorTables(4, ['400', '404', '500'], err3),
    ],
  },
  /* 7 */ { kind: 'responseExample', examples: ['200', '400', '401', '403', '404', '500'] },
  /* 8 */ {
    kind: 'requestExample',
    examples: [''],
    title: '修改指定API的配置信息,匹配模式改为绝对匹配,认证方式改为APP认证,Web后端改为使用负载通道,并新增后端参数',
  },
  /* 9 */ { kind: 'responseExample', examples: ['200', '400', '401', '403', '404', '500'] },
  /* 10 */ {
    kind: 'request',
    tables: [
      { n: 2, caption: '请求Header参数', rows: header },
      { n: 3, caption: '请求Body参数', rows: ['variable_value 是 String'] },
    ],
  },
  /* 11 */ {
    kind: 'response',
    tables: [
      {
        n: 4,
        caption: '响应Body参数',
        status: '200',
        rows: ['variable_value String', 'env_id String', 'group_id String', 'variable_name String', 'id String'],
      },
      ...errorTables(5, ['400', '401', '403', '404', '500']),
    ],
  },
  /* 12 */ { kind: 'responseExample', examples: ['200', '400', '404', '500'] },
  /* 13 */ {
    kind: 'response',
    tables: [
      {
        n: 4,
        caption: '响应Body参数',
        status: '200',
        rows: ['size Integer', 'items Array of GroupTreeResponse objects'],
      },
      {
        n: 5,
        caption: 'GroupTreeResponse',
        rows: ['id Integer', 'name String', 'parent_id Integer', 'children Array of GroupTreeResponse objects'],
      },
      ...errorTables(6, ['400', '404', '500'], err3),
    ],
  },
  /* 14 */ {
    kind: 'response',
    tables: [
      {
        n: 4,
        caption: '响应Body参数',
        status: '200',
        rows: [
          'dispatch_id String',
          'task_id String',
          'start_datetime Integer',
          'period String',
          'dispatch_interval Integer',
          'created_date Integer',
          'last_modified_date Integer',
          'remark String',
          'use_quartz_cron Boolean',
          'cron String',
        ],
      },
      ...errorTables(5, ['400', '404', '500']),
    ],
  },
  /* 15 */ { kind: 'responseExample', examples: ['200', '400', '404'] },
  /* 16 */ {
    kind: 'request',
    tables: [
      { n: 2, caption: '请求Header参数', rows: header },
      {
        n: 3,
        caption: '请求Body参数',
        rows: [
          'start_datetime 否 Integer',
          'period 否 String',
          'dispatch_interval 否 Integer',
          'remark 否 String',
          'use_quartz_cron 否 Boolean',
          'cron 否 String',
        ],
      },
    ],
  },
  /* 17 */ { kind: 'responseExample', examples: ['200', '401', '403', '404', '500'] },
  /* 18 */ {
    kind: 'requestExample',
    examples: [''],
    title: '修改指定VPC通道的健康检查配置,协议修改为HTTP,关闭双向认证',
  },
  /* 19 */ {
    kind: 'response',
    tables: [
      {
        n: 4,
        caption: '响应Body参数',
        status: '200',
        rows: [
          'protocol String',
          'path String',
          'method String',
          'port Integer',
          'threshold_normal Integer',
          'threshold_abnormal Integer',
          'time_interval Integer',
          'http_code String',
          'enable_client_ssl Boolean',
          'status Integer',
          'timeout Integer',
          'vpc_channel_id String',
          'id String',
          'create_time String',
        ],
      },
      ...errorTables(5, ['401', '403', '404', '500']),
    ],
  },
  /* 20 */ {
    kind: 'request',
    tables: [
      { n: 2, caption: '请求Header参数', rows: header },
      {
        n: 3,
        caption: '请求Body参数',
        rows: [
          'protocol 是 String',
          'path 否 String',
          'method 否 String',
          'port 否 Integer',
          'threshold_normal 是 Integer',
          'threshold_abnormal 是 Integer',
          'time_interval 是 Integer',
          'http_code 否 String',
          'enable_client_ssl 否 Boolean',
          'status 否 Integer',
          'timeout 是 Integer',
        ],
      },
    ],
  },
  /* 21: the error-code bullet, checked on its own below */ { kind: 'errorCodes' },
  /* 22 */ {
    kind: 'response',
    tables: [{ n: 3, caption: '响应Body参数', status: '200', rows: ['- File'] }, ...errorTables(4, ['400', '403'])],
  },
  /* 23 */ { kind: 'responseExample', examples: ['401', '403', '404', '500'] },
  /* 24 */ { kind: 'response', tables: errorTables(4, ['401', '403', '404', '500']) },
  /* 25 */ { kind: 'responseExample', examples: ['400', '401', '403', '404', '500'] },
  /* 26 */ { kind: 'response', tables: errorTables(3, ['400', '401', '403', '404', '500']) },
  /* 27 */ { kind: 'responseExample', examples: ['200', '400', '401', '403', '404', '500'] },
  /* 28 */ {
    kind: 'response',
    tables: [
      {
        n: 4,
        caption: '响应Body参数',
        status: '200',
        rows: ['size Integer', 'total Long', 'envs Array of EnvInfo objects'],
      },
      { n: 5, caption: 'EnvInfo', rows: ['create_time String', 'name String', 'remark String', 'id String'] },
      ...errorTables(6, ['400', '401', '403', '404', '500']),
    ],
  },
  /* 29 */ { kind: 'responseExample', examples: ['201', '400', '401', '403', '404', '500'] },
  /* 30 */ {
    kind: 'response',
    tables: [
      {
        n: 4,
        caption: '响应Body参数',
        status: '201',
        rows: [
          'url_domain String',
          'id String',
          'status Integer',
          'min_ssl_version String',
          'is_http_redirect_to_https Boolean',
          'verified_client_certificate_enabled Boolean',
        ],
      },
      ...errorTables(5, ['400', '401', '403', '404', '500']),
    ],
  },
];

describe('seed page, flat form', () => {
  it('has 30 bullets, one section each, no operation (no URI bullet), and no report entry of severity error', () => {
    expect(sections).toHaveLength(30);
    expect(pages.map((p) => p.part)).toEqual(expected.map((_, i) => `bullet ${i + 1}`));
    expect(report.filter((e) => e.severity === 'error')).toEqual([]);
  });

  expected.forEach((bullet, i) => {
    it(`bullet ${i + 1}: ${bullet.kind}`, () => {
      const s = sections[i]!;
      expect(s.kind).toBe(bullet.kind);
      if (bullet.tables) {
        expect(s.tables.map((t) => [t.number, t.caption])).toEqual(bullet.tables.map((t) => [t.n, t.caption]));
        bullet.tables.forEach((t, k) => {
          expect(rowLines(s.tables[k]!), `表${t.n}`).toEqual(t.rows);
          if (t.status) expect(s.tables[k]!.status).toBe(t.status);
        });
      } else if (bullet.kind !== 'errorCodes') {
        expect(s.tables).toEqual([]);
      }
      expect(s.examples.map((e) => e.status ?? '')).toEqual(bullet.examples ?? []);
      if (bullet.title) expect(s.examples[0]!.title).toBe(bullet.title);
    });
  });

  it('keeps constraints and enum words inside the description cell', () => {
    const limit = sections[5]!.tables[0]!.rows[0]!.cells[2]!.text;
    expect(limit).toBe('属性ID 最小值:1 最大值:99999999999999999');
    const period = sections[15]!.tables[1]!.rows[1]!.cells[3]!.text;
    expect(period).toBe(
      '调度计划执行周期的时间单位,当使用cron表达式时,为空 MIN (分钟) HOUR (小时) DAY (日) WEEK (周) MON (月) 最小长度:0 最大长度:36',
    );
    // `port = 0时` and `protocol = http时必选` are description text, not row starts.
    const path = sections[19]!.tables[1]!.rows[1]!.cells[3]!.text;
    expect(path).toBe('健康检查时的目标路径。protocol = http或https时必选');
  });

  it('examples: JSON untouched, status and free-text title after the status code', () => {
    const first = sections[0]!.examples[0]!;
    expect(first.title).toBe('Bad Request');
    expect(JSON.parse(first.code)).toEqual({
      error_code: 'APIG.2012',
      error_msg: 'Invalid parameter value,parameterName:domain_id. Please refer to the support documentation',
    });
    expect(sections[28]!.examples[0]!.title).toBe('Created');
    // The request example of bullet 3 holds a string with escaped JSON inside; it still parses.
    expect(JSON.parse(sections[2]!.examples[0]!.code).task.task_name).toBe('fdi_task_v2mysql-tomysql');
  });

  describe('bullet 21, the error-code table', () => {
    const s = sections[20]!;
    const table = s.tables[0]!;
    it('is one table with the error-code header', () => {
      expect(s.heading).toBe('服务集成API错误码');
      expect(s.tables).toHaveLength(1);
      expect(table.header).toEqual(['状态码', '错误码', '错误信息', '描述', '处理措施']);
    });
    it('yields every code on the page, in order', () => {
      // Independent count: every `<status> <APIC|APIG>.<4 digits>` pair written in the bullet's text.
      const line = fixture('seed.txt')
        .split('\n')
        .find((l) => l.includes('服务集成API错误码'))!;
      const written = [...line.matchAll(/ ([1-5]\d\d) (API[CG]\.\d{4}) /g)].map((m) => `${m[1]} ${m[2]}`);
      expect(written.length).toBeGreaterThan(250);
      expect(table.rows.map((r) => `${r.cells[0]!.text} ${r.cells[1]!.text}`)).toEqual(written);
    });
    it('splits message, description and action on hand-checked rows', () => {
      const row = (code: string) => table.rows.find((r) => r.cells[1]!.text === code)!.cells.map((c) => c.text);
      expect(row('APIC.7244')).toEqual([
        '400',
        'APIC.7244',
        'Unsupported to update eip bandwidth',
        '不支持更新带宽',
        '不允许操作',
      ]);
      expect(row('APIG.2000')).toEqual([
        '400',
        'APIG.2000',
        'Parameter error.',
        '{x}请求参数错误',
        '根据接口返回的具体原因修改请求参数',
      ]);
      expect(row('APIG.9999')).toEqual([
        '500',
        'APIG.9999',
        'System error.',
        '系统错误,请联系技术支持工程师',
        '请联系技术支持工程师查看管理面后台日志,检查是否数据库连接异常',
      ]);
    });
    it('drops the `父主题: 错误码` page chrome after the last row', () => {
      expect(table.rows.at(-1)!.cells[4]!.text).not.toContain('父主题');
    });
  });
});
