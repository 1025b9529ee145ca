// A local doc server for crawler tests: serves test/fixtures/crawl on 127.0.0.1 with ETag/Last-Modified
// revalidation, logs every request, and lets a test inject faults per path.
import { createHash } from 'node:crypto';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/crawl/', import.meta.url));
const LAST_MODIFIED = 'Tue, 01 Jul 2025 08:00:00 GMT';

/** Handles the request itself and returns true, or returns false to let the fixture be served. `n` counts from 1. */
export type Fault = (req: IncomingMessage, res: ServerResponse, n: number) => boolean;

/** A fault that answers `status` with `headers` and no body to the first `times` requests, then serves the fixture. */
export function respond(status: number, headers: Record<string, string> = {}, times = Number.POSITIVE_INFINITY): Fault {
  return (_req, res, n) => {
    if (n > times) return false;
    res.writeHead(status, headers).end();
    return true;
  };
}

export interface LoggedRequest {
  path: string;
  headers: IncomingMessage['headers'];
}

export interface DocServer {
  origin: string;
  url(path: string): string;
  requests: LoggedRequest[];
  faults: Map<string, Fault>;
  countOf(path: string): number;
  maxInFlight: number;
  /** Extra delay before answering (to observe concurrency). */
  responseDelayMs: number;
  close(): Promise<void>;
}

export function fixtureBytes(path: string): Buffer {
  return readFileSync(join(FIXTURES, path));
}

function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
}

function serveFixture(req: IncomingMessage, res: ServerResponse, path: string): void {
  const file = normalize(join(FIXTURES, path));
  if (!file.startsWith(FIXTURES) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  const body = readFileSync(file);
  const etag = etagOf(body);
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, { etag, 'last-modified': LAST_MODIFIED }).end();
    return;
  }
  res
    .writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': body.length,
      etag,
      'last-modified': LAST_MODIFIED,
    })
    .end(body);
}

export async function startDocServer(): Promise<DocServer> {
  const counts = new Map<string, number>();
  let inFlight = 0;
  const state = {
    requests: [] as LoggedRequest[],
    faults: new Map<string, Fault>(),
    maxInFlight: 0,
    responseDelayMs: 0,
  };
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const n = (counts.get(path) ?? 0) + 1;
    counts.set(path, n);
    state.requests.push({ path, headers: req.headers });
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    const answer = () => {
      const fault = state.faults.get(path);
      if (fault && fault(req, res, n)) return;
      serveFixture(req, res, path);
    };
    if (state.responseDelayMs > 0) setTimeout(answer, state.responseDelayMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  const origin = `http://127.0.0.1:${address.port}`;
  return Object.assign(state, {
    origin,
    url: (path: string) => origin + path,
    countOf: (path: string) => counts.get(path) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        // Stalled test connections would otherwise keep the server open.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
