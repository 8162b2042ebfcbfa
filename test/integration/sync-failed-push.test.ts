import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireProduct } from '../../src/sandbox/seed/catalog.js';
import type { OrderRecord } from '../../src/sandbox/shopify/state/types.js';
import { runCli, type CliRun, type TestSandbox } from '../helpers/cli-harness.js';
import { startFailedPushScenario } from './failed-push-scenario.js';

/**
 * No oversell (docs/architecture.md#no-oversell): an order Sentos refuses (one of its SKUs is unknown there) keeps ALL
 * its units held back from Shopify's stock on every run — also when Sentos's number changes and the stock is written
 * again — until it goes through; then the hold is released and Sentos's own stock (which now includes the order) takes
 * over. The units are held at the location that ships the order (docs/architecture.md#location-to-warehouse), which
 * is also where Sentos books them once the order goes through. The plan shows the subtraction: Sentos 15, pending 2 →
 * 13.
 */
describe('an order that fails to push stays held back until it goes through', () => {
  let t: TestSandbox;
  let kept: string;
  let gone: WireProduct;
  let order: OrderRecord;
  let locations: Map<number, string>;

  /** Shopify available at every mapped location, keyed by Sentos warehouse id. */
  const shopifyByWarehouse = () =>
    Object.fromEntries([...locations].map(([w, l]) => [w, t.sandbox.shopify.state.available(kept, l)]));
  const stockRows = (run: CliRun) =>
    (run.json().phases.products.items as Array<{ changes?: Array<{ field: string; sku?: string }> }>)
      .flatMap((i) => i.changes ?? [])
      .filter((c) => c.field === 'stock' && c.sku === kept);

  beforeAll(async () => {
    // The product that leaves Sentos stops selling (its variants go to 0): in a 4-product shop that is past
    // the zero-stock guard, which is not under test here.
    ({ t, kept, gone, order, locations } = await startFailedPushScenario({
      seed: 5,
      products: 4,
      env: { SENTOS_SYNC_MAX_ZERO_STOCK_SHARE: '1' },
    }));
  });
  afterAll(() => t.close());

  it('fails the push, and holds its 2 units back where the order ships (Sentos 10, pending 2 → 8)', async () => {
    const run = await runCli(['sync', '--json'], t.env);
    expect(run.code).toBe(1); // the worse of the two phases: the only order failed
    expect(run.json().phases.orders.items).toContainEqual(
      expect.objectContaining({ key: order.name, status: 'failed' }),
    );
    expect(t.sandbox.sentos.state.orders).toHaveLength(0);
    // The sale made at warehouse 1's location already took it to 8 there; the other locations keep Sentos's 10.
    expect(shopifyByWarehouse()).toEqual({ 1: 8, 2: 10, 3: 10 });
    expect(stockRows(run)).toEqual([]);
  });

  it('keeps holding them on the next runs, also when Sentos counts new stock in', async () => {
    for (const w of [1, 2, 3]) t.sandbox.sentos.state.setVariantStock(kept, w, 15);
    const run = await runCli(['sync', '--json'], t.env);
    expect(run.code).toBe(1); // the worse of the two phases: the only order failed
    expect(shopifyByWarehouse()).toEqual({ 1: 13, 2: 15, 3: 15 });
    expect(stockRows(run)).toContainEqual(
      expect.objectContaining({ location: locations.get(1), sentos: 15, pending: 2, to: 13 }),
    );
    expect((await runCli(['sync', '--json'], t.env)).code).toBe(1);
    expect(shopifyByWarehouse()).toEqual({ 1: 13, 2: 15, 3: 15 });
  });

  it('releases the hold once the order goes through: Sentos took the units, nothing is counted twice', async () => {
    t.sandbox.sentos.state.products.push(gone);
    const pushed = await runCli(['sync', '--json'], t.env);
    expect(pushed.code).toBe(0);
    expect(t.sandbox.sentos.state.orders.map((o) => String(o.order_id))).toEqual([String(order.legacyId)]);
    // Sentos booked the order at the warehouse of the location that ships it (1): 15 − 2 there.
    expect(t.sandbox.sentos.state.orders[0]?.lines.map((l) => l.warehouse_id)).toEqual([1, 1]);
    expect(t.sandbox.sentos.state.stockOf(kept)).toMatchObject({ 1: 13, 2: 15, 3: 15 });
    // Pushed after this run's Sentos read: still held back this run (Sentos read 15).
    expect(shopifyByWarehouse()).toEqual({ 1: 13, 2: 15, 3: 15 });
    const settled = await runCli(['sync', '--json'], t.env);
    expect(settled.code).toBe(0);
    // Sentos's own 13 now includes the order: nothing is held, nothing counted twice, nothing to write.
    expect(shopifyByWarehouse()).toEqual({ 1: 13, 2: 15, 3: 15 });
    expect(stockRows(settled)).toEqual([]);
  });
});
