// Comparing normalised operations: precision/recall/F1 over parameter and field sets, agreement on common fields,
// and "drift" (definition fields the 2021 page never mentions, which no scraper could find).

import { type PageRows, pageStatesFlag, pageStatesType } from './page-rows.ts';
import { emptyJudgements, judgeConstraints, type ConstraintJudgements } from './constraint-kinds.ts';
import { escapeRegExp } from './text.ts';
import { CONSTRAINT_KEYS, type ConstraintKey, type FieldConstraints, type NormField, type NormOp } from './model.ts';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

/** Micro-averaged scores. An empty side scores 1 (nothing claimed, nothing wrong; nothing expected, nothing missed). */
export function scores(counts: Counts): Scores {
  const claimed = counts.tp + counts.fp;
  const expected = counts.tp + counts.fn;
  const precision = claimed === 0 ? 1 : counts.tp / claimed;
  const recall = expected === 0 ? 1 : counts.tp / expected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

export const ZERO_COUNTS: Counts = { tp: 0, fp: 0, fn: 0 };

/** Agreement on some property of the common fields: `agree` out of `total`, plus what disagreed. */
export interface Agreement {
  agree: number;
  total: number;
  mismatches: string[];
  /** Disagreements with the definition where the page itself states what the scraper wrote: drift, not in `total`. */
  pageStated?: string[];
}

export function agreementRate(a: Agreement): number {
  return a.total === 0 ? 1 : a.agree / a.total;
}

export function addAgreement(a: Agreement, b: Agreement): Agreement {
  return {
    agree: a.agree + b.agree,
    total: a.total + b.total,
    mismatches: [...a.mismatches, ...b.mismatches],
    pageStated: [...(a.pageStated ?? []), ...(b.pageStated ?? [])],
  };
}

export const ZERO_AGREEMENT: Agreement = { agree: 0, total: 0, mismatches: [] };

/** Set comparison of `expected` (definition) against `found` (spec). */
export function compareSets(expected: Iterable<string>, found: Iterable<string>) {
  const want = new Set(expected);
  const got = new Set(found);
  const missing = [...want].filter((x) => !got.has(x)).sort();
  const extra = [...got].filter((x) => !want.has(x)).sort();
  const common = [...want].filter((x) => got.has(x)).sort();
  return { counts: { tp: common.length, fp: extra.length, fn: missing.length }, missing, extra, common };
}

/** Names along a dotted path: `res:items[].tags[]` → `items`, `tags`; `res:map.*.x` → `map`, `x`. */
export function pathNames(path: string): string[] {
  return path
    .replace(/^(req|res):/, '')
    .split('.')
    .map((segment) => segment.replace(/\[\]/g, ''))
    .filter((segment) => segment !== '' && segment !== '*');
}

/** Last name in a dotted path: `res:items[].tags[]` → `tags`; `res:map.*` → `map`. */
export function leafName(path: string): string {
  return pathNames(path).at(-1) ?? '';
}

/**
 * A definition field the page cannot show: some name on its path occurs nowhere in the page text. Checking every
 * name, not only the last, matters for nesting: the page cannot place `bindings[].api_id` if it never says `bindings`.
 */
export function isDrift(pageText: string, path: string): boolean {
  return pathNames(path).some((name) => !mentionsName(pageText, name));
}

/**
 * What a field name can be; a name carrying a note (`access_ip（过期）`, zh-md/cph/查询云手机详情.md) is the scraper's
 * misreading of the row, not drift, even though the row's first cell reads so. Empty: `[]` and `*` segments.
 */
const FIELD_NAME = /^[\w$@-]*$/;

/** A path segment's name: `items[]` → `items`; `*` (map values) and `[]` (a top-level array) name nothing. */
function segmentName(segment: string): string {
  return segment.replace(/\[\]/g, '').replace(/^\*$/, '');
}

/**
 * A scraped field the newer definition dropped or renamed (`is_include_special_throttle` on the page,
 * `is_inclu_special_throttle` in the definition): page-only drift, not a false field. It is one when a row of the
 * page names it, its own name occurs nowhere in the definition, and it hangs — through names the definition never
 * uses either — from the root or from a path the definition itself has: `failed_reasons.error_code` under
 * `clusters[]` (zh-md/css/查询集群列表.md; the definition keeps `clusters` and dropped `failed_reasons`) is as
 * page-only as `failed_reasons.error_code` at the top (查询集群详情.md). A field under a parent the definition does
 * not have, or whose own name the definition uses elsewhere (a sub-table attached to the wrong parent, a nested row
 * flattened), stays extra.
 */
export function isPageOnly(
  path: string,
  definitionPaths: ReadonlySet<string>,
  definitionNames: ReadonlySet<string>,
  rows?: PageRows,
  definitionParamNames: ReadonlySet<string> = new Set(),
): boolean {
  const leaf = leafName(path);
  // A leaf the definition names in any case is not new: `key` under `id` while `rules[].Key` is defined is misplaced;
  // nor is one it has as a query, path or header parameter (`limit` scraped into the body while the definition has
  // `query:limit`): that is a parameter read into the wrong place, the counterpart of what isPageOnlyParam refuses.
  const definedLeaf = [...definitionNames, ...definitionParamNames].some((n) => n.toLowerCase() === leaf.toLowerCase());
  if (!rows?.has(leaf) || definedLeaf) return false;
  const side = path.match(/^(req|res):/)?.[0] ?? '';
  const segments = path.slice(side.length).split('.');
  while (segments.length > 0 && !definitionNames.has(segmentName(segments.at(-1)!))) {
    if (!FIELD_NAME.test(segmentName(segments.pop()!))) return false;
  }
  if (segments.length === 0) return true;
  return definitionPaths.has(side + segments.join('.').replace(/(\[\])+$/, ''));
}

/** The path without array markers: `a[].b` and `a.b` meet, for the informational "names right, nesting aside" score. */
export function withoutArrayMarkers(path: string): string {
  return path.replace(/\[\]/g, '');
}

/** Identifier patterns by flags + name: the same names are looked up on page after page. */
const NAME_PATTERNS = new Map<string, RegExp>();

/** Whether `name` occurs in `text` as an identifier (not as part of a longer one: `id` is not in `project_id`). */
export function mentionsName(text: string, name: string, ignoreCase = false): boolean {
  if (name === '') return false;
  const flags = ignoreCase ? 'i' : '';
  let pattern = NAME_PATTERNS.get(`${flags}:${name}`);
  if (!pattern) {
    pattern = new RegExp(`(?<![A-Za-z0-9_])${escapeRegExp(name)}(?![A-Za-z0-9_])`, flags);
    NAME_PATTERNS.set(`${flags}:${name}`, pattern);
  }
  return pattern.test(text);
}

/** `header:x-auth-token` → is `X-Auth-Token` on the page? (header names are case-insensitive, the rest are not) */
export function mentionsParam(text: string, key: string): boolean {
  const [location = '', ...rest] = key.split(':');
  return mentionsName(text, rest.join(':'), location === 'header');
}

export interface FieldAgreements {
  type: Agreement;
  format: Agreement;
  /** Request fields only: the page's request tables have a 是否必选 column. */
  required: Agreement;
  /**
   * Response fields, informational: response tables (`参数 | 参数类型 | 描述`) have no 是否必选 column, so a page
   * cannot say what the definitions mark as required.
   */
  responseRequired: Agreement;
  constraints: Agreement;
  /** How many common fields disagreed on each constraint key. */
  constraintMismatchByKey: Record<ConstraintKey, number>;
}

export function emptyFieldAgreements(): FieldAgreements {
  return {
    type: { ...ZERO_AGREEMENT, mismatches: [] },
    format: { ...ZERO_AGREEMENT, mismatches: [] },
    required: { ...ZERO_AGREEMENT, mismatches: [] },
    responseRequired: { ...ZERO_AGREEMENT, mismatches: [] },
    constraints: { ...ZERO_AGREEMENT, mismatches: [] },
    constraintMismatchByKey: Object.fromEntries(CONSTRAINT_KEYS.map((k) => [k, 0])) as Record<ConstraintKey, number>,
  };
}

export function addFieldAgreements(a: FieldAgreements, b: FieldAgreements): FieldAgreements {
  const byKey = { ...a.constraintMismatchByKey };
  for (const key of CONSTRAINT_KEYS) byKey[key] += b.constraintMismatchByKey[key];
  return {
    type: addAgreement(a.type, b.type),
    format: addAgreement(a.format, b.format),
    required: addAgreement(a.required, b.required),
    responseRequired: addAgreement(a.responseRequired, b.responseRequired),
    constraints: addAgreement(a.constraints, b.constraints),
    constraintMismatchByKey: byKey,
  };
}

/**
 * Counts one judgement: agreed, or a mismatch, or, when the page itself states what the scraper wrote (`stated`
 * given), page drift outside `total`.
 */
function judge(agreement: Agreement, agrees: boolean, mismatch: string, stated?: string): void {
  if (agrees) {
    agreement.total++;
    agreement.agree++;
  } else if (stated !== undefined) (agreement.pageStated ??= []).push(stated);
  else {
    agreement.total++;
    agreement.mismatches.push(mismatch);
  }
}

/** Type agreement, judged only when the definition knows its type. `rows` (the page's) can turn a mismatch into drift. */
export function agreeOnType(expected: NormField, found: NormField, into: Agreement, rows?: PageRows): void {
  if (expected.type === 'unknown') return;
  const line = `${expected.path}: ${expected.type} ≠ ${found.type}`;
  const stated = pageStatesType(rows, leafName(expected.path), found.type)
    ? `${line} (page: ${found.type})`
    : undefined;
  judge(into, expected.type === found.type, line, stated);
}

/** Required-flag agreement. `rows` (the page's) can turn a mismatch into drift. */
export function agreeOnRequired(expected: NormField, found: NormField, into: Agreement, rows?: PageRows): void {
  const line = `${expected.path}: ${expected.required ? 'required' : 'optional'} ≠ ${found.required ? 'required' : 'optional'}`;
  const stated = pageStatesFlag(rows, leafName(expected.path), found.required)
    ? `${line} (page: ${found.required ? '是' : '否'})`
    : undefined;
  judge(into, expected.required === found.required, line, stated);
}

/**
 * Agreement between a definition field and the scraped field with the same path.
 * Type is judged only when the definition knows its type; format only when the definition gives one.
 */
export function agreeOnField(expected: NormField, found: NormField, into: FieldAgreements, rows?: PageRows): void {
  const label = expected.path;
  agreeOnType(expected, found, into.type, rows);
  if (expected.format !== undefined) {
    judge(into.format, expected.format === found.format, `${label}: ${expected.format} ≠ ${found.format ?? '-'}`);
  }
  agreeOnRequired(expected, found, label.startsWith('res:') ? into.responseRequired : into.required, rows);
  const differing = CONSTRAINT_KEYS.filter((key) => expected.constraints[key] !== found.constraints[key]);
  for (const key of differing) into.constraintMismatchByKey[key]++;
  const detail = differing.map((k) => `${k} ${expected.constraints[k] ?? '-'} ≠ ${found.constraints[k] ?? '-'}`);
  judge(into.constraints, differing.length === 0, `${label}: ${detail.join(', ')}`);
}

export interface OpComparison {
  key: string;
  /** The definition's operationId (or file name). */
  name: string;
  /** The scraped operation's operationId. */
  specName: string;
  /** The API Explorer name a page of the operation links (set by evaluate.ts; absent: the scraper derives one). */
  linkedName?: string;
  definitionSource?: string;
  specSource?: string;
  /**
   * Param counts exclude drift (a header the page never names, e.g. X-Auth-Token on old pages) from the misses;
   * `transport` (a RUNTIME_HEADERS header the spec has and the definition does not) and `pageOnly` (the
   * page's rows name it, the definition names it nowhere) from the extras.
   */
  params: {
    counts: Counts;
    missing: string[];
    extra: string[];
    drift: string[];
    transport: string[];
    pageOnly: string[];
  };
  /** Field counts exclude drift from the misses. */
  fields: { counts: Counts; missing: string[]; extra: string[]; drift: string[]; pageOnly: string[] };
  /** The same comparison with `[]` erased on both sides (drift excluded): names found, array-vs-object aside. */
  fieldsIgnoringArrays: Counts;
  agreements: FieldAgreements;
  /** Constraints per kind over common fields and common parameters. */
  constraints: ConstraintJudgements;
}

/**
 * A scraped parameter the definition names nowhere (no parameter, no field of that name) while a row of the page
 * does: documented on the page, gone from or never in the definition, the parameter counterpart of a page-only
 * field (query and header parameters; path parameters are the URL template's). Header names compare
 * case-insensitively. (`Authorization`, which pages list and definitions carry in their security scheme, is a
 * RUNTIME_HEADERS header and never reaches this test.)
 */
function isPageOnlyParam(key: string, definition: NormOp, rows: PageRows | undefined): boolean {
  if (!rows) return false;
  const [location = '', ...rest] = key.split(':');
  // Path parameters are the URL template's: both sides have them, a different name is a naming error, not drift.
  if (location === 'path') return false;
  const name = rest.join(':');
  const fold = (n: string) => (location === 'header' ? n.toLowerCase() : n);
  const onPage = location === 'header' ? [...rows.keys()].some((row) => fold(row) === fold(name)) : rows.has(name);
  if (!onPage) return false;
  const named = [...definition.params].some((k) => fold(k.split(':').slice(1).join(':')) === fold(name));
  return !named && ![...definition.fields.keys()].some((p) => pathNames(p).some((n) => fold(n) === fold(name)));
}

/**
 * Headers the generated client runtime itself sends (generator/runtime/client.ts, signer.ts), as parameter keys:
 * - X-Auth-Token: the token credential (client.ts, `credentials.type === 'token'`);
 * - X-Project-Id, X-Security-Token: the project and the temporary-credential token of AK/SK requests (client.ts);
 * - X-Sdk-Date, Authorization: the AK/SK signature's date and signature (signer.ts `sign`);
 * - Content-Type: the body's media type, set from the operation's (client.ts).
 * Not Accept (the runtime sends none), nor any other header a page lists: those are judged as parameters.
 */
export const RUNTIME_HEADERS: ReadonlySet<string> = new Set(
  ['X-Auth-Token', 'X-Project-Id', 'X-Security-Token', 'X-Sdk-Date', 'Authorization', 'Content-Type'].map(
    (name) => `header:${name.toLowerCase()}`,
  ),
);

/** `query:limit` → `limit`; `header:x-auth-token` → `x-auth-token`. */
function paramName(key: string): string {
  return key.split(':').slice(1).join(':');
}

/**
 * The definition's constraints, less the bounds the field's type cannot carry where the page itself states that
 * type: a numeric range on what the page calls a string (zh-md/dds/创建实例.md: `keep_days | String |
 * 取值范围：0~732`, examples `"keep_days": "8"`; API Explorer also types it string and adds minimum/maximum, which
 * JSON Schema ignores on a string), or a length on what the page calls a number. The scraper cannot write such a
 * bound into the type the page gives; everything else is judged.
 */
export function boundsTheTypeCarries(
  expected: NormField,
  found: NormField,
  rows: PageRows | undefined,
): FieldConstraints {
  if (!pageStatesType(rows, leafName(expected.path), found.type)) return expected.constraints;
  const numeric = found.type === 'integer' || found.type === 'number';
  const { minimum, maximum, minLength, maxLength, ...rest } = expected.constraints;
  return {
    ...rest,
    ...(numeric ? { minimum, maximum } : {}),
    ...(found.type === 'string' ? { minLength, maxLength } : {}),
  };
}

/**
 * Compares one definition with the scraped operation of the same key. `pageText`, when given, decides drift:
 * a definition field whose name occurs nowhere in the page is newer than the page, not a scraper miss.
 */
export function compareOp(definition: NormOp, spec: NormOp, pageText?: string, rows?: PageRows): OpComparison {
  const params = compareSets(definition.params, spec.params);
  const paramDrift = pageText === undefined ? [] : params.missing.filter((key) => !mentionsParam(pageText, key));
  const paramMissing = params.missing.filter((key) => !paramDrift.includes(key));
  // The client runtime sends the credential and media-type headers on every request whatever a definition says.
  // Some products' definitions list no header at all (MRS, CSS and DWS: none of their 300-odd operations has one,
  // while the MRS pages' 请求Header参数 tables list both), so such a header only the spec has is not a false
  // parameter. The list is the harness's own (RUNTIME_HEADERS), not the scraper's x-transport-headers: a scraper
  // that widened its set would otherwise excuse its own extras. One the definition lists still counts (tp/fn).
  const transport = params.extra.filter((key) => RUNTIME_HEADERS.has(key));
  const paramPageOnly = params.extra.filter(
    (key) => !transport.includes(key) && isPageOnlyParam(key, definition, rows),
  );
  const paramExtra = params.extra.filter((key) => !transport.includes(key) && !paramPageOnly.includes(key));
  const fieldSets = compareSets(definition.fields.keys(), spec.fields.keys());
  const drift = pageText === undefined ? [] : fieldSets.missing.filter((p) => isDrift(pageText, p));
  const driftSet = new Set(drift);
  const missing = fieldSets.missing.filter((p) => !driftSet.has(p));
  const nonDrift = [...definition.fields.keys()].filter((p) => !driftSet.has(p)).map(withoutArrayMarkers);
  const fieldsIgnoringArrays = compareSets(nonDrift, [...spec.fields.keys()].map(withoutArrayMarkers)).counts;
  const definitionPaths = new Set(definition.fields.keys());
  const definitionNames = new Set([...definitionPaths].flatMap(pathNames));
  const definitionParamNames = new Set([...definition.params].map(paramName));
  // A definition that spells a field in another case than the page and its examples (`DataVolumeCount` defined,
  // `dataVolumeCount` on the MRS page 查询集群列表.md and in its response example) has that field as drift already;
  // the page's spelling of the same path is page-only too, not an extra field.
  const driftByCase = new Set(drift.map((p) => p.toLowerCase()));
  const pageOnly = fieldSets.extra.filter(
    (p) =>
      isPageOnly(p, definitionPaths, definitionNames, rows, definitionParamNames) ||
      (rows?.has(leafName(p)) === true && driftByCase.has(p.toLowerCase())),
  );
  const pageOnlySet = new Set(pageOnly);
  const extra = fieldSets.extra.filter((p) => !pageOnlySet.has(p));
  const agreements = emptyFieldAgreements();
  for (const path of fieldSets.common)
    agreeOnField(definition.fields.get(path)!, spec.fields.get(path)!, agreements, rows);
  const constraints = emptyJudgements();
  for (const path of fieldSets.common) {
    const [expected, found] = [definition.fields.get(path)!, spec.fields.get(path)!];
    judgeConstraints(
      path,
      leafName(path),
      boundsTheTypeCarries(expected, found, rows),
      found.constraints,
      constraints,
      rows,
    );
  }
  for (const key of params.common) {
    const [location = '', ...rest] = key.split(':');
    const expected = definition.paramConstraints?.get(key) ?? {};
    const found = spec.paramConstraints?.get(key) ?? {};
    // Header keys are lower-cased; their rows are not, and header constraints are rare: judged by the name as keyed.
    if (location) judgeConstraints(key, rest.join(':'), expected, found, constraints, rows);
  }
  return {
    key: definition.key,
    name: definition.name,
    specName: spec.name,
    ...(definition.source ? { definitionSource: definition.source } : {}),
    ...(spec.source ? { specSource: spec.source } : {}),
    params: {
      counts: { ...params.counts, fp: paramExtra.length, fn: paramMissing.length },
      missing: paramMissing,
      extra: paramExtra,
      drift: paramDrift,
      transport,
      pageOnly: paramPageOnly,
    },
    fields: {
      counts: { tp: fieldSets.counts.tp, fp: extra.length, fn: missing.length },
      missing,
      extra,
      drift,
      pageOnly,
    },
    fieldsIgnoringArrays,
    agreements,
    constraints,
  };
}

/** Operations of one side indexed by key; on duplicate keys the first (sorted input) wins and the rest are counted. */
export function indexOps(ops: NormOp[]): { byKey: Map<string, NormOp>; duplicates: string[] } {
  const byKey = new Map<string, NormOp>();
  const duplicates: string[] = [];
  for (const op of ops) {
    if (byKey.has(op.key)) duplicates.push(op.key);
    else byKey.set(op.key, op);
  }
  return { byKey, duplicates };
}
