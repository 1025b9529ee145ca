import { describe, expect, it } from 'vitest';
import { isPageOnly } from './metrics.ts';
import { pageRows } from './page-rows.ts';

// Rows as zh-md/css/查询集群列表.md and 查询快照列表.md write them (their definitions, CSS/ListClustersDetails.json and
// CSS/ListSnapshots.json, dropped `failed_reasons`, `enterprise_project_id` and `updated` but keep `clusters`,
// `backups` and `datastore.version`), plus a row whose first cell carries a note (zh-md/cph/查询云手机详情.md).
const PAGE = [
  '<tr><td><p>clusters</p></td><td><p>Array of clusterList objects</p></td><td><p>集群对象列表。</p></td></tr>',
  '<tr><td><p>failed_reasons</p></td><td><p>Object</p></td><td><p>失败原因。</p></td></tr>',
  '<tr><td><p>error_code</p></td><td><p>String</p></td><td><p>错误码。</p></td></tr>',
  '<tr><td><p>enterprise_project_id</p></td><td><p>String</p></td><td><p>企业项目ID。</p></td></tr>',
  '<tr><td><p>updated</p></td><td><p>String</p></td><td><p>快照更新时间。</p></td></tr>',
  '<tr><td><p>version</p></td><td><p>String</p></td><td><p>版本号。</p></td></tr>',
  '<tr><td><p>access_ip（过期）</p></td><td><p>String</p></td><td><p>接入IP。</p></td></tr>',
].join('\n');

const DEFINITION_PATHS = new Set([
  'res:clusters',
  'res:clusters[].id',
  'res:backups',
  'res:backups[].datastore',
  'res:backups[].datastore.version',
  'res:access_infos',
  'res:access_infos[].access_ip',
]);
const DEFINITION_NAMES = new Set(['clusters', 'id', 'backups', 'datastore', 'version', 'access_infos', 'access_ip']);

describe('a scraped field the newer definition dropped (page-only drift, not a false field)', () => {
  const rows = pageRows(PAGE);
  const cases: [string, string, boolean][] = [
    ['a dropped field at the top', 'res:enterprise_project_id', true],
    ['a dropped field under a parent the definition has', 'res:clusters[].enterprise_project_id', true],
    ['a dropped object and its children under such a parent', 'res:clusters[].failed_reasons.error_code', true],
    ['a dropped field under an array the definition has', 'res:backups[].updated', true],
    ['a dropped field of a top-level array', 'res:[].updated', true],
    ['a name the definition uses elsewhere (a nested row flattened?)', 'res:backups[].version', false],
    [
      'under a parent the definition does not have (a sub-table attached to the wrong parent)',
      'res:datastore.updated',
      false,
    ],
    ['a name no row of the page has', 'res:clusters[].invented', false],
    ['a row name carrying a note: the scraper misread it', 'res:access_infos[].access_ip（过期）', false],
    ['a note on a dropped parent', 'res:clusters[].failed_reasons（过期）.error_code', false],
  ];
  it.each(cases)('%s: %s', (_, path, want) => {
    expect(isPageOnly(path, DEFINITION_PATHS, DEFINITION_NAMES, rows)).toBe(want);
  });

  it('is no page-only field when the definition has the name as a parameter (a parameter read into the body)', () => {
    const withLimit = pageRows('<tr><td><p>limit</p></td><td><p>Integer</p></td><td><p>每页条数。</p></td></tr>');
    expect(isPageOnly('req:limit', DEFINITION_PATHS, DEFINITION_NAMES, withLimit)).toBe(true);
    expect(isPageOnly('req:limit', DEFINITION_PATHS, DEFINITION_NAMES, withLimit, new Set(['limit']))).toBe(false);
    // Header parameter keys are lower-cased; the page's field row is not.
    expect(
      isPageOnly(
        'req:X-Language',
        DEFINITION_PATHS,
        DEFINITION_NAMES,
        pageRows('|X-Language|String|'),
        new Set(['x-language']),
      ),
    ).toBe(false);
  });

  it('says nothing without the page rows', () => {
    expect(isPageOnly('res:enterprise_project_id', DEFINITION_PATHS, DEFINITION_NAMES)).toBe(false);
  });
});
