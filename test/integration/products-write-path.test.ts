import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSandbox } from '../helpers/cli-harness.js';
import { duplicates, products, startProductsSandbox } from './products-oracle.js';

/**
 * Bulk or per call is the bucket's choice once the writes reach products.bulkThreshold
 * (docs/architecture.md#bulk-import): here 12 creates pass a threshold of 5, but the shop's bucket (20,000 points) pays
 * for all of them at once, so with the default products.bulkQuotaWait they go one productSet each.
 */
const PRODUCTS = 12;

describe('products: writes past the threshold that the bucket covers go per call', () => {
  let t: TestSandbox;
  let run: Awaited<ReturnType<typeof products>>;
  beforeAll(async () => {
    t = await startProductsSandbox({ products: PRODUCTS, seed: 8 });
    run = await products(t, ['--force'], { SENTOS_SYNC_BULK_THRESHOLD: '5' });
  }, 30_000);
  afterAll(() => t.close());

  it('writes each product with its own productSet and starts no bulk import', () => {
    expect(run.code, run.stderr).toBe(0);
    const report = run.json();
    expect(report.summary).toMatchObject({ created: PRODUCTS, failed: 0 });
    expect(report.bulk).toBeUndefined();
    const stats = t.sandbox.shopify.stats();
    expect(stats.requests.byOperation.productSet).toBe(PRODUCTS);
    expect(stats.bulkMutations).toMatchObject({ operations: 0 });
    expect(duplicates(t.sandbox)).toEqual([]);
  });
});
