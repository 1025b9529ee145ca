// The generator's view of a spec: operations and schemas with their generated names decided once, here, so that
// every emitter (types aliases, client, validators, errors, README) agrees on them.
import { isPlainObject as isObject, type JsonObject, type JsonValue } from './spec/json.ts';
import { apiVersionOf } from '../scraper/interpret/names.ts';
import { unescapePointerSegment } from './escape.ts';
import { assignNames, compareCodeUnits, NameScope, toCamelCase, toPascalCase, splitWords } from './names.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS';
const METHODS: Record<string, HttpMethod> = {
  get: 'GET',
  put: 'PUT',
  post: 'POST',
  delete: 'DELETE',
  options: 'OPTIONS',
  head: 'HEAD',
  patch: 'PATCH',
};

export interface ParameterModel {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  description: string;
  schema: JsonObject;
  /**
   * The runtime supplies it (`{project_id}` from ClientOptions.projectId; auth and signing headers such as
   * X-Auth-Token, which manuals list as required header parameters): callers may leave it out.
   */
  filledByRuntime: boolean;
}

/** Header parameters the runtime sets itself (authentication, signing, content negotiation), lower-case. */
const RUNTIME_HEADERS = new Set([
  'x-auth-token',
  'authorization',
  'x-sdk-date',
  'x-project-id',
  'x-security-token',
  'content-type',
  'user-agent',
  'host',
]);

export interface ResponseModel {
  status: string;
  description: string;
  mediaType?: string;
  schema?: JsonObject;
}

export interface SourceRef {
  file?: string;
  section?: string;
  table?: string;
  url?: string;
}

export interface OperationModel {
  operationId: string;
  /**
   * camelCase name from the operationId, unique in the service: the key of the operation in operations.ts and the
   * validator tables, and the method name of an operation without an API version.
   */
  methodName: string;
  /** The API version the operation belongs to (`x-api-version`, else the path's first `/vN[.N]/` segment). */
  apiVersion?: string;
  /**
   * camelCase method name on its version namespace (`client.v3.listListeners`), or on the client itself for an
   * operation without a version: `x-operation-name`, else the operationId.
   */
  versionMethodName: string;
  /** PascalCase stem for per-operation types (`<Stem>Args`, `<Stem>ErrorCode`), unique. */
  typeStem: string;
  method: HttpMethod;
  path: string;
  summary: string;
  description: string;
  tags: string[];
  deprecated: boolean;
  source?: SourceRef;
  parameters: ParameterModel[];
  body?: { required: boolean; mediaType: string; schema: JsonObject; description: string };
  responses: ResponseModel[];
  errorCodes: string[];
}

export interface SchemaModel {
  /** Key in components.schemas, exact. */
  name: string;
  /** Exported type alias name, unique. */
  typeName: string;
  /** Validator function stem: `validate<Stem>` / `is<Stem>`. */
  validatorStem: string;
  schema: JsonObject;
}

export interface ErrorCodeModel {
  code: string;
  status: string;
  message: string;
  description: string;
  action: string;
}

/** The operations of one API version: `client.<key>.<versionMethodName>()`. */
export interface VersionModel {
  /** As documented: `v2`, `v2.0`, `v3`. */
  apiVersion: string;
  /** Property of the client (`v2`, `v2_0`, `v3`). */
  key: string;
  /** PascalCase stem of the namespace's interface (`V2`, `V2_0`). */
  pascal: string;
  operations: OperationModel[];
}

export interface ServiceModel {
  /** Display name from info.title without " API" (`APIG`). */
  title: string;
  /** PascalCase service identifier (`Apig`). */
  pascal: string;
  /** lower-case slug (`apig`). */
  slug: string;
  version: string;
  description: string;
  serverTemplate: string;
  operations: OperationModel[];
  /** Operations grouped by API version, sorted by key; operations without a version are not in any. */
  versions: VersionModel[];
  /**
   * The client also carries the methods of its only version directly (`client.listListeners()` beside
   * `client.v3.listListeners()`): true when the service has at most one version, so single-version packages keep
   * the flat methods they always had.
   */
  flatMethods: boolean;
  schemas: SchemaModel[];
  errorCodes: ErrorCodeModel[];
  security: { iamToken: boolean; akskSigning: boolean };
}

const text = (value: JsonValue | undefined): string =>
  typeof value === 'string' ? value : value == null ? '' : String(value);

/** Follows one local `$ref` (`#/components/parameters/x`), once; schemas keep their refs for the emitters. */
function deref(doc: JsonObject, value: JsonValue | undefined): JsonObject | undefined {
  if (!isObject(value)) return undefined;
  if (typeof value.$ref !== 'string') return value;
  let target: JsonValue | undefined = doc;
  for (const raw of value.$ref.replace(/^#\//, '').split('/'))
    target = isObject(target) ? target[unescapePointerSegment(raw)] : undefined;
  return isObject(target) ? target : undefined;
}

function readParameters(doc: JsonObject, list: JsonValue | undefined): ParameterModel[] {
  if (!Array.isArray(list)) return [];
  const out: ParameterModel[] = [];
  for (const entry of list) {
    const param = deref(doc, entry);
    if (!param || typeof param.name !== 'string') continue;
    if (param.in !== 'path' && param.in !== 'query' && param.in !== 'header') continue; // cookies: not used by Huawei APIs
    out.push({
      name: param.name,
      in: param.in,
      required: param.in === 'path' || param.required === true,
      description: text(param.description),
      schema: isObject(param.schema) ? param.schema : {},
      filledByRuntime:
        (param.in === 'path' && param.name === 'project_id') ||
        (param.in === 'header' && RUNTIME_HEADERS.has(param.name.toLowerCase())),
    });
  }
  return out;
}

/** Picks the JSON media type when there is one (the runtime serialises bodies as JSON), otherwise the first. */
function pickMedia(content: JsonValue | undefined): { mediaType: string; schema: JsonObject } | undefined {
  if (!isObject(content)) return undefined;
  const types = Object.keys(content).sort(compareCodeUnits);
  const mediaType = types.find((t) => /[/+]json\b/i.test(t)) ?? types[0];
  if (!mediaType) return undefined;
  const media = content[mediaType];
  return { mediaType, schema: isObject(media) && isObject(media.schema) ? media.schema : {} };
}

function readSource(value: JsonValue | undefined): SourceRef | undefined {
  if (!isObject(value)) return undefined;
  const source: SourceRef = {};
  for (const key of ['file', 'section', 'table', 'url'] as const)
    if (value[key] != null) source[key] = text(value[key]);
  return Object.keys(source).length ? source : undefined;
}

function readErrorCodes(value: JsonValue | undefined): string[] {
  if (!Array.isArray(value)) return [];
  const codes = value.map((entry) => (isObject(entry) ? text(entry.code) : text(entry))).filter(Boolean);
  return [...new Set(codes)].sort(compareCodeUnits);
}

function readCatalogue(value: JsonValue | undefined): ErrorCodeModel[] {
  if (!Array.isArray(value)) return [];
  const byCode = new Map<string, ErrorCodeModel>();
  for (const entry of value) {
    if (!isObject(entry) || !text(entry.code)) continue;
    const code = text(entry.code);
    if (!byCode.has(code)) {
      byCode.set(code, {
        code,
        status: text(entry.status),
        message: text(entry.message),
        description: text(entry.description),
        action: text(entry.action),
      });
    }
  }
  return [...byCode.values()].sort((a, b) => compareCodeUnits(a.code, b.code));
}

function serviceTitle(doc: JsonObject): string {
  const info = isObject(doc.info) ? doc.info : {};
  const title = text(info.title)
    .replace(/\s*API\s*$/i, '')
    .trim();
  return title || 'Service';
}

function serverTemplate(doc: JsonObject): string {
  const servers = Array.isArray(doc.servers) ? doc.servers : [];
  const first = servers.find(isObject);
  return first ? text(first.url) : '';
}

/** Names our generated modules export themselves; document-derived names must not take them. */
const RESERVED_EXPORTS = [
  'paths',
  'components',
  'operations',
  'webhooks',
  'createClient',
  'ClientOptions',
  'ApiResponse',
  'OperationSpec',
  'RequestArgs',
  'ValidationIssue',
  'HuaweiCloudApiError',
  'ServiceInfo',
  'ErrorCode',
  'errorCatalog',
  'isKnownErrorCode',
  'operationSpecs',
  'service',
  'types',
  'runtime',
  'validators',
  'errors',
  'Credentials',
  '$defs',
  'ErrorCodeInfo',
  'KnownErrorCode',
  'requestValidators',
  'responseValidators',
  'NetworkError',
  'TimeoutError',
  'RequestValidationError',
  'ResponseValidationError',
  'ResponseParseError',
  'Client',
  'ErrorCodesByStatus',
  'pageStrategies',
  'PageStrategy',
  'paginate',
  'MAX_PAGES',
];

export function buildServiceModel(doc: JsonObject): ServiceModel {
  const title = serviceTitle(doc);
  // `APIG` → `Apig` (createApigClient), `ModelArts` stays: all-capital words read better capitalised once.
  const pascal = toPascalCase(
    splitWords(title)
      .map((w) => (w === w.toUpperCase() ? w.charAt(0) + w.slice(1).toLowerCase() : w))
      .join('_'),
  );
  const slug =
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'service';
  const info = isObject(doc.info) ? doc.info : {};

  // Operations in a stable order: by operationId.
  const rawOps: (Omit<OperationModel, 'methodName' | 'typeStem' | 'versionMethodName'> & { officialName?: string })[] =
    [];
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const path of Object.keys(paths).sort(compareCodeUnits)) {
    const item = deref(doc, paths[path]);
    if (!item) continue;
    const shared = readParameters(doc, item.parameters);
    for (const lower of Object.keys(METHODS)) {
      const op = item[lower];
      if (!isObject(op) || typeof op.operationId !== 'string') continue;
      const own = readParameters(doc, op.parameters);
      // Operation parameters override path-item ones with the same name and location.
      const parameters = [...shared.filter((s) => !own.some((o) => o.name === s.name && o.in === s.in)), ...own];
      const requestBody = deref(doc, op.requestBody);
      const media = requestBody ? pickMedia(requestBody.content) : undefined;
      const responses: ResponseModel[] = [];
      const rawResponses = isObject(op.responses) ? op.responses : {};
      for (const status of Object.keys(rawResponses).sort(compareCodeUnits)) {
        const response = deref(doc, rawResponses[status]);
        if (!response) continue;
        const picked = pickMedia(response.content);
        responses.push({
          status,
          description: text(response.description),
          mediaType: picked?.mediaType,
          schema: picked?.schema,
        });
      }
      const apiVersion =
        typeof op['x-api-version'] === 'string' && op['x-api-version'].trim()
          ? op['x-api-version'].trim()
          : apiVersionOf(path); // specs written before x-api-version: the scraper's own rule
      const officialName =
        typeof op['x-operation-name'] === 'string' && op['x-operation-name'].trim()
          ? op['x-operation-name'].trim()
          : undefined;
      rawOps.push({
        operationId: op.operationId,
        ...(apiVersion ? { apiVersion } : {}),
        ...(officialName ? { officialName } : {}),
        method: METHODS[lower],
        path,
        summary: text(op.summary),
        description: text(op.description),
        tags: Array.isArray(op.tags) ? op.tags.map(text) : [],
        deprecated: op.deprecated === true,
        source: readSource(op['x-source']),
        parameters,
        body:
          requestBody && media
            ? {
                required: requestBody.required === true,
                mediaType: media.mediaType,
                schema: media.schema,
                description: text(requestBody.description),
              }
            : undefined,
        responses,
        errorCodes: readErrorCodes(op['x-error-codes']),
      });
    }
  }
  rawOps.sort((a, b) => compareCodeUnits(a.operationId, b.operationId));
  const ids = rawOps.map((op) => op.operationId);
  // Per-service names (`ApigClient`, `ApigErrorCode`, `createApigClient`) must not be taken by document names.
  const versions = groupVersions(rawOps);
  const serviceNames = [
    pascal,
    `${pascal}Client`,
    `${pascal}ErrorCode`,
    `create${pascal}Client`,
    ...[...versions.keys()].map((key) => versionInterfaceName(pascal, key)),
  ];
  const methodNames = assignNames(ids, toCamelCase, [...RESERVED_EXPORTS, ...serviceNames], ['', 'WithResponse']);
  const typeStems = assignNames(
    ids,
    toPascalCase,
    [...RESERVED_EXPORTS, ...serviceNames],
    ['Args', 'Result', 'ErrorCode', 'Error'],
  );
  // Method names are claimed per object they live on: each version namespace, and the client itself, which holds
  // the operations without a version and, when the service has a single version, that version's methods too.
  const unversioned = rawOps.filter((op) => !op.apiVersion);
  const keys = [...versions.keys()];
  const scopes =
    keys.length === 1 ? [[...unversioned, ...versions.get(keys[0])!]] : [unversioned, ...versions.values()];
  const versionMethodNames = new Map<string, string>();
  for (const ops of scopes) for (const [id, name] of namespaceMethodNames(ops, keys)) versionMethodNames.set(id, name);
  const operations: OperationModel[] = rawOps.map(({ officialName: _, ...op }) => ({
    ...op,
    methodName: methodNames.get(op.operationId)!,
    versionMethodName: versionMethodNames.get(op.operationId) ?? methodNames.get(op.operationId)!,
    typeStem: typeStems.get(op.operationId)!,
  }));
  const byId = new Map(operations.map((op) => [op.operationId, op]));
  const versionModels: VersionModel[] = [...versions.keys()]
    .map((key) => {
      const ops = versions.get(key)!.map((raw) => byId.get(raw.operationId)!);
      return { apiVersion: ops[0].apiVersion!, key, pascal: versionPascal(key), operations: ops };
    })
    .sort((a, b) => compareVersionKeys(a.key, b.key));

  const components = isObject(doc.components) ? doc.components : {};
  const rawSchemas = isObject(components.schemas) ? components.schemas : {};
  const schemaKeys = Object.keys(rawSchemas).sort(compareCodeUnits);
  // Type aliases and per-operation types share the index.ts namespace, so they are claimed in one scope.
  const reservedForTypes = [
    ...RESERVED_EXPORTS,
    ...serviceNames,
    ...[...typeStems.values()].flatMap((s) => [`${s}Args`, `${s}Result`, `${s}ErrorCode`, `${s}Error`]),
  ];
  const typeNames = assignNames(schemaKeys, toPascalCase, reservedForTypes);
  const schemas = schemaKeys.map((name) => ({
    name,
    typeName: typeNames.get(name)!,
    validatorStem: typeNames.get(name)!,
    schema: isObject(rawSchemas[name]) ? (rawSchemas[name] as JsonObject) : {},
  }));

  const schemesRaw = isObject(components.securitySchemes) ? components.securitySchemes : {};
  return {
    title,
    pascal,
    slug,
    version: text(info.version) || '0.0.0',
    description: text(info.description),
    serverTemplate: serverTemplate(doc),
    operations,
    versions: versionModels,
    flatMethods: versionModels.length <= 1,
    schemas,
    errorCodes: readCatalogue(doc['x-error-codes']),
    security: { iamToken: 'iamToken' in schemesRaw, akskSigning: 'akskSigning' in schemesRaw },
  };
}

/** `v2_0` → `V2_0` (toPascalCase would drop the underscore and make `v2_0` read like `v20`). */
export function versionPascal(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1);
}

/** `ApigV2Client`, `ElbV2_0Client`: the interface of one version namespace. */
export function versionInterfaceName(servicePascal: string, key: string): string {
  return `${servicePascal}${versionPascal(key)}Client`;
}

/** `v2.0` → `v2_0`, `V3` → `v3`, `2` → `v2`: the client property of a version namespace. */
export function versionKey(apiVersion: string): string {
  const key = apiVersion
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[a-z]/.test(key) ? key : `v${key}`;
}

/** Numeric order of version keys (`v2` < `v2_0` < `v3` < `v10`), then code units. */
export function compareVersionKeys(a: string, b: string): number {
  const numbers = (key: string) => (key.match(/\d+/g) ?? []).map(Number);
  const [x, y] = [numbers(a), numbers(b)];
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length || compareCodeUnits(a, b);
}

/** Operations with a version, by version key (two spellings of one version, `V2` and `v2`, share a namespace). */
function groupVersions<T extends { operationId: string; apiVersion?: string }>(ops: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const op of ops) {
    if (!op.apiVersion) continue;
    const key = versionKey(op.apiVersion);
    groups.set(key, [...(groups.get(key) ?? []), op]);
  }
  return groups;
}

/** Names the namespace itself uses (`client.v3.paginate`) plus the suffix every method has a twin with. */
const NAMESPACE_RESERVED = ['paginate'];

/**
 * Method names inside one version namespace: the official name (`x-operation-name`), else the operationId. When two
 * operations of one version want the same name, both fall back to their operationIds (unique in the document), so
 * a name never depends on which of them was read first; only identical operationId words would still need `_2`.
 */
export function namespaceMethodNames(
  ops: readonly { operationId: string; officialName?: string }[],
  reserved: readonly string[] = [],
): Map<string, string> {
  const wanted = new Map(ops.map((op) => [op.operationId, toCamelCase(op.officialName ?? op.operationId)]));
  const count = new Map<string, number>();
  for (const name of wanted.values()) count.set(name.toLowerCase(), (count.get(name.toLowerCase()) ?? 0) + 1);
  const scope = new NameScope([...NAMESPACE_RESERVED, ...reserved]);
  const names = new Map<string, string>();
  for (const id of [...wanted.keys()].sort(compareCodeUnits)) {
    const name = wanted.get(id)!;
    names.set(
      id,
      scope.claimWithSuffixes(count.get(name.toLowerCase())! > 1 ? toCamelCase(id) : name, ['', 'WithResponse']),
    );
  }
  return names;
}

/** Resolves a `#/components/schemas/<Name>` reference to its model, or undefined for anything else. */
export function schemaRefName(ref: string): string | undefined {
  const match = /^#\/components\/schemas\/(.+)$/.exec(ref);
  return match ? unescapePointerSegment(match[1]) : undefined;
}
