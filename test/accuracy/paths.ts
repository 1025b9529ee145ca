// Operation identity: `METHOD path` with path-parameter names erased, so `/v2/{project_id}/x` (spec) and
// `/v2/{projectId}/x` or `/v2/\{project\_id\}/x/` (page text) all meet on `/v2/{}/x`.

/** Undo the markdown escapes the doc export puts in front of `_`, `{`, `}`, `*`, `[`, `]`. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([_{}*[\]\\-])/g, '$1');
}

/** `/v2//{project_id}/apigw/throttles/` → `/v2/{}/apigw/throttles`. Query strings are not part of the identity. */
export function normalisePath(path: string): string {
  let p = unescapeMarkdown(path.trim());
  p = p.replace(/[?#[].*$/, ''); // `…/binded-apis[?page_size, …]` and `…?limit=10` (old APIG v1.0 layout)
  p = p.replace(/\{[^{}/]*\}/g, '{}');
  p = p.replace(/\/{2,}/g, '/');
  if (!p.startsWith('/')) p = '/' + p;
  if (p.length > 1) p = p.replace(/\/+$/, '');
  return p;
}

export function opKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${normalisePath(path)}`;
}

/** API Explorer files split the path in two: `base_path` (`/v2`, `/`) + the key of `paths`. */
export function joinBasePath(basePath: string | null | undefined, path: string): string {
  const joined = `${basePath ?? ''}/${path}`.replace(/\/{2,}/g, '/');
  return joined.length > 1 ? joined.replace(/\/+$/, '') : joined;
}
