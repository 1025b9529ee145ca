// The generated TypeScript surface of two documents, compared: a reviewer sees a breaking *type* change even when
// the wire format is unchanged (a schema name that now means another shape, a method that was renamed or now calls
// another operation). Names come from the generator's own model (generator/model.ts), so the diff sees exactly the
// names `hwdocs generate` would export.
import { buildServiceModel, schemaRefName, type OperationModel, type ServiceModel } from '../generator/model.ts';
import type { JsonObject } from '../generator/spec/json.ts';
import { erasePlaceholders } from './operations.ts';
import type { Hit, Level, OpenApiDoc } from './types.ts';

/** The surface rules: id, level, meaning (listed by `hwdocs diff --rules` readers in diff/README.md). */
export const SURFACE_RULES: readonly { id: string; level: Level; summary: string }[] = [
  {
    id: 'ts-type-repointed',
    level: 'breaking',
    summary: 'an exported type name now names a different schema (its old shape lives under another name)',
  },
  { id: 'ts-type-renamed', level: 'breaking', summary: 'a schema kept its shape but its exported type name changed' },
  {
    id: 'ts-type-removed',
    level: 'breaking',
    summary: 'an exported type name is gone and its shape is not exported under another name',
  },
  {
    id: 'ts-method-renamed',
    level: 'breaking',
    summary: 'the client method of an operation changed name or version namespace',
  },
  { id: 'ts-method-repointed', level: 'breaking', summary: 'a client method name now calls a different operation' },
  {
    id: 'ts-operation-types-renamed',
    level: 'breaking',
    summary: "an operation's <Stem>Args / Result / Error / ErrorCode types changed name",
  },
];

const LEVEL = new Map(SURFACE_RULES.map((r) => [r.id, r.level]));

/** Keys that document a schema without changing its TypeScript type. */
const DOC_ONLY = new Set([
  'description',
  'example',
  'examples',
  'title',
  'x-source',
  'x-doc-type',
  '$comment',
  'externalDocs',
]);

/** A schema's shape as text: documentation dropped, keys sorted, `$ref`s replaced by the exported name they reach. */
function shapeOf(schema: unknown, typeNameOf: ReadonlyMap<string, string>): string {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value !== 'object' || value === null) return value;
    const record = value as Record<string, unknown>;
    if (typeof record.$ref === 'string') {
      const name = schemaRefName(record.$ref);
      return { $ref: name === undefined ? record.$ref : (typeNameOf.get(name) ?? name) };
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(record).sort()) if (!DOC_ONLY.has(key)) out[key] = walk(record[key]);
    return out;
  };
  return JSON.stringify(walk(schema));
}

/** `GET /v2/{}/lbs/{}`: an operation's identity with parameter names erased (as the wire diff matches them). */
const identity = (op: OperationModel) => `${op.method} ${erasePlaceholders(op.path)}`;

/** `client.v3.listListeners` (or `client.listListeners` for an operation without a version). */
function callOf(service: ServiceModel, op: OperationModel): string {
  const version = service.versions.find((v) => v.operations.includes(op));
  return version ? `client.${version.key}.${op.versionMethodName}` : `client.${op.versionMethodName}`;
}

interface Surface {
  service: ServiceModel;
  /** Exported type name → shape. */
  types: Map<string, string>;
  /** Operation identity → the operation. */
  operations: Map<string, OperationModel>;
  /** Call path → operation identity. */
  calls: Map<string, string>;
}

function surfaceOf(doc: OpenApiDoc): Surface {
  const service = buildServiceModel(doc as JsonObject);
  const typeNameOf = new Map(service.schemas.map((s) => [s.name, s.typeName]));
  const types = new Map(service.schemas.map((s) => [s.typeName, shapeOf(s.schema, typeNameOf)]));
  const operations = new Map(service.operations.map((op) => [identity(op), op]));
  const calls = new Map(service.operations.map((op) => [callOf(service, op), identity(op)]));
  return { service, types, operations, calls };
}

function hit(id: string, operation: string, location: string, message: string): Hit {
  return { id, level: LEVEL.get(id)!, operation, location, message };
}

/** Every exported name that changed meaning between `oldDoc` and `newDoc` (unsorted; the engine sorts). */
export function surfaceHits(oldDoc: OpenApiDoc, newDoc: OpenApiDoc): Hit[] {
  const before = surfaceOf(oldDoc);
  const after = surfaceOf(newDoc);
  const hits: Hit[] = [];
  const namesByShape = (types: Map<string, string>) => {
    const out = new Map<string, string[]>();
    for (const [name, shape] of types) out.set(shape, [...(out.get(shape) ?? []), name]);
    return out;
  };
  const oldByShape = namesByShape(before.types);
  const newByShape = namesByShape(after.types);

  for (const [name, oldShape] of before.types) {
    const newShape = after.types.get(name);
    const movedTo = (newByShape.get(oldShape) ?? []).filter((n) => n !== name);
    if (newShape === undefined) {
      if (movedTo.length)
        hits.push(
          hit(
            'ts-type-renamed',
            '',
            `type ${name}`,
            `type ${name} is now exported as ${movedTo.join(', ')} (same shape)`,
          ),
        );
      else hits.push(hit('ts-type-removed', '', `type ${name}`, `type ${name} is no longer exported`));
    } else if (newShape !== oldShape) {
      // Changed in place is the wire diff's business; a name that now means what another name meant is ours.
      const cameFrom = (oldByShape.get(newShape) ?? []).filter((n) => n !== name);
      if (movedTo.length || cameFrom.length) {
        const parts = [
          movedTo.length ? `its old shape is now ${movedTo.join(', ')}` : '',
          cameFrom.length ? `it now has the shape ${cameFrom.join(', ')} had` : '',
        ].filter(Boolean);
        hits.push(
          hit('ts-type-repointed', '', `type ${name}`, `type ${name} names a different schema: ${parts.join('; ')}`),
        );
      }
    }
  }

  for (const [id, oldOp] of before.operations) {
    const newOp = after.operations.get(id);
    if (!newOp) continue; // a removed operation is the wire diff's finding
    const [oldCall, newCall] = [callOf(before.service, oldOp), callOf(after.service, newOp)];
    if (oldCall !== newCall)
      hits.push(hit('ts-method-renamed', id, `method ${oldCall}`, `${oldCall}() is now ${newCall}()`));
    if (oldOp.typeStem !== newOp.typeStem) {
      hits.push(
        hit(
          'ts-operation-types-renamed',
          id,
          `types ${oldOp.typeStem}*`,
          `${oldOp.typeStem}Args/Result/Error/ErrorCode are now ${newOp.typeStem}Args/Result/Error/ErrorCode`,
        ),
      );
    }
  }
  for (const [call, oldId] of before.calls) {
    const newId = after.calls.get(call);
    if (newId !== undefined && newId !== oldId)
      hits.push(hit('ts-method-repointed', newId, `method ${call}`, `${call}() called ${oldId}, now calls ${newId}`));
  }
  return hits;
}
