// One DocPage → its operation (when the page has a URI), the object types its tables define, its error codes.
// Names of object types are page-local here; service.ts makes them unique across the service.

import type {
  DocCell,
  DocExample,
  DocPage,
  DocSection,
  DocTable,
  ErrorCodeModel,
  ExampleModel,
  FieldModel,
  ObjectModel,
  OperationModel,
  ParamLocation,
  ParamModel,
  ReportEntry,
  ResponseModel,
  SourceRef,
  TypeRef,
} from '../model.ts';
import {
  foldWidth,
  HEADER_NAME,
  HTTP_METHODS,
  isNoneText,
  LIST_WORDS,
  normalizeWord,
  parseRequired,
  REASONS,
  TABLE_REFERENCE,
  type TableRole,
} from '../vocab.ts';
import { extractConstraints } from './constraints.ts';
import { errorCodesIn, parseExample, type ParsedExample } from './examples.ts';
import { captionSubject, type Columns, columnsOf, inferColumns, tableRole } from './tables.ts';
import { compareText, freeName, pascal } from './names.ts';
import { parseDocType } from './types.ts';

export type Report = (entry: Omit<ReportEntry, 'file'>) => void;

export interface PageResult {
  operation?: OperationModel;
  objects: ObjectModel[];
  errorCodes: ErrorCodeModel[];
}

/** A table with everything the interpreter needs to know about where it stands. */
interface PlacedTable {
  table: DocTable;
  section: DocSection;
  columns: Columns;
  role: TableRole;
  label: string;
}

const METHOD_URI = new RegExp(`^\\s*(${HTTP_METHODS.join('|')})\\s+(/\\S*|https?://\\S+)`, 'i');

function tableLabel(table: DocTable): string {
  return [table.number !== undefined ? `表${table.number}` : '', table.caption].filter(Boolean).join(' ') || '(untitled table)';
}

/** A caption or type name usable as a schema name: identifier-like ASCII. */
function asTypeName(text: string): string | undefined {
  const t = text.replace(/\\_/g, '_').trim();
  return /^[A-Za-z][\w.-]*$/.test(t) ? t : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// URI

export interface MethodPath {
  method: string;
  path: string;
  query: string[];
}

/** `PUT /v2/{project_id}/x?limit={limit}` or `GET /v1.0/apigw/x[?page_size, page_no]` → method, path, query names. */
export function parseMethodPath(method: string, uri: string): MethodPath {
  let path = foldWidth(uri).trim().replace(/^https?:\/\/[^/]+/, '').replace(/\s+/g, '');
  const query: string[] = [];
  const bracket = path.match(/\[\??([^\]]*)\]$/);
  if (bracket) {
    path = path.slice(0, bracket.index);
    query.push(...bracket[1]!.split(/[,&，、]/).map((q) => q.replace(/^\?/, '').split('=')[0]!.trim()).filter(Boolean));
  }
  const q = path.indexOf('?');
  if (q >= 0) {
    query.push(...path.slice(q + 1).split('&').map((p) => p.split('=')[0]!.replace(/[[\]{}]/g, '').trim()).filter(Boolean));
    path = path.slice(0, q);
  }
  if (path.length > 1) path = path.replace(/\/+$/, '');
  return { method: method.toUpperCase(), path, query };
}

function findMethodPath(tables: PlacedTable[], page: DocPage): MethodPath | undefined {
  for (const section of page.sections.filter((s) => s.kind === 'uri')) {
    // Usually a paragraph; some pages put the request line in a code block.
    for (const line of [...section.paragraphs, ...section.examples.flatMap((ex) => ex.code.split('\n'))]) {
      const m = line.match(METHOD_URI);
      if (m) return parseMethodPath(m[1]!, m[2]!);
    }
  }
  for (const placed of tables.filter((t) => t.role.role === 'methodUri')) {
    const { method, uri } = placed.columns;
    const row = placed.table.rows[0];
    if (row && method !== undefined && uri !== undefined) return parseMethodPath(row.cells[method]?.text ?? '', row.cells[uri]?.text ?? '');
  }
  return undefined;
}

/** Why a path cannot be an OpenAPI path, if it cannot: `""`, `/v1/{}/x`, `/v1/{id}/{id}`. */
export function pathProblem(path: string): string | undefined {
  if (!path.startsWith('/')) return `path '${path}' does not start with '/'`;
  const names = [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
  if (names.some((n) => !n.trim())) return `path '${path}' has an empty {} placeholder`;
  if (new Set(names).size !== names.length) return `path '${path}' repeats a placeholder`;
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// The page interpreter

class PageInterpreter {
  private readonly tables: PlacedTable[];
  private readonly objectNames = new Map<PlacedTable, string>();
  private readonly objects: ObjectModel[] = [];
  private readonly claimed = new Set<PlacedTable>();
  private readonly exampleKeys: Map<string, 'array' | 'object' | 'scalar'>;

  constructor(
    private readonly page: DocPage,
    private readonly report: Report,
  ) {
    this.tables = page.sections.flatMap((section) =>
      section.tables.map((table) => {
        const columns = table.header.length ? columnsOf(table.header) : (inferColumns(table) ?? {});
        return { table, section, columns, role: tableRole(table, section, columns), label: tableLabel(table) };
      }),
    );
    this.exampleKeys = this.collectExampleKeys();
    this.linksSubTables = this.tables.some((t) =>
      t.table.rows.some((row) => (row.cells[t.columns.type ?? -1]?.links ?? []).some((link) => link.href.startsWith('#'))),
    );
  }

  /** Whether type cells on this page link to their sub-tables (`<a href="#request_AuthOpt">AuthOpt</a> object`). */
  private readonly linksSubTables: boolean;

  private source(placed?: PlacedTable): SourceRef {
    const ref: SourceRef = { file: pageFile(this.page) };
    if (placed) {
      if (placed.section.heading) ref.section = placed.section.heading;
      ref.table = placed.label;
    }
    return ref;
  }

  private note(placed: PlacedTable | undefined, row: number | undefined, reason: string, severity: ReportEntry['severity']) {
    this.report({
      ...(placed ? { section: placed.section.heading, table: placed.label } : {}),
      ...(row !== undefined ? { row } : {}),
      reason,
      severity,
    });
  }

  private readonly parsedExamples = new Map<DocExample, ParsedExample>();

  /** Each example is parsed once: its keys inform typing before it is attached to the operation. */
  private parsed(example: DocExample): ParsedExample {
    let parsed = this.parsedExamples.get(example);
    if (!parsed) this.parsedExamples.set(example, (parsed = parseExample(example.code)));
    return parsed;
  }

  /** Which keys the page's examples use with array or object values: evidence for `字典数据类型` fields. */
  private collectExampleKeys(): Map<string, 'array' | 'object' | 'scalar'> {
    const keys = new Map<string, 'array' | 'object' | 'scalar'>();
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object')
        for (const [k, inner] of Object.entries(v)) {
          if (!keys.has(k)) keys.set(k, Array.isArray(inner) ? 'array' : inner && typeof inner === 'object' ? 'object' : 'scalar');
          walk(inner);
        }
    };
    for (const section of this.page.sections) for (const ex of section.examples) walk(this.parsed(ex).value);
    return keys;
  }

  // --- sub-table resolution ------------------------------------------------------------------------------------

  /** All tables, those of `owner`'s section first: a request field's sub-table is in the request section. */
  private nearFirst(owner: PlacedTable): PlacedTable[] {
    return [...this.tables.filter((t) => t.section === owner.section), ...this.tables.filter((t) => t.section !== owner.section)];
  }

  private byAnchor(href: string, owner: PlacedTable): PlacedTable | undefined {
    const anchor = href.replace(/^[^#]*#/, '');
    return this.nearFirst(owner).find((t) => t.table.anchors.some((a) => a === anchor || a.endsWith(`__${anchor}`) || anchor.endsWith(`__${a}`)));
  }

  private byCaption(name: string, owner: PlacedTable): PlacedTable | undefined {
    const wanted = normalizeWord(name);
    const tables = this.nearFirst(owner).filter((t) => t !== owner);
    return (
      tables.find((t) => t.role.role === 'object' && normalizeWord(t.table.caption) === wanted) ??
      tables.find((t) => t.role.role === 'object' && normalizeWord(captionSubject(t.table.caption)) === wanted) ??
      tables.find((t) => t.table.anchors.some((a) => normalizeWord(a).endsWith(`_${wanted}`)))
    );
  }

  private byNumber(description: string): PlacedTable | undefined {
    const m = foldWidth(description).match(TABLE_REFERENCE);
    const n = m ? Number(m[1] ?? m[2]) : undefined;
    return n === undefined ? undefined : this.tables.find((t) => t.table.number === n);
  }

  /** The nearest following object table nobody has claimed: old pages link 字典数据类型 fields by position only. */
  private byPosition(after: PlacedTable): PlacedTable | undefined {
    const start = this.tables.indexOf(after);
    // A second generic table under the same heading (`表 4 参数说明` after `表 3 参数说明`) is a sub-table too.
    const subTableLike = (t: PlacedTable) =>
      t.role.role === 'object' || (t.section === after.section && t.role.role === after.role.role && t.table.status === after.table.status);
    return this.tables.slice(start + 1).find((t) => subTableLike(t) && !this.claimed.has(t));
  }

  private subTable(field: { name: string; type: TypeRef; links: string[]; description: string }, owner: PlacedTable) {
    for (const href of field.links) {
      const t = this.byAnchor(href, owner);
      if (t && t !== owner) return { table: t, how: 'anchor' };
    }
    const refName = innerRef(field.type);
    const named = refName ? this.byCaption(refName, owner) : undefined;
    if (named && named !== owner) return { table: named, how: 'caption' };
    const numbered = this.byNumber(field.description);
    if (numbered && numbered !== owner) return { table: numbered, how: 'table number' };
    const byField = this.byCaption(field.name, owner);
    if (byField && byField !== owner && field.name !== '-') return { table: byField, how: 'field name caption' };
    // Pages that link their sub-tables (API Explorer style) mean a plain unlinked `Object` as free-form:
    // guessing by position there attaches unrelated tables.
    if (isObjectish(field.type) && !refName && !this.linksSubTables) {
      const next = this.byPosition(owner);
      if (next) return { table: next, how: 'position' };
    }
    return undefined;
  }

  // --- tables → fields -----------------------------------------------------------------------------------------

  /** Schema name for an object table: its caption when it is a type name, else the referring type or field. */
  private objectFromTable(placed: PlacedTable, preferred: string): string {
    const known = this.objectNames.get(placed);
    if (known) return known;
    const name = asTypeName(placed.table.caption) ?? asTypeName(captionSubject(placed.table.caption)) ?? preferred;
    const typeName = this.unusedName(/^[a-z]/.test(name) && !asTypeName(placed.table.caption) ? pascal(name) || preferred : name);
    this.objectNames.set(placed, typeName);
    this.claimed.add(placed);
    const model: ObjectModel = { name: typeName, fields: [], source: this.source(placed) };
    this.objects.push(model);
    model.fields = this.fields(placed);
    return typeName;
  }

  /** Request and response sections often each have a `backend_api参数说明` table with different fields. */
  private unusedName(name: string): string {
    const used = new Set(this.objectNames.values());
    return freeName(name, (candidate) => used.has(candidate));
  }

  private cell(placed: PlacedTable, cells: DocCell[], role: keyof Columns): DocCell | undefined {
    const i = placed.columns[role];
    return i === undefined ? undefined : cells[i];
  }

  /** Rows of a parameter/field table → fields; rows that cannot be read go to the report. */
  private fields(placed: PlacedTable): FieldModel[] {
    const { table } = placed;
    if (!table.header.length) this.note(placed, undefined, 'table has no header row; columns inferred from the cells', 'warning');
    if (placed.columns.name === undefined) {
      table.rows.forEach((_, i) => this.note(placed, i + 1, 'table has no name column; row skipped', 'error'));
      return [];
    }
    const out: FieldModel[] = [];
    table.rows.forEach((row, i) => {
      const field = this.field(placed, row.cells, i + 1);
      if (!field) return;
      if (out.some((f) => f.name === field.name))
        this.note(placed, i + 1, `'${field.name}' appears twice in the table; the first row is kept`, 'warning');
      else out.push(field);
    });
    return out;
  }

  private field(placed: PlacedTable, cells: DocCell[], rowNumber: number): FieldModel | undefined {
    const nameCell = this.cell(placed, cells, 'name');
    const written = (nameCell?.text.split('\n')[0] ?? '').replace(/\\_/g, '_').trim();
    // `-` / `--` (or `body` in a location-named table): the row describes the body itself.
    const name = isBodyRow(written, placed) ? '-' : written;
    if (!name) {
      this.note(placed, rowNumber, 'row has an empty name cell; skipped', 'warning');
      return undefined;
    }
    const typeCell = this.cell(placed, cells, 'type');
    const descriptionCell = this.cell(placed, cells, 'description');
    const description = [descriptionCell?.text, this.cell(placed, cells, 'range')?.text].filter(Boolean).join('\n');
    const docType = (typeCell?.text ?? '').replace(/\n/g, ' ').trim();
    let type: TypeRef = typeCell ? parseDocType(docType) : { kind: 'primitive', type: 'string' };
    const links = [...(typeCell?.links ?? []), ...(nameCell?.links ?? []), ...(descriptionCell?.links ?? [])]
      .map((l) => l.href)
      .filter((h) => h.startsWith('#'));
    if (typeCell && type.kind === 'unknown' && isNoneText(docType)) type = { kind: 'primitive', type: 'string' };
    type = this.linkType(placed, { name, type, links, description, docType }, rowNumber);
    if (type.kind === 'unknown') this.note(placed, rowNumber, `unknown type '${type.text}' of '${name}'; written as {} with x-doc-type`, 'warning');
    const requiredCell = this.cell(placed, cells, 'required');
    let required = false;
    if (requiredCell) {
      const flag = parseRequired(requiredCell.text);
      if (flag === undefined && requiredCell.text.trim())
        this.note(placed, rowNumber, `required flag '${requiredCell.text.trim()}' of '${name}' not understood; taken as optional`, 'info');
      required = flag ?? false;
    }
    const { own, items } = extractConstraints({ text: description }, type);
    const defaultCell = this.cell(placed, cells, 'default');
    if (defaultCell && defaultCell.text.trim() && !isNoneText(defaultCell.text) && own.default === undefined)
      Object.assign(own, extractConstraints({ text: `缺省值:${defaultCell.text}` }, type).own);
    const field: FieldModel = { name, docType, type, required, description: descriptionCell?.text ?? '', constraints: own };
    if (Object.keys(items).length) field.itemConstraints = items;
    return field;
  }

  /** Ties object-ish types to their sub-tables; unresolved named types stay references for service.ts. */
  private linkType(placed: PlacedTable, field: { name: string; type: TypeRef; links: string[]; description: string; docType: string }, row: number): TypeRef {
    const { type } = field;
    // `JSON` fields may still have a sub-table (found by link, caption or number, never by position).
    const objectish = isObjectish(type) || innerRef(type) !== undefined || type.kind === 'any';
    if (!objectish) return type;
    const found = this.subTable(field, placed);
    if (!found) return type;
    const preferred = innerRef(type) ?? (pascal(field.name) || this.bodyName);
    const name = this.objectFromTable(found.table, preferred);
    if (found.how === 'position') this.note(placed, row, `'${field.name}' linked to ${found.table.label} by position (no link, caption or table number)`, 'info');
    const ref: TypeRef = { kind: 'ref', name };
    if (type.kind === 'array') return { kind: 'array', items: ref };
    if (type.kind === 'map') return { kind: 'map', values: ref };
    if (type.kind === 'object' && field.name === '-' && this.bodyIsList) {
      this.note(placed, row, `body (${field.docType}) is a list in the page's examples; typed as an array of ${name}`, 'info');
      return { kind: 'array', items: ref };
    }
    if (type.kind === 'object' && field.name !== '-') {
      // Old pages write `字典数据类型` for objects and lists of objects alike; the examples or the words say which.
      const evidence =
        this.exampleKeys.get(field.name) === 'array'
          ? "is a list in the page's examples"
          : this.exampleKeys.get(field.name) === undefined && LIST_WORDS.test(field.description.split('\n')[0] ?? '')
            ? 'is described as a list'
            : undefined;
      if (evidence) {
        this.note(placed, row, `'${field.name}' (${field.docType}) ${evidence}; typed as an array of ${name}`, 'info');
        return { kind: 'array', items: ref };
      }
    }
    return ref;
  }

  // --- operation -----------------------------------------------------------------------------------------------

  private tablesWith(role: TableRole['role']): PlacedTable[] {
    return this.tables.filter((t) => t.role.role === role);
  }

  private params(mp: MethodPath): ParamModel[] {
    const params: ParamModel[] = [];
    const add = (placed: PlacedTable, location: ParamLocation | 'auto', into = params) => {
      this.claimed.add(placed);
      for (const field of this.fields(placed)) {
        const inPath = mp.path.includes(`{${field.name}}`);
        const where: ParamLocation = location !== 'auto' ? location : whereIs(field.name, mp);
        if (location === 'auto' && !inPath && placed.role.role === 'params' && placed.role.in === 'path' && /路径|path/i.test(placed.table.caption))
          this.note(placed, undefined, `'${field.name}' is listed as a path parameter but the URI has no {${field.name}}; taken as a ${where} parameter`, 'warning');
        into.push({ ...field, in: where, required: where === 'path' ? true : field.required });
      }
    };
    for (const placed of this.tables) {
      if (placed.role.role === 'params') add(placed, placed.role.in === 'path' ? 'auto' : placed.role.in);
      // Uncaptioned tables (pipe renderings) under 请求参数: a table of `X-…` / `Content-Type` rows is the header table.
      else if (placed.role.role === 'requestParams' && this.allHeaderNames(placed)) add(placed, 'header');
    }
    // Old pages list a GET's query parameters under 请求消息; they follow the URI's own parameters.
    const listedUnderRequest: ParamModel[] = [];
    if (BODYLESS.has(mp.method)) for (const placed of this.tablesWith('requestParams')) if (!this.claimed.has(placed)) add(placed, 'auto', listedUnderRequest);
    for (const name of mp.query) {
      if (!params.some((p) => p.name === name && p.in === 'query'))
        params.push({ name, in: 'query', docType: '', type: { kind: 'primitive', type: 'string' }, required: false, description: '', constraints: {} });
    }
    for (const m of mp.path.matchAll(/\{([^}]+)\}/g)) {
      if (!params.some((p) => p.in === 'path' && p.name === m[1])) {
        this.note(undefined, undefined, `path parameter '${m[1]}' has no table row; added as a string`, 'info');
        params.push({ name: m[1]!, in: 'path', docType: '', type: { kind: 'primitive', type: 'string' }, required: true, description: '', constraints: {} });
      }
    }
    return dedupeParams([...params, ...listedUnderRequest]);
  }

  /** Name for the object a `-` row points to, and whether the body's examples are lists: set per body table. */
  private bodyName = 'Body';
  private bodyIsList = false;

  private allHeaderNames(placed: PlacedTable): boolean {
    const col = placed.columns.name;
    const names = placed.table.rows.map((r) => (col === undefined ? '' : (r.cells[col]?.text.split('\n')[0] ?? '').trim()));
    return names.length > 0 && names.every((n) => HEADER_NAME.test(n));
  }

  /** A body table: a `-` row is the body's own type (File downloads, lists); otherwise a named object. */
  private bodyType(placed: PlacedTable, preferred: string, examples: ExampleModel[] = []): TypeRef {
    const rows = placed.table.rows;
    const nameCol = placed.columns.name;
    if (nameCol !== undefined && rows.length === 1 && isBodyRow(rows[0]!.cells[nameCol]?.text.trim() ?? '', placed)) {
      this.claimed.add(placed);
      this.bodyName = preferred;
      this.bodyIsList = examples.length > 0 && examples.every((ex) => Array.isArray(ex.value));
      const [field] = this.fields(placed);
      return field?.type ?? { kind: 'any' };
    }
    const anchorName = placed.table.anchors.map(anchorTypeName).find(Boolean);
    return { kind: 'ref', name: this.objectFromTable(placed, anchorName ?? preferred) };
  }

  private examples(kind: 'requestExample' | 'responseExample', section: DocSection): (ExampleModel & { status?: string })[] {
    return section.examples.map((ex, i) => {
      const parsed = this.parsed(ex);
      const where = { section: section.heading, table: `example ${i + 1}${ex.status ? ` (${ex.status})` : ''}` };
      for (const repair of parsed.repairs) this.report({ ...where, reason: `example repaired: ${repair}`, severity: 'info' });
      if (parsed.error && parsed.text) this.report({ ...where, reason: `example is not valid JSON (${parsed.error}); kept as text`, severity: 'warning' });
      const model: ExampleModel & { status?: string } = { text: parsed.text || ex.code.trim() };
      if (parsed.value !== undefined) model.value = parsed.value;
      const summary = ex.title ?? (kind === 'requestExample' ? parsed.requestLine : undefined);
      if (summary) model.summary = summary;
      if (ex.status) model.status = ex.status;
      return model;
    });
  }

  interpret(): PageResult {
    let mp = findMethodPath(this.tables, this.page);
    const problem = mp && pathProblem(mp.path);
    if (problem) {
      this.note(undefined, undefined, `${problem}: no operation made from this page (its tables become schemas)`, 'error');
      mp = undefined;
    }
    const errorCodes = this.errorCodes();
    for (const t of this.tablesWith('methodUri')) {
      this.claimed.add(t);
      t.table.rows.slice(1).forEach((_, i) => this.note(t, i + 2, 'a page documents one operation: this further method/URI row is not in the spec', 'warning'));
    }
    const operation = mp ? this.operation(mp) : undefined;
    if (!mp) this.fragmentSchemas();
    this.claimLeftovers();
    return { operation, objects: this.objects, errorCodes };
  }

  /** Pages without a URI (object models, aggregation fragments): every parameter table still becomes a schema. */
  private fragmentSchemas() {
    const title = pascal(this.page.title) || '';
    for (const placed of this.tables) {
      if (this.claimed.has(placed)) continue;
      const role = placed.role.role;
      if (role === 'statusCodes' || role === 'errorCodes' || role === 'methodUri') continue;
      if (placed.columns.name === undefined) continue;
      const fallback = anchorTypeName(placed.table.anchors[0] ?? '') ?? `${title}${ROLE_NAMES[role](placed)}`;
      this.objectFromTable(placed, fallback);
    }
  }

  private operation(mp: MethodPath): OperationModel {
    const operationId = this.page.apiName ?? fileOperationName(this.page.file) ?? '';
    const base = operationId || pascal(`${mp.method.toLowerCase()} ${mp.path.replace(/\{[^}]+\}/g, '')}`);
    const params = this.params(mp);
    const op: OperationModel = {
      operationId,
      method: mp.method,
      path: mp.path,
      summary: this.page.title,
      description: this.sectionText('function'),
      tags: [],
      parameters: params,
      responses: [],
      errorCodes: [],
      source: this.source(),
    };
    const requestExamples = this.page.sections
      .filter((s) => s.kind === 'requestExample' || (s.kind === 'request' && s.examples.length))
      .flatMap((s) => this.examples('requestExample', s))
      .filter((ex) => ex.value !== undefined || ex.text.trim().startsWith('{'));
    const bodyTables = this.bodyTables(mp);
    if (bodyTables.length) {
      const type = this.bodyType(bodyTables[0]!, `${base}RequestBody`, requestExamples);
      const media = type.kind === 'primitive' && type.format === 'binary' ? 'application/octet-stream' : 'application/json';
      op.requestBody = { type, required: true, mediaType: media, examples: requestExamples };
    }
    op.responses = this.responses(base, mp);
    op.errorCodes = [...new Set(op.responses.flatMap((r) => r.examples.flatMap((ex) => errorCodesIn(ex.value))))].sort();
    return op;
  }

  private bodyTables(mp: MethodPath): PlacedTable[] {
    const explicit = this.tablesWith('requestBody');
    if (explicit.length) return explicit.slice(0, 1);
    // For GET-like methods, params() has already taken these tables as parameters.
    return this.tablesWith('requestParams')
      .filter((t) => !this.claimed.has(t))
      .slice(0, 1);
  }

  private sectionText(kind: DocSection['kind']): string {
    return this.page.sections
      .filter((s) => s.kind === kind)
      .flatMap((s) => s.paragraphs)
      .join('\n')
      .trim();
  }

  private statusDescriptions(): Map<string, string> {
    const out = new Map<string, string>();
    for (const placed of this.tablesWith('statusCodes')) {
      this.claimed.add(placed);
      const statusCol = placed.columns.status ?? 0;
      const descCol = placed.columns.description ?? placed.columns.message ?? statusCol + 1;
      placed.table.rows.forEach((row, i) => {
        const written = (row.cells[statusCol]?.text ?? '').trim();
        const status = written.match(/\d{3}/)?.[0];
        if (!status) this.note(placed, i + 1, `status '${written}' is not an HTTP status code; row not in the spec`, 'warning');
        else if (out.has(status)) this.note(placed, i + 1, `status ${status} listed twice; the first description is kept`, 'info');
        else out.set(status, (row.cells[descCol]?.text ?? '').trim());
      });
    }
    return out;
  }

  private responses(base: string, mp: MethodPath): ResponseModel[] {
    const descriptions = this.statusDescriptions();
    const examples = this.page.sections
      .filter((s) => s.kind === 'responseExample' || (s.kind === 'response' && s.examples.length))
      .flatMap((s) => this.examples('responseExample', s));
    const success =
      [...descriptions.keys(), ...examples.map((e) => e.status ?? '')].find((s) => /^2\d\d$/.test(s)) ??
      (mp.method === 'POST' ? '201' : '200');
    const byStatus = new Map<string, ResponseModel>();
    const responseFor = (status: string) => {
      let r = byStatus.get(status);
      if (!r) byStatus.set(status, (r = { status, description: descriptions.get(status) || REASONS[status] || 'Response', examples: [] }));
      return r;
    };
    for (const status of descriptions.keys()) responseFor(status);
    const responseTables = this.tablesWith('responseBody').filter((t) => !this.claimed.has(t));
    const seenStatus = new Set<string>();
    for (const placed of responseTables) {
      const status = placed.table.status ?? success;
      if (seenStatus.has(status)) continue; // a second generic table under one status is a sub-object table
      seenStatus.add(status);
      const r = responseFor(status);
      const statusExamples = examples.filter((ex) => (ex.status ?? success) === status);
      r.body = this.bodyType(placed, `${base}Response${status === success ? '' : status}`, statusExamples);
    }
    for (const ex of examples) {
      const r = responseFor(ex.status ?? success);
      const { status: _status, ...example } = ex;
      r.examples.push(example);
    }
    if (!byStatus.size) responseFor(success);
    return [...byStatus.values()].sort((a, b) => compareText(a.status, b.status));
  }

  private errorCodes(): ErrorCodeModel[] {
    const out: ErrorCodeModel[] = [];
    for (const placed of this.tablesWith('errorCodes')) {
      this.claimed.add(placed);
      const c = placed.columns;
      placed.table.rows.forEach((row, i) => {
        const text = (col: number | undefined) => (col === undefined ? '' : (row.cells[col]?.text ?? '').trim());
        const code = text(c.code);
        if (!code) {
          this.note(placed, i + 1, 'error-code row without a code; skipped', 'warning');
          return;
        }
        out.push({
          code,
          status: text(c.status).match(/\d{3}/)?.[0] ?? text(c.status),
          message: text(c.message),
          description: text(c.description),
          action: text(c.action),
          source: this.source(placed),
        });
      });
    }
    return out;
  }

  /** Tables nothing referred to still reach the spec, as schemas named after their caption. */
  private claimLeftovers() {
    for (const placed of this.tables) {
      if (this.claimed.has(placed)) continue;
      if (placed.role.role === 'object' && placed.columns.name !== undefined && placed.table.rows.length) {
        const name = asTypeName(placed.table.caption) ?? (pascal(captionSubject(placed.table.caption)) || `${pascal(this.page.title) || 'Page'}Table${placed.table.number ?? ''}`);
        this.objectFromTable(placed, name);
        this.note(placed, undefined, `table not referenced by any field; kept as schema '${this.objectNames.get(placed)}'`, 'info');
      } else if (placed.table.rows.length) {
        this.note(placed, undefined, `table (${placed.role.role}) not used: ${placed.table.rows.length} row(s) not in the spec`, 'warning');
      }
    }
  }

}

/** English names for fragment tables (`响应Body参数` under `状态码: 400` → `Response400`), from the table's role. */
const ROLE_NAMES: Record<TableRole['role'], (t: PlacedTable) => string> = {
  params: (t) => (t.role.role === 'params' ? { path: 'PathParams', query: 'QueryParams', header: 'RequestHeaders', cookie: 'Cookies' }[t.role.in] : 'Params'),
  requestBody: () => 'RequestBody',
  requestParams: () => 'RequestParams',
  responseBody: (t) => `Response${t.table.status ?? ''}`,
  object: (t) => `Object${t.table.number ?? ''}`,
  methodUri: () => 'Uri',
  statusCodes: () => 'StatusCodes',
  errorCodes: () => 'ErrorCodes',
};

/** A row that describes the body itself: named `-` / `--`, or `body` in a table whose names are locations. */
function isBodyRow(name: string, placed: PlacedTable): boolean {
  return /^[-–—]+$/.test(name) || (name === 'body' && placed.columns.name === placed.columns.location);
}

const BODYLESS = new Set(['GET', 'DELETE', 'HEAD', 'OPTIONS']);

/** Where a parameter goes when its table does not say: a `{name}` of the path, an HTTP header, else the query. */
function whereIs(name: string, mp: MethodPath): ParamLocation {
  return mp.path.includes(`{${name}}`) ? 'path' : HEADER_NAME.test(name) ? 'header' : 'query';
}

function anchorTypeName(anchor: string): string | undefined {
  const m = anchor.match(/(?:^|__)(?:request|response)_([A-Za-z][A-Za-z0-9]*?)(?:_\d+)?$/);
  return m?.[1];
}

/** English CamelCase page file names (`CreateAPI.md`, `UpdateLabel.html`) name the API. */
function fileOperationName(file: string): string | undefined {
  const base = file.split(/[\\/]/).pop()!.replace(/\.[^.]+$/, '');
  return /^[A-Z][A-Za-z0-9]+$/.test(base) ? base : undefined;
}

function innerRef(type: TypeRef): string | undefined {
  if (type.kind === 'ref') return type.name;
  if (type.kind === 'array') return innerRef(type.items);
  if (type.kind === 'map') return innerRef(type.values);
  return undefined;
}

function isObjectish(type: TypeRef): boolean {
  if (type.kind === 'object' || type.kind === 'ref') return true;
  if (type.kind === 'array') return type.items.kind === 'any' || type.items.kind === 'object' || type.items.kind === 'ref';
  if (type.kind === 'map') return type.values.kind === 'object' || type.values.kind === 'ref';
  return false;
}

/** One parameter per location and name; a row from a table wins over a bare name from the URI's query string. */
function dedupeParams(params: ParamModel[]): ParamModel[] {
  const byKey = new Map<string, ParamModel>();
  for (const p of params) {
    const key = `${p.in}:${p.in === 'header' ? p.name.toLowerCase() : p.name}`;
    const seen = byKey.get(key);
    if (!seen || (!seen.docType && p.docType)) byKey.set(key, p);
  }
  return [...byKey.values()];
}

/** How x-source and the report name a page: its file, and the part of it for aggregation pages (`x.txt#bullet 3`). */
export function pageFile(page: DocPage): string {
  return page.part ? `${page.file}#${page.part}` : page.file;
}

export function interpretPage(page: DocPage, report: Report): PageResult {
  return new PageInterpreter(page, report).interpret();
}
