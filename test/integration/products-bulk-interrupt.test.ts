import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/cli-harness.js';
import { duplicates, products } from './products-oracle.js';

/**
 * Ctrl-C while Shopify processes a bulk import (docs/architecture.md#bulk-import): the stop ends the wait, not the
 * import; the report says the operation is still running (exit 130), and the next run reads its results before
 * planning, so nothing is written twice.
 */
const PRODUCTS = 20;

describe('products: Ctrl-C during a bulk import', () => {
  let t: TestSandbox;
  let stopped: Awaited<ReturnType<typeof products>>;
  let env: Record<string, string>;
  beforeAll(async () => {
    t = await startTestSandbox({
      products: PRODUCTS,
      orders: 0,
      seed: 5,
      shopify: { bulk: { mutationLinesPerSecond: 40 } },
    });
    env = { SENTOS_SYNC_BULK_THRESHOLD: '5', SENTOS_SYNC_BULK_QUOTA_WAIT: '0' };
    const hold = t.sandbox.shopify.holdAnswers('bulkOperation');
    const controller = new AbortController();
    void hold.held.then(() => {
      controller.abort();
      hold.release();
    });
    stopped = await products(t, ['--force'], env, { signal: controller.signal });
  }, 30_000);
  afterAll(() => t.close());

  it('stops with exit 130 and says the import is still running, and that the next run reads it', () => {
    expect(stopped.code, stopped.stderr).toBe(130);
    const report = stopped.json();
    expect(report.bulk.stillRunning).toHaveLength(1);
    expect(report.warnings).toContainEqual(
      expect.stringMatching(
        /^Bulk import gid:\/\/shopify\/BulkOperation\/\d+ is still running on Shopify .*next run reads/,
      ),
    );
    expect(report.summary).toMatchObject({ created: 0, notReached: PRODUCTS });
  });

  it('the next run reads the import first and writes nothing again', async () => {
    const rerun = await products(t, [], env);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.json().summary).toMatchObject({ created: 0, unchanged: PRODUCTS });
    expect(t.sandbox.shopify.stats().bulkMutations).toMatchObject({ operations: 1, lines: PRODUCTS });
    expect(t.sandbox.shopify.state.products).toHaveLength(PRODUCTS);
    expect(duplicates(t.sandbox)).toEqual([]);
  });
});
