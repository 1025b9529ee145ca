// Which list operations page, and how: read from what the page documents (its query parameters and its 2xx
// response body), never from the operation's name. The result is a PageStrategy (generator/runtime/paginate.ts)
// emitted into operations.ts; the client gets `paginate.<method>()` for every operation that has one.
import { isPlainObject as isObject, type JsonObject, type JsonValue } from '../spec/json.ts';
import { schemaRefName, type OperationModel, type ServiceModel } from '../model.ts';

/** The strategy as emitted (same shape as the runtime's PageStrategy). */
export type PageStrategyModel =
  | {
      kind: 'marker';
      items: string;
      markerParam: string;
      limitParam?: string;
      nextMarker?: string[];
      itemMarker?: string;
    }
  | { kind: 'offset'; items: string; offsetParam: string; limitParam?: string; pageNumbers?: boolean; total?: string };

/** Query parameter pairs that page a list, first match wins (wire names, as the manuals spell them). */
const PAGING_PARAMETERS: readonly { kind: 'marker' | 'offset' | 'page'; position: string; size: readonly string[] }[] =
  [
    { kind: 'marker', position: 'marker', size: ['limit', 'page_size'] },
    { kind: 'offset', position: 'offset', size: ['limit', 'page_size'] },
    { kind: 'page', position: 'page_no', size: ['page_size', 'limit'] },
    { kind: 'page', position: 'page', size: ['page_size', 'limit', 'per_page'] },
  ];

/** Where a body gives the marker of the next page, first match wins. */
const NEXT_MARKER_PATHS: readonly (readonly string[])[] = [
  ['page_info', 'next_marker'],
  ['next_marker'],
  ['pageInfo', 'nextMarker'],
];

/** Body properties that count all items (not just this page's), first match wins. */
const TOTAL_PROPERTIES: readonly string[] = ['total', 'total_count', 'count'];

/** Item properties that serve as the next marker when the body gives none (OpenStack: the last item's id). */
const ITEM_MARKER_PROPERTIES: readonly string[] = ['id'];

/** Follows `$ref`s to components.schemas (a few hops; a cycle or a dangling ref gives undefined). */
function resolve(service: ServiceModel, schema: JsonValue | undefined): JsonObject | undefined {
  let current = schema;
  for (let hop = 0; hop < 8 && isObject(current); hop++) {
    if (typeof current.$ref !== 'string') return current;
    const name = schemaRefName(current.$ref);
    current = name === undefined ? undefined : service.schemas.find((s) => s.name === name)?.schema;
  }
  return undefined;
}

function properties(service: ServiceModel, schema: JsonValue | undefined): Map<string, JsonObject> {
  const resolved = resolve(service, schema);
  const props = resolved && isObject(resolved.properties) ? resolved.properties : {};
  const out = new Map<string, JsonObject>();
  for (const [name, value] of Object.entries(props)) {
    const target = resolve(service, value);
    if (target) out.set(name, target);
  }
  return out;
}

const typeOf = (schema: JsonObject): string[] =>
  Array.isArray(schema.type) ? schema.type.map(String) : typeof schema.type === 'string' ? [schema.type] : [];

/** The property path exists in the body schema. */
function hasPath(service: ServiceModel, schema: JsonValue | undefined, path: readonly string[]): boolean {
  let current: JsonValue | undefined = schema;
  for (const key of path) {
    const next = properties(service, current).get(key);
    if (!next) return false;
    current = next;
  }
  return true;
}

/**
 * The operation's paging, or undefined: a GET whose query has a documented position/size pair and whose single
 * JSON 2xx body has exactly one array property (the items). Marker paging also needs to know where the next
 * marker comes from (a documented next-marker field, or an `id` on the items).
 */
export function detectPagination(service: ServiceModel, op: OperationModel): PageStrategyModel | undefined {
  if (op.method !== 'GET') return undefined;
  const query = new Set(op.parameters.filter((p) => p.in === 'query').map((p) => p.name));
  const pairing = PAGING_PARAMETERS.find((p) => query.has(p.position));
  if (!pairing) return undefined;
  const limitParam = pairing.size.find((name) => query.has(name));
  const success = op.responses.filter((r) => /^2/.test(r.status));
  if (success.length !== 1 || !success[0].mediaType || !/[/+]json\b/i.test(success[0].mediaType)) return undefined;
  const body = success[0].schema;
  const arrays = [...properties(service, body)].filter(([, schema]) => typeOf(schema).includes('array'));
  if (arrays.length !== 1) return undefined;
  const [items, itemsSchema] = arrays[0];
  const limit = limitParam !== undefined ? { limitParam } : {};
  if (pairing.kind === 'marker') {
    const nextMarker = NEXT_MARKER_PATHS.find((path) => hasPath(service, body, path));
    if (nextMarker)
      return { kind: 'marker', items, markerParam: pairing.position, ...limit, nextMarker: [...nextMarker] };
    const itemProps = properties(service, itemsSchema.items);
    const itemMarker = ITEM_MARKER_PROPERTIES.find((name) => itemProps.has(name));
    return itemMarker ? { kind: 'marker', items, markerParam: pairing.position, ...limit, itemMarker } : undefined;
  }
  const bodyProps = properties(service, body);
  const total = TOTAL_PROPERTIES.find((name) => {
    const schema = bodyProps.get(name);
    return schema !== undefined && typeOf(schema).some((t) => t === 'integer' || t === 'number');
  });
  return {
    kind: 'offset',
    items,
    offsetParam: pairing.position,
    ...limit,
    ...(pairing.kind === 'page' ? { pageNumbers: true } : {}),
    ...(total !== undefined ? { total } : {}),
  };
}
