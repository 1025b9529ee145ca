// Table rows → fields; object tables → named object types; a body table → the body's type. Every row ends as a
// field or as a report entry (its fate is recorded for `--explain` and the self-check).

import type { DocCell, ExampleModel, FieldModel, ObjectModel, TypeRef } from '../model.ts';
import { isNoneText, LIST_WORDS, parseRequired } from '../vocab.ts';
import { extractConstraints } from './constraints.ts';
import { dropRow, note, type PageContext, type PlacedTable, rowFate, source } from './context.ts';
import { freeName, pascal } from './names.ts';
import { innerRef, isObjectish, subTable } from './subtables.ts';
import type { Columns } from './tables.ts';
import { captionSubject } from './tables.ts';
import { parseDocType } from './types.ts';
import { alignWithExamples } from './wrappers.ts';

/** A caption or type name usable as a schema name: identifier-like ASCII. */
export function asTypeName(text: string): string | undefined {
  const t = text.replace(/\\_/g, '_').trim();
  return /^[A-Za-z][\w.-]*$/.test(t) ? t : undefined;
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

/** A row that describes the body itself: named `-` / `--`, or `body` in a table whose names are locations. */
export function isBodyRow(name: string, placed: PlacedTable): boolean {
  return /^[-–—]+$/.test(name) || (name === 'body' && placed.columns.name === placed.columns.location);
}

function fieldOf(ctx: PageContext, placed: PlacedTable, cells: DocCell[], rowNumber: number): FieldModel | undefined {
  const nameCell = cell(placed, cells, 'name');
  const written = (nameCell?.text.split('\n')[0] ?? '').replace(/\\_/g, '_').trim();
  // `-` / `--` (or `body` in a location-named table): the row describes the body itself.
  const name = isBodyRow(written, placed) ? '-' : written;
  if (!name) {
    dropRow(ctx, placed, rowNumber, 'row has an empty name cell; skipped', 'warning');
    return undefined;
  }
  const typeCell = cell(placed, cells, 'type');
  const descriptionCell = cell(placed, cells, 'description');
  const description = [descriptionCell?.text, cell(placed, cells, 'range')?.text].filter(Boolean).join('\n');
  const docType = (typeCell?.text ?? '').replace(/\n/g, ' ').trim();
  let type: TypeRef = typeCell ? parseDocType(docType) : { kind: 'primitive', type: 'string' };
  const links = [...(typeCell?.links ?? []), ...(nameCell?.links ?? []), ...(descriptionCell?.links ?? [])]
    .map((l) => l.href)
    .filter((h) => h.includes('#'));
  if (typeCell && type.kind === 'unknown' && isNoneText(docType)) type = { kind: 'primitive', type: 'string' };
  let docLink: string | undefined;
  ({ type, docLink } = linkType(ctx, placed, { name, type, links, description, docType }, rowNumber));
  if (type.kind === 'unknown')
    note(ctx, placed, rowNumber, `unknown type '${type.text}' of '${name}'; written as {} with x-doc-type`, 'warning');
  const requiredCell = cell(placed, cells, 'required');
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
  const { own, items } = extractConstraints({ text: description }, type);
  const defaultCell = cell(placed, cells, 'default');
  if (defaultCell && defaultCell.text.trim() && !isNoneText(defaultCell.text) && own.default === undefined)
    Object.assign(own, extractConstraints({ text: `缺省值:${defaultCell.text}` }, type).own);
  const field: FieldModel = {
    name,
    docType,
    type,
    required,
    description: descriptionCell?.text ?? '',
    constraints: own,
  };
  if (Object.keys(items).length) field.itemConstraints = items;
  if (docLink) field.docLink = docLink;
  return field;
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
  if (type.kind === 'array') return { type: { kind: 'array', items: ref } };
  if (type.kind === 'map') return { type: { kind: 'map', values: ref } };
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

/** A body table: a `-` row is the body's own type (File downloads, lists); otherwise a named object. */
export function bodyType(
  ctx: PageContext,
  placed: PlacedTable,
  preferred: string,
  examples: ExampleModel[] = [],
): TypeRef {
  const rows = placed.table.rows;
  const nameCol = placed.columns.name;
  if (nameCol !== undefined && rows.length === 1 && isBodyRow(rows[0]!.cells[nameCol]?.text.trim() ?? '', placed)) {
    ctx.claimed.add(placed);
    ctx.body = { name: preferred, isList: examples.length > 0 && examples.every((ex) => Array.isArray(ex.value)) };
    const [field] = fields(ctx, placed, 'the body itself');
    return field?.type ?? { kind: 'any' };
  }
  const anchorName = placed.table.anchors.map(anchorTypeName).find(Boolean);
  return alignWithExamples(ctx, { kind: 'ref', name: objectFromTable(ctx, placed, anchorName ?? preferred) }, examples);
}

export function anchorTypeName(anchor: string): string | undefined {
  const m = anchor.match(/(?:^|__)(?:request|response)_([A-Za-z][A-Za-z0-9]*?)(?:_\d+)?$/);
  return m?.[1];
}
