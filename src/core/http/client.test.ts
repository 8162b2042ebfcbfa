import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { OutcomeUnknownError, RemoteError } from '../errors.js';
import { HttpClient, type HttpEvent } from './client.js';
import { SecretRegistry } from '../redact.js';
import { RequestStats } from '../request-stats.js';

type Step = (req: http.IncomingMessage, res: http.ServerResponse) => void;

interface Served {
  url: string;
  log: Array<{ method: string; url: string; at: number }>;
  close: () => Promise<void>;
}

const servers: Served[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** Answers the n-th request with steps[n] (the last step repeats). */
async function serve(steps: Step[]): Promise<Served> {
  const log: Served['log'] = [];
  const server = http.createServer((req, res) => {
    log.push({ method: req.method ?? '', url: req.url ?? '', at: Date.now() });
    req.resume();
    req.on('end', () => (steps[Math.min(log.length - 1, steps.length - 1)] as Step)(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const served = {
    url: `http://127.0.0.1:${port}`,
    log,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  servers.push(served);
  return served;
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Step =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
const drop: Step = (req) => req.socket.destroy();

function client(url: string, extra: Partial<ConstructorParameters<typeof HttpClient>[0]> = {}) {
  return new HttpClient({
    service: 'sentos',
    baseUrl: url,
    retry: { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 20 },
    random: () => 0,
    ...extra,
  });
}

describe('HttpClient', () => {
  it('retries a 429 after the Retry-After it was given, then returns the success', async () => {
    const server = await serve([
      json(429, { message: 'Too Many Requests' }, { 'retry-after': '0.2' }),
      json(200, { ok: true }),
    ]);
    const stats = new RequestStats();
    const response = await client(server.url, { stats }).send({
      method: 'GET',
      path: '/products',
      kind: 'read',
      operation: 'products',
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: true });
    expect(server.log).toHaveLength(2);
    expect((server.log[1]?.at ?? 0) - (server.log[0]?.at ?? 0)).toBeGreaterThanOrEqual(190);
    expect(stats.snapshot().sentos).toMatchObject({ reads: 2, retries: 1 });
  });

  it('retries 5xx on reads and gives the last response back when attempts run out', async () => {
    const server = await serve([json(503, { message: 'down' })]);
    const response = await client(server.url).send({ method: 'GET', path: '/x', kind: 'read', operation: 'x' });
    expect(response.status).toBe(503);
    expect(server.log).toHaveLength(4);
  });

  it('never retries a validation error', async () => {
    const server = await serve([json(422, { message: 'payment_method geçersiz' })]);
    const response = await client(server.url).send({
      method: 'POST',
      path: '/orders',
      body: {},
      kind: 'write',
      operation: 'createOrder',
    });
    expect(response.status).toBe(422);
    expect(server.log).toHaveLength(1);
  });

  it('does not re-send a non-idempotent write whose connection dropped: outcome unknown', async () => {
    const server = await serve([drop, json(200, {})]);
    const request = client(server.url).send({
      method: 'POST',
      path: '/orders',
      body: { order_id: '1' },
      kind: 'write',
      operation: 'createOrder',
    });
    await expect(request).rejects.toBeInstanceOf(OutcomeUnknownError);
    expect(server.log).toHaveLength(1);
  });

  it('does not re-send a non-idempotent write that got a 500', async () => {
    const server = await serve([json(500, {}), json(200, {})]);
    const request = client(server.url).send({
      method: 'POST',
      path: '/orders',
      body: {},
      kind: 'write',
      operation: 'createOrder',
    });
    await expect(request).rejects.toBeInstanceOf(OutcomeUnknownError);
    expect(server.log).toHaveLength(1);
  });

  it('re-sends an idempotent write after a drop', async () => {
    const server = await serve([drop, json(200, { done: true })]);
    const response = await client(server.url).send({
      method: 'PUT',
      path: '/orders/1',
      body: {},
      kind: 'write',
      idempotent: true,
      operation: 'updateOrder',
    });
    expect(response.body).toEqual({ done: true });
    expect(server.log).toHaveLength(2);
  });

  it('retries an in-band THROTTLED signal with the wait it computes', async () => {
    const server = await serve([
      json(200, { errors: [{ extensions: { code: 'THROTTLED' } }] }),
      json(200, { data: { ok: 1 } }),
    ]);
    const response = await client(server.url, {
      bodyRetrySignal: (res) =>
        (res.body as { errors?: unknown }).errors ? { code: 'THROTTLED', retryAfterMs: 150 } : undefined,
    }).send({ method: 'POST', path: '/graphql.json', body: {}, kind: 'write', operation: 'productSet' });
    expect(response.body).toEqual({ data: { ok: 1 } });
    expect((server.log[1]?.at ?? 0) - (server.log[0]?.at ?? 0)).toBeGreaterThanOrEqual(140);
  });

  it('fails with a RemoteError naming the host when the server is unreachable, without any secret', async () => {
    const server = await serve([json(200, {})]);
    await server.close();
    servers.length = 0;
    const registry = new SecretRegistry();
    registry.add('super-secret-key');
    const events: HttpEvent[] = [];
    const request = client(`${server.url}`, { secrets: registry, onEvent: (e) => events.push(e) }).send({
      method: 'GET',
      path: '/products',
      query: { token: 'super-secret-key' },
      kind: 'read',
      operation: 'products',
    });
    const error = await request.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteError);
    expect(String((error as Error).message)).not.toContain('super-secret-key');
    expect(events.length).toBe(4);
    for (const event of events) expect(event.url).not.toContain('super-secret-key');
  });
});
