// Class "specs are data" (issue 11 §2–§4) for `generate` and `diff`: no network or file access outside the
// document, bounded work on alias bombs and deep nesting, and Object.prototype names and $ref cycles handled
// with a clear error or a compiling package. Each case asserts that nothing outside its target changed.
// Bounds: the alias bomb and the deep document run in a child process capped at 200 MB of heap; the other cases
// are single small documents.
import { mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitOperations } from '../../generator/emit/client.ts';
import { emitValidators } from '../../generator/emit/validators.ts';
import { generatePackage } from '../../generator/index.ts';
import { buildServiceModel } from '../../generator/model.ts';
import { SpecProblemsError, type JsonObject } from '../../generator/spec/load.ts';
import { DiffInputError, loadDocument } from '../../diff/index.ts';
import { compile, importGenerated } from '../generator/helpers.ts';
import { HARDENING_TMP, aliasBomb, runCliBounded, treeHash } from './helpers.ts';

const DIR = join(HARDENING_TMP, 'spec-input');
let server: Server;
let hits: string[] = [];
let baseUrl = '';

beforeAll(async () => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  writeFileSync(join(DIR, 'local-secret.yaml'), 'Secret: {type: string, description: from the disk}\n');
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(200, { 'Content-Type': 'application/yaml' });
    res.end('type: string\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
});

const ok = {
  '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
};
function spec(paths: object, schemas: object, extra: object = {}): object {
  return {
    openapi: '3.1.0',
    info: { title: 'Hostile', version: '1', description: 'hostile input', license: { name: 'MIT' } },
    servers: [{ url: 'https://hostile.{region}.myhuaweicloud.com', variables: { region: { default: 'cn-north-4' } } }],
    security: [],
    paths,
    components: { schemas },
    ...extra,
  };
}
const op = (operationId: string, extra: object = {}) => ({
  operationId,
  summary: operationId,
  responses: ok,
  ...extra,
});

/** Writes the spec, runs `action`, and returns its error; the tree outside `out` must be unchanged. */
async function refused(
  name: string,
  text: string,
  action: (path: string, out: string) => Promise<unknown>,
): Promise<Error> {
  const path = join(DIR, `${name}.yaml`);
  writeFileSync(path, text);
  const out = join(DIR, `${name}-out`);
  const before = treeHash(DIR);
  hits = [];
  const error = await action(path, out).then(
    () => new Error('no error'),
    (e: unknown) => e as Error,
  );
  expect(treeHash(DIR)).toBe(before);
  expect(existsSync(out)).toBe(false);
  expect(hits).toEqual([]);
  return error;
}

describe('external $ref: refused with its location, before any fetch or read', () => {
  const table: Array<[string, () => object, RegExp]> = [
    [
      'http schema',
      () => spec({ '/a': { get: op('ShowA') } }, { Thing: { $ref: `${baseUrl}/remote.yaml` } }),
      /#\/components\/schemas\/Thing: \$ref "http:\/\/127\.0\.0\.1:\d+\/remote\.yaml" is not a local reference/,
    ],
    [
      'file on disk',
      () => spec({ '/a': { get: op('ShowA') } }, { Thing: { $ref: './local-secret.yaml#/Secret' } }),
      /Thing: \$ref ".\/local-secret.yaml#\/Secret" is not a local reference/,
    ],
    [
      'absolute path',
      () => spec({ '/a': { get: op('ShowA') } }, { Thing: { $ref: '/etc/passwd' } }),
      /\$ref "\/etc\/passwd" is not a local reference/,
    ],
    [
      'parameter',
      () =>
        spec(
          { '/a': { get: op('ShowA', { parameters: [{ $ref: `${baseUrl}/p.yaml` }] }) } },
          { Thing: { type: 'object' } },
        ),
      /#\/paths\/~1a\/get\/parameters\/0: \$ref/,
    ],
    // Example objects are not scanned (their values are data); the linter's resolver refuses to load them.
    [
      'example object',
      () =>
        spec(
          {
            '/a': {
              get: op('ShowA', {
                responses: {
                  '200': {
                    description: 'ok',
                    content: { 'application/json': { examples: { e: { $ref: `${baseUrl}/e.yaml` } } } },
                  },
                },
              }),
            },
          },
          { Thing: { type: 'object' } },
        ),
      /refused|resolve/i,
    ],
  ];
  for (const [name, build, message] of table) {
    it(`generate: ${name}`, async () => {
      const error = await refused(`ext-${name.replace(/ /g, '-')}`, JSON.stringify(build()), (path, out) =>
        generatePackage(path, out),
      );
      expect(error).toBeInstanceOf(SpecProblemsError);
      expect(error.message).toMatch(message);
    });
  }
});

describe('alias bombs and deep nesting: a clear error, bounded (child process capped at 200 MB)', () => {
  it('generate: a YAML alias bomb', () => {
    writeFileSync(join(DIR, 'bomb.yaml'), aliasBomb());
    const before = treeHash(DIR);
    const run = runCliBounded(['generate', 'bomb.yaml', '-o', 'bomb-out'], DIR);
    expect(run.stderr).toMatch(/expands to more than \d+ nodes/);
    expect(run.code).toBe(2);
    expect(treeHash(DIR)).toBe(before);
  }, 180_000);
  it('diff: a YAML alias bomb', () => {
    writeFileSync(join(DIR, 'bomb.yaml'), aliasBomb());
    const before = treeHash(DIR);
    const run = runCliBounded(['diff', 'bomb.yaml', 'bomb.yaml'], DIR);
    expect(run.stderr).toMatch(/alias/);
    expect(run.code).toBe(2);
    expect(treeHash(DIR)).toBe(before);
  }, 180_000);
  it('generate and diff: 20 000 levels of nesting', async () => {
    const deep = JSON.stringify(spec({ '/a': { get: op('ShowA') } }, { Thing: { type: 'object' } })).replace(
      /}$/,
      `, "x-deep": ${'['.repeat(20_000)}${']'.repeat(20_000)}}`,
    );
    const error = await refused('deep', deep, (path, out) => generatePackage(path, out));
    expect(error).toBeInstanceOf(SpecProblemsError);
    expect(error.message).toMatch(/cannot parse the document|nests deeper/);
    expect(() => loadDocument(join(DIR, 'deep.yaml'))).toThrow(DiffInputError);
  }, 180_000);
  it('a 300-level document is refused by depth, with the limit named', async () => {
    let nested: unknown = 'leaf';
    for (let i = 0; i < 300; i++) nested = { a: nested };
    const text = JSON.stringify(
      spec({ '/a': { get: op('ShowA') } }, { Thing: { type: 'object' } }, { 'x-deep': nested }),
    );
    const error = await refused('deep300', text, (path, out) => generatePackage(path, out));
    // Redocly's parser stops at 100 levels itself; the diff loader's parser needs MAX_DOCUMENT_DEPTH.
    expect(error.message).toMatch(/nesting exceeded maxDepth|MAX_DOCUMENT_DEPTH/);
    expect(() => loadDocument(join(DIR, 'deep300.yaml'))).toThrow(/MAX_DOCUMENT_DEPTH/);
  });
});

describe('$ref cycles and Object.prototype names', () => {
  it('a $ref cycle is one clear problem, not a stack from the linter', async () => {
    const text = JSON.stringify(
      spec(
        { '/a': { get: op('ShowA') } },
        { Thing: { $ref: '#/components/schemas/Other' }, Other: { $ref: '#/components/schemas/Thing' } },
      ),
    );
    const error = await refused('cycle', text, (path, out) => generatePackage(path, out));
    expect(error).toBeInstanceOf(SpecProblemsError);
    expect((error as SpecProblemsError).problems).toEqual([
      '#/paths/~1a/get/responses/200/content/application~1json/schema: $ref cycle #/components/schemas/Thing → #/components/schemas/Other → #/components/schemas/Thing never reaches a schema',
    ]);
  });

  const NAMES = ['valueOf', 'hasOwnProperty', 'toString', '__proto__', 'constructor'];
  it('property, parameter, schema and operation names from Object.prototype generate a package that compiles', async () => {
    const properties = Object.fromEntries(NAMES.map((n) => [n, { type: 'string' }]));
    const doc = spec(
      {
        '/things': {
          get: op('toString', { parameters: NAMES.map((name) => ({ name, in: 'query', schema: { type: 'string' } })) }),
        },
        '/things/{id}': {
          get: op('constructor', {
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          }),
        },
      },
      { Thing: { type: 'object', required: ['valueOf'], properties }, toString: { type: 'object', properties } },
    );
    const path = join(DIR, 'proto.json');
    // JSON.stringify keeps an own `__proto__` key, as a spec file would have it.
    writeFileSync(path, JSON.stringify(doc));
    const out = join(DIR, 'proto-out');
    const before = treeHash(DIR, new Set(['proto-out']));
    await generatePackage(path, out);
    expect(treeHash(DIR, new Set(['proto-out']))).toBe(before);
    const compiled = compile(out);
    expect(compiled.output).toBe('');
    expect(compiled.status).toBe(0);
    // And it runs: optional parameters named like Object.prototype members are optional, and are sent when given.
    const pkg = await importGenerated<Record<string, any>>(out, 'index.ts');
    const client = pkg.createHostileClient({
      region: 'cn-north-4',
      endpoint: baseUrl,
      allowInsecureEndpoint: true,
      credentials: { type: 'token', token: 'tok-1234' },
      retries: 0,
    });
    hits = [];
    await client.toString_({});
    await client.toString_({ query: { toString: 'a', constructor: 'b', valueOf: 'c' } });
    expect(hits).toEqual(['/things', '/things?toString=a&constructor=b&valueOf=c']);
    expect(pkg.validateThing({}).map((issue: { keyword: string }) => issue.keyword)).toEqual(['required']);
    expect(pkg.validateThing({ valueOf: 'x' })).toEqual([]);
  }, 120_000);
});

describe('size', () => {
  // The emitters alone (formatting 10 000 operations takes minutes on a loaded machine and proves nothing here).
  it('10 000 operations: the validators emitter and the model do not overflow the stack', () => {
    const paths: Record<string, object> = {};
    for (let i = 0; i < 10_000; i++)
      paths[`/r${i}`] = {
        get: op(`Show${i}`, { parameters: [{ name: 'q', in: 'query', schema: { type: 'string', maxLength: 3 } }] }),
      };
    const doc = spec(paths, { Thing: { type: 'object', properties: { a: { type: 'string' } } } }) as JsonObject;
    const service = buildServiceModel(doc);
    expect(service.operations).toHaveLength(10_000);
    const { source } = emitValidators(doc, service);
    expect(source).toContain('show9999');
    expect(emitOperations(service)).toContain('Show9999');
  }, 120_000);
});
