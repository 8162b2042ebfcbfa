import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../src/sandbox/shopify/state/types.js';
import { runCli, startTestSandbox, type TestSandbox } from '../helpers/cli-harness.js';
import { expectEachOrderOnce, hasLineWithoutSku, removeOrderState, routeCount } from './orders-oracle.js';

/**
 * Plus figures: each run reads the orders in pages that reserve ~500 points, and a Standard bucket (100/s) would
 * make the later runs wait seconds for restore, which is not what this file tests.
 */
const SHOP = { plan: 'plus' } as const;

/**
 * Order push: a cancelled or fulfilled order updates the existing Sentos order (PUT /orders/{id} with the new status
 * and cargo data, docs/sentos-api.md#order-writes-and-duplicates) instead of creating one.
 */
describe('orders: changes in Shopify update the Sentos order', () => {
  let t: TestSandbox;
  const sentosCopy = (order: OrderRecord) =>
    t.sandbox.sentos.state.orders.find((o) => String(o.order_id) === String(order.legacyId));
  /** Open, paid or pending, unfulfilled, every line with a SKU: Sentos status 1 or 2 after the first run. */
  const openOrders = () =>
    t.sandbox.shopify.state.orders.filter(
      (o) => !o.cancelledAt && o.fulfillments.length === 0 && o.refunds.length === 0 && !hasLineWithoutSku(o),
    );

  beforeAll(async () => {
    t = await startTestSandbox({ products: 10, orders: 15, seed: 21, shopify: SHOP });
    const first = await runCli(['orders', '--json'], t.env);
    expect(first.json().summary.created).toBeGreaterThan(5);
  });
  afterAll(() => t.close());

  it('a cancel goes out as PUT status 6 on the same Sentos order', async () => {
    const [order] = openOrders();
    if (!order) throw new Error('seed has no open order');
    const before = sentosCopy(order);
    expect(before?.status).toBeLessThan(5);
    t.sandbox.shopify.state.cancelOrder(order.id);
    t.sandbox.sentos.resetStats();

    const run = await runCli(['orders', '--json'], t.env);
    expect(run.json().items).toContainEqual(
      expect.objectContaining({
        key: order.name,
        action: 'update',
        status: 'done',
        changes: [expect.objectContaining({ sentosId: String(before?.id), status: 6 })],
      }),
    );
    expect(routeCount(t.sandbox, 'POST /orders')).toBe(0);
    expect(routeCount(t.sandbox, 'PUT /orders/:id')).toBe(1);
    expect(sentosCopy(order)).toMatchObject({ id: before?.id, status: 6 });
    expectEachOrderOnce(t.sandbox);
  });

  it('a fulfilment with tracking goes out as PUT status 5 with the cargo data', async () => {
    const [order] = openOrders();
    if (!order) throw new Error('seed has no second open order');
    const before = sentosCopy(order);
    const tracking = {
      trackingCompany: 'Yurtiçi Kargo',
      trackingNumber: '700123456789',
      trackingUrl: 'https://www.yurticikargo.com/tr/online-servisler/gonderi-sorgula?code=700123456789',
    };
    t.sandbox.shopify.state.fulfillOrder(order.id, tracking);
    t.sandbox.sentos.resetStats();

    const run = await runCli(['orders', '--json'], t.env);
    expect(run.json().items).toContainEqual(
      expect.objectContaining({
        key: order.name,
        action: 'update',
        changes: [
          expect.objectContaining({
            sentosId: String(before?.id),
            status: 5,
            data: {
              cargo_company: 'Yurtiçi Kargo',
              tracking_number: '700123456789',
              tracking_url: tracking.trackingUrl,
            },
          }),
        ],
      }),
    );
    expect(routeCount(t.sandbox, 'POST /orders')).toBe(0);
    expect(routeCount(t.sandbox, 'PUT /orders/:id')).toBe(1);
    expect(sentosCopy(order)).toMatchObject({
      id: before?.id,
      status: 5,
      tracking_info: {
        cargo_company: 'Yurtiçi Kargo',
        tracking_number: '700123456789',
        tracking_link: tracking.trackingUrl,
      },
    });
    expectEachOrderOnce(t.sandbox);
  });

  it('a shipped order returned and cancelled afterwards goes to 6; nothing changes on the next run', async () => {
    const order = t.sandbox.shopify.state.orders.find((o) => sentosCopy(o)?.status === 5 && !o.cancelledAt);
    if (!order) throw new Error('no shipped order');
    t.sandbox.shopify.state.cancelOrder(order.id);
    t.sandbox.sentos.resetStats();
    await runCli(['orders', '--json'], t.env);
    expect(sentosCopy(order)?.status).toBe(6);
    expect(routeCount(t.sandbox, 'PUT /orders/:id')).toBe(1);

    t.sandbox.sentos.resetStats();
    const again = await runCli(['orders', '--json'], t.env);
    expect(again.json().summary).toMatchObject({ created: 0, updated: 0 });
    expect(routeCount(t.sandbox, 'PUT /orders/:id') + routeCount(t.sandbox, 'POST /orders')).toBe(0);
    expectEachOrderOnce(t.sandbox);
  });

  it('without the ledger, a change is still an update found by the remote lookup, not a create', async () => {
    const [order] = openOrders();
    if (!order) throw new Error('seed has no third open order');
    const before = sentosCopy(order);
    removeOrderState(t.home);
    t.sandbox.shopify.state.cancelOrder(order.id);
    t.sandbox.sentos.resetStats();
    await runCli(['orders', '--json'], t.env);
    expect(routeCount(t.sandbox, 'POST /orders')).toBe(0);
    expect(routeCount(t.sandbox, 'PUT /orders/:id')).toBe(1);
    expect(sentosCopy(order)).toMatchObject({ id: before?.id, status: 6 });
    expectEachOrderOnce(t.sandbox);
  });
});
