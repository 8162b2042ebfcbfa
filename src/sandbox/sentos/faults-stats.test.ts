import { afterEach, describe, expect, it } from 'vitest';
import type { FaultKind } from '../faults.js';
import { startSentosSimulator, type SentosSimulator } from './server.js';
import { anOrder, call, RELAXED_LIMITS, rawCall } from './sim-test-kit.js';

describe('simulator faults', () => {
  let sim: SentosSimulator | undefined;
  afterEach(async () => sim?.close());

  async function always(kind: FaultKind) {
    sim = await startSentosSimulator({
      products: 5,
      limits: RELAXED_LIMITS,
      faults: { rate: 1, kinds: [kind], retryAfterSeconds: 0.05, slowMs: 30 },
    });
    const product = sim.state.products[0];
    return { sim, sku: product?.variants[0]?.sku ?? product?.sku ?? '' };
  }

  it('drop-after processes the write, then hangs up without a response', async () => {
    const { sim, sku } = await always('drop-after');
    expect(await rawCall(sim, 'POST', '/orders', anOrder({}, sku))).toBe('dropped');
    await expect(call(sim, 'POST', '/orders', { body: anOrder({ order_id: 'second' }, sku) })).rejects.toThrow();
    expect(sim.state.orders.map((o) => o.order_id)).toEqual(['6123456789012', 'second']);
    expect(sim.stats().faults).toEqual({ 'drop-after': 2 });
  });

  it('drop-before hangs up without processing', async () => {
    const { sim, sku } = await always('drop-before');
    expect(await rawCall(sim, 'POST', '/orders', anOrder({}, sku))).toBe('dropped');
    expect(sim.state.orders).toHaveLength(0);
  });

  it.each([
    ['rate-limit', 429],
    ['server-error', 500],
  ] as const)('%s answers %d without processing', async (kind, status) => {
    const { sim, sku } = await always(kind);
    const reply = await call(sim, 'POST', '/orders', { body: anOrder({}, sku) });
    expect(reply.status).toBe(status);
    if (kind === 'rate-limit') expect(reply.headers.get('retry-after')).toBe('0.05');
    expect(sim.state.orders).toHaveLength(0);
  });

  it('slow delays the answer but still answers', async () => {
    const { sim } = await always('slow');
    const started = performance.now();
    expect((await call(sim, 'GET', '/warehouses')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
  });
});

describe('simulator stats', () => {
  let sim: SentosSimulator | undefined;
  afterEach(async () => sim?.close());

  it('counts requests by route, reads and writes, 429s and orders; resetStats starts over', async () => {
    sim = await startSentosSimulator({ products: 5, limits: { postsPerWindow: 2 } });
    const sku = sim.state.products[0]?.variants[0]?.sku ?? sim.state.products[0]?.sku;
    await call(sim, 'GET', '/products?page=1');
    await call(sim, 'GET', `/products/${sim.state.products[0]?.id}`);
    for (let i = 0; i < 3; i++) await call(sim, 'POST', '/orders', { body: anOrder({ order_id: `n${i}` }, sku) });
    await call(sim, 'GET', '/warehouses', { headers: {} });
    const expected = {
      requests: {
        total: 6,
        reads: 3,
        writes: 3,
        byRoute: { 'GET /products': 1, 'GET /products/:id': 1, 'POST /orders': 3, 'GET /warehouses': 1 },
      },
      rateLimited: 1,
      rateLimitedByRoute: { 'POST /orders': 1 },
      unauthorized: 1,
      faults: {},
      orders: 2,
    };
    expect(sim.stats()).toEqual(expected);
    const origin = sim.url.replace(/\/api$/, '');
    expect(await (await fetch(`${origin}/__sandbox/stats`)).json()).toEqual(expected);
    sim.resetStats();
    expect(sim.stats()).toEqual({
      requests: { total: 0, reads: 0, writes: 0, byRoute: {} },
      rateLimited: 0,
      rateLimitedByRoute: {},
      unauthorized: 0,
      faults: {},
      orders: 2,
    });
  });
});
