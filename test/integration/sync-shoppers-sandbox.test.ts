import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShoppers } from '../../src/sandbox/shoppers.js';
import { runCli, startTestSandbox, type TestSandbox } from '../helpers/cli-harness.js';

/**
 * The sandbox's shoppers (docs/architecture.md#no-oversell): what they buy, how they take stock, and how tests steer
 * them.
 */
const PLUS = { maximumAvailable: 20_000, restoreRate: 1_000 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('sandbox shoppers', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox({
      seed: 9,
      products: 4,
      orders: 0,
      shoppers: { ratePerSecond: 60, paused: true },
      shopify: { bucket: PLUS },
    });
    expect((await runCli(['sync', '--json'], t.env)).code).toBe(0);
  });
  afterAll(() => t.close());

  const stockOf = (sku: string) => t.sandbox.shopify.state.levels(sku).filter((l) => l.isActive);

  it('buys 1–2 units of an active, stocked variant at a location that has them, as checkout does', () => {
    const shoppers = t.sandbox.shoppers!;
    for (let i = 0; i < 20; i += 1) {
      const before = new Map(
        t.sandbox.shopify.state.products.flatMap((p) => p.variants).map((v) => [v.sku, stockOf(v.sku ?? '')]),
      );
      const order = shoppers.buyOnce()!;
      const level = before.get(order.sku)!.find((l) => l.locationId === order.locationId)!;
      expect(order.quantity).toBeGreaterThanOrEqual(1);
      expect(order.quantity).toBeLessThanOrEqual(Math.min(2, level.available));
      const product = t.sandbox.shopify.state.products.find((p) => p.variants.some((v) => v.sku === order.sku))!;
      expect(product.status).toBe('ACTIVE');
      const after = stockOf(order.sku).find((l) => l.locationId === order.locationId)!;
      expect(after).toMatchObject({
        available: level.available - order.quantity,
        committed: level.committed + order.quantity,
      });
      expect(t.sandbox.shopify.state.orders.at(-1)).toMatchObject({
        id: order.id,
        financialStatus: 'PAID',
        lines: [{ sku: order.sku, quantity: order.quantity }],
      });
    }
    expect(shoppers.placed).toHaveLength(20);
  });

  it('arrives on its own at about the rate asked, and stops when paused or stopped', async () => {
    const shoppers = t.sandbox.shoppers!;
    const start = shoppers.placed.length;
    shoppers.resume();
    await sleep(500);
    shoppers.pause();
    const during = shoppers.placed.length - start;
    expect(during).toBeGreaterThanOrEqual(10); // 60/s for 0.5 s: 30 expected
    expect(during).toBeLessThanOrEqual(60);
    await sleep(150);
    expect(shoppers.placed.length - start).toBe(during);
    shoppers.stop();
    shoppers.resume();
    await sleep(150);
    expect(shoppers.placed.length - start).toBe(during);
    expect(shoppers.paused).toBe(true);
  });

  it('paced by requests: with perRequest 1 each Shopify request brings one sale, none while paused', async () => {
    const ask = () =>
      fetch(`${t.env.SHOPIFY_STORE}/admin/api/2026-10/graphql.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-shopify-access-token': t.env.SHOPIFY_ACCESS_TOKEN ?? '' },
        body: JSON.stringify({ query: '{ shop { name } }' }),
      }).then((response) => response.text());
    const shoppers = startShoppers(
      t.sandbox.shopify.state,
      { ratePerSecond: 0, perRequest: 1, seed: 3, paused: true },
      t.sandbox.shopify.onRequest,
    );
    await ask();
    expect(shoppers.placed).toHaveLength(0);
    shoppers.resume();
    for (let i = 0; i < 3; i += 1) await ask();
    expect(shoppers.placed).toHaveLength(3);
    shoppers.stop();
    shoppers.resume();
    await ask();
    expect(shoppers.placed).toHaveLength(3);
    expect(() => startShoppers(t.sandbox.shopify.state, { ratePerSecond: 0, perRequest: 1 })).toThrow(/request hook/);
  });

  it('buys nothing when nothing is in stock, and the same seed buys the same way', () => {
    const shoppers = startShoppers(t.sandbox.shopify.state, { ratePerSecond: 0, seed: 4, unpaidShare: 0.5 });
    const twin = startShoppers(t.sandbox.shopify.state, { ratePerSecond: 0, seed: 4, unpaidShare: 0.5 });
    const picks = [shoppers.buyOnce(), twin.buyOnce(), shoppers.buyOnce(), twin.buyOnce()];
    expect([picks[0]?.sku, picks[0]?.locationId, picks[0]?.financialStatus]).toEqual([
      picks[1]?.sku,
      picks[1]?.locationId,
      picks[1]?.financialStatus,
    ]);
    for (const item of t.sandbox.shopify.state.inventoryItems)
      for (const level of item.levels) level.quantities.available = 0;
    expect(shoppers.buyOnce()).toBeUndefined();
  });
});

describe('sentos-sync sandbox --shoppers', () => {
  it('starts shoppers at the given rate and says so', async () => {
    const stop = new AbortController();
    stop.abort();
    const run = await runCli(
      ['sandbox', '--shoppers', '2.5', '--json'],
      { SENTOS_SYNC_HOME: '/nonexistent-sentos-sync-home' },
      { signal: stop.signal },
    );
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ shoppers: { ratePerSecond: 2.5 } });
  });

  it('refuses a rate that is not a number of orders per second', async () => {
    const run = await runCli(['sandbox', '--shoppers', 'many'], { SENTOS_SYNC_HOME: '/nonexistent-sentos-sync-home' });
    expect(run.code).toBe(2);
    expect(run.stderr + run.stdout).toMatch(/orders per second/);
  });
});
