// SHA-256 and HMAC-SHA256 for AK/SK signing.
//
// Choice: Web Crypto (`crypto.subtle`). It is the one API present in browsers, Deno, Bun and Node >= 19 as a
// global, so the runtime stays dependency-free and bundler-friendly. Node 18 only exposes it as
// `require('node:crypto').webcrypto`; for that case we import 'node:crypto' lazily through a computed
// specifier, so browser bundlers never see (or try to polyfill) a Node built-in. The cost is that hashing is
// async, which is free here because every request is async anyway.

type SubtleLike = Pick<SubtleCrypto, 'digest' | 'importKey' | 'sign'>;

let subtlePromise: Promise<SubtleLike> | undefined;

async function loadSubtle(): Promise<SubtleLike> {
  const globalSubtle = (globalThis as { crypto?: { subtle?: SubtleLike } }).crypto?.subtle;
  if (globalSubtle) return globalSubtle;
  // Node 18 without the global: fall back to node:crypto's webcrypto (a computed specifier keeps bundlers out).
  const specifier = ['node', 'crypto'].join(':');
  const nodeCrypto = (await import(/* @vite-ignore */ /* webpackIgnore: true */ specifier)) as {
    webcrypto?: { subtle?: SubtleLike };
  };
  const subtle = nodeCrypto.webcrypto?.subtle;
  if (!subtle) throw new Error('No Web Crypto implementation available (need crypto.subtle)');
  return subtle;
}

function getSubtle(): Promise<SubtleLike> {
  subtlePromise ??= loadSubtle();
  return subtlePromise;
}

const encoder = new TextEncoder();

export function toBytes(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? encoder.encode(data) : data;
}

export function toHex(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/**
 * Copies into a plain ArrayBuffer: recent TypeScript DOM typings reject views that may sit on a
 * SharedArrayBuffer, and a plain ArrayBuffer type-checks with every TypeScript version a user may have.
 */
function asBufferSource(data: string | Uint8Array): ArrayBuffer {
  const bytes = toBytes(data);
  const buffer = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(buffer).set(bytes);
  return buffer;
}

export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const subtle = await getSubtle();
  return toHex(await subtle.digest('SHA-256', asBufferSource(data)));
}

export async function hmacSha256Hex(key: string | Uint8Array, data: string | Uint8Array): Promise<string> {
  const subtle = await getSubtle();
  const cryptoKey = await subtle.importKey('raw', asBufferSource(key), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  return toHex(await subtle.sign('HMAC', cryptoKey, asBufferSource(data)));
}
