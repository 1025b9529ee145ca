// Documents without operations (an aggregation page's schemas and error codes, e.g. ROMA) still generate a package:
// types, validators, the error enum and catalogue, index, package.json and a README that says there is no client.
// There is no client.ts and no operations.ts. A document with neither operations, schemas nor error codes is refused.
import { describe, expect, it } from 'vitest';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generatePackage, renderPackage, SpecProblemsError } from '../../generator/index.ts';
import { compile, fixture, generateFixture, importGenerated, TMP, writeReadmeExample } from './helpers.ts';

const ROMA = fixture('roma-schemas-only.openapi.yaml');

async function writeSpec(name: string, text: string): Promise<string> {
  await mkdir(join(TMP, 'specs'), { recursive: true });
  const path = join(TMP, 'specs', name);
  await writeFile(path, text);
  return path;
}

type Issue = { path: string; keyword: string; message: string };

describe('a spec with schemas and error codes but no operations (ROMA)', () => {
  it('generates types, validators, errors, index, package.json and README, and no client', async () => {
    const result = await generateFixture(ROMA, 'roma-schemas-only');
    expect(result.operations).toBe(0);
    expect(result.schemas).toBe(26);
    expect(result.errorCodes).toBe(292);
    const top = result.files.filter((f) => !f.startsWith('runtime/'));
    expect(top).toEqual([
      'README.md',
      'errors.ts',
      'index.ts',
      'package.json',
      'tsconfig.cjs.json',
      'tsconfig.json',
      'types.ts',
      'validators.ts',
    ]);

    const out = result.outDir;
    const types = await readFile(join(out, 'types.ts'), 'utf8');
    expect(types).toContain(`export type EnvInfo = components['schemas']['EnvInfo'];`);
    expect(types.match(/^export type \w+ = components\['schemas'\]/gm)).toHaveLength(26);

    const errors = await readFile(join(out, 'errors.ts'), 'utf8');
    expect(errors).toContain('export const RomaErrorCode = {');
    expect(errors).toContain('export type RomaErrorCode = (typeof RomaErrorCode)[keyof typeof RomaErrorCode];');
    expect(errors).toMatch(/: 'APIC\.7100',/);

    const index = await readFile(join(out, 'index.ts'), 'utf8');
    expect(index).not.toContain('client.js');
    expect(index).not.toContain('operations.js');
    expect(index).toContain(`export * from './validators.js';`);

    const readme = await readFile(join(out, 'README.md'), 'utf8');
    expect(readme).toContain('The document has no operations, so this package has no client and no client methods');
    expect(readme).toContain('## Operations (0)');
    expect(readme).not.toContain('createRomaClient');
    expect(JSON.parse(await readFile(join(out, 'package.json'), 'utf8')).hwdocs).toMatchObject({
      operations: 0,
      schemas: 26,
      errorCodes: 292,
    });

    await writeReadmeExample(out);
    const compiled = compile(out);
    expect(compiled.output).toBe('');
    expect(compiled.status).toBe(0);
  });

  it('its validators, error enum and catalogue work at run time', async () => {
    const { outDir } = await generateFixture(ROMA, 'roma-schemas-only-run');
    const validators = await importGenerated<Record<string, (value: unknown) => Issue[] | boolean>>(
      outDir,
      'validators.ts',
    );
    const validate = validators.validateGroupTreeResponse as (value: unknown) => Issue[];
    expect(validate({ id: 1, name: 'g', parent_id: 2 })).toEqual([]);
    const issues = validate({ id: 0, name: 3 });
    expect(issues.map((i) => [i.path, i.keyword])).toEqual([
      ['/id', 'minimum'],
      ['/name', 'type'],
    ]);
    expect((validators.isGroupTreeResponse as (v: unknown) => boolean)({ id: 100000000 })).toBe(false);
    expect(validators.requestValidators).toEqual({});

    const errors = await importGenerated(outDir, 'errors.ts');
    const isKnown = errors.isKnownErrorCode as (code: unknown) => boolean;
    expect(isKnown('APIC.7100')).toBe(true);
    expect(isKnown('APIC.0000')).toBe(false);
    expect((errors.errorCatalog as Record<string, { status: string; message: string }>)['APIC.7100']).toMatchObject({
      status: '401',
      message: 'Token missing.',
    });
  });

  it('is deterministic: two renders are byte-identical', async () => {
    const first = await renderPackage(ROMA);
    const second = await renderPackage(ROMA);
    expect([...first.files.keys()].sort()).toEqual([...second.files.keys()].sort());
    for (const [file, text] of first.files) expect(second.files.get(file), file).toBe(text);
    expect(first.files.has('client.ts')).toBe(false);
  });
});

describe('other documents without operations', () => {
  it('error codes only: an enum and catalogue, no schemas, compiles', async () => {
    const spec = await writeSpec(
      'errors-only.yaml',
      [
        'openapi: 3.1.0',
        'info: { title: Errs API, version: "1", description: x, license: { name: MIT } }',
        'servers: [{ url: "https://errs.example.com" }]',
        'security: []',
        'paths: {}',
        'x-error-codes:',
        '  - { code: ERR.0001, status: "400", message: Bad., description: 坏, action: 改 }',
        '',
      ].join('\n'),
    );
    const out = join(TMP, 'errors-only');
    const result = await generatePackage(spec, out);
    expect([result.operations, result.schemas, result.errorCodes]).toEqual([0, 0, 1]);
    expect(result.files).not.toContain('client.ts');
    expect(await readFile(join(out, 'errors.ts'), 'utf8')).toContain("'ERR.0001'");
    await writeReadmeExample(out);
    const compiled = compile(out);
    expect(compiled.output).toBe('');
    expect(compiled.status).toBe(0);
  });

  it('neither operations, schemas nor error codes: refused, nothing written', async () => {
    const spec = await writeSpec(
      'nothing.yaml',
      'openapi: 3.1.0\ninfo: { title: X API, version: "1" }\npaths: {}\ncomponents: { schemas: {} }\nx-error-codes: []\n',
    );
    const out = join(TMP, 'nothing-written');
    const error = await generatePackage(spec, out).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(SpecProblemsError);
    expect((error as SpecProblemsError).problems).toContain(
      'paths: the document has no operations, no components.schemas and no x-error-codes: nothing to generate',
    );
    await expect(readdir(out)).rejects.toThrow();
  });
});
