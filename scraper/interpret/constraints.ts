// Constraint phrases in descriptions → JSON Schema keywords (FORMATS.md §5, §9.11).
// zh md writes one per paragraph (`最小长度：**1**`), text forms inline (`最小值:1 最大值:500 缺省值:20`),
// English `Minimum: 1`. The phrases are data; the extraction is one loop.

import type { Constraints, DocCell, TypeRef } from '../model.ts';
import { foldWidth } from '../vocab.ts';

export type ConstraintKey = 'min' | 'max' | 'minLength' | 'maxLength' | 'default' | 'enum' | 'arrayLength' | 'length' | 'range';

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
  return value
    .split(/\s*[•·]\s*|[\s,，、;；]+/)
    .map((v) => v.trim().replace(/[。.]$/, ''))
    .filter((v) => v && !CJK.test(v));
}

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
      case 'enum': {
        const values = enumValues(value);
        if (values.length) valueTarget.enum = values.map((v) => scalarFor(itemType, v));
        break;
      }
    }
  }
  return { own, items };
}
