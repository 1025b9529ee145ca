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
import { emitClient, emitOperations, LOCAL_RUNTIME } from './emit/client.ts';
import { emitValidators } from './emit/validators.ts';
import { allErrorCodes, emitErrors } from './emit/errors.ts';
import { BUILD_SCRIPT, renderTemplates } from './emit/templates.ts';
import { manifestOf } from './manifest.ts';
import { writeOwnedFiles } from './write.ts';

export { SpecProblemsError } from './spec/load.ts';
export { OutputOwnershipError } from './write.ts';

export interface GenerateOptions {
  /** npm package name; default `@hwdocs/<service>`. */
  name?: string;
  /**
   * Import specifier of a runtime shared by every generated package of an app (a package name such as
   * `@acme/hwdocs-runtime`, see generateRuntimePackage): the package then imports it instead of shipping its own
   * copy, so errors from every service are one `HuaweiCloudApiError` class. Default: a self-contained copy.
   */
  runtime?: string;
}

/** An npm package name, optionally with a subpath (`@scope/name`, `name/sub`): what `runtime` may be. */
const PACKAGE_SPECIFIER = /^(@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*(\/[A-Za-z0-9._~-]+)*$/;

/** Throws a plain Error naming the problem when `runtime` is not a package specifier (relative paths are not). */
export function checkRuntimeSpecifier(runtime: string): string {
  if (!PACKAGE_SPECIFIER.test(runtime) || runtime.split('/').some((part) => part === '.' || part === '..')) {
    throw new Error(`--runtime must be a package name such as @acme/hwdocs-runtime (got ${JSON.stringify(runtime)})`);
  }
  return runtime;
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
  for (const name of names
    .filter((n) => n.endsWith('.ts') && !/\.(test|spec)\.ts$/.test(n) && !n.endsWith('.d.ts'))
    .sort()) {
    files.set(`runtime/${name}`, await readFile(join(RUNTIME_DIR, name), 'utf8'));
  }
  if (!files.has('runtime/index.ts')) throw new Error(`the client runtime has no index.ts (${RUNTIME_DIR})`);
  return files;
}

/** Every file of the package, in memory, formatted. Pure apart from reading the spec, templates and runtime. */
export async function renderPackage(
  specPath: string,
  options: GenerateOptions = {},
): Promise<{
  files: Map<string, string>;
  service: ServiceModel;
  packageName: string;
  warnings: string[];
  errorCodes: number;
}> {
  // The spec's size predicts the output's (about 2.5x) well enough to decide whether workers pay off. The formatter
  // is created first so that its workers load prettier while this thread reads and lints the spec.
  const specBytes = await stat(specPath).then(
    (s) => s.size,
    () => 0,
  );
  const formatter = createFormatter(specBytes * 2.5);
  try {
    const spec = await loadSpec(specPath);
    const service = buildServiceModel(spec.exact);
    const packageName = options.name ?? `@hwdocs/${service.slug}`;
    const runtimeImport = options.runtime === undefined ? LOCAL_RUNTIME : checkRuntimeSpecifier(options.runtime);
    const errorCodes = allErrorCodes(service).length;
    // Each source is handed to the formatter as soon as it exists, so formatting (in a worker) overlaps with the
    // other emitters: validators (cheap to emit, the most to format) first, openapi-typescript (slow, here) last.
    const pending = new Map<string, Promise<string>>();
    const submit = (file: string, source: string) => pending.set(file, formatter.format(file, source));
    const runtime = options.runtime === undefined ? runtimeFiles() : Promise.resolve(new Map<string, string>());
    runtime.catch(() => {}); // awaited below; this only keeps an early failure elsewhere from leaving it unhandled
    const validators = emitValidators(spec.exact, service, runtimeImport);
    submit('validators.ts', validators.source);
    // A document without operations (schemas and error codes only) gets no client.ts and no operations.ts: a client
    // without methods would only be noise. types, validators, errors and the runtime's types are still generated.
    if (service.operations.length) {
      submit('client.ts', emitClient(service, runtimeImport));
      submit('operations.ts', emitOperations(service, runtimeImport));
    }
    submit('errors.ts', emitErrors(service));
    const templates = await renderTemplates(service, packageName, errorCodes, options.runtime);
    for (const file of ['index.ts', 'package.json', 'tsconfig.json', 'tsconfig.cjs.json', 'README.md'] as const)
      submit(file, templates[file]);
    submit('types.ts', await emitTypes(spec.plain, service));
    await formatter.help(); // this thread formats what the workers have not started
    const order = [
      'types.ts',
      'validators.ts',
      'client.ts',
      'operations.ts',
      'errors.ts',
      'index.ts',
      'package.json',
      'tsconfig.json',
      'tsconfig.cjs.json',
      'README.md',
    ];
    const formatted: [string, string][] = [];
    for (const file of order) if (pending.has(file)) formatted.push([file, await pending.get(file)!]);
    const files = new Map<string, string>([...formatted, ...(await runtime)]);
    return { files, service, packageName, warnings: validators.warnings, errorCodes };
  } finally {
    await formatter.close();
  }
}

/**
 * The files of a package holding only the runtime, for `GenerateOptions.runtime`: every service generated with
 * `runtime: <its name>` imports it, so an app has one runtime and one `HuaweiCloudApiError` class. Dual ESM/CJS
 * like the service packages; the runtime sources are copied verbatim.
 */
export async function renderRuntimePackage(name: string): Promise<Map<string, string>> {
  checkRuntimeSpecifier(name);
  const runtime = await runtimeFiles();
  const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';
  const files = new Map<string, string>([
    [
      'index.ts',
      "// Generated by hwdocs: the client runtime shared by generated service packages. Do not edit.\nexport * from './runtime/index.js';\n",
    ],
    [
      'package.json',
      json({
        name,
        version: RUNTIME_PACKAGE_VERSION,
        description: 'Client runtime shared by hwdocs-generated Huawei Cloud service packages',
        type: 'module',
        license: 'MIT',
        main: './dist/cjs/index.js',
        module: './dist/esm/index.js',
        types: './dist/cjs/index.d.ts',
        exports: {
          '.': {
            import: { types: './dist/esm/index.d.ts', default: './dist/esm/index.js' },
            require: { types: './dist/cjs/index.d.ts', default: './dist/cjs/index.js' },
          },
          './package.json': './package.json',
        },
        files: ['dist', '*.ts', 'runtime'],
        scripts: { build: BUILD_SCRIPT },
        engines: { node: '>=20' },
        sideEffects: false,
      }),
    ],
  ]);
  const templates = await renderTemplates(
    {
      title: name,
      pascal: 'Runtime',
      slug: 'runtime',
      version: '0.0.0',
      description: '',
      serverTemplate: '',
      operations: [],
      versions: [],
      flatMethods: true,
      schemas: [],
      errorCodes: [],
      security: { iamToken: false, akskSigning: false },
    },
    name,
    0,
  );
  files.set('tsconfig.json', templates['tsconfig.json']);
  files.set('tsconfig.cjs.json', templates['tsconfig.cjs.json']);
  for (const [file, text] of runtime) files.set(file, text);
  return files;
}

/** The runtime package's version follows the runtime's own (RUNTIME_VERSION in runtime/client.ts). */
const RUNTIME_PACKAGE_VERSION = '0.1.0';

/** Writes the shared runtime package (see renderRuntimePackage) into `outDir`, atomically. */
export async function generateRuntimePackage(
  outDir: string,
  name: string,
): Promise<{ outDir: string; files: string[] }> {
  const files = await renderRuntimePackage(name);
  const target = resolve(outDir);
  // Only the files hwdocs wrote are replaced or removed (generator/write.ts); the manifest records them.
  await writeOwnedFiles(target, files, manifestOf(files, name, ''));
  return { outDir: target, files: [...files.keys()].sort() };
}

export async function generatePackage(
  specPath: string,
  outDir: string,
  options: GenerateOptions = {},
): Promise<GenerateResult> {
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
