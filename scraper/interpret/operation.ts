// The operation of a page: parameters (URI, query, header tables), request body, responses (a body per status,
// headers, examples), error codes; and what happens to tables no operation uses.

import type {
  DocSection,
  ErrorCodeModel,
  ExampleModel,
  FieldModel,
  OperationModel,
  ParamLocation,
  ParamModel,
  ResponseModel,
  TypeRef,
} from '../model.ts';
import {
  CAPTION_MEDIA_TYPES,
  EXAMPLE_STATUS_LINE,
  foldWidth,
  HEADER_NAME,
  normalizeWord,
  REASONS,
  type TableRole,
} from '../vocab.ts';
import {
  allHeaderNames,
  dropRow,
  note,
  type PageContext,
  parsed,
  type PlacedTable,
  exampleQueryNames,
  rowFate,
  sentAsQuery,
  source,
  tablesWith,
} from './context.ts';
import { shapeByExample } from './example-shape.ts';
import { errorCodesIn } from './examples.ts';
import { anchorTypeName, asTypeName, bodyType, fields, objectFromTable, unusedName } from './fields.ts';
import { inferType, isBodyValue } from './infer.ts';
import { compareText, pascal } from './names.ts';
import { captionSubject } from './tables.ts';
import type { MethodPath } from './uri.ts';
import { bodyRowsAmongParams } from './wrappers.ts';

const BODYLESS = new Set(['GET', 'DELETE', 'HEAD', 'OPTIONS']);
/** Methods whose request never has a body, not even one shown only by an example. */
const NO_REQUEST_BODY = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Where a parameter goes when its table does not say: a `{name}` of the path, an HTTP header, else the query. */
function whereIs(name: string, mp: MethodPath): ParamLocation {
  return mp.path.includes(`{${name}}`) ? 'path' : HEADER_NAME.test(name) ? 'header' : 'query';
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

function params(ctx: PageContext, mp: MethodPath): ParamModel[] {
  const out: ParamModel[] = [];
  const add = (placed: PlacedTable, location: ParamLocation | 'auto', into = out) => {
    ctx.claimed.add(placed);
    for (const field of fields(ctx, placed, 'parameter')) {
      const inPath = mp.path.includes(`{${field.name}}`);
      const where: ParamLocation = location !== 'auto' ? location : whereIs(field.name, mp);
      if (
        location === 'auto' &&
        !inPath &&
        placed.role.role === 'params' &&
        placed.role.in === 'path' &&
        /路径|path/i.test(placed.table.caption)
      )
        note(
          ctx,
          placed,
          undefined,
          `'${field.name}' is listed as a path parameter but the URI has no {${field.name}}; taken as a ${where} parameter`,
          'warning',
        );
      into.push({ ...field, in: where, required: where === 'path' ? true : field.required });
    }
  };
  for (const placed of ctx.tables) {
    if (placed.role.role === 'params') add(placed, placed.role.in === 'path' ? 'auto' : placed.role.in);
    // Uncaptioned tables (pipe renderings) under 请求参数: a table of `X-…` / `Content-Type` rows is the header table.
    else if (placed.role.role === 'requestParams' && allHeaderNames(placed)) add(placed, 'header');
  }
  // Old pages list a GET's query parameters under 请求消息; they follow the URI's own parameters.
  const listedUnderRequest: ParamModel[] = [];
  if (BODYLESS.has(mp.method))
    for (const placed of tablesWith(ctx, 'requestParams'))
      if (!ctx.claimed.has(placed)) add(placed, 'auto', listedUnderRequest);
  // A GET has no body: a `请求Body参数` table there lists its query parameters (zh-md/dws/主机监控磁盘信息查询.md,
  // whose request example sends `?limit=1&offset=0`); so does a DELETE's whose example sends its rows that way.
  for (const placed of tablesWith(ctx, 'requestBody'))
    if (
      !ctx.claimed.has(placed) &&
      (NO_REQUEST_BODY.has(mp.method) || (BODYLESS.has(mp.method) && sentAsQuery(ctx, placed)))
    )
      add(placed, 'auto', listedUnderRequest);
  for (const name of mp.query) {
    if (!out.some((p) => p.name === name && p.in === 'query'))
      out.push({
        name,
        in: 'query',
        docType: '',
        type: { kind: 'primitive', type: 'string' },
        required: false,
        description: '',
        constraints: {},
      });
  }
  for (const m of mp.path.matchAll(/\{([^}]+)\}/g)) {
    if (!out.some((p) => p.in === 'path' && p.name === m[1])) {
      note(ctx, undefined, undefined, `path parameter '${m[1]}' has no table row; added as a string`, 'info');
      out.push({
        name: m[1]!,
        in: 'path',
        docType: '',
        type: { kind: 'primitive', type: 'string' },
        required: true,
        description: '',
        constraints: {},
      });
    }
  }
  return dedupeParams([...out, ...listedUnderRequest]);
}

/** A status written at the top of an example's code block (`Http Status Code: 200`), when the page gives none before it. */
function statusInCode(code: string): string | undefined {
  const first = code.split('\n').find((l) => l.trim());
  return first ? foldWidth(first).match(EXAMPLE_STATUS_LINE)?.[1] : undefined;
}

type StatusedExample = ExampleModel & { status?: string };

function examples(
  ctx: PageContext,
  kind: 'requestExample' | 'responseExample',
  section: DocSection,
): StatusedExample[] {
  return section.examples.map((ex, i) => {
    const result = parsed(ctx, ex);
    const status = ex.status ?? (kind === 'responseExample' ? statusInCode(ex.code) : undefined);
    const where = { section: section.heading, table: `example ${i + 1}${status ? ` (${status})` : ''}` };
    for (const repair of result.repairs)
      ctx.report({ ...where, reason: `example repaired: ${repair}`, severity: 'info' });
    if (result.error && result.text)
      ctx.report({
        ...where,
        reason: `example is not valid JSON (${result.error}); kept as text`,
        severity: 'warning',
      });
    const model: StatusedExample = { text: result.text || ex.code.trim() };
    if (result.value !== undefined) model.value = result.value;
    const summary = ex.title ?? (kind === 'requestExample' ? result.requestLine : undefined);
    if (summary) model.summary = summary;
    if (status) model.status = status;
    return model;
  });
}

function sectionText(ctx: PageContext, kind: DocSection['kind']): string {
  return ctx.page.sections
    .filter((s) => s.kind === kind)
    .flatMap((s) => s.paragraphs)
    .join('\n')
    .trim();
}

/** English CamelCase page file names (`CreateAPI.md`, `UpdateLabel.html`) name the API. */
function fileOperationName(file: string): string | undefined {
  const base = file
    .split(/[\\/]/)
    .pop()!
    .replace(/\.[^.]+$/, '');
  return /^[A-Z][A-Za-z0-9]+$/.test(base) ? base : undefined;
}

export function operation(ctx: PageContext, mp: MethodPath): OperationModel {
  const operationId = ctx.page.apiName ?? ctx.page.titleName ?? fileOperationName(ctx.page.file) ?? '';
  const base = operationId || pascal(`${mp.method.toLowerCase()} ${mp.path.replace(/\{[^}]+\}/g, '')}`);
  const op: OperationModel = {
    operationId,
    method: mp.method,
    path: mp.path,
    summary: ctx.page.title,
    description: sectionText(ctx, 'function'),
    tags: [],
    parameters: params(ctx, mp),
    responses: [],
    errorCodes: [],
    source: source(ctx),
  };
  const requestExamples = ctx.page.sections
    .filter((s) => s.kind === 'requestExample' || (s.kind === 'request' && s.examples.length))
    .flatMap((s) => examples(ctx, 'requestExample', s))
    .filter((ex) => ex.value !== undefined || ex.text.trim().startsWith('{'))
    .map(({ status: _status, ...ex }) => ex);
  const bodyTable = requestBodyTable(ctx);
  if (bodyTable) {
    const type = bodyType(ctx, bodyTable, `${base}RequestBody`, requestExamples);
    shapeByExample(
      ctx,
      type,
      requestExamples.map((ex) => ex.value),
      'request example',
    );
    const media =
      type.kind === 'primitive' && type.format === 'binary'
        ? 'application/octet-stream'
        : (CAPTION_MEDIA_TYPES[normalizeWord(captionSubject(bodyTable.table.caption))] ?? 'application/json');
    op.requestBody = { type, required: true, mediaType: media, examples: requestExamples };
  } else {
    // A GET or HEAD carries no body: JSON under its request example is a misplaced response example.
    const example = NO_REQUEST_BODY.has(mp.method) ? undefined : requestExamples.find((ex) => isBodyValue(ex.value));
    const moved = example ? bodyRowsAmongParams(op.parameters, requestExamples, exampleQueryNames(ctx)) : [];
    if (moved.length) {
      op.parameters = op.parameters.filter((p) => !moved.includes(p));
      const name = unusedName(ctx, `${base}RequestBody`);
      ctx.objects.push({ name, fields: moved.map(({ in: _in, ...field }) => field), source: source(ctx) });
      note(
        ctx,
        undefined,
        undefined,
        `${moved.map((p) => `'${p.name}'`).join(', ')} listed as parameters are the request example's JSON body: read as body fields`,
        'warning',
      );
      op.requestBody = {
        type: { kind: 'ref', name },
        required: true,
        mediaType: 'application/json',
        examples: requestExamples,
      };
    } else if (example) {
      const type = inferType(ctx, example.value, `${base}RequestBody`, 'request example');
      note(
        ctx,
        undefined,
        undefined,
        'no table describes the request body: its schema is derived from the example (x-inferred: example)',
        'info',
      );
      op.requestBody = {
        type,
        required: true,
        mediaType: 'application/json',
        examples: requestExamples,
        inferred: 'example',
      };
    }
  }
  op.responses = responses(ctx, base, mp);
  thinSides(ctx, op, requestExamples);
  op.errorCodes = [...new Set(op.responses.flatMap((r) => r.examples.flatMap((ex) => errorCodesIn(ex.value))))].sort();
  return op;
}

const looksLikeJson = (text: string) => /^\s*[{[]/.test(text);

/**
 * The self-check (needs no truth): a side of the operation that has no schema while the page shows a body
 * example for it. Each is reported with the reason, and counted in the scrape summary.
 */
function thinSides(ctx: PageContext, op: OperationModel, requestExamples: ExampleModel[]) {
  if (!op.requestBody && !NO_REQUEST_BODY.has(op.method) && requestExamples.some((ex) => looksLikeJson(ex.text))) {
    ctx.thin.push('request');
    note(
      ctx,
      undefined,
      undefined,
      'thin operation: the page shows a request body example but no schema could be made (no table, example not valid JSON)',
      'warning',
    );
  }
  for (const r of op.responses) {
    if (r.body || !/^2\d\d$/.test(r.status) || !r.examples.some((ex) => looksLikeJson(ex.text))) continue;
    ctx.thin.push(`response ${r.status}`);
    note(
      ctx,
      undefined,
      undefined,
      `thin operation: the page shows a ${r.status} response body example but no schema could be made (no table, example not valid JSON)`,
      'warning',
    );
  }
}

function requestBodyTable(ctx: PageContext): PlacedTable | undefined {
  const explicit = tablesWith(ctx, 'requestBody').filter((t) => !ctx.claimed.has(t));
  if (explicit.length) return explicit[0];
  // For GET-like methods, params() has already taken these tables as parameters.
  return tablesWith(ctx, 'requestParams').find((t) => !ctx.claimed.has(t));
}

function statusDescriptions(ctx: PageContext): Map<string, string> {
  const out = new Map<string, string>();
  for (const placed of tablesWith(ctx, 'statusCodes')) {
    ctx.claimed.add(placed);
    const statusCol = placed.columns.status ?? 0;
    const descCol = placed.columns.description ?? placed.columns.message ?? statusCol + 1;
    placed.table.rows.forEach((row, i) => {
      const written = (row.cells[statusCol]?.text ?? '').trim();
      const status = written.match(/\d{3}/)?.[0];
      if (!status)
        dropRow(ctx, placed, i + 1, `status '${written}' is not an HTTP status code; row not in the spec`, 'warning');
      else if (out.has(status))
        dropRow(ctx, placed, i + 1, `status ${status} listed twice; the first description is kept`, 'info');
      else {
        out.set(status, (row.cells[descCol]?.text ?? '').trim());
        rowFate(ctx, placed, i + 1, `response ${status}: description`);
      }
    });
  }
  return out;
}

function responses(ctx: PageContext, base: string, mp: MethodPath): ResponseModel[] {
  const descriptions = statusDescriptions(ctx);
  const all = ctx.page.sections
    .filter((s) => s.kind === 'responseExample' || (s.kind === 'response' && s.examples.length))
    .flatMap((s) => examples(ctx, 'responseExample', s));
  const success =
    [...descriptions.keys(), ...all.map((e) => e.status ?? '')].find((s) => /^2\d\d$/.test(s)) ??
    (mp.method === 'POST' ? '201' : '200');
  const byStatus = new Map<string, ResponseModel>();
  const responseFor = (status: string) => {
    let r = byStatus.get(status);
    if (!r)
      byStatus.set(
        status,
        (r = { status, description: descriptions.get(status) || REASONS[status] || 'Response', examples: [] }),
      );
    return r;
  };
  for (const status of descriptions.keys()) responseFor(status);
  const seenStatus = new Set<string>();
  for (const placed of tablesWith(ctx, 'responseBody').filter((t) => !ctx.claimed.has(t))) {
    const status = placed.table.status ?? success;
    if (seenStatus.has(status)) continue; // a second generic table under one status is a sub-object table
    seenStatus.add(status);
    const statusExamples = all.filter((ex) => (ex.status ?? success) === status);
    const body = bodyType(ctx, placed, `${base}Response${status === success ? '' : status}`, statusExamples);
    shapeByExample(
      ctx,
      body,
      statusExamples.map((ex) => ex.value),
      `response example ${status}`,
    );
    responseFor(status).body = body;
  }
  for (const placed of tablesWith(ctx, 'responseHeaders')) {
    ctx.claimed.add(placed);
    const r = responseFor(placed.table.status ?? success);
    const headers: FieldModel[] = fields(ctx, placed, `response ${r.status} headers`);
    r.headers = [...(r.headers ?? []), ...headers];
  }
  for (const ex of all) {
    const { status: _status, ...example } = ex;
    responseFor(ex.status ?? success).examples.push(example);
  }
  if (!byStatus.size) responseFor(success);
  for (const r of byStatus.values()) {
    if (r.body || !/^2\d\d$/.test(r.status)) continue;
    const example = r.examples.find((ex) => isBodyValue(ex.value));
    if (!example) continue;
    r.body = inferType(
      ctx,
      example.value,
      `${base}Response${r.status === success ? '' : r.status}`,
      `response example ${r.status}`,
    );
    r.inferred = 'example';
    note(
      ctx,
      undefined,
      undefined,
      `no table describes the ${r.status} response body: its schema is derived from the example (x-inferred: example)`,
      'info',
    );
  }
  return [...byStatus.values()].sort((a, b) => compareText(a.status, b.status));
}

export function errorCodes(ctx: PageContext): ErrorCodeModel[] {
  const out: ErrorCodeModel[] = [];
  for (const placed of tablesWith(ctx, 'errorCodes')) {
    ctx.claimed.add(placed);
    const c = placed.columns;
    placed.table.rows.forEach((row, i) => {
      const text = (col: number | undefined) => (col === undefined ? '' : (row.cells[col]?.text ?? '').trim());
      const code = text(c.code);
      if (!code) {
        dropRow(ctx, placed, i + 1, 'error-code row without a code; skipped', 'warning');
        return;
      }
      rowFate(ctx, placed, i + 1, `error code ${code}`);
      out.push({
        code,
        status: text(c.status).match(/\d{3}/)?.[0] ?? text(c.status),
        message: text(c.message),
        description: text(c.description),
        action: text(c.action),
        source: source(ctx, placed),
      });
    });
  }
  return out;
}

/** English names for fragment tables (`响应Body参数` under `状态码: 400` → `Response400`), from the table's role. */
const ROLE_NAMES: Record<TableRole['role'], (t: PlacedTable) => string> = {
  params: (t) =>
    t.role.role === 'params'
      ? { path: 'PathParams', query: 'QueryParams', header: 'RequestHeaders', cookie: 'Cookies' }[t.role.in]
      : 'Params',
  requestBody: () => 'RequestBody',
  requestParams: () => 'RequestParams',
  responseBody: (t) => `Response${t.table.status ?? ''}`,
  responseHeaders: (t) => `ResponseHeaders${t.table.status ?? ''}`,
  object: (t) => `Object${t.table.number ?? ''}`,
  methodUri: () => 'Uri',
  statusCodes: () => 'StatusCodes',
  errorCodes: () => 'ErrorCodes',
};

/** Pages without a URI (object models, aggregation fragments): every parameter table still becomes a schema. */
export function fragmentSchemas(ctx: PageContext) {
  const title = pascal(ctx.page.title) || '';
  for (const placed of ctx.tables) {
    if (ctx.claimed.has(placed)) continue;
    const role = placed.role.role;
    if (role === 'statusCodes' || role === 'errorCodes' || role === 'methodUri') continue;
    if (placed.columns.name === undefined) continue;
    const fallback = anchorTypeName(placed.table.anchors[0] ?? '') ?? `${title}${ROLE_NAMES[role](placed)}`;
    objectFromTable(ctx, placed, fallback);
  }
}

/**
 * Tables nothing referred to still reach the spec, as schemas named after their caption. On a page that
 * documents no operation and has no field table (overview, permission, API概览 pages), prose tables are left
 * out with one note for the page, not a warning per table.
 */
export function claimLeftovers(ctx: PageContext, hasOperation: boolean) {
  const overview =
    !hasOperation &&
    !ctx.tables.some(
      (t) => t.columns.name !== undefined && (t.columns.type !== undefined || t.columns.required !== undefined),
    );
  const skipped: PlacedTable[] = [];
  for (const placed of ctx.tables) {
    if (ctx.claimed.has(placed)) continue;
    if (placed.role.role === 'object' && placed.columns.name !== undefined && placed.table.rows.length) {
      const name =
        asTypeName(placed.table.caption || placed.table.servesType?.name || '') ??
        (pascal(captionSubject(placed.table.caption)) ||
          `${pascal(ctx.page.title) || 'Page'}Table${placed.table.number ?? ''}`);
      objectFromTable(ctx, placed, name);
      note(
        ctx,
        placed,
        undefined,
        `table not referenced by any field; kept as schema '${ctx.objectNames.get(placed)}'`,
        'info',
      );
    } else if (placed.table.rows.length) {
      if (overview) skipped.push(placed);
      else {
        note(
          ctx,
          placed,
          undefined,
          `table (${placed.role.role}) not used: ${placed.table.rows.length} row(s) not in the spec`,
          'warning',
        );
        placed.table.rows.forEach((_, i) =>
          ctx.fates.push({
            table: placed.label,
            section: placed.section.heading,
            row: i + 1,
            fate: `report: table (${placed.role.role}) not used`,
            reportOnly: true,
          }),
        );
      }
    }
  }
  if (skipped.length) {
    const rows = skipped.reduce((n, t) => n + t.table.rows.length, 0);
    note(
      ctx,
      undefined,
      undefined,
      `page documents no operation and has no parameter table: ${skipped.length} overview table(s), ${rows} row(s), not API content`,
      'info',
    );
    for (const placed of skipped)
      placed.table.rows.forEach((_, i) =>
        ctx.fates.push({
          table: placed.label,
          section: placed.section.heading,
          row: i + 1,
          fate: 'overview table: not API content',
          reportOnly: false,
        }),
      );
  }
}

export type { TypeRef };
