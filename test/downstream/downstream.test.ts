// A downstream app as a team would write it: two generated service packages (APIG from spec/, ModelArts from the
// hand-written fixture) that share one runtime package (`--runtime`), each built with its own `npm run build` script,
// linked into the app's node_modules. The app is type-checked under the strictest flags a consumer may use and
// then run twice with node — once as ESM (`import`), once as CommonJS (`require`) — against a scripted HTTP server on
// 127.0.0.1 that this test starts: a call through a version namespace, a paginated iterator (one item with an enum
// value the docs do not list, under validate: 'all'), a flat method and an error from each service, which must be
// the one shared HuaweiCloudApiError class and narrow in a `switch`. Every request must arrive AK/SK-signed.
// The README's "generated surface" snippet is compiled in the same program, so it cannot drift from the real API.
import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePackage, generateRuntimePackage } from '../../generator/index.ts';
import { verifyAkSkSignature } from '../runtime/server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'node_modules/.bin');
const RUNTIME = '@acme/hwdocs-runtime';
const SERVICES = [
  { name: '@acme/apig', spec: join(ROOT, 'spec/apig.openapi.yaml') },
  { name: '@acme/modelarts', spec: join(ROOT, 'test/fixtures/specs/modelarts-mini.openapi.yaml') },
];
const SECRET = { AKDOWNSTREAM: 'downstream-secret' };
/** Bounds a child process (tsc, a package build): a hang fails with its output instead of the suite timeout. */
const CHILD_TIMEOUT_MS = 150_000;

interface Run {
  code: number | string | null;
  stdout: string;
  stderr: string;
}

/** Runs a command without blocking this process's event loop (the scripted server lives here). */
function run(file: string, args: string[], cwd: string, timeout = CHILD_TIMEOUT_MS): Promise<Run> {
  return new Promise((done) => {
    const child = execFile(
      file,
      args,
      {
        cwd,
        timeout,
        killSignal: 'SIGKILL',
        maxBuffer: 1 << 24,
        env: { ...process.env, PATH: `${BIN}${delimiter}${process.env.PATH ?? ''}` },
      },
      (error, stdout, stderr) => {
        const code = error ? ((error as { code?: number | string }).code ?? error.message) : 0;
        const killed = error && (error as { killed?: boolean }).killed ? `\n(killed after ${timeout} ms)` : '';
        done({ code, stdout, stderr: stderr + killed });
      },
    );
    child.stdin?.end(); // nothing to read: a child waiting on stdin would otherwise hang until the timeout
  });
}

/** The package's own build script (tsc to dist/esm and dist/cjs), run the way `npm run build` runs it. */
async function buildPackage(dir: string): Promise<void> {
  const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { scripts: { build: string } };
  const built = await run('sh', ['-c', pkg.scripts.build], dir);
  expect(built.code, `${dir}: ${built.stdout}${built.stderr}`).toBe(0);
}

/**
 * A folder of the app for one package, linked from node_modules the way `npm install <folder>` links it. Packages are
 * built in their own folder, not inside node_modules: tsc leaves ESM syntax untransformed in files it finds under
 * node_modules (it takes them for a library's), so a `module: CommonJS` build there would write ESM to dist/cjs.
 */
async function vendor(app: string, name: string): Promise<string> {
  const dir = join(app, 'vendor', name);
  await mkdir(dir, { recursive: true });
  const link = join(app, 'node_modules', name);
  await mkdir(dirname(link), { recursive: true });
  await symlink(dir, link, 'dir');
  return dir;
}

// ---------------------------------------------------------------------------------------------------------------
// The scripted server: answers by route, never stalls, closes every connection after its response.

interface Seen {
  method: string;
  url: string;
  signature: string;
}

const APP = { id: 'a1', name: 'app_demo', app_type: 'apig', creator: 'USER', status: 1 };
/** Three ACLs over two pages of two; the last has an acl_type the docs do not list (response enums are open). */
const ACLS = [
  { id: 'acl-1', acl_name: 'allow-office', acl_type: 'PERMIT', entity_type: 'IP', acl_value: '10.0.0.0/8' },
  { id: 'acl-2', acl_name: 'deny-bots', acl_type: 'DENY', entity_type: 'DOMAIN', acl_value: 'example.com' },
  { id: 'acl-3', acl_name: 'new-kind', acl_type: 'RATE_LIMITED', entity_type: 'IP', acl_value: '192.0.2.1' },
];

function route(method: string, url: URL): [number, unknown] {
  const path = url.pathname;
  if (method === 'GET' && path === '/v2/p1/apigw/instances/i1/apps/a1') return [200, APP];
  if (method === 'GET' && path === '/v2/p1/apigw/instances/i1/apps/missing')
    return [404, { error_code: 'APIG.3004', error_msg: 'The app does not exist.', request_id: 'req-apig' }];
  if (method === 'GET' && path === '/v2/p1/apigw/instances/i1/acls') {
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 20);
    const page = ACLS.slice(offset, offset + limit);
    return [200, { acls: page, size: page.length, total: ACLS.length }];
  }
  if (method === 'GET' && path === '/v2/p1/datasets') {
    if (url.searchParams.get('dataset_type') === '0')
      return [200, { total_number: 1, datasets: [{ dataset_id: 'ds-1', dataset_name: 'cats' }] }];
    return [400, { error_code: 'ModelArts.4101', error_msg: 'Invalid dataset type', request_id: 'req-ma' }];
  }
  return [404, { error_code: 'TEST.404', error_msg: `no route for ${method} ${path}` }];
}

function startServer(seen: Seen[]): Promise<{ server: Server; endpoint: string }> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        signature: verifyAkSkSignature(req, body, SECRET),
      });
      const [status, answer] = route(req.method ?? '', new URL(req.url ?? '/', 'http://127.0.0.1'));
      // Connection: close — no keep-alive socket may keep the app process (or this server) alive afterwards.
      res.writeHead(status, { 'Content-Type': 'application/json', Connection: 'close' });
      res.end(JSON.stringify(answer));
    });
  });
  return new Promise((ready) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      ready({ server, endpoint: `http://127.0.0.1:${port}` });
    }),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The app. One body, two module formats: only the way it loads the packages differs.

const ESM_HEADER = `import {
  createApigClient,
  ApigErrorCode,
  HuaweiCloudApiError as ApigApiError,
  isKnownErrorCode as isKnownApigCode,
} from '@acme/apig';
import type { ShowDetailsOfAppV2Error } from '@acme/apig';
import {
  createModelArtsClient,
  ModelArtsErrorCode,
  HuaweiCloudApiError as ModelArtsApiError,
  isKnownErrorCode as isKnownModelArtsCode,
} from '@acme/modelarts';
import type { ListDatasetsError } from '@acme/modelarts';
import { HuaweiCloudApiError } from '${RUNTIME}';
import type { ClientOptions } from '${RUNTIME}';
`;

// verbatimModuleSyntax forbids ESM import syntax in a CommonJS file, and erasableSyntaxOnly forbids
// \`import x = require()\`: a CommonJS consumer under both writes require() with the package's own types.
const CJS_HEADER = `const {
  createApigClient,
  ApigErrorCode,
  HuaweiCloudApiError: ApigApiError,
  isKnownErrorCode: isKnownApigCode,
} = require('@acme/apig') as typeof import('@acme/apig');
import type { ShowDetailsOfAppV2Error } from '@acme/apig';
const {
  createModelArtsClient,
  ModelArtsErrorCode,
  HuaweiCloudApiError: ModelArtsApiError,
  isKnownErrorCode: isKnownModelArtsCode,
} = require('@acme/modelarts') as typeof import('@acme/modelarts');
import type { ListDatasetsError } from '@acme/modelarts';
const { HuaweiCloudApiError } = require('${RUNTIME}') as typeof import('${RUNTIME}');
import type { ClientOptions } from '${RUNTIME}';
`;

const APP_BODY = `
/** What the app saw, printed as JSON for the test. */
const report: Record<string, unknown> = {};
const endpoint = process.argv[2];
if (endpoint === undefined) throw new Error('usage: main <endpoint>');
const options: ClientOptions = {
  endpoint,
  allowInsecureEndpoint: true,
  projectId: 'p1',
  credentials: { type: 'aksk', accessKey: 'AKDOWNSTREAM', secretKey: 'downstream-secret' },
  retries: 0,
  timeoutMs: 5000,
  validate: 'all',
};
const apig = createApigClient(options);
const modelarts = createModelArtsClient(options);

async function main(): Promise<void> {
  // A method of a version namespace.
  const app = await apig.v2.showDetailsOfAppV2({ path: { instance_id: 'i1', app_id: 'a1' } });
  report.app = [app.name, app.creator];

  // The paginated iterator: pages fetched as the loop asks for them. Response enums are open to new values (the
  // server sends one; validate: 'all' accepts it), request enums exact.
  const acls: string[] = [];
  for await (const acl of apig.v2.paginate.listAclStrategiesV2({ path: { instance_id: 'i1' }, query: { limit: 2 } })) {
    const later: NonNullable<typeof acl.acl_type> = 'RATE_LIMITED'; // compiles only if the response enum is open
    acls.push(\`\${acl.id}:\${acl.acl_type === later ? 'new ' : ''}\${acl.acl_type}\`);
  }
  report.acls = acls;
  // @ts-expect-error -- the request enum is exact: 'RATE_LIMITED' is not a documented acl_type
  const exact = () => apig.v2.listAclStrategiesV2({ path: { instance_id: 'i1' }, query: { acl_type: 'RATE_LIMITED' } });
  void exact;

  // A service with one API version keeps its flat methods beside the namespace.
  const datasets = await modelarts.listDatasets({ query: { dataset_type: 0 } });
  report.datasets = (datasets.datasets ?? []).map((dataset) => dataset.dataset_id);

  // An error from each service: the one class of the shared runtime, whichever package exports it.
  const errors: unknown[] = [];
  try {
    await apig.v2.showDetailsOfAppV2({ path: { instance_id: 'i1', app_id: 'missing' } });
  } catch (error) {
    errors.push(error);
    if (!(error instanceof HuaweiCloudApiError)) throw error;
    const failure = error as ShowDetailsOfAppV2Error;
    if (!isKnownApigCode(failure.errorCode)) throw error;
    switch (failure.errorCode) {
      case ApigErrorCode.APIG_3004: {
        const narrowed: 'APIG.3004' = failure.errorCode; // compiles only if the switch narrowed
        report.apigError = [narrowed, failure.status, failure.requestId];
        break;
      }
      default:
        report.apigError = ['unexpected', failure.errorCode];
    }
  }
  try {
    await modelarts.v2.listDatasets({ query: { dataset_type: 1 } });
  } catch (error) {
    errors.push(error);
    if (!(error instanceof HuaweiCloudApiError)) throw error;
    const failure = error as ListDatasetsError;
    if (!isKnownModelArtsCode(failure.errorCode)) throw error;
    switch (failure.errorCode) {
      case ModelArtsErrorCode.ModelArts_4101: {
        const narrowed: 'ModelArts.4101' = failure.errorCode;
        report.modelartsError = [narrowed, failure.status, failure.requestId];
        break;
      }
      default:
        report.modelartsError = ['unexpected', failure.errorCode];
    }
  }
  report.oneErrorClass =
    errors.length === 2 &&
    errors.every((error) => error instanceof HuaweiCloudApiError) &&
    errors.every((error) => error instanceof ApigApiError && error instanceof ModelArtsApiError) &&
    ApigApiError === HuaweiCloudApiError &&
    ModelArtsApiError === HuaweiCloudApiError;
  process.stdout.write(JSON.stringify(report) + '\\n');
}

main().catch((error: unknown) => {
  process.stderr.write(\`\${error instanceof Error ? (error.stack ?? error.message) : String(error)}\\n\`);
  process.exitCode = 1;
});
`;

/** The consumer's flags: what a strict team turns on, beyond the generated packages' own tsconfig. */
const CONSUMER_TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    verbatimModuleSyntax: true,
    erasableSyntaxOnly: true,
    // The packages' declarations are checked under these flags too, not skipped; TypeScript's own lib files are.
    skipLibCheck: false,
    skipDefaultLibCheck: true,
    // Not @types/node: checking it would take most of the time; src/node-globals.d.ts declares what the app uses.
    types: [],
    lib: ['ES2022', 'DOM'],
    rootDir: 'src',
    outDir: 'dist',
  },
  include: ['src'],
};

/** The few Node.js globals the app uses. */
const NODE_GLOBALS = `declare const process: {
  readonly argv: string[];
  readonly stdout: { write(text: string): boolean };
  readonly stderr: { write(text: string): boolean };
  exitCode: number | undefined;
};
declare function require(id: string): unknown;
`;

/** The README's "generated surface" block, importing the package under its name here, free names declared. */
async function readmeSnippet(): Promise<string> {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('#### The generated surface'));
  const code = /```ts\n([\s\S]*?)\n```/.exec(section)?.[1];
  if (code === undefined) throw new Error('README.md: no ts block after "#### The generated surface"');
  const declared = ['projectId', 'accessKey', 'secretKey', 'instance_id', 'throttle_id'];
  return [
    ...declared.map((name) => `declare const ${name}: string;`),
    code.replace(/from 'hwdocs-apig'/g, "from '@acme/apig'"),
    'export {};',
  ].join('\n');
}

describe('a downstream app on two generated services and one shared runtime', () => {
  let work: string;
  let app: string;
  let compiled: Run;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'hwdocs-downstream-'));
    app = join(work, 'app');
    const runtimeDir = await vendor(app, RUNTIME);
    const serviceDirs = await Promise.all(SERVICES.map((service) => vendor(app, service.name)));
    // The services' builds resolve the runtime's declarations from its dist/, so it is built before them (while
    // the services are generated).
    await Promise.all([
      generateRuntimePackage(runtimeDir, RUNTIME).then(() => buildPackage(runtimeDir)),
      ...SERVICES.map((service, index) =>
        generatePackage(service.spec, serviceDirs[index]!, { name: service.name, runtime: RUNTIME }),
      ),
    ]);
    await Promise.all(serviceDirs.map(buildPackage));

    await mkdir(join(app, 'src'), { recursive: true });
    await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    await writeFile(join(app, 'tsconfig.json'), JSON.stringify(CONSUMER_TSCONFIG, null, 2));
    await writeFile(join(app, 'src/main.mts'), ESM_HEADER + APP_BODY);
    await writeFile(join(app, 'src/main.cts'), CJS_HEADER + APP_BODY);
    await writeFile(join(app, 'src/readme.mts'), await readmeSnippet());
    await writeFile(join(app, 'src/node-globals.d.ts'), NODE_GLOBALS);
    compiled = await run(join(BIN, 'tsc'), ['-p', 'tsconfig.json'], app);
  }, 400_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('the services import the shared runtime instead of shipping a copy', async () => {
    for (const service of SERVICES) {
      const dir = join(app, 'node_modules', service.name);
      const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
      expect(pkg.peerDependencies).toEqual({ [RUNTIME]: '*' });
      expect(await readFile(join(dir, 'client.ts'), 'utf8')).toContain(`from '${RUNTIME}'`);
      await expect(readFile(join(dir, 'runtime/index.ts'), 'utf8')).rejects.toThrow();
    }
  });

  it('compiles under strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess, verbatimModuleSyntax, erasableSyntaxOnly (ESM, CJS, README)', () => {
    expect(compiled.code, compiled.stdout + compiled.stderr).toBe(0);
  });

  describe.each([
    ['ESM (import)', 'dist/main.mjs'],
    ['CommonJS (require)', 'dist/main.cjs'],
  ])('runs from %s against a server on 127.0.0.1', (_format, entry) => {
    let server: Server | undefined;
    const seen: Seen[] = [];
    let result: Run;

    beforeAll(async () => {
      if (compiled.code !== 0) return; // reported by the compile case
      const started = await startServer(seen);
      server = started.server;
      result = await run(process.execPath, [entry, started.endpoint], app, 20_000);
    }, 60_000);

    afterAll(async () => {
      if (!server) return;
      server.closeAllConnections();
      await new Promise<void>((closed) => server!.close(() => closed()));
    });

    it('calls a versioned method, pages, a flat method and gets one error class from both services', () => {
      expect(compiled.code, 'the app did not compile').toBe(0);
      expect(result.code, `exit ${result.code}\nstderr:\n${result.stderr}\nstdout:\n${result.stdout}`).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual({
        app: ['app_demo', 'USER'],
        acls: ['acl-1:PERMIT', 'acl-2:DENY', 'acl-3:new RATE_LIMITED'],
        datasets: ['ds-1'],
        apigError: ['APIG.3004', 404, 'req-apig'],
        modelartsError: ['ModelArts.4101', 400, 'req-ma'],
        oneErrorClass: true,
      });
    });

    it('sent signed requests, the pages in order, nothing else', () => {
      expect(seen.map((request) => `${request.method} ${request.url}`)).toEqual([
        'GET /v2/p1/apigw/instances/i1/apps/a1',
        'GET /v2/p1/apigw/instances/i1/acls?limit=2',
        'GET /v2/p1/apigw/instances/i1/acls?limit=2&offset=2',
        'GET /v2/p1/datasets?dataset_type=0',
        'GET /v2/p1/apigw/instances/i1/apps/missing',
        'GET /v2/p1/datasets?dataset_type=1',
      ]);
      expect(seen.map((request) => request.signature)).toEqual(seen.map(() => 'valid'));
    });
  });
});
