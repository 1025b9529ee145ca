// What a JSON example value shows and which page object a type names: the small readers example-shape.ts,
// wrappers.ts and context.ts (the page's example keys) share, so each question has one answer.

import type { ObjectModel, TypeRef } from '../model.ts';
import type { PageContext } from './context.ts';

export type JsonObject = Record<string, unknown>;

/** A JSON object: not null, not a list. */
export function isJsonObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The object an example value shows for one element: the object itself, or a list's first element. */
export function elementOf(value: unknown): JsonObject | undefined {
  if (Array.isArray(value)) return isJsonObject(value[0]) ? value[0] : undefined;
  return isJsonObject(value) ? value : undefined;
}

/** The name of the object type a type holds, through lists and maps: `Array<Map<String,Address>>` → Address. */
export function innerRef(type: TypeRef): string | undefined {
  if (type.kind === 'ref') return type.name;
  if (type.kind === 'array') return innerRef(type.items);
  if (type.kind === 'map') return innerRef(type.values);
  return undefined;
}

/** The page object a reference names (`{ kind: 'ref', name: 'Metric' }` → Metric); nothing for other types. */
export function objectNamed(ctx: PageContext, type: TypeRef): ObjectModel | undefined {
  return type.kind === 'ref' ? ctx.objects.find((o) => o.name === type.name) : undefined;
}

/** The page object a type holds, through lists and maps: `Array<Metric>`, `Map<String,Metric>` → Metric. */
export function objectWithin(ctx: PageContext, type: TypeRef): ObjectModel | undefined {
  if (type.kind === 'array') return objectWithin(ctx, type.items);
  if (type.kind === 'map') return objectWithin(ctx, type.values);
  return objectNamed(ctx, type);
}

/**
 * Minimum share of one side's names the other must give before a shape is believed: the example's keys the table
 * names (wrappers.ts) or the table's rows the example shows (subtables.ts `byExampleShape`). Half, not all: an
 * example may show a key the table omits (`logo` in zh-md/swr/查看共享镜像列表.md) and leave optional rows out.
 */
export const MIN_COVER = 0.5;

/** Share of `keys` that are among `names` (0 when there are no keys). */
export function cover(keys: Iterable<string>, names: ReadonlySet<string>): number {
  const all = [...keys];
  return all.length ? all.filter((k) => names.has(k)).length / all.length : 0;
}
