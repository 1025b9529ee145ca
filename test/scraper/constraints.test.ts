// Constraint phrases → JSON Schema keywords. Every `given` is a description cell copied from the corpus
// (../shared/corpus/zh-md/<service>/<page>.md, named beside it), with paragraphs and list items as the readers
// hand them over: one per line.

import { describe, expect, it } from 'vitest';
import { extractConstraints, listEnum } from '../../scraper/interpret/constraints.ts';
import type { Constraints, TypeRef } from '../../scraper/model.ts';

const STRING: TypeRef = { kind: 'primitive', type: 'string' };
const INTEGER: TypeRef = { kind: 'primitive', type: 'integer' };
const BOOLEAN: TypeRef = { kind: 'primitive', type: 'boolean' };
const STRINGS: TypeRef = { kind: 'array', items: STRING };

function own(text: string, type: TypeRef): Constraints {
  return extractConstraints({ text }, type).own;
}

describe('length from prose', () => {
  const cases: [string, string, TypeRef, Constraints][] = [
    [
      'swr 创建组织',
      '组织名称。小写字母开头，后面跟小写字母、数字、小数点、下划线或中划线，小写字母或数字结尾，1-64个字符。',
      STRING,
      { minLength: 1, maxLength: 64 },
    ],
    [
      'dws 创建快照',
      '快照名称，要求唯一性且必须以字母开头，不区分大小写，可以包含字母、数字、中划线或者下划线，不能包含其他的特殊字符，长度为4～64个字符。',
      STRING,
      { minLength: 4, maxLength: 64 },
    ],
    [
      'modelarts 创建数据集',
      '数据集描述，默认为空，描述不能包含^!<>=&"\'等特殊字符，长度为0-256。',
      STRING,
      { minLength: 0, maxLength: 256 },
    ],
    [
      'dds 创建手动备份',
      '手动备份名称。\n取值范围：长度为4~64位，必须以字母开头（A~Z或a~z），区分大小写。',
      STRING,
      { minLength: 4, maxLength: 64 },
    ],
    ['as 标签', '资源标签键。最大长度128个unicode字符。key不能为空。', STRING, { maxLength: 128 }],
    ['apig 创建API分组', 'API分组描述。字符长度不超过255', STRING, { maxLength: 255 }],
    // The length of something inside the value is not the value's: only the total (512) is read.
    [
      'apig 创建API',
      '请求地址。可以包含请求参数，用{}标识，总长度不超过512，且满足URI规范。\n支持环境变量，使用环境变量时，每个变量名的长度为3 ~ 32位的字符串。',
      STRING,
      { maxLength: 512 },
    ],
    // Lengths belong to strings: on an integer, `长度` is something else (a log length in lines).
    ['modelarts 查询训练作业日志', '获取日志的长度，默认为50行。', INTEGER, { default: 50 }],
  ];
  it.each(cases)('%s', (_, text, type, want) => expect(own(text, type)).toEqual(want));

  it('puts the lengths of an array of strings on its items', () => {
    const text = '标签列表。每个值最大长度255个unicode字符。';
    expect(extractConstraints({ text }, STRINGS)).toEqual({ own: {}, items: { maxLength: 255 } });
  });
});

describe('range from prose', () => {
  const cases: [string, string, TypeRef, Constraints][] = [
    [
      'as 创建弹性伸缩组',
      '伸缩组实例健康状况检查宽限期，取值范围0-86400，单位是秒，默认为600。',
      INTEGER,
      { minimum: 0, maximum: 86400, default: 600 },
    ],
    [
      'apig 创建VPC通道',
      'VPC通道中主机的端口号。\n取值范围1 ~ 65535，仅VPC通道类型为2时有效。',
      INTEGER,
      { minimum: 1, maximum: 65535 },
    ],
    ['mrs 查询作业列表', '分页查询每页返回的最大作业数量。\n取值范围：[1～100]', INTEGER, { minimum: 1, maximum: 100 }],
    [
      'cph 查询云手机列表',
      '每页返回的资源个数\n取值范围：1~50（默认值为50）\n一般设置为10、20、50',
      INTEGER,
      { minimum: 1, maximum: 50, default: 50 },
    ],
    [
      'modelarts 查询作业列表',
      '指定每一页展示作业的总量，默认为“10”，“per_page”可选的范围为[1，1000]。',
      INTEGER,
      { minimum: 1, maximum: 1000, default: 10 },
    ],
    // On a string, 取值范围 is prose about allowed values, never a numeric range.
    ['dds 创建手动备份 (string)', '取值范围：1-64', STRING, {}],
  ];
  it.each(cases)('%s', (_, text, type, want) => expect(own(text, type)).toEqual(want));
});

describe('enums from prose', () => {
  const cases: [string, string, TypeRef, Constraints][] = [
    [
      'modelarts 查询模型列表: values after 模型状态：',
      '模型状态，可根据模型状态执行查询。模型状态：\npublishing\npublished\nfailed\nbuilding\nbuilding_failed',
      STRING,
      { enum: ['publishing', 'published', 'failed', 'building', 'building_failed'] },
    ],
    [
      'modelarts 查询服务列表: 可选 “a”或“b”',
      '排序方式，可选“asc”或“desc”，代表递增排序及递减排序，默认是“desc”。',
      STRING,
      { enum: ['asc', 'desc'], default: 'desc' },
    ],
    [
      'modelarts 查询模型列表: 可选： then value，meaning',
      '排序方式，可选：\nasc，递增排序\ndesc，递减排序，默认是desc。',
      STRING,
      { enum: ['asc', 'desc'], default: 'desc' },
    ],
    [
      'ges 查询Job列表: 可选值“and”和“or”',
      '过滤条件逻辑关系，可选值“and”和“or”，默认为“and”。',
      STRING,
      { enum: ['and', 'or'], default: 'and' },
    ],
    [
      'dli 预览SQL结果: doubled quotes',
      '预览表的模式，取值为““SYNC””或者““ASYNC””默认值为：“SYNC”。',
      STRING,
      { enum: ['SYNC', 'ASYNC'], default: 'SYNC' },
    ],
    [
      'modelarts 创建模型: slash list',
      '模型类型，取值为TensorFlow/MXNet/Caffe/Spark_MLlib/Scikit_Learn/XGBoost/MindSpore/Image/PyTorch。',
      STRING,
      {
        enum: [
          'TensorFlow',
          'MXNet',
          'Caffe',
          'Spark_MLlib',
          'Scikit_Learn',
          'XGBoost',
          'MindSpore',
          'Image',
          'PyTorch',
        ],
      },
    ],
    [
      'mrs 创建集群: integer values under 枚举值：',
      '集群类型。\n默认值为0：分析集群。\n说明：暂不支持通过接口方式创建混合集群。\n枚举值：\n0：分析集群\n1：流式集群',
      INTEGER,
      { enum: [0, 1], default: 0 },
    ],
    [
      'vod 创建媒资: 取值如下：',
      '是否自动发布。\n取值如下：\n0：表示不自动发布。\n1：表示自动发布。\n默认值：0。',
      INTEGER,
      { enum: [0, 1], default: 0 },
    ],
    [
      'as 修改弹性伸缩组: (默认) marks the default',
      '伸缩组实例移除策略：\nOLD_CONFIG_OLD_INSTANCE（默认）：从“较早创建的配置”创建的实例中选择较早创建的实例进行优先移除。\nOLD_CONFIG_NEW_INSTANCE：从“较早创建的配置”创建的实例中选择较晚创建的实例进行优先移除。\nOLD_INSTANCE：较早创建的实例被优先移除。\nNEW_INSTANCE：较晚创建的实例将被优先移除。',
      STRING,
      {
        enum: ['OLD_CONFIG_OLD_INSTANCE', 'OLD_CONFIG_NEW_INSTANCE', 'OLD_INSTANCE', 'NEW_INSTANCE'],
        default: 'OLD_CONFIG_OLD_INSTANCE',
      },
    ],
    [
      'modelarts 同步数据集: booleans need no enum, the marked default stays',
      '是否启用样本收集。可选值如下：\ntrue：启用样本收集（默认值）\nfalse：不启用样本收集',
      BOOLEAN,
      { default: true },
    ],
    [
      'dli 新建Flink-Jar作业: a bare 默认： label line',
      '是否开启作业日志。\n开启：true\n关闭：false\n默认：false',
      BOOLEAN,
      { default: false },
    ],
    [
      'apig CreateAPI: 默认： after a value list',
      'API的请求协议：\nHTTP\nHTTPS\nBOTH：同时支持HTTP和HTTPS\n默认：HTTPS',
      STRING,
      { enum: ['HTTP', 'HTTPS', 'BOTH'], default: 'HTTPS' },
    ],
  ];
  it.each(cases)('%s', (_, text, type, want) => expect(own(text, type)).toEqual(want));
});

describe('ambiguous phrasings read nothing', () => {
  const cases: [string, string, TypeRef, Constraints][] = [
    // Constructed from dli 新建Flink-Jar作业: the bare 默认： label takes only a value of the field's type.
    ['a word for a boolean', '是否开启作业日志。\n默认：关闭', BOOLEAN, {}],
    ['prose for a string', '作业描述。\n默认：空字符串', STRING, {}],
    // Two conditional lists, the first with `REMOVE/REDUCE`: which values hold depends on another field.
    [
      'as 创建弹性伸缩策略（V2版本）',
      '操作选项，默认为ADD。\n当scaling_resource_type为SCALING_GROUP，支持如下操作：\nADD：增加\nREMOVE/REDUCE：减少\nSET：设置为\n当scaling_resource_type为BANDWIDTH，支持如下操作：\nADD：增加\nREDUCE：减少\nSET：设置为',
      STRING,
      { default: 'ADD' },
    ],
    // A yes/no question answered by a list: the definitions leave it open.
    ['apig 修改流控策略', '是否开启动态流控：\nTRUE\nFALSE\n暂不支持', STRING, {}],
    // A sentence about the values, not values.
    [
      'dws 创建订阅事件',
      '事件类别支持：\nmanagement\nmonitor\nsecurity\nsystem alarm\n枚举值：多个枚举值使用 “, ”分隔。',
      STRING,
      {},
    ],
    // `null` is no default, and an expression is no scalar.
    ['apig 创建API', '参数校验表达式，默认为null，不做校验', STRING, {}],
    [
      'dli 创建Flink Jar作业',
      '每个taskmanager的slot数，默认值为“(parallel_number*tm_cus)/(cu_number-manager_cu_number)”。',
      INTEGER,
      {},
    ],
    // Prose about the default, not a value: 默认为空 / 默认是作业名称“job_name” (a name, then the value).
    ['modelarts 创建数据集', '数据集描述，默认为空。', STRING, {}],
    [
      'modelarts 查询训练作业列表',
      '指定查询的排序方式，默认是作业名称“job_name”，目前支持的排序还有作业描述“job_desc”，作业状态“status”。',
      STRING,
      {},
    ],
    // `可以包含“-”和“_”` lists characters, not values.
    ['mrs 创建集群', '集群名称，可以包含“-”和“_”，长度为1～64个字符。', STRING, { minLength: 1, maxLength: 64 }],
    // Two different defaults in one cell: neither.
    ['constructed from dli 创建作业 phrasings', '默认值为“1”。\n当show_detail为true时，默认值为“2”。', INTEGER, {}],
  ];
  it.each(cases)('%s', (_, text, type, want) => expect(own(text, type)).toEqual(want));
});

describe('the label layer still wins over prose', () => {
  it('keeps the auto-generated 最小长度/最大长度 when prose says otherwise', () => {
    // APIG 创建API分组: the label says 64, a sentence mentions another figure.
    expect(own('API分组的名称。\n最小长度：3\n最大长度：64\n长度为3-255', STRING)).toEqual({
      minLength: 3,
      maxLength: 64,
    });
  });
});

describe('value lists', () => {
  const cases: [string, string, ReturnType<typeof listEnum>][] = [
    [
      'cph 查询云手机列表 取值如下',
      '端口类型，取值如下：\nadb：云手机的ADB端口\nvnc：VNC端口',
      { values: ['adb', 'vnc'] },
    ],
    ['one value is no list', '取值如下：\nadb：云手机的ADB端口', undefined],
    ['examples are no values', '取值示例：\n08:15-09:15\n10:15-11:15', undefined],
    [
      'a list ending on a line that starts like a value but is none',
      '可选值如下：\nADD：增加\nREMOVE/REDUCE：减少',
      undefined,
    ],
  ];
  it.each(cases)('%s', (_, text, want) => expect(listEnum(text)).toEqual(want));
});
