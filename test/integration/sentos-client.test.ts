import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthError, OutcomeUnknownError, RemoteError } from '../../src/core/errors.js';
import type { HttpEvent } from '../../src/core/http/client.js';
import { SecretRegistry } from '../../src/core/redact.js';
import { basicToken } from '../../src/sentos/auth.js';
import { createSentosClient, type SentosClientOptions } from '../../src/sentos/client.js';
import type { SentosWait } from '../../src/sentos/limits.js';
import type { SentosOrderPayload } from '../../src/sentos/types.js';
import { fakeClock } from '../helpers/fake-clock.js';
import {
  dropConnection,
  sendJson,
  startHttpServer,
  type TestHandler,
  type TestServer,
} from '../helpers/http-server.js';

/**
 * The Sentos client over real loopback HTTP (docs/house-style.md#12-four-test-tiers): assert the request log (method,
 * path, count, spacing), not only results. Windows are scaled down to a few hundred ms.
 */
const KEY = 'int-key-7f3a9c';
const SECRET = 'int-secret-5b2e81';
const BASIC = basicToken(KEY, SECRET);

let server: TestServer;
let events: HttpEvent[];
let waits: SentosWait[];

beforeEach(async () => {
  server = await startHttpServer();
  events = [];
  waits = [];
});
afterEach(async () => {
  await server.close();
});

function client(overrides: Partial<SentosClientOptions> = {}) {
  return createSentosClient({
    baseUrl: `${server.url}/api`,
    apiKey: KEY,
    apiSecret: SECRET,
    authMethod: 'basic',
    secrets: new SecretRegistry(),
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    limits: { windowMs: 400, noticeWaitMs: 20 },
    random: () => 0,
    onEvent: (e) => events.push(e),
    onWait: (w) => waits.push(w),
    ...overrides,
  });
}

function product(id: number, extra: Record<string, unknown> = {}) {
  return {
    id,
    sku: `SKU-${id}`,
    name: `Ürün ${id}`,
    sale_price: '1.299,90',
    stocks: [{ warehouse: 1, stock: '2' }],
    variants: [],
    ...extra,
  };
}

function order(overrides: Partial<SentosOrderPayload> = {}): SentosOrderPayload {
  return {
    order_id: '6123456789012',
    order_code: '1042',
    status: 2,
    order_date: '2026-11-27 14:05:11',
    currency: 'TL',
    payment_method: 'KREDIKARTI/BANKAKARTI',
    customer: { name: 'Ayşe Yılmaz' },
    lines: [{ sku: 'STD-ELB-1042-SYH-S', name: 'Elbise', quantity: 1, price: 1299.9, vat_rate: 10 }],
    ...overrides,
  };
}

async function collect<T>(pages: AsyncGenerator<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

/** The clock's time at which the server got each request (virtual time: see fakeClock). */
function stamped(clock: { now(): number }, handler: TestHandler) {
  const at: number[] = [];
  server.setHandler((req, res, raw) => {
    at.push(clock.now());
    return handler(req, res, raw);
  });
  return at;
}
const gap = (at: number[], a: number, b: number) => (at[b] ?? NaN) - (at[a] ?? NaN);

describe('listProducts pagination (docs/sentos-api.md#product-lists-and-paging)', () => {
  it('stops at page >= total_pages, sending page, size, orderby_id and Basic auth', async () => {
    server.setHandler((req, res) => {
      const page = Number(req.query.page);
      sendJson(res, 200, {
        data: [product(page * 10 + 1), product(page * 10 + 2)],
        page,
        size: 2,
        total_elements: 6,
        total_pages: 3,
      });
    });
    const pages = await collect(client().listProducts({ pageSize: 2 }));

    expect(pages.map((p) => [p.page, p.products.length, p.totalPages, p.totalElements])).toEqual([
      [1, 2, 3, 6],
      [2, 2, 3, 6],
      [3, 2, 3, 6],
    ]);
    expect(server.requests.map((r) => [r.method, r.path, r.query])).toEqual(
      [1, 2, 3].map((page) => ['GET', '/api/products', { orderby_id: 'ASC', page: String(page), size: '2' }]),
    );
    expect(server.requests[0]?.headers.authorization).toBe(`Basic ${BASIC}`);
    expect(pages[0]?.products[0]).toMatchObject({
      id: '11',
      sku: 'SKU-11',
      salePrice: { ok: true, minor: 129990 },
      stocks: [{ warehouseId: '1', quantity: 2 }],
    });
  });

  it(
    'stops on a short page when total_pages is absent, and reports invalid products without failing ' + 'the page',
    async () => {
      server.setHandler((req, res) => {
        const page = Number(req.query.page);
        const full = [product(page * 10 + 1), product(page * 10 + 2), product(page * 10 + 3)];
        const last = [
          product(31, { sale_price: 'abc' }),
          { id: 32, sku: 'BAD', stocks: [{ warehouse: 1, stock: 'x' }] },
        ];
        sendJson(res, 200, { data: page < 3 ? full : last, page });
      });
      const pages = await collect(client().listProducts({ pageSize: 3, sku: 'SKU' }));

      expect(server.requests).toHaveLength(3);
      expect(server.requests[2]?.query).toMatchObject({ page: '3', sku: 'SKU' });
      expect(pages[2]?.products).toHaveLength(1);
      expect(pages[2]?.products[0]?.salePrice).toMatchObject({ ok: false, raw: 'abc' });
      expect(pages[2]?.invalid).toEqual([{ id: '32', sku: 'BAD', reason: expect.stringContaining('stocks.0.stock') }]);
    },
  );
});

describe('retries', () => {
  it('honours Retry-After on 429 (seconds, converted once)', async () => {
    const clock = fakeClock();
    const at = stamped(clock, (req, res) => {
      if (req.index === 0) return sendJson(res, 429, { message: 'Too Many Requests' }, { 'retry-after': '0.15' });
      sendJson(res, 200, [{ id: 1, name: 'MERKEZ' }]);
    });
    await expect(client({ clock }).listWarehouses()).resolves.toEqual([{ id: '1', name: 'MERKEZ' }]);
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([150]);
    expect(gap(at, 0, 1)).toBe(150);
  });

  it('waits out the window on a 429 without Retry-After instead of hammering', async () => {
    const clock = fakeClock();
    const at = stamped(clock, (req, res) =>
      req.index === 0 ? sendJson(res, 429, { message: 'slow down' }) : sendJson(res, 200, []),
    );
    await client({ clock, limits: { windowMs: 300, noticeWaitMs: 20 } }).listWarehouses();
    expect(server.requests).toHaveLength(2);
    expect(gap(at, 0, 1)).toBe(300);
    expect(waits).toContainEqual(expect.objectContaining({ limit: 'rate-limited', operation: 'listWarehouses' }));
  });

  it('retries a GET on 5xx', async () => {
    server.setHandler((req, res) =>
      req.index < 2 ? sendJson(res, 503, { message: 'bakım' }) : sendJson(res, 200, { id: 5, sku: 'P5', name: 'Beş' }),
    );
    await expect(client({ limits: { windowMs: 50 } }).getProduct('5')).resolves.toMatchObject({ id: '5', sku: 'P5' });
    expect(server.requests.map((r) => r.path)).toEqual(['/api/products/5', '/api/products/5', '/api/products/5']);
  });
});

describe('createOrder (docs/sentos-api.md#order-writes-and-duplicates)', () => {
  it('maps the created order; ids come back as strings', async () => {
    server.setHandler((_req, res) =>
      sendJson(res, 200, {
        message: 'ok',
        errors: [],
        order: { id: 88231, order_id: 6123456789012, order_code: 1042, status: 2 },
      }),
    );
    await expect(client().createOrder(order())).resolves.toEqual({
      id: '88231',
      orderId: '6123456789012',
      orderCode: '1042',
      status: 2,
      lines: [{ sku: 'STD-ELB-1042-SYH-S', quantity: 1 }],
    });
    expect(server.requests[0]).toMatchObject({ method: 'POST', path: '/api/orders', json: order() });
  });

  it('a dropped connection after sending is OutcomeUnknownError, and the POST is sent exactly once', async () => {
    server.setHandler((_req, _res, raw) => dropConnection(raw));
    const error = await client()
      .createOrder(order())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect((error as Error).message).toContain('order 1042');
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('a 5xx on POST is OutcomeUnknownError too, never resent', async () => {
    server.setHandler((_req, res) => sendJson(res, 502, { message: 'bad gateway' }));
    await expect(client().createOrder(order())).rejects.toBeInstanceOf(OutcomeUnknownError);
    expect(server.requests).toHaveLength(1);
  });

  it('422 is a VALIDATION RemoteError naming the order, not retried', async () => {
    server.setHandler((_req, res) => sendJson(res, 422, { message: 'payment_method geçersiz' }));
    const error = await client()
      .createOrder(order({ payment_method: 'CREDIT_CARD' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteError);
    expect(error).toMatchObject({ code: 'VALIDATION', status: 422, service: 'sentos' });
    expect((error as Error).message).toMatch(/order 1042.*payment_method geçersiz/);
    expect(server.requests).toHaveLength(1);
  });

  it('a 2xx whose errors are not empty is a VALIDATION error', async () => {
    server.setHandler((_req, res) =>
      sendJson(res, 200, { message: null, errors: { lines: ['STD-X stok kodu bulunamadı'] }, order: [] }),
    );
    await expect(client().createOrder(order())).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('lines: STD-X stok kodu bulunamadı'),
    });
    expect(server.requests).toHaveLength(1);
  });

  it('a 429 on POST is retried: it was not processed', async () => {
    server.setHandler((req, res) =>
      req.index === 0
        ? sendJson(res, 429, {}, { 'retry-after': '0.01' })
        : sendJson(res, 201, { order: { id: 9, status: 2 } }),
    );
    await expect(client().createOrder(order())).resolves.toMatchObject({ id: '9', orderId: '6123456789012' });
    expect(server.requests).toHaveLength(2);
  });
});

// docs/sentos-api.md#order-lists-and-filters, docs/sentos-api.md#order-writes-and-duplicates
describe('findOrders and updateOrder', () => {
  it('looks orders up by order_id and reads numeric ids as strings', async () => {
    server.setHandler((_req, res) =>
      sendJson(res, 200, {
        data: [
          {
            id: 88190,
            order_id: 181849999,
            order_code: 203129724888,
            status: '5',
            lines: [{ sku: null, quantity: '1' }],
          },
        ],
        page: 1,
        size: 100,
        total_pages: 1,
      }),
    );
    const found = await client().findOrders({ orderId: '181849999' });
    expect(found).toEqual([
      { id: '88190', orderId: '181849999', orderCode: '203129724888', status: 5, lines: [{ quantity: 1 }] },
    ]);
    expect(server.requests[0]?.query).toEqual({ order_id: '181849999', page: '1', size: '100' });
  });

  it('PUTs the update and treats the PUT as idempotent (a 5xx is retried)', async () => {
    server.setHandler((req, res) =>
      req.index === 0 ? sendJson(res, 500, {}) : sendJson(res, 200, { message: 'ok', errors: [] }),
    );
    const body = { status: 5, data: { cargo_company: 'Yurtiçi', tracking_number: 'YK1' } };
    await client().updateOrder('88231', body);
    expect(server.requests.map((r) => [r.method, r.path, r.json])).toEqual([
      ['PUT', '/api/orders/88231', body],
      ['PUT', '/api/orders/88231', body],
    ]);
  });
});

describe('limits (docs/sentos-api.md#errors-and-limits [V: MSO])', () => {
  it('spaces writes: 13 POSTs with 12 per 300ms window → the 13th starts a window after the 1st', async () => {
    const clock = fakeClock();
    server.setHandler((req, res) => sendJson(res, 200, { order: { id: req.index + 1, status: 2 } }));
    const sentos = client({ clock, limits: { postsPerWindow: 12, windowMs: 300, noticeWaitMs: 50 } });
    await Promise.all(
      Array.from({ length: 13 }, (_, i) =>
        sentos.createOrder(order({ order_id: `o-${i}`, order_code: `${1000 + i}` })),
      ),
    );

    expect(server.requests).toHaveLength(13);
    // The first 12 go at once; only the 13th waits, for the first slot, held a window after its answer (virtual
    // time: a sleep moves the clock for every request at once, so the waits say more than send times would).
    expect(clock.sleeps).toEqual([300]);
    expect(server.requests.at(-1)?.json).toMatchObject({ order_id: 'o-12' });
    expect(waits).toEqual([
      expect.objectContaining({
        limit: 'writes',
        reason: expect.stringContaining('12 POST'),
        operation: 'createOrder',
      }),
    ]);
    expect(waits[0]?.waitMs).toBe(300);
  });

  it('lets the same GET through twice per window; a different GET does not wait', async () => {
    const clock = fakeClock();
    server.setHandler((req, res) => sendJson(res, 200, { id: req.path.split('/').pop(), sku: 'P', name: 'P' }));
    const sentos = client({ clock, limits: { sameGetPerWindow: 2, windowMs: 300, noticeWaitMs: 50 } });
    await Promise.all([sentos.getProduct('1'), sentos.getProduct('1'), sentos.getProduct('1'), sentos.getProduct('2')]);

    // One wait of one window, and it is the third /products/1's: the last request the server got.
    expect(clock.sleeps).toEqual([300]);
    expect(server.requests.map((r) => r.path).filter((p) => p === '/api/products/1')).toHaveLength(3);
    expect(server.requests.at(-1)?.path).toBe('/api/products/1');
    expect(waits).toEqual([
      expect.objectContaining({ limit: 'same-get', reason: expect.stringContaining('GET /products/1') }),
    ]);
  });
});

describe('errors and secrets', () => {
  it('401 is an AuthError; no key, secret or Basic form in any error or event', async () => {
    server.setHandler((req, res) =>
      sendJson(res, 401, { message: `Unauthorized: ${req.headers.authorization} ${KEY}:${SECRET}` }),
    );
    const error = await client()
      .listWarehouses()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ service: 'sentos', hint: expect.stringContaining('SENTOS_API_KEY') });
    expectNoSecrets(error);
  });

  it('a 500 echoing the credentials is scrubbed from the message and the body excerpt', async () => {
    server.setHandler((req, res) =>
      sendJson(
        res,
        500,
        { message: `boom for ${req.headers.authorization} key=${KEY} secret=${SECRET}` },
        { 'x-request-id': 'req-42' },
      ),
    );
    const error = await client({ retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 }, limits: { windowMs: 20 } })
      .listCategories()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SERVER_ERROR', status: 500, requestId: 'req-42' });
    expect((error as RemoteError).body).toContain('****');
    expectNoSecrets(error);
  });

  it('a 404 on a collection points at SENTOS_API_URL', async () => {
    server.setHandler((_req, res) => sendJson(res, 404, { message: 'Firma adı (subdomain) bulunamadı' }));
    await expect(client().listSalesChannels()).rejects.toMatchObject({
      code: 'NOT_FOUND',
      hint: expect.stringContaining('SENTOS_API_URL'),
    });
  });

  it('auto-detects over real HTTP and keeps secrets out of the detection failure', async () => {
    server.setHandler((req, res) => {
      if (req.headers['x-api-key'] !== KEY) return sendJson(res, 401, { message: `no ${req.headers.authorization}` });
      return sendJson(res, 200, req.path.startsWith('/api/products') ? { data: [], total_pages: 0 } : []);
    });
    const sentos = client({ authMethod: 'auto' });
    await expect(sentos.listWarehouses()).resolves.toEqual([]);
    expect(sentos.authMethod).toBe('headers');
    expect(server.requests.map((r) => r.path)).toEqual(['/api/products', '/api/products', '/api/warehouses']);
    expectNoSecrets(undefined);
  });
});

/** Every error text and every onEvent line is free of the key, the secret and the base64 Basic form. */
function expectNoSecrets(error: unknown): void {
  const texts = [JSON.stringify(events)];
  if (error instanceof Error)
    texts.push(error.message, JSON.stringify({ ...error }), String((error as { hint?: string }).hint));
  for (const text of texts) {
    for (const secret of [KEY, SECRET, BASIC]) expect(text).not.toContain(secret);
  }
  expect(events.length).toBeGreaterThan(0);
}
