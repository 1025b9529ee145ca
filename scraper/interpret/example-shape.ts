// Body tables that do not say how their rows nest, read with the page's JSON example as the evidence
// (docs/FORMATS.md §6a). Old hand-written pages (zh-md/aom/查询监控数据（即将下线）.md, 查询指标（即将下线）.md) list
// an `Array` or `Object` row with no sub-table and then its members as rows of the same table, flat:
//
//   metrics    | Array  | 指标列表            { "metrics": [ { "namespace": "abc",
//   namespace  | String | 指标命名空间                        "dimensions": [ { "name": …, "value": … } ] } ],
//   dimensions | Array  | 指标维度                "period": 60 }
//   period     | Integer| 监控数据粒度
//
// Two readings, each only on positive evidence from the example:
// 1. Nesting: a row whose name the example does not use at the table's level but does use inside the element of the
//    nearest preceding member-less container row becomes a member of that container (a run of such rows; a row the
//    example shows at the table's level ends it). The container gets an object type made of those rows.
// 2. Members: a container row still member-less (`dimensions | Array`, or `Object` shown as a list) whose example
//    value is a list of objects gets its members from the example's first element, as bodies no table describes do
//    (`x-inferred: example`, §5). Not from a single object: `Object` rows are often free-form maps.
//    Such members are optional unless the container row's own cells say they must have a value
//    (`数组中任何一个dimension对象name和value属性的值也不能为空`): required-ness only where the page states it.

import type { FieldModel, ObjectModel, TypeRef } from '../model.ts';
import { note, type PageContext } from './context.ts';
import { unusedName } from './fields.ts';
import { inferType } from './infer.ts';
import { elementOf, isJsonObject, type JsonObject, objectWithin } from './json-shape.ts';
import { pascal, singular } from './names.ts';

/** Deep enough for any real body; bounds the walk on hostile input. */
const MAX_DEPTH = 16;

function sameKeys(a: JsonObject, b: unknown): boolean {
  if (!isJsonObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k));
}

/**
 * A list of objects that all show the same keys: members can be read from it. `[{"c1": "int"}, {"c2": "string"}]`
 * (zh-md/dli/预览SQL作业查询结果.md) is a list of one-entry maps, not of objects whose member is `c1`.
 */
export function isUniformList(value: unknown): boolean {
  const first = elementOf(value);
  return Array.isArray(value) && first !== undefined && value.every((v) => sameKeys(first, v));
}

/** A row typed as a container without members: `Object`, `Array`, `Array of objects` (no sub-table, no link). */
function isMemberless(type: TypeRef): boolean {
  return (
    type.kind === 'object' || (type.kind === 'array' && (type.items.kind === 'any' || type.items.kind === 'object'))
  );
}

interface Run {
  container: FieldModel;
  element: JsonObject;
  members: FieldModel[];
}

/**
 * Whether the rows from `from` on that the example shows nowhere are members of the open run: not when a row the
 * example shows at the table's level comes before any row it shows inside `element` (they are then top-level rows
 * the example leaves out). The answer and the index it was read up to, so a run of such rows is scanned once.
 */
function unseenRowsInside(
  fields: FieldModel[],
  from: number,
  level: JsonObject,
  element: JsonObject,
): { inside: boolean; until: number } {
  for (let i = from; i < fields.length; i++) {
    const name = fields[i]!.name;
    if (Object.hasOwn(level, name)) return { inside: false, until: i };
    if (Object.hasOwn(element, name)) return { inside: true, until: i };
  }
  // The table ends with them: its order is the only evidence left, and it puts them in the run (`metricName` after
  // `metricItems | Array`, `namespace`, `dimensions` in zh-md/aom/查询指标（即将下线）.md is a member of the element in
  // the API Explorer definition ListMetricItems, though the request example leaves it out).
  return { inside: true, until: fields.length };
}

/**
 * Which rows of a flat table belong inside a member-less container row, decided by the example element of the
 * table's level (`level`). Pure: returns the fields kept at this level and each container's members, in order.
 * A row the example shows nowhere never starts a run, and joins a started one only when no row shown at the table's
 * level comes before the next row shown inside it: in `metrics | Array`, `namespace`, `to`, `period` with `period`
 * at the top, `to` stays at the top; at the table's end such rows stay in the run (see unseenRowsInside).
 */
export function nestRows(fields: FieldModel[], level: JsonObject): { kept: FieldModel[]; runs: Run[] } {
  const kept: FieldModel[] = [];
  const runs: Run[] = [];
  let open: Run | undefined;
  let unseen: { inside: boolean; until: number } | undefined;
  fields.forEach((field, i) => {
    const atLevel = Object.hasOwn(level, field.name);
    if (open && !atLevel) {
      const inside = Object.hasOwn(open.element, field.name);
      if (!inside && open.members.length > 0 && !(unseen && i < unseen.until))
        unseen = unseenRowsInside(fields, i, level, open.element);
      if (inside || (open.members.length > 0 && unseen?.inside)) {
        open.members.push(field);
        return;
      }
    }
    kept.push(field);
    const element = isMemberless(field.type) ? elementOf(level[field.name]) : undefined;
    if (element) runs.push((open = { container: field, element, members: [] }));
    else if (atLevel) open = undefined;
  });
  return { kept, runs: runs.filter((run) => run.members.length > 0) };
}

/** `metrics` → `Metric`, `policies` → `Policy`, `status` → `Status`: the members' type is named after one element. */
function elementTypeName(name: string): string {
  return pascal(singular(name)) || 'Item';
}

/** The type a container row gets around its new members: a list when the row or its example value is one. */
function around(container: FieldModel, value: unknown, ref: TypeRef): TypeRef {
  return container.type.kind === 'array' || Array.isArray(value) ? { kind: 'array', items: ref } : ref;
}

/** Rewrites `--explain` fates of moved rows so each names the object it ended in. */
function refate(ctx: PageContext, from: string, to: string, names: string[]) {
  for (const fate of ctx.fates)
    for (const name of names)
      if (fate.fate === `schema ${from}: field '${name}'`)
        fate.fate = `schema ${to}: field '${name}' (nested by the example)`;
}

function shapeObject(ctx: PageContext, model: ObjectModel, level: JsonObject, where: string, seen: Set<string>) {
  if (seen.has(model.name) || seen.size > MAX_DEPTH) return;
  seen.add(model.name);
  const { kept, runs } = nestRows(model.fields, level);
  for (const run of runs) {
    const name = unusedName(ctx, elementTypeName(run.container.name));
    const members: ObjectModel = { name, fields: run.members, source: model.source };
    ctx.objects.push(members);
    run.container.type = around(run.container, level[run.container.name], { kind: 'ref', name });
    const names = run.members.map((m) => m.name);
    refate(ctx, model.name, name, names);
    note(
      ctx,
      undefined,
      undefined,
      `${model.name}: rows ${names.map((n) => `'${n}'`).join(', ')} follow '${run.container.name}' (${run.container.docType}) in the table and the ${where} nests them in it: members of '${run.container.name}' (${name})`,
      'info',
    );
  }
  model.fields = kept;
  for (const field of model.fields) {
    const value = level[field.name];
    const element = elementOf(value);
    if (!element) continue;
    const inner = objectWithin(ctx, field.type);
    if (inner && isListOfMapValues(field.type, value, inner)) listInsteadOfMap(ctx, model, field, inner, where);
    if (inner) shapeObject(ctx, inner, element, where, seen);
    // Only a list of objects: an `Object` row whose example is one object may be a free-form map (`metadata`,
    // `az_status: {"cn-north-1a": …}`), whose example keys are not its members.
    else if (isMemberless(field.type) && isUniformList(value)) {
      field.type = inferType(ctx, value, field.name, where);
      note(
        ctx,
        undefined,
        undefined,
        `${model.name}: '${field.name}' (${field.docType}) has no table of members; they are derived from the ${where} (x-inferred: example)`,
        'info',
      );
      requireStatedMembers(ctx, model, field);
    }
  }
  seen.delete(model.name);
}

/** Members derived from the example that the container row says must have a value become required. */
function requireStatedMembers(ctx: PageContext, model: ObjectModel, container: FieldModel) {
  const stated = ctx.membersStatedNonEmpty.get(container) ?? [];
  const members = objectWithin(ctx, container.type)?.fields ?? [];
  const required = members.filter((member) => stated.includes(member.name));
  for (const member of required) member.required = true;
  if (required.length)
    note(
      ctx,
      undefined,
      undefined,
      `${model.name}: '${container.name}' says its members ${required.map((m) => `'${m.name}'`).join(', ')} must have a value; required`,
      'info',
    );
}

/**
 * 3. A `Map<String,Array<X>>` row whose example is a list of objects using only X's members (`job_list`,
 *    zh-md/mrs/查询作业列表信息.md: the type cell says a map, the example and the service return `[ {job_id…} ]`): the
 *    example is read as the truth, the row a list of X, since a map-typed validator would reject every real response.
 */
function isListOfMapValues(type: TypeRef, value: unknown, inner: ObjectModel): boolean {
  if (type.kind !== 'map' || !Array.isArray(value) || value.length === 0) return false;
  const members = new Set(inner.fields.map((f) => f.name));
  return value.every((v) => isJsonObject(v) && Object.keys(v).every((k) => members.has(k)));
}

function listInsteadOfMap(ctx: PageContext, model: ObjectModel, field: FieldModel, inner: ObjectModel, where: string) {
  field.type = { kind: 'array', items: { kind: 'ref', name: inner.name } };
  note(
    ctx,
    undefined,
    undefined,
    `${model.name}: '${field.name}' is written ${field.docType}, but the ${where} shows a list of ${inner.name}: typed as a list`,
    'warning',
  );
}

/** Applies both readings to a body type and its objects, with the first example that shows an object. */
export function shapeByExample(ctx: PageContext, body: TypeRef, values: unknown[], where: string) {
  const model = objectWithin(ctx, body);
  const level = values.map(elementOf).find(Boolean);
  if (model && level) shapeObject(ctx, model, level, where, new Set());
}
