import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startTestSandbox, type TestSandbox } from '../helpers/cli-harness.js';

/**
 * A mapping warning (a gateway missing from orders.paymentMap, converted currency, a gift card left out) is news when
 * the order is sent: a cron run every hour that finds the order unchanged does not repeat it.
 */
describe('orders: warnings are said when an order is sent, not on every run after', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox({ products: 10, orders: 12, seed: 32, shopify: { bucket: { restoreRate: 2_000 } } });
  });
  afterAll(() => t.close());

  it('the first run warns; the next run, with every order unchanged, does not', async () => {
    const first = (await runCli(['orders', '--json'], t.env)).json();
    const warned: string[] = first.warnings;
    expect(warned.length).toBeGreaterThan(0);
    const second = (await runCli(['orders', '--json'], t.env)).json();
    expect(second.summary.unchanged).toBeGreaterThan(0);
    expect(second.summary.created + second.summary.updated).toBe(0);
    expect(second.warnings).toEqual([]);
  });
});
