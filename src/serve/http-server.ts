import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The HTTP face of `serve`: POST /webhooks/shopify (signature-checked by the handler), and read-only pages —
 * GET / (dashboard), /healthz, /metrics. When a token is set (required off loopback), the read-only pages
 * need it as `Authorization: Bearer …` or `?token=`; the webhook route never does (Shopify signs instead).
 */
export interface ServeRoutes {
  webhook(headers: IncomingMessage['headers'], rawBody: Buffer): { status: number; body: string };
  dashboard(query: URLSearchParams): string;
  health(): Record<string, unknown>;
  metrics(): string;
  token?: string;
}

/** Shopify's payloads are far smaller; anything bigger is not a webhook of ours. */
const MAX_WEBHOOK_BYTES = 5 * 1024 * 1024;

export interface Listening {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function listen(routes: ServeRoutes, host: string, port: number): Promise<Listening> {
  const server = createServer((request, response) => {
    handle(routes, request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, 'text/plain', `serve: ${String(error)}\n`);
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${shown}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

async function handle(routes: ServeRoutes, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://serve');
  if (request.method === 'POST' && url.pathname === '/webhooks/shopify') {
    const raw = await readBody(request);
    if (!raw) return send(response, 413, 'text/plain', 'payload too large\n');
    const result = routes.webhook(request.headers, raw);
    return send(response, result.status, 'text/plain', `${result.body}\n`);
  }
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return send(response, 405, 'text/plain', 'method not allowed\n');
  if (url.pathname === '/healthz') return send(response, 200, 'application/json', JSON.stringify(routes.health()));
  if (url.pathname !== '/' && url.pathname !== '/metrics') return send(response, 404, 'text/plain', 'not found\n');
  if (routes.token && !authorized(routes.token, request, url))
    return send(response, 401, 'text/plain', 'token required: Authorization: Bearer <serve.dashboardToken>\n');
  if (url.pathname === '/metrics') return send(response, 200, 'text/plain; version=0.0.4', routes.metrics());
  return send(response, 200, 'text/html; charset=utf-8', routes.dashboard(url.searchParams));
}

function authorized(token: string, request: IncomingMessage, url: URL): boolean {
  const header = request.headers.authorization;
  const given = header?.startsWith('Bearer ') ? header.slice(7) : (url.searchParams.get('token') ?? '');
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_WEBHOOK_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    // The dashboard is inline HTML and SVG only: nothing to load from anywhere.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
  });
  response.end(body);
}
