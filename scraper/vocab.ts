// The words of Huawei API-reference pages, as data. Every reader and the interpreter look words up here
// instead of branching on them, so a new heading, caption or column name is a one-line change.
// Keys are matched after `normalizeWord` (lower case, no spaces, half-width punctuation, no markdown escapes).

import type { ParamLocation, SectionKind } from './model.ts';

/** Lower-case, drop whitespace and markdown escapes, fold full-width punctuation: `请求 Body 参数` ≡ `请求body参数`. */
export function normalizeWord(text: string): string {
  let word = normalized.get(text);
  if (word === undefined) {
    word = foldedWord(text);
    // Headers, captions and type cells repeat on every page: a bounded memo keeps lookups cheap.
    if (normalized.size > 50_000) normalized.clear();
    normalized.set(text, word);
  }
  return word;
}

const normalized = new Map<string, string>();

function foldedWord(text: string): string {
  return foldWidth(text)
    .replace(/\\([_*[\]()#.!-])/g, '$1')
    .replace(/\s+/g, '')
    .toLowerCase();
}

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;

/** Full-width ASCII forms (：（），０-９Ａ-Ｚ) to half-width, and the ideographic space to a space. */
export function foldWidth(text: string): string {
  // Most text has no full-width character: one scan, no copy.
  if (!FULL_WIDTH.test(text)) return text;
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Text matched literally inside a pattern built with `new RegExp`. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------------------------------------------------------
// Section headings (FORMATS.md §1)

export const SECTION_HEADINGS: Record<string, SectionKind> = {
  功能介绍: 'function',
  function: 'function',
  functiondescription: 'function',
  接口约束: 'constraints',
  constraints: 'constraints',
  调试: 'debug',
  调用方法: 'debug',
  授权信息: 'debug',
  debugging: 'debug',
  authorization: 'debug',
  authorizationinformation: 'debug',
  requestmessage: 'request',
  responsemessage: 'response',
  requestexamples: 'requestExample',
  responseexamples: 'responseExample',
  examplerequestbody: 'requestExample',
  exampleresponsebody: 'responseExample',
  uri: 'uri',
  请求参数: 'request',
  请求消息: 'request',
  请求: 'request',
  requestparameters: 'request',
  request: 'request',
  requestbody: 'request',
  响应参数: 'response',
  响应消息: 'response',
  响应: 'response',
  responseparameters: 'response',
  response: 'response',
  responsebody: 'response',
  请求示例: 'requestExample',
  请求样例: 'requestExample',
  请求消息样例: 'requestExample',
  examplerequests: 'requestExample',
  examplerequest: 'requestExample',
  响应示例: 'responseExample',
  响应样例: 'responseExample',
  响应消息样例: 'responseExample',
  成功响应示例: 'responseExample',
  成功响应样例: 'responseExample',
  正常响应示例: 'responseExample',
  正常响应样例: 'responseExample',
  exampleresponses: 'responseExample',
  exampleresponse: 'responseExample',
  状态码: 'statusCodes',
  返回值: 'statusCodes',
  返回码: 'statusCodes',
  响应码: 'statusCodes',
  statuscodes: 'statusCodes',
  statuscode: 'statusCodes',
  returnedvalues: 'statusCodes',
  returnedvalue: 'statusCodes',
  错误码: 'errorCodes',
  errorcodes: 'errorCodes',
  errorcode: 'errorCodes',
  samples: 'other',
};

/**
 * Example headings with a qualifier before them end in the example word of their side: `同步方式请求成功响应样例：` /
 * `异步方式请求成功响应样例：` (zh-md/dli/删除数据库.md, two responses of one operation), `Spark作业请求示例`
 * (zh-md/mrs/新增作业并执行.md); `同步成功响应样例` (zh-md/ges/授权.md), `action为count时响应样例`
 * (zh-md/as/查询资源实例.md). Failure examples (`失败响应示例`, zh-md/modelarts/更新训练作业参数.md) are not the 2xx response's and stay `other`.
 */
const QUALIFIED_EXAMPLE_HEADINGS: [RegExp, SectionKind][] = [
  [/^(?!.*(?:失败|异常|错误)).*响应(?:样例|示例)$/, 'responseExample'],
  [/请求(?:样例|示例)$/, 'requestExample'],
];

export function sectionKind(heading: string): SectionKind {
  // `成功响应样例：` — a bullet heading may end in a colon.
  const word = normalizeWord(heading).replace(/:$/, '');
  return SECTION_HEADINGS[word] ?? QUALIFIED_EXAMPLE_HEADINGS.find(([pattern]) => pattern.test(word))?.[1] ?? 'other';
}

// ---------------------------------------------------------------------------------------------------------------
// Table captions (FORMATS.md §2): what a parameter table holds

export type TableRole =
  | { role: 'params'; in: ParamLocation }
  | { role: 'requestBody' }
  | { role: 'responseBody' }
  | { role: 'requestParams' } // old style: body or query depending on the method
  | { role: 'methodUri' }
  | { role: 'statusCodes' }
  | { role: 'errorCodes' }
  | { role: 'responseHeaders' } // headers the response carries (`响应Header参数`): response `headers`, not body fields
  | { role: 'object' }; // a sub-table named after a type or field

export const CAPTION_ROLES: Record<string, TableRole> = {
  路径参数: { role: 'params', in: 'path' },
  pathparameters: { role: 'params', in: 'path' },
  query参数: { role: 'params', in: 'query' },
  查询参数: { role: 'params', in: 'query' },
  queryparameters: { role: 'params', in: 'query' },
  请求header参数: { role: 'params', in: 'header' },
  请求头参数: { role: 'params', in: 'header' },
  requestheaderparameters: { role: 'params', in: 'header' },
  请求body参数: { role: 'requestBody' },
  响应header参数: { role: 'responseHeaders' },
  响应头参数: { role: 'responseHeaders' },
  响应消息头: { role: 'responseHeaders' },
  响应头: { role: 'responseHeaders' },
  responseheaderparameters: { role: 'responseHeaders' },
  responseheaders: { role: 'responseHeaders' },
  requestbodyparameters: { role: 'requestBody' },
  响应body参数: { role: 'responseBody' },
  responsebodyparameters: { role: 'responseBody' },
  响应参数: { role: 'responseBody' },
  返回消息说明: { role: 'responseBody' },
  responseparameters: { role: 'responseBody' },
  请求参数: { role: 'requestParams' },
  requestparameters: { role: 'requestParams' },
  'http/https请求方法以及uri': { role: 'methodUri' },
  请求方法以及uri: { role: 'methodUri' },
  状态码: { role: 'statusCodes' },
  返回值: { role: 'statusCodes' },
  statuscodes: { role: 'statusCodes' },
  错误码: { role: 'errorCodes' },
  errorcodes: { role: 'errorCodes' },
};

/** Generic captions (`参数说明`, `Parameter description`): the table's role comes from the section it is in. */
export const GENERIC_CAPTIONS = new Set([
  '参数说明',
  'parameterdescription',
  'parameters',
  '参数',
  '字段说明',
  'description',
]);

/**
 * Captions whose subject (the caption without a suffix such as `参数说明`, `说明`) is a *place*, not a field or
 * type: `URI参数说明`, `Body参数说明`, `请求参数说明`, `响应样例的要素说明`, `要素说明`, `query参数说明`.
 * 'section' means: the role the section gives (docs/FORMATS.md §3).
 */
export const CAPTION_SUBJECT_ROLES: Record<string, TableRole | 'section'> = {
  '': 'section',
  要素: 'section',
  参数: 'section',
  字段: 'section',
  body: 'section',
  消息体: 'section',
  uri: { role: 'params', in: 'path' },
  uri参数: { role: 'params', in: 'path' },
  路径: { role: 'params', in: 'path' },
  路径参数: { role: 'params', in: 'path' },
  path: { role: 'params', in: 'path' },
  query: { role: 'params', in: 'query' },
  query参数: { role: 'params', in: 'query' },
  查询: { role: 'params', in: 'query' },
  查询参数: { role: 'params', in: 'query' },
  查询检索: { role: 'params', in: 'query' },
  header: { role: 'params', in: 'header' },
  请求header: { role: 'params', in: 'header' },
  请求头: { role: 'params', in: 'header' },
  请求消息头: { role: 'params', in: 'header' },
  请求: { role: 'requestParams' },
  请求参数: { role: 'requestParams' },
  请求消息: { role: 'requestParams' },
  请求body: { role: 'requestBody' },
  formdata: { role: 'requestBody' },
  请求体: { role: 'requestBody' },
  请求样例的要素: { role: 'requestParams' },
  请求示例的要素: { role: 'requestParams' },
  request: { role: 'requestParams' },
  响应: { role: 'responseBody' },
  响应参数: { role: 'responseBody' },
  响应消息: { role: 'responseBody' },
  响应body: { role: 'responseBody' },
  响应体: { role: 'responseBody' },
  响应样例的要素: { role: 'responseBody' },
  响应示例的要素: { role: 'responseBody' },
  返回: { role: 'responseBody' },
  返回参数: { role: 'responseBody' },
  返回消息: { role: 'responseBody' },
  返回结果: { role: 'responseBody' },
  response: { role: 'responseBody' },
  // `Response Body参数说明` / `Response Header参数说明` (zh-md/swr/查看共享镜像列表.md, 获取镜像同步任务信息.md)
  responsebody: { role: 'responseBody' },
  responseheader: { role: 'responseHeaders' },
  响应header: { role: 'responseHeaders' },
  响应头: { role: 'responseHeaders' },
  响应消息头: { role: 'responseHeaders' },
};

/** Body tables whose caption names the media type: `FormData参数` is a multipart form, not JSON. */
export const CAPTION_MEDIA_TYPES: Record<string, string> = {
  formdata: 'multipart/form-data',
  表单参数: 'multipart/form-data',
};

/**
 * Words that join several field names in one caption: one table describes the items of each of them.
 * `schemaPath、edgesetPath和vertexsetPath属性列表` (zh-md/ges/查询图列表(2-1-18).md),
 * `edgesetPath和vertexsetPath属性列表` (zh-md/ges/查询Job状态(1-0-0)-管理面.md).
 */
export const CAPTION_NAME_JOINERS = ['、', '和'];

/** Suffixes that make a caption name a field or type: `auth_opt参数说明`, `pools字段说明`, `tags 字段数据结构说明`. */
export const OBJECT_CAPTION_SUFFIXES = [
  '对象的参数列表',
  '字段数据结构说明',
  '属性列表',
  '属性说明',
  '参数列表',
  '字段列表',
  '对象参数',
  '结构体说明',
  '数据结构说明',
  '参数说明',
  '字段说明',
  '参数描述',
  '对象说明',
  '结构说明',
  '说明',
  '属性',
  '对象',
  '结构体',
  '结构',
  '数据结构',
  '参数',
  '字段',
  'parameterdescription',
  'parameters',
  'fielddescription',
  'description',
];

// ---------------------------------------------------------------------------------------------------------------
// Column headers (FORMATS.md §3)

export type ColumnRole =
  | 'name'
  | 'required'
  | 'type'
  | 'description'
  | 'location'
  | 'default'
  | 'range'
  | 'example'
  | 'status'
  | 'code'
  | 'message'
  | 'action'
  | 'method'
  | 'uri'
  | 'ignored';

export const COLUMN_ROLES: Record<string, ColumnRole> = {
  参数: 'name',
  参数名: 'name',
  参数名称: 'name',
  名称: 'name',
  字段: 'name',
  字段名: 'name',
  属性: 'name',
  parameter: 'name',
  name: 'name',
  attribute: 'name',
  parametername: 'name',
  是否必选: 'required',
  是否为必选: 'required',
  是否必填: 'required',
  必选: 'required',
  必填: 'required',
  mandatory: 'required',
  required: 'required',
  参数类型: 'type',
  类型: 'type',
  数据类型: 'type',
  type: 'type',
  描述: 'description',
  说明: 'description',
  参数说明: 'description',
  参数描述: 'description',
  description: 'description',
  remarks: 'description',
  参数位置: 'location',
  location: 'location',
  默认值: 'default',
  缺省值: 'default',
  defaultvalue: 'default',
  default: 'default',
  valuerange: 'range',
  range: 'range',
  取值范围: 'range',
  参数值域: 'range',
  constraint: 'range',
  参数示例: 'example',
  示例: 'example',
  example: 'example',
  状态码: 'status',
  http状态码: 'status',
  正常状态码: 'status',
  错误状态码: 'status',
  返回值: 'status',
  returnedvalue: 'status',
  returnvalue: 'status',
  statuscode: 'status',
  httpstatuscode: 'status',
  错误码: 'code',
  errorcode: 'code',
  errorcodes: 'code',
  编码: 'code',
  错误信息: 'message',
  错误码信息: 'message',
  errormessage: 'message',
  message: 'message',
  错误描述: 'description',
  错误码描述: 'description',
  错误码说明: 'description',
  处理措施: 'action',
  解决方案: 'action',
  solution: 'action',
  measure: 'action',
  请求方法: 'method',
  method: 'method',
  uri: 'uri',
  操作类型: 'ignored',
  crud: 'ignored',
  module: 'ignored',
  possiblecause: 'description',
};

export function columnRole(header: string): ColumnRole | undefined {
  return COLUMN_ROLES[normalizeWord(header)];
}

// ---------------------------------------------------------------------------------------------------------------
// Required-flag cells (FORMATS.md §9.12)

const REQUIRED_YES = ['是', 'yes', 'y', '必选', '必填', 'true', 'mandatory', 'm', 'required'];
const REQUIRED_NO = ['否', 'no', 'n', '可选', '非必选', '选填', 'false', 'optional', 'o'];

/** `true`/`false` for a required-flag cell, `undefined` when the cell says neither (report it). */
export function parseRequired(cell: string): boolean | undefined {
  const word = normalizeWord(cell).replace(/[,，。.].*$/, '');
  if (word === '-' || word === '') return false;
  // `是，…` / `No This parameter is…`: the flag word first, then prose (but not `nodeList`).
  const lead = foldWidth(cell).trim().toLowerCase();
  if (REQUIRED_YES.includes(word) || /^是/.test(word) || /^yes\b/.test(lead)) return true;
  if (REQUIRED_NO.includes(word) || /^否/.test(word) || /^no\b/.test(lead)) return false;
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Words that flag an empty section or cell: `无`, `None`, `N/A`.

export const NONE_WORDS = new Set(['无', 'none', 'n/a', 'na', '-', '不涉及', '无。']);

export function isNoneText(text: string): boolean {
  return NONE_WORDS.has(normalizeWord(text));
}

// ---------------------------------------------------------------------------------------------------------------
// Words the interpreter recognises inside cells and descriptions

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'];

/** Descriptions that call a `字典数据类型` field a list: `后端实例列表`, `策略条件列表`, `…集合`. */
export const LIST_WORDS = /列表|集合|数组|\blist of\b/i;

/**
 * Name cells that stand for the body itself, not for a member of it, matched with brackets and emphasis dropped:
 * `[数组元素]` ("array element": the body is the list the row's type names; zh-md/aom/添加监控数据.md,
 * zh-md/swr/创建镜像权限.md, `\\[数组元素\\]` in zh-md/swr/查询镜像仓库列表.md) and `数组元素` (zh-md/dli/批量运行作业.md).
 * Only a table's single row is read so (`isBodyRow` in interpret/fields.ts).
 */
export const BODY_ROW_NAMES = new Set(['数组元素']);

export function isBodyRowName(text: string): boolean {
  return BODY_ROW_NAMES.has(normalizeWord(text).replace(/[[\]_*]/g, ''));
}

/** Parameter names that are HTTP headers wherever a page lists them. */
export const HEADER_NAME = /^(X-[\w-]+|Content-Type|Authorization|Accept|Host|User-Agent)$/i;

/** `详情请参见表3`, `见表表3`, `service结构如表4所示`, `see Table 4`: the field's sub-table by number. */
export const TABLE_REFERENCE = /表\s*(\d+)|\bTable\s+(\d+)\b/i;

/**
 * The words and code that open a status line at the top of an example's code block, whatever follows them:
 * `Http Status Code: 200`, `HTTP/1.1 201 Created`, `状态码：200`, `Http Status: 500` (zh-md/ges/查询图详情(1-0-0).md),
 * or `HttpStatusCode: 200{` with the body glued on (zh-md/ges/查询元数据列表(1-0-2).md). The one pattern the status
 * line and the glued body (interpret/examples.ts) are built from.
 */
export const EXAMPLE_STATUS_PREFIX =
  /^\s*(?:https?\s*status(?:\s*code)?|status\s*code|状态码|返回码|http\/\d(?:\.\d)?)\s*[:：]?\s*(\d{3})/i;

/** A status line: the prefix and a code that ends there (`200`, not `2001`). */
export const EXAMPLE_STATUS_LINE = new RegExp(`${EXAMPLE_STATUS_PREFIX.source}\\b`, 'i');

/** Descriptions of responses whose page gives none. */
export const REASONS: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '202': 'Accepted',
  '204': 'No Content',
  '400': 'Bad Request',
  '401': 'Unauthorized',
  '403': 'Forbidden',
  '404': 'Not Found',
  '409': 'Conflict',
  '500': 'Internal Server Error',
};

/**
 * A name cell that is an identifier followed by a bracketed note: `access_ip（过期）`, `phone_ip（新增）`
 * (zh-md/cph/查询云手机详情.md), `delimiter（2.2.8）` (zh-md/ges/通过导入文件更新点边的指定属性(2-2-13).md),
 * `hasLabel（一千亿边（公测版））` (zh-md/ges/新建索引(1-1-6).md). The note says since when or until when the field
 * exists; the field's name is the identifier (the page's own examples use `access_ip`). Half- and full-width
 * brackets, notes may nest one level.
 */
const NAME_WITH_NOTE = /^([A-Za-z_$@][\w.$@-]*)\s*[（(]((?:[^（）()]|[（(][^（）()]*[）)])+)[）)]$/;

/** The field name of a name cell's first line and the note written after it, if any. */
export function splitNameNote(written: string): { name: string; note?: string } {
  const m = written.match(NAME_WITH_NOTE);
  return m ? { name: m[1]!, note: m[2]!.trim() } : { name: written };
}

/** A name cell's first line as written, markdown's `\\_` undone. */
export function firstLineName(cellText: string): string {
  return (cellText.split('\n')[0] ?? '').replace(/\\_/g, '_').trim();
}

/** The field name a name cell gives: its first line without a note after it (`access_ip（过期）` → `access_ip`). */
export function rowName(cellText: string): string {
  return splitNameNote(firstLineName(cellText)).name;
}
