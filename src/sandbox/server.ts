import type { FaultOptions } from './faults.js';
import { createLatencyModel, type LatencyModel, type LatencySetting } from './latency.js';
import type { ShopifyPlan } from './shopify/plans.js';
import { generateCatalog, catalogItems } from './seed/catalog.js';
import { startShoppers, type Shoppers, type ShoppersOptions } from './shoppers.js';
import { startSentosSimulator, type SentosSimulator, type SentosSimulatorOptions } from './sentos/index.js';
import { startShopifySimulator, type ShopifySimulator, type ShopifySimulatorOptions } from './shopify/index.js';

/**
 * Both simulators on loopback, seeded from one catalog so Shopify's seeded orders sell SKUs that Sentos
 * knows. Used in-process by tests, the demo and the benchmarks, and by `sentos-sync sandbox`.
 */
export interface SandboxOptions {
  host?: string;
  sentosPort?: number;
  shopifyPort?: number;
  seed?: number;
  products?: number;
  orders?: number;
  faults?: FaultOptions;
  /** The Shopify shop's plan and so its cost bucket (default standard); `shopify.bucket` overrides it. */
  plan?: ShopifyPlan;
  /** Latency of both simulators (default none: loopback speed); seeded by `seed` (./latency.ts). */
  latency?: LatencySetting;
  sentos?: Partial<SentosSimulatorOptions>;
  shopify?: Partial<ShopifySimulatorOptions>;
  /**
   * Customers buying on Shopify while the sandbox runs (docs/architecture.md#no-oversell); the seed defaults to the
   * sandbox's.
   */
  shoppers?: ShoppersOptions;
}

export interface Sandbox {
  sentos: SentosSimulator;
  shopify: ShopifySimulator;
  /** Present when `shoppers` was given: pause, resume, stop, and every order they placed. */
  shoppers?: Shoppers;
  /** The latency model both simulators use (describe() prints it). */
  latency: LatencyModel;
  /** Environment variables that point sentos-sync at this sandbox. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const seed = options.seed ?? 1;
  const host = options.host ?? '127.0.0.1';
  const catalog = generateCatalog({ seed, count: options.products ?? 40 });
  const latency = createLatencyModel(options.latency ?? 'none', seed);
  const sentos = await startSentosSimulator({
    host,
    port: options.sentosPort ?? 0,
    seed,
    catalog,
    faults: options.faults,
    latency,
    ...options.sentos,
  });
  try {
    const shopify = await startShopifySimulator({
      host,
      port: options.shopifyPort ?? 0,
      seed,
      orders: options.orders ?? 20,
      orderItems: catalogItems(catalog).map((item) => ({ ...item, productId: String(item.productId) })),
      faults: options.faults && { ...options.faults, seed: (options.faults.seed ?? seed) + 1 },
      plan: options.plan,
      latency,
      ...options.shopify,
    });
    const shoppers =
      options.shoppers &&
      startShoppers(shopify.state, { ...options.shoppers, seed: options.shoppers.seed ?? seed }, shopify.onRequest);
    return {
      sentos,
      shopify,
      shoppers,
      latency,
      env: {
        SENTOS_API_URL: sentos.url,
        SENTOS_API_KEY: sentos.apiKey,
        SENTOS_API_SECRET: sentos.apiSecret,
        SHOPIFY_STORE: shopify.url,
        SHOPIFY_ACCESS_TOKEN: shopify.accessToken,
        // The key the simulator signs webhooks with (a static-token shop's admin signing key).
        SHOPIFY_WEBHOOK_SECRET: shopify.clientSecret,
        // The sandbox's warehouses and locations, paired the way a merchant would map theirs.
        SENTOS_SYNC_WAREHOUSE_MAP: warehouseMap(
          catalog.warehouses.map((w) => w.name),
          shopify.state.locations.map((l) => l.name),
        ),
      },
      close: async () => {
        shoppers?.stop();
        await Promise.all([sentos.close(), shopify.close()]);
      },
    };
  } catch (error) {
    await sentos.close();
    throw error;
  }
}

function warehouseMap(warehouses: string[], locations: string[]): string {
  return warehouses
    .slice(0, locations.length)
    .map((warehouse, i) => `${warehouse}=${locations[i]}`)
    .join(',');
}
