// Type cells → TypeRef (FORMATS.md §4, §9.10). The vocabulary is a table of exact words plus a few
// composite patterns (`Array of X objects`, `Map<String,X>`, `X object`); anything else is `unknown`, which the
// OpenAPI builder writes as `{}` with `x-doc-type` and the interpreter reports.

import type { TypeRef } from '../model.ts';
import { foldWidth } from '../vocab.ts';

const str: TypeRef = { kind: 'primitive', type: 'string' };
const int32: TypeRef = { kind: 'primitive', type: 'integer', format: 'int32' };
const int64: TypeRef = { kind: 'primitive', type: 'integer', format: 'int64' };
const object: TypeRef = { kind: 'object' };

/** Exact type words, compared lower-case with spaces removed. */
export const TYPE_WORDS: Record<string, TypeRef> = {
  string: str,
  str: str,
  char: str,
  text: str,
  uuid: str,
  enum: str,
  integer: int32,
  int: int32,
  int32: int32,
  short: int32,
  long: int64,
  int64: int64,
  bigint: int64,
  number: { kind: 'primitive', type: 'number' },
  numeric: { kind: 'primitive', type: 'number' },
  decimal: { kind: 'primitive', type: 'number' },
  float: { kind: 'primitive', type: 'number', format: 'float' },
  double: { kind: 'primitive', type: 'number', format: 'double' },
  boolean: { kind: 'primitive', type: 'boolean' },
  bool: { kind: 'primitive', type: 'boolean' },
  byte: { kind: 'primitive', type: 'string', format: 'byte' },
  file: { kind: 'primitive', type: 'string', format: 'binary' },
  binary: { kind: 'primitive', type: 'string', format: 'binary' },
  timestamp: { kind: 'primitive', type: 'string', format: 'date-time' },
  time: { kind: 'primitive', type: 'string', format: 'date-time' },
  datetime: { kind: 'primitive', type: 'string', format: 'date-time' },
  date: { kind: 'primitive', type: 'string', format: 'date' },
  null: { kind: 'primitive', type: 'null' },
  object: object,
  obj: object,
  dict: object,
  map: { kind: 'map', values: { kind: 'any' } },
  dictionary: object,
  dictionarydatastructure: object,
  document: object,
  字典数据类型: object,
  字典类型: object,
  字段数据类型: object,
  结构体数据类型: object,
  结构体: object,
  对象: object,
  json: { kind: 'any' },
  // A JSON document serialised into a string: `jsonString` (zh-md/cph/重启云手机.md), `Json String`
  // (zh-md/ges/Filtered-query-API(2-2-13).md), `JSON String` (zh-md/ges/Filtered-query-API.md).
  jsonstring: str,
  // A typo the pages make for String: `Stirng` (zh-md/cph/变更云手机服务器规格.md).
  stirng: str,
  anytype: { kind: 'any' },
  any: { kind: 'any' },
  array: { kind: 'array', items: { kind: 'any' } },
  list: { kind: 'array', items: { kind: 'any' } },
  jsonarray: { kind: 'array', items: { kind: 'any' } },
  数组: { kind: 'array', items: { kind: 'any' } },
  array_reference: { kind: 'array', items: object },
  reference: object,
};

/** Plural element words in `Array of strings`, `Array of Object`. */
const ELEMENT_WORDS: Record<string, string> = {
  strings: 'string',
  integers: 'integer',
  ints: 'int',
  longs: 'long',
  numbers: 'number',
  floats: 'float',
  doubles: 'double',
  booleans: 'boolean',
  objects: 'object',
};

function compact(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}

function word(text: string): TypeRef | undefined {
  const key = compact(text);
  return TYPE_WORDS[key] ?? (ELEMENT_WORDS[key] ? TYPE_WORDS[ELEMENT_WORDS[key]!] : undefined);
}

/** A type name as written in `X object` / `Array of X objects`: must look like an identifier. */
const TYPE_NAME = /^[A-Za-z_][\w.$-]*$/;

function named(name: string): TypeRef {
  return word(name) ?? { kind: 'ref', name };
}

type Rule = [RegExp, (m: RegExpMatchArray) => TypeRef | undefined];

/** Composite forms, tried in order after the exact words. */
const RULES: Rule[] = [
  // Array of strings · Array of LabelAttribute objects · Array of Changes · Array of Object
  // List of String (zh-md/dli/上传资源包.md) · List of Json (zh-md/dli/查看分组资源列表.md)
  [/^(?:array|list)\s*of\s+(.+?)(?:\s+objects?)?$/i, (m) => element(m[1]!)],
  // [Long] (zh-md/dli/批量删除作业.md `job_ids`): a type word in brackets; `[1]` is a footnote mark, not a type
  [/^\[\s*([A-Za-z]+)\s*\]$/, (m) => (word(m[1]!) ? element(m[1]!) : undefined)],
  // Array<String> · Array<device> · List<Foo>
  [/^(?:array|list|set)\s*<\s*(.+)\s*>$/i, (m) => element(m[1]!)],
  // []String
  [/^\[\]\s*(.+)$/, (m) => element(m[1]!)],
  // service结构数组 · xxx结构体数组: an array of the object type named before 结构
  [/^([A-Za-z_][\w.-]*)\s*结构体?\s*(?:数组|列表)$/, (m) => ({ kind: 'array', items: named(m[1]!) })],
  [/^([A-Za-z_][\w.-]*)\s*结构体?$/, (m) => named(m[1]!)],
  // String数组 · String Array · string array · Integer[]
  [/^(.+?)\s*(?:数组|array|列表|\[\])$/i, (m) => element(m[1]!)],
  // Map<String,X> · Map<String, Map<String,Array<String>>>
  [/^map\s*<\s*string\s*,\s*(.+)\s*>$/i, (m) => ({ kind: 'map', values: parseDocType(m[1]!) })],
  // LabelProperty object · ext_info object · object of message
  [/^(.+?)\s+object$/i, (m) => (TYPE_NAME.test(m[1]!.trim()) ? named(m[1]!.trim()) : undefined)],
  [/^object\s+of\s+(.+)$/i, (m) => (TYPE_NAME.test(m[1]!.trim()) ? named(m[1]!.trim()) : undefined)],
];

function element(text: string): TypeRef {
  const inner = text.trim();
  const ref =
    word(inner) ?? parseComposite(inner) ?? (TYPE_NAME.test(inner) ? { kind: 'ref', name: inner } : undefined);
  return { kind: 'array', items: ref ?? { kind: 'unknown', text: inner } };
}

function parseComposite(text: string): TypeRef | undefined {
  for (const [pattern, build] of RULES) {
    const m = text.match(pattern);
    if (m) {
      const ref = build(m);
      if (ref) return ref;
    }
  }
  return undefined;
}

/**
 * A footnote mark after the type, answered by a caption that opens with it: `List<resource_tag>[1]` and
 * `**表 2**  \\[1\\] tags字段数据结构说明` (zh-md/bms/查询裸金属服务器标签.md). A letter or `>` before it keeps
 * `Integer[]` and `[]String` intact.
 */
const TYPE_FOOTNOTE = /(?<=[\w>])\s*\[\d{1,2}\]$/;

/**
 * The type cell as written → TypeRef. Never guesses: what it cannot read is `{ kind: 'unknown', text }`.
 * A bare CamelCase word (`ImageRef`) is a reference to a named type (FORMATS.md §9.10).
 */
export function parseDocType(cell: string): TypeRef {
  const text = foldWidth(cell).replace(/\\_/g, '_').replace(/\s+/g, ' ').trim().replace(TYPE_FOOTNOTE, '');
  if (!text) return { kind: 'unknown', text: cell };
  const exact = word(text);
  if (exact) return exact;
  const composite = parseComposite(text);
  if (composite) return composite;
  if (/^[A-Z][A-Za-z0-9]*$/.test(text) && /[a-z]/.test(text)) return { kind: 'ref', name: text };
  return { kind: 'unknown', text };
}

/** Whether a cell reads as a type at all (used by text readers to find cell boundaries). */
export function isKnownDocType(cell: string): boolean {
  return parseDocType(cell).kind !== 'unknown';
}
