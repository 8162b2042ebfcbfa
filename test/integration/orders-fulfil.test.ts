import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../src/sandbox/shopify/state/types.js';
import { runCli, startTestSandbox, type TestSandbox } from '../helpers/cli-harness.js';
import { routeCount, answeredCount } from './orders-oracle.js';

/**
 * Fulfilment back to Shopify (docs/architecture.md#fulfilment-back-to-shopify): an order we pushed and Sentos then
 * marked shipped, the way the panel does, is fulfilled in Shopify with Sentos's tracking by the next `sync`, exactly
 * once, found with one Sentos listing per run.
 */
describe('sync: orders shipped in Sentos are fulfilled in Shopify', () => {
  let t: TestSandbox;
  let order: OrderRecord;
  const liveFulfilments = () => order.fulfillments.filter((f) => f.trackingNumber === '700123456789');

  beforeAll(async () => {
    t = await startTestSandbox({ products: 6, orders: 0, seed: 31 });
    expect((await runCli(['sync', '--json'], t.env)).code).toBe(0); // the catalog reaches Shopify
    const sku = t.sandbox.shopify.state.products.flatMap((p) => p.variants).find((v) => v.sku)!.sku!;
    order = t.sandbox.shopify.state.placeOrder({ lines: [{ sku, quantity: 2 }] });
    const pushed = await runCli(['sync', '--json'], t.env);
    expect(pushed.json().phases.orders.summary.created).toBe(1);
  });
  afterAll(() => t.close());

  it('nothing shipped yet: one Sentos listing, no fulfilment', async () => {
    t.sandbox.sentos.resetStats();
    const run = await runCli(['orders', '--json'], t.env);
    expect(run.code).toBe(0);
    expect(answeredCount(t.sandbox, 'GET /orders')).toBe(1);
    expect(order.fulfillments).toHaveLength(0);
  });

  it('marked shipped in Sentos: the next sync fulfils the Shopify order once, with the tracking', async () => {
    t.sandbox.sentos.markShipped({
      orderId: order.legacyId,
      cargoCompany: 'YURTİÇİ KARGO',
      trackingNumber: '700123456789',
      trackingLink: 'https://www.yurticikargo.com/tr/online-servisler/gonderi-sorgula?code=700123456789',
    });
    t.sandbox.sentos.resetStats();
    const run = await runCli(['sync', '--json'], t.env);
    expect(run.code).toBe(0);
    expect(liveFulfilments()).toHaveLength(1);
    expect(order.fulfillments[0]).toMatchObject({
      trackingCompany: 'Yurtiçi Kargo',
      trackingUrl: 'https://www.yurticikargo.com/tr/online-servisler/gonderi-sorgula?code=700123456789',
      notifyCustomer: true,
      lines: [{ lineIndex: 0, quantity: 2 }],
    });
    expect(run.json().phases.orders.items).toContainEqual(
      expect.objectContaining({
        key: order.name,
        action: 'update',
        status: 'done',
        changes: [expect.objectContaining({ fulfilledInShopify: expect.objectContaining({ number: '700123456789' }) })],
      }),
    );
    // One listing of shipped orders, never a GET per pushed order.
    expect(answeredCount(t.sandbox, 'GET /orders')).toBe(1);
  });

  it('a second sync adds no fulfilment and sends Sentos nothing for it', async () => {
    t.sandbox.sentos.resetStats();
    const run = await runCli(['sync', '--json'], t.env);
    expect(run.code).toBe(0);
    expect(liveFulfilments()).toHaveLength(1);
    expect(order.fulfillments).toHaveLength(1);
    const items = run.json().phases.orders.items as Array<{ changes?: Array<{ fulfilledInShopify?: unknown }> }>;
    expect(items.flatMap((i) => i.changes ?? []).filter((c) => c.fulfilledInShopify)).toEqual([]);
    // The order is shipped in Shopify now: no pushed order waits, so no listing either.
    expect(routeCount(t.sandbox, 'PUT /orders/:id') + routeCount(t.sandbox, 'POST /orders')).toBe(0);
  });
});
