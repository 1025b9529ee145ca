// client.ts and operations.ts of the generated package. client.ts is built with ts-morph: one async method per
// operation (plus a `…WithResponse` variant), typed from openapi-typescript's `operations` and documented from the
// spec. operations.ts holds the OperationSpec constants the runtime executes.
import { Project, StructureKind, VariableDeclarationKind, type InterfaceDeclarationStructure, type MethodSignatureStructure, type OptionalKind, type StatementStructures } from 'ts-morph';
import type { OperationModel, ParameterModel, ServiceModel } from '../model.ts';
import { commentLines, stringLiteral } from '../escape.ts';

/** `types.operations["Id"]` — every operation type is reached through the namespace import, never a bare name. */
const opType = (op: OperationModel) => `types.operations[${stringLiteral(op.operationId)}]`;

function isCallerOptional(param: ParameterModel): boolean {
  // The runtime fills {project_id} from ClientOptions.projectId and sets auth headers, so callers may leave them out.
  return !param.required || param.filledByRuntime;
}

/** The TypeScript type of one argument group (`path`, `query`, `headers`), or undefined when the operation has none. */
function groupType(op: OperationModel, location: ParameterModel['in']): { type: string; required: boolean } | undefined {
  const params = op.parameters.filter((p) => p.in === location);
  if (!params.length) return undefined;
  const source = `Params<${stringLiteral(op.operationId)}, ${stringLiteral(location)}>`;
  const members = params.map((p) => `${stringLiteral(p.name)}${isCallerOptional(p) ? '?' : ''}: ${source}[${stringLiteral(p.name)}];`);
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
    r.mediaType ? `${opType(op)}["responses"][${indexKey(r.status)}]["content"][${stringLiteral(r.mediaType)}]` : 'undefined',
  );
  return [...new Set(parts)].join(' | ');
}

function argsOptional(op: OperationModel): boolean {
  const groups = (['path', 'query', 'header'] as const).map((location) => groupType(op, location));
  return groups.every((g) => !g || !g.required) && !(op.body && op.body.required);
}

function docPage(op: OperationModel): string | undefined {
  const source = op.source;
  if (!source) return undefined;
  const where = [source.file, source.section && `§ ${source.section}`, source.table && `(${source.table})`].filter(Boolean).join(' ');
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

export function emitClient(service: ServiceModel): string {
  // All statements are collected as structures and printed once: adding them one by one re-parses the growing file
  // on every call (quadratic; minutes for a 300-operation service).
  const statements: StatementStructures[] = [];
  const clientInterface = `${service.pascal}Client`;

  statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: './runtime/index.js', namedImports: ['createClient'] });
  statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: './runtime/index.js', isTypeOnly: true, namedImports: ['ApiResponse', 'ClientOptions', 'HuaweiCloudApiError', 'ServiceInfo'] });
  statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: './types.js', isTypeOnly: true, namespaceImport: 'types' });
  const stemsWithCodes = service.operations.map((op) => `${op.typeStem}ErrorCode`);
  if (stemsWithCodes.length) statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: './errors.js', isTypeOnly: true, namedImports: stemsWithCodes });
  statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: './operations.js', namedImports: ['operations'] });

  statements.push({ kind: StructureKind.TypeAlias,
    name: 'Params',
    typeParameters: [{ name: 'Id', constraint: 'keyof types.operations' }, { name: 'In', constraint: "'path' | 'query' | 'header'" }],
    docs: [{ description: "The parameters of one location of an operation, as openapi-typescript declares them." }],
    type: "NonNullable<types.operations[Id]['parameters'][In]>",
  });
  statements.push({ kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: [{ description: commentLines(`Where ${service.title} lives: the runtime fills {region} from ClientOptions.region.`).join('\n') }],
    declarations: [{ name: 'service', type: 'ServiceInfo', initializer: `{ name: ${stringLiteral(service.title)}, serverTemplate: ${stringLiteral(service.serverTemplate)} }` }],
  });

  const methods: OptionalKind<MethodSignatureStructure>[] = [];
  for (const op of service.operations) {
    const argsName = `${op.typeStem}Args`;
    const resultName = `${op.typeStem}Result`;
    const properties: { name: string; type: string; hasQuestionToken: boolean; docs?: string[] }[] = [];
    for (const [location, key] of [['path', 'path'], ['query', 'query'], ['header', 'headers']] as const) {
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
    properties.push({ name: 'signal', type: 'AbortSignal', hasQuestionToken: true, docs: ['Cancels the request (and its retries).'] });
    statements.push({
      kind: StructureKind.Interface,
      name: argsName,
      isExported: true,
      docs: [{ description: commentLines(`Arguments of \`${op.methodName}\` (${op.operationId}).`).join('\n') }],
      properties: properties.map((p) => ({ name: p.name, type: p.type, hasQuestionToken: p.hasQuestionToken, docs: p.docs?.map((d) => ({ description: d })) })),
    } satisfies InterfaceDeclarationStructure);
    statements.push({ kind: StructureKind.TypeAlias,
      name: resultName,
      isExported: true,
      docs: [{ description: commentLines(`Body of a successful \`${op.methodName}\` response.`).join('\n') }],
      type: resultType(op),
    });
    statements.push({ kind: StructureKind.TypeAlias,
      name: `${op.typeStem}Error`,
      isExported: true,
      docs: [{ description: commentLines(`What \`${op.methodName}\` rejects with on a non-2xx response; narrow \`errorCode\` with isKnownErrorCode().`).join('\n') }],
      type: `HuaweiCloudApiError<${op.typeStem}ErrorCode>`,
    });
    const optional = argsOptional(op);
    methods.push({
      name: op.methodName,
      docs: [{ description: methodDocLines(op).join('\n') }],
      parameters: [{ name: 'args', type: argsName, hasQuestionToken: optional }],
      returnType: `Promise<${resultName}>`,
    });
    methods.push({
      name: `${op.methodName}WithResponse`,
      // The full text is on the plain method; repeating it would double the size of large clients.
      docs: [{ description: [...commentLines(`Like \`${op.methodName}\`, resolving to the whole response: status, lower-case headers, request id and body.`), `@see ${op.methodName}`].join('\n') }],
      parameters: [{ name: 'args', type: argsName, hasQuestionToken: optional }],
      returnType: `Promise<ApiResponse<${resultName}>>`,
    });
  }

  statements.push({
    kind: StructureKind.Interface,
    name: clientInterface,
    isExported: true,
    docs: [{ description: commentLines(`Typed client of ${service.title}: one method per documented operation.`).join('\n') }],
    methods,
  });

  statements.push({ kind: StructureKind.Function,
    name: `create${service.pascal}Client`,
    isExported: true,
    docs: [
      {
        description: commentLines(
          `Creates a ${service.title} client. Authenticate with an IAM token ({ type: 'token' }) or AK/SK signing ({ type: 'aksk' }); set projectId to fill {project_id} path parameters.`,
        ).join('\n'),
      },
    ],
    parameters: [{ name: 'options', type: 'ClientOptions' }],
    returnType: clientInterface,
    statements: (writer) => {
      writer.writeLine('const client = createClient(options, service);');
      writer.write('return').block(() => {
        for (const op of service.operations) {
          const argsName = `${op.typeStem}Args`;
          const resultName = `${op.typeStem}Result`;
          const spec = `operations[${stringLiteral(op.methodName)}]`;
          const param = argsOptional(op) ? `args: ${argsName} = {}` : `args: ${argsName}`;
          writer.writeLine(`async ${op.methodName}(${param}): Promise<${resultName}> {`);
          writer.indent().write(`return (await client.request<${resultName}>(${spec}, args)).body;`).newLine();
          writer.writeLine('},');
          writer.writeLine(`${op.methodName}WithResponse(${param}): Promise<ApiResponse<${resultName}>> {`);
          writer.indent().write(`return client.request<${resultName}>(${spec}, args);`).newLine();
          writer.writeLine('},');
        }
      });
      writer.write(';');
    },
  });
  const project = new Project({ useInMemoryFileSystem: true, skipAddingFilesFromTsConfig: true });
  const file = project.createSourceFile('client.ts', { statements }, { overwrite: true });
  return '// Generated by hwdocs from the OpenAPI document. Do not edit: regenerate instead.\n' + file.getFullText();
}

export function emitOperations(service: ServiceModel): string {
  const lines = [
    '// Generated by hwdocs from the OpenAPI document. Do not edit: regenerate instead.',
    '// One OperationSpec per operation: what the runtime needs to build, sign, send and validate the request.',
    "import type { OperationSpec } from './runtime/index.js';",
    "import { requestValidators, responseValidators } from './validators.js';",
    '',
    'export const operations = {',
  ];
  for (const op of service.operations) {
    const names = (location: ParameterModel['in']) => `[${op.parameters.filter((p) => p.in === location).map((p) => stringLiteral(p.name)).join(', ')}]`;
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
  return lines.join('\n');
}
