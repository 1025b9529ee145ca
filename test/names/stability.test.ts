// Names are a function of the pages, not of their order or company: drop pages, reverse the rest, and every name
// both runs have still means the same schema / the same route. On the repo's fixtures always; on the shared
// corpus when ../shared is there.

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { counterNumbered, dropAndReorder, exampleNullRemoved } from './stability.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CORPUS = resolve(ROOT, '../shared/corpus');
const HAS_CORPUS = existsSync(join(CORPUS, 'zh-md'));

describe('names survive dropping and reordering pages (repo fixtures)', () => {
  const inputs = [join(ROOT, 'test/fixtures/zh-md'), join(ROOT, 'manual/apig')];
  for (const [stride, offset] of [
    [2, 0],
    [3, 1],
    [4, 3],
  ] as const) {
    it(`without every ${stride}th page from ${offset}, reversed`, async () => {
      const r = await dropAndReorder(inputs, ROOT, stride, offset);
      expect(r.common).toBeGreaterThan(5);
      expect(r.commonOperations).toBeGreaterThan(5);
      expect(r.changed).toEqual([]);
    }, 60_000);
  }

  it('numbers nothing by discovery order', async () => {
    const r = await dropAndReorder(inputs, ROOT, 2, 0);
    expect(counterNumbered([...r.full.schemas.keys()])).toEqual([]);
    expect(counterNumbered([...r.full.operations.keys()])).toEqual([]);
    // The measure itself sees counters: the names the scraper gave before names were contextual.
    expect(
      counterNumbered([
        'Listener',
        'Listener2',
        'Listener2_2',
        'ListListeners',
        'ListListeners2',
        'ShowJobResponse404',
      ]),
    ).toEqual(['Listener2', 'Listener2_2', 'ListListeners2']);
  }, 60_000);
});

describe.skipIf(!HAS_CORPUS)(
  'names survive dropping and reordering pages (shared corpus; skipped: ../shared/corpus absent)',
  () => {
    for (const service of ['apig', 'modelarts', 'dds', 'swr', 'bms', 'ges']) {
      it(
        service,
        async () => {
          for (const [stride, offset] of [
            [3, 0],
            [5, 2],
          ] as const) {
            const r = await dropAndReorder([join(CORPUS, 'zh-md', service)], ROOT, stride, offset);
            expect(r.commonOperations).toBeGreaterThan(5);
            expect(r.changed, `${service}, without every ${stride}th page from ${offset}`).toEqual([]);
          }
        },
        300_000,
      );
    }
  },
);

describe('null an example adds does not change what a name means', () => {
  const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
    // [what, schema, want]
    ['type list', { type: ['object', 'null'], additionalProperties: {} }, { type: 'object', additionalProperties: {} }],
    ['enum with null', { type: ['string', 'null'], enum: ['a', null] }, { type: 'string', enum: ['a'] }],
    ['anyOf around a $ref', { anyOf: [{ $ref: '#/x' }, { type: 'null' }] }, { $ref: '#/x' }],
    ['no null', { type: 'string' }, { type: 'string' }],
    [
      'another anyOf',
      { anyOf: [{ type: 'string' }, { type: 'integer' }] },
      { anyOf: [{ type: 'string' }, { type: 'integer' }] },
    ],
  ];
  it.each(cases)('%s', (_what, schema, want) => {
    expect(exampleNullRemoved(schema)).toEqual(want);
  });
});
