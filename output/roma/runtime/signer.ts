// Huawei Cloud AK/SK request signing (SDK-HMAC-SHA256), as the official SDKs implement it:
//   canonical request = METHOD \n canonical URI \n canonical query \n canonical headers \n signed headers \n hex(sha256(body))
//   string to sign    = SDK-HMAC-SHA256 \n X-Sdk-Date \n hex(sha256(canonical request))
//   signature         = hex(HMAC-SHA256(SK, string to sign))
//   Authorization: SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<a;b;c>, Signature=<hex>
//
// The gateway verifies whatever SignedHeaders lists, so SDKs differ in which headers they sign; each official
// behaviour is a named policy below so the test vectors of every SDK can be reproduced exactly.

import { canonicalQueryString, canonicalUri, parseQueryString } from './encoding.js';
import { hmacSha256Hex, sha256Hex } from './crypto.js';

export const SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';
export const SDK_DATE_HEADER = 'X-Sdk-Date';

export interface SignableRequest {
  method: string;
  /** Absolute URL, already encoded as it goes on the wire. */
  url: string;
  headers: Record<string, string>;
  body: string | Uint8Array | null;
}

export interface SigningCredentials {
  accessKey: string;
  secretKey: string;
}

/** Which request headers go into the signature. Header names are passed in lower case. */
export interface SignedHeaderPolicy {
  /** Add `host` from the URL when the headers carry no Host header. */
  includeHost: boolean;
  /** True for a header that must not be signed. */
  skipHeader: (lowerCaseName: string) => boolean;
}

const hasUnderscore = (name: string): boolean => name.includes('_');

/**
 * The official SDKs' choices (see test/fixtures/signing/vectors.json notes), plus this client's default.
 *
 * `client` (the default) signs host and every header the runtime sends except:
 *  - names containing '_': nginx-style proxies drop such headers by default, which would break the signature
 *    (the Java and Python SDKs skip them for the same reason);
 *  - user-agent: browsers may refuse to set it or replace it, and proxies rewrite it, so signing it would make
 *    the signature depend on something the caller does not control.
 * It does sign content-type, x-project-id and x-security-token, binding the body's interpretation, the project
 * scope and the temporary credential to the signature (as the Python and Node SDKs do).
 */
export const SIGNED_HEADER_POLICIES = {
  java: { includeHost: true, skipHeader: (n: string) => n === 'content-type' || hasUnderscore(n) },
  go: { includeHost: false, skipHeader: (n: string) => n === 'content-type' || hasUnderscore(n) },
  python: { includeHost: true, skipHeader: hasUnderscore },
  node: { includeHost: true, skipHeader: () => false },
  client: { includeHost: true, skipHeader: (n: string) => hasUnderscore(n) || n === 'user-agent' },
} as const satisfies Record<string, SignedHeaderPolicy>;

export type SignedHeaderPolicyName = keyof typeof SIGNED_HEADER_POLICIES;

export interface SignOptions {
  /** Default 'client'. */
  signedHeaders?: SignedHeaderPolicy | SignedHeaderPolicyName;
}

export interface CanonicalRequestParts {
  canonicalRequest: string;
  signedHeaders: string;
  payloadHash: string;
}

function resolvePolicy(policy: SignOptions['signedHeaders']): SignedHeaderPolicy {
  if (policy === undefined) return SIGNED_HEADER_POLICIES.client;
  return typeof policy === 'string' ? SIGNED_HEADER_POLICIES[policy] : policy;
}

/** YYYYMMDDTHHMMSSZ in UTC. */
export function formatSdkDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/**
 * The headers that are signed, as sorted [lower-case name, trimmed value] pairs. Authorization is never
 * signed (it carries the signature); an empty-valued header is skipped like the SDKs do.
 */
export function selectSignedHeaders(
  url: URL,
  headers: Record<string, string>,
  policy: SignedHeaderPolicy,
): Array<[string, string]> {
  const chosen = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === 'authorization' || policy.skipHeader(lower)) continue;
    const trimmed = String(value).trim();
    if (trimmed === '') continue;
    chosen.set(lower, trimmed);
  }
  if (policy.includeHost && !chosen.has('host')) chosen.set('host', url.host);
  return [...chosen.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Pure, synchronous part of the canonical request, given the body's hash. */
export function buildCanonicalRequest(
  req: Omit<SignableRequest, 'body'>,
  payloadHash: string,
  policy: SignedHeaderPolicy = SIGNED_HEADER_POLICIES.client,
): { canonicalRequest: string; signedHeaders: string } {
  const url = new URL(req.url);
  const headerPairs = selectSignedHeaders(url, req.headers, policy);
  const canonicalHeaders = headerPairs.map(([name, value]) => `${name}:${value}\n`).join('');
  const signedHeaders = headerPairs.map(([name]) => name).join(';');
  const canonicalRequest = [
    req.method.toUpperCase(),
    canonicalUri(url.pathname),
    canonicalQueryString(parseQueryString(url.search)),
    canonicalHeaders,
    signedHeaders,
    payloadHash,
  ].join('\n');
  return { canonicalRequest, signedHeaders };
}

/** Canonical request of a request whose headers already include X-Sdk-Date. */
export async function canonicalRequest(
  req: SignableRequest,
  options: SignOptions = {},
): Promise<CanonicalRequestParts> {
  const payloadHash = await sha256Hex(req.body ?? '');
  const built = buildCanonicalRequest(req, payloadHash, resolvePolicy(options.signedHeaders));
  return { ...built, payloadHash };
}

export async function stringToSign(sdkDate: string, canonical: string): Promise<string> {
  return `${SIGNING_ALGORITHM}\n${sdkDate}\n${await sha256Hex(canonical)}`;
}

function findHeader(headers: Record<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

/**
 * Signs a request and returns the headers to add: X-Sdk-Date and Authorization.
 * The date is `date` when given, else an X-Sdk-Date already in the headers (as the SDKs do), else now.
 */
export async function signRequest(
  req: SignableRequest,
  credentials: SigningCredentials,
  date?: Date,
  options: SignOptions = {},
): Promise<Record<string, string>> {
  const sdkDate = date ? formatSdkDate(date) : (findHeader(req.headers, SDK_DATE_HEADER) ?? formatSdkDate(new Date()));
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.toLowerCase() !== SDK_DATE_HEADER.toLowerCase()) headers[name] = value;
  }
  headers[SDK_DATE_HEADER] = sdkDate;
  const parts = await canonicalRequest({ ...req, headers }, options);
  const toSign = await stringToSign(sdkDate, parts.canonicalRequest);
  const signature = await hmacSha256Hex(credentials.secretKey, toSign);
  return {
    [SDK_DATE_HEADER]: sdkDate,
    Authorization: `${SIGNING_ALGORITHM} Access=${credentials.accessKey}, SignedHeaders=${parts.signedHeaders}, Signature=${signature}`,
  };
}
