// The operation's method and path: from the URI section's request line (a paragraph, a bullet or a code block)
// or from a `请求方法 | URI` table (docs/FORMATS.md §1, §9.14).

import type { DocPage } from '../model.ts';
import { foldWidth, HTTP_METHODS } from '../vocab.ts';
import type { PlacedTable } from './context.ts';

export interface MethodPath {
  method: string;
  path: string;
  query: string[];
  /**
   * Further methods the request line names for the same path (`PUT/POST /v2/{projectId}/push/events`,
   * zh-md/aom/上报-清除事件告警信息.md): a page makes one operation, under the first; these reach the report.
   */
  alsoMethods?: string[];
}

const METHODS = HTTP_METHODS.join('|');
/**
 * `GET /path`, `PUT/POST /path` (methods joined by a slash, full- or half-width, no space around it) or
 * `GET https://host/path`. One method may touch its path (zh-md/dli/查询所有队列.md: `GET/v1.0/{project_id}/queues`),
 * also when the path's first segment starts with a method word (`POST/delete-jobs`), but not when that segment is
 * one (`POST/PUT请求必填。`, zh-md/css/获取请求认证.md, is prose); a list of methods
 * (`PUT/POST /v2/{projectId}/push/events`, zh-md/aom/上报-清除事件告警信息.md) is followed by a space, so
 * `GET /options/x` is GET `/options/x`, not GET and OPTIONS of `/x`.
 */
const METHOD_URI = new RegExp(
  `^\\s*(?:((?:${METHODS})\\b(?:[/／](?:${METHODS})\\b)+)\\s+|((?:${METHODS})\\b)(?:\\s+|(?=/(?!(?:${METHODS})(?![\\w.-])))))(/\\S*|https?://\\S+)`,
  'i',
);

/** A request line → method and path; `PUT/POST /path` → the first method as the operation's, the others apart. */
export function readRequestLine(line: string): MethodPath | undefined {
  const m = line.match(METHOD_URI);
  if (!m) return undefined;
  const [first = '', ...rest] = (m[1] ?? m[2]!).split(/[/／]/);
  const mp = parseMethodPath(first, m[3]!);
  return rest.length > 0 ? { ...mp, alsoMethods: rest.map((method) => method.toUpperCase()) } : mp;
}

/** `PUT /v2/{project_id}/x?limit={limit}` or `GET /v1.0/apigw/x[?page_size, page_no]` → method, path, query names. */
export function parseMethodPath(method: string, uri: string): MethodPath {
  let path = foldWidth(uri)
    .trim()
    .replace(/^https?:\/\/[^/]+/, '')
    .replace(/\s+/g, '');
  const query: string[] = [];
  const bracket = path.match(/\[\??([^\]]*)\]$/);
  if (bracket) {
    path = path.slice(0, bracket.index);
    query.push(
      ...bracket[1]!
        .split(/[,&，、]/)
        .map((q) => q.replace(/^\?/, '').split('=')[0]!.trim())
        .filter(Boolean),
    );
  }
  const q = path.indexOf('?');
  if (q >= 0) {
    query.push(
      ...path
        .slice(q + 1)
        .split('&')
        .map((p) =>
          p
            .split('=')[0]!
            .replace(/[[\]{}]/g, '')
            .trim(),
        )
        .filter(Boolean),
    );
    path = path.slice(0, q);
  }
  if (path.length > 1) path = path.replace(/\/+$/, '');
  return { method: method.toUpperCase(), path, query };
}

/** The request line of the URI section (paragraph, `-   URI格式` bullet or code block), else the method/URI table. */
export function findMethodPath(tables: PlacedTable[], page: DocPage): MethodPath | undefined {
  for (const section of page.sections.filter((s) => s.kind === 'uri')) {
    for (const line of [...section.paragraphs, ...section.examples.flatMap((ex) => ex.code.split('\n'))]) {
      const mp = readRequestLine(line);
      if (mp) return mp;
    }
  }
  const split = splitRequestLine(page);
  if (split) return split;
  for (const placed of tables.filter((t) => t.role.role === 'methodUri')) {
    const { method, uri } = placed.columns;
    const row = placed.table.rows[0];
    if (row && method !== undefined && uri !== undefined)
      return parseMethodPath(row.cells[method]?.text ?? '', row.cells[uri]?.text ?? '');
  }
  return undefined;
}

const METHOD_ALONE = new RegExp(`^\\s*(${HTTP_METHODS.join('|')})(?:\\s|$)`); // upper case only: `Get the …` is prose
const PATH_ALONE = /^\s*(\/\S*)\s*$/;

/**
 * A request line the conversion split in two: the method opens one paragraph (followed by a stray sentence) and
 * the path is a paragraph of its own (zh-md/bms/查询裸金属服务器详情.md: `GET 参数说明请参见表1。` then
 * `/v1/{project_id}/baremetalservers/{server_id}`). Only when the URI section has exactly one of each.
 */
function splitRequestLine(page: DocPage): MethodPath | undefined {
  const paragraphs = page.sections.filter((s) => s.kind === 'uri').flatMap((s) => s.paragraphs);
  const methods = paragraphs.map((p) => p.match(METHOD_ALONE)?.[1]).filter((m) => m !== undefined);
  const paths = paragraphs.map((p) => p.match(PATH_ALONE)?.[1]).filter((m) => m !== undefined);
  return methods.length === 1 && paths.length === 1 ? parseMethodPath(methods[0]!, paths[0]!) : undefined;
}

/** Why a path cannot be an OpenAPI path, if it cannot: `""`, `/v1/{}/x`, `/v1/{id}/{id}`. */
export function pathProblem(path: string): string | undefined {
  if (!path.startsWith('/')) return `path '${path}' does not start with '/'`;
  const names = [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
  if (names.some((n) => !n.trim())) return `path '${path}' has an empty {} placeholder`;
  if (new Set(names).size !== names.length) return `path '${path}' repeats a placeholder`;
  return undefined;
}
