// URL building and the canonical forms used by AK/SK signing.
// The client puts on the wire exactly the encoding the signer canonicalises to (RFC 3986, space as %20),
// so the gateway's view of the query and path can never differ from what was signed.

/**
 * RFC 3986 percent-encoding: everything except the unreserved set A-Z a-z 0-9 - _ . ~ is encoded.
 * encodeURIComponent leaves ! ' ( ) * alone, so those are encoded by hand (the vectors require %2A for '*').
 */
export function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase());
}

/** Decodes percent-escapes; a malformed escape is kept as written rather than throwing. */
export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * How a parameter value is written on the wire (query item, path segment or header). Arrays in a path or a
 * header use OpenAPI's default "simple" style, comma-separated (query arrays are split into pairs first).
 */
export function stringifyParamValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(stringifyParamValue).join(',');
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

/**
 * Flattens a query object into ordered key/value pairs: arrays repeat the key, undefined and null are left out
 * (an absent optional parameter), insertion order is kept.
 */
export function toQueryPairs(query: Record<string, unknown> | undefined): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  if (!query) return pairs;
  for (const [key, value] of Object.entries(query)) {
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (item === undefined || item === null) continue;
      pairs.push([key, stringifyParamValue(item)]);
    }
  }
  return pairs;
}

/** The wire query string (without '?'), in the pairs' order. */
export function buildQueryString(pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs.map(([k, v]) => `${encodeRfc3986(k)}=${encodeRfc3986(v)}`).join('&');
}

/**
 * Splits a raw query string ('a=1&b=x%20y', no '?') into decoded pairs. '+' is taken literally, not as a
 * space: this runtime never writes '+' for a space, and the signers decode with unquote, not unquote_plus.
 */
export function parseQueryString(search: string): Array<[string, string]> {
  const raw = search.startsWith('?') ? search.slice(1) : search;
  if (raw === '') return [];
  return raw
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      const key = eq < 0 ? part : part.slice(0, eq);
      const value = eq < 0 ? '' : part.slice(eq + 1);
      return [safeDecode(key), safeDecode(value)];
    });
}

/** Canonical query: encoded pairs sorted by key, then by value (repeated keys), joined by '&'. */
export function canonicalQueryString(pairs: ReadonlyArray<readonly [string, string]>): string {
  const encoded = pairs.map(([k, v]) => [encodeRfc3986(k), encodeRfc3986(v)] as const);
  // Sort on the encoded form, byte-wise (code unit order of ASCII), as the SDKs sort the encoded strings.
  encoded.sort((a, b) => compareCodeUnits(a[0], b[0]) || compareCodeUnits(a[1], b[1]));
  return encoded.map(([k, v]) => `${k}=${v}`).join('&');
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Canonical URI: the URL path decoded, split on '/', each segment RFC 3986-encoded, always ending in '/'.
 * Decoding before splitting follows the official signers (Python `unquote(path).split('/')`, the APIG JS
 * signer `unescape(uri).split('/')`); an empty path is '/'.
 */
export function canonicalUri(rawPath: string): string {
  const segments = safeDecode(rawPath).split('/').map(encodeRfc3986);
  const joined = segments.join('/');
  const withLeading = joined.startsWith('/') ? joined : '/' + joined;
  return withLeading.endsWith('/') ? withLeading : withLeading + '/';
}

/** Values that would change the path's structure once a URL parser normalises it (`/a/..` is `/`). */
const DOT_SEGMENTS: ReadonlySet<string> = new Set(['.', '..']);

/**
 * Fills `{name}` placeholders of a path template. Values are RFC 3986-encoded so a '/' inside a value cannot
 * change the path structure. Returns the names that had no value, and those whose value is refused: a segment
 * that is exactly `.` or `..` would be resolved away by every URL parser (`DELETE /instances/inst/throttles/..`
 * reaches `DELETE /instances/inst/`, another API, validly signed), so such values are never sent.
 */
export function fillPathTemplate(
  template: string,
  values: Record<string, unknown>,
): { path: string; missing: string[]; refused: string[] } {
  const missing: string[] = [];
  const refused: string[] = [];
  const path = template.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value === undefined || value === null || value === '') {
      missing.push(name);
      return `{${name}}`;
    }
    const text = stringifyParamValue(value);
    if (text === '' || DOT_SEGMENTS.has(text)) {
      refused.push(name);
      return `{${name}}`;
    }
    return encodeRfc3986(text);
  });
  return { path, missing, refused };
}

/** Thrown for options that would make the client unsafe or could never work (bad region, plain-http endpoint). */
export class ClientConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClientConfigError';
  }
}

/**
 * What a Huawei Cloud region looks like (`cn-north-4`, `ap-southeast-1`, `eu-west-101`, `la-south-2`). The region is
 * spliced into the host name, so anything else (`evil.example#`, `x.attacker.com/`) could send the token elsewhere.
 */
export const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/**
 * 'https://apig.{region}.myhuaweicloud.com' + region → base URL without trailing '/' (an endpoint needs no region). The region must look like a
 * region when the template uses it; an endpoint must be an https URL without credentials, query or fragment
 * (plain http only with `allowInsecureEndpoint`, for tests and local proxies).
 */
export function resolveEndpoint(
  serverTemplate: string,
  region: string | undefined,
  endpoint?: string,
  allowInsecureEndpoint = false,
): string {
  if (endpoint === undefined && region === undefined && serverTemplate.includes('{region}')) {
    throw new ClientConfigError('ClientOptions.region is required unless ClientOptions.endpoint is given');
  }
  if (endpoint === undefined && serverTemplate.includes('{region}') && !REGION_PATTERN.test(region ?? '')) {
    throw new ClientConfigError(
      `region ${JSON.stringify(region)} does not look like a Huawei Cloud region (e.g. cn-north-4); set endpoint for anything else`,
    );
  }
  const base = (endpoint ?? serverTemplate.replace(/\{region\}/g, region ?? '')).replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new ClientConfigError(`endpoint ${JSON.stringify(base)} is not an absolute URL`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && allowInsecureEndpoint)) {
    throw new ClientConfigError(
      `endpoint ${JSON.stringify(base)} must use https (credentials would travel in clear text); set allowInsecureEndpoint: true to allow http`,
    );
  }
  if (
    url.username !== '' ||
    url.password !== '' ||
    url.search !== '' ||
    url.hash !== '' ||
    base.includes('#') ||
    base.includes('?')
  ) {
    throw new ClientConfigError(`endpoint ${JSON.stringify(base)} must not carry credentials, a query or a fragment`);
  }
  return base;
}
