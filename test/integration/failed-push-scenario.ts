import { expect } from 'vitest';
import type { WireProduct } from '../../src/sandbox/seed/catalog.js';
import type { OrderRecord } from '../../src/sandbox/shopify/state/types.js';
import { runCli, startTestSandbox, type TestSandbox } from '../helpers/cli-harness.js';
import { warehouseLocations } from './sync-stock-oracle.js';

/**
 * The shared start of the "order Sentos refuses" scenarios: a synced shop (Plus bucket, so back-to-back runs are
 * not paced), 10 units of `kept` in every warehouse, then the product `gone` leaves Sentos and a customer buys
 * 2 × kept and 1 × gone in one order, which Sentos will refuse (one of its SKUs is unknown there).
 */
export interface FailedPushScenario {
  t: TestSandbox;
  kept: string;
  gone: WireProduct;
  order: OrderRecord;
  /** Sentos warehouse id → mapped Shopify location id. */
  locations: Map<number, string>;
}

export async function startFailedPushScenario(options: {
  seed: number;
  products: number;
  env?: Record<string, string>;
}): Promise<FailedPushScenario> {
  const t = await startTestSandbox({
    seed: options.seed,
    products: options.products,
    orders: 0,
    shopify: { bucket: { maximumAvailable: 20_000, restoreRate: 1_000 } },
  });
  Object.assign(t.env, options.env);
  const locations = warehouseLocations(t.sandbox, t.env);
  const [first, second] = t.sandbox.sentos.state.products.filter((p) => p.variants.length > 0);
  const kept = first!.variants[0]!.sku;
  const gone = second!;
  for (const w of t.sandbox.sentos.state.warehouses) t.sandbox.sentos.state.setVariantStock(kept, w.id, 10);
  expect((await runCli(['sync', '--json'], t.env)).code).toBe(0);
  t.sandbox.sentos.state.products.splice(t.sandbox.sentos.state.products.indexOf(gone), 1);
  const order = t.sandbox.shopify.state.placeOrder({
    lines: [
      { sku: kept, quantity: 2 },
      { sku: gone.variants[0]!.sku, quantity: 1 },
    ],
    locationId: locations.get(1),
  });
  return { t, kept, gone, order, locations };
}
