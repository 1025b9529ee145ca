// Constraints graded per kind (enum, length, range, default) with precision and recall, on the fields and
// parameters both sides have. A constraint key is one judgement: `minLength 1` on `req:name` is one item.
//
// Two kinds of page drift are kept apart, as for fields:
// - a definition value the page's rows for that name never state (the 2026 definition has `maxLength 64`, the 2021
//   page says nothing about length) cannot be scraped: it is `unstated`, not a miss;
// - a scraped value the page's rows state while they do not state the definition's (the definition is silent, or
//   newer: `HTTP|HTTPS` on the 2021 page, `GRPC|GRPCS|HTTP|HTTPS` in the definition) is `pageOnly`, not a false
//   claim; so is an enum the page lists with more values than the definition has (`evs|obs|obsfs` on the page,
//   `evs|obs` defined). A default counts as stated only after 默认/缺省/default, or on a value line marked (默认值). Any other scraped value that differs from the definition's, or that the rows never show, is a false
//   claim (fp).

import type { ConstraintKey, FieldConstraints } from './model.ts';
import type { PageRows } from './page-rows.ts';
import { escapeRegExp } from './text.ts';

const CONSTRAINT_KIND_KEYS = {
  enum: ['enum'],
  length: ['minLength', 'maxLength', 'minItems', 'maxItems'],
  range: ['minimum', 'maximum'],
  default: ['default'],
} as const satisfies Record<string, readonly ConstraintKey[]>;

export type ConstraintKind = keyof typeof CONSTRAINT_KIND_KEYS;
export const CONSTRAINT_KINDS = Object.keys(CONSTRAINT_KIND_KEYS) as ConstraintKind[];

export interface KindCounts {
  tp: number;
  fp: number;
  fn: number;
  /** Definition values the page never states: not counted as misses. */
  unstated: number;
  /** Scraped values the definition lacks and the page states: not counted as false claims. */
  pageOnly: number;
}

export interface ConstraintJudgements {
  byKind: Record<ConstraintKind, KindCounts>;
  /** `path: key definition ≠ spec`, for the worst-operation detail (false claims and misses, not drift). */
  wrong: string[];
}

const ZERO_KIND: KindCounts = { tp: 0, fp: 0, fn: 0, unstated: 0, pageOnly: 0 };

export function emptyJudgements(): ConstraintJudgements {
  return {
    byKind: Object.fromEntries(CONSTRAINT_KINDS.map((k) => [k, { ...ZERO_KIND }])) as Record<
      ConstraintKind,
      KindCounts
    >,
    wrong: [],
  };
}

export function addJudgements(a: ConstraintJudgements, b: ConstraintJudgements): ConstraintJudgements {
  const byKind = emptyJudgements().byKind;
  for (const kind of CONSTRAINT_KINDS) {
    for (const counter of Object.keys(ZERO_KIND) as (keyof KindCounts)[])
      byKind[kind][counter] = a.byKind[kind][counter] + b.byKind[kind][counter];
  }
  return { byKind, wrong: [...a.wrong, ...b.wrong] };
}

/** Sum of the kinds given (all four: the "all kinds together" figure). */
export function sumKinds(
  judgements: ConstraintJudgements,
  kinds: readonly ConstraintKind[] = CONSTRAINT_KINDS,
): KindCounts {
  const sum = { ...ZERO_KIND };
  for (const kind of kinds)
    for (const counter of Object.keys(sum) as (keyof KindCounts)[]) sum[counter] += judgements.byKind[kind][counter];
  return sum;
}

/** The pattern of `value` as a whole token: `64` not inside `1640` or `6.4`, `ACTIVE` not in `INACTIVE`. */
function wholeToken(value: string): string {
  return `(?<![A-Za-z0-9_.])${escapeRegExp(value)}(?![A-Za-z0-9_]|\\.\\d)`;
}

/** Whether `value` occurs in `text` as a whole token (see wholeToken). */
export function textStatesValue(text: string, value: string): boolean {
  if (value === '') return false;
  return new RegExp(wholeToken(value)).test(text);
}

/**
 * Whether `text` states `value` as a default: after 默认/缺省/default and at most a few characters (`默认值为“0”`,
 * `默认为10`, `缺省值：HTTPS`, `Default: 5`). A bare `1` elsewhere in the row (`1：表示自动发布`) is no default.
 */
function textStatesDefault(text: string, value: string): boolean {
  if (value === '') return false;
  const before = `(?:默认|缺省|default)[^\\n。,，;；]{0,6}?${wholeToken(value)}`;
  // A value of a list marked as the default: `true：启用样本收集（默认值）`. Row text is flattened to one line, so
  // the meaning may not run over the next value's colon (`true：启用 false：不启用（默认值）` marks false).
  const marked = `${wholeToken(value)}\\s*(?:[（(]默认值?[)）]|[:：,，][^:：\\n]{0,60}?[（(]默认值?[)）])`;
  return new RegExp(`${before}|${marked}`, 'i').test(text);
}

// Words after which a number is an upper bound, a lower bound, or a default — not the other bound. `不超过32个字节`
// (zh-md/cph/查询云手机详情.md) states maxLength 32, not minLength 32; `默认值：0` (zh-md/vod/查询媒资列表.md) states a
// default, not minimum 0; `大于0` (zh-md/cph/查询云手机列表.md) excludes 0, so it states no minimum 0.
const UPPER_WORDS = '不(?:能|得|可|应)?(?:超过|大于|高于)|最大值?为?|最长|最多|至多|上限|max(?:imum)?';
const LOWER_WORDS = '不(?:能|得|可|应)?(?:少于|小于|低于)|最小值?为?|最短|至少|下限|min(?:imum)?';
const GREATER_THAN = '(?<!不[能得可应]?)大于(?!等于|或等于)';
const LESS_THAN = '(?<!不[能得可应]?)小于(?!等于|或等于)';
const DEFAULT_WORDS = '默认值?为?|缺省值?为?|default';
const NOT_A_BOUND: Partial<Record<ConstraintKey, string>> = {
  minLength: `${UPPER_WORDS}|${LESS_THAN}|${GREATER_THAN}|${DEFAULT_WORDS}`,
  minimum: `${UPPER_WORDS}|${LESS_THAN}|${GREATER_THAN}|${DEFAULT_WORDS}`,
  maxLength: `${LOWER_WORDS}|${GREATER_THAN}|${LESS_THAN}|${DEFAULT_WORDS}`,
  maximum: `${LOWER_WORDS}|${GREATER_THAN}|${LESS_THAN}|${DEFAULT_WORDS}`,
};

/** Text ending in a word of NOT_A_BOUND[key] (and a colon or quote): what follows it is no bound of `key`. */
const AFTER_NOT_A_BOUND = new Map(
  Object.entries(NOT_A_BOUND).map(([key, words]) => [key, new RegExp(`(?:${words})\\s*[:：]?\\s*["“]?$`, 'i')]),
);

// Character classes (`数字（0-9）`, `a-z`) name characters, not a length or a value: zh-md/cph/修改手机名称.md.
const CHARACTER_CLASS = /(?<![A-Za-z0-9])(?:0-9|a-z|A-Z)(?![A-Za-z0-9])/g;

// `不能为负数` (zh-md/mrs/查询特定标签的集群列表.md) states minimum 0 without writing the 0.
const NOT_NEGATIVE = /(?:不能|不可|不得|不允许)(?:为|是)负|非负/;
// The open end of an interval, `(0,1000]` (zh-md/aom/查询时间序列.md), excludes its number: no bound of that value.
const OPEN_LOWER_END = /[(（]\s*$/;

/** Whether `text` states `value` as the bound `key`: some occurrence is not right after a word naming another role. */
export function textStatesBound(text: string, key: ConstraintKey, value: string): boolean {
  const cleaned = text.replace(CHARACTER_CLASS, ' ');
  if (key === 'minimum' && value === '0' && NOT_NEGATIVE.test(cleaned)) return true;
  const afterOther = AFTER_NOT_A_BOUND.get(key);
  if (!afterOther) return textStatesValue(cleaned, value);
  const occurrences = [...cleaned.matchAll(new RegExp(wholeToken(value), 'g'))];
  const openEnd = (index: number) =>
    OPEN_LOWER_END.test(cleaned.slice(0, index)) && /^\s*[,，]/.test(cleaned.slice(index + value.length));
  return occurrences.some((m) => !afterOther.test(cleaned.slice(0, m.index)) && !openEnd(m.index));
}

/** A 是/否 cell marks a request row (parameters, request bodies); response tables have none. */
function isFlaggedRow(text: string): boolean {
  return text.split(' | ').some((cell) => /^(是|否|yes|no|必选|可选)$/i.test(cell.trim()));
}

/**
 * The rows that describe the field at `path`: a page names `limit` in its query table and in its response table,
 * and only one of them speaks for each. Request-side paths (`query:`, `path:`, `header:`, `req:`) take the rows
 * with a 是/否 cell, `res:` paths the rows without; when that side has no row, every row counts.
 */
function rowsOfSide(texts: string[], path: string | undefined): string[] {
  if (path === undefined) return texts;
  const label = path.replace(/^[^:]*:\s*(?=(?:req|res|query|path|header|cookie):)/, '');
  const wantFlag = !label.startsWith('res:');
  const side = texts.filter((t) => isFlaggedRow(t) === wantFlag);
  return side.length ? side : texts;
}

/** Whether some row named after the field states the canonical constraint value (each value of an enum). */
export function rowsStateValue(
  rows: PageRows | undefined,
  name: string,
  key: ConstraintKey,
  value: string,
  path?: string,
): boolean {
  const texts = rows?.get(name)?.texts;
  if (!texts?.length) return false;
  const joined = rowsOfSide(texts, path).join('\n');
  if (key === 'default') return textStatesDefault(joined, value);
  if (key !== 'enum') return textStatesBound(joined, key, value);
  return rowsOfSide(texts, path).some((text) => rowStatesEnum(text, value.split('|')));
}

// Words after which values are examples, not the field's list: `例如：active：运行中shutoff：关机…`
// (zh-md/bms/查询裸金属服务器详情.md, OS-EXT-STS:vm_state).
const EXAMPLE_WORDS = /例如|比如|举例|示例|样例/;

/**
 * One row states an enum when it names every value, and not only after a word that makes them examples. Values
 * scattered over two rows of one name (`prePaid` in one `chargingMode` row, `postPaid` in another object's,
 * zh-md/bms/创建裸金属服务器.md) state no list.
 */
function rowStatesEnum(text: string, values: string[]): boolean {
  if (!values.every((v) => enumValueStated(text, v))) return false;
  const example = text.search(EXAMPLE_WORDS);
  if (example < 0) return true;
  const before = text.slice(0, example);
  return values.every((v) => enumValueStated(before, v));
}

/** A value of an enum in a row; the empty string is written in words: `空字符串：…` (zh-md/bms/查询裸金属服务器详情.md). */
function enumValueStated(text: string, value: string): boolean {
  return value === '' ? /空字符串|空串/.test(text) : textStatesValue(text, value);
}

/** `a|b|c` ⊋ `a|b`: the scraped enum lists every defined value and more. */
function strictSuperset(got: string, want: string): boolean {
  const values = new Set(got.split('|'));
  const wanted = want.split('|');
  return values.size > wanted.length && wanted.every((v) => values.has(v));
}

/**
 * A bound the scraper did not write but its all-integer enum implies (`0|1` read from `0：云手机 1：云手游`,
 * zh-md/cph/查询云手机服务器规格列表.md, implies `minimum 0`). Judged neither way: the enum is the scraper's one
 * claim and is judged once, as an enum (against the definition's enum, or as page-only when the page lists it);
 * crediting the implied bound when it equals the definition's, and never blaming it when it does not, scored the
 * same claim twice and one-sidedly. Blaming it symmetrically would score it twice as well. So the definition's
 * bound is left out for such a field: no tp, no fn, no fp.
 */
function boundImpliedByEnum(found: FieldConstraints, key: ConstraintKey): boolean {
  if ((key !== 'minimum' && key !== 'maximum') || found[key] !== undefined || found.enum === undefined) return false;
  return found.enum.split('|').every((v) => /^-?\d+$/.test(v));
}

/** Judges every constraint key of one common field or parameter: `path` labels it, `name` is its row name. */
export function judgeConstraints(
  path: string,
  name: string,
  expected: FieldConstraints,
  found: FieldConstraints,
  into: ConstraintJudgements,
  rows?: PageRows,
): void {
  for (const kind of CONSTRAINT_KINDS) {
    const counts = into.byKind[kind];
    for (const key of CONSTRAINT_KIND_KEYS[kind]) {
      if (boundImpliedByEnum(found, key)) continue;
      const want = expected[key];
      const got = found[key];
      if (want === undefined && got === undefined) continue;
      if (want !== undefined && want === got) {
        counts.tp++;
        continue;
      }
      const stated = (value: string | undefined) => value !== undefined && rowsStateValue(rows, name, key, value, path);
      // An enum the page lists with more values than the (narrower) definition is the page's, not a misreading.
      const pageListsMore =
        key === 'enum' && got !== undefined && want !== undefined && strictSuperset(got, want) && stated(got);
      const wantStated = stated(want) && !pageListsMore;
      if (got !== undefined) {
        // The page says what was scraped and not what the definition says (or the definition is silent): drift.
        if (!wantStated && stated(got)) counts.pageOnly++;
        else {
          counts.fp++;
          into.wrong.push(`${path}: ${key} ${want ?? '-'} ≠ ${got}`);
        }
      }
      if (want !== undefined) {
        if (!wantStated) counts.unstated++;
        else {
          counts.fn++;
          if (got === undefined) into.wrong.push(`${path}: ${key} ${want} ≠ -`);
        }
      }
    }
  }
}
