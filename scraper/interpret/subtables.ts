// Which table describes a field's object type (docs/FORMATS.md §6). In order: a link to an anchor on this page,
// a link to another input page (`other.md#table123`), the type's name as a caption, a caption the type cell
// mentions (`参考graph图类型数据结构说明`), `表N` in the description, the field's name in a caption, and — only on
// pages that never link their sub-tables — the next unclaimed object table.

import type { TypeRef } from '../model.ts';
import { foldWidth, normalizeWord, TABLE_REFERENCE } from '../vocab.ts';
import {
  baseName,
  isNamedAfterField,
  type PageContext,
  placedRowNames,
  type PlacedTable,
  placeTable,
  sideOf,
} from './context.ts';
import { cover, innerRef, MIN_COVER } from './json-shape.ts';
import { captionSubjects } from './tables.ts';

export interface FieldRef {
  name: string;
  type: TypeRef;
  /** hrefs of the row's links that carry an anchor (`#x`, `other.md#x`). */
  links: string[];
  description: string;
  docType: string;
}

export type Found = {
  table: PlacedTable;
  how:
    | 'anchor'
    | 'other page'
    | 'caption'
    | 'caption named in the type cell'
    | 'table number'
    | 'field name caption'
    | 'example shape'
    | 'position';
};

/** All tables, those of `owner`'s section first: a request field's sub-table is in the request section. */
function nearFirst(ctx: PageContext, owner: PlacedTable): PlacedTable[] {
  return [
    ...ctx.tables.filter((t) => t.section === owner.section),
    ...ctx.tables.filter((t) => t.section !== owner.section),
  ];
}

function anchorMatches(anchors: string[], anchor: string): boolean {
  return anchors.some((a) => a === anchor || a.endsWith(`__${anchor}`) || anchor.endsWith(`__${a}`));
}

/** Whether an href points into the page itself (`#x`, or `thisfile.md#x`). */
function isLocal(ctx: PageContext, owner: PlacedTable, href: string): boolean {
  const target = href.slice(0, href.indexOf('#'));
  if (!target) return !owner.foreign;
  return baseName(target) === baseName(owner.foreign?.file ?? ctx.page.file);
}

function byAnchor(ctx: PageContext, href: string, owner: PlacedTable): Found | undefined {
  const anchor = href.slice(href.indexOf('#') + 1);
  if (isLocal(ctx, owner, href)) {
    const local = nearFirst(ctx, owner).find((t) => anchorMatches(t.table.anchors, anchor));
    return local ? { table: local, how: 'anchor' } : undefined;
  }
  const found = ctx.library.find(owner.foreign?.file ?? ctx.page.file, href);
  if (!found) return undefined;
  // A table of another page is placed once per page interpretation, so two fields sharing it share one schema.
  const known = [...ctx.objectNames.keys()].find((t) => t.table === found.table);
  const placed = known ?? {
    ...placeTable(found.table, found.section, new Set()),
    role: { role: 'object' as const },
    foreign: { file: found.file },
  };
  return { table: placed, how: 'other page' };
}

/**
 * The tables a field's sub-table may be among: the page's, those of the owner's section first; for a table of
 * another page, that page's object tables (its `JobDetail数据结构` serves its `jobDetail` row wherever it is used).
 */
function candidates(ctx: PageContext, owner: PlacedTable): PlacedTable[] {
  if (!owner.foreign) return nearFirst(ctx, owner);
  const placed = [...ctx.objectNames.keys()];
  const theirs = ctx.library.tablesOf(owner.foreign.file).map(
    (f) =>
      placed.find((t) => t.table === f.table) ?? {
        ...placeTable(f.table, f.section, new Set()),
        foreign: { file: f.file },
      },
  );
  return [
    ...theirs.filter((t) => t.section === owner.section),
    ...theirs.filter((t) => t.section !== owner.section),
  ].filter((t) => t.role.role === 'object');
}

function byCaption(all: PlacedTable[], name: string, owner: PlacedTable): PlacedTable | undefined {
  const wanted = normalizeWord(name);
  const tables = all.filter((t) => t !== owner && t.table !== owner.table);
  return (
    tables.find(
      (t) => t.role.role === 'object' && normalizeWord(t.table.caption || t.table.servesType?.name || '') === wanted,
    ) ??
    tables.find(
      (t) => t.role.role === 'object' && captionSubjects(t.table.caption).some((s) => normalizeWord(s) === wanted),
    ) ??
    tables.find((t) => t.table.anchors.some((a) => normalizeWord(a).endsWith(`_${wanted}`)))
  );
}

/** A type cell that names another table's caption: `参考graph图类型数据结构说明。`, `DataSource数据结构`. */
function byMention(all: PlacedTable[], docType: string, owner: PlacedTable): PlacedTable | undefined {
  const text = normalizeWord(docType);
  if (text.length < 2) return undefined;
  return all
    .filter((t) => t !== owner && t.table !== owner.table && t.role.role === 'object' && t.table.caption)
    .find((t) => {
      const caption = normalizeWord(t.table.caption);
      return caption.length >= 2 && text.includes(caption);
    });
}

/**
 * `详情请参见表3`: the table numbered so. A reference that also names the caption (`详情请参见表2 flavors数据结构说明。`)
 * means the table with that caption when exactly one has it: numbers shift when a table loses its caption in
 * conversion (zh-md/bms/查询规格详情和规格扩展信息列表.md: `表2 flavors…` is `**表 3**  flavors数据结构说明`).
 */
function byNumber(ctx: PageContext, description: string): PlacedTable | undefined {
  const text = foldWidth(description);
  const m = text.match(TABLE_REFERENCE);
  if (!m) return undefined;
  const named = captionNamedAfter(ctx, normalizeWord(text.slice((m.index ?? 0) + m[0].length)));
  return named ?? ctx.tables.find((t) => t.table.number === Number(m[1] ?? m[2]));
}

/** The one table whose caption opens `words` (the text after a `表N`). */
function captionNamedAfter(ctx: PageContext, words: string): PlacedTable | undefined {
  const matches = ctx.tables.filter((t) => {
    const caption = normalizeWord(t.table.caption);
    return caption.length >= 2 && words.startsWith(caption);
  });
  return matches.length === 1 ? matches[0] : undefined;
}

/**
 * The nearest following object table nobody has claimed: old pages link 字典数据类型 fields by position only.
 * A table that belongs to something else ends the search, and this field has no table: one whose caption a type
 * cell names (in zh-md/swr/创建镜像老化规则.md `params | Object` is followed by `**表 5**  TagSelector`, which belongs
 * to `tag_selectors | Array of TagSelector objects`), or one whose caption names another row of the page (`spec参数`
 * next while the field is `hostid | Array`, zh-md/aom/添加或修改应用发现规则（即将下线）.md; `JobDetail数据结构` for
 * `jobDetail` after `jobName` JsonArray, zh-md/ges/查询Job状态(1-0-0)-管理面.md). Ending rather than skipping past it
 * (which a type-named caption used to do): the accuracy figures are the same as before, while skipping past both
 * hands fields tables further on that are not theirs (zh-md/modelarts/创建开发环境实例.md: 88 extra response fields).
 */
function byPosition(ctx: PageContext, after: PlacedTable): PlacedTable | undefined {
  const start = ctx.tables.indexOf(after);
  if (start < 0) return undefined;
  // A second generic table under the same heading (`表 4 参数说明` after `表 3 参数说明`) is a sub-table too.
  const subTableLike = (t: PlacedTable) =>
    t.role.role === 'object' ||
    (t.section === after.section && t.role.role === after.role.role && t.table.status === after.table.status);
  const next = ctx.tables.slice(start + 1).find((t) => subTableLike(t) && !ctx.claimed.has(t));
  return next && !isNamedAfterType(ctx, next) && !isNamedAfterField(ctx, next) ? next : undefined;
}

/** A table captioned with a type name the page's type cells use (`**表 5**  TagSelector`). */
function isNamedAfterType(ctx: PageContext, placed: PlacedTable): boolean {
  return ctx.typeNames.has(normalizeWord(placed.table.caption));
}

/**
 * The one unclaimed object table whose rows are the keys the examples give the field's value — every key a row,
 * and at least MIN_COVER of the rows keys (zh-md/dws/查询配额.md: an unlinked `quotas` Object, the example's `{ "resources": [...] }`,
 * 表3 lists `resources`).
 */
function byExampleShape(ctx: PageContext, name: string, owner: PlacedTable): PlacedTable | undefined {
  const keys = ctx.childKeys.get(`${sideOf(owner.section.kind) ?? ''}:${name}`);
  if (!keys || !keys.size) return undefined;
  const matching = ctx.tables.filter((t) => {
    if (t === owner || t.role.role !== 'object' || ctx.claimed.has(t) || t.columns.name === undefined) return false;
    const rows = placedRowNames(t);
    return [...keys].every((k) => rows.has(k)) && cover(rows, keys) >= MIN_COVER;
  });
  return matching.length === 1 ? matching[0] : undefined;
}

export function isObjectish(type: TypeRef): boolean {
  if (type.kind === 'object' || type.kind === 'ref') return true;
  if (type.kind === 'array')
    return type.items.kind === 'any' || type.items.kind === 'object' || type.items.kind === 'ref';
  if (type.kind === 'map') return type.values.kind === 'object' || type.values.kind === 'ref';
  return false;
}

/**
 * The sub-table of a field, and how it was found; `unresolved` when the field links a table on a page that is
 * not among the inputs (its `表30` must not be read as this page's table 30); undefined when there is none.
 */
export function subTable(
  ctx: PageContext,
  field: FieldRef,
  owner: PlacedTable,
): Found | { unresolved: string } | undefined {
  let elsewhere: string | undefined;
  for (const href of field.links) {
    const found = byAnchor(ctx, href, owner);
    if (found && found.table !== owner) return found;
    if (!found && !isLocal(ctx, owner, href)) elsewhere ??= href;
  }
  if (elsewhere) return { unresolved: elsewhere };
  const tables = candidates(ctx, owner);
  const refName = innerRef(field.type);
  const named = refName ? byCaption(tables, refName, owner) : undefined;
  if (named && named !== owner) return { table: named, how: 'caption' };
  if (field.type.kind === 'unknown') {
    const mentioned = byMention(tables, field.docType, owner);
    if (mentioned) return { table: mentioned, how: 'caption named in the type cell' };
  }
  // A table of another page resolves by names only: its `表N` and its positions are that page's.
  if (owner.foreign) {
    const byField = field.name !== '-' ? byCaption(tables, field.name, owner) : undefined;
    return byField ? { table: byField, how: 'field name caption' } : undefined;
  }
  const numbered = byNumber(ctx, field.description);
  if (numbered && numbered !== owner) return { table: numbered, how: 'table number' };
  const byField = byCaption(tables, field.name, owner);
  if (byField && byField !== owner && field.name !== '-') return { table: byField, how: 'field name caption' };
  if (!isObjectish(field.type) || refName) return undefined;
  // Pages that link their sub-tables (API Explorer style) mean a plain unlinked `Object` as free-form:
  // guessing by position there attaches unrelated tables. The examples can still show which table it is.
  const next = ctx.linksSubTables ? undefined : byPosition(ctx, owner);
  if (next) return { table: next, how: 'position' };
  const shaped = byExampleShape(ctx, field.name, owner);
  return shaped ? { table: shaped, how: 'example shape' } : undefined;
}
