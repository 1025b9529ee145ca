// Table rows → fields; object tables → named object types; a body table → the body's type. Every row ends as a
// field or as a report entry (its fate is recorded for `--explain` and the self-check).

import type { DocCell, ExampleModel, FieldModel, ObjectModel, TypeRef } from '../model.ts';
import {
  escapeRegExp,
  firstLineName,
  isBodyRowName,
  isNoneText,
  LIST_WORDS,
  parseRequired,
  splitNameNote,
} from '../vocab.ts';
import { extractConstraints, MAX_CONSTRAINT_TEXT } from './constraints.ts';
import {
  dropRow,
  exampleQueryValues,
  note,
  type PageContext,
  type PlacedTable,
  rowFate,
  sideOf,
  source,
} from './context.ts';
import { freeName, pascal } from './names.ts';
import { innerRef } from './json-shape.ts';
import { isObjectish, subTable } from './subtables.ts';
import type { Columns } from './tables.ts';
import { captionSubject } from './tables.ts';
import { isKnownDocType, parseDocType } from './types.ts';
import { alignWithExamples } from './wrappers.ts';

/** A caption or type name usable as a schema name: identifier-like ASCII. */
export function asTypeName(text: string): string | undefined {
  const t = text.replace(/\\_/g, '_').trim();
  return /^[A-Za-z][\w.-]*$/.test(t) ? t : undefined;
}

/** Words joining member names that all must have a value (each must, not one of them: `或` is not here). */
const NON_EMPTY_NAME_JOINERS = [
  '和', // zh-md/aom/查询监控数据（即将下线）.md: `dimension对象name和value属性的值也不能为空`
  '、', // zh-md/modelarts/错误码.md: `AccessKey、SecretKey、目录都不能为空`
];

/** Words after the names saying they must have a value: a member left out has none. */
const NON_EMPTY_PREDICATES = [
  '属性的值也不能为空', // zh-md/aom/查询监控数据（即将下线）.md: `name和value属性的值也不能为空`
  '参数不能为空', // zh-md/aom/错误码.md: `type和relation参数不能为空`
  '都不能为空', // zh-md/modelarts/错误码.md: `AccessKey、SecretKey、目录都不能为空`
  '不能为空', // zh-md/dds/查询项目标签.md: `key不能为空。`
];

/** Words before the names that make them alternatives (`ak或sk不能为空`: one of the two, neither required alone). */
const ALTERNATIVE_WORDS = ['或', '或者']; // zh-md/aom/错误码.md: `ak或sk不能为空`

const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const NAME_JOINER = NON_EMPTY_NAME_JOINERS.map(escapeRegExp).join('|');
/**
 * A name after a joiner does not start a statement: the chain's first name does, so each chain is tried once (from
 * every name of `a和a和…` it was tried again to its end: quadratic on a long cell).
 */
const NON_EMPTY_STATEMENT = new RegExp(
  `(?<![A-Za-z0-9_]|${[...ALTERNATIVE_WORDS, ...NON_EMPTY_NAME_JOINERS].map(escapeRegExp).join('|')})(${NAME}(?:(?:${NAME_JOINER})${NAME})*)` +
    // `不能为空字符串` / `不能为空格` speak of the value's characters, not of its presence.
    `(?:${NON_EMPTY_PREDICATES.map(escapeRegExp).join('|')})(?!字符串|格|串)`,
  'g',
);
const NAME_JOINER_PATTERN = new RegExp(NAME_JOINER);

/**
 * The member names a row's text says must have a value, in order: `name和value属性的值也不能为空` → name, value.
 * Names joined by an alternative (`ak或sk`) or followed by `至少有一个` are not each required: none.
 */
export function membersStatedNonEmpty(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(NON_EMPTY_STATEMENT))
    for (const name of match[1]!.split(NAME_JOINER_PATTERN)) if (!names.includes(name)) names.push(name);
  return names;
}

/** A name no object of this page has yet: request and response sections often both have a `backend_api参数说明`. */
export function unusedName(ctx: PageContext, name: string): string {
  const used = new Set([...ctx.objectNames.values(), ...ctx.objects.map((o) => o.name)]);
  return freeName(name, (candidate) => used.has(candidate));
}

/** Schema name for an object table: its caption when it is a type name, else the referring type or field. */
export function objectFromTable(ctx: PageContext, placed: PlacedTable, preferred: string): string {
  const known = ctx.objectNames.get(placed);
  if (known) return known;
  // A body table's caption names a place (`Body参数说明`, `URI参数说明`), never a type.
  const captioned =
    placed.role.role === 'object'
      ? (asTypeName(placed.table.caption) ??
        asTypeName(captionSubject(placed.table.caption)) ??
        asTypeName(placed.table.servesType?.name ?? ''))
      : undefined;
  const name = captioned ?? preferred;
  const typeName = unusedName(
    ctx,
    /^[a-z]/.test(name) && !asTypeName(placed.table.caption) ? pascal(name) || preferred : name,
  );
  ctx.objectNames.set(placed, typeName);
  ctx.claimed.add(placed);
  const model: ObjectModel = { name: typeName, fields: [], source: source(ctx, placed) };
  ctx.objects.push(model);
  model.fields = fields(ctx, placed, `schema ${typeName}`);
  return typeName;
}

function cell(placed: PlacedTable, cells: DocCell[], role: keyof Columns): DocCell | undefined {
  const i = placed.columns[role];
  return i === undefined ? undefined : cells[i];
}

/** Rows of a parameter/field table → fields; rows that cannot be read go to the report. `into` names the destination. */
export function fields(ctx: PageContext, placed: PlacedTable, into: string): FieldModel[] {
  const { table } = placed;
  if (!table.header.length)
    note(ctx, placed, undefined, 'table has no header row; columns inferred from the cells', 'warning');
  if (placed.columns.name === undefined) {
    table.rows.forEach((_, i) => dropRow(ctx, placed, i + 1, 'table has no name column; row skipped', 'error'));
    return [];
  }
  const out: FieldModel[] = [];
  // A Set, not a scan of `out`: a 100,000-row table stays linear.
  const seen = new Set<string>();
  table.rows.forEach((row, i) => {
    const field = fieldOf(ctx, placed, row.cells, i + 1);
    if (!field) return;
    if (seen.has(field.name))
      dropRow(ctx, placed, i + 1, `'${field.name}' appears twice in the table; the first row is kept`, 'warning');
    else {
      seen.add(field.name);
      out.push(field);
      rowFate(ctx, placed, i + 1, `${into}: field '${field.name}'`);
    }
  });
  return out;
}

/**
 * A row that describes the body itself: named `-` / `--`, `[数组元素]` (`BODY_ROW_NAMES`) as a table's only row (every
 * such row in the corpus is one; beside other rows it would be a member so named), or `body` in a table whose names
 * are locations.
 */
export function isBodyRow(name: string, placed: Pick<PlacedTable, 'columns' | 'table'>): boolean {
  return (
    /^[-–—]+$/.test(name) ||
    (isBodyRowName(name) && placed.table.rows.length === 1) ||
    (name === 'body' && placed.columns.name === placed.columns.location)
  );
}

/** A type cell that holds a required flag instead: `是`, `否`, `Yes`, `No`. */
const FLAG_WORD = /^(?:是|否|yes|no|必选|可选|mandatory|optional)$/i;

/**
 * A row whose cells do not sit under their header: the type cell holds the 是/否 flag. Either the header names the
 * two columns in one order and the rows use the other (`参数 | 参数类型 | 是否必选` over `project_id | 是 | String`,
 * zh-md/bms/批量添加裸金属服务器标签.md): the flag and the type swap; or the row has a flag cell the header has no
 * column for, which pushes the type into the description (`network_version | 否 | String 云手机服务器是否…` under
 * `参数 | 参数类型 | 描述`, zh-md/cph/查询云手机服务器详情.md): the type is the description's first line. Only when
 * the cell that takes the type's place reads as a type; otherwise nothing is repaired.
 */
export function repairShiftedCells(
  type: string,
  required: string | undefined,
  description: string | undefined,
): { type: string; required: string; description: string; why: string } | undefined {
  const flag = type.trim();
  if (!FLAG_WORD.test(flag)) return undefined;
  if (required !== undefined && isKnownDocType(required.trim()))
    return {
      type: required.trim(),
      required: flag,
      description: description ?? '',
      why: `the type cell holds '${flag}' and the required cell a type: swapped`,
    };
  const [first = '', ...rest] = (description ?? '').split('\n');
  if ((required === undefined || !required.trim()) && isKnownDocType(first.trim()))
    return {
      type: first.trim(),
      required: flag,
      description: rest.join('\n'),
      why: `the type cell holds '${flag}' and the description starts with a type: the row's cells are shifted`,
    };
  return undefined;
}

function fieldOf(ctx: PageContext, placed: PlacedTable, cells: DocCell[], rowNumber: number): FieldModel | undefined {
  const nameCell = cell(placed, cells, 'name');
  const { name: written, note: nameNote } = splitNameNote(firstLineName(nameCell?.text ?? ''));
  // `-` / `--` (or `body` in a location-named table): the row describes the body itself.
  const name = isBodyRow(written, placed) ? '-' : written;
  if (!name) {
    dropRow(ctx, placed, rowNumber, 'row has an empty name cell; skipped', 'warning');
    return undefined;
  }
  let typeCell = cell(placed, cells, 'type');
  let descriptionCell = cell(placed, cells, 'description');
  let requiredCell = cell(placed, cells, 'required');
  const repaired = typeCell && repairShiftedCells(typeCell.text, requiredCell?.text, descriptionCell?.text);
  if (repaired) {
    note(ctx, placed, rowNumber, `'${name}': ${repaired.why}`, 'info');
    typeCell = { ...typeCell!, text: repaired.type };
    requiredCell = { ...(requiredCell ?? typeCell), text: repaired.required };
    if (descriptionCell) descriptionCell = { ...descriptionCell, text: repaired.description };
  }
  const description = [descriptionCell?.text, cell(placed, cells, 'range')?.text].filter(Boolean).join('\n');
  const docType = (typeCell?.text ?? '').replace(/\n/g, ' ').trim();
  let type: TypeRef = typeCell ? parseDocType(docType) : untypedRowType(ctx, name, description);
  const links = [...(typeCell?.links ?? []), ...(nameCell?.links ?? []), ...(descriptionCell?.links ?? [])]
    .map((l) => l.href)
    .filter((h) => h.includes('#'));
  if (typeCell && type.kind === 'unknown' && isNoneText(docType)) type = { kind: 'primitive', type: 'string' };
  let docLink: string | undefined;
  ({ type, docLink } = linkType(ctx, placed, { name, type, links, description, docType }, rowNumber));
  if (type.kind === 'unknown')
    note(ctx, placed, rowNumber, `unknown type '${type.text}' of '${name}'; written as {} with x-doc-type`, 'warning');
  let required = false;
  if (requiredCell) {
    const flag = parseRequired(requiredCell.text);
    if (flag === undefined && requiredCell.text.trim())
      note(
        ctx,
        placed,
        rowNumber,
        `required flag '${requiredCell.text.trim()}' of '${name}' not understood; taken as optional`,
        'info',
      );
    required = flag ?? false;
  }
  const { own, items, tooLong } = extractConstraints({ text: description }, type);
  const defaultCell = cell(placed, cells, 'default');
  const fromDefault =
    defaultCell && defaultCell.text.trim() && !isNoneText(defaultCell.text) && own.default === undefined
      ? extractConstraints({ text: `缺省值:${defaultCell.text}` }, type)
      : undefined;
  if (fromDefault) Object.assign(own, fromDefault.own);
  if (tooLong || fromDefault?.tooLong)
    note(
      ctx,
      placed,
      rowNumber,
      `${tooLong ? 'description' : 'default'} of '${name}' is longer than ${MAX_CONSTRAINT_TEXT} characters; no constraints read from it`,
      'warning',
    );
  // The wire name: the row's, unless the page's examples show the list under its plural (see pluralShownByExamples).
  const plural = pluralShownByExamples(ctx, name, type, sideOf(placed.section.kind));
  if (plural)
    note(
      ctx,
      placed,
      rowNumber,
      `'${name}' is a list the page's examples show as '${plural}' (no row is named so); named '${plural}'`,
      'info',
    );
  const field: FieldModel = {
    name: plural ?? name,
    docType,
    type,
    required,
    // The note after the name (`（过期）`) stays with the field, as the first words of its description.
    description: [nameNote && `（${nameNote}）`, descriptionCell?.text].filter(Boolean).join(''),
    constraints: own,
  };
  if (Object.keys(items).length) field.itemConstraints = items;
  if (docLink) field.docLink = docLink;
  // Kept for a row whose members only the example shows (example-shape.ts): the row may say which must be set.
  const nonEmpty = membersStatedNonEmpty(description);
  if (nonEmpty.length) ctx.membersStatedNonEmpty.set(field, nonEmpty);
  return field;
}

/**
 * A list field whose row names it in the singular while every example of the page shows it in the plural: the
 * `phone_model` row of type `Array of objects` next to `"phone_models": [ … ]` in the response example
 * (zh-md/cph/查询云手机规格列表.md; the API Explorer definition says `phone_models`). The example is what the
 * service sends, so its key is the wire name. Only when the singular is no example key, the plural is no row name on
 * the page (so it cannot be another field) and an example of the row's own side (request or response) shows a list
 * under the plural: a response's `phone_models` says nothing about a request row `phone_model`.
 */
function pluralShownByExamples(
  ctx: PageContext,
  name: string,
  type: TypeRef,
  side: 'request' | 'response' | undefined,
): string | undefined {
  if (!side || type.kind !== 'array' || !/^[A-Za-z_][\w]*$/.test(name) || ctx.exampleKeys.has(name)) return undefined;
  return [`${name}s`, `${name}es`].find(
    (plural) => ctx.sideKeys.get(`${side}:${plural}`) === 'array' && !ctx.rowNames.has(plural),
  );
}

/** Ties object-ish types to their sub-tables; unresolved named types stay references for service.ts. */
function linkType(
  ctx: PageContext,
  placed: PlacedTable,
  field: { name: string; type: TypeRef; links: string[]; description: string; docType: string },
  row: number,
): { type: TypeRef; docLink?: string } {
  const { type } = field;
  // `JSON` fields may still have a sub-table (found by link, caption or number, never by position); so may a type
  // cell the vocabulary does not know, when it names a caption or links a table.
  const objectish = isObjectish(type) || innerRef(type) !== undefined || type.kind === 'any' || type.kind === 'unknown';
  if (!objectish) return { type };
  const found = subTable(ctx, field, placed);
  if (!found) return { type };
  if ('unresolved' in found) {
    if (type.kind === 'unknown' || isObjectish(type) || type.kind === 'any') {
      note(
        ctx,
        placed,
        row,
        `'${field.name}' is described by a table on another page (${found.unresolved}) that is not among the inputs; written as {} with x-doc-link`,
        'warning',
      );
      const free: TypeRef = type.kind === 'array' ? { kind: 'array', items: { kind: 'any' } } : { kind: 'any' };
      return { type: free, docLink: found.unresolved };
    }
    return { type };
  }
  const preferred = innerRef(type) ?? (pascal(field.name) || ctx.body.name);
  const name = objectFromTable(ctx, found.table, preferred);
  if (found.how === 'position')
    note(
      ctx,
      placed,
      row,
      `'${field.name}' linked to ${found.table.label} by position (no link, caption or table number)`,
      'info',
    );
  if (found.how === 'other page')
    note(
      ctx,
      placed,
      row,
      `'${field.name}' linked to ${found.table.foreign?.file}: ${found.table.label} on another page`,
      'info',
    );
  const ref: TypeRef = { kind: 'ref', name };
  if (type.kind === 'array' || type.kind === 'map') return { type: withObject(type, ref) };
  if (type.kind === 'object' && field.name === '-' && ctx.body.isList) {
    note(
      ctx,
      placed,
      row,
      `body (${field.docType}) is a list in the page's examples; typed as an array of ${name}`,
      'info',
    );
    return { type: { kind: 'array', items: ref } };
  }
  if ((type.kind === 'object' || type.kind === 'unknown') && field.name !== '-') {
    // Old pages write `字典数据类型` for objects and lists of objects alike; the examples or the words say which.
    const evidence =
      ctx.exampleKeys.get(field.name) === 'array'
        ? "is a list in the page's examples"
        : ctx.exampleKeys.get(field.name) === undefined && LIST_WORDS.test(field.description.split('\n')[0] ?? '')
          ? 'is described as a list'
          : undefined;
    if (evidence) {
      note(ctx, placed, row, `'${field.name}' (${field.docType}) ${evidence}; typed as an array of ${name}`, 'info');
      return { type: { kind: 'array', items: ref } };
    }
  }
  // `DisasterRecovery object` described as a list (`容灾列表`) and a list in every example (zh-md/dws/查询容灾列表.md).
  // Both are needed: an example alone contradicts the table on other pages (zh-md/aom/查询阈值规则列表.md `meta_data`).
  if (
    type.kind === 'ref' &&
    field.name !== '-' &&
    ctx.listKeys.has(field.name) &&
    LIST_WORDS.test(field.description.split('\n')[0] ?? '')
  ) {
    note(
      ctx,
      placed,
      row,
      `'${field.name}' (${field.docType}) is a list in the page's examples and its description; typed as an array of ${name}`,
      'info',
    );
    return { type: { kind: 'array', items: ref } };
  }
  return { type: ref };
}

/**
 * The container shape of the type cell around the sub-table's object: `Map<String,Array of address objects>`
 * (zh-md/bms/查询裸金属服务器详情.md) is a map of arrays of the object, not a map of the object.
 */
function withObject(type: TypeRef, ref: TypeRef): TypeRef {
  if (type.kind === 'array') return { kind: 'array', items: withObject(type.items, ref) };
  if (type.kind === 'map') return { kind: 'map', values: withObject(type.values, ref) };
  return ref;
}

/**
 * The type of a row whose table has no type column: a string, unless the page shows it is an integer — its
 * description bounds it as a number and every value the request examples send for it is digits
 * (zh-md/dds/查询备份列表.md: `limit` | `取值范围：1~100` with `…&offset=0&limit=10`).
 */
function untypedRowType(ctx: PageContext, name: string, description: string): TypeRef {
  const integer: TypeRef = { kind: 'primitive', type: 'integer' };
  const values = exampleQueryValues(ctx).get(name) ?? [];
  const { own } = extractConstraints({ text: description }, integer);
  const bounded = own.minimum !== undefined || own.maximum !== undefined;
  return bounded && values.length > 0 && values.every((v) => /^-?\d+$/.test(v))
    ? integer
    : { kind: 'primitive', type: 'string' };
}

/**
 * The one row of a body table named after its own item type: `QueryCategoryRsp` of type `Array of QueryCategoryRsp
 * objects` (zh-md/vod/查询指定分类信息.md, whose 200 example is `[ { "id": … } ]`): the generator names a list body's
 * row after the type, so the row is the body, not a field called `QueryCategoryRsp`. Used only when the examples
 * show lists.
 */
export function namesItsItemType(name: string, typeCell: string | undefined): boolean {
  const type = parseDocType(typeCell ?? '');
  return type.kind === 'array' && type.items.kind === 'ref' && type.items.name === name;
}

/** A body table: a `-` row is the body's own type (File downloads, lists); otherwise a named object. */
export function bodyType(
  ctx: PageContext,
  placed: PlacedTable,
  preferred: string,
  examples: ExampleModel[] = [],
): TypeRef {
  const rows = placed.table.rows;
  const nameCol = placed.columns.name;
  const isList = examples.length > 0 && examples.every((ex) => Array.isArray(ex.value));
  const only = rows.length === 1 ? rows[0]!.cells : undefined;
  const written = nameCol !== undefined ? (only?.[nameCol]?.text.trim() ?? '') : '';
  if (only && (isBodyRow(written, placed) || (isList && namesItsItemType(written, cell(placed, only, 'type')?.text)))) {
    ctx.claimed.add(placed);
    ctx.body = { name: preferred, isList };
    const [field] = fields(ctx, placed, 'the body itself');
    if (!isBodyRow(written, placed))
      note(ctx, placed, 1, `'${written}' names its own item type and the examples are lists: the body itself`, 'info');
    return field?.type ?? { kind: 'any' };
  }
  const anchorName = placed.table.anchors.map(anchorTypeName).find(Boolean);
  const ref: TypeRef = { kind: 'ref', name: objectFromTable(ctx, placed, anchorName ?? preferred) };
  // A list body whose rows describe one element (zh-md/dli/批量删除作业.md) is read there too (`isListOf`).
  return alignWithExamples(ctx, ref, examples);
}

export function anchorTypeName(anchor: string): string | undefined {
  const m = anchor.match(/(?:^|__)(?:request|response)_([A-Za-z][A-Za-z0-9]*?)(?:_\d+)?$/);
  return m?.[1];
}
