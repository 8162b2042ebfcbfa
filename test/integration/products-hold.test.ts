import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireProduct } from '../../src/sandbox/seed/catalog.js';
import type { OrderRecord } from '../../src/sandbox/shopify/state/types.js';
import { runCli, type TestSandbox } from '../helpers/cli-harness.js';
import { startFailedPushScenario } from './failed-push-scenario.js';

/**
 * `products` run on its own (not `sync`) must not put held units back on sale: an order whose push failed is
 * known to the ledger, and its units stay held back exactly as `sync` holds them. Only the re-read of the
 * orders window is `sync`'s extra. The units are held at the location that ships the order (its fulfilment order's,
 * docs/architecture.md#location-to-warehouse), where Shopify took them at checkout; the other locations keep Sentos's
 * stock, which the order will not touch (it books the warehouse mapped to that location).
 */
type Item = { key: string; status: string; changes?: Array<{ field: string; sku?: string }> };
const itemsOf = (json: unknown) => (json as { items: Item[] }).items;

describe('products alone holds back the orders the ledger knows Sentos has not received', () => {
  let t: TestSandbox;
  let kept: string;
  let gone: WireProduct;
  let order: OrderRecord;
  let locations: Map<number, string>;

  const shopifyByWarehouse = () =>
    Object.fromEntries([...locations].map(([w, l]) => [w, t.sandbox.shopify.state.available(kept, l)]));

  beforeAll(async () => {
    // An order Sentos refuses: its push fails, and the ledger knows it.
    ({ t, kept, gone, order, locations } = await startFailedPushScenario({ seed: 7, products: 3 }));
    const orders = await runCli(['orders', '--json'], t.env);
    expect(itemsOf(orders.json())).toContainEqual(expect.objectContaining({ key: order.name, status: 'failed' }));
  });
  afterAll(() => t.close());

  it('plans the hold where the order ships in a dry run (Sentos 10, pending 2 → 8) and writes nothing', async () => {
    const run = await runCli(['products', '--dry-run', '--json'], t.env);
    expect(run.code).toBe(0);
    const rows = itemsOf(run.json())
      .flatMap((i) => i.changes ?? [])
      .filter((c) => c.field === 'stock' && c.sku === kept);
    // Where the order ships Shopify shows 8 already (10 − 2 at checkout): nothing to write; elsewhere 10 stays 10.
    expect(rows).toEqual([]);
    expect(shopifyByWarehouse()).toEqual({ 1: 8, 2: 10, 3: 10 });
  });

  it('applies it: the location that ships the order does not get the 2 sold units back', async () => {
    const run = await runCli(['products', '--json'], t.env);
    // The product that left Sentos has its variants set to 0 (it stops selling), which in a 3-product shop is
    // past the zero-stock guard: the guard stops the run, and --force is the merchant's answer.
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Safety guard: .* would go from stock to zero/);
    const forced = await runCli(['products', '--json', '--force'], t.env);
    expect(forced.code, forced.stderr).toBe(0);
    expect(shopifyByWarehouse()).toEqual({ 1: 8, 2: 10, 3: 10 });
    for (const v of gone.variants)
      for (const l of locations.values()) expect(t.sandbox.shopify.state.available(v.sku, l), v.sku).toBe(0);
    expect(t.sandbox.sentos.state.orders).toHaveLength(0);
  });
});
