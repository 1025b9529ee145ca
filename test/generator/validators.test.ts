// Behaviour of the generated validators (modelarts-mini fixture): every keyword, valid and invalid payloads, JSON
// Pointer paths, recursion, int64 bounds; plus a differential check against Ajv compiled from the same schemas.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { fixture, generateFixture, importGenerated } from './helpers.ts';

type Issue = { path: string; keyword: string; message: string };
type Validate = (value: unknown, path?: string) => Issue[];
let v: Record<string, Validate & ((value: unknown) => boolean)>;
let requestValidators: Record<string, (args: unknown) => Issue[]>;
let responseValidators: Record<string, (status: number, body: unknown) => Issue[]>;

const keywords = (issues: Issue[]) => issues.map((i) => `${i.path} ${i.keyword}`);

beforeAll(async () => {
  const result = await generateFixture(fixture('modelarts-mini.openapi.yaml'), 'validators-ma');
  const mod = await importGenerated<Record<string, unknown>>(result.outDir, 'validators.ts');
  v = mod as never;
  requestValidators = mod.requestValidators as never;
  responseValidators = mod.responseValidators as never;
}, 60_000);

const validJob = {
  kind: 'job',
  metadata: { name: 'train-01', description: '描述', workspace_id: null, annotations: { job_template: 'Template DL' } },
  algorithm: {
    code_dir: '/bucket/code/',
    boot_file: 'train.py',
    parameters: [{ name: 'lr', value: 0.01, constraint: { editable: true, valid_type: 'Range', valid_range: [0, 1] } }],
    environments: { PYTHONUNBUFFERED: '1' },
  },
  spec: {
    resource: {
      flavor_id: 'modelarts.vm.gpu.v100',
      node_count: 2,
      main_container_allocated_memory: 9007199254740991,
      ratio: 0.5,
      step: 1.5,
    },
  },
};

describe('generated validators', () => {
  it('accept a valid nested payload and expose isX type guards', () => {
    expect(v.validateTrainingJob(validJob)).toEqual([]);
    expect(v.isTrainingJob(validJob)).toBe(true);
    expect(v.isTrainingJob({})).toBe(false);
  });

  it('type and required, with JSON pointers into nested $ref objects', () => {
    expect(v.validateTrainingJob('job')).toEqual([{ path: '', keyword: 'type', message: 'must be object' }]);
    const issues = v.validateTrainingJob({ kind: 'job', metadata: {}, algorithm: { parameters: [{ name: 'a' }, {}] } });
    expect(keywords(issues)).toEqual(['/metadata required', '/algorithm/parameters/1 required']);
    expect(issues[0].message).toContain('"name"');
  });

  it('enum (small and large sets) and type arrays with null', () => {
    expect(keywords(v.validateTrainingJob({ ...validJob, kind: 'batch' }))).toEqual(['/kind enum']);
    expect(keywords(v.validateLabel({ name: 'cat', type: 5 }))).toEqual(['/type enum']);
    expect(v.validateLabel({ name: 'cat', type: 900 })).toEqual([]);
    expect(v.validateJobMetadata({ name: 'a', workspace_id: null })).toEqual([]);
    expect(keywords(v.validateJobMetadata({ name: 'a', workspace_id: 3 }))).toEqual(['/workspace_id type']);
    expect(v.validateJobMetadata({ name: 'a', workspace_id: 3 })[0].message).toBe('must be null,string');
    expect(v.validateParameter({ name: 'x', value: true })).toEqual([]);
    expect(keywords(v.validateParameter({ name: 'x', value: {} }))).toEqual(['/value type']);
  });

  it('minLength/maxLength count code points, not UTF-16 units', () => {
    expect(v.validateLabel({ name: '😀😀😀😀' })).toEqual([]); // 4 code points, 8 UTF-16 units
    expect(keywords(v.validateLabel({ name: '😀😀😀😀😀' }))).toEqual(['/name maxLength']);
    expect(v.validateLabel({ name: '标注猫狗' })).toEqual([]);
    expect(keywords(v.validateJobMetadata({ name: '' }))).toEqual(['/name minLength', '/name pattern']);
    expect(keywords(v.validateParameter({ name: '😀' }))).toEqual([]);
  });

  it('pattern', () => {
    expect(keywords(v.validateJobMetadata({ name: 'bad name!' }))).toEqual(['/name pattern']);
    expect(keywords(v.validateLabelProperty({ '@modelarts:color': 'red' }))).toEqual(['/@modelarts:color pattern']);
    expect(v.validateLabelProperty({ '@modelarts:color': '#3399ff' })).toEqual([]);
  });

  it('minimum/maximum, exclusive bounds and multipleOf', () => {
    const resource = (extra: object) => v.validateResource({ flavor_id: 'f', ...extra });
    expect(keywords(resource({ node_count: 0 }))).toEqual(['/node_count minimum']);
    expect(keywords(resource({ node_count: 129 }))).toEqual(['/node_count maximum']);
    expect(keywords(resource({ node_count: 1.5 }))).toEqual(['/node_count type']);
    expect(keywords(resource({ ratio: 0 }))).toEqual(['/ratio exclusiveMinimum']);
    expect(resource({ ratio: 1 })).toEqual([]);
    expect(keywords(resource({ ratio: 1.01 }))).toEqual(['/ratio maximum']);
    expect(keywords(resource({ step: 0.75 }))).toEqual(['/step multipleOf']);
  });

  it('int64 bounds beyond 2^53 are exact and accept bigint values', () => {
    const resource = (extra: object) => keywords(v.validateResource({ flavor_id: 'f', ...extra }));
    expect(resource({ main_container_allocated_memory: 9223372036854775807n })).toEqual([]);
    expect(resource({ main_container_allocated_memory: 9223372036854775808n })).toEqual([
      '/main_container_allocated_memory maximum',
    ]);
    // 2^63 as a double is above the int64 maximum; the comparison with the exact bound says so.
    expect(resource({ main_container_allocated_memory: 2 ** 63 })).toEqual([
      '/main_container_allocated_memory maximum',
    ]);
    expect(resource({ offset: -9223372036854775808n })).toEqual([]);
    expect(resource({ offset: -9223372036854775809n })).toEqual(['/offset minimum']);
    // exclusiveMaximum 9007199254740993 (not representable as a double): 9007199254740992 is below it.
    expect(resource({ offset: 9007199254740992 })).toEqual([]);
    expect(resource({ offset: 9007199254740993n })).toEqual(['/offset exclusiveMaximum']);
  });

  it('minItems/maxItems/uniqueItems and array items', () => {
    const req = requestValidators.updateLabels;
    const path = { dataset_id: 'abcdefghij0123456789' };
    expect(req({ path, body: { labels: [{ name: 'a' }] } })).toEqual([]);
    expect(keywords(req({ path, body: { labels: [] } }))).toEqual(['/body/labels minItems']);
    expect(
      keywords(req({ path, body: { labels: [{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'd' }] } })),
    ).toEqual(['/body/labels maxItems']);
    expect(keywords(req({ path, body: { labels: [{ name: 'a' }, { name: 'a' }] } }))).toEqual([
      '/body/labels uniqueItems',
    ]);
    expect(keywords(req({ path, body: { labels: [{ name: 'a' }, { name: 'toolong' }] } }))).toEqual([
      '/body/labels/1/name maxLength',
    ]);
  });

  it('additionalProperties: false, schema-valued maps and JSON pointer escaping of keys', () => {
    expect(keywords(v.validateParameter({ name: 'x', extra: 1, 'a/b': 2 }))).toEqual([
      '/extra additionalProperties',
      '/a~1b additionalProperties',
    ]);
    expect(keywords(v.validateAlgorithm({ environments: { OK: 'x', 'BAD~KEY': 5 } }))).toEqual([
      '/environments/BAD~0KEY type',
    ]);
    expect(v.validateLabelProperty({ '@modelarts:shortcut': 'A', custom: null, other: 'x' })).toEqual([]);
    expect(keywords(v.validateLabelProperty({ 'a/b~c': 1, custom: 2 }))).toEqual(['/a~1b~0c type', '/custom type']);
  });

  it('recursive schemas call themselves (self and mutual recursion, anyOf with null)', () => {
    const tree = { name: 'root', children: [{ name: 'a', children: [{ name: 'b', size: 1, parent: null }] }] };
    expect(v.validateDirectoryNode(tree)).toEqual([]);
    const bad = { name: 'root', children: [{ name: 'a', children: [{ size: -1 }] }] };
    expect(keywords(v.validateDirectoryNode(bad))).toEqual([
      '/children/0/children/0 required',
      '/children/0/children/0/size minimum',
    ]);
    expect(keywords(v.validateDirectoryNode({ name: 'x', parent: { name: 1 } }))).toEqual(['/parent anyOf']);
    const deep = { name: 'x', values: [{ values: [{ values: [{ name: 7 }] }] }] };
    expect(keywords(v.validateLabelAttribute(deep))).toEqual(['/values/0/values/0/values/0/name type']);
  });

  it('the path argument prefixes every pointer', () => {
    expect(keywords(v.validateLabel({ name: 5 }, '/body/labels/3'))).toEqual(['/body/labels/3/name type']);
  });

  it('request validators check path, query and header parameters and the body', () => {
    const list = requestValidators.listDatasets;
    expect(list({ query: { dataset_type: 0 } })).toEqual([]); // project_id is filled in by the runtime
    expect(keywords(list({}))).toEqual(['/query/dataset_type required']);
    expect(keywords(list({ query: { dataset_type: 7, limit: 0, search_content: 'x'.repeat(65) } }))).toEqual([
      '/query/limit minimum',
      '/query/search_content maxLength',
      '/query/dataset_type enum',
    ]);
    const update = requestValidators.updateLabels;
    expect(keywords(update({ path: { dataset_id: 'short' }, body: { labels: [{ name: 'a' }] } }))).toEqual([
      '/path/dataset_id pattern',
    ]);
    expect(keywords(update({ path: { dataset_id: 'abcdefghij0123456789' } }))).toEqual(['/body required']);
    expect(keywords(update({}))).toEqual(['/path/dataset_id required', '/body required']);
  });

  it('response validators check the body documented for the status', () => {
    const res = responseValidators.listDatasets;
    expect(res(200, { total_number: 1, datasets: [{ dataset_id: 'd' }] })).toEqual([]);
    expect(keywords(res(200, { datasets: [{}] }))).toEqual(['/datasets/0 required']);
    expect(res(299, 'anything')).toEqual([]);
  });

  it('string enums are exact in requests and open in responses (the response types read `A | B | (string & {})`)', () => {
    // TrainingJob is both the request body and the 201 body of createTrainingJob; `kind` is a string enum.
    const added = { ...validJob, kind: 'quantum_job' };
    const create = { path: { project_id: 'p' }, body: added };
    expect(keywords(requestValidators.createTrainingJob(create))).toEqual(['/body/kind enum']);
    expect(responseValidators.createTrainingJob(201, added)).toEqual([]);
    // Open means "any string", not "anything", and the schema's own validator stays exact.
    expect(keywords(responseValidators.createTrainingJob(201, { ...validJob, kind: 7 }))).toEqual([
      '/kind enum',
      '/kind type',
    ]);
    expect(keywords(v.validateTrainingJob(added))).toEqual(['/kind enum']);
    // Integer enums stay exact in responses too (their response type is not widened).
    const labelled = { total_number: 1, datasets: [{ dataset_id: 'd', labels: [{ name: 'cat', type: 5 }] }] };
    expect(keywords(responseValidators.listDatasets(200, labelled))).toEqual(['/datasets/0/labels/0/type enum']);
    // The request validators are exact again after a response was validated.
    expect(keywords(requestValidators.createTrainingJob(create))).toEqual(['/body/kind enum']);
  });
});

describe('generated validators agree with Ajv on the same schemas', () => {
  const doc = parse(readFileSync(fixture('modelarts-mini.openapi.yaml'), 'utf8'));
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ ...doc, $id: 'spec.json' });
  const samples: [string, unknown][] = [
    ['TrainingJob', validJob],
    ['TrainingJob', { ...validJob, kind: 3 }],
    ['TrainingJob', { kind: 'job', metadata: { name: 'x'.repeat(65) }, algorithm: {} }],
    ['Algorithm', { parameters: [{ name: 'p', value: [1] }], environments: { A: 1 } }],
    ['Parameter', { name: '', extra: true }],
    ['Resource', { flavor_id: 'f', node_count: 200, ratio: -1, step: 2, policy: 'cheap' }],
    ['Resource', {}],
    ['Label', { name: 'ab', type: 101, property: { '@modelarts:color': '#ffffff' } }],
    ['Label', { name: 'abcdef', attributes: [{ values: [{ id: 3 }] }] }],
    ['LabelProperty', { '@modelarts:color': 'blue', free: 1 }],
    ['DirectoryNode', { name: 'r', children: [{ name: 'c', children: [] }] }],
    ['DirectoryNode', { name: 'r', children: [{}], parent: 5 }],
    ['DatasetList', { total_number: 'many', datasets: {} }],
    ['JobMetadata', { name: 'ok', workspace_id: '0', annotations: { a: 'b', c: null } }],
  ];
  it.each(samples.map(([schema, value], index) => [index, schema, value] as const))(
    'sample %i (%s)',
    (_index, schema, value) => {
      const ajvValidate = ajv.getSchema(`spec.json#/components/schemas/${schema}`)!;
      const ajvValid = ajvValidate(value) as boolean;
      const ours = v[`validate${schema}`](value);
      expect(ours.length === 0).toBe(ajvValid);
      // Conventions that differ on purpose: we report one `anyOf` issue (not each alternative's), and an extra
      // property at its own pointer (Ajv: at the object, naming the property in params).
      const errors = ajvValidate.errors ?? [];
      const anyOfAt = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath);
      const insideAnyOf = (path: string) => anyOfAt.some((at) => path === at || path.startsWith(at + '/'));
      const ajvPaths = new Set(
        errors
          .filter((e) => e.keyword === 'anyOf' || !insideAnyOf(e.instancePath))
          .map((e) =>
            e.keyword === 'additionalProperties'
              ? `${e.instancePath}/${String((e.params as { additionalProperty: string }).additionalProperty)
                  .replace(/~/g, '~0')
                  .replace(/\//g, '~1')} ${e.keyword}`
              : `${e.instancePath} ${e.keyword}`,
          ),
      );
      // Every issue we report is one Ajv reports too (same pointer and keyword), and vice versa.
      expect(new Set(keywords(ours))).toEqual(ajvPaths);
    },
  );
});
