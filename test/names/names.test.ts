// Operation names from routes and English page file names, API versions: [given, want] tables.

import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import { explainFile } from '../../scraper/explain.ts';
import { scrapeInputs, scrapeText } from '../../scraper/index.ts';
import { buildService } from '../../scraper/interpret/service.ts';
import type { ReportEntry } from '../../scraper/model.ts';
import { MAX_TITLE_CHARS, titleAnchorName } from '../../scraper/readers/title-anchor.ts';
import {
  apiVersionOf,
  currentApiName,
  derivedOperationNames,
  plural,
  singular,
  titleOperationName,
  versionTag,
} from '../../scraper/interpret/names.ts';

describe('derivedOperationNames: the first name reads like the official ones', () => {
  const cases: [string, string][] = [
    ['GET /v3/{project_id}/elb/listeners', 'ListListeners'],
    ['GET /v3/{project_id}/elb/listeners/{listener_id}', 'ShowListener'],
    ['POST /v3/{project_id}/elb/listeners', 'CreateListener'],
    ['PUT /v3/{project_id}/elb/listeners/{listener_id}', 'UpdateListener'],
    ['DELETE /v1.0/{project_id}/graphs/{graph_id}', 'DeleteGraph'],
    ['POST /v2/{project_id}/pools/{pool_name}/nodes/batch-delete', 'BatchDeleteNodes'],
    ['POST /v1/{project_id}/baremetalservers/action', 'RunBaremetalserverAction'],
    ['GET /v1.0/{project_id}/scaling_policies', 'ListScalingPolicies'],
    ['DELETE /v1/{project_id}/scaling_policies/{id}', 'DeleteScalingPolicy'],
    ['GET /', 'ListApiVersions'],
    ['GET /v3', 'ShowApiVersion'],
    ['GET /v2.0/{project_id}/status', 'ListStatus'],
    // Owned words say whose: an owner instance comes first; the tags of all clusters are just tags.
    ['POST /v1.1/{project_id}/clusters/{cluster_id}/tags', 'CreateClusterTag'],
    ['DELETE /v1.1/{project_id}/clusters/{cluster_id}/tags/{key}', 'DeleteClusterTag'],
    ['GET /v3/{project_id}/datastores/{datastore_name}/versions', 'ListDatastoreVersions'],
    ['POST /v1/{project_id}/training-jobs/{job_id}/versions', 'CreateTrainingJobVersion'],
    ['GET /v1.1/{project_id}/clusters/tags', 'ListTags'],
    ['GET /v3/{project_id}/instances/{instance_id}/backups', 'ListBackups'],
    // A named action on a whole collection acts on many; on an item, or `…/action`, on one.
    ['POST /v2/{project_id}/workforces/{workforce_id}/workers/batch-delete', 'BatchDeleteWorkers'],
    ['POST /v1/{project_id}/clusters/{cluster_id}/restart', 'RestartCluster'],
    ['GET /{api_version}', 'ShowApiVersion'],
    // Two words of one sub-resource: the first qualifies the second; under the project it is a namespace.
    ['DELETE /v2/{project_id}/clusters/{cluster_id}/workload/queues', 'DeleteWorkloadQueue'],
    ['GET /v1.0/{project_id}/clusters/{cluster_id}/snapshots/statistics', 'ListSnapshotStatistics'],
    ['GET /v1.0/{project_id}/graphs/backups', 'ListBackups'],
    ['GET /v3/{project_id}/elb/listeners', 'ListListeners'],
    // One singular thing of an item is shown; a plural, `…/list` or a project-level word is listed.
    ['GET /v3/{project_id}/instances/{instance_id}/backups/policy', 'ShowBackupPolicy'],
    ['GET /v1/{project_id}/baremetalservers/{server_id}/os-interface', 'ShowOsInterface'],
    ['GET /v1.0/{project_id}/dms/disk', 'ListDisk'],
    ['GET /v2/{project_id}/clusters/{cluster_id}/job-executions', 'ListJobExecutions'],
    // A POST on one resource under another associates them; under the project only, it creates.
    ['POST /v2/{project_id}/clusters/{cluster_id}/eips/{eip_id}', 'AssociateEip'],
    ['POST /v1.1/{project_id}/autoscaling-policy/{cluster_id}', 'CreateAutoscalingPolicy'],
    ['DELETE /v2/{project_id}/clusters/{cluster_id}/eips/{eip_id}', 'DeleteEip'],
  ];
  for (const [route, want] of cases)
    it(`${route} → ${want}`, () => {
      const [method, path] = route.split(' ') as [string, string];
      expect(derivedOperationNames(method, path)[0]).toBe(want);
    });

  it('tells clashing routes apart by their parents, then by collection vs item, last by a digest', () => {
    expect(derivedOperationNames('DELETE', '/v1/{p}/clusters/{c}/listeners/{t}').slice(0, 2)).toEqual([
      'DeleteListener',
      'DeleteClusterListener',
    ]);
    const collection = derivedOperationNames('POST', '/v1.0/{p}/graphs/action');
    const item = derivedOperationNames('POST', '/v1.0/{p}/graphs/{g}/action');
    expect(collection.slice(0, -1)).not.toEqual(item.slice(0, -1));
    expect(collection.at(-1)).toMatch(/^RunGraphsAction_[0-9a-f]{6}$/);
    expect(derivedOperationNames('GET', '/v1/x')).toEqual(derivedOperationNames('GET', '/v1/x'));
  });
});

describe('currentApiName: a linked API Explorer name in the current spelling', () => {
  const cases: [string, string, string][] = [
    // Already current: unchanged, two-capital acronyms included.
    ['UpdateRequestThrottlingPolicyV2', 'PUT', 'UpdateRequestThrottlingPolicyV2'],
    ['BindDevServerPublicIP', 'POST', 'BindDevServerPublicIP'],
    ['ListQueueUsers', 'GET', 'ListQueueUsers'],
    ['Query', 'GET', 'Query'],
    // Acronym runs and a lower-case first letter.
    ['CheckSQL', 'POST', 'CheckSql'],
    ['APIGroup', 'GET', 'ApiGroup'],
    // Old verbs.
    ['ModifyScalingGroup', 'PUT', 'UpdateScalingGroup'],
    ['QueryScalingGroup', 'GET', 'ShowScalingGroup'],
    ['QueryScalingConfigList', 'GET', 'ListScalingConfigs'],
    ['QueryScalingPolicyList', 'GET', 'ListScalingPolicies'],
    ['QueryScalingTagInfoListByTenantId', 'GET', 'ListScalingTagInfosByTenantId'],
    ['QueryAllScalingPolicyListV2', 'GET', 'ListAllScalingPoliciesV2'],
    ['QueryResourceInstance', 'POST', 'ListResourceInstances'],
    ['queryEvents', 'POST', 'ListEvents'],
    ['queryMetricItemsList', 'POST', 'ListMetricItems'],
    ['GetSingleJobExe', 'GET', 'ShowSingleJobExe'],
    ['GetToken', 'POST', 'GetToken'],
  ];
  for (const [name, method, want] of cases)
    it(`${method} ${name} → ${want}`, () => expect(currentApiName(name, method)).toBe(want));

  const words: [string, string][] = [
    ['Policy', 'Policies'],
    ['Config', 'Configs'],
    ['Items', 'Items'],
    ['Box', 'Boxes'],
    ['Key', 'Keys'],
  ];
  for (const [word, want] of words) it(`plural ${word} → ${want}`, () => expect(plural(word)).toBe(want));

  it('names the as fixture pages by their links in the current spelling', async () => {
    const root = resolve(import.meta.dirname, '../..');
    const { document } = await scrapeInputs([join(root, 'test/fixtures/zh-md/as')], { service: 'as', root });
    const ids = Object.values((document as any).paths).flatMap((item: any) =>
      Object.values(item).map((op: any) => op.operationId),
    );
    expect(ids.sort()).toEqual(['ListScalingConfigs', 'ShowScalingConfig', 'ShowScalingGroup', 'UpdateScalingGroup']);
  });
});

describe('titleAnchorName: the API identifier a title anchor gives', () => {
  const cases: [string, string | undefined][] = [
    ['# 查询数据集详情<a name="DescDataset"></a>\n\n## 功能介绍', 'DescDataset'],
    ['# 新增并执行作业<a name="SubmitJobV2"></a>', 'SubmitJobV2'],
    ['# 删除服务<a name="modelarts_03_0089"></a>', undefined],
    ['# 创建API分组<a name="ZH-CN_TOPIC_0000001081837255"></a>', undefined],
    ['# 配置<a name="Config"></a>', undefined], // one word: no identifier of an API
    ['## 功能介绍<a name="DescDataset"></a>', undefined], // not the title
    ['正文 <a name="DescDataset"></a>', undefined],
    ['# 删除<a name="DeleteV2Tag"></a>', 'DeleteV2Tag'],
    ['# 查询<a name="ListApisV2"></a>', 'ListApisV2'],
    ['# 查询<a name="Show2"></a>', 'Show2'],
    ['# 查询<a name="SHOWTags"></a>', undefined], // no capitalised first word
    ['# 查询<a name="Show_Tags"></a>', undefined],
    // A run of digits that could be split many ways: read once, no backtracking (40 digits would take days if not).
    [`# 查询<a name="AbC${'1'.repeat(40)}!"></a>`, undefined],
    [`# 查询<a name="AbC${'1'.repeat(40)}"></a>`, `AbC${'1'.repeat(40)}`],
    // Only the title line: one too long to read names nothing, and a `# ` comment in a code block after it is no title.
    [
      `# 查询${'长'.repeat(MAX_TITLE_CHARS)}<a name="ZH-CN_TOPIC_1"></a>\n\n\`\`\`\n# 注释<a name="ShowTags"></a>\n\`\`\``,
      undefined,
    ],
  ];
  for (const [raw, want] of cases)
    it(`${raw.split('\n')[0]} → ${want ?? '-'}`, () => expect(titleAnchorName(raw)).toBe(want));

  it('names real pages by their title anchor, read in the current spelling', async () => {
    const root = resolve(import.meta.dirname, '../..');
    const ids = async (dir: string) => {
      const { document } = await scrapeInputs([join(root, dir)], { service: 'x', root });
      return Object.values((document as any).paths)
        .flatMap((item: any) => Object.values(item).map((op: any) => op.operationId))
        .sort();
    };
    // GetAgencyMapping anchors a GET of one mapping: ShowAgencyMapping (the route alone says ListAgencyMapping);
    // GetJobExeListNew a GET of a list of job executions: ShowJobExeListNew (Get → Show on a GET).
    expect(await ids('test/fixtures/zh-md/mrs')).toEqual(['ShowAgencyMapping', 'ShowJobExeListNew']);
    // --explain says where the name came from.
    expect(await explainFile(join(root, 'test/fixtures/zh-md/mrs/查询用户（组）与IAM委托的映射关系.md'))).toContain(
      '(title anchor GetAgencyMapping)',
    );
    // A topic id names nothing: the route names 删除服务.md.
    expect(await ids('test/fixtures/zh-md/modelarts')).toEqual(['DeleteSamples', 'DeleteService']);
  });
});

describe('a route documented on a linking page and a page without a link', () => {
  const root = resolve(import.meta.dirname, '../..');
  const file = join(root, 'test/fixtures/zh-md/as/查询弹性伸缩配置列表.md');
  const ids = async (withoutLink: boolean) => {
    const raw = await readFile(file, 'utf8');
    const report: ReportEntry[] = [];
    // The same real page, once as it is and once without its API Explorer line (as dli 新建Flink自定义作业.md
    // documents the route of 新建Flink-Jar作业.md and links nothing).
    const outcomes = [
      ...scrapeText(raw, 'a/查询弹性伸缩配置列表.md', report).outcomes,
      ...(withoutLink ? scrapeText(raw.replace(/^.*apiexplorer.*$/gm, ''), 'b/另一页.md', report).outcomes : []),
    ];
    return buildService('as', outcomes, () => {}).operations.map((op) => op.operationId);
  };

  it('takes the linked name: a page that gives no name does not compete', async () => {
    expect(await ids(false)).toEqual(['ListScalingConfigs']);
    expect(await ids(true)).toEqual(['ListScalingConfigs']);
  });
});

describe('titleOperationName: English page file names', () => {
  const cases: [string, string, string][] = [
    ['CreatingaRequestThrottlingPolicy', 'POST /v1.0/apigw/throttles', 'CreateRequestThrottlingPolicy'],
    ['QueryingAPICallsWithinaPeriod', 'GET /v1.0/apigw/statistics', 'ListApiCallsWithinPeriod'],
    ['QueryingBackendInstances', 'GET /v1.0/apigw/vpc-channels/{id}', 'ShowBackendInstances'],
    ['CreateAPIGroup', 'POST /v1.0/apigw/api-groups', 'CreateApiGroup'],
    ['AddingaCertificatetoaDomainName', 'POST /x', 'AddCertificateToDomainName'],
    ['ExportingMultipleAPIs', 'POST /x', 'ExportMultipleApis'],
    ['CreatinganEnvironment', 'POST /x', 'CreateEnvironment'],
    ['DeletingRequestThrottlingPolicy', 'DELETE /x/{id}', 'DeleteRequestThrottlingPolicy'],
    ['ModifyingRequestThrottlingPolicy', 'PUT /x/{id}', 'UpdateRequestThrottlingPolicy'],
    ['UpdateQuota', 'PUT /x', 'UpdateQuota'],
    ['BindingaSignatureKey', 'POST /x', 'AssociateSignatureKey'],
    ['UnbindingaDomainName', 'DELETE /x/{id}', 'DisassociateDomainName'],
  ];
  for (const [stem, route, want] of cases)
    it(`${stem} → ${want}`, () => {
      const [method, path] = route.split(' ') as [string, string];
      expect(titleOperationName(stem, method, path)).toBe(want);
    });
});

describe('API versions and singulars', () => {
  const versions: [string, string | undefined, string | undefined][] = [
    ['/v3/{project_id}/elb/listeners', 'v3', 'V3'],
    ['/v2.0/lbaas/listeners', 'v2.0', 'V2_0'],
    ['/autoscaling-api/v1/{project_id}/x', 'v1', 'V1'],
    ['/', undefined, undefined],
  ];
  for (const [path, version, tag] of versions)
    it(`${path} → ${version}`, () => {
      expect(apiVersionOf(path)).toBe(version);
      if (version) expect(versionTag(version)).toBe(tag);
    });
  const words: [string, string][] = [
    ['policies', 'policy'],
    ['listeners', 'listener'],
    ['boxes', 'box'],
    ['status', 'status'],
    ['address', 'address'],
  ];
  for (const [word, want] of words) it(`${word} → ${want}`, () => expect(singular(word)).toBe(want));
});
