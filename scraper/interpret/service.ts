// Page results → one ServiceModel. Every name here is a function of the pages that carry the thing named, never of
// the order pages were read: adding, removing or reordering input pages never changes what a surviving name means.
//
// - Object types: identical shapes (fields and, recursively, the shapes they refer to) are shared. A caption that
//   names one shape keeps its name; a caption that names several is told apart by context, every one of them:
//   operation + caption (`CreateListenerListener`), then + side (`…RequestListener`), then + API version, and last
//   a digest of the shape (`Listener_3fa2c1`). A name is never numbered by discovery.
// - Operations: API Explorer name, English page file name (normalised) or List/Show/Create/… + resource from the
//   route; unique within their API version (a clash moves every operation of the clash to its next, longer name);
//   in the spec, a name two versions share is qualified by the version (`ListListenersV2`).
// - The same route on several pages is one operation; several documented bodies become a `oneOf` of the variants.
// - The config can pin any operation name (by route) or schema name (by the name it would get, or its caption).

import type {
  ErrorCodeModel,
  ExampleModel,
  FieldModel,
  ObjectModel,
  OperationModel,
  ReportEntry,
  ServiceModel,
  SourceRef,
  TypeRef,
} from '../model.ts';
import {
  apiVersionOf,
  compareText,
  derivedOperationNames,
  pascal,
  shortHash,
  sortBy,
  titleOperationName,
  currentApiName,
  versionTag,
} from './names.ts';
import type { PageResult } from './page.ts';

type Report = (entry: ReportEntry) => void;

export interface PageOutcome extends PageResult {
  file: string;
}

/** Names the config pins (hwdocs.config.json `names`): route → operation name, schema name or caption → name. */
export interface NameOverrides {
  /** `"GET /v3/{project_id}/elb/listeners": "ListListeners"`; placeholder names do not matter. */
  operations?: Record<string, string>;
  /** `"<name the schema would get, or its caption>": "Listener"`. */
  schemas?: Record<string, string>;
}

export interface BuildOptions {
  names?: NameOverrides;
}

/** The type with every named reference replaced by what `replace` makes of its name. */
function mapRefs(type: TypeRef, replace: (name: string) => TypeRef): TypeRef {
  switch (type.kind) {
    case 'ref':
      return replace(type.name);
    case 'array':
      return { kind: 'array', items: mapRefs(type.items, replace) };
    case 'map':
      return { kind: 'map', values: mapRefs(type.values, replace) };
    case 'oneOf':
      return { kind: 'oneOf', variants: type.variants.map((v) => ({ ...v, type: mapRefs(v.type, replace) })) };
    default:
      return type;
  }
}

function mapFieldTypes<F extends FieldModel>(fields: F[], replace: (name: string) => TypeRef): F[] {
  return fields.map((f) => ({ ...f, type: mapRefs(f.type, replace) }));
}

/** Applies `replace` to every type an operation mentions: parameters, request body, response bodies. */
function mapOperationTypes(op: OperationModel, replace: (name: string) => TypeRef): void {
  op.parameters = mapFieldTypes(op.parameters, replace);
  if (op.requestBody) op.requestBody.type = mapRefs(op.requestBody.type, replace);
  for (const r of op.responses) if (r.body) r.body = mapRefs(r.body, replace);
}

/** Names a type refers to. */
function refsOf(type: TypeRef): string[] {
  const out: string[] = [];
  mapRefs(type, (name) => (out.push(name), { kind: 'ref', name }));
  return out;
}

/** A comparable key for model values (bigint bounds included). */
function keyOf(value: unknown): string {
  return JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v));
}

/** `/v1/{id}/x` → `/v1/{}/x`: the path with placeholder names erased. */
function pathTemplate(path: string): string {
  return path.replace(/\{[^}]+\}/g, '{}');
}

function fileStem(file: string): string {
  return file
    .replace(/#.*$/, '')
    .split(/[\\/]/)
    .pop()!
    .replace(/\.[^.]+$/, '');
}

/** The first of `names` by code-unit order: how an entity with several contexts picks one, whatever the order. */
function least(names: string[]): string {
  return names.reduce((a, b) => (compareText(b, a) < 0 ? b : a));
}

// ---------------------------------------------------------------------------------------------------------------
// Operation names a page gives

/**
 * The name a page itself gives its operation: the API Explorer name, else its English file name normalised
 * (`CreatingaRequestThrottlingPolicy` → CreateRequestThrottlingPolicy), else List/Show/… + resource from the route.
 * page.ts writes the API Explorer name or the CamelCase file name into operationId, '' otherwise.
 */
function pageOperationName(op: OperationModel): string {
  const stem = fileStem(op.source.file);
  if (op.operationId && op.operationId === stem) return titleOperationName(stem, op.method, op.path);
  if (op.operationId) return currentApiName(op.operationId, op.method);
  return derivedOperationNames(op.method, op.path)[0]!;
}

/** What page.ts named the page's bodies after (`${base}RequestBody`, `${base}Response404`). */
function pageBodyBase(op: OperationModel): string {
  return op.operationId || pascal(`${op.method.toLowerCase()} ${op.path.replace(/\{[^}]+\}/g, '')}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Object types: one entity per (caption, deep shape), named from the contexts that use it

/** One page's object as the namer sees it. */
interface Instance {
  page: number;
  obj: ObjectModel;
  /** The caption-derived name, a page-local counter removed; for body roots, the operation's body name. */
  base: string;
  /** For body roots: `RequestBody`, `Response`, `Response404`; the base is then `${operation}${bodyPart}`. */
  bodyPart?: string;
  operation?: string;
  version?: string;
  side: string;
  parent?: string;
}

interface Entity {
  key: string;
  deepKey: string;
  instances: Instance[];
  /** Names from the shortest (the caption) to the digest; a clash moves an entity to its next name. */
  candidates: string[];
  pinned?: string;
}

/** What makes two object types the same: field names, types, required flags, constraints, and the same of every
 * type they refer to (recursively), but not prose and not the names of the types they refer to. */
function deepKeys(objects: ObjectModel[]): Map<string, string> {
  const byName = new Map(objects.map((o) => [o.name, o]));
  const keys = new Map<string, string>();
  const visiting = new Set<string>();
  const keyFor = (name: string): string => {
    const known = keys.get(name);
    if (known) return known;
    const obj = byName.get(name);
    if (!obj) return keyOf({ external: name.toLowerCase() });
    if (visiting.has(name)) return keyOf({ cycle: name.toLowerCase() });
    visiting.add(name);
    const shape = (t: TypeRef): TypeRef => mapRefs(t, (n) => ({ kind: 'ref', name: keyFor(n) }));
    const key = keyOf(
      obj.fields.map((f) => [f.name, shape(f.type), f.required, f.constraints, f.itemConstraints ?? null]),
    );
    visiting.delete(name);
    keys.set(name, key);
    return key;
  };
  for (const obj of objects) keyFor(obj.name);
  return keys;
}

/** `BackendApi2` next to `BackendApi` on one page is page.ts telling two tables apart: the caption is `BackendApi`. */
function withoutPageCounter(name: string, pageNames: Set<string>): string {
  const m = name.match(/^(.*?)_?(\d+)$/);
  return m && Number(m[2]) >= 2 && pageNames.has(m[1]!) ? m[1]! : name;
}

/** Which side of the page's operation each object is on (`Request`, `Response`), and the object whose field uses it. */
function contexts(page: PageOutcome): Map<string, { side: string; parent?: string }> {
  const out = new Map<string, { side: string; parent?: string }>();
  const byName = new Map(page.objects.map((o) => [o.name, o]));
  const walk = (name: string, side: string, parent?: string) => {
    if (out.has(name) || !byName.has(name)) return;
    out.set(name, { side, ...(parent ? { parent } : {}) });
    for (const f of byName.get(name)!.fields) for (const r of refsOf(f.type)) walk(r, side, name);
  };
  const op = page.operation;
  if (op) {
    for (const t of [...op.parameters.map((p) => p.type), ...(op.requestBody ? [op.requestBody.type] : [])])
      for (const r of refsOf(t)) walk(r, 'Request');
    for (const resp of op.responses) if (resp.body) for (const r of refsOf(resp.body)) walk(r, 'Response');
  }
  // Objects no operation reaches (fragment pages, unreferenced tables): their referrers still give context.
  for (const obj of sortBy([...page.objects], (o) => o.name))
    for (const f of obj.fields) for (const r of refsOf(f.type)) walk(r, '', obj.name);
  return out;
}

function instancesOf(page: PageOutcome, index: number): { instance: Instance; deepKey: string }[] {
  const op = page.operation;
  const operation = op ? pageOperationName(op) : undefined;
  const version = op ? apiVersionOf(op.path) : undefined;
  const bodyBase = op ? pageBodyBase(op) : undefined;
  const names = new Set(page.objects.map((o) => o.name));
  const keys = deepKeys(page.objects);
  const where = contexts(page);
  return page.objects.map((obj) => {
    const bodyPart =
      bodyBase && obj.name.startsWith(bodyBase)
        ? obj.name.slice(bodyBase.length).match(/^(RequestBody|Response\d*)$/)?.[0]
        : undefined;
    const ctx = where.get(obj.name) ?? { side: '' };
    const parent = ctx.parent ? withoutPageCounter(ctx.parent, names) : undefined;
    const instance: Instance = {
      page: index,
      obj,
      base: bodyPart ? `${operation}${bodyPart}` : withoutPageCounter(obj.name, names),
      ...(bodyPart ? { bodyPart } : {}),
      ...(operation ? { operation } : {}),
      ...(version ? { version } : {}),
      side: ctx.side,
      ...(parent ? { parent } : {}),
    };
    return { instance, deepKey: keys.get(obj.name)! };
  });
}

/** An instance's names, shortest first, without the digest: caption, then qualified by its context. */
function instanceNames(i: Instance): string[] {
  const ver = i.version ? versionTag(i.version) : '';
  if (i.bodyPart) return [i.base, `${i.operation}${ver}${i.bodyPart}`];
  const context = i.operation ?? (i.parent ? pascal(i.parent) || i.parent : '');
  if (!context) return [i.base];
  return [i.base, `${context}${i.base}`, `${context}${i.side}${i.base}`, `${context}${ver}${i.side}${i.base}`];
}

function entityCandidates(entity: Entity): string[] {
  const lists = entity.instances.map(instanceNames);
  const depth = Math.max(...lists.map((l) => l.length));
  const out: string[] = [];
  for (let k = 0; k < depth; k++) {
    // Not deduplicated: levels line up across entities, so a clash settles at the first level that tells them apart.
    out.push(least(lists.map((l) => l[Math.min(k, l.length - 1)]!)));
  }
  out.push(`${least(entity.instances.map((i) => i.base))}_${shortHash(entity.deepKey)}`);
  return out;
}

/**
 * Every item at its first name that no other item also wants (case-insensitively: generated code folds case). A
 * name two items want is burnt for everybody: both move on, and neither may come back to it. So a name an item
 * ends with is one nobody else in the set wanted, and removing the others cannot hand it to a different item.
 * The result depends on the set, never on the order. `reserved` group keys (pinned names) are burnt from the start.
 */
function resolveClashes<T>(
  items: T[],
  candidates: (item: T) => string[],
  groupOf: (item: T, name: string) => string,
  pinned: (item: T) => string | undefined,
  reserved: Set<string> = new Set(),
): Map<T, string> {
  // Pinned names are never anyone else's, even when the pinned thing is not among the inputs.
  const burnt = new Set(reserved);
  const nameOf = (item: T) => {
    const pin = pinned(item);
    if (pin !== undefined) return pin;
    const list = candidates(item);
    return list.find((name) => !burnt.has(groupOf(item, name))) ?? list.at(-1)!;
  };
  for (;;) {
    const groups = new Map<string, T[]>();
    for (const item of items) {
      const key = groupOf(item, nameOf(item));
      groups.set(key, [...(groups.get(key) ?? []), item]);
    }
    let moved = false;
    for (const [key, members] of groups) {
      if (
        members.length < 2 ||
        burnt.has(key) ||
        members.every((m) => pinned(m) !== undefined || nameOf(m) === candidates(m).at(-1))
      )
        continue;
      burnt.add(key);
      moved = true;
    }
    if (!moved) return new Map(items.map((item) => [item, nameOf(item)]));
  }
}

function nameEntities(
  pages: PageOutcome[],
  overrides: Record<string, string>,
  report: Report,
): { entities: Entity[]; names: Map<Entity, string> } {
  const byKey = new Map<string, Entity>();
  pages.forEach((page, index) => {
    for (const { instance, deepKey } of instancesOf(page, index)) {
      const key = `${instance.base.toLowerCase()}\u0000${deepKey}`;
      const entity = byKey.get(key) ?? { key, deepKey, instances: [], candidates: [] };
      entity.instances.push(instance);
      byKey.set(key, entity);
    }
  });
  const entities = sortBy([...byKey.values()], (e) => e.key);
  for (const e of entities) e.candidates = entityCandidates(e);
  const free = resolveClashes(
    entities,
    (e) => e.candidates,
    (_, name) => name.toLowerCase(),
    () => undefined,
  );
  // Pins: by the name an entity gets without pins, else by a caption or context name only one entity has.
  for (const [from, to] of Object.entries(overrides)) {
    const exact = entities.filter((e) => free.get(e) === from);
    const matches = exact.length ? exact : entities.filter((e) => e.candidates.includes(from));
    if (matches.length === 1) matches[0]!.pinned = to;
    else
      report({
        file: 'hwdocs.config.json',
        row: from,
        reason: matches.length
          ? `schema name pin '${from}' matches ${matches.length} schemas (${sortBy(
              matches.map((e) => free.get(e)!),
              (n) => n,
            ).join(', ')}); pin one of those names`
          : `schema name pin '${from}' matches no schema`,
        severity: 'warning',
      });
  }
  const reserved = new Set(Object.values(overrides).map((name) => name.toLowerCase()));
  const names = resolveClashes(
    entities,
    (e) => e.candidates,
    (_, name) => name.toLowerCase(),
    (e) => e.pinned,
    reserved,
  );
  for (const e of entities) {
    const name = names.get(e)!;
    const caption = least(e.instances.map((i) => i.base));
    if (name !== caption && !e.pinned)
      report({
        file: e.instances[0]!.obj.source.file,
        table: e.instances[0]!.obj.source.table,
        reason: `schema '${caption}' has another shape elsewhere; named '${name}' from its context`,
        severity: 'info',
      });
  }
  return { entities, names };
}

// ---------------------------------------------------------------------------------------------------------------
// The service

export function buildService(
  service: string,
  pages: PageOutcome[],
  report: Report,
  options: BuildOptions = {},
): ServiceModel {
  const ordered = sortBy([...pages], (page) => page.file);
  const { entities, names } = nameEntities(ordered, options.names?.schemas ?? {}, report);

  // Each page's local names → global names; the schema of an entity is its first page's table.
  const renames = ordered.map(() => new Map<string, string>());
  const schemas = new Map<string, ObjectModel>();
  for (const e of entities) {
    const name = names.get(e)!;
    for (const i of e.instances) renames[i.page]!.set(i.obj.name, name);
  }
  const byLower = new Map<string, string[]>();
  for (const e of entities)
    for (const i of e.instances) {
      const lower = i.base.toLowerCase();
      byLower.set(lower, [...new Set([...(byLower.get(lower) ?? []), names.get(e)!])]);
    }
  const globalName =
    (page: number) =>
    (name: string): TypeRef => {
      const local = renames[page]!.get(name);
      if (local) return { kind: 'ref', name: local };
      // A type this page names but does not document: the one schema of that caption, if there is one.
      const candidates = sortBy([...(byLower.get(name.toLowerCase()) ?? [])], (n) => n);
      return { kind: 'ref', name: candidates.length === 1 ? candidates[0]! : name };
    };
  for (const e of entities) {
    const first = e.instances.reduce((a, b) => (b.page < a.page ? b : a));
    const name = names.get(e)!;
    schemas.set(name, { ...first.obj, name, fields: mapFieldTypes(first.obj.fields, globalName(first.page)) });
  }

  const operations: OperationModel[] = [];
  const byRoute = new Map<string, { op: OperationModel; names: Set<string>; pinned?: string }>();
  const catalogue = new Map<string, ErrorCodeModel>();
  const canonicalPaths = mostWrittenPaths(ordered.flatMap((page) => (page.operation ? [page.operation.path] : [])));
  const pins = new Map(Object.entries(options.names?.operations ?? {}).map(([route, name]) => [routeKey(route), name]));

  ordered.forEach((page, index) => {
    if (page.operation) {
      const op = page.operation;
      // Only a name the page gives (API Explorer link, title anchor, English file name) competes: a page that gives none leaves
      // the route to the pages that do (dli 新建Flink-Jar作业.md links CreateFlinkJar, 新建Flink自定义作业.md
      // documents the same route and links nothing).
      const ownName = op.operationId ? pageOperationName(op) : undefined;
      mapOperationTypes(op, globalName(index));
      unifyPathParams(op, canonicalPaths, (reason) => report({ file: page.file, reason, severity: 'info' }));
      const route = `${op.method} ${pathTemplate(op.path)}`;
      const earlier = byRoute.get(route);
      if (earlier) {
        mergeOperation(earlier.op, op, page.file, route, report);
        if (ownName) earlier.names.add(ownName);
      } else {
        byRoute.set(route, {
          op,
          names: new Set(ownName ? [ownName] : []),
          ...(pins.has(route) ? { pinned: pins.get(route)! } : {}),
        });
        operations.push(op);
      }
    }
    for (const code of page.errorCodes) {
      const known = catalogue.get(code.code);
      if (!known) catalogue.set(code.code, code);
      else if (known.message !== code.message || known.status !== code.status || known.description !== code.description)
        report({
          file: page.file,
          table: code.source.table,
          row: code.code,
          reason: `error code ${code.code} listed again with different text (first in ${known.source.file}); kept the first`,
          severity: 'warning',
        });
    }
  });
  for (const route of pins.keys())
    if (!byRoute.has(route))
      report({
        file: 'hwdocs.config.json',
        row: route,
        reason: `operation name pin for '${route}' matches no operation`,
        severity: 'warning',
      });

  reportDanglingRefs(schemas, operations, report);
  assignOperationNames([...byRoute.values()], pins, report);
  return {
    service,
    operations,
    schemas,
    errorCodes: sortBy([...catalogue.values()], (e) => e.code),
  };
}

/** `get /v3/{project_id}/x/` → `GET /v3/{}/x`: how a config route meets an operation. */
function routeKey(route: string): string {
  const [method = '', ...rest] = route.trim().split(/\s+/);
  const path = rest.join('');
  return `${method.toUpperCase()} ${pathTemplate(path.length > 1 ? path.replace(/\/+$/, '') : path)}`;
}

function paramKey(p: { in: string; name: string }): string {
  return `${p.in}:${p.in === 'header' ? p.name.toLowerCase() : p.name}`;
}

function variantsOf(type: TypeRef, source: SourceRef): { type: TypeRef; source: SourceRef }[] {
  return type.kind === 'oneOf' ? type.variants : [{ type, source }];
}

/** `earlier` and `later` as one type: the same type, or a `oneOf` of the distinct variants (each with its page). */
function unionType(earlier: TypeRef, earlierSource: SourceRef, later: TypeRef, laterSource: SourceRef): TypeRef {
  const variants = variantsOf(earlier, earlierSource);
  const added = variantsOf(later, laterSource).filter((v) => !variants.some((w) => keyOf(w.type) === keyOf(v.type)));
  return added.length ? { kind: 'oneOf', variants: [...variants, ...added] } : earlier;
}

function mergeExamples(into: ExampleModel[], from: ExampleModel[]): ExampleModel[] {
  const seen = new Set(into.map((ex) => ex.text));
  return [...into, ...from.filter((ex) => !seen.has(ex.text))];
}

/**
 * A second page for a route already seen. The OpenStack-style `…/action` endpoints document one body per page: a
 * body that differs becomes another `oneOf` variant (request and each response status alike), parameters only
 * this page has are added (optional: the other pages' variants do without), examples and error codes are added.
 * A parameter both pages have but document differently keeps the first page's version, and is reported.
 */
function mergeOperation(earlier: OperationModel, op: OperationModel, file: string, route: string, report: Report) {
  const notes: string[] = [];
  if (op.requestBody) {
    if (!earlier.requestBody) earlier.requestBody = { ...op.requestBody, required: false };
    else {
      const type = unionType(earlier.requestBody.type, earlier.source, op.requestBody.type, op.source);
      if (type !== earlier.requestBody.type) notes.push('its request body is a oneOf variant');
      earlier.requestBody.type = type;
      earlier.requestBody.examples = mergeExamples(earlier.requestBody.examples, op.requestBody.examples);
    }
  }
  for (const r of op.responses) {
    const same = earlier.responses.find((e) => e.status === r.status);
    if (!same) {
      earlier.responses = sortBy([...earlier.responses, r], (e) => e.status);
      continue;
    }
    if (r.body) {
      const body = same.body ? unionType(same.body, earlier.source, r.body, op.source) : r.body;
      if (body !== same.body) notes.push(`its ${r.status} response body is a oneOf variant`);
      same.body = body;
    }
    same.examples = mergeExamples(same.examples, r.examples);
  }
  const known = new Map(earlier.parameters.map((p) => [paramKey(p), p]));
  const differing: string[] = [];
  for (const p of op.parameters) {
    const mine = known.get(paramKey(p));
    if (!mine) {
      earlier.parameters.push({ ...p, required: p.in === 'path' });
      notes.push(`parameter ${p.in}:${p.name} added`);
    } else if (keyOf([mine.type, mine.required]) !== keyOf([p.type, p.required])) differing.push(`${p.in}:${p.name}`);
  }
  report({
    file,
    reason: `${route} also documented in ${earlier.source.file}; merged${notes.length ? ` (${notes.join(', ')})` : ''}${differing.length ? `; parameters ${differing.join(', ')} documented differently, kept that page's` : ''}`,
    severity: differing.length ? 'warning' : 'info',
  });
  earlier.errorCodes = [...new Set([...earlier.errorCodes, ...op.errorCodes])].sort();
}

/**
 * Per path template, the spelling most pages write (ties: the first in page order): `/v1.0/{project_id}/graphs` on
 * six ges pages wins over `/v1.0/{projectId}/graphs` on one (zh-md/ges/创建图(1-0-0).md), whatever the order.
 */
function mostWrittenPaths(paths: string[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const path of paths) {
    const template = pathTemplate(path);
    let spellings = counts.get(template);
    if (!spellings) counts.set(template, (spellings = new Map()));
    spellings.set(path, (spellings.get(path) ?? 0) + 1);
  }
  const out = new Map<string, string>();
  for (const [template, spellings] of counts) {
    let best = '';
    let bestCount = 0;
    for (const [path, n] of spellings)
      if (n > bestCount) {
        best = path;
        bestCount = n;
      }
    out.set(template, best);
  }
  return out;
}

/**
 * OpenAPI allows one path per template: `/throttle-specials/{id}` (PUT) and `/throttle-specials/{strategy_id}` (GET)
 * must share a parameter name. The names most pages write win; the operation's path parameters are renamed to match.
 */
function unifyPathParams(op: OperationModel, canonical: Map<string, string>, note: (reason: string) => void) {
  const template = pathTemplate(op.path);
  const first = canonical.get(template);
  if (!first) {
    canonical.set(template, op.path);
    return;
  }
  if (first === op.path) return;
  const names = (path: string) => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const rename = new Map(names(op.path).map((name, i) => [name, names(first)[i]!]));
  note(`${op.method} ${op.path}: path parameters renamed to match ${first} (one name per path template)`);
  op.path = first;
  op.parameters = op.parameters.map((p) =>
    p.in === 'path' && rename.has(p.name) ? { ...p, name: rename.get(p.name)! } : p,
  );
}

/** A `X object` whose table is on no page becomes a free-form object with its type text kept, and is reported. */
function reportDanglingRefs(schemas: Map<string, ObjectModel>, operations: OperationModel[], report: Report) {
  const lower = new Map([...schemas.keys()].map((k) => [k.toLowerCase(), k]));
  const resolver =
    (where: { file: string; table?: string }) =>
    (name: string): TypeRef => {
      if (schemas.has(name)) return { kind: 'ref', name };
      const other = lower.get(name.toLowerCase());
      if (other) return { kind: 'ref', name: other };
      report({
        ...where,
        reason: `type '${name}' has no table in the inputs (or several shapes of that name); written as an object with x-doc-type`,
        severity: 'warning',
      });
      return { kind: 'unknown', text: `${name} object` };
    };
  for (const obj of schemas.values()) obj.fields = mapFieldTypes(obj.fields, resolver(obj.source));
  for (const op of operations) mapOperationTypes(op, resolver(op.source));
}

/**
 * Operation names unique within their API version, then operationIds unique in the document: a name two versions
 * share is qualified by the version (`ListListenersV2`, `ListListenersV3`) and the plain name kept in operationName.
 * The pair (apiVersion, operationName ?? operationId) is the stable identity a versioned client exposes.
 */
function assignOperationNames(
  routes: { op: OperationModel; names: Set<string>; pinned?: string }[],
  pins: Map<string, string>,
  report: Report,
) {
  const candidates = new Map(
    routes.map((r) => {
      // Pages of one route that name it differently (one per action body) leave the name to the route.
      const own = r.names.size === 1 ? [...r.names] : [];
      return [r, [...own, ...derivedOperationNames(r.op.method, r.op.path)]];
    }),
  );
  const versionOf = (r: (typeof routes)[number]) => apiVersionOf(r.op.path) ?? '';
  const reserved = new Set([...pins].map(([route, name]) => `${apiVersionOf(route) ?? ''}\u0000${name.toLowerCase()}`));
  const plain = resolveClashes(
    routes,
    (r) => candidates.get(r)!,
    (r, name) => `${versionOf(r)}\u0000${name.toLowerCase()}`,
    (r) => r.pinned,
    reserved,
  );
  // In the document a name is plain only when no operation of another version wanted it (its own name or a level
  // it passed on the way to its name): then dropping that operation's page cannot hand the plain name to a
  // different route, since with fewer pages an operation stops at the same level or an earlier one.
  const wantedBy = new Map<string, Set<string>>(); // lower-case name → versions whose operations wanted it
  for (const r of routes)
    for (const name of r.pinned
      ? [r.pinned]
      : candidates.get(r)!.slice(0, candidates.get(r)!.indexOf(plain.get(r)!) + 1)) {
      const lower = name.toLowerCase();
      wantedBy.set(lower, new Set([...(wantedBy.get(lower) ?? []), versionOf(r)]));
    }
  const ids = new Map<(typeof routes)[number], string>();
  for (const r of routes) {
    const name = plain.get(r)!;
    const others = [...(wantedBy.get(name.toLowerCase()) ?? [])].filter((v) => v !== versionOf(r));
    const tag = versionOf(r) ? versionTag(versionOf(r)) : 'Unversioned';
    // A name that already ends in its own version (`QueryScalingActivityLogV2` on a /v2/ path) is not tagged twice.
    ids.set(r, others.length && !name.endsWith(tag) ? `${name}${tag}` : name);
  }
  // Last resort (two pinned names in one version, or a qualified name another operation already has): the route's digest.
  const counts = new Map<string, number>();
  for (const id of ids.values()) counts.set(id.toLowerCase(), (counts.get(id.toLowerCase()) ?? 0) + 1);
  for (const r of routes) {
    let id = ids.get(r)!;
    if (counts.get(id.toLowerCase())! > 1) {
      id = `${id}_${shortHash(`${r.op.method} ${r.op.path}`)}`;
      report({
        file: r.op.source.file,
        reason: `operation name '${ids.get(r)}' is taken twice (pinned names?); this one is '${id}'`,
        severity: 'warning',
      });
    }
    const name = plain.get(r)!;
    const first = candidates.get(r)![0]!;
    if (!r.pinned && name !== first)
      report({
        file: r.op.source.file,
        reason: `operation name '${first}' is shared in ${versionOf(r) || 'the unversioned paths'}; this one is '${name}'`,
        severity: 'info',
      });
    r.op.operationId = id;
    const version = apiVersionOf(r.op.path);
    if (version) r.op.apiVersion = version;
    if (name !== id) r.op.operationName = name;
  }
}
