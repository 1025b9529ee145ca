// Formatting shortcuts must not change a byte: babel-ts prints what the typescript parser prints, and chunked
// formatting in worker threads joins back to exactly the whole-file result.
import { describe, expect, it } from 'vitest';
import * as prettier from 'prettier';
import { loadSpec } from '../../generator/spec/load.ts';
import { buildServiceModel } from '../../generator/model.ts';
import { emitTypes } from '../../generator/emit/types.ts';
import { emitClient, emitOperations } from '../../generator/emit/client.ts';
import { emitValidators } from '../../generator/emit/validators.ts';
import { emitErrors } from '../../generator/emit/errors.ts';
import { createFormatter, formatFile, PRETTIER_OPTIONS, splitTopLevel } from '../../generator/format.ts';
import { fixture } from './helpers.ts';

async function rawSources(spec: string): Promise<[string, string][]> {
  const loaded = await loadSpec(fixture(spec));
  const model = buildServiceModel(loaded.exact);
  return [
    ['types.ts', await emitTypes(loaded.plain, model)],
    ['client.ts', emitClient(model)],
    ['validators.ts', emitValidators(loaded.exact, model).source],
    ['errors.ts', emitErrors(model)],
    ['operations.ts', emitOperations(model)],
  ];
}

describe.each(['modelarts-mini.openapi.yaml', 'hostile.openapi.yaml'])('formatting %s', (spec) => {
  it('babel-ts and typescript parsers print the same', async () => {
    for (const [file, source] of await rawSources(spec)) {
      expect(await formatFile(file, source), file).toBe(
        await prettier.format(source, { ...PRETTIER_OPTIONS, parser: 'typescript' }),
      );
    }
  }, 60_000);

  it('chunked formatting in workers equals whole-file formatting', async () => {
    const formatter = createFormatter(0, { workers: 2, chunkChars: 1500 });
    try {
      for (const [file, source] of await rawSources(spec)) {
        expect(splitTopLevel(source, 1500).length, file).toBeGreaterThan(source.length > 3000 ? 1 : 0);
        expect(await formatter.format(file, source), file).toBe(await formatFile(file, source));
      }
    } finally {
      await formatter.close();
    }
  }, 60_000);
});

describe('one worker plus this thread (the 2-core default)', () => {
  it('whole files, some formatted by the worker, the rest by help() in this thread, equal formatFile', async () => {
    const sources = await rawSources('modelarts-mini.openapi.yaml');
    const formatter = createFormatter(0, { workers: 1 });
    try {
      const pending = sources.map(([file, source]) => [file, source, formatter.format(file, source)] as const);
      await formatter.help();
      for (const [file, source, promise] of pending) expect(await promise, file).toBe(await formatFile(file, source));
    } finally {
      await formatter.close();
    }
  }, 60_000);
});

describe('splitTopLevel', () => {
  it('cuts between statements, keeps trailing comments with their statement, records blank lines', () => {
    const source = 'const a = 1; // about a\nconst b = 2;\n\n\n/** c */\nconst c = 3;\n';
    const chunks = splitTopLevel(source, 5);
    expect(chunks.map((c) => c.text).join('')).toBe(source);
    expect(chunks[0].text).toContain('// about a');
    expect(chunks.map((c) => c.blankLineBefore)).toEqual([false, true]);
  });
});
