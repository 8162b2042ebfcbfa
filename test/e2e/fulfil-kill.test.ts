import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startTestSandbox, type TestSandbox } from '../helpers/cli-harness.js';
import { buildBin, spawnBin, type BuiltBin } from './spawn-bin.js';

/**
 * Exactly-once fulfilment when the answer is lost (docs/architecture.md#fulfilment-back-to-shopify): a real `sync`
 * process is killed (SIGKILL) while the Shopify sandbox has applied its fulfillmentCreate and holds the answer. The
 * next run reads the order before anything else: it sends no second fulfillmentCreate, reports the shipment as
 * already in Shopify, and the order keeps exactly one fulfilment.
 */
describe('fulfilment: kill -9 between fulfillmentCreate and its answer', () => {
  let built: BuiltBin;
  let t: TestSandbox;
  beforeAll(async () => {
    built = await buildBin();
    t = await startTestSandbox({ products: 4, orders: 0, seed: 41 });
  });
  afterAll(() => t?.close());

  it('the rerun finds the fulfilment made by the killed run and creates none', async () => {
    expect((await runCli(['sync', '--quiet'], t.env)).code).toBe(0);
    const sku = t.sandbox.shopify.state.products.flatMap((p) => p.variants).find((v) => v.sku)!.sku!;
    const order = t.sandbox.shopify.state.placeOrder({ lines: [{ sku, quantity: 1 }] });
    expect((await runCli(['orders', '--quiet'], t.env)).code).toBe(0);
    t.sandbox.sentos.markShipped({ orderId: order.legacyId, cargoCompany: 'Aras Kargo', trackingNumber: 'AR-55' });

    const hold = t.sandbox.shopify.holdAnswers('fulfillmentCreate');
    const killed = spawnBin(built.bin, ['sync', '--quiet'], t.env);
    await Promise.race([
      hold.held,
      killed.done.then((f) => Promise.reject(new Error(`sync ended before the hold: ${f.stderr}`))),
    ]);
    expect(order.fulfillments).toHaveLength(1); // applied in Shopify; the process never hears of it
    killed.child.kill('SIGKILL');
    expect((await killed.done).signal).toBe('SIGKILL');
    hold.release();

    t.sandbox.shopify.resetStats();
    const rerun = await runCli(['sync', '--json'], t.env);
    expect(rerun.code).toBe(0);
    expect(order.fulfillments.map((f) => f.trackingNumber)).toEqual(['AR-55']);
    expect(t.sandbox.shopify.stats().requests.byOperation.fulfillmentCreate ?? 0).toBe(0);
    expect(rerun.json().phases.orders.items).toContainEqual(
      expect.objectContaining({
        key: order.name,
        action: 'unchanged',
        reasons: [`${order.name} is fulfilled in Shopify with tracking AR-55`],
      }),
    );
  }, 60_000);
});
