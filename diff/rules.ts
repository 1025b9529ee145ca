// THE rule table of `hwdocs diff`. Every change the diff can report is one entry here: an id, a level and a small
// check that looks at one already-paired piece of the two documents (see context.ts) and returns findings.
//
// Levels follow oasdiff's categories, read from the point of view of a *generated typed client*:
//   breaking  existing client code stops compiling or starts failing at run time;
//   warning   existing code keeps working but may meet data or behaviour it does not expect;
//   info      additive or loosening changes.
// Direction matters: a request is data the client produces, a response is data it consumes, so the same change
// (a property removed, an enum value added, a bound tightened) can be breaking on one side and harmless on the other.
import type { Body, DocumentContext, OperationContext, SchemaContext } from './context.ts';
import { bodyLocation, isSuccess, parameterLocation, sharedStatuses } from './context.ts';
import { BOUND_KEYWORDS, type BoundKeyword, type SchemaView } from './resolve.ts';
import type { Direction, Finding, Level } from './types.ts';

export interface DocumentFinding extends Finding {
  operation: string;
}

interface RuleInfo {
  id: string;
  level: Level;
  description: string;
}

export type Rule =
  | (RuleInfo & { scope: 'document'; check(ctx: DocumentContext): DocumentFinding[] })
  | (RuleInfo & { scope: 'operation'; check(ctx: OperationContext): Finding[] })
  | (RuleInfo & { scope: 'schema'; direction: Direction; check(ctx: SchemaContext): Finding[] });

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

/** Values as they appear in messages: JSON, so `"1"` and `1` stay distinguishable. */
const show = (value: unknown): string => JSON.stringify(value) ?? 'undefined';

/** Items of `a` missing from `b`, compared by JSON spelling, in a's order. */
function missingFrom(a: readonly unknown[], b: readonly unknown[]): unknown[] {
  const inB = new Set(b.map(show));
  return a.filter((v) => !inB.has(show(v)));
}

const sortedKeys = (o: Record<string, unknown>): string[] => Object.keys(o).sort();

/** Keys only the new side has (`added`) or only the old side has (`removed`), sorted. */
function changedKeys(before: Iterable<string>, after: Iterable<string>, change: 'added' | 'removed'): string[] {
  const [from, to] = change === 'added' ? [after, before] : [before, after];
  const other = new Set(to);
  return [...from].filter((key) => !other.has(key)).sort();
}

const typeName = (v: SchemaView): string => (v.types.length ? v.types.join('|') : 'any');
const typesChanged = (c: SchemaContext): boolean => typeName(c.old) !== typeName(c.new);
const kebab = (s: string): string => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Property rules only make sense when both sides are the same kind of thing; a type change is reported once. */
function propertiesOf(c: SchemaContext): { old: Record<string, unknown>; new: Record<string, unknown> } | undefined {
  if (typesChanged(c)) return undefined;
  return { old: c.old.properties, new: c.new.properties };
}

function addedProperties(c: SchemaContext, required: boolean | 'any'): Finding[] {
  const props = propertiesOf(c);
  if (!props) return [];
  return changedKeys(Object.keys(props.old), Object.keys(props.new), 'added')
    .filter((name) => required === 'any' || c.new.required.includes(name) === required)
    .map((name) => ({
      location: `${c.location}.${name}`,
      message: `${required === true ? 'required ' : required === false ? 'optional ' : ''}property '${name}' added`,
    }));
}

function requiredFlip(c: SchemaContext, nowRequired: boolean): Finding[] {
  const props = propertiesOf(c);
  if (!props) return [];
  return sortedKeys(props.new)
    .filter((name) => Object.hasOwn(props.old, name))
    .filter((name) => c.old.required.includes(name) !== nowRequired && c.new.required.includes(name) === nowRequired)
    .map((name) => ({
      location: `${c.location}.${name}`,
      message: `property '${name}' became ${nowRequired ? 'required' : 'optional'}`,
    }));
}

/** Enum values added or removed, when both sides have an enum (an enum appearing or vanishing is its own rule). */
function enumValues(c: SchemaContext, change: 'added' | 'removed'): Finding[] {
  if (!c.old.enum || !c.new.enum) return [];
  const values = change === 'added' ? missingFrom(c.new.enum, c.old.enum) : missingFrom(c.old.enum, c.new.enum);
  return values.map((v) => ({ location: c.location, message: `enum value ${show(v)} ${change}` }));
}

/**
 * A bound tightens when it appears, or moves inwards (a lower bound up, an upper bound down); it loosens when it
 * disappears or moves outwards.
 */
export function boundChange(
  kind: 'lower' | 'upper',
  before: number | undefined,
  after: number | undefined,
): 'tightened' | 'loosened' | undefined {
  if (before === after) return undefined;
  if (before === undefined) return 'tightened';
  if (after === undefined) return 'loosened';
  const inwards = kind === 'lower' ? after > before : after < before;
  return inwards ? 'tightened' : 'loosened';
}

function boundFindings(
  c: SchemaContext,
  keyword: BoundKeyword,
  kind: 'lower' | 'upper',
  want: 'tightened' | 'loosened',
): Finding[] {
  const before = c.old.bounds[keyword];
  const after = c.new.bounds[keyword];
  if (boundChange(kind, before, after) !== want) return [];
  const from = before === undefined ? 'none' : String(before);
  const to = after === undefined ? 'none' : String(after);
  return [{ location: c.location, message: `${keyword} ${want} from ${from} to ${to}` }];
}

/** One schema rule for each direction: same check, level per direction. */
function both(
  name: string,
  levels: Record<Direction, Level>,
  description: string,
  check: (c: SchemaContext) => Finding[],
): Rule[] {
  return (['request', 'response'] as const).map((direction) => ({
    id: `${direction}-${name}`,
    level: levels[direction],
    scope: 'schema' as const,
    direction,
    description,
    check,
  }));
}

const one = (location: string, message: string): Finding[] => [{ location, message }];

// ---------------------------------------------------------------------------------------------------------------
// Document-level rules

function catalogueChanges(
  { oldErrorCodes, newErrorCodes }: DocumentContext,
  change: 'added' | 'removed',
): DocumentFinding[] {
  return changedKeys(oldErrorCodes.keys(), newErrorCodes.keys(), change).map((code) => ({
    operation: '',
    location: `error-code ${code}`,
    message: `error code ${code} ${change} ${change === 'added' ? 'to' : 'from'} the catalogue`,
  }));
}

const documentRules: Rule[] = [
  {
    id: 'operation-added',
    level: 'info',
    scope: 'document',
    description: 'A new operation: a new client method.',
    check: ({ operations }) =>
      operations.added.map((op) => ({ operation: op.display, location: '', message: 'operation added' })),
  },
  {
    id: 'operation-removed',
    level: 'breaking',
    scope: 'document',
    description: 'An operation disappeared: its client method disappears.',
    check: ({ operations }) =>
      operations.removed.map((op) => ({ operation: op.display, location: '', message: 'operation removed' })),
  },
  {
    id: 'error-catalog-code-added',
    level: 'info',
    scope: 'document',
    description: 'A code added to the root x-error-codes catalogue.',
    check: (c) => catalogueChanges(c, 'added'),
  },
  {
    id: 'error-catalog-code-removed',
    level: 'warning',
    scope: 'document',
    description: 'A code removed from the root catalogue: its generated error-code constant disappears.',
    check: (c) => catalogueChanges(c, 'removed'),
  },
  {
    id: 'error-catalog-status-changed',
    level: 'warning',
    scope: 'document',
    description: 'A catalogued error code now comes with another HTTP status.',
    check: ({ oldErrorCodes, newErrorCodes }) => {
      const out: DocumentFinding[] = [];
      for (const [code, entry] of [...newErrorCodes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        const old = oldErrorCodes.get(code);
        if (
          old &&
          old.status !== undefined &&
          entry.status !== undefined &&
          String(old.status) !== String(entry.status)
        )
          out.push({
            operation: '',
            location: `error-code ${code}`,
            message: `error code ${code} status changed from ${old.status} to ${entry.status}`,
          });
      }
      return out;
    },
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Operation-level rules: identity, parameters, bodies, statuses, media types, error codes

/** Media types added or removed where both sides document a body (a body appearing or vanishing is its own rule). */
function mediaTypeChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  prefix: string,
  change: 'added' | 'removed',
): Finding[] {
  if (!Object.keys(before).length || !Object.keys(after).length) return [];
  return changedKeys(Object.keys(before), Object.keys(after), change).map((mt) => ({
    location: bodyLocation(prefix, mt),
    message: `media type ${mt} ${change}`,
  }));
}

const statusesRemoved = (c: OperationContext): string[] =>
  changedKeys(Object.keys(c.oldResponses), Object.keys(c.newResponses), 'removed');

const hasBody = (body: Body): boolean => Object.keys(body.content).length > 0;

/** Statuses in both documents whose body is documented only in the new one. */
function bodiesDocumented(c: OperationContext): string[] {
  return sharedStatuses(c).filter((s) => !hasBody(c.oldResponses[s]!) && hasBody(c.newResponses[s]!));
}

/** Statuses in both documents whose body is documented only in the old one. */
function bodiesRemoved(c: OperationContext): string[] {
  return sharedStatuses(c).filter((s) => hasBody(c.oldResponses[s]!) && !hasBody(c.newResponses[s]!));
}

/** Per-code changes, when both sides document error codes (the first list an operation gets is its own rule). */
function operationErrorCodes(
  { oldErrorCodes, newErrorCodes }: OperationContext,
  change: 'added' | 'removed',
): Finding[] {
  if (oldErrorCodes.size === 0 || newErrorCodes.size === 0) return [];
  return changedKeys(oldErrorCodes.keys(), newErrorCodes.keys(), change).map((code) => ({
    location: `error-code ${code}`,
    message: `error code ${code} ${change}`,
  }));
}

const operationRules: Rule[] = [
  {
    id: 'operation-id-changed',
    level: 'breaking',
    scope: 'operation',
    description: 'operationId renamed: the generated client method is renamed.',
    check: (c) =>
      c.old.node.operationId !== c.new.node.operationId &&
      c.old.node.operationId !== undefined &&
      c.new.node.operationId !== undefined
        ? one(
            'operationId',
            `operationId changed from ${show(c.old.node.operationId)} to ${show(c.new.node.operationId)}`,
          )
        : [],
  },
  {
    id: 'operation-path-changed',
    level: 'breaking',
    scope: 'operation',
    description: 'The same doc page now documents the operation under another path: clients call the old URL.',
    check: (c) => (c.old.key !== c.new.key ? one('', `path changed from ${c.old.path} to ${c.new.path}`) : []),
  },
  {
    id: 'operation-deprecated',
    level: 'warning',
    scope: 'operation',
    description: 'The operation became deprecated.',
    check: (c) =>
      c.new.node.deprecated === true && c.old.node.deprecated !== true ? one('', 'operation deprecated') : [],
  },
  {
    id: 'path-parameter-renamed',
    level: 'warning',
    scope: 'operation',
    description: 'A path placeholder renamed: same URL, but named path arguments of a client change.',
    check: (c) =>
      c.parameters.pairs
        .filter((p) => p.old.in === 'path' && p.old.name !== p.new.name)
        .map((p) => ({
          location: p.location,
          message: `path parameter renamed from '${p.old.name}' to '${p.new.name}'`,
        })),
  },
  {
    id: 'request-required-parameter-added',
    level: 'breaking',
    scope: 'operation',
    description: 'A new required parameter: existing calls lack it.',
    check: (c) =>
      c.parameters.added
        .filter((p) => p.required)
        .map((p) => ({ location: parameterLocation(p), message: `required parameter '${p.name}' added` })),
  },
  {
    id: 'request-optional-parameter-added',
    level: 'info',
    scope: 'operation',
    description: 'A new optional parameter.',
    check: (c) =>
      c.parameters.added
        .filter((p) => !p.required)
        .map((p) => ({ location: parameterLocation(p), message: `optional parameter '${p.name}' added` })),
  },
  {
    id: 'request-parameter-removed',
    level: 'warning',
    scope: 'operation',
    description: 'A parameter removed: clients that send it have it ignored, typed callers stop compiling.',
    check: (c) =>
      c.parameters.removed.map((p) => ({ location: parameterLocation(p), message: `parameter '${p.name}' removed` })),
  },
  {
    id: 'request-parameter-became-required',
    level: 'breaking',
    scope: 'operation',
    description: 'An optional parameter became required.',
    check: (c) =>
      c.parameters.pairs
        .filter((p) => !p.old.required && p.new.required)
        .map((p) => ({ location: p.location, message: `parameter '${p.new.name}' became required` })),
  },
  {
    id: 'request-parameter-became-optional',
    level: 'info',
    scope: 'operation',
    description: 'A required parameter became optional.',
    check: (c) =>
      c.parameters.pairs
        .filter((p) => p.old.required && !p.new.required)
        .map((p) => ({ location: p.location, message: `parameter '${p.new.name}' became optional` })),
  },
  {
    id: 'request-parameter-location-changed',
    level: 'breaking',
    scope: 'operation',
    description: 'A parameter moved (query → header, …): clients send it in the wrong place.',
    check: (c) =>
      c.parameters.moved.map((p) => ({
        location: p.location,
        message: `parameter '${p.new.name}' moved from ${p.old.in} to ${p.new.in}`,
      })),
  },
  {
    id: 'request-parameter-deprecated',
    level: 'warning',
    scope: 'operation',
    description: 'A parameter became deprecated.',
    check: (c) =>
      c.parameters.pairs
        .filter((p) => p.new.deprecated && !p.old.deprecated)
        .map((p) => ({ location: p.location, message: `parameter '${p.new.name}' deprecated` })),
  },
  {
    id: 'request-required-body-added',
    level: 'breaking',
    scope: 'operation',
    description: 'A required request body appeared.',
    check: (c) => (!c.oldRequest && c.newRequest?.required ? one('request.body', 'required request body added') : []),
  },
  {
    id: 'request-optional-body-added',
    level: 'info',
    scope: 'operation',
    description: 'An optional request body appeared.',
    check: (c) =>
      !c.oldRequest && c.newRequest && !c.newRequest.required ? one('request.body', 'optional request body added') : [],
  },
  {
    id: 'request-body-removed',
    level: 'warning',
    scope: 'operation',
    description: 'The request body disappeared.',
    check: (c) => (c.oldRequest && !c.newRequest ? one('request.body', 'request body removed') : []),
  },
  {
    id: 'request-body-became-required',
    level: 'breaking',
    scope: 'operation',
    description: 'An optional request body became required.',
    check: (c) =>
      c.oldRequest && c.newRequest && !c.oldRequest.required && c.newRequest.required
        ? one('request.body', 'request body became required')
        : [],
  },
  {
    id: 'request-body-became-optional',
    level: 'info',
    scope: 'operation',
    description: 'A required request body became optional.',
    check: (c) =>
      c.oldRequest && c.newRequest && c.oldRequest.required && !c.newRequest.required
        ? one('request.body', 'request body became optional')
        : [],
  },
  {
    id: 'request-media-type-added',
    level: 'info',
    scope: 'operation',
    description: 'The request body accepts a new media type.',
    check: (c) =>
      c.oldRequest && c.newRequest
        ? mediaTypeChanges(c.oldRequest.content, c.newRequest.content, 'request', 'added')
        : [],
  },
  {
    id: 'request-media-type-removed',
    level: 'breaking',
    scope: 'operation',
    description: 'The request body no longer accepts a media type clients may send.',
    check: (c) =>
      c.oldRequest && c.newRequest
        ? mediaTypeChanges(c.oldRequest.content, c.newRequest.content, 'request', 'removed')
        : [],
  },
  {
    id: 'response-status-added',
    level: 'info',
    scope: 'operation',
    description: 'A new documented response status.',
    check: (c) =>
      changedKeys(Object.keys(c.oldResponses), Object.keys(c.newResponses), 'added').map((s) => ({
        location: `response[${s}]`,
        message: `response status ${s} added`,
      })),
  },
  {
    id: 'response-success-status-removed',
    level: 'breaking',
    scope: 'operation',
    description: 'A 2xx status disappeared: clients expecting it get something else.',
    check: (c) =>
      statusesRemoved(c)
        .filter(isSuccess)
        .map((s) => ({ location: `response[${s}]`, message: `success status ${s} removed` })),
  },
  {
    id: 'response-error-status-removed',
    level: 'warning',
    scope: 'operation',
    description: 'A non-2xx status disappeared from the documentation.',
    check: (c) =>
      statusesRemoved(c)
        .filter((s) => !isSuccess(s))
        .map((s) => ({ location: `response[${s}]`, message: `status ${s} removed` })),
  },
  {
    id: 'response-body-added',
    level: 'info',
    scope: 'operation',
    description: 'A 2xx response that had no documented body now has one.',
    check: (c) =>
      bodiesDocumented(c)
        .filter(isSuccess)
        .map((s) => ({
          location: `response[${s}].body`,
          message: `body documented (${sortedKeys(c.newResponses[s]!.content).join(', ')})`,
        })),
  },
  {
    id: 'response-error-bodies-added',
    level: 'info',
    scope: 'operation',
    description:
      'Error responses that had no documented body now have one. One finding per operation: newer page generations document the error body of every status, and one line per status would bury the real changes.',
    check: (c) => {
      const statuses = bodiesDocumented(c).filter((s) => !isSuccess(s));
      return statuses.length ? one('responses', `error bodies documented for ${statuses.join(', ')}`) : [];
    },
  },
  {
    id: 'response-success-body-removed',
    level: 'breaking',
    scope: 'operation',
    description: 'A 2xx response lost its body: clients reading it get nothing.',
    check: (c) =>
      bodiesRemoved(c)
        .filter(isSuccess)
        .map((s) => ({ location: `response[${s}].body`, message: 'body removed' })),
  },
  {
    id: 'response-error-body-removed',
    level: 'warning',
    scope: 'operation',
    description: 'A non-2xx response lost its documented body.',
    check: (c) =>
      bodiesRemoved(c)
        .filter((s) => !isSuccess(s))
        .map((s) => ({ location: `response[${s}].body`, message: 'body removed' })),
  },
  {
    id: 'response-media-type-added',
    level: 'info',
    scope: 'operation',
    description: 'A response can come in a new media type.',
    check: (c) =>
      sharedStatuses(c).flatMap((s) =>
        mediaTypeChanges(c.oldResponses[s]!.content, c.newResponses[s]!.content, `response[${s}]`, 'added'),
      ),
  },
  {
    id: 'response-media-type-removed',
    level: 'breaking',
    scope: 'operation',
    description: 'A response no longer comes in a media type clients parse.',
    check: (c) =>
      sharedStatuses(c).flatMap((s) =>
        mediaTypeChanges(c.oldResponses[s]!.content, c.newResponses[s]!.content, `response[${s}]`, 'removed'),
      ),
  },
  {
    id: 'response-error-code-added',
    level: 'warning',
    scope: 'operation',
    description: 'The operation documents a new error code: clients may meet a code they do not handle.',
    check: (c) => operationErrorCodes(c, 'added'),
  },
  {
    id: 'response-error-codes-documented',
    level: 'info',
    scope: 'operation',
    description:
      'An operation that listed no error codes now lists some: the page gained the list, one finding, not one per code.',
    check: (c) =>
      c.oldErrorCodes.size === 0 && c.newErrorCodes.size
        ? one('error-codes', `error codes documented: ${[...c.newErrorCodes.keys()].sort().join(', ')}`)
        : [],
  },
  {
    id: 'response-error-codes-undocumented',
    level: 'info',
    scope: 'operation',
    description: 'An operation no longer lists any error code.',
    check: (c) =>
      c.oldErrorCodes.size && c.newErrorCodes.size === 0
        ? one('error-codes', `error codes no longer documented (were ${[...c.oldErrorCodes.keys()].sort().join(', ')})`)
        : [],
  },
  {
    id: 'response-error-code-removed',
    level: 'info',
    scope: 'operation',
    description: 'The operation no longer documents an error code.',
    check: (c) => operationErrorCodes(c, 'removed'),
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Schema rules, run at every paired schema node (request bodies, parameters, response bodies, recursively)

const schemaRules: Rule[] = [
  ...both(
    'property-removed',
    { request: 'warning', response: 'breaking' },
    'A property disappeared (responses: clients read it; requests: typed callers set it).',
    (c) => {
      const props = propertiesOf(c);
      if (!props) return [];
      return changedKeys(Object.keys(props.old), Object.keys(props.new), 'removed').map((name) => ({
        location: `${c.location}.${name}`,
        message: `property '${name}' removed`,
      }));
    },
  ),
  {
    id: 'request-required-property-added',
    level: 'breaking',
    scope: 'schema',
    direction: 'request',
    description: 'A new required request property: existing calls lack it.',
    check: (c) => addedProperties(c, true),
  },
  {
    id: 'request-optional-property-added',
    level: 'info',
    scope: 'schema',
    direction: 'request',
    description: 'A new optional request property.',
    check: (c) => addedProperties(c, false),
  },
  {
    id: 'response-property-added',
    level: 'info',
    scope: 'schema',
    direction: 'response',
    description: 'A new response property.',
    check: (c) => addedProperties(c, 'any'),
  },
  ...both(
    'property-became-required',
    { request: 'breaking', response: 'info' },
    'An optional property became required.',
    (c) => requiredFlip(c, true),
  ),
  ...both(
    'property-became-optional',
    { request: 'info', response: 'breaking' },
    'A required property became optional (responses: clients may now get undefined).',
    (c) => requiredFlip(c, false),
  ),
  ...both('type-changed', { request: 'breaking', response: 'breaking' }, 'The type changed.', (c) =>
    typesChanged(c) ? one(c.location, `type changed from ${typeName(c.old)} to ${typeName(c.new)}`) : [],
  ),
  ...both(
    'format-changed',
    { request: 'warning', response: 'warning' },
    'The format changed (int32 → int64, …).',
    (c) =>
      !typesChanged(c) && c.old.format !== c.new.format
        ? one(c.location, `format changed from ${c.old.format ?? 'none'} to ${c.new.format ?? 'none'}`)
        : [],
  ),
  ...both(
    'became-nullable',
    { request: 'info', response: 'breaking' },
    'null became allowed (responses: clients may now get null).',
    (c) => (!c.old.nullable && c.new.nullable ? one(c.location, 'became nullable') : []),
  ),
  ...both(
    'became-not-nullable',
    { request: 'breaking', response: 'info' },
    'null is no longer allowed (requests: callers sending null fail).',
    (c) => (c.old.nullable && !c.new.nullable ? one(c.location, 'became not nullable') : []),
  ),
  ...both(
    'enum-value-added',
    { request: 'info', response: 'warning' },
    'An enum value added (responses: clients may meet a value they do not handle).',
    (c) => enumValues(c, 'added'),
  ),
  ...both(
    'enum-value-removed',
    { request: 'breaking', response: 'info' },
    'An enum value removed (requests: callers sending it fail).',
    (c) => enumValues(c, 'removed'),
  ),
  ...both('enum-added', { request: 'breaking', response: 'info' }, 'A free value became restricted to an enum.', (c) =>
    !c.old.enum && c.new.enum ? one(c.location, `restricted to enum ${show(c.new.enum)}`) : [],
  ),
  ...both('enum-removed', { request: 'info', response: 'warning' }, 'An enum restriction was lifted.', (c) =>
    c.old.enum && !c.new.enum ? one(c.location, `enum ${show(c.old.enum)} no longer enforced`) : [],
  ),
  ...both('pattern-changed', { request: 'warning', response: 'info' }, 'The pattern changed.', (c) =>
    c.old.pattern !== c.new.pattern
      ? one(c.location, `pattern changed from ${show(c.old.pattern ?? null)} to ${show(c.new.pattern ?? null)}`)
      : [],
  ),
  ...both(
    'default-changed',
    { request: 'warning', response: 'info' },
    'The default changed (requests: omitting the value now means something else).',
    (c) =>
      (c.old.hasDefault || c.new.hasDefault) && show(c.old.default) !== show(c.new.default)
        ? one(
            c.location,
            `default changed from ${c.old.hasDefault ? show(c.old.default) : 'none'} to ${c.new.hasDefault ? show(c.new.default) : 'none'}`,
          )
        : [],
  ),
  // Bounds: tightened breaks requests (values once valid are refused), loosened surprises responses.
  ...BOUND_KEYWORDS.flatMap(({ keyword, kind }) => [
    ...both(`${kebab(keyword)}-tightened`, { request: 'breaking', response: 'info' }, `${keyword} tightened.`, (c) =>
      boundFindings(c, keyword, kind, 'tightened'),
    ),
    ...both(`${kebab(keyword)}-loosened`, { request: 'info', response: 'warning' }, `${keyword} loosened.`, (c) =>
      boundFindings(c, keyword, kind, 'loosened'),
    ),
  ]),
];

export const RULES: readonly Rule[] = [...documentRules, ...operationRules, ...schemaRules];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
