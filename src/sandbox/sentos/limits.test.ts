import { afterEach, describe, expect, it } from 'vitest';
import { formatRetryAfter } from './limits.js';
import type { SentosSimulatorOptions } from './options.js';
import { startSentosSimulator, type SentosSimulator } from './server.js';
import { anOrder, call, rawCall } from './sim-test-kit.js';

describe('simulator rate limits (docs/sentos-api.md#rate-limits)', () => {
  let sim: SentosSimulator | undefined;
  let clock = 1_000_000;
  afterEach(async () => sim?.close());

  async function start(options: SentosSimulatorOptions = {}) {
    clock = 1_000_000;
    sim = await startSentosSimulator({ products: 5, now: () => clock, ...options });
    return sim;
  }

  it('refuses the 13th write in a window with 429 + Retry-After, without processing it', async () => {
    const sim = await start({ limits: { windowMs: 200 } });
    const sku = sim.state.products[0]?.variants[0]?.sku ?? sim.state.products[0]?.sku;
    for (let i = 0; i < 11; i++)
      expect((await call(sim, 'POST', '/orders', { body: anOrder({ order_id: `o${i}` }, sku) })).status).toBe(200);
    // A PUT counts against the same write budget.
    expect((await call(sim, 'PUT', `/orders/${sim.state.orders[0]?.id}`, { body: { status: 3 } })).status).toBe(200);
    clock += 50;
    const limited = await call(sim, 'POST', '/orders', { body: anOrder({ order_id: 'o12' }, sku) });
    expect(limited).toMatchObject({ status: 429, body: { message: 'Too Many Requests' } });
    expect(limited.headers.get('retry-after')).toBe('0.150');
    expect(sim.state.orders).toHaveLength(11);
    clock += 151;
    expect((await call(sim, 'POST', '/orders', { body: anOrder({ order_id: 'o12' }, sku) })).status).toBe(200);
    expect(sim.stats()).toMatchObject({ rateLimited: 1, orders: 12 });
  });

  it('omits Retry-After when told to', async () => {
    const sim = await start({ limits: { postsPerWindow: 1, sendRetryAfter: false } });
    await call(sim, 'POST', '/orders', { body: {} });
    const limited = await call(sim, 'POST', '/orders', { body: {} });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeNull();
  });

  it('allows the same GET twice per window, limits the third, not a different page', async () => {
    const sim = await start();
    expect((await call(sim, 'GET', '/products?page=1&size=2')).status).toBe(200);
    clock += 10_000;
    expect((await call(sim, 'GET', '/products?page=1&size=2')).status).toBe(200);
    const third = await call(sim, 'GET', '/products?page=1&size=2');
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('50');
    expect((await call(sim, 'GET', '/products?page=2&size=2')).status).toBe(200);
    clock += 50_000;
    expect((await call(sim, 'GET', '/products?page=1&size=2')).status).toBe(200);
  });

  it('tells GETs apart by their JSON body', async () => {
    const sim = await start();
    for (let i = 0; i < 2; i++)
      expect(await rawCall(sim, 'GET', '/orders', { order_id: 'a' })).toMatchObject({ status: 200 });
    expect(await rawCall(sim, 'GET', '/orders', { order_id: 'a' })).toMatchObject({ status: 429 });
    expect(await rawCall(sim, 'GET', '/orders', { order_id: 'b' })).toMatchObject({ status: 200 });
  });
});

describe('formatRetryAfter', () => {
  it.each([
    [150, 200, '0.150'],
    [0, 200, '0.001'],
    [50_000, 60_000, '50'],
    [49_001, 60_000, '50'],
    [10, 60_000, '1'],
  ])('%d ms in a %d ms window → "%s"', (ms, windowMs, expected) => {
    expect(formatRetryAfter(ms, windowMs)).toBe(expected);
  });
});
