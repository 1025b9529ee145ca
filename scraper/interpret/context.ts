// The explicit state of one page's interpretation. Every interpret module takes this object instead of sharing
// hidden fields of a class: which tables the page has and what role each plays (with the evidence for it), which
// tables are already claimed as a body or sub-table, which object types were made, and what became of every row.

import type {
  DocExample,
  DocPage,
  DocSection,
  DocTable,
  FieldModel,
  ObjectModel,
  ReportEntry,
  SourceRef,
} from '../model.ts';
import { HEADER_NAME, normalizeWord, rowName, type TableRole } from '../vocab.ts';
import { parseExample, type ParsedExample } from './examples.ts';
import { cover, elementOf, innerRef } from './json-shape.ts';
import { parseDocType } from './types.ts';
import { captionSubjects, type Columns, columnsOf, inferColumns, tableRole } from './tables.ts';

export type Report = (entry: Omit<ReportEntry, 'file'>) => void;

/** A table with everything the interpreter needs to know about where it stands. */
export interface PlacedTable {
  table: DocTable;
  section: DocSection;
  columns: Columns;
  role: TableRole;
  /** Why the table has its role (shown by `hwdocs scrape --explain`). */
  evidence: string;
  label: string;
  /** The page the table is on, when it is not the page being interpreted (a sub-table on another page). */
  foreign?: { file: string };
}

/** What became of one table row: where it went in the model, or the report entry that replaced it. */
export interface RowFate {
  table: string;
  section?: string;
  row: number;
  fate: string;
  /** True when the row reached only the report (the self-check counts these). */
  reportOnly: boolean;
}

/** A table on some page, found by the file it is on and its anchor (`other.md#table123`). */
export interface ForeignTable {
  file: string;
  section: DocSection;
  table: DocTable;
}

/** Every input page's tables by file and anchor: sub-tables that live on another page (docs/FORMATS.md §6). */
export interface TableLibrary {
  find(fromFile: string, href: string): ForeignTable | undefined;
  /** Every table of the page(s) read from `file`: a linked table's own sub-tables are found among them. */
  tablesOf(file: string): ForeignTable[];
}

export const EMPTY_LIBRARY: TableLibrary = { find: () => undefined, tablesOf: () => [] };

/** A library over the given pages; a link's file part is matched by its base name, relative to the linking page. */
export function tableLibrary(pages: DocPage[]): TableLibrary {
  const byKey = new Map<string, ForeignTable>();
  const byFile = new Map<string, ForeignTable[]>();
  for (const page of pages) {
    const base = baseName(page.file);
    let ofFile = byFile.get(page.file);
    if (!ofFile) byFile.set(page.file, (ofFile = []));
    for (const section of page.sections)
      for (const table of section.tables) {
        ofFile.push({ file: page.file, section, table });
        for (const anchor of table.anchors) {
          const key = `${base}#${anchor}`;
          if (!byKey.has(key)) byKey.set(key, { file: page.file, section, table });
        }
      }
  }
  return {
    tablesOf: (file) => byFile.get(file) ?? [],
    find(fromFile, href) {
      const hash = href.indexOf('#');
      if (hash < 0) return undefined;
      const target = href.slice(0, hash);
      const base = target ? baseName(decodeHref(target)) : baseName(fromFile);
      return byKey.get(`${base}#${href.slice(hash + 1)}`);
    },
  };
}

function decodeHref(href: string): string {
  try {
    return decodeURIComponent(href);
  } catch {
    return href;
  }
}

/** `a/b/创建图.md` → `创建图`; `.html` and `.md` links name the same topic. */
export function baseName(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/#.*$/, '').replace(/\.(md|markdown|html?)$/i, '');
}

export interface PageContext {
  page: DocPage;
  /** How x-source and the report name the page. */
  file: string;
  tables: PlacedTable[];
  /** The field names the page's rows give (`rowName`), every table: a name the page documents somewhere. */
  rowNames: ReadonlySet<string>;
  /**
   * Per row name normalised (`normalizeWord`), the one table that has a row so named, or `many`: whether a caption
   * names a row of another table, read once per page (isNamedAfterField).
   */
  rowNameTables: ReadonlyMap<string, DocTable | 'many'>;
  /** The type names the page's type cells use (`Array of TagSelector objects` → `tagselector`), normalised. */
  typeNames: ReadonlySet<string>;
  report: Report;
  library: TableLibrary;
  claimed: Set<PlacedTable>;
  objectNames: Map<PlacedTable, string>;
  objects: ObjectModel[];
  /** Keys the page's examples use with array, object or scalar values: evidence for `字典数据类型` fields. */
  exampleKeys: Map<string, 'array' | 'object' | 'scalar'>;
  /** Keys that are a list wherever the page's examples use them (never an object or a scalar). */
  listKeys: Set<string>;
  /** Per side and key of the page's examples (`request:quotas`), the keys of its object values (or list items). */
  childKeys: Map<string, Set<string>>;
  /** Per side and key of the page's examples (`response:phone_models`), the shape the side's examples first give it. */
  sideKeys: Map<string, 'array' | 'object' | 'scalar'>;
  parsedExamples: Map<DocExample, ParsedExample>;
  /** Whether type cells on this page link to their sub-tables (`<a href="#request_AuthOpt">AuthOpt</a> object`). */
  linksSubTables: boolean;
  /** Name for the object a `-` row points to, and whether the body's examples are lists: set per body table. */
  body: { name: string; isList: boolean };
  fates: RowFate[];
  /**
   * Per container row, the member names its own cells say must have a value (`name和value属性的值也不能为空`): read
   * when the row is read, used when its members come from the example (example-shape.ts).
   */
  membersStatedNonEmpty: Map<FieldModel, string[]>;
  /** Sides of the operation left without a schema although the page shows a body example (the self-check). */
  thin: string[];
}

export function tableLabel(table: DocTable): string {
  return (
    [table.number !== undefined ? `表${table.number}` : '', table.caption].filter(Boolean).join(' ') ||
    '(untitled table)'
  );
}

/** How x-source and the report name a page: its file, and the part of it for aggregation pages (`x.txt#bullet 3`). */
export function pageFile(page: DocPage): string {
  return page.part ? `${page.file}#${page.part}` : page.file;
}

/** The field name of each row's name cell (`rowName`), for every field table of the page. */
function rowNames(page: DocPage): Set<string> {
  const names = new Set<string>();
  for (const section of page.sections)
    for (const table of section.tables) {
      const col = columnsOf(table.header).name;
      if (col === undefined) continue;
      for (const row of table.rows) {
        const name = rowName(row.cells[col]?.text ?? '');
        if (name) names.add(name);
      }
    }
  return names;
}

/** Places one table: columns, role and the evidence for the role. */
export function placeTable(table: DocTable, section: DocSection, fieldNames: ReadonlySet<string>): PlacedTable {
  const columns = table.header.length ? columnsOf(table.header) : (inferColumns(table) ?? {});
  const role = tableRole(table, section, columns, fieldNames);
  return { table, section, columns, role, evidence: roleEvidence(table, section, role), label: tableLabel(table) };
}

function roleEvidence(table: DocTable, section: DocSection, role: TableRole): string {
  const caption = table.caption
    ? `caption '${table.caption}'`
    : table.servesType
      ? `no caption, serves type '${table.servesType.name}' (reader: ${table.servesType.evidence})`
      : 'no caption';
  const header = table.header.length ? `columns ${table.header.join(' | ')}` : 'no header row';
  return `${caption}, ${header}, in section '${section.heading || '(before any heading)'}' (${section.kind}) → ${role.role}`;
}

export function createContext(page: DocPage, report: Report, library: TableLibrary): PageContext {
  const names = rowNames(page);
  const tables = page.sections.flatMap((section) => section.tables.map((table) => placeTable(table, section, names)));
  const ctx: PageContext = {
    page,
    file: pageFile(page),
    tables,
    rowNames: names,
    rowNameTables: rowNameTablesOf(tables),
    typeNames: typeNamesOf(tables),
    report,
    library,
    claimed: new Set(),
    objectNames: new Map(),
    objects: [],
    exampleKeys: new Map(),
    listKeys: new Set(),
    childKeys: new Map(),
    sideKeys: new Map(),
    parsedExamples: new Map(),
    linksSubTables: tables.some((t) =>
      t.table.rows.some((row) =>
        (row.cells[t.columns.type ?? -1]?.links ?? []).some((link) => link.href.includes('#')),
      ),
    ),
    body: { name: 'Body', isList: false },
    fates: [],
    membersStatedNonEmpty: new Map(),
    thin: [],
  };
  ({
    first: ctx.exampleKeys,
    onlyLists: ctx.listKeys,
    childKeys: ctx.childKeys,
    sideKeys: ctx.sideKeys,
  } = collectExampleKeys(ctx));
  decideUnfamiliarTables(ctx);
  return ctx;
}

export function source(ctx: PageContext, placed?: PlacedTable): SourceRef {
  const ref: SourceRef = { file: placed?.foreign?.file ?? ctx.file };
  if (placed) {
    if (placed.section.heading) ref.section = placed.section.heading;
    ref.table = placed.label;
  }
  return ref;
}

export function note(
  ctx: PageContext,
  placed: PlacedTable | undefined,
  row: number | undefined,
  reason: string,
  severity: ReportEntry['severity'],
) {
  ctx.report({
    ...(placed
      ? {
          section: placed.section.heading,
          table: placed.foreign ? `${placed.foreign.file}: ${placed.label}` : placed.label,
        }
      : {}),
    ...(row !== undefined ? { row } : {}),
    reason,
    severity,
  });
}

/** Records what a row became. */
export function rowFate(ctx: PageContext, placed: PlacedTable, row: number, fate: string) {
  ctx.fates.push({ table: placed.label, section: placed.section.heading, row, fate, reportOnly: false });
}

/** A row that does not reach the spec: reported, and counted by the self-check. */
export function dropRow(
  ctx: PageContext,
  placed: PlacedTable,
  row: number,
  reason: string,
  severity: ReportEntry['severity'],
) {
  note(ctx, placed, row, reason, severity);
  ctx.fates.push({
    table: placed.label,
    section: placed.section.heading,
    row,
    fate: `report: ${reason}`,
    reportOnly: true,
  });
}

/** Each example is parsed once: its keys inform typing before it is attached to the operation. */
export function parsed(ctx: PageContext, example: DocExample): ParsedExample {
  let result = ctx.parsedExamples.get(example);
  if (!result) ctx.parsedExamples.set(example, (result = parseExample(example.code)));
  return result;
}

type Shape = 'array' | 'object' | 'scalar';

/** Per key of the page's examples: the shape of its first value, and whether every value is a list. */
function collectExampleKeys(ctx: PageContext): {
  first: Map<string, Shape>;
  onlyLists: Set<string>;
  childKeys: Map<string, Set<string>>;
  sideKeys: Map<string, Shape>;
} {
  const keys = new Map<string, Shape>();
  const sideKeys = new Map<string, Shape>();
  const notList = new Set<string>();
  const childKeys = new Map<string, Set<string>>();
  const addChildren = (key: string, value: unknown) => {
    const item = elementOf(value);
    if (!item) return;
    let set = childKeys.get(key);
    if (!set) childKeys.set(key, (set = new Set()));
    for (const k of Object.keys(item)) set.add(k);
  };
  // Iterative walk: example depth is bounded by parseExample, but a stack costs nothing here.
  const stack: { v: unknown; side: string }[] = [];
  for (const section of ctx.page.sections)
    for (const ex of section.examples) stack.push({ v: parsed(ctx, ex).value, side: SECTION_SIDE[section.kind] ?? '' });
  while (stack.length) {
    const { v, side } = stack.pop()!;
    if (Array.isArray(v)) stack.push(...v.map((item) => ({ v: item, side })));
    else if (v && typeof v === 'object')
      for (const [k, inner] of Object.entries(v)) {
        const shape: Shape = Array.isArray(inner) ? 'array' : inner && typeof inner === 'object' ? 'object' : 'scalar';
        if (!keys.has(k)) keys.set(k, shape);
        if (!sideKeys.has(`${side}:${k}`)) sideKeys.set(`${side}:${k}`, shape);
        if (shape !== 'array') notList.add(k);
        addChildren(`${side}:${k}`, inner);
        stack.push({ v: inner, side });
      }
  }
  return { first: keys, onlyLists: new Set([...keys.keys()].filter((k) => !notList.has(k))), childKeys, sideKeys };
}

export function tablesWith(ctx: PageContext, role: TableRole['role']): PlacedTable[] {
  return ctx.tables.filter((t) => t.role.role === role);
}

/** Which side of the operation a section describes, when it describes one. */
const SECTION_SIDE: Partial<Record<DocSection['kind'], 'request' | 'response'>> = {
  request: 'request',
  requestExample: 'request',
  response: 'response',
  responseExample: 'response',
};

/** The side of the operation a section kind describes (`request` / `response`), if any. */
export function sideOf(kind: DocSection['kind']): 'request' | 'response' | undefined {
  return SECTION_SIDE[kind];
}

const BODY_ROLES: Record<'request' | 'response', TableRole['role'][]> = {
  request: ['requestBody', 'requestParams'],
  response: ['responseBody'],
};

/**
 * Tables whose captions the vocabulary does not know (`xxx参数说明` where xxx is no field of the page) get their
 * role from evidence: on a request or response side with no body table at all, the field table whose row names
 * best cover the example's top-level keys (else the first one) is the body; a response table listing only HTTP
 * headers is the response headers. Each decision is reported as a note.
 */
function decideUnfamiliarTables(ctx: PageContext) {
  for (const placed of ctx.tables) {
    if (SECTION_SIDE[placed.section.kind] !== 'response' || placed.role.role === 'responseHeaders') continue;
    if (placed.role.role !== 'object' && placed.role.role !== 'responseBody') continue;
    if (placed.table.rows.length && allHeaderNames(placed)) {
      placed.role = { role: 'responseHeaders' };
      placed.evidence += '; every row names an HTTP header → responseHeaders';
      note(
        ctx,
        placed,
        undefined,
        'table lists only HTTP header names in the response: read as response headers',
        'info',
      );
    }
  }
  for (const side of ['request', 'response'] as const) {
    const onSide = ctx.tables.filter((t) => SECTION_SIDE[t.section.kind] === side && t.columns.name !== undefined);
    if (!onSide.length || onSide.some((t) => BODY_ROLES[side].includes(t.role.role))) continue;
    const candidates = onSide.filter((t) => t.role.role === 'object' && !isNamedAfterField(ctx, t));
    if (!candidates.length) continue;
    const keys = topLevelKeys(ctx, side);
    const scored = candidates.map((t, i) => ({ t, i, score: keyCover(t, keys) }));
    scored.sort((a, b) => b.score - a.score || a.i - b.i);
    const best = scored[0]!;
    best.t.role = side === 'request' ? { role: 'requestParams' } : { role: 'responseBody' };
    const why =
      best.score > 0
        ? `its rows name ${Math.round(best.score * 100)} % of the example's top-level keys`
        : 'it is the first field table of the section';
    best.t.evidence += `; no ${side} body table by caption, ${why} → ${best.t.role.role}`;
    note(
      ctx,
      best.t,
      undefined,
      `caption '${best.t.table.caption}' is not in the vocabulary: taken as the ${side} body because ${why}`,
      'info',
    );
  }
}

/**
 * A caption whose subject is a row name of the page (`instances字段数据结构说明`, `JobDetail数据结构` for `jobDetail`,
 * `edgesetPath和vertexsetPath属性列表`) is that field's sub-table.
 */
export function isNamedAfterField(ctx: PageContext, placed: PlacedTable): boolean {
  return captionSubjects(placed.table.caption).some((subject) => {
    const word = normalizeWord(subject);
    const owner = word ? ctx.rowNameTables.get(word) : undefined;
    return owner !== undefined && owner !== placed.table;
  });
}

/** Per normalised row name, the one placed table that has it or `many` (PageContext.rowNameTables). */
function rowNameTablesOf(tables: PlacedTable[]): Map<string, DocTable | 'many'> {
  const owners = new Map<string, DocTable | 'many'>();
  for (const t of tables) {
    if (t.columns.name === undefined) continue;
    for (const row of t.table.rows) {
      const name = normalizeWord(rowName(row.cells[t.columns.name]?.text ?? ''));
      if (!name) continue;
      const owner = owners.get(name);
      owners.set(name, owner === undefined || owner === t.table ? t.table : 'many');
    }
  }
  return owners;
}

/** The type names the page's type cells use, normalised (PageContext.typeNames). */
function typeNamesOf(tables: PlacedTable[]): Set<string> {
  const names = new Set<string>();
  for (const t of tables) {
    if (t.columns.type === undefined) continue;
    for (const row of t.table.rows) {
      const name = innerRef(parseDocType(row.cells[t.columns.type]?.text ?? ''));
      if (name) names.add(normalizeWord(name));
    }
  }
  return names;
}

function topLevelKeys(ctx: PageContext, side: 'request' | 'response'): Set<string> {
  const keys = new Set<string>();
  for (const section of ctx.page.sections) {
    if (SECTION_SIDE[section.kind] !== side) continue;
    for (const ex of section.examples) {
      const first = elementOf(parsed(ctx, ex).value);
      if (first) for (const k of Object.keys(first)) keys.add(k);
    }
  }
  return keys;
}

/** The names (`rowName`) in a placed table's name column; none when it has no name column. */
export function placedRowNames(placed: PlacedTable): Set<string> {
  const col = placed.columns.name;
  return new Set(col === undefined ? [] : placed.table.rows.map((r) => rowName(r.cells[col]?.text ?? '')));
}

function keyCover(placed: PlacedTable, keys: Set<string>): number {
  if (!keys.size || placed.columns.name === undefined) return 0;
  return cover(keys, placedRowNames(placed));
}

export function allHeaderNames(placed: PlacedTable): boolean {
  const col = placed.columns.name;
  const names = placed.table.rows.map((r) => (col === undefined ? '' : rowName(r.cells[col]?.text ?? '')));
  return names.length > 0 && names.every((n) => HEADER_NAME.test(n));
}

/** The values the request examples' query strings give each name (`?offset=0&limit=10` → offset: [0], limit: [10]). */
export function exampleQueryValues(ctx: PageContext): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const section of ctx.page.sections) {
    if (SECTION_SIDE[section.kind] !== 'request') continue;
    for (const ex of section.examples)
      for (const query of ex.code.matchAll(/\?([^\s#?]+)/g))
        for (const pair of query[1]!.split('&')) {
          const [name = '', ...value] = pair.split('=');
          if (!name.trim()) continue;
          const seen = values.get(name.trim()) ?? [];
          seen.push(value.join('=').trim());
          values.set(name.trim(), seen);
        }
  }
  return values;
}

/** Parameter names in the query strings of the page's request examples (`…/queues?logical_cluster_name=lc&…`). */
export function exampleQueryNames(ctx: PageContext): Set<string> {
  return new Set(exampleQueryValues(ctx).keys());
}

/**
 * A body table whose rows the request example sends in the query string, while no request example has a JSON
 * body, lists query parameters (zh-md/dws/删除资源池.md: a DELETE with `请求Body参数` and `?logical_cluster_name=…`).
 */
export function sentAsQuery(ctx: PageContext, placed: PlacedTable): boolean {
  const col = placed.columns.name;
  if (col === undefined) return false;
  const hasBody = ctx.page.sections.some(
    (s) => SECTION_SIDE[s.kind] === 'request' && s.examples.some((ex) => parsed(ctx, ex).value !== undefined),
  );
  if (hasBody) return false;
  const query = exampleQueryNames(ctx);
  return placed.table.rows.some((r) => query.has(rowName(r.cells[col]?.text ?? '')));
}
