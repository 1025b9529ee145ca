// Names the config pins (hwdocs.config.json `names`): validated by the config schema, applied by the service
// builder, and the same whatever pages are given in whatever order.

import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config/load.ts';
import { build, dropAndReorder, outcomesOf } from './stability.ts';
import { expandInputs } from '../../scraper/index.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const INPUTS = [join(ROOT, 'test/fixtures/zh-md'), join(ROOT, 'manual/apig')];

async function configWith(names: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hwdocs-names-'));
  const file = join(dir, 'hwdocs.config.json');
  await writeFile(
    file,
    JSON.stringify({ services: [{ name: 'apig', inputs: ['pages'], spec: 'spec/apig.yaml', names }] }),
  );
  return file;
}

describe('config: names', () => {
  it('loads operation and schema pins', async () => {
    const names = {
      operations: { 'GET /v3/{project_id}/elb/listeners': 'ListListeners' },
      schemas: { Listener_3fa2c1: 'Listener' },
    };
    const config = await loadConfig(await configWith(names));
    expect(config.services[0]!.names).toEqual(names);
  });

  const bad: [string, unknown, RegExp][] = [
    ['a route without a method', { operations: { '/v3/x': 'X' } }, /names\/operations\/\/v3\/x.*\(key\)/],
    ['an operation name that is no identifier', { operations: { 'GET /x': 'list listeners' } }, /does not match/],
    ['a schema name that is not a string', { schemas: { Listener2: 3 } }, /must be string/],
    ['an unknown kind of name', { parameters: {} }, /unknown setting/],
  ];
  for (const [what, names, problem] of bad)
    it(`rejects ${what}`, async () => {
      const load = loadConfig(await configWith(names));
      await expect(load).rejects.toThrow(ConfigError);
      await expect(load).rejects.toThrow(problem);
    });
});

describe('pinned names', () => {
  it('name what they pin, survive dropping and reordering pages, and push clashing names aside', async () => {
    const outcomes = await outcomesOf(await expandInputs(INPUTS), ROOT);
    const plain = build(outcomes);
    // Pin one operation by its route (placeholder names spelt differently) and one schema by its generated name.
    const [path, item] = Object.entries(plain.paths as Record<string, Record<string, { operationId: string }>>).find(
      ([p]) => p.includes('throttles'),
    )!;
    const [method, operation] = Object.entries(item)[0]!;
    const route = `${method.toUpperCase()} ${path.replace(/\{[^}]+\}/g, '{x}')}`;
    const schema = Object.keys(plain.components.schemas).find((n) => n !== 'ErrorMsg')!;
    const names = { operations: { [route]: 'PinnedOperation' }, schemas: { [schema]: 'ErrorMsg' } };

    const pinned = build(outcomes, { names });
    expect(pinned.paths[path][method].operationId).toBe('PinnedOperation');
    const ids = Object.values(pinned.paths as Record<string, Record<string, { operationId: string }>>).flatMap((i) =>
      Object.values(i).map((o) => o.operationId),
    );
    expect(ids.filter((id) => id === 'PinnedOperation')).toHaveLength(1);
    expect(operation.operationId).not.toBe('PinnedOperation');
    expect(pinned.components.schemas.ErrorMsg.properties).toEqual(plain.components.schemas[schema].properties);
    // The schema that had the pinned name before is still there, under another name.
    if (plain.components.schemas.ErrorMsg)
      expect(
        Object.values(pinned.components.schemas).some(
          (s: any) => JSON.stringify(s.properties) === JSON.stringify(plain.components.schemas.ErrorMsg.properties),
        ),
      ).toBe(true);

    for (const [stride, offset] of [
      [2, 1],
      [3, 0],
    ] as const) {
      const r = await dropAndReorder(INPUTS, ROOT, stride, offset, { names });
      expect(r.changed).toEqual([]);
    }
  }, 60_000);
});
