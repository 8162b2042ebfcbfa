import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSandbox } from '../helpers/cli-harness.js';
import {
  duplicates,
  expectedProduct,
  mappedLocations,
  products,
  shopifyView,
  startProductsSandbox,
  warehouseToLocation,
} from './products-oracle.js';

/**
 * Full updates go bulk too (docs/architecture.md#bulk-import): every product's price changes in Sentos, and one
 * existing variant's stock. The product writes travel as one bulk import keyed by product id; the stock of the
 * existing variant stays on compare-and-set inventorySetQuantities, never inside the bulk line.
 */
const PRODUCTS = 12;
// Quota wait 0: bulk from the threshold whatever the bucket (this bucket would pay for 12 products at once).
const env = { SENTOS_SYNC_BULK_THRESHOLD: '5', SENTOS_SYNC_BULK_QUOTA_WAIT: '0' };

describe('products: updates above the threshold go as a bulk import', () => {
  let t: TestSandbox;
  let run: Awaited<ReturnType<typeof products>>;
  let stockSku: string;
  let newStock: number;
  beforeAll(async () => {
    t = await startProductsSandbox({
      products: PRODUCTS,
      seed: 8,
      shopify: { bulk: { mutationLinesPerSecond: 100_000 } },
    });
    const first = await products(t, ['--force'], env);
    expect(first.code, first.stderr).toBe(0);
    for (const wire of t.sandbox.sentos.state.products)
      for (const sku of wire.variants.length ? wire.variants.map((v) => v.sku) : [wire.sku])
        t.sandbox.sentos.state.setVariantPrice(sku, '777,50');
    const stocked = t.sandbox.sentos.state.products.find((p) => p.variants.length >= 2)!;
    stockSku = stocked.variants[1]!.sku;
    newStock = (t.sandbox.sentos.state.stockOf(stockSku)[2] ?? 0) + 9;
    t.sandbox.sentos.state.setVariantStock(stockSku, 2, newStock);
    t.sandbox.shopify.resetStats();
    run = await products(t, ['--force'], env);
  }, 30_000);
  afterAll(() => t.close());

  it('writes every product in one bulk import and the stock row by compare-and-set', () => {
    expect(run.code, run.stderr).toBe(0);
    const report = run.json();
    expect(report.summary).toMatchObject({ updated: PRODUCTS, created: 0, failed: 0 });
    expect(report.bulk).toMatchObject({ lines: PRODUCTS, written: PRODUCTS, failed: 0 });
    const stats = t.sandbox.shopify.stats();
    expect(stats.bulkMutations).toMatchObject({ operations: 1, lines: PRODUCTS, failedLines: 0 });
    expect(stats.requests.byOperation.productSet ?? 0).toBe(0);
    expect(stats.requests.byOperation.inventorySetQuantities).toBe(1);
  });

  it('leaves Shopify exactly as Sentos describes it, each product once', () => {
    const map = warehouseToLocation(t.sandbox, t.env);
    const actual = shopifyView(t.sandbox, mappedLocations(map));
    for (const wire of t.sandbox.sentos.state.products)
      expect(actual.get(wire.variants[0]?.sku ?? wire.sku)).toEqual(expectedProduct(wire, map));
    expect(t.sandbox.shopify.state.variantBySku(stockSku)!.price).toBe('777.50');
    const location = t.sandbox.shopify.state.locations.find((l) => l.name === 'İstanbul Mağaza')!;
    expect(t.sandbox.shopify.state.available(stockSku, location.id)).toBe(newStock);
    expect(duplicates(t.sandbox)).toEqual([]);
    expect(t.sandbox.shopify.state.products).toHaveLength(PRODUCTS);
  });
});
