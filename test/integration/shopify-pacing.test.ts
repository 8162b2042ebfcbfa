import { afterEach, describe, expect, it } from 'vitest';
import type { TestSandbox } from '../helpers/cli-harness.js';
import { products, startProductsSandbox } from './products-oracle.js';

/**
 * Pacing that never throttles: on a bucket that 120 productSets overrun (the smallest a catalog page still fits in),
 * with many writes in flight
 * and a real (fixed) latency so they overlap, the client reserves each request's predicted cost before sending
 * and Shopify never has to answer THROTTLED. The run is bound by the restore rate, as it should be.
 *
 * The restore rate is Plus's 1,000 points/s on the small bucket: 16 writes of ~14 points every ~15 ms still ask
 * for many times that, so only pacing keeps THROTTLED away (with the sleep before sending skipped, this fails),
 * while the ~1,800 points beyond the bucket take about 2 s to restore instead of 18 s at 100/s.
 */
describe('cost pacing on a tiny bucket with writes in flight', () => {
  let t: TestSandbox | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('creates every product with zero THROTTLED answers', async () => {
    t = await startProductsSandbox({
      products: 120,
      seed: 4,
      latency: 15,
      shopify: { bucket: { maximumAvailable: 1000, restoreRate: 1000 } },
    });
    const run = await products(t, [], { SENTOS_SYNC_SHOPIFY_MAX_IN_FLIGHT: '16' });
    expect(run.code, run.stderr).toBe(0);
    const report = run.json<{ summary: Record<string, number> }>();
    expect(report.summary).toMatchObject({ created: 120, failed: 0 });
    const stats = t.sandbox.shopify.stats();
    expect(stats.requests.byOperation.productSet).toBe(120);
    // 120 × ~14 points is more than the bucket, and 16 writes in flight outrun its restore: only pacing helps.
    expect(stats.throttled).toBe(0);
  }, 60_000);
});
