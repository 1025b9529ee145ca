// Pure parts of `hwdocs verify` and of the spec builder's doc-following types, as [given, want] tables.
import { describe, expect, it } from 'vitest';
import { pointerAt, toLiteral } from '../../verify/literal.ts';
import { contradictionsByExample, explains, passRate } from '../../verify/index.ts';
import { collectExamples, isJsonMediaType } from '../../verify/examples.ts';
import {
  enumType,
  isTransportHeader,
  nullable,
  nullKey,
  nullsShownByExamples,
  queryArrayItems,
  typedEnum,
} from '../../scraper/openapi/docs-types.ts';
import { UNPARSED_EXAMPLE_NOTE } from '../../scraper/openapi/build.ts';
import { boundBroken, contradictions } from '../../scraper/interpret/check-examples.ts';
import type { Constraints, FieldModel, ServiceModel, TypeRef } from '../../scraper/model.ts';

describe('toLiteral + pointerAt: a diagnostic offset names the JSON Pointer it is about', () => {
  const value = { a: [1, { 'b/c': null }], 'd~': 'x', e: -2.5, f: true, g: {} };
  const { text, spans } = toLiteral(value);
  it('writes TypeScript that evaluates to the same value', () => {
    expect(new Function(`return (${text});`)()).toEqual(value);
  });
  it.each([
    ['"a"', '/a'],
    ['1,', '/a/0'],
    ['"b/c"', '/a/1/b~1c'],
    ['null', '/a/1/b~1c'],
    ['"d~"', '/d~0'],
    ['-2.5', '/e'],
    ['{}', '/g'],
  ])('offset of %s → %s', (needle, pointer) => {
    expect(pointerAt(spans, text.indexOf(needle))).toBe(pointer);
  });
  it('outside every span → the root', () => expect(pointerAt(spans, text.length + 5)).toBe(''));
  it.each([
    [10n ** 20n, '100000000000000000000'],
    [Number.NaN, 'null'],
    [undefined, 'null'],
    ['\u2028"', '"\u2028\\""'],
  ])('scalar %s → %s', (given, want) => expect(toLiteral(given).text).toBe(want));
});

describe('documented contradictions explain failures at, inside or around their pointer', () => {
  it.each([
    ['/a/b', '/a/b', true],
    ['/a', '/a/b', true],
    ['/a/b', '/a', true], // a missing required field is reported at its object by the validators
    ['/items/0/x', '/items/3/x', true], // the report folds repeats onto the first index
    ['/', '/x/y', true],
    ['/a/b', '/a/c', false],
    ['/ab', '/a', false],
  ])('contradiction %s, failure %s → %s', (c, f, want) => expect(explains(c, f)).toBe(want));

  it('reads the report entries check-examples writes', () => {
    const map = contradictionsByExample([
      {
        section: 'request example of CreateX',
        table: 'example 1',
        row: '/name',
        reason: 'example contradicts the documented schema: /name is integer, documented as string',
      },
      {
        section: 'response 201 example of CreateX',
        table: 'example 2',
        row: '/',
        reason: 'example contradicts the documented schema: / is array, documented as X object',
      },
      { section: 'request example of CreateX', table: 'example 1', row: '/x', reason: 'unrelated note' },
    ]);
    expect([...map.keys()].map((k) => k.split('\u0000'))).toEqual([
      ['CreateX', 'request', '1'],
      ['CreateX', '201', '2'],
    ]);
    expect(map.get(['CreateX', 'request', '1'].join('\u0000'))).toEqual([
      { pointer: '/name', text: '/name is integer, documented as string' },
    ]);
  });

  it.each([
    [{ total: 10, passed: 9, contradicted: 0, failed: 1 }, 90],
    [{ total: 10, passed: 8, contradicted: 2, failed: 0 }, 100],
    [{ total: 0, passed: 0, contradicted: 0, failed: 0 }, 100],
  ])('pass rate of %o is %d %%', (tally, want) => expect(passRate(tally)).toBe(want));
});

describe('collectExamples', () => {
  it.each([
    ['application/json', true],
    ['application/json;charset=UTF-8', true],
    ['application/merge-patch+json', true],
    ['application/octet-stream', false],
    ['text/plain', false],
  ])('%s is JSON: %s', (mt, want) => expect(isJsonMediaType(mt)).toBe(want));

  it('takes request and 2xx response examples in example order; unparsed text and non-JSON media are set aside', () => {
    const doc = {
      paths: {
        '/x': {
          post: {
            operationId: 'CreateX',
            'x-source': { file: 'a.md' },
            requestBody: {
              content: {
                'application/json': {
                  examples: {
                    example2: { value: { b: 2 } },
                    example10: { value: { c: 3 } },
                    example1: { value: { a: 1 } },
                  },
                },
              },
            },
            responses: {
              '201': {
                content: {
                  'application/json': {
                    examples: {
                      example1: { value: [] },
                      example2: { description: UNPARSED_EXAMPLE_NOTE, value: '{ broken' },
                    },
                  },
                },
              },
              '400': { content: { 'application/json': { examples: { example1: { value: { error_code: 'E' } } } } } },
            },
          },
          put: {
            operationId: 'PutX',
            requestBody: { content: { 'application/octet-stream': { examples: { example1: { value: 'bytes' } } } } },
            responses: {},
          },
        },
      },
    };
    const got = collectExamples(doc);
    expect(got.requests.map((e) => [e.operationId, e.name, e.value, e.file])).toEqual([
      ['CreateX', 'example1', { a: 1 }, 'a.md'],
      ['CreateX', 'example2', { b: 2 }, 'a.md'],
      ['CreateX', 'example10', { c: 3 }, 'a.md'],
    ]);
    expect(got.responses.map((e) => [e.status, e.index, e.value])).toEqual([['201', 1, []]]);
    expect(got.notJson.map((e) => `${e.operationId} ${e.kind} ${e.name}`)).toEqual([
      'PutX request example1',
      'CreateX response example2',
    ]); // methods in path-item order: put before post
  });
});

describe('doc-following schema pieces (scraper/openapi/docs-types.ts)', () => {
  it.each([
    ['header', 'X-Auth-Token', true],
    ['header', 'x-auth-token', true],
    ['header', ' Content-Type ', true],
    ['header', 'X-Sdk-Date', true],
    ['header', 'X-Project-Id', true],
    ['header', 'authorization', true],
    ['header', 'Accept', true],
    ['header', 'X-Language', false],
    ['query', 'Authorization', false],
  ])('%s %s is a transport header: %s', (location, name, want) => expect(isTransportHeader(location, name)).toBe(want));

  it.each([
    [['A', 'B'], 'string'],
    [[1, 2], 'integer'],
    [[1, 2.5], 'number'],
    [[true, false], 'boolean'],
    [['1', 2], undefined],
    [[null, 'a'], 'string'],
  ])('enum %j has type %s', (values, want) => expect(enumType(values)).toBe(want));

  it.each([
    [
      { type: 'string', description: 'd' },
      { type: ['string', 'null'], description: 'd' },
    ],
    [
      { type: 'string', enum: ['A'] },
      { type: ['string', 'null'], enum: ['A', null] },
    ],
    [
      { $ref: '#/components/schemas/X', description: 'd' },
      { anyOf: [{ $ref: '#/components/schemas/X' }, { type: 'null' }], description: 'd' },
    ],
    [{ 'x-doc-type': 'Thing' }, { 'x-doc-type': 'Thing' }],
    [{ type: ['string', 'null'] }, { type: ['string', 'null'] }],
  ])('nullable(%j) = %j', (given, want) => expect(nullable(given)).toEqual(want));

  it.each([
    [
      { 'x-doc-type': 'Enum', enum: ['a', 'b'] },
      { type: 'string', 'x-doc-type': 'Enum', enum: ['a', 'b'] },
    ],
    [
      { type: 'string', enum: ['a'] },
      { type: 'string', enum: ['a'] },
    ],
    [{ enum: ['a', 1] }, { enum: ['a', 1] }],
  ])('typedEnum(%j) = %j', (given, want) => expect(typedEnum(given)).toEqual(want));

  it.each([
    [
      { type: 'array', items: { 'x-doc-type': 'Array' } },
      { type: 'array', items: { type: 'string', 'x-doc-type': 'Array' } },
    ],
    [
      { type: 'array', items: {} },
      { type: 'array', items: { type: 'string' } },
    ],
    [
      { type: 'array', items: { type: 'integer' } },
      { type: 'array', items: { type: 'integer' } },
    ],
    [{ type: 'string' }, { type: 'string' }],
  ])('queryArrayItems(%j) = %j', (given, want) => expect(queryArrayItems(given)).toEqual(want));
});

describe("check-examples reports an example value outside its field's documented enum (so verify can list it)", () => {
  const schemas = new Map([
    [
      'Hc',
      {
        name: 'Hc',
        source: { file: 'x.md' },
        fields: [
          {
            name: 'protocol',
            docType: 'String',
            type: { kind: 'primitive', type: 'string' },
            required: true,
            description: '',
            constraints: { enum: ['TCP', 'HTTP'] },
          },
        ],
      },
    ],
  ]) as never;
  it.each([
    [{ protocol: 'HTTP' }, []],
    [{ protocol: null }, []],
    [{ protocol: 'http' }, [{ pointer: '/protocol', problem: 'is "http", not one of the documented values' }]],
  ])('%j → %j', (value, want) => expect(contradictions(value, { kind: 'ref', name: 'Hc' }, schemas)).toEqual(want));
});

describe("check-examples reports an example value outside its field's documented length or range", () => {
  // zh-md/cph/查询带宽信息.md: `带宽ID，不超过32个字节。` beside example ids of 36 characters.
  const cases: [string, unknown, Constraints, string | undefined][] = [
    // [what, given value, given constraints, want problem]
    [
      'a 36-character id over maxLength 32',
      '8b85d44b-ac6f-48fb-bbab-e876e9c3502a',
      { maxLength: 32 },
      'is 36 characters long, documented as at most 32',
    ],
    ['within the length', 'abc', { minLength: 1, maxLength: 32 }, undefined],
    ['code points, not UTF-16 units', '𠀀𠀀', { maxLength: 2 }, undefined],
    ['under minLength', '', { minLength: 1 }, 'is 0 characters long, documented as at least 1'],
    ['over maximum', 501, { minimum: 0, maximum: 500 }, 'is 501, documented as at most 500'],
    ['under minimum', -1, { minimum: 0 }, 'is -1, documented as at least 0'],
    ['a bigint within range', 10n ** 20n, { minimum: 0 }, undefined],
    ['null is "not set"', null, { minLength: 1 }, undefined],
    ['a number has no length', 12345, { maxLength: 2 }, undefined],
  ];
  it.each(cases)('%s', (_what, value, c, want) => expect(boundBroken(value, c)).toBe(want));
});

describe('nullsShownByExamples: a null in an example makes its field accept null, whatever shape the body has', () => {
  // zh-md/swr/查询镜像tag列表.md and 查询镜像仓库tag列表.md document one route (two bodies → variants); both examples
  // show `"deleted": null` beside a String row.
  const field = (name: string): FieldModel => ({
    name,
    docType: 'String',
    type: { kind: 'primitive', type: 'string' },
    required: false,
    description: '',
    constraints: {},
  });
  const tag = (name: string) => ({ name, fields: [field('Tag'), field('deleted')], source: { file: `${name}.md` } });
  const arrayOf = (name: string): TypeRef => ({ kind: 'array', items: { kind: 'ref', name } });
  const modelWith = (body: TypeRef): ServiceModel => ({
    service: 's',
    schemas: new Map([
      ['A', tag('A')],
      ['B', tag('B')],
    ]),
    errorCodes: [],
    operations: [
      {
        operationId: 'ListTags',
        method: 'get',
        path: '/tags',
        summary: '',
        description: '',
        tags: [],
        parameters: [],
        errorCodes: [],
        source: { file: 'A.md' },
        responses: [
          { status: '200', description: '', body, examples: [{ text: '', value: [{ Tag: 'v1', deleted: null }] }] },
        ],
      },
    ],
  });
  const variants: TypeRef = {
    kind: 'oneOf',
    variants: [
      { type: arrayOf('A'), source: { file: 'A.md' } },
      { type: arrayOf('B'), source: { file: 'B.md' } },
    ],
  };
  it.each([
    ['an array body', arrayOf('A'), [nullKey('A', 'deleted')]],
    ['a body of variants: each variant the example fits', variants, [nullKey('A', 'deleted'), nullKey('B', 'deleted')]],
    ['a variant the example does not fit (object, not array)', { kind: 'ref', name: 'A' } as TypeRef, []],
  ])('%s', (_what, body, want) => expect([...nullsShownByExamples(modelWith(body))].sort()).toEqual(want));
});

describe('check-examples reports a list item outside the documented item bounds', () => {
  const schemas = new Map([
    [
      'Tagged',
      {
        name: 'Tagged',
        source: { file: 'x.md' },
        fields: [
          {
            name: 'tags',
            docType: 'Array of strings',
            type: { kind: 'array', items: { kind: 'primitive', type: 'string' } },
            required: false,
            description: '',
            constraints: {},
            itemConstraints: { maxLength: 3 },
          },
        ],
      },
    ],
  ]) as never;
  it.each([
    [{ tags: ['abc'] }, []],
    [{ tags: ['abc', 'abcd'] }, [{ pointer: '/tags/1', problem: 'is 4 characters long, documented as at most 3' }]],
  ])('%j → %j', (value, want) => expect(contradictions(value, { kind: 'ref', name: 'Tagged' }, schemas)).toEqual(want));
});
