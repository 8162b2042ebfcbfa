/**
 * A tiny GraphQL-ish server on 127.0.0.1:0 for client tests: records every request (method, path, headers,
 * parsed JSON body) and answers with whatever the test's handler returns. No schema, no logic: the tests
 * script the answers and assert the request log (docs/house-style.md#12-four-test-tiers).
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or the raw text. */
  body: unknown;
  /** body.operationName for GraphQL requests. */
  operationName: string | undefined;
  /** body.variables for GraphQL requests. */
  variables: Record<string, unknown> | undefined;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  text?: string;
}

export type Handler = (request: RecordedRequest, index: number) => Reply | Promise<Reply>;

export interface GraphqlTestServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startGraphqlServer(handler: Handler): Promise<GraphqlTestServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const body = parse(text);
      const gql =
        typeof body === 'object' && body !== null
          ? (body as { operationName?: string; variables?: Record<string, unknown> })
          : {};
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body,
        operationName: gql.operationName,
        variables: gql.variables,
      };
      requests.push(recorded);
      Promise.resolve(handler(recorded, requests.length - 1))
        .then((reply) => {
          const payload = reply.json !== undefined ? JSON.stringify(reply.json) : (reply.text ?? '');
          const type = reply.json !== undefined ? { 'content-type': 'application/json' } : {};
          res.writeHead(reply.status ?? 200, { ...type, ...reply.headers }).end(payload);
        })
        .catch((error: unknown) => res.writeHead(500).end(String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

function parse(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The `extensions.cost` block Shopify puts on every response (docs/shopify-api.md#transport-auth-and-envelope). */
export function cost(requested: number, actual: number | null, available: number, maximum = 2000, restoreRate = 100) {
  return {
    cost: {
      requestedQueryCost: requested,
      actualQueryCost: actual,
      throttleStatus: { maximumAvailable: maximum, currentlyAvailable: available, restoreRate },
    },
  };
}

/** A 200 GraphQL answer with data and a comfortable cost block. */
export function data(payload: unknown, extensions: unknown = cost(10, 5, 1990)): Reply {
  return { json: { data: payload, extensions } };
}
