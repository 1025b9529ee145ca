// Constraint phrases in descriptions → JSON Schema keywords (FORMATS.md §5, §9.11).
// Two layers, both data tables:
// 1. Labels (`CONSTRAINT_LABELS`): the auto-generated pages write one per paragraph (`最小长度：**1**`), text forms
//    inline (`最小值:1 最大值:500 缺省值:20`), English `Minimum: 1`. These are exact and win.
// 2. Prose (`PROSE_PHRASES`, `listEnum`): the hand-written generations state the same things in sentences
//    (`长度为1-64`, `取值范围1 ~ 65535`, `可选“asc”或“desc”`, `默认值为500`) or as a value list under a label
//    (`可选值如下：` / `模型状态：` then one `VALUE：meaning` per line). Only unambiguous phrasings are read: a wrong
//    enum makes generated validators reject valid requests, which is worse than none. A key that two prose phrases
//    give different values is dropped, and prose never overrides a label.

import type { Constraints, DocCell, TypeRef } from '../model.ts';
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
  `(?:^|[\\s。.;；,，(（])(?:(${labelAlternatives((k) => k !== 'range')})\\s*[:：]|(${labelAlternatives((k) => k === 'range')})\\s*(?:[:：]|为|是)?(?=\\s*\\[?-?\\d))\\s*`,
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
  return values.every((v) => ENUM_WORD.test(v)) ? values : [];
}

/** What an inline enum value looks like: a word, a number, or a dotted/dashed identifier. */
const ENUM_WORD = /^-?[A-Za-z0-9_][A-Za-z0-9_.:/+-]*$/;

function range(value: string): [number | bigint | undefined, number | bigint | undefined] {
  const m = value.match(/^\[?\s*(-?\d+)\s*(?:-|~|,|到|至)\s*(-?\d+)\s*\]?/);
  return m ? [exactNumber(m[1]!), exactNumber(m[2]!)] : [undefined, undefined];
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
  | 'default'
  | 'enumQuoted'
  | 'enumSlash'
  | 'enumNumbers';

interface ProsePhrase {
  name: string;
  pattern: RegExp;
  yields: ProseYield;
  /** Why the phrasing is unambiguous, and an example from the corpus. */
  comment: string;
}

const N = '(-?\\d+)';
/** Between the two numbers of a pair: `1-64`, `4~64`, `1 ~ 100`, `[1, 1000]`, `1到64`. */
const PAIR = `\\[?\\s*${N}\\s*(?:-|~|,|到|至)\\s*${N}\\s*\\]?`;
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
const LIST_LEAD = '(?:可选值?为?|取值为|取值范围为?|枚举值为?|支持|当前支持|有效值为?)\\s*:?\\s*';
const VALUE_END = '(?=$|[\\s,.;:。；、()])';
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
    pattern: new RegExp(`(?<![\\d.~-])${PAIR}${NUMBER_END}\\s*(?:个字符|位字符|个unicode字符)`, 'g'),
    yields: 'lengthPair',
    comment: '`…小写字母或数字结尾，1-64个字符。` (SWR 创建组织): a pair counted in 字符 is a length',
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
    name: 'maximum is',
    pattern: new RegExp(`最大值(?:为|是)\\s*${N}${NUMBER_END}`, 'g'),
    yields: 'maximum',
    comment: '`最大值为100`',
  },
  {
    name: 'default is',
    pattern: new RegExp(
      `(?:默认值?|缺省值?)\\s*(?:为|是|取)\\s*:?\\s*(?:${QUOTED}|(-?\\d+(?:\\.\\d+)?)(?![\\d.A-Za-z_*/])|(${TOKEN})${VALUE_END})`,
      'g',
    ),
    yields: 'default',
    comment:
      '`默认值为500`, `默认为 “0”` (ModelArts), `默认为50行` (a number ends at its unit), `默认为ADD。` (AS), `默认是“desc”`, `默认取true` (GES); `默认为空` reads nothing',
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
      `(?:可选值?为?|取值为)\\s*:?\\s*(-?\\d+(?:\\s*(?:、|,|或者|或|和)\\s*-?\\d+)+)${NUMBER_END}(?!\\s*(?:-|~))`,
      'g',
    ),
    yields: 'enumNumbers',
    comment: '`取值为0或1`; integers only',
  },
];

interface ProseFinding {
  key: ProseKey;
  value: unknown;
}

function quotedValues(list: string): string[] {
  return [...list.matchAll(new RegExp(QUOTED, 'g'))].map((m) => m[1]!);
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
  default: (m) => [{ key: 'default', value: m[1] ?? m[2] ?? m[3] }],
  enumQuoted: (m) => [{ key: 'enum', value: quotedValues(m[1]!) }],
  enumSlash: (m) => [{ key: 'enum', value: m[1]!.split('/') }],
  enumNumbers: (m) => [{ key: 'enum', value: m[1]!.split(/\s*(?:、|,|或者|或|和)\s*/) }],
};

/** Every prose finding in the text, in no particular order (the caller compares, it does not pick). */
export function proseFindings(text: string): ProseFinding[] {
  const folded = foldWidth(text).replace(/\*\*/g, '');
  return PROSE_PHRASES.flatMap((phrase) => [...folded.matchAll(phrase.pattern)].flatMap(YIELD_READERS[phrase.yields]));
}

// ---------------------------------------------------------------------------------------------------------------
// Value lists under a label: `可选值如下：` / `枚举值：` / `模型状态：` on one line, then one value per line.

/** A label line ending in `:` whose words say a list of examples or notes follows, not of allowed values. */
const NOT_VALUE_LIST_LABEL = /(示例|例如|样例|举例|格式|说明|注意|示意|如下所示)[^:]*:?$/;
/**
 * Boolean words as a string field's list (`是否开启动态流控：` then `TRUE` / `FALSE`, APIG 修改流控策略, whose response
 * row says `true` / `false`): the casing differs within one page and the definitions enumerate neither, so an enum
 * would reject values the service takes.
 */
const BOOLEAN_WORDS = /^(true|false|yes|no)$/i;

/**
 * A label that makes its list hold only under a condition on something else: `当scaling_resource_type为BANDWIDTH，
 * 支持如下操作：` (AS 创建弹性伸缩策略（V2版本）) lists a subset, and an enum of a subset rejects valid requests.
 */
const CONDITIONAL_LABEL = /(?:^|[,.;。，；])\s*(?:当|若|如果|仅当)[^:]*:$/;

/**
 * One value line: the value, then its meaning after `:`/`,`/a space, or `(默认值)`, or nothing.
 * `true：启用样本收集（默认值）`, `asc，递增排序`, `0：分析集群`, `publishing`, `-1:Terminated`, `1 : 使用VPC通道`,
 * `OLD_CONFIG_OLD_INSTANCE（默认）：…` (AS 修改弹性伸缩组), `PERMIT (白名单类型)` (APIG 创建ACL策略).
 */
const VALUE_LINE =
  /^(?:[-*•·]\s+)?(-?\d+|[A-Za-z_][A-Za-z0-9_.-]*)(?:\s*(?:\(默认值?\))?\s*[:,]\s*(.*)|\s+([^\x00-\x7f].*)|\s*(\([^()]*\)[。.]?)|[。.])?$/;
const MARKED_DEFAULT = /\(默认值?\)/;

export interface ListEnum {
  values: string[];
  /** The value whose line says `(默认值)`. */
  default?: string;
}

/**
 * The values listed one per line after a label line ending in `:`, or after a first line without one when the
 * values run to the end of the cell (`API的请求方式` then `GET` … `ANY`, APIG). The list must end at the end of the
 * text or at a line of prose (starting with a non-ASCII character): a line that starts like a value but does not
 * read as one (`REMOVE/REDUCE：减少实例`) makes the list ambiguous. Two values at least. A cell with two lists, an
 * ambiguous one, or a conditional one (`当…时，支持如下操作：`) gives none: which list is the field's is not clear.
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
    const labelled =
      label.endsWith(':') || (i === 0 && lines.length > 2 && lines.slice(1).every((line) => VALUE_LINE.test(line)));
    if (!labelled || NOT_VALUE_LIST_LABEL.test(label) || VALUE_LINE.test(label)) continue;
    const values: string[] = [];
    let marked: string | undefined;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const m = lines[j]!.match(VALUE_LINE);
      if (!m) break;
      values.push(m[1]!);
      if (MARKED_DEFAULT.test(lines[j]!)) marked = marked === undefined ? m[1]! : '';
    }
    if (values.length === 0) continue;
    const endsInProse = j === lines.length || /^[^\x00-\x7f]/.test(lines[j]!);
    if (values.length >= 2 && endsInProse && !CONDITIONAL_LABEL.test(label) && new Set(values).size === values.length) {
      lists.push(marked ? { values, default: marked } : { values });
    } else unclear = true;
    i = j - 1;
  }
  return lists.length === 1 && !unclear ? lists[0] : undefined;
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
      return typedEnum(itemType, value as string[]);
  }
}

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
function typedEnum(type: TypeRef, values: string[]): unknown[] | undefined {
  if (type.kind !== 'primitive' || type.type === 'boolean' || values.length < 2) return undefined;
  if (values.every((v) => BOOLEAN_WORDS.test(v))) return undefined;
  const typed = values.map((v) => typedScalar(type, v.trim()));
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
export function proseConstraints(text: string, type: TypeRef): Constraints {
  const isArray = type.kind === 'array';
  const itemType = isArray ? type.items : type;
  const found = new Map<ProseKey, unknown[]>();
  const add = (key: ProseKey, value: unknown) => {
    if (value === undefined) return;
    const values = found.get(key) ?? [];
    if (!values.some((v) => sameValue(v, value))) values.push(value);
    found.set(key, values);
  };
  for (const finding of proseFindings(text)) add(finding.key, typedFinding(finding, itemType, isArray));
  const list = listEnum(text);
  if (list) {
    add('enum', typedEnum(itemType, list.values));
    if (list.default !== undefined && !isArray) add('default', typedScalar(itemType, list.default));
  }
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
}

/**
 * Reads constraint phrases from a description cell, typed to the field's type.
 * `own` applies to the field, `items` to the items of an array field.
 */
export function extractConstraints(cell: Pick<DocCell, 'text'>, type: TypeRef): ExtractedConstraints {
  const own: Constraints = {};
  const items: Constraints = {};
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
        valueTarget.minimum ??= lo;
        valueTarget.maximum ??= hi;
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
        if (token && type.kind !== 'array') own.default = scalarFor(itemType, token);
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
