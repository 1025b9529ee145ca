// Benchmark: generated straight-line validators vs Ajv compiled from the same schemas, on example payloads (valid
// and invalid). Prints ops/s and ratios; asserts nothing. Usage: npm run bench:validate [-- --ms 300]
import { readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { generatePackage } from '../generator/index.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const WORK = join(ROOT, 'test/tmp/bench/validate');
/** `--ms N`, `--ms=N`, or `npm run bench:validate --ms N` (npm keeps the flag as npm_config_ms, N as a lone argument). */
function msOption(argv: string[], env: NodeJS.ProcessEnv): number {
  let value: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--ms') value = argv[++i];
    else if (argv[i].startsWith('--ms=')) value = argv[i].slice(5);
    else rest.push(argv[i]);
  }
  if (value === undefined && env.npm_config_ms !== undefined)
    value = /^\d+$/.test(env.npm_config_ms) ? env.npm_config_ms : rest.shift();
  if (rest.length) throw new Error(`unexpected arguments: ${rest.join(' ')} (usage: [--ms N])`);
  const ms = value === undefined ? 500 : Number(value);
  if (!Number.isFinite(ms) || ms <= 0) throw new Error(`--ms wants a positive number, got ${JSON.stringify(value)}`);
  return ms;
}
const MS = msOption(process.argv.slice(2), process.env);

type Issue = { path: string; keyword: string };
interface Case {
  spec: string;
  schema: string;
  label: string;
  payload: unknown;
}

const clone = <T>(value: T): T => structuredClone(value);

/** Hand-written payloads for the ModelArts fixture (nested refs, arrays, maps, recursion). */
function modelArtsCases(): Case[] {
  const job = {
    kind: 'job',
    metadata: {
      name: 'train-resnet50',
      description: '图像分类训练作业',
      workspace_id: '0',
      annotations: { job_template: 'Template DL', fault_tolerance: 'true' },
    },
    algorithm: {
      code_dir: '/bucket/code/',
      boot_file: '/bucket/code/train.py',
      parameters: Array.from({ length: 12 }, (_, i) => ({
        name: `param_${i}`,
        value: i % 2 ? i * 0.1 : `v${i}`,
        description: '超参',
        constraint: {
          type: 'Float',
          editable: true,
          required: false,
          sensitive: false,
          valid_type: 'Range',
          valid_range: [0, 1],
        },
      })),
      environments: { PYTHONUNBUFFERED: '1', NCCL_DEBUG: 'INFO', MA_NUM_GPUS: '8' },
      local_code_dir: '/home/ma-user/modelarts/user-job-dir',
      working_dir: '/home/ma-user/modelarts/user-job-dir/code',
    },
    spec: {
      resource: {
        policy: 'regular',
        flavor_id: 'modelarts.p3.large.public',
        node_count: 2,
        main_container_allocated_memory: 65536,
        ratio: 0.5,
        step: 1.5,
      },
      volumes: [{ nfs: { nfs_server_path: '192.168.0.1:/data', local_path: '/data', read_only: true } }],
    },
  };
  const label = (i: number) => ({
    name: `L${i}`,
    type: 0,
    property: { '@modelarts:color': '#3399ff', '@modelarts:shortcut': 'A', extra: null },
    attributes: [
      {
        id: 'a',
        name: 'size',
        values: [
          { id: 'v1', name: 'big' },
          { id: 'v2', name: 'small' },
        ],
      },
    ],
  });
  const tree = (depth: number): unknown => ({
    name: `d${depth}`,
    size: depth,
    children: depth ? [tree(depth - 1), tree(depth - 1)] : [],
    parent: null,
  });
  const datasets = {
    total_number: 100,
    datasets: Array.from({ length: 100 }, (_, i) => ({
      dataset_id: `ds${i}`,
      dataset_name: `dataset-${i}`,
      dataset_type: 0,
      labels: [label(1), label(2)],
    })),
  };
  const badJob = clone(job) as any;
  badJob.kind = 'batch';
  badJob.metadata.name = 'bad name!';
  badJob.algorithm.parameters[3].extra = true;
  badJob.spec.resource.node_count = 0;
  const badDatasets = clone(datasets) as any;
  badDatasets.datasets[50].labels[1].name = 'too long';
  delete badDatasets.datasets[99].dataset_id;
  const badTree = tree(6) as any;
  badTree.children[1].children[0].children[1].size = -1;
  const spec = 'modelarts-mini.openapi.yaml';
  return [
    { spec, schema: 'TrainingJob', label: 'valid job (12 params)', payload: job },
    { spec, schema: 'TrainingJob', label: 'invalid job (4 issues)', payload: badJob },
    { spec, schema: 'DatasetList', label: 'valid list, 100 datasets', payload: datasets },
    { spec, schema: 'DatasetList', label: 'invalid list (2 issues)', payload: badDatasets },
    { spec, schema: 'DirectoryNode', label: 'valid tree, depth 6', payload: tree(6) },
    { spec, schema: 'DirectoryNode', label: 'invalid tree (1 deep issue)', payload: badTree },
    { spec, schema: 'Label', label: 'valid label', payload: label(1) },
    { spec, schema: 'Resource', label: 'invalid resource (type)', payload: { flavor_id: 3 } },
  ];
}

/** The request-body examples of the scraped APIG spec (real documentation examples), and a broken copy of each. */
async function apigCases(): Promise<Case[]> {
  const specPath = join(ROOT, 'spec/apig.openapi.yaml');
  if (!existsSync(specPath)) return [];
  const doc = parse(await readFile(specPath, 'utf8'));
  const cases: Case[] = [];
  for (const item of Object.values<any>(doc.paths)) {
    for (const op of Object.values<any>(item)) {
      const media = op?.requestBody?.content?.['application/json'];
      const ref: string | undefined = media?.schema?.$ref;
      if (!ref || !media.examples) continue;
      const payload = (Object.values<any>(media.examples)[0] as { value: unknown }).value;
      const schema = ref.split('/').pop()!;
      cases.push({ spec: 'spec/apig.openapi.yaml', schema, label: `${op.operationId} example`, payload });
      if (payload && typeof payload === 'object' && !Array.isArray(payload)) {
        const [firstKey] = Object.keys(payload);
        cases.push({
          spec: 'spec/apig.openapi.yaml',
          schema,
          label: `${op.operationId} example, ${firstKey} → []`,
          payload: { ...payload, [firstKey]: [] },
        });
      }
    }
  }
  return cases;
}

/** Runs `fn` repeatedly for `ms` milliseconds; returns calls per second. */
function opsPerSecond(fn: () => unknown, ms: number): number {
  let iterations = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 200; i++) fn();
    iterations += 200;
    elapsed = performance.now() - start;
  }
  return (iterations / elapsed) * 1000;
}

/**
 * Best of ROUNDS interleaved measurements per contender: on a shared, busy machine the slowest runs measure the
 * neighbours, the fastest ones the code.
 */
const ROUNDS = 5;
function compare(contenders: (() => unknown)[]): number[] {
  for (const fn of contenders) for (let i = 0; i < 2000; i++) fn(); // warm-up
  const best = contenders.map(() => 0);
  for (let round = 0; round < ROUNDS; round++) {
    contenders.forEach((fn, index) => {
      best[index] = Math.max(best[index], opsPerSecond(fn, MS / ROUNDS));
    });
  }
  return best;
}

const geomean = (values: number[]) => Math.exp(values.reduce((sum, v) => sum + Math.log(v), 0) / values.length);
const fmtOps = (ops: number) => (ops >= 1e6 ? `${(ops / 1e6).toFixed(2)}M` : `${(ops / 1e3).toFixed(0)}k`);

async function main(): Promise<void> {
  const cases = [...modelArtsCases(), ...(await apigCases())];
  const validatorsBySpec = new Map<string, Record<string, (value: unknown) => Issue[]>>();
  const ajvBySpec = new Map<string, { all: Ajv2020; first: Ajv2020 }>();
  for (const spec of new Set(cases.map((c) => c.spec))) {
    const specPath = spec.startsWith('spec/') ? join(ROOT, spec) : join(ROOT, 'test/fixtures/specs', spec);
    const out = join(WORK, spec.replace(/\W+/g, '-'));
    await generatePackage(specPath, out);
    validatorsBySpec.set(spec, await import(pathToFileURL(join(out, 'validators.ts')).href));
    const doc = { ...parse(await readFile(specPath, 'utf8')), $id: 'spec.json' };
    const all = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    const first = new Ajv2020({ strict: false, allErrors: false, validateFormats: false });
    all.addSchema(doc);
    first.addSchema(clone(doc));
    ajvBySpec.set(spec, { all, first });
  }

  console.log(
    `generated validators vs Ajv 8 (2020-12, strict off, formats off); best of ${ROUNDS} interleaved runs, ${MS} ms per case and contender`,
  );
  console.log(
    '  "ours" collects every issue with JSON pointers, like Ajv allErrors:true; Ajv first-error mode stops at one.',
  );
  console.log(
    `${'case'.padEnd(58)} ${'ours'.padStart(8)} ${'ajv all'.padStart(8)} ${'ajv 1st'.padStart(8)}  ${'×all'.padStart(6)} ${'×1st'.padStart(6)}  agree`,
  );
  const ratiosAll: number[] = [];
  const ratiosFirst: number[] = [];
  const byValidity = { valid: [] as number[], invalid: [] as number[] };
  let disagreements = 0;
  for (const c of cases) {
    const ours = validatorsBySpec.get(c.spec)![`validate${c.schema}`];
    const { all, first } = ajvBySpec.get(c.spec)!;
    const ajvAll = all.getSchema(`spec.json#/components/schemas/${c.schema}`);
    const ajvFirst = first.getSchema(`spec.json#/components/schemas/${c.schema}`);
    if (!ours || !ajvAll || !ajvFirst) continue;
    const oursValid = ours(c.payload).length === 0;
    const agree = oursValid === ajvAll(c.payload);
    if (!agree) disagreements++;
    const [o, a, f] = compare([() => ours(c.payload), () => ajvAll(c.payload), () => ajvFirst(c.payload)]);
    ratiosAll.push(o / a);
    ratiosFirst.push(o / f);
    byValidity[oursValid ? 'valid' : 'invalid'].push(o / a);
    const label = `${c.schema}: ${c.label}`.slice(0, 58);
    console.log(
      `${label.padEnd(58)} ${fmtOps(o).padStart(8)} ${fmtOps(a).padStart(8)} ${fmtOps(f).padStart(8)}  ${(o / a).toFixed(2).padStart(6)} ${(o / f).toFixed(2).padStart(6)}  ${agree ? (oursValid ? 'valid' : 'invalid') : 'DIFFERENT'}`,
    );
  }
  console.log(`cases: ${ratiosAll.length}; verdicts differing from Ajv: ${disagreements}`);
  console.log(
    `geometric mean speed-up vs Ajv allErrors:true : ${geomean(ratiosAll).toFixed(2)}x  (valid payloads ${geomean(byValidity.valid).toFixed(2)}x, invalid ${geomean(byValidity.invalid).toFixed(2)}x; goal >= 1.5x)`,
  );
  console.log(`geometric mean speed-up vs Ajv first-error    : ${geomean(ratiosFirst).toFixed(2)}x`);
  await rm(WORK, { recursive: true, force: true });
}

await main();
