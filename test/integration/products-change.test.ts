import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSandbox } from '../helpers/cli-harness.js';
import {
  expectedProduct,
  mappedLocations,
  mutations,
  products,
  shopifyView,
  startProductsSandbox,
  warehouseToLocation,
} from './products-oracle.js';

/**
 * Product sync: one variant's price and one warehouse's stock change in Sentos → exactly one productSet and exactly one
 * inventory write of one row; nothing else is touched.
 */
describe('products: one price and one stock change', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startProductsSandbox({ products: 14, seed: 4 });
    const first = await products(t);
    expect(first.code, first.stderr).toBe(0);
  }, 20_000);
  afterAll(() => t.close());

  it('sends exactly one productSet and one inventorySetQuantities with one row, and Shopify shows both', async () => {
    const wires = t.sandbox.sentos.state.products;
    const priced = wires.find((p) => p.variants.length >= 3)!;
    const stocked = wires.find((p) => p !== priced && p.variants.length >= 2)!;
    const priceSku = priced.variants[1]!.sku;
    const stockSku = stocked.variants[1]!.sku;
    const before = t.sandbox.shopify.state.variantBySku(priceSku)!.price;
    // Turkish thousands form: the run must read it as 1,234.50, not 1.23 or 123450.
    t.sandbox.sentos.state.setVariantPrice(priceSku, '1.234,50');
    const oldStock = t.sandbox.sentos.state.stockOf(stockSku)[2] ?? 0;
    t.sandbox.sentos.state.setVariantStock(stockSku, 2, oldStock + 7);
    t.sandbox.shopify.resetStats();

    const run = await products(t);
    expect(run.code, run.stderr).toBe(0);
    expect(mutations(t.sandbox)).toEqual({ productSet: 1, inventorySetQuantities: 1 });
    expect(t.sandbox.shopify.stats().requests.dataMutations).toBe(2);

    const location = t.sandbox.shopify.state.locations.find((l) => l.name === 'İstanbul Mağaza')!;
    expect(t.sandbox.shopify.state.variantBySku(priceSku)!.price).toBe('1234.50');
    expect(before).not.toBe('1234.50');
    expect(t.sandbox.shopify.state.available(stockSku, location.id)).toBe(oldStock + 7);

    const report = run.json();
    expect(report.summary).toEqual({
      created: 0,
      updated: 2,
      unchanged: 12,
      skipped: 0,
      failed: 0,
      conflicts: 0,
      notReached: 0,
      total: 14,
    });
    const byKey = new Map(report.items.map((i: any) => [i.key, i]));
    expect(byKey.get(priced.sku)).toMatchObject({
      action: 'update',
      status: 'done',
      changes: [{ field: 'price', sku: priceSku, from: before, to: '1234.50' }],
    });
    expect(byKey.get(stocked.sku)).toMatchObject({
      action: 'update',
      status: 'done',
      changes: [{ field: 'stock', sku: stockSku, location: location.id, from: oldStock, to: oldStock + 7 }],
    });

    // The one inventory write carried one row: every other level is as it was, and the whole catalog matches Sentos.
    const map = warehouseToLocation(t.sandbox, t.env);
    const actual = shopifyView(t.sandbox, mappedLocations(map));
    for (const wire of wires) expect(actual.get(wire.variants[0]?.sku ?? wire.sku)).toEqual(expectedProduct(wire, map));
  });

  it('the run after that is unchanged again', async () => {
    t.sandbox.shopify.resetStats();
    const run = await products(t);
    expect(run.json().summary).toMatchObject({ unchanged: 14, updated: 0 });
    expect(mutations(t.sandbox)).toEqual({});
  });
});
