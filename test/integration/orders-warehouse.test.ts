import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startTestSandbox, type TestSandbox } from '../helpers/cli-harness.js';
import { warehouseLocations } from './sync-stock-oracle.js';

/**
 * Location → warehouse (docs/architecture.md#location-to-warehouse) on the three-location sandbox (MERKEZ = Merkez
 * Depo, DEPO = İstanbul Mağaza, MAGAZA = Ankara Mağaza): each pushed line carries the warehouse_id mapped from the
 * location of the fulfilment order that holds it, so Sentos takes the units from the right warehouse, and until the
 * order is in Sentos its units are held back at that location only.
 */
describe('orders: each line is booked at the warehouse of the location that ships it', () => {
  let t: TestSandbox;
  let locations: Map<number, string>;
  let a: string;
  let b: string;
  const sentosCopy = (legacyId: number) =>
    t.sandbox.sentos.state.orders.find((o) => String(o.order_id) === String(legacyId));

  beforeAll(async () => {
    t = await startTestSandbox({ products: 4, orders: 0, seed: 53 });
    locations = warehouseLocations(t.sandbox, t.env);
    const skus = t.sandbox.sentos.state.products.flatMap((p) => p.variants.map((v) => v.sku));
    [a, b] = skus as [string, string];
    for (const sku of [a, b])
      for (const w of t.sandbox.sentos.state.warehouses) t.sandbox.sentos.state.setVariantStock(sku, w.id, 10);
    expect((await runCli(['sync', '--json'], t.env)).code).toBe(0);
  });
  afterAll(() => t.close());

  it('an order shipped from İstanbul Mağaza goes to Sentos with warehouse DEPO, which Sentos decrements', async () => {
    const order = t.sandbox.shopify.state.placeOrder({
      lines: [{ sku: a, quantity: 2 }],
      locationId: locations.get(2),
    });
    const run = await runCli(['sync', '--json'], t.env);
    expect(run.code).toBe(0);
    expect(sentosCopy(order.legacyId)?.lines.map((l) => [l.sku, l.warehouse_id])).toEqual([[a, 2]]);
    expect(t.sandbox.sentos.state.stockOf(a)).toMatchObject({ 1: 10, 2: 8, 3: 10 });
  });

  it('a split order: each line carries the warehouse of its own location', async () => {
    const order = t.sandbox.shopify.state.placeOrder({
      locationId: locations.get(1),
      lines: [
        { sku: a, quantity: 1 },
        { sku: b, quantity: 3, locationId: locations.get(3) },
      ],
    });
    expect((await runCli(['orders', '--json'], t.env)).code).toBe(0);
    expect(sentosCopy(order.legacyId)?.lines.map((l) => [l.sku, l.quantity, l.warehouse_id])).toEqual([
      [a, 1, 1],
      [b, 3, 3],
    ]);
    expect(t.sandbox.sentos.state.stockOf(b)).toMatchObject({ 1: 10, 2: 10, 3: 7 });
  });

  it('until Sentos has the order, its units are held at the location that ships them, not everywhere', async () => {
    const order = t.sandbox.shopify.state.placeOrder({
      lines: [{ sku: b, quantity: 2 }],
      locationId: locations.get(2),
    });
    const before = t.sandbox.sentos.state.stockOf(b);
    // Stock only: the orders phase does not run, so Sentos has not seen the order.
    const run = await runCli(['sync', '--only', 'products', '--json'], t.env);
    expect(run.code).toBe(0);
    expect(sentosCopy(order.legacyId)).toBeUndefined();
    const shopify = Object.fromEntries([...locations].map(([w, l]) => [w, t.sandbox.shopify.state.available(b, l)]));
    // İstanbul: Sentos DEPO minus the 2 pending; Merkez and Ankara: Sentos's own numbers.
    expect(shopify).toEqual({ 1: before[1], 2: (before[2] ?? 0) - 2, 3: before[3] });
  });
});
