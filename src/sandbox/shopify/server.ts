import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { INVALID_TOKEN_BODY, parseGrantBody, type TokenStore } from './auth.js';
import type { BulkOperationStore } from './bulk/operations.js';
import { STAGED_UPLOAD_PATH, type StagedUploadStore } from './bulk/staged-uploads.js';
import { handleStagedUpload } from './bulk/upload-route.js';
import type { FaultInjector, FaultKind } from '../faults.js';
import { throttledBody } from './errors.js';
import { handleGraphQL, type EndpointDeps, type EndpointResult, type GraphQLRequestBody } from './graphql-endpoint.js';
import { isSupportedVersion, SUPPORTED_VERSIONS } from './schema-loader.js';
import type { StatsRecorder } from './stats.js';

export interface ServerDeps {
  endpoint: EndpointDeps;
  tokens: TokenStore;
  faults: FaultInjector;
  stats: StatsRecorder;
  bulk: BulkOperationStore;
  staged: StagedUploadStore;
  /** Called as each GraphQL request arrives, before it is answered (request-paced shoppers buy here). */
  onRequest?: () => void;
  /**
   * Fault hook (answer-hold.ts) for the two non-GraphQL routes: `stagedUpload` holds an upload before it is stored,
   * `bulkResultFile` holds a bulk operation's result file before it is served, so a test can kill a client there.
   */
  holdRoute?: (name: 'stagedUpload' | 'bulkResultFile') => Promise<void>;
}

const GRAPHQL_PATH = /^\/admin\/api\/([^/]+)\/graphql\.json$/;
const BULK_FILE_PATH = /^\/__sandbox\/bulk\/(\d+)\.jsonl$/;
const SUPPORTED_FAULTS: readonly FaultKind[] = [
  'rate-limit',
  'server-error',
  'drop-before',
  'drop-after',
  'slow',
  'throttled',
];
/** Shopify's payload ceiling is 10 MB (metafieldsSet description [V]); refuse bigger bodies. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

class BodyTooLargeError extends Error {}

export function createShopifyServer(deps: ServerDeps): Server {
  return createServer((request, response) => {
    route(deps, request, response).catch((error: unknown) => {
      const tooLarge = error instanceof BodyTooLargeError;
      if (!response.headersSent)
        send(response, {
          status: tooLarge ? 413 : 500,
          body: { errors: tooLarge ? 'Request Entity Too Large' : `sandbox bug: ${String(error)}` },
        });
      else response.destroy();
    });
  });
}

async function route(deps: ServerDeps, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = (request.url ?? '/').split('?')[0] ?? '/';
  if (request.method === 'GET' && path === '/__sandbox/stats')
    return send(response, { status: 200, body: deps.stats.snapshot() });
  const bulkFile = BULK_FILE_PATH.exec(path);
  if (request.method === 'GET' && bulkFile) {
    await deps.holdRoute?.('bulkResultFile');
    return serveBulkFile(deps, Number(bulkFile[1]), request, response);
  }
  if (request.method === 'POST' && path === STAGED_UPLOAD_PATH) {
    await deps.holdRoute?.('stagedUpload');
    return handleStagedUpload(deps.staged, deps.stats, request, response);
  }
  if (request.method === 'POST' && path === '/admin/oauth/access_token') {
    const raw = await readBody(request);
    return send(response, deps.tokens.exchange(parseGrantBody(request.headers['content-type'], raw)));
  }
  const match = GRAPHQL_PATH.exec(path);
  if (request.method === 'POST' && match) return graphql(deps, match[1] as string, request, response);
  return send(response, { status: 404, body: { errors: 'Not Found' } });
}

async function graphql(
  deps: ServerDeps,
  version: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  deps.stats.request();
  deps.onRequest?.();
  const raw = await readBody(request);
  const fault = deps.faults.next(SUPPORTED_FAULTS);
  if (fault === 'drop-before') return void request.socket.destroy();
  if (fault === 'rate-limit') {
    const retryAfter = String(deps.faults.retryAfterSeconds);
    return send(response, {
      status: 429,
      headers: { 'retry-after': retryAfter },
      body: {
        errors: 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.',
      },
    });
  }
  if (fault === 'server-error') {
    const status = (deps.faults.counts()['server-error'] ?? 0) % 2 === 0 ? 503 : 500;
    return send(response, {
      status,
      body: { errors: status === 503 ? 'Service Unavailable' : 'Internal Server Error' },
    });
  }
  if (fault === 'throttled') {
    const status = deps.endpoint.bucket.status();
    return send(response, { status: 200, body: throttledBody(status.currentlyAvailable + 1, status) });
  }
  if (fault === 'slow') await new Promise((resolve) => setTimeout(resolve, deps.faults.slowMs));
  const result = await answer(deps, version, request, raw);
  if (fault === 'drop-after') return void request.socket.destroy();
  send(response, result);
}

async function answer(
  deps: ServerDeps,
  version: string,
  request: IncomingMessage,
  raw: string,
): Promise<EndpointResult> {
  // Real Shopify falls forward to the oldest supported version (docs/shopify-api.md#api-versions); the sandbox is
  // stricter on purpose.
  if (!isSupportedVersion(version)) {
    return {
      status: 404,
      body: {
        errors: `API version ${version} is not served by the sandbox; supported: ${SUPPORTED_VERSIONS.join(', ')}`,
      },
    };
  }
  const token = request.headers['x-shopify-access-token'];
  if (!deps.tokens.isValid(typeof token === 'string' ? token : undefined))
    return { status: 401, body: INVALID_TOKEN_BODY };
  const contentType = request.headers['content-type'] ?? '';
  if (contentType.includes('application/graphql')) return handleGraphQL(deps.endpoint, version, { query: raw });
  let body: GraphQLRequestBody;
  try {
    body = JSON.parse(raw) as GraphQLRequestBody;
  } catch {
    return { status: 400, body: { errors: 'Bad Request: the body is not valid JSON' } };
  }
  return handleGraphQL(deps.endpoint, version, typeof body === 'object' && body !== null ? body : {});
}

/**
 * A bulk operation's JSONL, streamed line by line. Like the signed storage URL Shopify hands out
 * (docs/shopify-api.md#bulk-export), it needs no Shopify token, only the signature in the URL; a token sent anyway is
 * counted as a leak in stats.
 */
function serveBulkFile(deps: ServerDeps, legacyId: number, request: IncomingMessage, response: ServerResponse): void {
  const signature = new URL(request.url ?? '/', 'http://sandbox').searchParams.get('signature');
  const lines = deps.bulk.file(legacyId, signature);
  deps.stats.bulkDownload(request.headers['x-shopify-access-token'] !== undefined);
  if (!lines) return send(response, { status: 403, body: { errors: 'The signed URL is invalid or has expired.' } });
  const size = lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);
  response.writeHead(200, { 'content-type': 'application/jsonl', 'content-length': size });
  Readable.from(jsonlChunks(lines)).pipe(response);
}

function* jsonlChunks(lines: readonly string[]): Generator<string> {
  // ~64 KB chunks: a real stream for the client to parse incrementally, without one write per line.
  let chunk = '';
  for (const line of lines) {
    chunk += `${line}\n`;
    if (chunk.length >= 65_536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, result: EndpointResult): void {
  const payload = JSON.stringify(result.body);
  response.writeHead(result.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    'x-request-id': randomUUID(),
    ...result.headers,
  });
  response.end(payload);
}
