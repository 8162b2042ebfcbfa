import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSandbox } from '../helpers/cli-harness.js';
import { startTestSandbox } from '../helpers/cli-harness.js';
import {
  duplicates,
  expectedProduct,
  mappedLocations,
  products,
  shopifyView,
  warehouseToLocation,
} from './products-oracle.js';

/**
 * A first sync of 1,500 products on a Standard shop goes as a bulk import (docs/architecture.md#bulk-import): every
 * valid product is created exactly once with every field and its stock (the per-call path's oracle), a line Shopify
 * rejects fails only its product with Shopify's message, and the whole run stays within 2,000 cost points. The
 * simulator processes lines fast here (the rate is not under test).
 */
const PRODUCTS = 1500;

describe('products: a large first sync goes as a bulk import', () => {
  let t: TestSandbox;
  let run: Awaited<ReturnType<typeof products>>;
  let rejected: { id: number; sku: string };
  beforeAll(async () => {
    t = await startTestSandbox({
      products: PRODUCTS,
      orders: 0,
      seed: 11,
      plan: 'standard',
      shopify: { bulk: { mutationLinesPerSecond: 1_000_000 } },
    });
    t.env.SENTOS_SYNC_RETRY_BASE_MS = '5';
    // Shopify refuses a file source that is not http(s): this product's line is rejected, the others are not.
    const wire = t.sandbox.sentos.state.products.find((p) => p.images.length > 0)!;
    wire.images[0]!.url = 'ftp://images.example/broken.jpg';
    rejected = { id: wire.id, sku: wire.sku };
    run = await products(t, ['--force']);
  }, 60_000);
  afterAll(() => t.close());

  it('uses the bulk path and says so in the report', () => {
    expect(run.code, run.stderr).toBe(5); // partial: one product failed
    const report = run.json();
    expect(report.bulk).toMatchObject({ lines: PRODUCTS, written: PRODUCTS - 1, failed: 1, stillRunning: [] });
    expect(report.bulk.operations).toHaveLength(1);
    expect(report.summary).toMatchObject({ created: PRODUCTS - 1, failed: 1, total: PRODUCTS });
  });

  it('ran each line once, through bulk, and no product through the per-call productSet', () => {
    const stats = t.sandbox.shopify.stats();
    expect(stats.bulkMutations).toMatchObject({ operations: 1, lines: PRODUCTS, failedLines: 1 });
    expect(stats.requests.byOperation.productSet ?? 0).toBe(0);
    expect(stats.stagedUploads).toMatchObject({ stored: 1, withAccessToken: 0 });
  });

  it('creates every valid product exactly once, with every field and its stock per mapped location', () => {
    const map = warehouseToLocation(t.sandbox, t.env);
    const actual = shopifyView(t.sandbox, mappedLocations(map));
    expect(actual.size).toBe(PRODUCTS - 1);
    for (const wire of t.sandbox.sentos.state.products) {
      if (wire.id === rejected.id) continue;
      const key = wire.variants[0]?.sku ?? wire.sku;
      expect(actual.get(key), key).toEqual(expectedProduct(wire, map));
    }
    expect(duplicates(t.sandbox)).toEqual([]);
  });

  it('fails only the rejected product, with Shopify\u2019s message', () => {
    const failed = run.json().items.filter((i: any) => i.status === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0].key).toBe(rejected.sku);
    expect(failed[0].error.message).toMatch(/^Shopify rejected the product: originalSource must be an http\(s\) URL/);
  });

  it('spends at most 2,000 cost points in all', () => {
    expect(run.json().requests.shopify.cost).toBeLessThanOrEqual(2000);
    expect(t.sandbox.shopify.stats().costSpent).toBeLessThanOrEqual(2000);
  });

  it('leaves no bulk import in the journal', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const file = path.join(t.home, 'state', 'bulk-imports.json');
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual([]);
  });
});
