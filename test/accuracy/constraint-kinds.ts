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

export const CONSTRAINT_KIND_KEYS = {
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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether `value` occurs in `text` as a whole token: `64` not inside `1640` or `6.4`, `ACTIVE` not in `INACTIVE`. */
export function textStatesValue(text: string, value: string): boolean {
  if (value === '') return false;
  return new RegExp(`(?<![A-Za-z0-9_.])${escapeRegExp(value)}(?![A-Za-z0-9_]|\\.\\d)`).test(text);
}

/**
 * Whether `text` states `value` as a default: after 默认/缺省/default and at most a few characters (`默认值为“0”`,
 * `默认为10`, `缺省值：HTTPS`, `Default: 5`). A bare `1` elsewhere in the row (`1：表示自动发布`) is no default.
 */
export function textStatesDefault(text: string, value: string): boolean {
  if (value === '') return false;
  const v = escapeRegExp(value);
  const before = `(?:默认|缺省|default)[^\\n。,，;；]{0,6}?(?<![A-Za-z0-9_.])${v}(?![A-Za-z0-9_]|\\.\\d)`;
  // A value of a list marked as the default: `true：启用样本收集（默认值）`. Row text is flattened to one line, so
  // the meaning may not run over the next value's colon (`true：启用 false：不启用（默认值）` marks false).
  const marked = `(?<![A-Za-z0-9_.])${v}\\s*(?:[（(]默认值?[)）]|[:：,，][^:：\\n]{0,60}?[（(]默认值?[)）])`;
  return new RegExp(`${before}|${marked}`, 'i').test(text);
}

/** Whether some row named after the field states the canonical constraint value (each value of an enum). */
export function rowsStateValue(rows: PageRows | undefined, name: string, key: ConstraintKey, value: string): boolean {
  const texts = rows?.get(name)?.texts;
  if (!texts?.length) return false;
  const joined = texts.join('\n');
  if (key === 'default') return textStatesDefault(joined, value);
  const values = key === 'enum' ? value.split('|') : [value];
  return values.every((v) => textStatesValue(joined, v));
}

/** `a|b|c` ⊋ `a|b`: the scraped enum lists every defined value and more. */
function strictSuperset(got: string, want: string): boolean {
  const values = new Set(got.split('|'));
  const wanted = want.split('|');
  return values.size > wanted.length && wanted.every((v) => values.has(v));
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
      const want = expected[key];
      const got = found[key];
      if (want === undefined && got === undefined) continue;
      if (want !== undefined && want === got) {
        counts.tp++;
        continue;
      }
      const stated = (value: string | undefined) => value !== undefined && rowsStateValue(rows, name, key, value);
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
