// index.ts, package.json, tsconfig.json and README.md of the generated package, from the Handlebars templates in
// templates/. Handlebars' default escaping produces HTML entities, which are wrong in TypeScript, JSON and Markdown,
// so templates are compiled with noEscape and every value goes through a helper that escapes for its target:
// {{json x}} (JSON/TS literal), {{md x}} (Markdown text), {{code x}} (Markdown code span), {{comment x}} (one-line
// comment), {{raw x}} (text the generator built itself). A test checks no template uses a bare {{x}}.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type { OperationModel, ServiceModel } from '../model.ts';
import { callPath } from './client.ts';
import { markdownCode, markdownText, markdownUrl, stringLiteral } from '../escape.ts';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));
export const TEMPLATE_FILES = {
  'index.ts': 'index.ts.hbs',
  'package.json': 'package.json.hbs',
  'tsconfig.json': 'tsconfig.json.hbs',
  'tsconfig.cjs.json': 'tsconfig.cjs.json.hbs',
  'README.md': 'README.md.hbs',
} as const;

/**
 * Builds ESM (dist/esm, `tsconfig.json`) and CommonJS (dist/cjs, `tsconfig.cjs.json`) from the same sources; the
 * `{"type":"commonjs"}` marker makes Node read dist/cjs as CommonJS inside a `"type": "module"` package.
 */
export const BUILD_SCRIPT =
  'tsc -p tsconfig.json && tsc -p tsconfig.cjs.json && node -e "require(\'node:fs\').writeFileSync(\'dist/cjs/package.json\', \'{\\"type\\": \\"commonjs\\"}\\n\')"';

/** `@scope/name/sub` → `@scope/name`: the package a runtime specifier lives in (its peer dependency). */
export function packageOfSpecifier(specifier: string): string {
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

function createEnvironment(): typeof Handlebars {
  const hb = Handlebars.create();
  hb.registerHelper('json', (value: unknown) =>
    JSON.stringify(value ?? null)
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029'),
  );
  hb.registerHelper('md', (value: unknown) => markdownText(String(value ?? '')));
  hb.registerHelper('code', (value: unknown) => markdownCode(String(value ?? '')));
  hb.registerHelper('comment', (value: unknown) =>
    String(value ?? '')
      .replace(/[\r\n\u2028\u2029]/g, ' ')
      .replace(/\*\//g, '*\\/'),
  );
  hb.registerHelper('raw', (value: unknown) => String(value ?? ''));
  return hb;
}

/** npm wants semver; documents say `v2` or a date. Keep it when it is semver, else `0.0.0`, and record the original. */
function packageVersion(specVersion: string): string {
  return /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(specVersion) ? specVersion : '0.0.0';
}

/** A value of the right type for a placeholder in the README example. */
function placeholder(schema: Record<string, unknown>, name: string): string {
  if (
    Array.isArray(schema.enum) &&
    schema.enum.length &&
    ['string', 'number', 'boolean'].includes(typeof schema.enum[0])
  ) {
    return typeof schema.enum[0] === 'string' ? stringLiteral(schema.enum[0]) : String(schema.enum[0]);
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'integer' || type === 'number') return '1';
  if (type === 'boolean') return 'true';
  return stringLiteral(`<${name}>`);
}

/** True when a README example can be written for the operation without inventing a request body. */
function exampleFriendly(op: OperationModel): boolean {
  const simple = (s: Record<string, unknown>) =>
    ['string', 'integer', 'number', 'boolean'].includes(String(s.type)) && !s.pattern && !s.minLength;
  return (
    !(op.body && op.body.required) && op.parameters.every((p) => !p.required || p.filledByRuntime || simple(p.schema))
  );
}

function readmeExample(service: ServiceModel, packageName: string): string {
  const clientFactory = `create${service.pascal}Client`;
  const enumName = `${service.pascal}ErrorCode`;
  if (!service.operations.length) return schemaOnlyExample(service, packageName);
  const op =
    service.operations.find((o) => o.method === 'GET' && exampleFriendly(o)) ??
    service.operations.find(exampleFriendly);
  const lines = [
    `import { ${clientFactory}, HuaweiCloudApiError, isKnownErrorCode, ${enumName} } from ${stringLiteral(packageName)};`,
    '',
    `const client = ${clientFactory}({`,
    "  region: 'cn-north-4',",
    "  projectId: 'your-project-id',",
    "  credentials: { type: 'aksk', accessKey: 'your-access-key', secretKey: 'your-secret-key' },",
    '});',
    '',
  ];
  if (op) {
    const groups: string[] = [];
    for (const [location, key] of [
      ['path', 'path'],
      ['query', 'query'],
      ['header', 'headers'],
    ] as const) {
      const required = op.parameters.filter((p) => p.in === location && p.required && !p.filledByRuntime);
      if (required.length)
        groups.push(
          `${key}: { ${required.map((p) => `${stringLiteral(p.name)}: ${placeholder(p.schema, p.name)}`).join(', ')} }`,
        );
    }
    lines.push(
      'try {',
      `  const result = await client.${callPath(service, op)}(${groups.length ? `{ ${groups.join(', ')} }` : ''});`,
      '  console.log(result);',
      '} catch (error) {',
      '  if (error instanceof HuaweiCloudApiError && isKnownErrorCode(error.errorCode)) {',
      `    console.error(error.errorCode, error.status, error.requestId); // a ${enumName} member`,
      '  } else {',
      '    throw error;',
      '  }',
      '}',
    );
  } else {
    lines.push(
      'console.log(Object.keys(client));',
      `console.log(HuaweiCloudApiError.name, isKnownErrorCode('x'), Object.keys(${enumName}).length);`,
    );
  }
  return lines.join('\n');
}

/** The README example of a package without operations: a validator, a type guard and the error enum. */
function schemaOnlyExample(service: ServiceModel, packageName: string): string {
  const enumName = `${service.pascal}ErrorCode`;
  const schema = service.schemas[0];
  const names = [
    ...(schema ? [`type ${schema.typeName}`, `validate${schema.validatorStem}`, `is${schema.validatorStem}`] : []),
    'isKnownErrorCode',
    'errorCatalog',
    enumName,
  ];
  const lines = [`import { ${names.join(', ')} } from ${stringLiteral(packageName)};`, ''];
  if (schema) {
    lines.push(
      "const payload: unknown = JSON.parse('{}'); // e.g. a response body",
      `for (const issue of validate${schema.validatorStem}(payload)) console.error(issue.path, issue.keyword, issue.message);`,
      `if (is${schema.validatorStem}(payload)) {`,
      `  const value: ${schema.typeName} = payload;`,
      '  console.log(value);',
      '}',
      '',
    );
  }
  lines.push(
    "const code: string = 'some-error-code';",
    'if (isKnownErrorCode(code)) {',
    `  console.error(errorCatalog[code].message); // code is a ${enumName} member`,
    '}',
    `console.log(Object.keys(${enumName}).length);`,
  );
  return lines.join('\n');
}

/** The doc page cell, already Markdown: a link when x-source has an http(s) url, escaped text otherwise. */
function docPageMarkdown(op: OperationModel): string {
  const s = op.source;
  if (!s) return '';
  const text = markdownText([s.file ?? s.url, s.section && `§ ${s.section}`].filter(Boolean).join(' '));
  const url = s.url ? markdownUrl(s.url) : undefined;
  return url ? `[${text || markdownText(s.url!)}](${url})` : text;
}

export type TemplateOutput = Record<keyof typeof TEMPLATE_FILES, string>;

export async function renderTemplates(
  service: ServiceModel,
  packageName: string,
  errorCodeCount: number,
  runtime?: string,
): Promise<TemplateOutput> {
  const hb = createEnvironment();
  const example = readmeExample(service, packageName);
  const longestRun = Math.max(2, ...(example.match(/`+/g) ?? []).map((run) => run.length));
  const data = {
    title: service.title,
    packageName,
    packageVersion: packageVersion(service.version),
    specVersion: service.version,
    description: service.description || `Typed client for ${service.title} (generated by hwdocs)`,
    serverTemplate: service.serverTemplate,
    enumName: `${service.pascal}ErrorCode`,
    hasOperations: service.operations.length > 0,
    operationCount: service.operations.length,
    schemaCount: service.schemas.length,
    errorCodeCount,
    runtime: runtime ?? '',
    runtimeImport: runtime ?? './runtime/index.js',
    runtimePackage: runtime === undefined ? '' : packageOfSpecifier(runtime),
    files: runtime === undefined ? ['dist', '*.ts', 'runtime', 'README.md'] : ['dist', '*.ts', 'README.md'],
    include: runtime === undefined ? ['*.ts', 'runtime/*.ts'] : ['*.ts'],
    buildScript: BUILD_SCRIPT,
    versions: service.versions.map((v) => ({ key: v.key, apiVersion: v.apiVersion, count: v.operations.length })),
    flatMethods: service.flatMethods,
    example,
    exampleFence: '`'.repeat(longestRun + 1),
    operations: service.operations.map((op) => ({
      methodName: callPath(service, op),
      httpLine: `${op.method} ${op.path}`,
      summary: op.summary,
      docPage: docPageMarkdown(op),
    })),
  };
  const out = {} as TemplateOutput;
  for (const [target, file] of Object.entries(TEMPLATE_FILES) as [keyof TemplateOutput, string][]) {
    const source = await readFile(TEMPLATES_DIR + file, 'utf8');
    out[target] = hb.compile(source, { noEscape: true, strict: true })(data);
  }
  return out;
}
