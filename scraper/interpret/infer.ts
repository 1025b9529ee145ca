// Bodies no table describes (docs/FORMATS.md §5): a schema derived from the JSON example. Types come from the
// values, an array's item type from its first element, every field optional (an example shows what may be sent,
// not what must be). Objects made here are marked `inferred: 'example'` (`x-inferred: example` in the spec).

import type { FieldModel, ObjectModel, TypeRef } from '../model.ts';
import type { PageContext } from './context.ts';
import { unusedName } from './fields.ts';
import { pascal } from './names.ts';

/** The type of an example value; objects become page-local ObjectModels named after the key holding them. */
export function inferType(ctx: PageContext, value: unknown, name: string, where: string): TypeRef {
  if (value === null || value === undefined) return { kind: 'any' };
  if (typeof value === 'string') return { kind: 'primitive', type: 'string' };
  if (typeof value === 'boolean') return { kind: 'primitive', type: 'boolean' };
  if (typeof value === 'bigint') return { kind: 'primitive', type: 'integer', format: 'int64' };
  if (typeof value === 'number') return { kind: 'primitive', type: Number.isInteger(value) ? 'integer' : 'number' };
  if (Array.isArray(value))
    return { kind: 'array', items: value.length ? inferType(ctx, value[0], singular(name), where) : { kind: 'any' } };
  if (typeof value !== 'object') return { kind: 'any' };
  const objectName = unusedName(ctx, pascal(name) || 'Body');
  const model: ObjectModel = {
    name: objectName,
    fields: [],
    source: { file: ctx.file, section: where },
    inferred: 'example',
  };
  ctx.objects.push(model);
  // Object.keys keeps every own key, `__proto__` included (JSON.parse makes it an own property).
  model.fields = Object.keys(value).map((key): FieldModel => ({
    name: key,
    docType: '',
    type: inferType(ctx, (value as Record<string, unknown>)[key], key, where),
    required: false,
    description: '',
    constraints: {},
  }));
  return { kind: 'ref', name: objectName };
}

/** `servers` → `server`, `policies` → `policy`: the item type of a list is named after one element. */
function singular(name: string): string {
  if (/ies$/.test(name)) return name.replace(/ies$/, 'y');
  if (/[^s]s$/.test(name)) return name.slice(0, -1);
  return `${name}Item`;
}

/** Whether an example value is a JSON body worth a schema (an object or an array), not a scalar or nothing. */
export function isBodyValue(value: unknown): boolean {
  return value !== null && typeof value === 'object';
}
