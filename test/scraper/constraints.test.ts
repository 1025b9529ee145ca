// Constraint phrases → JSON Schema keywords. Every `given` is a description cell copied from the corpus
// (../shared/corpus/zh-md/<service>/<page>.md, named beside it), with paragraphs and list items as the readers
// hand them over: one per line.

import { describe, expect, it } from 'vitest';
import {
  dropNarrowerParameterEnums,
  extractConstraints,
  listEnum,
  MAX_CONSTRAINT_TEXT,
  proseFindings,
} from '../../scraper/interpret/constraints.ts';
import { membersStatedNonEmpty } from '../../scraper/interpret/fields.ts';
import { scrapeText } from '../../scraper/index.ts';
import type { ReportEntry } from '../../scraper/model.ts';
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
      'aom 添加监控数据 (shortest, then longest)',
      '格式为service.item；service和item必须是字符串，必须以字母开头，只能包含0-9/a-z/A-Z/_，总长度最短为3，最大为32，service不能以“PAAS”和“SYS”开头。\n指标命名空间。',
      STRING,
      { minLength: 3, maxLength: 32 },
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
    ['cph 查询云手机服务器列表: 不超过N个字节', '云手机服务器的唯一标识，不超过32个字节。', STRING, { maxLength: 32 }],
    ['vod 创建媒资分类: 最大N字节', '媒资分类名称，最大64字节。', STRING, { maxLength: 64 }],
    [
      'cph 修改云手机名称: 且不得超过N个字符',
      '云手机名称\n必须为小写字母（a-z）、大写字母（A-Z）、数字（0-9）、中文字符、中划线-、下划线_，且不得超过60个字符。',
      STRING,
      { maxLength: 60 },
    ],

    [
      'modelarts 导入模型: N～M位可见字符',
      '模型名称，支持1～64位可见字符（含中文），名称可以包含字母、中文、数字、中划线、下划线。',
      STRING,
      { minLength: 1, maxLength: 64 },
    ],
    // Only the field itself is bounded: `每个…不超过` bounds each part of the value.
    ['constructed from cph phrasings', '标签列表，用逗号分隔，每个不超过64个字符。', STRING, {}],
    // A 每个 of an earlier sentence does not reach the field's own bound.
    [
      'constructed from mrs phrasings: 每个 in another sentence',
      '名称，每个项目最多创建10个集群。名称不超过64个字符。',
      STRING,
      { maxLength: 64 },
    ],
    [
      'mrs 获取指定目录文件列表 (the whole cell): the rules span lines and punctuation',
      '文件目录，比如访问“/tmp/test”目录列表，此处必须是目录，整体URI为\n/v2/{project_id}/clusters/{cluster_id}/files?path=%2Ftmp%2Ftest\n单层目录要遵循以下规则：\n不能为空\n不能以"."开头或结尾\n不能包括下列符号 : :*?"<>|;&,\'`!{}[]$%+\n不能超过255个字节',
      STRING,
      {},
    ],
    [
      'mrs 获取指定目录文件列表: a rule for each directory of the path',
      '文件目录，比如访问“/tmp/test”目录列表，此处必须是目录。\n单层目录要遵循以下规则：\n不能为空\n不能以"."开头或结尾\n不能超过255个字节',
      STRING,
      {},
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
      'mrs 查询特定标签的集群列表 (offset): not negative',
      '（索引位置），从offset指定的下一条数据开始查询。如果action为filter默认为0,必须为数字，不能为负数。',
      INTEGER,
      { minimum: 0, default: 0 },
    ],
    [
      'mrs 查询特定标签的集群列表: a stated least value narrows 不能为负数',
      '查询记录数（action为count时无此参数）如果action为filter默认为1000，limit最多为1000,不能为负数，最小值为1',
      INTEGER,
      { minimum: 1, default: 1000 },
    ],
    ['not negative on a string reads nothing', '取值必须为数字，不能为负数。', STRING, {}],
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
    [
      'as 查询弹性伸缩组列表: 取值范围为：',
      '查询的记录条数，默认为20。取值范围为：0~100。',
      INTEGER,
      { minimum: 0, maximum: 100, default: 20 },
    ],
    [
      'vod 查询托管任务: 默认N，范围[a,b]',
      '每页记录数。\n默认10，范围[1,100]',
      INTEGER,
      { minimum: 1, maximum: 100, default: 10 },
    ],
    [
      'dds 查询实例列表: 取值大于或等于',
      '索引位置偏移量。\n取值大于或等于0。不传该参数时，查询偏移量默认为0，表示从最新的实例创建时间对应的实例开始查询。',
      INTEGER,
      { minimum: 0, default: 0 },
    ],
    [
      'bms 创建裸金属服务器: 默认取值为',
      '创建裸金属服务器的数量。约束：不传该字段时默认取值为1。租户的配额足够时，最大值为24。',
      INTEGER,
      { maximum: 24, default: 1 },
    ],
    [
      'as 创建弹性伸缩策略: ranges under conditions give their union',
      '操作实例个数，默认为1。当配额为默认配额时，取值范围如下：\noperation为SET时，取值范围为：0~300。\noperation为ADD或REMOVE/REDUCE时，取值范围为：1~300。',
      INTEGER,
      { minimum: 0, maximum: 300, default: 1 },
    ],
    // A comma pairs two numbers only inside brackets: five values are no range 0..1.
    [
      'bms 查询裸金属服务器详情（OpenStack原生）: 0，1，2，3，4',
      '扩展属性，裸金属服务器电源状态。取值范围：0，1，2，3，4',
      INTEGER,
      {},
    ],
    // On a string, 取值范围 is prose about allowed values, never a numeric range.
    ['dds 创建手动备份 (string)', '取值范围：1-64', STRING, {}],
  ];
  it.each(cases)('%s', (_, text, type, want) => expect(own(text, type)).toEqual(want));
});

describe('enums from prose', () => {
  const cases: [string, string, TypeRef, Constraints][] = [
    [
      'bms 查询裸金属服务器详情: 空字符串 is the value ""',
      '裸金属服务器宿主机状态。UP：服务正常UNKNOWN：状态未知DOWN：服务异常MAINTENANCE：维护状态空字符串：裸金属服务器无主机信息',
      STRING,
      { enum: ['UP', 'UNKNOWN', 'DOWN', 'MAINTENANCE', ''] },
    ],
    [
      'bms 查询规格详情和规格扩展信息列表: noted words run together',
      '裸金属服务器的CPU架构类型，取值为：x86_64（适用于x86机型）aarch64（适用于ARM机型）',
      STRING,
      { enum: ['x86_64', 'aarch64'] },
    ],
    [
      'aom 添加阈值规则: a quoted range that goes on is the list, not its first value',
      '取值范围\n"maximum"，"minimum"，"average"， "sum"，"sampleCount"\n统计方式',
      STRING,
      { enum: ['maximum', 'minimum', 'average', 'sum', 'sampleCount'] },
    ],
    [
      'bms 查询规格详情和规格扩展信息列表: a range of one quoted word',
      '标识该规格对应的资源类型，取值范围为“ironic”。',
      STRING,
      { enum: ['ironic'] },
    ],
    [
      'bms 查询裸金属服务器详情: quoted values and their meanings',
      '启动标识，“0”代表启动盘，“-1“代表非启动盘。',
      STRING,
      { enum: ['0', '-1'] },
    ],
    ['aom 添加监控数据 (只能是, quoted)', '只能是"int"或"float"。\n数据的类型。', STRING, { enum: ['int', 'float'] }],
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
      'as 创建弹性伸缩策略（V2版本）: meaning first, after a first line without a colon',
      '伸缩资源类型\n伸缩组：SCALING_GROUP\n带宽：BANDWIDTH',
      STRING,
      { enum: ['SCALING_GROUP', 'BANDWIDTH'] },
    ],
    [
      'as 移出弹性伸缩组实例: meaning first, lower-case yes/no are the wire values',
      '实例移出伸缩组时，是否删除该实例。\n取值如下：\n不删除实例：no，默认为no。\n删除实例：yes',
      STRING,
      { enum: ['no', 'yes'], default: 'no' },
    ],
    [
      'as 查询弹性伸缩组中的实例列表: true/false on a string field',
      '实例保护状态：\ntrue：已设置实例保护。\nfalse：未设置实例保护。',
      STRING,
      { enum: ['true', 'false'] },
    ],
    [
      'as 创建弹性伸缩配置: a value may start with a digit',
      '弹性IP地址类型。\n类型枚举值：\n5_bgp：全动态BGP\n5_sbgp：静态BGP\n5_telcom：中国电信\n5_union：中国联通\n详情请参见《虚拟私有云接口参考》“申请弹性公网IP”章节的“publicip”字段说明。',
      STRING,
      { enum: ['5_bgp', '5_sbgp', '5_telcom', '5_union'] },
    ],
    [
      'swr 查询组织详情: VALUE表示meaning lines',
      '用户权限\n7表示管理权限\n3表示编辑权限\n1表示读取权限',
      INTEGER,
      { enum: [7, 3, 1] },
    ],
    [
      'as 创建生命周期挂钩: bare values after the first line, then a note',
      '生命周期挂钩默认回调操作。默认情况下，到达超时时间后执行的操作。\nABANDON\nCONTINUE\n说明：\n如果实例正在启动，则 CONTINUE 表示用户自定义操作已成功，可将实例投入使用。\n该字段缺省时默认为 ABANDON。',
      STRING,
      { enum: ['ABANDON', 'CONTINUE'], default: 'ABANDON' },
    ],
    // Run-in lists: the converter dropped the cell's line breaks (bms), or a sentence lists the values (swr).
    [
      'bms 重启裸金属服务器: run-in VALUE：meaning, (默认) marks the default',
      '重启类型：SOFT：普通重启（不生效）。HARD：强制重启（默认）。',
      STRING,
      { enum: ['SOFT', 'HARD'], default: 'HARD' },
    ],
    [
      'bms 查询Job状态: a value right after the previous meaning',
      'Job的状态。SUCCESS：成功RUNNING：运行中FAIL：失败INIT：正在初始化',
      STRING,
      { enum: ['SUCCESS', 'RUNNING', 'FAIL', 'INIT'] },
    ],
    [
      'bms 创建裸金属服务器: trailing prose after the last meaning',
      '订购周期类型。取值范围：month：月year：年chargingMode为prePaid时生效，且为必选值。',
      STRING,
      { enum: ['month', 'year'] },
    ],
    ['swr 创建组织权限: N表示…', '用户权限，7表示管理权限，3表示编辑权限，1表示读取权限', INTEGER, { enum: [7, 3, 1] }],
    [
      'bms 创建裸金属服务器: VALUE，表示…',
      '带宽的共享类型。共享类型枚举：PER，表示独享；WHOLE，表示共享',
      STRING,
      { enum: ['PER', 'WHOLE'] },
    ],
    // One value per clause (dds): together the clauses name the values.
    [
      'dds 查询实例列表: 取值为“X”，表示… per line',
      '实例类型。\n取值为“Sharding”，表示集群实例。\n取值为“ReplicaSet”，表示副本集实例。\n取值为“Single”，表示单节点实例。',
      STRING,
      { enum: ['Sharding', 'ReplicaSet', 'Single'] },
    ],
    [
      'dds 重启实例: …时，取值为“X”',
      '待重启对象的类型。\n重启集群实例下的节点或组时，该参数必选。\n重启mongos节点时，取值为“mongos”。\n重启shard组时，取值为“shard”。\n重启config组时，取值为“config”。\n重启整个实例时，不传该参数。',
      STRING,
      { enum: ['mongos', 'shard', 'config'] },
    ],
    [
      'dds 创建实例: 取值分别为 and 取“X”',
      '节点类型。\n取值：\n社区版集群实例包含mongos、shard和config节点，各节点下该参数取值分别为“mongos”、“shard”和“config”。\n增强版集群实例下该参数取值为“shard”。\n社区版副本集实例下该参数取值为“replica”。',
      STRING,
      { enum: ['mongos', 'shard', 'config', 'replica'] },
    ],
    // The value of another field (`“action”值为“count”时`) and a value under 若 are not this field's.
    [
      'dds 查询资源实例 and constructed',
      '查询记录数。\n“action”值为“count”时，不传该参数。\n若type取值为“a”，表示甲。\n取值为“b”，表示乙。',
      STRING,
      {},
    ],
    [
      "aom 查询时序数据: null is one of a string field's words",
      '用于对查询到的时序数据进行断点插值，默认值为-1。\n-1：断点处使用-1进行表示。\n0 ：断点处使用0进行表示。\nnull：断点处使用null进行表示。\naverage：断点处使用前后邻近的有效数据的平均值进行表示，如果不存在有效数据则使用null进行表示。',
      STRING,
      { enum: ['-1', '0', 'null', 'average'], default: '-1' },
    ],
    [
      'as 创建或删除标签: one value under 枚举类：',
      '资源类型，枚举类：\nscaling_group_tag：资源类型为伸缩组。',
      STRING,
      { enum: ['scaling_group_tag'] },
    ],
    [
      'as 查询资源实例: one value after 枚举类：',
      '资源类型，枚举类：scaling_group_tag',
      STRING,
      { enum: ['scaling_group_tag'] },
    ],
    [
      'bms 创建裸金属服务器: 枚举值 then words that start with a digit',
      '弹性公网IP地址类型。类型枚举值：5_bgp、5_sbgp详情请参见《弹性公网IP API参考》“申请弹性公网IP”章节的“publicip”字段说明。',
      STRING,
      { enum: ['5_bgp', '5_sbgp'] },
    ],
    [
      'bms 创建裸金属服务器: one value after 枚举值',
      '裸金属服务器数据盘对应的磁盘存储类型。磁盘存储类型枚举值：DSS（专属分布式存储）。使用专属分布式存储时需要该字段。',
      STRING,
      { enum: ['DSS'] },
    ],
    [
      'bms 创建裸金属服务器 (the whole cell): a document and a chapter named after the one value are no values',
      '裸金属服务器数据盘对应的磁盘存储类型。磁盘存储类型枚举值：DSS（专属分布式存储）。使用专属分布式存储时需要该字段。存储池类型可以从管理控制台或者参考《专属分布式存储API参考》的“获取专属分布式存储池详情列表”章节获取。',
      STRING,
      { enum: ['DSS'] },
    ],
    [
      'bms 批量添加裸金属服务器标签: 仅支持 says it is the only one, whatever words follow',
      '系统标签的Key值，当前仅支持“_sys_enterprise_project_id”，表示企业项目ID。',
      STRING,
      { enum: ['_sys_enterprise_project_id'] },
    ],
    ['cph 查询任务执行状态列表: 最长N个字节', '任务执行返回内容，最长1024个字节。', STRING, { maxLength: 1024 }],
    ['constructed: 值为1或2时 is a condition', '当type值为1或2时必选', INTEGER, {}],
    [
      'bms 查询裸金属服务器网卡信息: 取值为：A、B、C',
      '网卡端口状态，取值为：ACTIVE、BUILD、DOWN。',
      STRING,
      { enum: ['ACTIVE', 'BUILD', 'DOWN'] },
    ],
    [
      'bms 创建裸金属服务器: 参数值为a或b',
      '是否在专属云中创建裸金属服务器，参数值为share或dedicate。约束：该值不传时默认为share。',
      STRING,
      { enum: ['share', 'dedicate'], default: 'share' },
    ],
    [
      'bms 创建裸金属服务器: words with their meaning in brackets',
      '带宽的计费类型。取值为：traffic（按流量计费）、bandwidth（按带宽计费）未传该字段，表示按带宽计费。',
      STRING,
      { enum: ['traffic', 'bandwidth'] },
    ],
    [
      'modelarts 查询专属资源池列表: 取值a或b',
      '订购周期类型，取值year或month，仅当集群为包周期类型时返回。',
      STRING,
      { enum: ['year', 'month'] },
    ],
    [
      'modelarts 创建可视化作业: 可选的有a和b',
      '可视化可视化的类型，可选的有tensorboard和mindinsight，默认为tensorboard。',
      STRING,
      { enum: ['tensorboard', 'mindinsight'], default: 'tensorboard' },
    ],
    ['as 查询资源实例: 包括a和b两种', '操作标识，包括filter和count两种。', STRING, { enum: ['filter', 'count'] }],
    [
      'swr 创建镜像老化规则: meaning, then the values',
      '回收类型，date_rule、tag_rule',
      STRING,
      { enum: ['date_rule', 'tag_rule'] },
    ],
    ['vod 创建媒资-上传方式: the only quoted value', '字幕文件类型，目前暂只支持“SRT”。', STRING, { enum: ['SRT'] }],
    ['modelarts 更新服务配置: 仅支持取值为', '调度类型，当前仅支持取值为stop。', STRING, { enum: ['stop'] }],
    ['modelarts 导入模型: one 可选值', 'JSON Schema中表示类型的字段，可选值为object。', STRING, { enum: ['object'] }],
    [
      'modelarts 查询工作空间列表: “value”为meaning lines',
      '指定查询的排序顺序，可选值有：\n“asc”为递增排序。\n“desc”为递减排序（默认值）。',
      STRING,
      { enum: ['asc', 'desc'], default: 'desc' },
    ],
    [
      'vod 查询托管媒资详情: quoted value lines',
      '媒资状态。\n"CREATING"：上传中\n"FAILED"：上传失败\n"CREATED"：上传成功\n"PUBLISHED"：已发布\n"DELETED"：已删除',
      STRING,
      { enum: ['CREATING', 'FAILED', 'CREATED', 'PUBLISHED', 'DELETED'] },
    ],
    [
      'modelarts 创建数据集: 格式 in the meaning, 可选值如下： in the last clause; Default is a value, not the label',
      '数据集版本格式。可选值如下：\nDefault：默认格式\nCarbonData：Carbon格式（仅表格数据集支持）\nCSV：CSV格式',
      STRING,
      { enum: ['Default', 'CarbonData', 'CSV'] },
    ],
    [
      'modelarts 创建开发环境实例: 当前支持： is no condition',
      '规格销售状态。当前支持：\nonSale\nsoldOut',
      STRING,
      { enum: ['onSale', 'soldOut'] },
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
    ['constructed: one quoted clause is no list', '启动标识，“0”代表启动盘。', STRING, {}],
    ['constructed: one noted word is no list', '架构类型，取值为：x86_64（适用于x86机型）', STRING, {}],
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
    // Run-in lists that read nothing: a key of words among the values (`其他值：…`), a list glued to the numbers
    // before it, a value glued to the previous meaning, examples.
    [
      'constructed from cph 查询编码服务: 其他值 leaves the list open',
      '端口类型。adb：ADB端口vnc：VNC端口其他值：用户自定义端口',
      STRING,
      {},
    ],
    [
      'bms 查询裸金属服务器详情（OpenStack原生）: 0，1，2，3，4 then 0：pending…',
      '扩展属性，裸金属服务器电源状态。取值范围：0，1，2，3，40：pending1：running2：paused3：shutdown4：crashed',
      INTEGER,
      {},
    ],
    [
      'bms 修改裸金属服务器名称: IPv4 glued to 6 reads no run-in list, 值为4或6 the values',
      'IP地址类型，值为4或6。4：IP地址类型是IPv46：IP地址类型是IPv6',
      INTEGER,
      { enum: [4, 6] },
    ],
    [
      'bms 修改裸金属服务器名称: 例如',
      '扩展属性，裸金属服务器任务状态。例如：rebooting：重启中reboot_started：普通重启reboot_started_hard：强制重启',
      STRING,
      {},
    ],
    // Lists that say other values are taken too are open: no enum.
    [
      'cph 查询编码服务: 其他值 after the list',
      '编码服务的端口类型，取值如下：\nadb：云手机的ADB端口\nvnc：云手机的VNC端口\ncph_app_server：云游戏客户端接入端口\ncph_h5_server：云游戏H5 web网页接入端口\n其他值：用户自定义端口',
      STRING,
      {},
    ],
    ['constructed from the cph phrasing: 或其他', '端口类型，取值为adb、vnc或其他值。', STRING, {}],
    // Precision checks from a pass over every enum the corpus gave.
    [
      'dli 新建SQL作业: a quoted value with more in it',
      '作业脏数据策略。\n“2:obsDir”：保存，obsDir表示脏数据存储路径。\n“1”：抛出异常。\n“0”：忽略。\n默认值为“0”。',
      STRING,
      { default: '0' },
    ],
    [
      'dds 重启实例: words followed by more words are no list',
      '待重启对象的ID。\n重启集群实例下的节点时，对于mongos节点，取值为mongos节点ID，对于shard和config组，取值为shard和config组ID。',
      STRING,
      {},
    ],
    [
      'aom 查询时间序列: 等 makes the values examples',
      '取值范围 PAAS.CONTAINER、PAAS.NODE、PAAS.SLA、PAAS.AGGR、CUSTOMMETRICS等 时间序列命名空间。 PAAS.CONTAINER：应用时间序列； PAAS.NODE：节时间序列； PAAS.SLA：SLA时间序列； PAAS.AGGR：集群时间序列； CUSTOMMETRICS：自定义时间序列',
      STRING,
      {},
    ],
    [
      'mrs 创建集群: kinds of paths, not values',
      "数据输入地址。 文件可存储于HDFS或者OBS中，不同的文件系统对应的路径存在差异。\nOBS：以“obs://”开头。不支持KMS加密的文件或程序。\nHDFS：以“/”开头。\n最多为1023字符，不能包含;|&>'<$特殊字符，可为空。",
      STRING,
      { maxLength: 1023 },
    ],
    [
      'mrs 创建集群并执行作业: resource IDs of one environment',
      '可用分区ID。\n华北-北京一可用区1（cn-north-1a）：ae04cf9d61544df3806a3feeb401b204\n华北-北京一可用区2（cn-north-1b）：d573142f24894ef3bd3664de068b44b0',
      STRING,
      {},
    ],
    // A default in words describes the value, it does not give it.
    ['dli 创建上传作业: 默认值：逗号', '自定义数据分隔符，默认值：逗号。', STRING, {}],
    // One unquoted word after 仅支持 may describe something else than the field's values.
    ['modelarts 导入模型: 当前只支持pip', '安装方式，当前只支持pip。', STRING, {}],
    ['constructed: 仅支持 then a quoted word inside a phrase', '镜像ID，仅支持“x86”架构的镜像。', STRING, {}],
    // A condition on another field, a list that goes on (等), one boolean word.
    ['constructed from dds phrasings: 值为 after another name', '当action值为count或filter时，该参数必选', STRING, {}],
    ['constructed: 等', '名称，取值为abc、def等', STRING, {}],
    ['constructed: 取值为true。', '是否开启，开启时取值为true。', STRING, {}],
    // One value and then more: an enum of the first alone would reject the others.
    ['constructed: 可选值为 one value, then another', '可选值为abc，也可以为def。', STRING, {}],
    [
      'constructed: 取值范围为 one quoted value, then another',
      '资源类型，取值范围为“ironic”。也可以为“kvm”。',
      STRING,
      {},
    ],
    [
      'constructed: 枚举值 one value, then another in the next sentence',
      '枚举值：GET，默认为GET。POST方法也可以',
      STRING,
      { default: 'GET' },
    ],
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
    // A first line without `:` is a label only when at least two value lines follow it directly.
    ['constructed: a first line and one value line', '所属分组\ndefault：默认分组\n其他分组按名称', undefined],
    ['constructed: a first line, prose, then value lines', '所属分组\n分组说明如下\na：甲\nb：乙', undefined],
    [
      'dli 查询作业列表: a first line and two value lines, then prose',
      '查询结果排序。\nasc：升序\ndesc：降序\n默认为“desc”。',
      { values: ['asc', 'desc'] },
    ],
    [
      'aom 查询监控数据（即将下线）: the 取值范围 cell restates the listed values',
      '用于对查询到的监控数据进行断点插值，默认值为-1。\n-1：断点处使用-1进行表示。\n0 ：断点处使用0进行表示。\nnull：断点处使用null进行表示。\naverage：断点处使用前后邻近的有效数据的平均值进行表示，如果不存在有效数据则使用null进行表示。\n-1、0、null、average',
      { values: ['-1', '0', 'null', 'average'] },
    ],
    [
      'constructed: a line naming other values still makes the list unclear',
      '断点插值。\n-1：断点处使用-1进行表示。\n0 ：断点处使用0进行表示。\n-1、0、average',
      undefined,
    ],
    ['examples are no values', '取值示例：\n08:15-09:15\n10:15-11:15', undefined],
    // dli 创建上传作业 `conf`: the setting names are the keys inside the values (`"DLI.sql.shuffle.partitions = 200"`).
    [
      'setting names are no values',
      '用户定义适用于此作业的配置参数。目前支持的配置项：\ndli.sql.join.preferSortMergeJoin（是否优先使用SortMergeJoin）\ndli.sql.caseSensitive（sql语句是否大小写敏感）\ndli.sql.shuffle.partitions（指定Shuffle过程中Partition的个数）',
      undefined,
    ],
    // as 创建弹性伸缩策略: upper-case alternatives sharing one meaning are two values.
    [
      'upper-case alternatives',
      '可选值如下：\nADD：增加\nREMOVE/REDUCE：减少',
      { values: ['ADD', 'REMOVE', 'REDUCE'] },
    ],
    [
      'a list ending on a line that starts like a value but is none (a lower-case slash is one value)',
      '可选值如下：\ntext：文本\ntext/plain：纯文本',
      undefined,
    ],
  ];
  it.each(cases)('%s', (_, text, want) => expect(listEnum(text)).toEqual(want));
});

describe('a bare Array of words', () => {
  // vod 查询媒资信息: `assetStatus` is `Array`; the values listed are words, so the items are strings.
  const ANY_ARRAY: TypeRef = { kind: 'array', items: { kind: 'any' } };
  it('types listed words as string items', () => {
    const text = '媒资状态。\n取值如下：\nPUBLISHED：已发布\nCREATED：未发布';
    expect(extractConstraints({ text }, ANY_ARRAY)).toEqual({ own: {}, items: { enum: ['PUBLISHED', 'CREATED'] } });
  });
  it('leaves dotted member names unread (aom 查询监控数据: dimensions.name, dimensions.value)', () => {
    const text =
      '指标维度\ndimensions.name：维度名称，如应用名称为appName。\ndimensions.value：维度取值，如应用名称具体的值。';
    expect(extractConstraints({ text }, ANY_ARRAY)).toEqual({ own: {}, items: {} });
  });
  it('leaves listed numbers unread (numbers or strings?)', () => {
    const text = '取值如下：\n0：表示不加密。\n1：表示需要加密。';
    expect(extractConstraints({ text }, ANY_ARRAY)).toEqual({ own: {}, items: {} });
  });
});

describe('a parameter list narrower than the page', () => {
  const field = (name: string, values: string[]) => ({ name, constraints: { enum: values } });
  it('drops the enum when a same-named field lists all its values and more (vod 查询媒资信息 status)', () => {
    const param = { name: 'status', constraints: {}, itemConstraints: { enum: ['CREATED', 'PUBLISHED'] } };
    const shared = param.itemConstraints;
    expect(
      dropNarrowerParameterEnums([param], [field('status', ['CREATED', 'PUBLISHED', 'WAITING_TRANSCODE'])]),
    ).toEqual(['status']);
    expect(param.itemConstraints).toEqual({});
    expect(shared).toEqual({ enum: ['CREATED', 'PUBLISHED'] }); // the row's field keeps its own list
  });
  it('keeps it when the lists merely differ (as: INITAILIZING in the response, INITIALIZING in the query)', () => {
    const param = { name: 'health_status', constraints: { enum: ['INITIALIZING', 'NORMAL', 'ERROR'] } };
    expect(dropNarrowerParameterEnums([param], [field('health_status', ['INITAILIZING', 'NORMAL', 'ERROR'])])).toEqual(
      [],
    );
    expect(param.constraints).toEqual({ enum: ['INITIALIZING', 'NORMAL', 'ERROR'] });
  });
});

// Hostile text: no time is asserted. Each input is sized so that the quadratic patterns these replaced would run for
// minutes (beyond the vitest timeout): 20 000 characters took 0.37 s, and 25× the length is 625× the time.
describe('the readers stay linear on long hostile text', () => {
  it('a 每个 before 500 000 characters of one sentence keeps the bound unread, without scanning back each time', () => {
    expect(proseFindings(`每个${'名'.repeat(500_000)}不超过64个字符`)).toEqual([]);
  });

  it('500 000 spaces before a number after 长度为', () => {
    expect(proseFindings(`长度为${' '.repeat(500_000)}1`)).toEqual([]);
  });

  it('a chain of 500 000 names joined by 和 with no predicate names nothing', () => {
    expect(membersStatedNonEmpty('a和'.repeat(500_000))).toEqual([]);
    expect(membersStatedNonEmpty('name和value不能为空')).toEqual(['name', 'value']);
  });

  it('a description longer than MAX_CONSTRAINT_TEXT is not read, and the caller is told', () => {
    const text = `${'名'.repeat(MAX_CONSTRAINT_TEXT)}长度为1-64个字符。`;
    expect(extractConstraints({ text }, STRING)).toEqual({ own: {}, items: {}, tooLong: true });
    expect(extractConstraints({ text: text.slice(MAX_CONSTRAINT_TEXT - 64) }, STRING)).toEqual({
      own: { minLength: 1, maxLength: 64 },
      items: {},
    });
  });

  it('reports the description it did not read as a warning of its page', () => {
    const long = `${'名'.repeat(MAX_CONSTRAINT_TEXT)}长度为1-64个字符。`;
    const page = `# 创建\n\n## URI\n\nPOST /v1/things\n\n## 请求参数\n\n**表 1**  请求Body参数\n\n<table><thead><tr><th>参数</th><th>是否必选</th><th>参数类型</th><th>描述</th></tr></thead><tbody><tr><td>name</td><td>是</td><td>String</td><td>${long}</td></tr></tbody></table>\n`;
    const report: ReportEntry[] = [];
    scrapeText(page, 'page.md', report);
    const entry = report.find((e) => e.reason.includes(`longer than ${MAX_CONSTRAINT_TEXT} characters`));
    expect(entry).toMatchObject({ severity: 'warning' });
    expect(entry?.reason).toContain("'name'");
  });
});
