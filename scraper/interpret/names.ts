// Names and order shared by the interpreter and the OpenAPI builder: the words of a path, PascalCase, operation
// names the way the official names read, API versions, content digests, and the code-unit order that keeps output
// the same on every machine. Nothing here numbers by discovery order (`freeName` is only for names inside one page).

import { createHash } from 'node:crypto';

/** `name` itself when free, else the first free `name2`, `name3`, … (`_2` after a trailing digit). */
export function freeName(name: string, isTaken: (candidate: string) => boolean): string {
  if (!isTaken(name)) return name;
  const join = /\d$/.test(name) ? '_' : '';
  let n = 2;
  while (isTaken(`${name}${join}${n}`)) n++;
  return `${name}${join}${n}`;
}

/** ASCII words run together, each capitalised: `auth_opt` → `AuthOpt`; no ASCII letters → ''. */
export function pascal(text: string): string {
  const words = text
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  return words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

/** The segments of a path that name things: no placeholders, no versions (`v2`, `v1.0`). */
export function literalSegments(path: string): string[] {
  return path.split('/').filter((seg) => seg && !seg.startsWith('{') && !/^v\d+(\.\d+)?$/i.test(seg));
}

/** Locale-independent order (UTF-16 code units), so sorted output is the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts by a text key, in place. */
export function sortBy<T>(items: T[], key: (item: T) => string): T[] {
  return items.sort((a, b) => compareText(key(a), key(b)));
}

// ---------------------------------------------------------------------------------------------------------------
// Operation names the way the official (API Explorer) names read: `List/Show/Create/Update/Delete` + resource.

/** `v1`, `v2.0`, `v3`: the first version segment of a path, lower-cased; undefined when the path has none. */
export function apiVersionOf(path: string): string | undefined {
  return path
    .split('/')
    .find((seg) => /^v\d+(\.\d+)*$/i.test(seg))
    ?.toLowerCase();
}

/** `v2.0` → `V2_0`: a version as a name part (a dot is no identifier character; `V20` would read as v20). */
export function versionTag(version: string): string {
  return version.toUpperCase().replace(/\./g, '_');
}

/** Short stable digest of a text: the last resort that tells two things apart by their content, never by order. */
export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 6);
}

/** Plural → singular for resource words (`policies` → `policy`, `boxes` → `box`, `status` stays). */
const SINGULAR_RULES: [RegExp, string][] = [
  [/ies$/, 'y'],
  [/(ss|us|is)$/, '$1'],
  [/(x|ch|sh|ss)es$/, '$1'],
  [/s$/, ''],
];

export function singular(word: string): string {
  for (const [pattern, replacement] of SINGULAR_RULES)
    if (pattern.test(word)) return word.replace(pattern, replacement);
  return word;
}

/** A path segment as a name part, its last word singular when `one`: `scaling_policies` → `ScalingPolicy`. */
function segmentName(segment: string, one: boolean): string {
  const words = segment.split(/[^A-Za-z0-9]+/).filter(Boolean);
  if (one && words.length) words[words.length - 1] = singular(words[words.length - 1]!);
  return words.map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase()).join('');
}

/** First words of a last path segment that make it an action rather than a resource (`batch-delete`, `restart`). */
const ACTION_WORDS = new Set(
  (
    'action actions batch cancel restart start stop reboot reset resize enlarge expand extend shrink check export import switch upgrade ' +
    'rollback restore migrate publish unpublish debug verify apply bind unbind associate disassociate attach detach enable disable ' +
    'sync retry install uninstall clear open close run execute kill delete create update modify change set unset register ' +
    'unregister release renew freeze unfreeze lock unlock recover rebuild refresh resume pause suspend submit confirm approve ' +
    'reject login logout validate search query count preview download upload copy move rename test trigger'
  ).split(' '),
);

/**
 * Resource words that belong to any resource, so the official names say whose they are: the owner (the literal
 * segment before the owner's `{id}`) comes first. `clusters/{id}/tags` → CreateClusterTag (mrs
 * 给指定集群添加标签.md; dds 查询资源标签.md ListInstanceTags), `datastores/{name}/versions` → ListDatastoreVersions
 * (dds 查询数据库版本信息.md), `training-jobs/{id}/versions` → CreateTrainingJobVersion (modelarts 创建训练作业版本.md),
 * `queues/{name}/users` → ListQueueUsers (dli 查看队列的使用者.md), `queues/{name}/plans` → CreateQueuePlan (dli
 * 创建队列定时扩缩容计划.md).
 */
const OWNED_WORDS = new Set(['tags', 'versions', 'users', 'plans']);

/**
 * `…/clusters/{cluster_id}/eips/{eip_id}`: one existing resource under another. A POST there creates nothing, it
 * associates the two (dws 集群绑定EIP.md AssociateEip, 集群绑定ELB.md AssociateElb).
 */
function nestedItem(segs: string[]): boolean {
  const isParam = (seg: string | undefined) => seg !== undefined && seg.startsWith('{');
  // A version and the project id (`/v1.1/{project_id}/autoscaling-policy/{id}`) are no owning resource.
  const isResource = (seg: string | undefined) => seg !== undefined && !isParam(seg) && !/^v\d+(\.\d+)*$/i.test(seg);
  const n = segs.length;
  return n >= 4 && isParam(segs[n - 1]) && isResource(segs[n - 2]) && isParam(segs[n - 3]) && isResource(segs[n - 4]);
}

/** Whether the parameter at `i` is the project scope: the first segment, or right after the API version. */
function isScope(segs: string[], i: number): boolean {
  return i === 0 || /^v\d+(\.\d+)*$/i.test(segs[i - 1] ?? '');
}

/** The verb of an operation that acts on a resource (its path does not end in an action word). */
function resourceVerb(method: string, item: boolean): string {
  if (method === 'GET') return item ? 'Show' : 'List';
  return (
    ({ POST: 'Create', PUT: 'Update', PATCH: 'Update', DELETE: 'Delete', HEAD: 'Check' } as Record<string, string>)[
      method
    ] ?? pascal(method.toLowerCase())
  );
}

/**
 * Names for an operation from its method and path, one per level (a level may repeat the one before); a clash
 * within one API version moves every operation of the clash to its next level. `GET /v3/{p}/elb/listeners` → ListListeners, ElbListeners…;
 * `DELETE /v1/{p}/clusters/{c}/listeners/{l}` → DeleteListener, DeleteClusterListener, DeleteClustersListener;
 * `POST /v1/{p}/servers/action` → RunServerAction; `POST …/nodes/batch-delete` → BatchDeleteNodes.
 * The last name carries a digest of method + path, so it is unique for a route.
 */
export function derivedOperationNames(method: string, path: string): string[] {
  const segs = path.split('/').filter(Boolean);
  const isParam = (seg: string) => seg.startsWith('{');
  const item = segs.length > 0 && isParam(segs.at(-1)!);
  const literals = segs
    .map((seg, i) => ({ seg, i }))
    .filter(({ seg }) => !isParam(seg) && !/^v\d+(\.\d+)*$/i.test(seg));
  const last = literals.at(-1);
  const firstWord = (seg: string) => seg.split(/[^A-Za-z0-9]+/)[0]!.toLowerCase();
  const isAction =
    !item && method !== 'GET' && last !== undefined && literals.length > 1 && ACTION_WORDS.has(firstWord(last.seg));
  // The resource words: the action's own segment excluded; the last one singular unless a GET lists a collection.
  const nouns = isAction ? literals.slice(0, -1) : literals;
  // A GET of one singular thing that belongs to an item (`instances/{id}/backups/policy`, `…/{id}/os-interface`) shows
  // it (dds 查询自动备份策略.md ShowBackupPolicy; bms 查询裸金属服务器网卡信息.md ShowBaremetalServerInterfaceAttachments);
  // a plural word, `…/list`, or a word under the project only lists.
  const lastWord = (
    last?.seg
      .split(/[^A-Za-z0-9]+/)
      .filter(Boolean)
      .at(-1) ?? ''
  ).toLowerCase();
  const oneThing =
    method === 'GET' &&
    !item &&
    last !== undefined &&
    !/s$/.test(lastWord) &&
    lastWord !== 'list' &&
    segs.some((seg, i) => isParam(seg) && !isScope(segs, i) && i < last.i);
  const collection = method === 'GET' && !item && !oneThing;
  // A named action on a whole collection (`workers/batch-delete`, `samples/delete`) acts on many: plural as written
  // (modelarts 批量删除标注团队成员.md BatchDeleteWorkers, bms 裸金属服务器解绑弹性网卡.md …Nics); `…/action` stays singular.
  const onMany =
    isAction && last!.seg.toLowerCase() !== 'action' && nouns.length > 0 && nouns.at(-1)!.i === last!.i - 1;
  const nounName = (n: { seg: string; i: number }, isLast: boolean) =>
    segmentName(n.seg, isLast ? (!collection || isAction) && !onMany : isParam(segs[n.i + 1] ?? ''));
  const verb = isAction
    ? last!.seg.toLowerCase() === 'action'
      ? 'Run'
      : segmentName(last!.seg, false)
    : method === 'POST' && nestedItem(segs)
      ? 'Associate'
      : resourceVerb(method, item || oneThing);
  const suffix = isAction && last!.seg.toLowerCase() === 'action' ? 'Action' : '';
  if (!nouns.length) {
    // `GET /` lists the API versions, `GET /v3` shows one (how Huawei services document their version APIs).
    // `GET /{api_version}` shows one version, as `GET /v3` does (as 查询指定API版本信息.md).
    const name =
      segs.some(isParam) && method !== 'GET'
        ? `${verb}Resource`
        : !segs.length
          ? `${verb}ApiVersions`
          : `${method === 'GET' ? 'Show' : verb}ApiVersion`;
    return [name, `${name}_${shortHash(`${method} ${path}`)}`];
  }
  const lastNoun = nounName(nouns.at(-1)!, true);
  // The nearest resource the last one belongs to: a literal followed by a parameter (`clusters/{id}/tags`).
  const parent = nouns
    .slice(0, -1)
    .reverse()
    .find((n) => isParam(segs[n.i + 1] ?? ''));
  // An owned word (`tags`, `versions`) says whose first: the literal before it, singular (`clusters/{id}/tags`).
  const lastSeg = nouns.at(-1)!;
  // Only an owner instance (`clusters/{id}/tags`): `clusters/tags` are the tags of all clusters (mrs 查询标签列表.md).
  const ownerSeg = nouns.at(-2);
  const owner =
    OWNED_WORDS.has(lastSeg.seg.toLowerCase()) &&
    ownerSeg &&
    ownerSeg.i === lastSeg.i - 2 &&
    isParam(segs[lastSeg.i - 1]!)
      ? ownerSeg
      : undefined;
  // Two words of one sub-resource (`clusters/{id}/workload/queues`, `instances/{id}/backups/policy`): the first
  // qualifies the second (dws 删除资源池.md DeleteWorkloadQueue, dds 设置自动备份策略.md …BackupPolicy). Under the
  // project only (`{project_id}/graphs/backups`, `{project_id}/cloud-phone/phones`) the first word is a namespace.
  const compound =
    !owner &&
    ownerSeg &&
    ownerSeg.i === lastSeg.i - 1 &&
    isParam(segs[ownerSeg.i - 1] ?? '') &&
    !isScope(segs, ownerSeg.i - 1)
      ? ownerSeg
      : undefined;
  const qualifier = owner ?? compound;
  const names = [
    `${verb}${qualifier ? segmentName(qualifier.seg, true) : ''}${lastNoun}${suffix}`,
    parent ? `${verb}${nounName(parent, false)}${lastNoun}${suffix}` : '',
    `${verb}${nouns
      .slice(0, -1)
      .map((n) => nounName(n, false))
      .join('')}${lastNoun}${suffix}`,
    // An action on a collection and one on an item (`graphs/action`, `graphs/{id}/action`): plural vs singular.
    `${verb}${nouns.map((n) => segmentName(n.seg, isParam(segs[n.i + 1] ?? ''))).join('')}${suffix}`,
  ];
  // Not deduplicated: levels line up across operations, so a clash settles at the first level that tells them apart.
  const levels = names.map((name, i) => name || names[i - 1]!);
  return [...levels, `${levels.at(-1)}_${shortHash(`${method} ${path}`)}`];
}

/** Gerunds of English page file names → the verb the official names use; a read verb becomes List or Show. */
const GERUNDS: Record<string, string> = {
  creating: 'Create',
  deleting: 'Delete',
  updating: 'Update',
  modifying: 'Update',
  changing: 'Change',
  adding: 'Add',
  removing: 'Remove',
  // The official names say Associate/Disassociate for a binding (apig BindingaSignatureKey.md: AssociateSignatureKey,
  // as its v2 page 绑定签名密钥.md links AssociateSignatureKeyV2; 解绑域名.md links DisassociateDomainV2).
  binding: 'Associate',
  unbinding: 'Disassociate',
  authorizing: 'Authorize',
  configuring: 'Configure',
  enabling: 'Enable',
  disabling: 'Disable',
  exporting: 'Export',
  importing: 'Import',
  publishing: 'Publish',
  verifying: 'Verify',
  validating: 'Validate',
  resetting: 'Reset',
  releasing: 'Release',
  canceling: 'Cancel',
  cancelling: 'Cancel',
  generating: 'Generate',
  replacing: 'Replace',
  restoring: 'Restore',
  migrating: 'Migrate',
  debugging: 'Debug',
  setting: 'Set',
  starting: 'Start',
  stopping: 'Stop',
  restarting: 'Restart',
  using: 'Use',
  querying: 'read',
  obtaining: 'read',
  viewing: 'read',
  listing: 'read',
  getting: 'read',
  checking: 'Check',
  uploading: 'Upload',
  downloading: 'Download',
  associating: 'Associate',
  disassociating: 'Disassociate',
  attaching: 'Attach',
  detaching: 'Detach',
  offlining: 'Offline',
  running: 'Run',
  executing: 'Execute',
};
/** Words a title writes in lower case and the file name glued to the word before (`Creatinga`, `toa`). */
const ARTICLES = new Set(['a', 'an', 'the']);
const PREPOSITIONS = ['to', 'of', 'for', 'in', 'on', 'with', 'within', 'from', 'into', 'by', 'and', 'or'];

const GLUED_GREEDY = new RegExp(`^([A-Z][a-z]+)(${PREPOSITIONS.join('|')})?(a|an|the)$`);
const GLUED_LAZY = new RegExp(`^([A-Z][a-z]+?)(${PREPOSITIONS.join('|')})?(a|an|the)$`);

/** `CreatingaRequestThrottlingPolicy` → Creating, Request, Throttling, Policy; `APIs` and `VPC` kept whole. */
function titleWords(stem: string): string[] {
  const raw = stem.match(/[A-Z]{2,}s(?=[A-Z\d]|$)|[A-Z]+(?![a-z])|[A-Z][a-z]*|[a-z]+|\d+/g) ?? [];
  const words: string[] = [];
  for (const word of raw) {
    // Longest head first (`Withina` → Within + a), then shortest (`Certificatetoa` → Certificate + to + a).
    const glued = [GLUED_GREEDY, GLUED_LAZY]
      .map((pattern) => word.match(pattern))
      .find((m) => m && (/ing$/.test(m[1]!) || m[2] || PREPOSITIONS.includes(m[1]!.toLowerCase())));
    if (glued) {
      words.push(glued[1]!);
      if (glued[2]) words.push(glued[2]);
    } else if (!ARTICLES.has(word)) words.push(word);
  }
  return words;
}

/**
 * An English page file name as an operation name: `CreatingaRequestThrottlingPolicy` → CreateRequestThrottlingPolicy,
 * `QueryingAPICallsWithinaPeriod` (GET collection) → ListApiCallsWithinPeriod, `CreateAPIGroup` → CreateApiGroup.
 */
export function titleOperationName(stem: string, method: string, path: string): string {
  const words = titleWords(stem);
  const first = GERUNDS[words[0]?.toLowerCase() ?? ''];
  if (first) words[0] = first === 'read' ? resourceVerb('GET', method === 'GET' && /\}$/.test(path)) : first;
  return words.map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase()).join('');
}

// ---------------------------------------------------------------------------------------------------------------
// API Explorer names that pages link in an older spelling. The current names are PascalCase words, acronyms
// included (`CheckSql`), and read List/Show/Update where older ones read Query/Modify; a page written before the
// rename links the old spelling, which the link then redirects. The rename is a rule, so the page's name is read
// through it.

/** `Items` stays; `Policy` → Policies, `Box` → Boxes, `Config` → Configs. */
export function plural(word: string): string {
  if (/s$/i.test(word)) return word;
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(x|ch|sh)$/i.test(word)) return `${word}es`;
  return `${word}s`;
}

/**
 * A linked name with its first letter raised (`queryEvents`) and a run of three or more capitals written as a word
 * (`CheckSQL` → CheckSql; `APIGroup` → ApiGroup). Two capitals stay (`BindDevServerPublicIP` is a current name).
 */
function pascalName(name: string): string {
  return (name[0]!.toUpperCase() + name.slice(1)).replace(
    /([A-Z])([A-Z]{2,})(?=[A-Z][a-z]|[^A-Za-z]|$)/g,
    (_, head: string, run: string) => head + run.toLowerCase(),
  );
}

/** Old verbs renamed outright: `Modify…` → Update… (as 修改弹性伸缩组.md links ModifyScalingGroup). */
const LEGACY_VERBS: Record<string, string> = { Modify: 'Update' };

/**
 * A linked API Explorer name in the current spelling: PascalCase with acronyms as words (dli 检查SQL语法.md links
 * CheckSQL), a lower-case first letter raised (aom 查询事件告警信息.md links queryEvents), old verbs renamed
 * (LEGACY_VERBS). Two verbs depend on the method:
 * - `Get…` on GET → Show… (mrs 查询单个作业信息.md anchors GetSingleJobExe, a read of one job: ShowSingleJobExe);
 * - `Query…List` → List + plural (as 查询弹性伸缩配置列表.md QueryScalingConfigList → ListScalingConfigs, a `By…` tail
 *   kept after the noun); `Query…` on GET → Show (as 查询弹性伸缩配置详情.md QueryScalingConfig → ShowScalingConfig),
 *   on another method a search → List + plural (as 查询资源实例.md `POST …/action` QueryResourceInstance).
 * A name that already reads the current way comes back unchanged.
 */
export function currentApiName(name: string, method: string): string {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) return name;
  const words = pascalName(name).match(/[A-Z][a-z0-9]*/g)!;
  const [first, ...rest] = words;
  if (LEGACY_VERBS[first!]) return [LEGACY_VERBS[first!], ...rest].join('');
  if (first === 'Get' && method === 'GET' && rest.length) return ['Show', ...rest].join('');
  if (first !== 'Query' || !rest.length) return words.join('');
  // A trailing version (`…ListV2`) stays last.
  const version = /^V\d+$/.test(rest.at(-1)!) && rest.length > 1 ? rest.pop()! : '';
  return queryName(rest, method) + version;
}

/** `Query` + these words in the current spelling (see LEGACY_VERBS). */
function queryName(rest: string[], method: string): string {
  const by = rest.indexOf('By');
  const head = by > 0 ? rest.slice(0, by) : rest;
  const tail = by > 0 ? rest.slice(by) : [];
  const listed = head.length > 1 && head.at(-1) === 'List';
  if (!listed && method === 'GET') return ['Show', ...rest].join('');
  const noun = listed ? head.slice(0, -1) : head;
  return ['List', ...noun.slice(0, -1), plural(noun.at(-1)!), ...tail].join('');
}
