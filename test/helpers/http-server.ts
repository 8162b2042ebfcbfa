import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/**
 * A tiny real HTTP server on 127.0.0.1, port 0, for client tests (docs/house-style.md#12-four-test-tiers): a handler
 * and a log of every request (method, path, query, headers, body, arrival time), so tests can assert
 * order, count and spacing rather than only the result.
 */

export interface LoggedRequest {
  method: string;
  /** Path without the query, e.g. "/api/products". */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Raw body text ("" when none) and its JSON parse when it is JSON. */
  body: string;
  json: unknown;
  /** performance.now() when the request arrived (after its body was read). */
  at: number;
  /** 0-based position in the log. */
  index: number;
}

export type TestHandler = (request: LoggedRequest, res: ServerResponse, raw: IncomingMessage) => void | Promise<void>;

export interface TestServer {
  /** "http://127.0.0.1:PORT" (no trailing slash). */
  url: string;
  port: number;
  requests: LoggedRequest[];
  setHandler(handler: TestHandler): void;
  close(): Promise<void>;
}

export async function startHttpServer(
  handler: TestHandler = (_r, res) => sendJson(res, 404, { message: 'not found' }),
): Promise<TestServer> {
  const requests: LoggedRequest[] = [];
  let current = handler;
  const server: Server = createServer((raw, res) => {
    const chunks: Buffer[] = [];
    raw.on('data', (chunk: Buffer) => chunks.push(chunk));
    raw.on('end', () => {
      const url = new URL(raw.url ?? '/', 'http://127.0.0.1');
      const body = Buffer.concat(chunks).toString('utf8');
      const logged: LoggedRequest = {
        method: raw.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: raw.headers,
        body,
        json: parseJson(body),
        at: performance.now(),
        index: requests.length,
      };
      requests.push(logged);
      Promise.resolve(current(logged, res, raw)).catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { message: `test handler failed: ${String(error)}` });
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    setHandler: (next) => {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** Drops the connection without an answer: the client sees a reset after its request was sent. */
export function dropConnection(raw: IncomingMessage): void {
  raw.socket.destroy();
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
