// URL handling: normalisation, the doc-set scope of a start URL, and the stable file name of a page.
import { createHash } from 'node:crypto';

/** Absolute http(s) URL without fragment or credentials, or undefined when `raw` is not one. */
export function normalizeUrl(raw: string, base?: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  // Fragments name places inside one page; credentials must never end up in file names or manifests.
  url.hash = '';
  url.username = '';
  url.password = '';
  return url.href;
}

/** A doc set: same origin and the directory of the start URL (e.g. `/api-apig/`). */
export interface DocScope {
  origin: string;
  pathPrefix: string;
}

export function scopeOf(startUrl: string): DocScope {
  const url = new URL(startUrl);
  return { origin: url.origin, pathPrefix: url.pathname.slice(0, url.pathname.lastIndexOf('/') + 1) };
}

export function isInScope(url: string, scopes: readonly DocScope[]): boolean {
  const parsed = new URL(url);
  return scopes.some((scope) => parsed.origin === scope.origin && parsed.pathname.startsWith(scope.pathPrefix));
}

// Links to these are assets or downloads, not manual pages: never worth a request.
const NON_PAGE_EXTENSION =
  /\.(png|jpe?g|gif|svg|webp|ico|bmp|css|js|mjs|map|json|xml|pdf|zip|gz|tgz|tar|rar|7z|docx?|xlsx?|pptx?|mp[34]|webm|woff2?|ttf|eot|otf|txt|csv|ya?ml)$/i;

export function looksLikePage(url: string): boolean {
  return !NON_PAGE_EXTENSION.test(new URL(url).pathname);
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Text safe as a file or folder name on every file system. When anything had to change, a hash of the raw
 * URL segment is appended, so two different URLs cannot collapse onto one file name.
 */
function safeName(decoded: string, rawSegment: string): string {
  const cleaned = decoded.replace(/[^A-Za-z0-9._-]/g, '_');
  if (cleaned === decoded && cleaned !== '' && !cleaned.startsWith('.')) return cleaned;
  return `${cleaned.replace(/^\.+/, '_') || '_'}-${shortHash(rawSegment)}`;
}

/**
 * Stable file name of a page relative to the output folder: the URL path, e.g.
 * `https://support.huaweicloud.com/api-apig/ShowDetailsOfApiV2.html` → `api-apig/ShowDetailsOfApiV2.html`.
 * Directory URLs become `index.html`; names always end in `.html`/`.htm` so readers find them; a query string
 * adds `__q<hash>`; `includeHost` prefixes the host (used when a crawl spans several hosts).
 */
export function fileNameForUrl(url: string, options: { includeHost?: boolean } = {}): string {
  const parsed = new URL(url);
  const segments = parsed.pathname.split('/').slice(1);
  const last = segments.pop() || 'index.html';
  const directories = segments.map((segment) => safeName(decodeSegment(segment), segment));

  const decodedLast = decodeSegment(last);
  const extension = /\.html?$/i.exec(decodedLast)?.[0] ?? '';
  let stem = safeName(decodedLast.slice(0, decodedLast.length - extension.length), last);
  if (parsed.search) stem += `__q${shortHash(parsed.search)}`;

  const host = options.includeHost ? [parsed.host.replace(/[^A-Za-z0-9.-]/g, '_')] : [];
  return [...host, ...directories, stem + (extension || '.html')].join('/');
}
