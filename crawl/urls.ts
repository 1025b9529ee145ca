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

/** Longest name part kept from a URL segment; longer ones are cut and get the hash (file systems allow 255 bytes). */
export const MAX_NAME_CHARS = 100;
/** Names Windows reserves whatever the extension (`con.html` cannot be created there). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;

/**
 * Text safe as a file or folder name on every file system. When anything had to change (characters, a leading or
 * trailing dot, a Windows-reserved name, a name longer than MAX_NAME_CHARS), a hash of the raw URL segment is
 * appended, so two different URLs cannot collapse onto one file name.
 */
function safeName(decoded: string, rawSegment: string): string {
  const cleaned = decoded.replace(/[^A-Za-z0-9._-]/g, '_');
  const unchanged =
    cleaned === decoded &&
    cleaned !== '' &&
    !cleaned.startsWith('.') &&
    !cleaned.endsWith('.') &&
    !WINDOWS_RESERVED.test(cleaned) &&
    cleaned.length <= MAX_NAME_CHARS;
  if (unchanged) return cleaned;
  const base = cleaned.replace(/^\.+/, '_').replace(/\.+$/, '_').slice(0, MAX_NAME_CHARS) || '_';
  return `${WINDOWS_RESERVED.test(base) ? '_' : ''}${base}-${shortHash(rawSegment)}`;
}

/** A folder may not be named like a page file: `a.html/b` next to `a.html` would need `a.html` to be both. */
function safeDirectoryName(decoded: string, rawSegment: string): string {
  const name = safeName(decoded, rawSegment);
  return /\.html?$/i.test(name) ? `${name}-${shortHash(rawSegment)}` : name;
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
  const directories = segments.map((segment) => safeDirectoryName(decodeSegment(segment), segment));

  const decodedLast = decodeSegment(last);
  const extension = /\.html?$/i.exec(decodedLast)?.[0] ?? '';
  let stem = safeName(decodedLast.slice(0, decodedLast.length - extension.length), last);
  if (parsed.search) stem += `__q${shortHash(parsed.search)}`;

  const host = options.includeHost ? [parsed.host.replace(/[^A-Za-z0-9.-]/g, '_')] : [];
  return [...host, ...directories, stem + (extension || '.html')].join('/');
}

/**
 * Assigns each URL of one crawl its file, keeping apart names that only a case-insensitive file system (`Dup.html`,
 * `dup.html`) or the added `.html` (`dup`, `dup.html`) would merge: the second URL to claim a name gets a hash of
 * its URL before the extension. Claims follow the crawl's fixed breadth-first order, so names are stable.
 */
export class FileNamer {
  private readonly owners = new Map<string, string>();
  private readonly byUrl = new Map<string, string>();
  constructor(private readonly includeHost: boolean) {}

  fileFor(url: string): string {
    const known = this.byUrl.get(url);
    if (known !== undefined) return known;
    let file = fileNameForUrl(url, { includeHost: this.includeHost });
    const owner = this.owners.get(file.toLowerCase());
    if (owner !== undefined && owner !== url) file = file.replace(/(\.html?)$/i, `-${shortHash(url)}$1`);
    this.owners.set(file.toLowerCase(), url);
    this.byUrl.set(url, file);
    return file;
  }
}
