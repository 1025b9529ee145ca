// Constraint phrases in descriptions → JSON Schema keywords (FORMATS.md §5, §9.11).
// Two layers, both data tables:
// 1. Labels (`CONSTRAINT_LABELS`): the auto-generated pages write one per paragraph (`最小长度：**1**`), text forms
//    inline (`最小值:1 最大值:500 缺省值:20`), English `Minimum: 1`. These are exact and win.
// 2. Prose (`PROSE_PHRASES`, `listEnum`): the hand-written generations state the same things in sentences
//    (`长度为1-64`, `取值范围1 ~ 65535`, `可选“asc”或“desc”`, `默认值为500`) or as a value list under a label
//    (`可选值如下：` / `模型状态：` then one `VALUE：meaning` per line). Only unambiguous phrasings are read: a wrong
//    enum makes generated validators reject valid requests, which is worse than none. A key that two prose phrases
//    give different values is dropped, and prose never overrides a label.

import type { Constraints, DocCell, FieldModel, ParamModel, TypeRef } from '../model.ts';
import { foldWidth } from '../vocab.ts';

export type ConstraintKey =
  'min' | 'max' | 'minLength' | 'maxLength' | 'default' | 'typedDefault' | 'enum' | 'arrayLength' | 'length' | 'range';

/** Label words (after width folding) and what they set. Longer labels first so `最小长度` wins over `最小`. */
export const CONSTRAINT_LABELS: [string, ConstraintKey][] = [
  ['最小长度', 'minLength'],
  ['最大长度', 'maxLength'],
  ['Minimum length', 'minLength'],
  ['Maximum length', 'maxLength'],
  ['数组长度', 'arrayLength'],
  ['Array Length', 'arrayLength'],
  ['Comprimento da matriz', 'arrayLength'],
  ['最小值', 'min'],
  ['最大值', 'max'],
  ['Minimum', 'min'],
  ['Maximum', 'max'],
  ['Mínimo', 'min'],
  ['Máximo', 'max'],
  ['缺省值', 'default'],
  ['默认值', 'default'],
  ['默认取值', 'default'],
  // `开启：true` / `关闭：false` / `默认：false`, one per line (zh-md/dli/新建Flink-Jar作业.md `log_enabled`). A bare
  // word, so only a value of the field's type counts (`默认：关闭` on a boolean says nothing).
  ['默认', 'typedDefault'],
  ['Default value', 'default'],
  ['Default', 'default'],
  ['枚举值', 'enum'],
  ['Enumeration values', 'enum'],
  ['Enumerated values', 'enum'],
  ['长度', 'length'],
  ['取值范围', 'range'],
  ['Value range', 'range'],
];

const labelAlternatives = (keys: (key: ConstraintKey) => boolean) =>
  CONSTRAINT_LABELS.filter(([, key]) => keys(key))
    .map(([l]) => l.replace(/ /g, '\\s+'))
    .join('|');

/** `Label: value`; a range label may also run straight into its numbers (`取值范围1 ~ 100`, `取值范围为0-2000`). */
const LABEL_PATTERN = new RegExp(
  `(?:^|[\\s。.;；,，(（])(?:(${labelAlternatives((k) => k !== 'range')})\\s*[:：]|(${labelAlternatives((k) => k === 'range')})\\s*(?:为|是)?\\s*[:：]?(?=\\s*\\[?-?\\d))\\s*`,
  'gi',
);

const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** An exact number: a JS number when it is safe, else a bigint (numbers beyond 2^53 stay exact). */
export function exactNumber(text: string): number | bigint | undefined {
  const t = text.trim();
  if (!NUMBER.test(t)) return undefined;
  const n = Number(t);
  if (/^-?\d+$/.test(t) && !Number.isSafeInteger(n)) return BigInt(t);
  return n;
}

/** The value text after each label up to the next label (or the end of the paragraph). */
export function labelledValues(text: string): { key: ConstraintKey; value: string; index: number }[] {
  const folded = foldWidth(text).replace(/\*\*/g, '');
  const found: { key: ConstraintKey; start: number; end: number; index: number }[] = [];
  for (const m of folded.matchAll(LABEL_PATTERN)) {
    const label = (m[1] ?? m[2])!.replace(/\s+/g, ' ');
    const key = CONSTRAINT_LABELS.find(([l]) => l.toLowerCase() === label.toLowerCase())![1];
    found.push({ key, index: m.index!, start: m.index! + m[0].length, end: folded.length });
  }
  for (let i = 0; i < found.length - 1; i++) found[i]!.end = found[i + 1]!.index;
  return found.map(({ key, start, end, index }) => ({ key, value: folded.slice(start, end).trim(), index }));
}

function firstToken(value: string): string {
  return value.split(/[\s,，;；。]+/)[0] ?? '';
}

function scalarFor(type: TypeRef, text: string): unknown {
  const t = text.trim().replace(/^["'“”]|["'“”]$/g, '');
  if (type.kind === 'primitive') {
    if (type.type === 'integer' || type.type === 'number') return exactNumber(t) ?? t;
    if (type.type === 'boolean') return t === 'true' ? true : t === 'false' ? false : t;
  }
  return t;
}

const CJK = /[\u4e00-\u9fff]/;

/**
 * Enum values after the label. Readers put each list item on its own line (`枚举值：\nSECOND\nMINUTE`), so lines
 * win; the list stops at the first line of prose. Text forms write them on one line: `枚举值: SECOND MINUTE`.
 */
function enumValues(value: string): string[] {
  const lines = value.split('\n').map((line) => line.trim().replace(/^[•·]\s*/, ''));
  if (lines.length > 1 || lines[0] === '') {
    const values: string[] = [];
    for (const line of lines.slice(lines[0] === '' ? 1 : 0)) {
      if (!line) continue;
      if (CJK.test(line) || line.length > 64) break;
      values.push(line.replace(/[。.]$/, ''));
    }
    return values;
  }
  const values = value
    .split(/\s*[•·]\s*|[\s,，、;；]+/)
    .map((v) => v.trim().replace(/[。.]$/, ''))
    .filter((v) => v && !CJK.test(v));
  // `枚举值：多个枚举值使用 “, ”分隔。` (DWS) is a sentence about the values, not values: all or nothing.
  if (!values.every((v) => ENUM_WORD.test(v))) return [];
  // One value and more words after it in the sentences (`枚举值:GET,默认为GET。POST方法也可以`): the list is incomplete.
  const sentences = value.slice(value.indexOf(values[0]!) + values[0]!.length);
  return values.length === 1 && otherValueFollows(sentences, values) ? [] : values;
}

/** A word or quoted text after a list that may be one more value (`也可以为def`, `POST方法也可以`). */
const VALUE_LIKE = /[A-Za-z][A-Za-z0-9_.-]*|[“"'‘][^“”"'‘’]+[”"'’]/g;

/** Text after a value that names no value: a document title `《专属分布式存储API参考》`, a quoted chapter title. */
const REFERENCE = /《[^《》]*》|[“"'‘][^“”"'‘’]*[\u4e00-\u9fff][^“”"'‘’]*[”"'’]/g;

/**
 * Whether the text after a one-value list names anything else value-like: `可选值为abc,也可以为def。`, `枚举值:GET,
 * 默认为GET。POST方法也可以`. Restating the value (`默认为GET`) is not another one, nor are references
 * (`参考《专属分布式存储API参考》的“获取专属分布式存储池详情列表”章节`, BMS 创建裸金属服务器).
 */
function otherValueFollows(rest: string, values: string[]): boolean {
  return [...rest.replace(REFERENCE, ' ').matchAll(VALUE_LIKE)].some(
    (m) => !values.includes(m[0].replace(/^[“"'‘]+|[”"'’]+$/g, '')),
  );
}

/** What an inline enum value looks like: a word, a number, or a dotted/dashed identifier. */
const ENUM_WORD = /^-?[A-Za-z0-9_][A-Za-z0-9_.:/+-]*$/;

/**
 * `1~100`, `[1, 100]`: a comma separates a pair only inside brackets, and a pair followed by more numbers is a
 * list: `取值范围：0，1，2，3，4` (BMS 查询裸金属服务器详情, power_state) names five values, not the range 0..1.
 */
const RANGE_VALUE =
  /^(?:\[\s*(-?\d+)\s*(?:-|~|,|到|至)\s*(-?\d+)\s*\]|(-?\d+)\s*(?:-|~|到|至)\s*(-?\d+)(?!\d|\s*,\s*\d))/;

function range(value: string): [number | bigint | undefined, number | bigint | undefined] {
  const m = value.match(RANGE_VALUE);
  if (m) return [exactNumber((m[1] ?? m[3])!), exactNumber((m[2] ?? m[4])!)];
  return [undefined, undefined];
}

function isStringType(type: TypeRef): boolean {
  return type.kind === 'primitive' && type.type === 'string' && !type.format;
}

function isNumericType(type: TypeRef): boolean {
  return type.kind === 'primitive' && (type.type === 'integer' || type.type === 'number');
}

// ---------------------------------------------------------------------------------------------------------------
// Prose (issue 8 §4). Patterns run on width-folded text with `**` removed: `：～，（）` are `:~,()` here.

type ProseKey = 'minLength' | 'maxLength' | 'minimum' | 'maximum' | 'default' | 'enum';

/** What a phrase yields: a (min, max) pair from groups 1 and 2, one bound from group 1, a default, or an enum list. */
type ProseYield =
  | 'lengthPair'
  | 'maxLength'
  | 'rangePair'
  | 'minimum'
  | 'maximum'
  | 'nonNegative'
  | 'default'
  | 'enumQuoted'
  | 'enumSlash'
  | 'enumNumbers'
  | 'enumWords'
  | 'enumNoted'
  | 'enumMeant'
  | 'enumOnly'
  | 'enumOne';

interface ProsePhrase {
  name: string;
  pattern: RegExp;
  yields: ProseYield;
  /** Why the phrasing is unambiguous, and an example from the corpus. */
  comment: string;
}

const N = '(-?\\d+)';
/**
 * Between the two numbers of a pair: `1-64`, `4~64`, `1 ~ 100`, `[1, 1000]`, `1到64`. Space before the first number
 * only after a bracket: a `\\s*` that may also stand alone would try every run of spaces from every space in it.
 */
const PAIR = `(?:\\[\\s*)?${N}\\s*(?:-|~|(?<=\\[\\s*-?\\d+\\s*),|到|至)\\s*${N}\\s*\\]?(?!\\s*,\\s*\\d)`;
/** A number ends where no digit, dot-digit or `*` continues it (`1-2*64` is an expression, not a pair). */
const NUMBER_END = '(?![\\d*]|\\.\\d)';
/**
 * What may stand right before `长度`: the start, punctuation, or a word that makes the field itself the subject.
 * `每个变量名的长度为3 ~ 32位` (APIG 创建API) is about something inside the value and is not read.
 */
const LENGTH_SUBJECT = '(?:^|(?<=[\\s,.;:。；、(]|字符串的?|字符|名称|总|密码|描述|值的?|最大))';
/** Quoted values: `“asc”`, `"asc"`, doubled `““SYNC””` (DLI); the value itself never holds a quote or a space. */
const QUOTED = String.raw`[“"'‘]+([^“”"'‘’\s]+)[”"'’]+`;
const QUOTED_LIST = `${QUOTED}(?:\\s*(?:、|,|和|或者|或|及|以及|/)\\s*${QUOTED})+`;
/** Labels a quoted or slash-separated value list may follow directly. `包含` is not one: `可以包含“-”和“_”`. */
const LIST_LEAD = '(?:可选值?为?|取值为|取值范围为?|枚举值为?|支持|当前支持|有效值为?|只能(?:是|为|取))\\s*:?\\s*';
const VALUE_END = '(?=$|[\\s,.;:。；、()])';
/**
 * Words that make what follows them about a part of the value: `单层目录要遵循以下规则：` … `不能超过255个字节` (MRS
 * 获取指定目录文件列表) bounds each directory of the path, not the path.
 */
const PART_OF_VALUE = '(?:单层|每个|每一|每项|单个|每段|每级)';
/**
 * How far back in its sentence such a word still governs a bound, in characters. `单层目录要遵循以下规则:` then lines
 * of rules, one `不能包括下列符号 : :*?"<>|;&,'\`!{}[]$%+`, then `不能超过255个字节` (MRS 获取指定目录文件列表: 60
 * characters) governs across lines and punctuation; a `。` ends it (`名称,每个项目最多创建10个集群。名称不超过64个字符。`
 * bounds the name by 64). Bounded so that the look-back costs at most this many steps at each bound word.
 */
const MAX_PART_GAP = 160;
const PART_OF_VALUE_BEFORE = `${PART_OF_VALUE}[^。]{0,${MAX_PART_GAP}}`;
/**
 * The words of an upper bound. The look-back for PART_OF_VALUE is written after them (ending with them), so it runs
 * only where a bound word stands, not at every position of the text.
 */
const AT_MOST = '(?:不超过|不得超过|不能超过|不大于|最多|最大|最长)';
/** Leads that say the field's own values follow (not `支持`: `支持IPv4和IPv6` may describe something else). */
const VALUE_LEAD =
  '(?:(?:^|(?<=[\\s,.;:。；]))(?:取值为|取值|可选值为|可选值有|可选的有|可选值|参数值为|有效值为?|值为)|枚举值为?)';
/** A word: letters, digits, `_.-`, with a letter somewhere (`5_bgp`, BMS; plain numbers are read as numbers). */
const WORD = '(?=[0-9_]*[A-Za-z])[A-Za-z0-9_][A-Za-z0-9_.-]*(?<![.-])';
/** A word and perhaps its meaning in brackets: `traffic（按流量计费）` (BMS). */
const WORD_NOTE = `${WORD}(?:\\([^()]*\\))?`;
/**
 * Where a word list ends: at punctuation, the end, or words that start another sentence (`5_sbgp详情请参见`, BMS;
 * `bandwidth（按带宽计费）未传该字段`), never inside a longer word or list, and not before other words: `取值为shard和config组ID`
 * (DDS 重启实例) names groups, `…或其他` leaves the list open, `…等` gives examples, `…时` is a condition.
 */
const LIST_END =
  '(?![A-Za-z0-9_.+-]|\\s*(?:、|,|或者|或|和|及)\\s*[A-Za-z0-9_])(?=\\s*(?:$|[,.;:。；)]|详情|详见|请参见|参见|未传|不传|默认|表示|代表))';
const TOKEN = '[A-Za-z0-9_][A-Za-z0-9_.+-]*';

export const PROSE_PHRASES: ProsePhrase[] = [
  {
    name: 'length pair',
    pattern: new RegExp(`${LENGTH_SUBJECT}长度(?:限制)?(?:范围)?\\s*(?:为|是|:|应为)?\\s*${PAIR}${NUMBER_END}`, 'g'),
    yields: 'lengthPair',
    comment:
      '`长度为1～64个字符` (MRS 创建集群), `长度为0-256位` (ModelArts), `长度限制为[1, 64]`: a pair after 长度 bounds the characters',
  },
  {
    name: 'characters pair',
    pattern: new RegExp(`(?<![\\d.~-])${PAIR}${NUMBER_END}\\s*(?:个|位)?(?:可见)?(?:unicode)?字符`, 'gi'),
    yields: 'lengthPair',
    comment:
      '`…小写字母或数字结尾，1-64个字符。` (SWR 创建组织), `支持1～64位可见字符（含中文）` (ModelArts 导入模型): a pair counted in 字符 is a length',
  },
  {
    name: 'length at most',
    pattern: new RegExp(
      `${LENGTH_SUBJECT}长度(?:最大)?\\s*(?:不超过|不能超过|不能大于|不大于|最大为|最大|限制为|上限为)\\s*${N}${NUMBER_END}(?!\\s*(?:-|~))`,
      'g',
    ),
    yields: 'maxLength',
    comment: '`字符长度不超过255` (APIG), `最大长度128个unicode字符` (AS), `长度限制为64个字符` (ModelArts)',
  },
  {
    name: 'at most characters',
    pattern: new RegExp(
      `(?:^|(?<=[\\s,.;:。；、(]|名称|标识|且|并))${AT_MOST}(?<!${PART_OF_VALUE_BEFORE}${AT_MOST})\\s*(?:为)?\\s*${N}\\s*(?:个)?(?:unicode)?(?:字节|字符)`,
      'gi',
    ),
    yields: 'maxLength',
    comment:
      '`云手机服务器的唯一标识，不超过32个字节。` (CPH 查询云手机服务器列表), `媒资分类名称，最大64字节。` (VOD 创建媒资分类), `云手机ID，不得超过32个字节。` (CPH 重置云手机), `任务执行返回内容，最长1024个字节。` (CPH 查询任务执行状态列表), `最多为1023字符` (MRS 创建集群), `不超过100个字符` (ModelArts 部署服务); the field itself is the subject (not `每个…不超过`). Bytes bound the ASCII the definitions count',
  },
  {
    name: 'shortest and longest',
    pattern: new RegExp(
      `${LENGTH_SUBJECT}长度最(?:短|小)(?:为|是)?\\s*${N}${NUMBER_END}\\s*(?:个字符|位)?\\s*[,;]\\s*最(?:大|长)(?:为|是)?\\s*${N}${NUMBER_END}`,
      'g',
    ),
    yields: 'lengthPair',
    comment:
      '`…只能包含0-9/a-z/A-Z/_，总长度最短为3，最大为32，…` (AOM 添加监控数据): the shortest and the longest length of the field itself',
  },
  {
    name: 'maximum length',
    pattern: new RegExp(`(?:支持的)?最大(?:字符)?长度(?:为)?\\s*${N}${NUMBER_END}`, 'g'),
    yields: 'maxLength',
    comment: '`最大长度128个unicode字符` (AS 标签), `支持的最大字符长度：255` is the label form',
  },
  {
    name: 'value range pair',
    pattern: new RegExp(`(?:取值|可选的?)?范围\\s*(?:为|是|:)?\\s*${PAIR}${NUMBER_END}`, 'g'),
    yields: 'rangePair',
    comment:
      '`取值范围1 ~ 65535` (APIG), `取值范围：[1～100]` (MRS), `“per_page”可选的范围为[1，1000]` (ModelArts); numbers only',
  },
  {
    name: 'minimum is',
    pattern: new RegExp(`最小值(?:为|是)\\s*${N}${NUMBER_END}`, 'g'),
    yields: 'minimum',
    comment: '`最小值为1` (the label form `最小值：1` is read above)',
  },
  {
    name: 'at least',
    pattern: new RegExp(`取值(?:大于或等于|大于等于|不小于)\\s*${N}${NUMBER_END}`, 'g'),
    yields: 'minimum',
    comment: '`取值大于或等于0。` (DDS 查询实例列表)',
  },
  {
    name: 'not negative',
    pattern: /(?:不能|不可|不得|不允许)(?:为|是)负数?|(?:^|(?<=[\s,.;:。；]))非负(?:整)?数/g,
    yields: 'nonNegative',
    comment:
      '`必须为数字，不能为负数。` (MRS 查询特定标签的集群列表), `非负整数`: the least value is 0 (numeric fields only, like every range)',
  },
  {
    name: 'maximum is',
    pattern: new RegExp(`最大值(?:为|是)\\s*${N}${NUMBER_END}`, 'g'),
    yields: 'maximum',
    comment: '`最大值为100`',
  },
  {
    name: 'default is',
    pattern: new RegExp(
      `(?:默认值?|缺省值?|默认情况下?)\\s*(?:为|是|取值为|取值是|取)\\s*:?\\s*(?:${QUOTED}|(-?\\d+(?:\\.\\d+)?)(?![\\d.A-Za-z_*/])|(${TOKEN})${VALUE_END})`,
      'g',
    ),
    yields: 'default',
    comment:
      '`默认值为500`, `默认为 “0”` (ModelArts), `默认为50行` (a number ends at its unit), `默认为ADD。` (AS), `默认是“desc”`, `默认取true` (GES), `不传该字段时默认取值为1` (BMS 创建裸金属服务器), `默认情况为no` (AS 批量操作实例); `默认为空` reads nothing',
  },
  {
    name: 'default number',
    pattern: new RegExp(`(?:^|(?<=[\\s,.;:。；]))默认\\s*(-?\\d+)(?=\\s*(?:[,.;。；]|$))`, 'g'),
    yields: 'default',
    comment:
      '`默认10，范围[1,100]` (VOD 查询托管任务): a number straight after 默认, ending at punctuation (not `默认10个`)',
  },
  {
    name: 'quoted values',
    pattern: new RegExp(`${LIST_LEAD}(${QUOTED_LIST})(?=$|[\\s,.;。；()]|代表|表示|默认)`, 'g'),
    yields: 'enumQuoted',
    comment: '`可选“asc”或“desc”` (ModelArts), `可选值“and”和“or”` (GES), `取值为““SYNC””或者““ASYNC””` (DLI)',
  },
  {
    name: 'slash values',
    pattern: new RegExp(`(?:可选值?为?|取值为)\\s*:?\\s*(${TOKEN}(?:/${TOKEN})+)${VALUE_END}`, 'g'),
    yields: 'enumSlash',
    comment: '`取值为TensorFlow/MXNet/Caffe/Spark_MLlib/…` (ModelArts 创建模型)',
  },
  {
    name: 'number values',
    pattern: new RegExp(
      `(?:可选值?为?|取值为|(?:^|(?<=[\\s,.;:。；]))值为)\\s*:?\\s*(-?\\d+(?:\\s*(?:、|,|或者|或|和)\\s*-?\\d+)+)${NUMBER_END}(?!\\s*(?:-|~|时))`,
      'g',
    ),
    yields: 'enumNumbers',
    comment:
      '`取值为0或1`, `IP地址类型，值为4或6。` (BMS 修改裸金属服务器名称); integers only, and not `值为1或2时` (a condition)',
  },
  {
    name: 'word values',
    pattern: new RegExp(
      `(?:${VALUE_LEAD})\\s*:?\\s*(${WORD_NOTE}(?:\\s*(?:、|,|或者|或|和|及)\\s*${WORD_NOTE})+)${LIST_END}`,
      'g',
    ),
    yields: 'enumWords',
    comment:
      '`取值为：ACTIVE、BUILD、DOWN` (BMS 查询裸金属服务器网卡信息), `参数值为share或dedicate` (BMS 创建裸金属服务器), `取值为：traffic（按流量计费）、bandwidth（按带宽计费）` (BMS 创建裸金属服务器), `可选值为post、get` (ModelArts 导入模型), `取值year或month` (ModelArts 查询专属资源池列表), `可选的有tensorboard和mindinsight` (ModelArts 创建可视化作业)',
  },
  {
    name: 'noted words run together',
    pattern: new RegExp(`(?:${VALUE_LEAD})\\s*:?\\s*((?:${WORD}\\s*\\([^()]*\\)\\s*){2,})(?=$|[,.;。；])`, 'g'),
    yields: 'enumNoted',
    comment:
      '`取值为：x86_64（适用于x86机型）aarch64（适用于ARM机型）` (BMS 查询规格详情和规格扩展信息列表, a pipe cell whose line breaks were dropped): each value ends at its note in brackets, the list at the end of the sentence',
  },
  {
    name: 'quoted values and meanings',
    pattern:
      /(?:^|(?<=[\s,;。；]))((?:["“]-?[A-Za-z0-9_][A-Za-z0-9_.-]*["”“]\s*(?:代表|表示)[^,;。；"“”]+(?:[,;。；]\s*|$)){2,})$/g,
    yields: 'enumMeant',
    comment:
      '`启动标识，“0”代表启动盘，“-1“代表非启动盘。` (BMS 查询裸金属服务器详情): the cell ends in clauses that each give a quoted value and its meaning',
  },
  {
    name: 'counted values',
    pattern: new RegExp(
      `包括\\s*(${WORD}(?:\\s*(?:、|,|或|和|及)\\s*${WORD})+)\\s*(?:两|三|四|五|六|七|八|九|十|\\d+)种`,
      'g',
    ),
    yields: 'enumWords',
    comment: '`操作标识，包括filter和count两种。` (AS 查询资源实例): the count says the list is complete',
  },
  {
    name: 'trailing values',
    pattern: new RegExp(`^[^\\x00-\\x7f,:]+,\\s*(${WORD}(?:\\s*、\\s*${WORD})+)[。.]?$`, 'g'),
    yields: 'enumWords',
    comment: '`回收类型，date_rule、tag_rule` (SWR 创建镜像老化规则): the whole cell is the meaning, then the values',
  },
  {
    name: 'range of one quoted word',
    pattern: new RegExp(`取值范围为?\\s*:?\\s*["“](${WORD})["”](?=\\s*(?:[.;。；]|$))`, 'g'),
    yields: 'enumOne',
    comment:
      '`标识该规格对应的资源类型，取值范围为“ironic”。` (BMS 查询规格详情和规格扩展信息列表): the range is one value; not `取值范围 "maximum"，"minimum"，…` (AOM 添加阈值规则), whose comma goes on to more',
  },
  {
    name: 'only value',
    pattern: new RegExp(
      `(?:(?:仅|只)(?:可|能)?(?:支持|取值为?|取)\\s*:?\\s*${QUOTED}|(?:仅|只)(?:可|能)?(?:取值为?|支持取值为)\\s*:?\\s*(${WORD}))(?=\\s*(?:[,.;。；]|$))`,
      'g',
    ),
    yields: 'enumOnly',
    comment:
      '`目前暂只支持“SRT”。` (VOD 创建媒资-上传方式), `当前仅可取值“auto”，` (ModelArts 导入模型), `当前仅支持取值为stop。` (ModelArts 更新服务配置): one value the page says is the only one. Unquoted words after 仅支持 are not read: `仅支持IPv4` may describe something else',
  },
  {
    name: 'one listed value',
    pattern: new RegExp(
      `(?:(?:^|(?<=[\\s,.;:。；]))可选值为?|枚举(?:值|类)为?)\\s*:?\\s*(${WORD})(?:\\([^()]*\\))?(?=\\s*(?:[,.;。；]|$))`,
      'g',
    ),
    yields: 'enumOne',
    comment:
      '`可选值为object。` (ModelArts 导入模型), `磁盘存储类型枚举值：DSS（专属分布式存储）。` (BMS 创建裸金属服务器), `资源类型，枚举类：scaling_group_tag` (AS 查询资源实例): a list of one value, when nothing value-like follows in the cell (`可选值为abc,也可以为def。` is the first of two)',
  },
];

interface ProseFinding {
  key: ProseKey;
  value: unknown;
  /** An enum of one value, which only a phrase that says "the only value" may give. */
  single?: boolean;
  /** A bound any stated one narrows: `不能为负数，最小值为1` (MRS 查询特定标签的集群列表) has minimum 1. */
  implied?: boolean;
}

const QUOTED_VALUE = new RegExp(QUOTED, 'g');

function quotedValues(list: string): string[] {
  return [...list.matchAll(QUOTED_VALUE)].map((m) => m[1]!);
}

/** A one-value enum; `取值为true。`: one boolean word is a condition's value more often than a field's only one. */
function oneValue(value: string): ProseFinding[] {
  return BOOLEAN_WORDS.test(value) ? [] : [{ key: 'enum', value: [value], single: true }];
}

/** How each yield turns a match into findings (data, not branches at the call site). */
const YIELD_READERS: Record<ProseYield, (m: RegExpMatchArray) => ProseFinding[]> = {
  lengthPair: (m) => [
    { key: 'minLength', value: Number(m[1]) },
    { key: 'maxLength', value: Number(m[2]) },
  ],
  maxLength: (m) => [{ key: 'maxLength', value: Number(m[1]) }],
  rangePair: (m) => [
    { key: 'minimum', value: exactNumber(m[1]!) },
    { key: 'maximum', value: exactNumber(m[2]!) },
  ],
  minimum: (m) => [{ key: 'minimum', value: exactNumber(m[1]!) }],
  maximum: (m) => [{ key: 'maximum', value: exactNumber(m[1]!) }],
  nonNegative: () => [{ key: 'minimum', value: 0, implied: true }],
  default: (m) => [{ key: 'default', value: m[1] ?? m[2] ?? m[3] }],
  enumQuoted: (m) => [{ key: 'enum', value: quotedValues(m[1]!) }],
  enumSlash: (m) => [{ key: 'enum', value: m[1]!.split('/') }],
  enumNumbers: (m) => [{ key: 'enum', value: m[1]!.split(/\s*(?:、|,|或者|或|和)\s*/) }],
  enumWords: (m) => [
    {
      key: 'enum',
      value: m[1]!
        .replace(/\([^()]*\)/g, '')
        .split(/\s*(?:、|,|或者|或|和|及)\s*/)
        .filter(Boolean),
    },
  ],
  enumNoted: (m) => [
    {
      key: 'enum',
      value: m[1]!
        .split(/\([^()]*\)/)
        .map((v) => v.trim())
        .filter(Boolean),
    },
  ],
  enumMeant: (m) => [
    { key: 'enum', value: [...m[1]!.matchAll(/["“](-?[A-Za-z0-9_][A-Za-z0-9_.-]*)["”“]/g)].map((v) => v[1]!) },
  ],
  enumOnly: (m) => oneValue((m[1] ?? m[2])!),
  // A lead that does not say "only" (`可选值为`, `取值范围为`): `可选值为abc,也可以为def。` names the first of several, and
  // an incomplete enum rejects valid values. A lead that says it (`仅支持“…”`) needs no such check: `…，表示企业项目ID`.
  enumOne: (m) => (otherValueFollows(m.input!.slice(m.index! + m[0].length), [m[1]!]) ? [] : oneValue(m[1]!)),
};

/** Every prose finding in the text, in no particular order (the caller compares, it does not pick). */
export function proseFindings(text: string): ProseFinding[] {
  const folded = foldWidth(text).replace(/\*\*/g, '');
  return PROSE_PHRASES.flatMap((phrase) => [...folded.matchAll(phrase.pattern)].flatMap(YIELD_READERS[phrase.yields]));
}

// ---------------------------------------------------------------------------------------------------------------
// Value lists under a label: `可选值如下：` / `枚举值：` / `模型状态：` on one line, then one value per line.

/**
 * A label line ending in `:` whose words say a list of examples or notes follows, not of allowed values; or a list
 * of setting names, which are the keys inside the values, not the values: `目前支持的配置项：` then
 * `dli.sql.shuffle.partitions（…）` lines, while the example sends `"DLI.sql.shuffle.partitions = 200"` (DLI
 * 创建上传作业, `conf | Array of strings`).
 */
const NOT_VALUE_LIST_LABEL = /(示例|例如|样例|举例|格式|说明|注意|示意|如下所示|配置项)[^:]*:?$/;
/**
 * Boolean words in upper or mixed case as a string field's list (`是否开启动态流控：` then `TRUE` / `FALSE`, APIG
 * 修改流控策略, whose response row says `true` / `false`): the casing differs within one page and the definitions
 * enumerate neither, so an enum would reject values the service takes. Lower-case words are the wire values
 * (`no：不删除实例，默认为no。` / `yes：删除实例。`, AS 批量操作实例; `true：已设置实例保护。`, AS 查询伸缩组中的实例列表).
 */
const BOOLEAN_WORDS = /^(true|false|yes|no)$/i;
const WIRE_BOOLEAN_WORDS = /^(true|false|yes|no)$/;

/**
 * A label that makes its list hold only under a condition on something else: `当scaling_resource_type为BANDWIDTH，
 * 支持如下操作：` (AS 创建弹性伸缩策略（V2版本）) lists a subset, and an enum of a subset rejects valid requests.
 * `当前支持：` (currently, ModelArts 创建开发环境实例) is no condition.
 */
const CONDITIONAL_LABEL = /(?:^|[,.;。，；])\s*(?:当(?!前)|若|如果|仅当)[^:]*:$/;

/**
 * The value of a value line: a number, a word (`5_bgp`, `reboot_started_hard`), or upper-case alternatives that share
 * one meaning (`REMOVE/REDUCE：减少实例`, AS 创建弹性伸缩策略). Lower-case words with a slash are not split: `text/plain`
 * is one value.
 */
const LINE_VALUE = '([A-Z][A-Z0-9_]*(?:/[A-Z][A-Z0-9_]*)+|-?\\d+|[A-Za-z0-9_][A-Za-z0-9_.-]*)';

/**
 * One value line: the value, then its meaning after `:`/`,`/a space/`表示`, or `(默认值)`, or nothing.
 * `true：启用样本收集（默认值）`, `asc，递增排序`, `0：分析集群`, `publishing`, `-1:Terminated`, `1 : 使用VPC通道`,
 * `OLD_CONFIG_OLD_INSTANCE（默认）：…` (AS 修改弹性伸缩组), `PERMIT (白名单类型)` (APIG 创建ACL策略),
 * `7表示管理权限` (SWR 查询组织详情), `"CREATING"：上传中` (VOD 查询托管媒资详情), `“asc”为递增排序。` (ModelArts 查询工作空间列表).
 */
const VALUE_LINE = new RegExp(
  `^(?:[-*•·]\\s+)?["“]?${LINE_VALUE}["”]?(?:\\s*(?:\\(默认值?\\))?\\s*[:,]\\s*(.*)|\\s*(?:表示|代表|为)\\s*([^\\x00-\\x7f].*)|\\s+([^\\x00-\\x7f].*)|\\s*(\\([^()]*\\)[。.]?)|[。.])?$`,
);
/**
 * The other way round: the meaning, `:`, then the value and perhaps a note (`伸缩组：SCALING_GROUP`,
 * `告警策略：ALARM(与alarm_id对应)`, `不删除实例：no，默认为no。`, AS). The meaning is words, not a label that names a
 * constraint or an example (`默认值：ADD`, `示例：abc`).
 */
const MEANING_FIRST_LINE = new RegExp(
  `^(?:[-*•·]\\s+)?[^\\x00-\\x7f][^:]*:\\s*${LINE_VALUE}\\s*(?:\\([^()]*\\))?\\s*(?:,\\s*默认[^:]*)?[。.]?$`,
);
const NOT_A_MEANING =
  /示例|例如|样例|举例|说明|注意|格式|默认|缺省|长度|范围|最大值|最小值|取值|枚举|单位|参考|参见|详见|如下/;
const MARKED_DEFAULT = /\(默认值?\)/;
const QUOTED_WHOLE_VALUE = /^(?:[-*•·]\s+)?["“][A-Za-z0-9_.-]+["”](?![A-Za-z0-9_])/;

/** The values of one line of a list in the given form, or undefined when the line is not one. */
function lineValues(line: string, form: 'valueFirst' | 'meaningFirst'): string[] | undefined {
  // A quoted value must be whole: `"CREATING"：上传中` (VOD) is CREATING, `“2:obsDir”：保存` (DLI 新建SQL作业,
  // dirty_data_strategy) is no `2` but a value with a path in it, which no list of words describes.
  if (/^(?:[-*•·]\s+)?["“]/.test(line) && !QUOTED_WHOLE_VALUE.test(line)) return undefined;
  const m = form === 'valueFirst' ? line.match(VALUE_LINE) : line.match(MEANING_FIRST_LINE);
  if (!m) return undefined;
  if (form === 'meaningFirst' && NOT_A_MEANING.test(line.slice(0, line.indexOf(':')))) return undefined;
  // `OBS：以“obs://”开头` describes a format; `华北-北京一可用区1（cn-north-1a）：ae04cf9d…` (MRS 创建集群) lists resource
  // IDs of one environment: neither is a value list a validator should hold requests to.
  if (form === 'valueFirst' && /^以.*开头/.test(m[2] ?? m[3] ?? m[4] ?? '')) return undefined;
  if (/^[0-9a-f]{16,}$/i.test(m[1]!)) return undefined;
  return m[1]!.split('/');
}

function formOf(line: string): 'valueFirst' | 'meaningFirst' | undefined {
  if (lineValues(line, 'valueFirst')) return 'valueFirst';
  if (lineValues(line, 'meaningFirst')) return 'meaningFirst';
  return undefined;
}

export interface ListEnum {
  values: string[];
  /** The value whose line says `(默认值)`. */
  default?: string;
  /** One value under a label that says it enumerates (`枚举类：` then `scaling_group_tag：…`, AS). */
  single?: true;
}

/** A line saying values beyond the list are taken too: `其他值：用户自定义端口` (CPH 查询编码服务), `其它：…`. */
const OPEN_LIST = /^(?:[-*•·]\s+)?(?:其他|其它|其余|或其他|自定义)/;

/** A label that says the lines after it enumerate the values, so that even one line is the whole list. */
const ENUM_LABEL = /枚举(?:值|类)?(?:如下)?:$/;

/**
 * A line that names exactly the values just listed, and nothing else: `-1、0、null、average` in the 取值范围 column
 * after `-1：断点处使用-1进行表示。` … `average：…` in the description (AOM 查询监控数据（即将下线）). It confirms the list.
 */
function restatesValues(line: string, values: string[]): boolean {
  const named = line.replace(/[。.]$/, '').split(/\s*[、,]\s*/);
  return named.length === values.length && new Set([...named, ...values]).size === values.length;
}

/**
 * The values listed one per line after a label line ending in `:`, or after the cell's first line without one
 * (`API的请求方式` then `GET` … `ANY`, APIG; `伸缩资源类型` then `伸缩组：SCALING_GROUP` / `带宽：BANDWIDTH`, AS). Every
 * line of one list has the same form: value first (`ADD：增加实例`) or meaning first (`添加：ADD`). The list must end
 * at the end of the text or at a line of prose (starting with a non-ASCII character): a line that starts like a
 * value but does not read as one makes the list ambiguous. Two values at least. A cell with two lists, an ambiguous
 * one, or a conditional one (`当…时，支持如下操作：`) gives none: which list is the field's is not clear.
 */
export function listEnum(text: string): ListEnum | undefined {
  const lines = foldWidth(text)
    .replace(/\*\*/g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const lists: ListEnum[] = [];
  let unclear = false;
  for (let i = 0; i < lines.length; i++) {
    const label = lines[i]!;
    const labelled = label.endsWith(':') || i === 0;
    // Only the label's last clause says what follows: `数据集版本格式。可选值如下：` (ModelArts 创建数据集) lists values.
    const labelClause = label.split(/[。;；,，]/).pop() ?? label;
    if (!labelled || NOT_VALUE_LIST_LABEL.test(labelClause) || formOf(label)) continue;
    const form = i + 1 < lines.length ? formOf(lines[i + 1]!) : undefined;
    if (!form) continue;
    const values: string[] = [];
    let marked: string | undefined;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const lineValuesRead = lineValues(lines[j]!, form);
      if (!lineValuesRead) break;
      values.push(...lineValuesRead);
      if (MARKED_DEFAULT.test(lines[j]!)) marked = marked === undefined ? lineValuesRead[0]! : '';
    }
    if (j < lines.length && restatesValues(lines[j]!, values)) j++;
    const endsInProse = j === lines.length || /^[^\x00-\x7f]/.test(lines[j]!);
    // `其他值：用户自定义端口` (CPH 查询编码服务) after the values: the list is open, no enum.
    if (lines.slice(j).some((line) => OPEN_LIST.test(line))) {
      unclear = true;
      i = j - 1;
      continue;
    }
    // One value only under an enum label (which ends in `:`): a first line without `:` takes two value lines at least,
    // so one `word: 说明` line after a description is no list.
    const single = values.length === 1 && ENUM_LABEL.test(label);
    if (
      (values.length >= 2 || single) &&
      endsInProse &&
      !CONDITIONAL_LABEL.test(label) &&
      new Set(values).size === values.length
    ) {
      lists.push({ values, ...(marked ? { default: marked } : {}), ...(single ? { single: true as const } : {}) });
    } else if (label.endsWith(':') || values.length >= 2) unclear = true;
    i = j - 1;
  }
  return lists.length === 1 && !unclear ? lists[0] : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Value lists run into one line: generations whose converter dropped the cell's line breaks write
// `重启类型：SOFT：普通重启（不生效）。HARD：强制重启（默认）。` (BMS 重启裸金属服务器) and
// `Job的状态。SUCCESS：成功RUNNING：运行中FAIL：失败INIT：正在初始化` (BMS 查询Job状态); sentences write
// `用户权限，7表示管理权限，3表示编辑权限，1表示读取权限` (SWR 查询组织权限) and `PER，表示独享；WHOLE，表示共享` (BMS 创建裸金属服务器).

/**
 * Where a value starts in a run-in list: a word no other word character precedes, then `:` or `表示`/`代表` (after
 * an optional `,`). `包年包月postPaid：` starts a value right after the previous meaning's last character.
 */
const RUN_IN_VALUE = /(?<![A-Za-z0-9_.\/-])([A-Za-z0-9_][A-Za-z0-9_.-]*)\s*(?::(?!\/\/)|,?\s*(?:表示|代表))/g;
/** The words before the list that make it examples or a list under a condition (`例如：0表示…`, `当…时`). */
const NOT_A_VALUE_LIST_LEAD = /示例|例如|样例|举例|格式|比如|如下所示|当(?!前)|若|如果|仅当/;

/**
 * The values of a list run into one line, or undefined. Every meaning must hold words (a non-ASCII character):
 * `0：pending1：running` (BMS, a list glued to the numbers before it) has an empty meaning and reads nothing, and
 * `HH:mm` none. A non-value key among the values (`其他值：…`) makes the list incomplete (`空字符串：…` is the value `""`); numbers
 * and words mixed (`4：IP地址类型是IPv46：…`, a value glued to the previous meaning) make it misread: both read nothing.
 */
/**
 * Words that name the empty string as one of the values: `…MAINTENANCE：维护状态空字符串：裸金属服务器无主机信息` (BMS
 * 查询裸金属服务器详情) lists `""` beside UP/DOWN/…, and an enum without it would reject what the page says comes back.
 */
const EMPTY_STRING_KEY = /(?<=[^\x00-\x7f]|^)(?:空字符串|空串)\s*:/g;
const EMPTY_STRING_MARK = '__EMPTY_STRING__';

function runInList(line: string): ListEnum | undefined {
  const folded = foldWidth(line).replace(/\*\*/g, '').replace(EMPTY_STRING_KEY, `${EMPTY_STRING_MARK}:`);
  const starts = [...folded.matchAll(RUN_IN_VALUE)];
  if (starts.length < 2) return undefined;
  const lead = folded.slice(0, starts[0]!.index);
  const leadClause = lead.split(/[。.;；]/).pop() ?? '';
  if (NOT_A_VALUE_LIST_LEAD.test(leadClause)) return undefined;
  const values: string[] = [];
  let marked: string | undefined;
  for (let k = 0; k < starts.length; k++) {
    const m = starts[k]!;
    const meaningEnd = k + 1 < starts.length ? starts[k + 1]!.index : folded.length;
    const meaning = folded.slice(m.index! + m[0].length, meaningEnd);
    if (!/[^\x00-\x7f]/.test(meaning)) return undefined;
    // `…维护状态空字符串：…`, `…其他值：…`: a key of words among the values.
    if (/[^\x00-\x7f]+\s*:/.test(meaning.replace(/\([^()]*\)/g, ''))) return undefined;
    values.push(m[1]!);
    if (MARKED_DEFAULT.test(meaning.replace(/\(默认\)/, '(默认值)'))) marked = marked === undefined ? m[1]! : '';
  }
  const numeric = values.filter((v) => /^-?\d+$/.test(v)).length;
  if (numeric !== 0 && numeric !== values.length) return undefined;
  if (new Set(values).size !== values.length) return undefined;
  const named = values.map((v) => (v === EMPTY_STRING_MARK ? '' : v));
  if (named.every((v) => v === '')) return undefined;
  return marked ? { values: named, default: marked } : { values: named };
}

/** The one run-in list of a cell's lines, or undefined when none or several lines hold one. */
function runInListOf(text: string): ListEnum | undefined {
  const lists = text
    .split('\n')
    .map(runInList)
    .filter((list): list is ListEnum => list !== undefined);
  return lists.length === 1 ? lists[0] : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// One value per clause: `取值为“Sharding”，表示集群实例。` / `取值为“ReplicaSet”，表示副本集实例。` (DDS 查询实例列表),
// `重启mongos节点时，取值为“mongos”。` / `重启shard组时，取值为“shard”。` (DDS 重启实例), `社区版引擎取“wiredTiger”。`
// (DDS 创建实例): together the clauses name the field's values.

/**
 * A clause stating values: words without quotes (the field is the subject, not `“action”值为…`), `取值为`/`取值分别为`/
 * `取`, the quoted value(s), then nothing or `，表示…`.
 */
const STATED_VALUES = new RegExp(
  `^([^“”"']*?)(?:取值(?:分别)?为|取值|取)\\s*:?\\s*(${QUOTED}(?:\\s*(?:、|,|和|或者|或|及)\\s*${QUOTED})*)\\s*(?:,\\s*表示.*)?$`,
);
/** Words before `取` that make the value another's or not allowed: `若type取值为…`, `不能取…`. */
const NOT_THE_FIELDS_VALUE = /[A-Za-z0-9_]\s*$|若|如果|假如|不|禁止|无法|除/;

/** The values the cell's clauses state one by one (two at least), or undefined. */
function statedValueList(text: string): ListEnum | undefined {
  const values: string[] = [];
  const clauses = foldWidth(text)
    .replace(/\*\*/g, '')
    .split(/[\n。；;]/)
    .map((c) => c.trim())
    .filter(Boolean);
  for (const clause of clauses) {
    const m = clause.match(STATED_VALUES);
    if (!m || NOT_THE_FIELDS_VALUE.test(m[1]!)) continue;
    for (const v of quotedValues(m[2]!)) if (!values.includes(v)) values.push(v);
  }
  return values.length >= 2 ? { values } : undefined;
}

/** A finding typed to the field, or undefined when it does not fit (a length on a number, `abc` on an integer). */
function typedFinding(finding: ProseFinding, itemType: TypeRef, isArray: boolean): unknown {
  const { key, value } = finding;
  switch (key) {
    case 'minLength':
    case 'maxLength':
      return isStringType(itemType) && typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
        ? value
        : undefined;
    case 'minimum':
    case 'maximum':
      return isNumericType(itemType) ? value : undefined;
    case 'default':
      return isArray ? undefined : typedScalar(itemType, String(value));
    case 'enum':
      return typedEnum(enumItemType(itemType, isArray, value as string[]), value as string[], finding.single ? 1 : 2);
  }
}

const STRING_TYPE: TypeRef = { kind: 'primitive', type: 'string' };
/** No dots: `dimensions.name：维度名称` (AOM 查询监控数据（即将下线）) describes the members of an array of objects. */
const WORD_VALUE = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * The type an enum's values are read as. A bare `Array` (items of any type) whose listed values are all words holds
 * strings: `assetStatus` Array, `取值如下：` then `PUBLISHED：已发布` / `CREATED：未发布` (VOD 查询媒资信息), and the spec
 * gives query arrays string items. Numbers stay unread there: `1` may be a number or a string.
 */
function enumItemType(itemType: TypeRef, isArray: boolean, values: string[]): TypeRef {
  return isArray && itemType.kind === 'any' && values.every((v) => WORD_VALUE.test(v)) ? STRING_TYPE : itemType;
}

/** A value (a word or a closing quote) followed by 等 (not 等于/等待): the values named are examples. */
const ETC = /[A-Za-z0-9_”"]\s*等(?![于待])/;

/** Words that say "no value" (`默认为null，不做校验`, APIG): no default, not the string `null`. */
const NO_VALUE = /^(null|nil|none|undefined)$/i;

/** A scalar of the field's type: numbers parse, booleans are true/false, strings are kept; other types none. */
function typedScalar(type: TypeRef, text: string): unknown {
  if (type.kind !== 'primitive' || text === '' || NO_VALUE.test(text)) return undefined;
  if (type.type === 'integer') {
    const n = exactNumber(text);
    return n !== undefined && (typeof n === 'bigint' || Number.isInteger(n)) ? n : undefined;
  }
  if (type.type === 'number') return exactNumber(text);
  if (type.type === 'boolean') return text === 'true' ? true : text === 'false' ? false : undefined;
  if (type.type === 'string') return CJK.test(text) ? undefined : text;
  return undefined;
}

/** An enum typed to the field: every value must fit, duplicates void it, and booleans (or boolean words) need none. */
function typedEnum(type: TypeRef, values: string[], fewest = 2): unknown[] | undefined {
  if (type.kind !== 'primitive' || type.type === 'boolean' || values.length < fewest) return undefined;
  if (values.every((v) => BOOLEAN_WORDS.test(v)) && !values.every((v) => WIRE_BOOLEAN_WORDS.test(v))) return undefined;
  // In a string field's list `null` is one of the words (`null：断点处使用null进行表示。`, AOM 查询时序数据 fillValue,
  // a query parameter): the string is kept; a JSON null is the type's business. So is `""` (`空字符串：…`, BMS).
  const typed = values.map((v) =>
    type.type === 'string' && (NO_VALUE.test(v.trim()) || v === '') ? v.trim() : typedScalar(type, v.trim()),
  );
  if (typed.some((v) => v === undefined) || new Set(values).size !== values.length) return undefined;
  return typed;
}

function sameValue(a: unknown, b: unknown): boolean {
  return (
    JSON.stringify(a, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ===
    JSON.stringify(b, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))
  );
}

/**
 * Prose constraints of one description, typed to the field. A key found with two different values is dropped
 * (which of them holds is not for the scraper to guess).
 */
function proseConstraints(text: string, type: TypeRef): Constraints {
  const isArray = type.kind === 'array';
  const itemType = isArray ? type.items : type;
  const found = new Map<ProseKey, unknown[]>();
  const add = (key: ProseKey, value: unknown) => {
    if (value === undefined) return;
    const values = found.get(key) ?? [];
    if (!values.some((v) => sameValue(v, value))) values.push(value);
    found.set(key, values);
  };
  const findings = proseFindings(text);
  const stated = new Set(findings.filter((f) => !f.implied).map((f) => f.key));
  for (const finding of findings)
    if (!finding.implied || !stated.has(finding.key)) add(finding.key, typedFinding(finding, itemType, isArray));
  const list = listEnum(text) ?? runInListOf(text) ?? statedValueList(text);
  if (list) {
    add('enum', typedEnum(enumItemType(itemType, isArray, list.values), list.values, list.single ? 1 : 2));
    if (list.default !== undefined && !isArray) add('default', typedScalar(itemType, list.default));
  }
  // `PAAS.CONTAINER、…、CUSTOMMETRICS等` (AOM 查询时间序列): values followed by 等 are examples, the list is open.
  if (ETC.test(foldWidth(text))) found.delete('enum');
  const out: Constraints = {};
  for (const [key, values] of found) if (values.length === 1) (out as Record<string, unknown>)[key] = values[0];
  // A pair read backwards (`长度为64-1`) or a default outside its own enum says the reading is wrong.
  if (out.minLength !== undefined && out.maxLength !== undefined && out.minLength > out.maxLength) {
    delete out.minLength;
    delete out.maxLength;
  }
  if (out.minimum !== undefined && out.maximum !== undefined && out.minimum > out.maximum) {
    delete out.minimum;
    delete out.maximum;
  }
  if (out.enum && out.default !== undefined && !out.enum.some((v) => sameValue(v, out.default))) delete out.enum;
  return out;
}

/** For `Array of strings` the length limits apply to the items (FORMATS.md §9.11); the caller places them. */
export interface ExtractedConstraints {
  own: Constraints;
  items: Constraints;
  /** The text was longer than `MAX_CONSTRAINT_TEXT` and was not read; the caller reports it. */
  tooLong?: true;
}

/**
 * The longest description the constraint readers read, in characters (the corpus's longest is 1 608, VOD). Their
 * patterns are linear, but a page may be megabytes of one cell. A longer text gives no constraints at all: a prefix
 * could cut a value list short, and an incomplete enum rejects valid values.
 */
export const MAX_CONSTRAINT_TEXT = 4000;

/**
 * Reads constraint phrases from a description cell, typed to the field's type.
 * `own` applies to the field, `items` to the items of an array field.
 */
export function extractConstraints(cell: Pick<DocCell, 'text'>, type: TypeRef): ExtractedConstraints {
  const own: Constraints = {};
  const items: Constraints = {};
  if (cell.text.length > MAX_CONSTRAINT_TEXT) return { own, items, tooLong: true };
  const itemType = type.kind === 'array' ? type.items : type;
  // Value constraints (bounds, lengths, enum) describe the items of an array; only 数组长度 and defaults are its own.
  const valueTarget = type.kind === 'array' ? items : own;
  for (const { key, value } of labelledValues(cell.text)) {
    const token = firstToken(value);
    switch (key) {
      case 'min':
      case 'max': {
        const n = exactNumber(token);
        if (n === undefined) break;
        // On strings, `Minimum: 1` / `最小值：1` bound the length (the ELB and ModelArts exports write it so).
        if (isStringType(itemType)) {
          if (typeof n === 'number') valueTarget[key === 'min' ? 'minLength' : 'maxLength'] = n;
        } else valueTarget[key === 'min' ? 'minimum' : 'maximum'] = n;
        break;
      }
      case 'range': {
        // `取值范围1 ~ 100` is a numeric range only on numbers; on strings it is prose about allowed values.
        const [lo, hi] = range(value);
        if (!isNumericType(itemType) || lo === undefined || hi === undefined) break;
        // Several ranges, each under its condition (`operation为SET时，取值范围为：0~300。` / `operation为ADD…时，取值范围为：
        // 1~300。`, AS 创建弹性伸缩策略): their union, so that no value valid under one of them is rejected.
        valueTarget.minimum = valueTarget.minimum === undefined || lo < valueTarget.minimum ? lo : valueTarget.minimum;
        valueTarget.maximum = valueTarget.maximum === undefined || hi > valueTarget.maximum ? hi : valueTarget.maximum;
        break;
      }
      case 'minLength':
      case 'maxLength': {
        const n = exactNumber(token);
        if (typeof n === 'number') valueTarget[key] = n;
        break;
      }
      case 'arrayLength': {
        const [lo, hi] = range(value);
        if (typeof lo === 'number') own.minItems = lo;
        if (typeof hi === 'number') own.maxItems = hi;
        break;
      }
      case 'length': {
        const [lo, hi] = range(value);
        if (typeof lo === 'number') valueTarget.minLength = lo;
        if (typeof hi === 'number') valueTarget.maxLength = hi;
        break;
      }
      case 'default':
        // Words are no value: `Default：默认格式` (ModelArts 创建数据集, a list line that starts like the English
        // label) and a 缺省值 column saying `标准csv格式` (GES) describe, they do not give the value.
        if (token && type.kind !== 'array' && !CJK.test(token)) own.default = scalarFor(itemType, token);
        break;
      case 'typedDefault': {
        const typed = type.kind === 'array' ? undefined : typedScalar(itemType, token);
        if (typed !== undefined) own.default ??= typed;
        break;
      }
      case 'enum': {
        const values = enumValues(value);
        if (values.length) valueTarget.enum = values.map((v) => scalarFor(itemType, v));
        break;
      }
    }
  }
  // Prose fills what the labels left open; bounds and enums of an array describe its items, its default itself.
  const prose = proseConstraints(cell.text, type);
  for (const [key, value] of Object.entries(prose) as [keyof Constraints, unknown][]) {
    const target = key === 'default' ? own : valueTarget;
    if (target[key] === undefined) (target as Record<string, unknown>)[key] = value;
  }
  return { own, items };
}

/**
 * Drops a parameter's enum when a same-named field on the same page lists all its values and more: the page knows
 * values the parameter's list lacks, so that list is not known to be complete, and an incomplete enum rejects valid
 * requests. The `status` query parameter of VOD 查询媒资信息 lists eleven states, the `status` response field of the
 * same page those and `WAITING_TRANSCODE`. Lists that merely differ (a typo on one side: `INITAILIZING`, AS) are left
 * alone. Returns the names of the parameters whose enum was dropped.
 */
export function dropNarrowerParameterEnums(
  parameters: Pick<ParamModel, 'name' | 'constraints' | 'itemConstraints'>[],
  fields: Pick<FieldModel, 'name' | 'constraints' | 'itemConstraints'>[],
): string[] {
  const listsByName = new Map<string, Set<string>[]>();
  for (const field of fields) {
    const listed = field.constraints.enum ?? field.itemConstraints?.enum;
    if (listed) listsByName.set(field.name, [...(listsByName.get(field.name) ?? []), new Set(listed.map(String))]);
  }
  /** The constraints without a narrower enum (a copy: a parameter's constraints may be shared with its row's field). */
  const widened = (constraints: Constraints | undefined, lists: Set<string>[]): Constraints | undefined => {
    if (!constraints?.enum) return undefined;
    const own = constraints.enum.map(String);
    if (!lists.some((list) => list.size > new Set(own).size && own.every((v) => list.has(v)))) return undefined;
    const { enum: _narrower, ...rest } = constraints;
    return rest;
  };
  const dropped: string[] = [];
  for (const param of parameters) {
    const lists = listsByName.get(param.name);
    if (!lists) continue;
    const own = widened(param.constraints, lists);
    const items = widened(param.itemConstraints, lists);
    if (own) param.constraints = own;
    if (items) param.itemConstraints = items;
    if (own || items) dropped.push(param.name);
  }
  return dropped;
}
