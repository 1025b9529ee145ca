// `hwdocs verify` on real pages: two APIG pages (test/fixtures/zh-md/README.md) scraped → spec → package, then the
// documented examples checked with tsc --strict and the generated validators. Also what the spec builder writes so
// that those examples hold: `default` does not make a field required, `null` shown by an example is accepted, the
// X-Auth-Token header row is not a parameter.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { main } from '../../cli/main.ts';
import { writeScrapeResult } from '../../cli/scrape-output.ts';
import { generatePackage } from '../../generator/index.ts';
import { verifySpec, type VerifyResult } from '../../verify/index.ts';
import { deref, op, scrape, ROOT, type Json } from '../scraper/helpers.ts';
import type { ScrapeResult } from '../../scraper/index.ts';

const TMP = join(ROOT, 'test/tmp/verify');
const SPEC = join(TMP, 'apig-two.openapi.yaml');
const PACKAGE = join(TMP, 'apig-two');
const EXPORT = ['/v2/{project_id}/apigw/instances/{instance_id}/openapi/export', 'post'] as const;
const PROGRESS = ['/v2/{project_id}/apigw/instances/{instance_id}/progress', 'get'] as const;

let scraped: ScrapeResult;

async function quietly<T>(fn: () => Promise<T>): Promise<{ value: T; out: string }> {
  const write = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  let out = '';
  process.stdout.write = ((chunk: string) => ((out += chunk), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => ((out += chunk), true)) as typeof process.stderr.write;
  try {
    return { value: await fn(), out };
  } finally {
    process.stdout.write = write;
    process.stderr.write = writeErr;
  }
}

/** A copy of the spec with one example replaced (`where` is the media object holding `examples`). */
async function specWith(name: string, edit: (doc: Json) => void): Promise<string> {
  const doc = parse(await readFile(SPEC, 'utf8')) as Json;
  edit(doc);
  const file = join(TMP, name);
  await writeFile(file, stringify(doc));
  return file;
}

const requestMedia = (doc: Json) => doc.paths[EXPORT[0]][EXPORT[1]].requestBody.content['application/json'];
const responseMedia = (doc: Json) => doc.paths[PROGRESS[0]][PROGRESS[1]].responses['200'].content['application/json'];

beforeAll(async () => {
  scraped = await scrape(['zh-md/apig/导出API.md', 'zh-md/apig/查看专享版实例创建进度.md'], 'apig');
  await mkdir(TMP, { recursive: true });
  await writeScrapeResult(scraped, SPEC);
  await generatePackage(SPEC, PACKAGE);
}, 240_000);

describe('the spec follows the pages', () => {
  it('X-Auth-Token is no parameter; the operation names it in x-transport-headers; the security schemes stay', () => {
    for (const [path, method] of [EXPORT, PROGRESS]) {
      const operation = op(scraped, method, path);
      expect((operation.parameters as Json[]).map((p) => `${p.in}:${p.name}`)).toEqual([
        'path:project_id',
        'path:instance_id',
      ]);
      expect(operation['x-transport-headers']).toEqual(['X-Auth-Token']);
    }
    const schemes = (scraped.document.components as Json).securitySchemes;
    expect(Object.keys(schemes).sort()).toEqual(['akskSigning', 'iamToken']);
  });

  it('a field with a documented default (`缺省值：json`, 否) stays optional', () => {
    const body = deref(scraped, op(scraped, EXPORT[1], EXPORT[0]).requestBody.content['application/json'].schema);
    expect(body.properties.type).toMatchObject({ type: 'string', default: 'json', enum: ['json', 'yaml', 'yml'] });
    expect(body.required).not.toContain('type');
  });

  it('fields the response example shows as null accept null; the others do not', () => {
    const body = deref(
      scraped,
      op(scraped, PROGRESS[1], PROGRESS[0]).responses['200'].content['application/json'].schema,
    );
    expect(body.properties.error_code.type).toEqual(['string', 'null']);
    expect(body.properties.error_msg.type).toEqual(['string', 'null']);
    expect(body.properties.progress.type).toBe('integer');
  });

  it('the generated types: `type?:` optional, `error_code?: string | null`, no X-Auth-Token argument', async () => {
    const types = await readFile(join(PACKAGE, 'types.ts'), 'utf8');
    expect(types).toMatch(/\btype\?: "json" \| "yaml" \| "yml"|\btype\?: 'json' \| 'yaml' \| 'yml'/);
    expect(types).toMatch(/error_code\?: string \| null/);
    expect(await readFile(join(PACKAGE, 'client.ts'), 'utf8')).not.toContain('X-Auth-Token');
  });
});

describe('hwdocs verify', () => {
  it('every documented example of the two pages compiles and validates', async () => {
    const result = await verifySpec(SPEC, { packageDir: PACKAGE });
    expect(result.outcomes).toEqual([]);
    expect(result.packageErrors).toEqual([]);
    expect(result.requests).toEqual({ total: 1, passed: 1, contradicted: 0, failed: 0 });
    expect(result.responses).toEqual({ total: 1, passed: 1, contradicted: 0, failed: 0 });
  }, 120_000);

  it('a wrong example fails tsc and the validator, named by operation, example, pointer and reason', async () => {
    const spec = await specWith('bad.openapi.yaml', (doc) => {
      const request = requestMedia(doc).examples.example1.value;
      request.type = 'xml'; // not in the enum
      request.unknown_field = 1; // not documented
      responseMedia(doc).examples.example1.value.progress = 'half'; // documented as integer
    });
    const result: VerifyResult = await verifySpec(spec, { packageDir: PACKAGE });
    expect(result.requests).toMatchObject({ total: 1, failed: 1 });
    expect(result.responses).toMatchObject({ total: 1, failed: 1 });
    const failures = result.outcomes.flatMap((o) =>
      o.failures.map((f) => `${o.example.operationId} ${o.example.kind} ${f.check} ${f.pointer}`),
    );
    expect(failures).toContain('ExportApiDefinitionsV2 request tsc /type');
    expect(failures).toContain('ExportApiDefinitionsV2 request validator /type');
    expect(failures).toContain('ShowDetailsOfInstanceProgressV2 response validator /progress');
    const tsc = result.outcomes.flatMap((o) => o.failures).find((f) => f.check === 'tsc')!;
    expect(tsc.reason).toMatch(/'"xml"' is not assignable/);

    // The same spec with a scrape report that says the page contradicts itself at /progress: listed, not counted.
    const report = join(TMP, 'bad.report.json');
    await writeFile(
      report,
      JSON.stringify({
        entries: [
          {
            file: 'x.md',
            section: 'response 200 example of ShowDetailsOfInstanceProgressV2',
            table: 'example 1',
            row: '/progress',
            reason: 'example contradicts the documented schema: /progress is string, documented as integer',
            severity: 'warning',
          },
        ],
      }),
    );
    const cli = await quietly(() => main(['verify', spec, '--package', PACKAGE, '--report', report]));
    expect(cli.value).toBe(1);
    expect(cli.out).toContain('FAIL ExportApiDefinitionsV2 request example1 /type: tsc:');
    expect(cli.out).toContain(
      'DOCUMENTED ShowDetailsOfInstanceProgressV2 response 200 example1: /progress is string, documented as integer',
    );
    expect(cli.out).toContain('responses: 0/0 pass (100.0 %), 0 failing, 1 documented contradictions');
    expect(cli.out).toContain('requests: 0/1 pass (0.0 %), 1 failing, 0 documented contradictions');
  }, 120_000);

  it('exit codes: 0 when all pass, 2 for usage errors', async () => {
    expect((await quietly(() => main(['verify', SPEC, '--package', PACKAGE]))).value).toBe(0);
    expect((await quietly(() => main(['verify']))).value).toBe(2);
    expect((await quietly(() => main(['verify', join(TMP, 'missing.yaml')]))).value).toBe(2);
    expect((await quietly(() => main(['verify', SPEC, '--package', TMP]))).value).toBe(2); // no types.ts there
    expect((await quietly(() => main(['verify', SPEC, '--bogus']))).value).toBe(2);
  }, 120_000);
});
