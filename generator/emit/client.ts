// client.ts and operations.ts of the generated package. client.ts is built with ts-morph: one async method per
// operation (plus a `…WithResponse` variant), typed from openapi-typescript's `operations` and documented from the
// spec. operations.ts holds the OperationSpec constants the runtime executes.
import {
  Project,
  StructureKind,
  VariableDeclarationKind,
  type CodeBlockWriter,
  type InterfaceDeclarationStructure,
  type MethodSignatureStructure,
  type OptionalKind,
  type StatementStructures,
} from 'ts-morph';
import { versionInterfaceName, type OperationModel, type ParameterModel, type ServiceModel } from '../model.ts';
import { detectPagination, type PageStrategyModel } from './pagination.ts';
import { commentLines, stringLiteral } from '../escape.ts';

/** `types.operations["Id"]` — every operation type is reached through the namespace import, never a bare name. */
const opType = (op: OperationModel) => `types.operations[${stringLiteral(op.operationId)}]`;

function isCallerOptional(param: ParameterModel): boolean {
  // The runtime fills {project_id} from ClientOptions.projectId and sets auth headers, so callers may leave them out.
  return !param.required || param.filledByRuntime;
}

/** The TypeScript type of one argument group (`path`, `query`, `headers`), or undefined when the operation has none. */
function groupType(
  op: OperationModel,
  location: ParameterModel['in'],
): { type: string; required: boolean } | undefined {
  const params = op.parameters.filter((p) => p.in === location);
  if (!params.length) return undefined;
  const source = `Params<${stringLiteral(op.operationId)}, ${stringLiteral(location)}>`;
  const members = params.map(
    (p) => `${stringLiteral(p.name)}${isCallerOptional(p) ? '?' : ''}: ${source}[${stringLiteral(p.name)}];`,
  );
  return { type: `{ ${members.join(' ')} }`, required: params.some((p) => !isCallerOptional(p)) };
}

function indexKey(status: string): string {
  return /^[0-9]+$/.test(status) ? status : stringLiteral(status);
}

/** Union of the documented 2xx bodies; `undefined` for 2xx responses without a body. */
function resultType(op: OperationModel): string {
  const success = op.responses.filter((r) => /^2/.test(r.status));
  if (!success.length) return 'unknown';
  const parts = success.map((r) =>
    r.mediaType
      ? `${opType(op)}["responses"][${indexKey(r.status)}]["content"][${stringLiteral(r.mediaType)}]`
      : 'undefined',
  );
  return `OpenEnums<${[...new Set(parts)].join(' | ')}>`;
}

function argsOptional(op: OperationModel): boolean {
  const groups = (['path', 'query', 'header'] as const).map((location) => groupType(op, location));
  return groups.every((g) => !g || !g.required) && !(op.body && op.body.required);
}

function docPage(op: OperationModel): string | undefined {
  const source = op.source;
  if (!source) return undefined;
  const where = [source.file, source.section && `§ ${source.section}`, source.table && `(${source.table})`]
    .filter(Boolean)
    .join(' ');
  return source.url ? `${source.url}${where ? ` — ${where}` : ''}` : where || undefined;
}

/** JSDoc lines for a method: summary, description, the HTTP call, the doc page, documented error codes. */
function methodDocLines(op: OperationModel): string[] {
  // Document text is neutralised (comment terminators, line separators, leading `@`); our own tags are added after.
  const text: string[] = [];
  if (op.summary) text.push(op.summary, '');
  if (op.description && op.description !== op.summary) text.push(op.description, '');
  text.push(`\`${op.method} ${op.path.replace(/`/g, "'")}\` (operationId \`${op.operationId.replace(/`/g, "'")}\`)`);
  const page = docPage(op);
  if (page) text.push('', `Doc page: ${page}`);
  if (op.errorCodes.length) text.push('', `Error codes: ${op.errorCodes.join(', ')}`);
  const lines = text.flatMap(commentLines);
  lines.push(`@throws {HuaweiCloudApiError<${op.typeStem}ErrorCode>} on a non-2xx response (\`error.errorCode\`).`);
  if (op.deprecated) lines.push('@deprecated The documentation marks this operation as deprecated.');
  return lines;
}

/** Where generated modules import the runtime from: the package's own copy, or a shared one (`--runtime`). */
export const LOCAL_RUNTIME = './runtime/index.js';

/** One object of the client: a version namespace (`client.v3`), or the client itself. */
interface ClientObject {
  interfaceName: string;
  doc: string;
  operations: OperationModel[];
}

/** The element type `paginate.<method>()` yields: one item of the documented items array. */
function itemType(op: OperationModel, strategy: PageStrategyModel): string {
  return `NonNullable<${op.typeStem}Result[${stringLiteral(strategy.items)}]>[number]`;
}

/** Method signatures of one client object, plus its `paginate` property when some of its operations page. */
function objectMembers(
  service: ServiceModel,
  ops: readonly OperationModel[],
): { methods: OptionalKind<MethodSignatureStructure>[]; paginate?: string } {
  const methods: OptionalKind<MethodSignatureStructure>[] = [];
  const pages: string[] = [];
  for (const op of ops) {
    const argsName = `${op.typeStem}Args`;
    const resultName = `${op.typeStem}Result`;
    const optional = argsOptional(op);
    const name = op.versionMethodName;
    methods.push({
      name,
      docs: [{ description: methodDocLines(op).join('\n') }],
      parameters: [{ name: 'args', type: argsName, hasQuestionToken: optional }],
      returnType: `Promise<${resultName}>`,
    });
    methods.push({
      name: `${name}WithResponse`,
      // The full text is on the plain method; repeating it would double the size of large clients.
      docs: [
        {
          description: [
            ...commentLines(
              `Like \`${name}\`, resolving to the whole response: status, lower-case headers, request id and body.`,
            ),
            `@see ${name}`,
          ].join('\n'),
        },
      ],
      parameters: [{ name: 'args', type: argsName, hasQuestionToken: optional }],
      returnType: `Promise<ApiResponse<${resultName}>>`,
    });
    const strategy = detectPagination(service, op);
    if (strategy) {
      const how = strategy.kind === 'marker' ? `\`${strategy.markerParam}\`` : `\`${strategy.offsetParam}\``;
      const doc = commentLines(
        `Every item of \`${strategy.items}\` over all pages of \`${name}\`, fetched page by page (${how}${strategy.limitParam ? ` + \`${strategy.limitParam}\`` : ''}) as the loop asks for them.`,
      );
      pages.push(
        `/**\n${doc.map((l) => ` * ${l}`.trimEnd()).join('\n')}\n * @see ${name}\n */\n${name}(args${optional ? '?' : ''}: ${argsName}): AsyncGenerator<${itemType(op, strategy)}, void, undefined>;`,
      );
    }
  }
  return pages.length ? { methods, paginate: `{\n${pages.join('\n')}\n}` } : { methods };
}

/** The object literal implementing one client object's methods (and `paginate`), written into `writer`. */
function writeObjectBody(
  writer: CodeBlockWriter,
  service: ServiceModel,
  ops: readonly OperationModel[],
  extraPaginate?: string,
): void {
  const pages: OperationModel[] = [];
  for (const op of ops) {
    const argsName = `${op.typeStem}Args`;
    const resultName = `${op.typeStem}Result`;
    const spec = `operations[${stringLiteral(op.methodName)}]`;
    const param = argsOptional(op) ? `args: ${argsName} = {}` : `args: ${argsName}`;
    writer.writeLine(`async ${op.versionMethodName}(${param}): Promise<${resultName}> {`);
    writer.indent().write(`return (await client.request<${resultName}>(${spec}, args)).body;`).newLine();
    writer.writeLine('},');
    writer.writeLine(`${op.versionMethodName}WithResponse(${param}): Promise<ApiResponse<${resultName}>> {`);
    writer.indent().write(`return client.request<${resultName}>(${spec}, args);`).newLine();
    writer.writeLine('},');
    if (detectPagination(service, op)) pages.push(op);
  }
  if (pages.length || extraPaginate) {
    writer.writeLine('paginate: {');
    if (extraPaginate) writer.writeLine(`...${extraPaginate},`);
    for (const op of pages) {
      const argsName = `${op.typeStem}Args`;
      const resultName = `${op.typeStem}Result`;
      const param = argsOptional(op) ? `args: ${argsName} = {}` : `args: ${argsName}`;
      const item = itemType(op, detectPagination(service, op)!);
      writer.writeLine(`${op.versionMethodName}(${param}): AsyncGenerator<${item}, void, undefined> {`);
      writer
        .indent()
        .write(
          `return paginate<${item}>(async (page) => (await client.request<${resultName}>(operations[${stringLiteral(op.methodName)}], page)).body, args, pageStrategies[${stringLiteral(op.methodName)}]);`,
        )
        .newLine();
      writer.writeLine('},');
    }
    writer.writeLine('},');
  }
}

export function emitClient(service: ServiceModel, runtimeImport: string = LOCAL_RUNTIME): string {
  // All statements are collected as structures and printed once: adding them one by one re-parses the growing file
  // on every call (quadratic; minutes for a 300-operation service).
  const statements: StatementStructures[] = [];
  const clientInterface = `${service.pascal}Client`;
  const paged = service.operations.filter((op) => detectPagination(service, op));

  statements.push({
    kind: StructureKind.ImportDeclaration,
    moduleSpecifier: runtimeImport,
    namedImports: paged.length ? ['createClient', 'paginate'] : ['createClient'],
  });
  statements.push({
    kind: StructureKind.ImportDeclaration,
    moduleSpecifier: runtimeImport,
    isTypeOnly: true,
    namedImports: ['ApiResponse', 'ClientOptions', 'HuaweiCloudApiError', 'ServiceInfo'],
  });
  statements.push({
    kind: StructureKind.ImportDeclaration,
    moduleSpecifier: './types.js',
    isTypeOnly: true,
    namespaceImport: 'types',
  });
  const stemsWithCodes = service.operations.map((op) => `${op.typeStem}ErrorCode`);
  if (stemsWithCodes.length)
    statements.push({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: './errors.js',
      isTypeOnly: true,
      namedImports: stemsWithCodes,
    });
  statements.push({
    kind: StructureKind.ImportDeclaration,
    moduleSpecifier: './operations.js',
    namedImports: paged.length ? ['operations', 'pageStrategies'] : ['operations'],
  });

  statements.push({
    kind: StructureKind.TypeAlias,
    name: 'Params',
    typeParameters: [
      { name: 'Id', constraint: 'keyof types.operations' },
      { name: 'In', constraint: "'path' | 'query' | 'header'" },
    ],
    docs: [{ description: 'The parameters of one location of an operation, as openapi-typescript declares them.' }],
    type: "NonNullable<types.operations[Id]['parameters'][In]>",
  });
  statements.push({
    kind: StructureKind.TypeAlias,
    name: 'OpenEnums',
    typeParameters: [{ name: 'T' }],
    docs: [
      {
        description:
          "A response type that accepts enum values added after the docs were written: `'A' | 'B'` reads `'A' | 'B' | (string & {})`. Requests stay exact.",
      },
    ],
    type: 'T extends string ? (string extends T ? T : T | (string & {})) : T extends readonly (infer U)[] ? OpenEnums<U>[] : T extends object ? { [K in keyof T]: OpenEnums<T[K]> } : T',
  });
  statements.push({
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: [
      {
        description: commentLines(
          `Where ${service.title} lives: the runtime fills {region} from ClientOptions.region (or takes ClientOptions.endpoint as it is).`,
        ).join('\n'),
      },
    ],
    declarations: [
      {
        name: 'service',
        type: 'ServiceInfo',
        initializer: `{ name: ${stringLiteral(service.title)}, serverTemplate: ${stringLiteral(service.serverTemplate)} }`,
      },
    ],
  });

  for (const op of service.operations) {
    const argsName = `${op.typeStem}Args`;
    const resultName = `${op.typeStem}Result`;
    const properties: { name: string; type: string; hasQuestionToken: boolean; docs?: string[] }[] = [];
    for (const [location, key] of [
      ['path', 'path'],
      ['query', 'query'],
      ['header', 'headers'],
    ] as const) {
      const group = groupType(op, location);
      if (group) properties.push({ name: key, type: group.type, hasQuestionToken: !group.required });
    }
    if (op.body) {
      properties.push({
        name: 'body',
        type: `NonNullable<${opType(op)}["requestBody"]>["content"][${stringLiteral(op.body.mediaType)}]`,
        hasQuestionToken: !op.body.required,
      });
    }
    properties.push({
      name: 'signal',
      type: 'AbortSignal',
      hasQuestionToken: true,
      docs: ['Cancels the request (and its retries).'],
    });
    statements.push({
      kind: StructureKind.Interface,
      name: argsName,
      isExported: true,
      docs: [
        { description: commentLines(`Arguments of \`${callPath(service, op)}\` (${op.operationId}).`).join('\n') },
      ],
      properties: properties.map((p) => ({
        name: p.name,
        type: p.type,
        hasQuestionToken: p.hasQuestionToken,
        docs: p.docs?.map((d) => ({ description: d })),
      })),
    } satisfies InterfaceDeclarationStructure);
    statements.push({
      kind: StructureKind.TypeAlias,
      name: resultName,
      isExported: true,
      docs: [
        {
          description: commentLines(
            `Body of a successful \`${callPath(service, op)}\` response (enum values open to new ones).`,
          ).join('\n'),
        },
      ],
      type: resultType(op),
    });
    statements.push({
      kind: StructureKind.TypeAlias,
      name: `${op.typeStem}Error`,
      isExported: true,
      docs: [
        {
          description: commentLines(
            `What \`${callPath(service, op)}\` rejects with on a non-2xx response: \`errorCode\` offers the codes its page and the service's error-code page give it (switch over them), and still accepts any other string.`,
          ).join('\n'),
        },
      ],
      type: `HuaweiCloudApiError<${op.typeStem}ErrorCode> & { readonly errorCode?: ${op.typeStem}ErrorCode | (string & {}) }`,
    });
  }

  const versionObjects: (ClientObject & { key: string })[] = service.versions.map((v) => ({
    key: v.key,
    interfaceName: versionInterfaceName(service.pascal, v.key),
    doc: `The ${service.title} operations of API version ${v.apiVersion} (\`client.${v.key}\`).`,
    operations: v.operations,
  }));
  for (const object of versionObjects) {
    const members = objectMembers(service, object.operations);
    statements.push({
      kind: StructureKind.Interface,
      name: object.interfaceName,
      isExported: true,
      docs: [{ description: commentLines(object.doc).join('\n') }],
      methods: members.methods,
      properties: members.paginate
        ? [
            {
              name: 'paginate',
              isReadonly: true,
              type: members.paginate,
              docs: [{ description: 'Async iterators over every item of the list operations that page.' }],
            },
          ]
        : [],
    });
  }

  // The client itself: its version namespaces, the operations without a version and, for a service with a single
  // version, that version's methods again (the flat methods single-version packages always had).
  const unversioned = service.operations.filter((op) => !op.apiVersion);
  const flat = service.flatMethods && versionObjects.length === 1 ? versionObjects[0] : undefined;
  const own = objectMembers(service, unversioned);
  const flatPaginate = flat && objectMembers(service, flat.operations).paginate !== undefined;
  const paginateType =
    own.paginate && flatPaginate ? `${flat!.interfaceName}['paginate'] & ${own.paginate}` : own.paginate;
  statements.push({
    kind: StructureKind.Interface,
    name: clientInterface,
    isExported: true,
    extends: flat ? [flat.interfaceName] : [],
    docs: [
      {
        description: commentLines(
          versionObjects.length === 0
            ? `Typed client of ${service.title}: one method per documented operation.`
            : flat
              ? `Typed client of ${service.title}: one method per documented operation, also reachable as \`client.${flat.key}\` (its API version).`
              : `Typed client of ${service.title}: one namespace per API version (${versionObjects.map((v) => `\`client.${v.key}\``).join(', ')}), each with one method per documented operation.`,
        ).join('\n'),
      },
    ],
    properties: [
      ...versionObjects.map((v) => ({
        name: v.key,
        isReadonly: true,
        type: v.interfaceName,
        docs: [{ description: commentLines(v.doc).join('\n') }],
      })),
      ...(paginateType
        ? [
            {
              name: 'paginate',
              isReadonly: true,
              type: paginateType,
              docs: [{ description: 'Async iterators over every item of the list operations that page.' }],
            },
          ]
        : []),
    ],
    methods: own.methods,
  });

  statements.push({
    kind: StructureKind.Function,
    name: `create${service.pascal}Client`,
    isExported: true,
    docs: [
      {
        description: commentLines(
          `Creates a ${service.title} client. Authenticate with an IAM token ({ type: 'token' }) or AK/SK signing ({ type: 'aksk' }); set region or endpoint, and projectId to fill {project_id} path parameters.`,
        ).join('\n'),
      },
    ],
    parameters: [{ name: 'options', type: 'ClientOptions' }],
    returnType: clientInterface,
    statements: (writer) => {
      writer.writeLine('const client = createClient(options, service);');
      for (const object of versionObjects) {
        writer
          .write(`const ${object.key}: ${object.interfaceName} = `)
          .block(() => writeObjectBody(writer, service, object.operations));
        writer.write(';').newLine();
      }
      writer.write('return ').block(() => {
        if (flat) writer.writeLine(`...${flat.key},`);
        for (const object of versionObjects) writer.writeLine(`${object.key},`);
        writeObjectBody(
          writer,
          service,
          unversioned,
          flat && flatPaginate && own.paginate ? `${flat.key}.paginate` : undefined,
        );
      });
      writer.write(';');
    },
  });
  const project = new Project({ useInMemoryFileSystem: true, skipAddingFilesFromTsConfig: true });
  const file = project.createSourceFile('client.ts', { statements }, { overwrite: true });
  return '// Generated by hwdocs from the OpenAPI document. Do not edit: regenerate instead.\n' + file.getFullText();
}

/** A TypeScript literal of a JSON-like value, every string through stringLiteral (document text never raw). */
function literal(value: unknown): string {
  if (typeof value === 'string') return stringLiteral(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{ ${Object.entries(value)
      .map(([key, item]) => `${/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : stringLiteral(key)}: ${literal(item)}`)
      .join(', ')} }`;
  }
  return String(value);
}

/** How a caller reaches the operation: `v3.listListeners` or `listListeners`. */
export function callPath(service: ServiceModel, op: OperationModel): string {
  return op.apiVersion ? `${versionKeyOf(service, op)}.${op.versionMethodName}` : op.versionMethodName;
}

function versionKeyOf(service: ServiceModel, op: OperationModel): string {
  return service.versions.find((v) => v.operations.includes(op))?.key ?? '';
}

export function emitOperations(service: ServiceModel, runtimeImport: string = LOCAL_RUNTIME): string {
  const paged = service.operations.flatMap((op) => {
    const strategy = detectPagination(service, op);
    return strategy ? [{ op, strategy }] : [];
  });
  const lines = [
    '// Generated by hwdocs from the OpenAPI document. Do not edit: regenerate instead.',
    '// One OperationSpec per operation: what the runtime needs to build, sign, send and validate the request.',
    `import type { OperationSpec${paged.length ? ', PageStrategy' : ''} } from ${stringLiteral(runtimeImport)};`,
    "import { requestValidators, responseValidators } from './validators.js';",
    '',
    'export const operations = {',
  ];
  for (const op of service.operations) {
    const names = (location: ParameterModel['in']) =>
      `[${op.parameters
        .filter((p) => p.in === location)
        .map((p) => stringLiteral(p.name))
        .join(', ')}]`;
    lines.push(
      `${stringLiteral(op.methodName)}: {`,
      `operationId: ${stringLiteral(op.operationId)},`,
      `method: ${stringLiteral(op.method)},`,
      `path: ${stringLiteral(op.path)},`,
      `pathParams: ${names('path')},`,
      `queryParams: ${names('query')},`,
      `headerParams: ${names('header')},`,
      `hasBody: ${op.body ? 'true' : 'false'},`,
      ...(op.body ? [`mediaType: ${stringLiteral(op.body.mediaType)},`] : []),
      `validateRequest: requestValidators[${stringLiteral(op.methodName)}],`,
      `validateResponse: responseValidators[${stringLiteral(op.methodName)}],`,
      '},',
    );
  }
  lines.push('} satisfies Record<string, OperationSpec>;', '');
  if (paged.length) {
    lines.push(
      '/** How each list operation that pages does it (see paginate() in the runtime). */',
      'export const pageStrategies = {',
    );
    for (const { op, strategy } of paged) lines.push(`${stringLiteral(op.methodName)}: ${literal(strategy)},`);
    lines.push('} satisfies Record<string, PageStrategy>;', '');
  }
  return lines.join('\n');
}
