// A scripted node:http server on 127.0.0.1 for the runtime tests, with an AK/SK signature verifier written
// independently of the runtime (node:crypto createHash/createHmac, byte-wise percent-encoding).
import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  /** Raw request target as sent: path and query, still percent-encoded. */
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** Result of verifying the AK/SK signature ('no-signature' when there was no Authorization header). */
  signature: 'valid' | 'no-signature' | string;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, received: ReceivedRequest) => void;

export interface ScriptedServer {
  baseUrl: string;
  received: ReceivedRequest[];
  /** Handlers for the next requests, in order; once used up, the last one answers every further request. */
  script(...handlers: Handler[]): void;
  close(): Promise<void>;
}

const UNRESERVED = /[A-Za-z0-9\-_.~]/;

/** RFC 3986 encoding done byte by byte on the UTF-8 form (deliberately not encodeURIComponent). */
function percentEncode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += byte < 0x80 && UNRESERVED.test(ch) ? ch : '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

function percentDecode(text: string): string {
  return Buffer.from(
    text.replace(/%([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/**
 * Verifies SDK-HMAC-SHA256 the way a gateway would: rebuild the canonical request from what arrived on the
 * wire and the SignedHeaders list, and compare signatures. Also insists that host and x-sdk-date are signed
 * and that x-project-id / x-security-token, when sent, are signed too.
 */
export function verifyAkSkSignature(req: IncomingMessage, body: Buffer, secretKeys: Record<string, string>): string {
  const auth = req.headers.authorization;
  if (!auth) return 'no-signature';
  const match = /^SDK-HMAC-SHA256 Access=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(auth);
  if (!match) return 'malformed Authorization';
  const [, accessKey, signedList, signature] = match as unknown as [string, string, string, string];
  const secretKey = secretKeys[accessKey];
  if (!secretKey) return `unknown access key ${accessKey}`;
  const signed = signedList.split(';');
  for (const required of ['host', 'x-sdk-date']) if (!signed.includes(required)) return `${required} not signed`;
  for (const bound of ['x-project-id', 'x-security-token']) {
    if (req.headers[bound] !== undefined && !signed.includes(bound)) return `${bound} sent but not signed`;
  }
  const [rawPath = '', rawQuery = ''] = (req.url ?? '').split('?', 2) as [string?, string?];
  let uri = percentDecode(rawPath).split('/').map(percentEncode).join('/');
  if (!uri.endsWith('/')) uri += '/';
  const query = rawQuery
    .split('&')
    .filter(Boolean)
    .map((part) => {
      const [k = '', v = ''] = part.split('=', 2) as [string?, string?];
      return [percentEncode(percentDecode(k)), percentEncode(percentDecode(v))] as const;
    })
    .sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) : a[0] < b[0] ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const headerBlock = signed.map((name) => `${name}:${String(req.headers[name] ?? '').trim()}\n`).join('');
  const canonical = [req.method, uri, query, headerBlock, signed.join(';'), sha256(body)].join('\n');
  const toSign = `SDK-HMAC-SHA256\n${req.headers['x-sdk-date']}\n${sha256(canonical)}`;
  const expected = createHmac('sha256', secretKey).update(toSign).digest('hex');
  return expected === signature ? 'valid' : 'signature mismatch';
}

export async function startScriptedServer(secretKeys: Record<string, string> = {}): Promise<ScriptedServer> {
  const received: ReceivedRequest[] = [];
  let handlers: Handler[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const record: ReceivedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: body.toString('utf8'),
        signature: verifyAkSkSignature(req, body, secretKeys),
      };
      received.push(record);
      const handler = handlers.length > 1 ? handlers.shift()! : handlers[0];
      if (!handler) {
        res.writeHead(500).end('no handler scripted');
        return;
      }
      handler(req, res, record);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    received,
    script(...next: Handler[]) {
      handlers = next;
      received.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Handler helpers. */
export const reply =
  (status: number, body: unknown, headers: Record<string, string> = {}): Handler =>
  (_req, res) => {
    const isText = typeof body === 'string';
    res.writeHead(status, { 'Content-Type': isText ? 'text/plain' : 'application/json', ...headers });
    res.end(isText ? body : JSON.stringify(body));
  };

/** Never answers: the request hangs until the client gives up. */
export const stall: Handler = () => {};

/** Sends headers and part of a body, then stalls. */
export const stallMidBody: Handler = (_req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.write('{"partial":');
};

/** Drops the connection without any response. */
export const resetConnection: Handler = (req) => {
  req.socket.destroy();
};
