// What rules look at: the pieces of two documents that the engine has already paired up.
// Pairing is done once here so that every rule is a small function of an already-matched pair.
import { mapPlaceholders, parameterKey, type Operation, type OperationMatch, type Parameter } from './operations.ts';
import { deref, isObject, type SchemaView } from './resolve.ts';
import type { Direction, OpenApiDoc } from './types.ts';

export interface DocumentContext {
  oldDoc: OpenApiDoc;
  newDoc: OpenApiDoc;
  operations: OperationMatch;
  /** The root `x-error-codes` catalogues, read once. */
  oldErrorCodes: ErrorCodes;
  newErrorCodes: ErrorCodes;
}

export interface ParameterPair {
  old: Parameter;
  new: Parameter;
  /** `parameter query.limit` (named after the new parameter). */
  location: string;
}

export interface ParameterMatch {
  pairs: ParameterPair[];
  removed: Parameter[];
  added: Parameter[];
  /** Same name, different `in` (query → header): one change, not a removal plus an addition. */
  moved: ParameterPair[];
}

export interface Body {
  required: boolean;
  /** Media type → schema (`{}` when the media type has none). */
  content: Record<string, unknown>;
}

export interface OperationContext {
  oldDoc: OpenApiDoc;
  newDoc: OpenApiDoc;
  old: Operation;
  new: Operation;
  parameters: ParameterMatch;
  oldRequest: Body | undefined;
  newRequest: Body | undefined;
  /** Status code → body. */
  oldResponses: Record<string, Body>;
  newResponses: Record<string, Body>;
  /** The operation's own `x-error-codes`, read once. */
  oldErrorCodes: ErrorCodes;
  newErrorCodes: ErrorCodes;
}

export interface SchemaContext {
  old: SchemaView;
  new: SchemaView;
  /** `request.body.foo`, `response[200].body.items[]`, `parameter query.limit`. */
  location: string;
  direction: Direction;
}

export function parameterLocation(p: Parameter): string {
  return `parameter ${p.in}.${p.name}`;
}

/**
 * Pairs parameters: path parameters through their place in the path template (so `{id}` → `{instance_id}` is a
 * rename, see mapPlaceholders), the others by `in` + name; leftovers with the same name on both sides have moved.
 */
export function matchParameters(old: Operation, next: Operation): ParameterMatch {
  const renamed = mapPlaceholders(old.path, next.path);
  const keyInNew = (p: Parameter) =>
    parameterKey(p.in === 'path' ? { in: 'path', name: renamed.get(p.name) ?? p.name } : p);
  const news = new Map(next.parameters.map((p) => [parameterKey(p), p]));
  const match: ParameterMatch = { pairs: [], removed: [], added: [], moved: [] };
  const used = new Set<string>();
  const unmatchedOld: Parameter[] = [];
  for (const p of old.parameters) {
    const key = keyInNew(p);
    const other = news.get(key);
    if (other && !used.has(key)) {
      used.add(key);
      match.pairs.push({ old: p, new: other, location: parameterLocation(other) });
    } else unmatchedOld.push(p);
  }
  const unmatchedNew = next.parameters.filter((p) => !used.has(parameterKey(p)));
  for (const p of unmatchedOld) {
    const moved = unmatchedNew.find((n) => n.name.toLowerCase() === p.name.toLowerCase() && n.in !== p.in);
    if (moved) {
      unmatchedNew.splice(unmatchedNew.indexOf(moved), 1);
      match.moved.push({ old: p, new: moved, location: parameterLocation(moved) });
    } else match.removed.push(p);
  }
  match.added.push(...unmatchedNew);
  return match;
}

function readContent(content: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!isObject(content)) return out;
  for (const mediaType of Object.keys(content).sort()) {
    const entry = content[mediaType];
    out[mediaType] = isObject(entry) && entry.schema !== undefined ? entry.schema : {};
  }
  return out;
}

export function readRequestBody(doc: OpenApiDoc, op: Operation): Body | undefined {
  if (op.node.requestBody === undefined) return undefined;
  const { node } = deref(doc, op.node.requestBody);
  return { required: node.required === true, content: readContent(node.content) };
}

export function readResponses(doc: OpenApiDoc, op: Operation): Record<string, Body> {
  const out: Record<string, Body> = {};
  const responses = isObject(op.node.responses) ? op.node.responses : {};
  for (const status of Object.keys(responses).sort()) {
    const { node } = deref(doc, responses[status]);
    out[status] = { required: true, content: readContent(node.content) };
  }
  return out;
}

export function buildOperationContext(
  oldDoc: OpenApiDoc,
  newDoc: OpenApiDoc,
  old: Operation,
  next: Operation,
): OperationContext {
  return {
    oldDoc,
    newDoc,
    old,
    new: next,
    parameters: matchParameters(old, next),
    oldRequest: readRequestBody(oldDoc, old),
    newRequest: readRequestBody(newDoc, next),
    oldResponses: readResponses(oldDoc, old),
    newResponses: readResponses(newDoc, next),
    oldErrorCodes: errorCodes(old.node),
    newErrorCodes: errorCodes(next.node),
  };
}

/** 2xx (and `2XX`): the responses a client reads as success. */
export const isSuccess = (status: string): boolean => /^2/.test(status);

/** Statuses documented on both sides, sorted. */
export function sharedStatuses(c: Pick<OperationContext, 'oldResponses' | 'newResponses'>): string[] {
  return Object.keys(c.newResponses)
    .sort()
    .filter((s) => Object.hasOwn(c.oldResponses, s));
}

/** `request.body` for JSON (nearly every operation), `request.body[multipart/form-data]` for the rest. */
export function bodyLocation(prefix: string, mediaType: string): string {
  return mediaType === 'application/json' ? `${prefix}.body` : `${prefix}.body[${mediaType}]`;
}

/** Code → catalogue entry (`{}` for a bare code). */
export type ErrorCodes = Map<string, Record<string, unknown>>;

/** Error codes an operation or document lists in `x-error-codes` (strings, or objects with `code`). */
export function errorCodes(node: Record<string, unknown>): ErrorCodes {
  const out: ErrorCodes = new Map();
  const list = node['x-error-codes'];
  if (!Array.isArray(list)) return out;
  for (const entry of list) {
    if (typeof entry === 'string' || typeof entry === 'number') out.set(String(entry), {});
    else if (isObject(entry) && (typeof entry.code === 'string' || typeof entry.code === 'number'))
      out.set(String(entry.code), entry);
  }
  return out;
}
