// Issue 11 §5: generated validators cap the depth they follow, so a cyclic or absurdly deep value is an issue,
// not "Maximum call stack size exceeded".
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generatePackage } from '../../generator/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'hwdocs-depth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A tree type: a node holds child nodes (the shape of menus, org charts, nested groups in the docs). */
const spec = {
  openapi: '3.1.0',
  info: { title: 'tree', version: '1' },
  servers: [{ url: 'https://tree.example.com' }],
  paths: {},
  components: {
    schemas: {
      Node: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          children: { type: 'array', items: { $ref: '#/components/schemas/Node' } },
        },
        required: ['name'],
      },
    },
  },
};

describe('generated validators and deep values', async () => {
  writeFileSync(join(dir, 'tree.json'), JSON.stringify(spec));
  await generatePackage(join(dir, 'tree.json'), join(dir, 'out'), { name: 'tree' });
  const { tsImport } = await import('tsx/esm/api');
  const validators = (await tsImport(pathToFileURL(join(dir, 'out/validators.ts')).href, import.meta.url)) as {
    MAX_VALIDATION_DEPTH: number;
    validateNode(value: unknown): { path: string; keyword: string }[];
    isNode(value: unknown): boolean;
  };
  const nested = (levels: number) => {
    let node: { name: string; children: unknown[] } = { name: 'leaf', children: [] };
    for (let i = 0; i < levels; i++) node = { name: `n${i}`, children: [node] };
    return node;
  };

  it('accepts a value nested below the limit', () => {
    expect(validators.validateNode(nested(validators.MAX_VALIDATION_DEPTH - 2))).toEqual([]);
    expect(validators.isNode(nested(10))).toBe(true);
  });

  it('reports a value nested beyond the limit as one maxDepth issue instead of overflowing the stack', () => {
    const issues = validators.validateNode(nested(100_000));
    expect(issues.map((i) => i.keyword)).toEqual(['maxDepth']);
    expect(validators.isNode(nested(100_000))).toBe(false);
  });

  it('stops on a cyclic value', () => {
    const cyclic: { name: string; children: unknown[] } = { name: 'loop', children: [] };
    cyclic.children.push(cyclic);
    expect(validators.validateNode(cyclic).map((i) => i.keyword)).toEqual(['maxDepth']);
    expect(validators.isNode(cyclic)).toBe(false);
    // The counter unwinds: a normal value validates normally afterwards.
    expect(validators.validateNode(nested(3))).toEqual([]);
  });
});
