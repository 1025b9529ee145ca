// `generatePackage`: OpenAPI document → self-contained TypeScript client package (types, client, validators,
// errors, runtime, index, package.json, README). Output is formatted by prettier with fixed options and written
// file by file (generator/write.ts), only where the manifest says hwdocs owns the file.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFormatter } from './format.ts';
import { loadSpec, SpecProblemsError } from './spec/load.ts';
import { buildServiceModel, type ServiceModel } from './model.ts';
import { emitTypes } from './emit/types.ts';
import { emitClient, emitOperations } from './emit/client.ts';
import { emitValidators } from './emit/validators.ts';
import { allErrorCodes, emitErrors } from './emit/errors.ts';
import { renderTemplates } from './emit/templates.ts';
import { manifestOf } from './manifest.ts';
import { writeOwnedFiles } from './write.ts';

export { SpecProblemsError } from './spec/load.ts';
export { OutputOwnershipError } from './write.ts';

export interface GenerateOptions {
  /** npm package name; default `@hwdocs/<service>`. */
  name?: string;
}

export interface GenerateResult {
  outDir: string;
  packageName: string;
  service: string;
  /** Relative paths of the files written, sorted. */
  files: string[];
  operations: number;
  schemas: number;
  errorCodes: number;
  /** Things the generator could not express (e.g. a pattern JavaScript cannot compile); generation still succeeded. */
  warnings: string[];
}

const RUNTIME_DIR = fileURLToPath(new URL('./runtime/', import.meta.url));

export { formatFile } from './format.ts';

/** The runtime's own sources (not tests, not README), copied verbatim. */
async function runtimeFiles(): Promise<Map<string, string>> {
  let names: string[];
  try {
    names = await readdir(RUNTIME_DIR);
  } catch {
    throw new Error(`the client runtime is missing (${RUNTIME_DIR}); generated packages ship a copy of it`);
  }
  const files = new Map<string, string>();
  for (const name of names.filter((n) => n.endsWith('.ts') && !/\.(test|spec)\.ts$/.test(n) && !n.endsWith('.d.ts')).sort()) {
    files.set(`runtime/${name}`, await readFile(join(RUNTIME_DIR, name), 'utf8'));
  }
  if (!files.has('runtime/index.ts')) throw new Error(`the client runtime has no index.ts (${RUNTIME_DIR})`);
  return files;
}

/** Every file of the package, in memory, formatted. Pure apart from reading the spec, templates and runtime. */
export async function renderPackage(specPath: string, options: GenerateOptions = {}): Promise<{ files: Map<string, string>; service: ServiceModel; packageName: string; warnings: string[]; errorCodes: number }> {
  // The spec's size predicts the output's (about 2.5x) well enough to decide whether workers pay off. The formatter
  // is created first so that its workers load prettier while this thread reads and lints the spec.
  const specBytes = await stat(specPath).then((s) => s.size, () => 0);
  const formatter = createFormatter(specBytes * 2.5);
  try {
    const spec = await loadSpec(specPath);
    const service = buildServiceModel(spec.exact);
    const packageName = options.name ?? `@hwdocs/${service.slug}`;
    const errorCodes = allErrorCodes(service).length;
    // Each source is handed to the formatter as soon as it exists, so formatting (in a worker) overlaps with the
    // other emitters: validators (cheap to emit, the most to format) first, openapi-typescript (slow, here) last.
    const pending = new Map<string, Promise<string>>();
    const submit = (file: string, source: string) => pending.set(file, formatter.format(file, source));
    const runtime = runtimeFiles();
    runtime.catch(() => {}); // awaited below; this only keeps an early failure elsewhere from leaving it unhandled
    const validators = emitValidators(spec.exact, service);
    submit('validators.ts', validators.source);
    // A document without operations (schemas and error codes only) gets no client.ts and no operations.ts: a client
    // without methods would only be noise. types, validators, errors and the runtime's types are still generated.
    if (service.operations.length) {
      submit('client.ts', emitClient(service));
      submit('operations.ts', emitOperations(service));
    }
    submit('errors.ts', emitErrors(service));
    const templates = await renderTemplates(service, packageName, errorCodes);
    for (const file of ['index.ts', 'package.json', 'tsconfig.json', 'README.md'] as const) submit(file, templates[file]);
    submit('types.ts', await emitTypes(spec.plain, service));
    await formatter.help(); // this thread formats what the workers have not started
    const order = ['types.ts', 'validators.ts', 'client.ts', 'operations.ts', 'errors.ts', 'index.ts', 'package.json', 'tsconfig.json', 'README.md'];
    const formatted: [string, string][] = [];
    for (const file of order) if (pending.has(file)) formatted.push([file, await pending.get(file)!]);
    const files = new Map<string, string>([...formatted, ...(await runtime)]);
    return { files, service, packageName, warnings: validators.warnings, errorCodes };
  } finally {
    await formatter.close();
  }
}

export async function generatePackage(specPath: string, outDir: string, options: GenerateOptions = {}): Promise<GenerateResult> {
  const rendered = await renderPackage(specPath, options);
  const target = resolve(outDir);
  // Only the files hwdocs wrote are replaced or removed (generator/write.ts); the manifest records them.
  const specText = await readFile(specPath);
  await writeOwnedFiles(target, rendered.files, manifestOf(rendered.files, rendered.packageName, specText));
  return {
    outDir: target,
    packageName: rendered.packageName,
    service: rendered.service.title,
    files: [...rendered.files.keys()].sort(),
    operations: rendered.service.operations.length,
    schemas: rendered.service.schemas.length,
    errorCodes: rendered.errorCodes,
    warnings: rendered.warnings,
  };
}

export function isSpecProblemsError(err: unknown): err is SpecProblemsError {
  return err instanceof SpecProblemsError;
}
