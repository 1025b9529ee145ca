// The TypeScript-surface diff (diff/surface.ts) on the scraped APIG spec (spec/apig.openapi.yaml) and edits of it
// that leave the wire format alone but change what generated names mean: [edit, want hits] table, and the hook
// into diffDocuments' report.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { surfaceHits } from '../../diff/surface.ts';
import { diffDocuments } from '../../diff/engine.ts';

const SPEC = join(fileURLToPath(new URL('../../', import.meta.url)), 'spec/apig.openapi.yaml');
const original = parse(readFileSync(SPEC, 'utf8')) as Record<string, any>;
const copy = () => structuredClone(original);
const schemas = (doc: Record<string, any>) => doc.components.schemas as Record<string, unknown>;

/** Renames a schema key and every `$ref` to it: the same document on the wire, another exported name. */
function renameSchema(doc: Record<string, any>, from: string, to: string): Record<string, any> {
  const text = JSON.stringify(doc)
    .split(JSON.stringify(`#/components/schemas/${from}`))
    .join(JSON.stringify(`#/components/schemas/${to}`));
  const out = JSON.parse(text);
  const entries = Object.entries(schemas(out)).map(([k, v]) => [k === from ? to : k, v]);
  out.components.schemas = Object.fromEntries(entries);
  return out;
}

function operation(doc: Record<string, any>, operationId: string): Record<string, any> {
  for (const item of Object.values<any>(doc.paths))
    for (const op of Object.values<any>(item)) if (op?.operationId === operationId) return op;
  throw new Error(`no ${operationId}`);
}

const [first, second] = Object.keys(schemas(original))
  .filter((name) => name.startsWith('Acl') || name.startsWith('Api'))
  .slice(0, 2) as [string, string];
const show = (hits: ReturnType<typeof surfaceHits>) => hits.map((h) => `${h.id} ${h.location}`).sort();

describe('surfaceHits', () => {
  const cases: [string, () => Record<string, any>, string[]][] = [
    ['identical documents', copy, []],
    [
      'descriptions edited: no type changes',
      () => {
        const doc = copy();
        for (const schema of Object.values<any>(schemas(doc))) schema.description = 'edited';
        return doc;
      },
      [],
    ],
    [
      'two schemas swap names: both names re-pointed',
      () => {
        const doc = copy();
        const all = schemas(doc);
        [all[first], all[second]] = [all[second], all[first]];
        return doc;
      },
      [`ts-type-repointed type ${first}`, `ts-type-repointed type ${second}`],
    ],
    [
      'a schema renamed, shape kept',
      () => renameSchema(copy(), first, `${first}Renamed`),
      [`ts-type-renamed type ${first}`],
    ],
    [
      'an operationId changes: method and per-operation types renamed',
      () => {
        const doc = copy();
        operation(doc, 'ListAclStrategiesV2').operationId = 'ListAcls';
        return doc;
      },
      [
        'ts-method-renamed method client.v2.listAclStrategiesV2',
        'ts-operation-types-renamed types ListAclStrategiesV2*',
      ],
    ],
    [
      'an official name (x-operation-name) arrives: the method is renamed, its types keep the operationId stem',
      () => {
        const doc = copy();
        operation(doc, 'ListAclStrategiesV2')['x-operation-name'] = 'ListAclPolicies';
        return doc;
      },
      ['ts-method-renamed method client.v2.listAclStrategiesV2'],
    ],
    [
      'two operations trade official names: each method name now calls the other operation',
      () => {
        const doc = copy();
        operation(doc, 'UpdateApiV2')['x-operation-name'] = 'UpdateAppV2';
        operation(doc, 'UpdateAppV2')['x-operation-name'] = 'UpdateApiV2';
        return doc;
      },
      [
        'ts-method-renamed method client.v2.updateApiV2',
        'ts-method-renamed method client.v2.updateAppV2',
        'ts-method-repointed method client.v2.updateApiV2',
        'ts-method-repointed method client.v2.updateAppV2',
      ],
    ],
  ];
  it.each(cases)('%s', (_name, edit, want) => {
    expect(show(surfaceHits(original, edit()))).toEqual(want);
  });

  it('every hit is breaking and carries a message naming old and new', () => {
    const doc = renameSchema(copy(), first, `${first}Renamed`);
    const [hit] = surfaceHits(original, doc);
    expect(hit).toMatchObject({
      level: 'breaking',
      operation: '',
      message: `type ${first} is now exported as ${first}Renamed (same shape)`,
    });
  });

  it('is part of the diff report, even where the wire diff sees nothing', () => {
    const doc = renameSchema(copy(), first, `${first}Renamed`);
    const report = diffDocuments(original, doc);
    expect(report.hits.filter((h) => h.id.startsWith('ts-')).map((h) => h.id)).toEqual(['ts-type-renamed']);
    expect(report.summary.breaking).toBeGreaterThanOrEqual(1);
  });
});
