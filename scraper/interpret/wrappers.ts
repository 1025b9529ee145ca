// A body table and the body's example can disagree about one level of nesting (docs/FORMATS.md §6). The example
// is what the API sends, so where it shows the table's fields one level away, the body follows the example:
//   - wrap: the example is `{ "w": { …the table's fields… } }` and the table has no row `w`
//     (zh-md/dws/添加资源池.md: `workload_queue`, zh-md/dws/创建容灾.md: `disaster_recovery`);
//   - unwrap: the table has an object row `x` whose sub-table lists the example's top-level keys, and the example
//     has no key `x` (zh-md/ges/查询Job状态(1-0-0)-管理面.md: `Job`);
//   - list: every example is a JSON array of objects with the table's fields (zh-md/dws/主机监控磁盘信息查询.md);
//   - rename: the one object row no example shows is the one example key no row names, with that row's fields.
// Each is decided on evidence only: every example with a value must agree, and a note records the decision.

import type { ExampleModel, FieldModel, ObjectModel, ParamModel, TypeRef } from '../model.ts';
import { note, type PageContext } from './context.ts';
import { unusedName } from './fields.ts';
import { cover, elementOf, isJsonObject, MIN_COVER, objectNamed } from './json-shape.ts';
import { pascal } from './names.ts';

/** The one shape every example with a value shows, or undefined when they disagree or none has a value. */
function agreed<T>(examples: ExampleModel[], shape: (value: unknown) => T | undefined): T | undefined {
  const values = examples.map((ex) => ex.value).filter((v) => v !== undefined);
  if (!values.length) return undefined;
  const shapes = values.map(shape);
  const first = shapes[0];
  return first !== undefined && shapes.every((s) => JSON.stringify(s) === JSON.stringify(first)) ? first : undefined;
}

/** `{ "w": {…} }` / `{ "w": [{…}] }` whose inner keys are mostly the table's fields, the table having no `w`. */
export function wrapperKey(
  fieldNames: ReadonlySet<string>,
  value: unknown,
): { key: string; list: boolean } | undefined {
  if (!isJsonObject(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1 || fieldNames.has(keys[0]!)) return undefined;
  const inner = value[keys[0]!];
  const list = Array.isArray(inner);
  const item = list ? inner[0] : inner;
  if (!isJsonObject(item) || cover(Object.keys(item), fieldNames) < MIN_COVER) return undefined;
  return { key: keys[0]!, list };
}

/** The object row whose sub-table lists the example's top-level keys the body table does not, itself absent. */
export function unwrappedRow(
  fields: FieldModel[],
  objectFields: (field: FieldModel) => ReadonlySet<string> | undefined,
  value: unknown,
): string | undefined {
  if (!isJsonObject(value)) return undefined;
  const own = new Set(fields.map((f) => f.name));
  const unexplained = Object.keys(value).filter((k) => !own.has(k));
  if (unexplained.length < 2) return undefined;
  const candidates = fields.filter((f) => {
    if (f.name in value) return false;
    const inner = objectFields(f);
    return inner !== undefined && cover(unexplained, inner) === 1;
  });
  return candidates.length === 1 ? candidates[0]!.name : undefined;
}

/**
 * The object row the examples call by another name: the one object row no example key names, and the one example
 * key no row names, whose value (or first item) has mostly fields of that row's sub-table (zh-md/ges/查询元数据列表(1-0-2).md:
 * the table's `metadataList` is the example's `schemaList` of `GesSchema` objects).
 */
export function renamedRow(
  fields: FieldModel[],
  objectFields: (field: FieldModel) => ReadonlySet<string> | undefined,
  value: unknown,
): { from: string; to: string } | undefined {
  if (!isJsonObject(value)) return undefined;
  const own = new Set(fields.map((f) => f.name));
  const unexplained = Object.keys(value).filter((k) => !own.has(k) && isObjectValue(value[k]));
  const unshown = fields.filter((f) => !(f.name in value) && objectFields(f) !== undefined);
  if (unexplained.length !== 1 || unshown.length !== 1) return undefined;
  const [key, row] = [unexplained[0]!, unshown[0]!];
  const inner = value[key];
  const item = elementOf(inner);
  const keys = item ? Object.keys(item) : [];
  return keys.length >= 2 && cover(keys, objectFields(row)!) >= MIN_COVER ? { from: row.name, to: key } : undefined;
}

const isObjectValue = (v: unknown) => elementOf(v) !== undefined;

/** Every example is `[ {…}, … ]` whose first item's keys are mostly the table's fields. */
export function isListOf(fieldNames: ReadonlySet<string>, value: unknown): boolean {
  return Array.isArray(value) && isJsonObject(value[0]) && cover(Object.keys(value[0]), fieldNames) >= MIN_COVER;
}

/** The wrapped object's name: the key's, unless a table of the page is captioned so (that name is the table's). */
function innerName(ctx: PageContext, bodyName: string, key: string): string {
  const name = pascal(key);
  const captioned = ctx.tables.some((t) => t.table.caption.trim() === name);
  return unusedName(ctx, name && !captioned ? name : `${bodyName}${name}`);
}

/** The body's type after checking its nesting against the examples (see the top of this file). */
export function alignWithExamples(ctx: PageContext, type: TypeRef, examples: ExampleModel[]): TypeRef {
  const body = objectNamed(ctx, type);
  if (!body || !body.fields.length) return type;
  const names = new Set(body.fields.map((f) => f.name));
  if (agreed(examples, (v) => isListOf(names, v) || undefined)) {
    note(ctx, undefined, undefined, `the examples of ${body.name} are lists of its fields: typed as an array`, 'info');
    return { kind: 'array', items: type };
  }
  const wrapper = agreed(examples, (v) => wrapperKey(names, v));
  if (wrapper) {
    const inner: ObjectModel = { ...body, name: innerName(ctx, body.name, wrapper.key) };
    ctx.objects.push(inner);
    const ref: TypeRef = { kind: 'ref', name: inner.name };
    body.fields = [
      {
        name: wrapper.key,
        docType: '',
        type: wrapper.list ? { kind: 'array', items: ref } : ref,
        // The wrapper must be there whenever one of the fields it carries must (是 in 是否必选).
        required: inner.fields.some((f) => f.required),
        description: '',
        constraints: {},
      },
    ];
    note(
      ctx,
      undefined,
      undefined,
      `the examples nest the fields of ${body.name} under '${wrapper.key}', which no row names: body wrapped as { ${wrapper.key}: ${inner.name} }`,
      'info',
    );
    return type;
  }
  const fieldsOf = (f: FieldModel) => {
    const o = objectNamed(ctx, f.type);
    return o ? new Set(o.fields.map((x) => x.name)) : undefined;
  };
  const row = agreed(examples, (v) => unwrappedRow(body.fields, fieldsOf, v));
  if (row) {
    const at = body.fields.findIndex((f) => f.name === row);
    const inner = objectNamed(ctx, body.fields[at]!.type)!;
    const lifted = inner.fields.filter((f) => !names.has(f.name));
    body.fields = [...body.fields.slice(0, at), ...lifted, ...body.fields.slice(at + 1)];
    note(
      ctx,
      undefined,
      undefined,
      `the examples show the fields of '${row}' (${inner.name}) at the top level and no '${row}' key: its fields are the body's`,
      'info',
    );
    return type;
  }
  // A list row keeps its name question too: `metadataList` (`GesSchema集合`) is typed as an array of GesSchema.
  const itemFieldsOf = (f: FieldModel) => fieldsOf(f.type.kind === 'array' ? { ...f, type: f.type.items } : f);
  const renamed = agreed(examples, (v) => renamedRow(body.fields, itemFieldsOf, v));
  if (renamed) {
    body.fields = body.fields.map((f) => (f.name === renamed.from ? { ...f, name: renamed.to } : f));
    note(
      ctx,
      undefined,
      undefined,
      `the examples call the object row '${renamed.from}' of ${body.name} '${renamed.to}' (same fields): named as the examples send it`,
      'warning',
    );
  }
  return type;
}

/**
 * Query parameters that are the request body: rows of a URI table that the request example sends as top-level
 * JSON keys and never in its query string, covering most of that body (zh-md/ges/新增元数据(1-0-2).md lists
 * `metadataPath`, `name`, `gesMetadata`… under URI参数说明 and sends them as the POST body).
 */
export function bodyRowsAmongParams(
  params: ParamModel[],
  examples: ExampleModel[],
  queryNames: ReadonlySet<string>,
): ParamModel[] {
  const keys = agreed(examples, (v) => (isJsonObject(v) ? Object.keys(v).sort() : undefined));
  if (!keys?.length) return [];
  const rows = params.filter((p) => p.in === 'query' && keys.includes(p.name) && !queryNames.has(p.name));
  return cover(keys, new Set(rows.map((p) => p.name))) >= MIN_COVER ? rows : [];
}
