import { createRandom } from '../seed/random.js';
import type { SeedOrderItem } from '../seed/orders.js';
import type { FaultOptions } from '../faults.js';
import type { BulkOptions } from './bulk/operations.js';
import type { WebhookOptions } from './webhooks/hub.js';
import { createLatencyModel, type LatencyModel, type LatencySetting } from '../latency.js';
import { PLAN_BUCKETS, type ShopifyPlan } from './plans.js';

export interface ShopifySimulatorOptions {
  host?: string;
  port?: number;
  seed?: number;
  shopName?: string;
  /** Default: Merkez Depo, İstanbul Mağaza, Ankara Mağaza (all active). */
  locations?: Array<{ name: string; isActive?: boolean }>;
  /** Number of seeded orders (default 20). */
  orders?: number;
  /** Catalog items the seeded orders are built from; placeholders when absent. */
  orderItems?: SeedOrderItem[];
  accessToken?: string;
  clientId?: string;
  clientSecret?: string;
  tokenTtlSeconds?: number;
  /** The shop's plan, which sets the cost bucket (default standard); `bucket` overrides either figure. */
  plan?: ShopifyPlan;
  bucket?: { maximumAvailable?: number; restoreRate?: number };
  maxQueryCost?: number;
  /** How long each request takes: 'none' (default), 'field' (seeded model) or fixed ms (../latency.ts). */
  latency?: LatencySetting | LatencyModel;
  faults?: FaultOptions;
  /** Bulk query operations: polls until COMPLETED (default 2), forced failure, concurrency (default 5). */
  bulk?: Partial<BulkOptions>;
  /** Webhook deliveries: shares dropped, duplicated, delayed, out of order; retry schedule scale. */
  webhooks?: WebhookOptions;
  /** Milliseconds since the epoch; inject to make timestamps and the cost bucket deterministic. */
  clock?: () => number;
}

export interface ResolvedOptions {
  host: string;
  port: number;
  seed: number;
  shopName: string;
  locations: Array<{ name: string; isActive: boolean }>;
  orders: number;
  orderItems?: SeedOrderItem[];
  accessToken: string;
  clientId: string;
  clientSecret: string;
  tokenTtlSeconds: number;
  plan: ShopifyPlan;
  bucket: { maximumAvailable: number; restoreRate: number };
  maxQueryCost: number;
  latency: LatencyModel;
  faults?: FaultOptions;
  bulk: BulkOptions;
  webhooks: WebhookOptions;
  clock: () => number;
}

const DEFAULT_LOCATIONS = ['Merkez Depo', 'İstanbul Mağaza', 'Ankara Mağaza'];

/** Defaults: a Standard-plan shop (bucket 2000/100, docs/shopify-api.md#rate-limits-by-plan), max cost 1000. */
export function resolveOptions(options: ShopifySimulatorOptions = {}): ResolvedOptions {
  const seed = options.seed ?? 1;
  const random = createRandom(seed ^ 0x5eed);
  const plan = options.plan ?? 'standard';
  const hex = (length: number) => Array.from({ length }, () => random.int(0, 15).toString(16)).join('');
  return {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    seed,
    shopName: options.shopName ?? 'Sandbox Mağaza',
    locations: (options.locations ?? DEFAULT_LOCATIONS.map((name) => ({ name, isActive: true }))).map((l) => ({
      name: l.name,
      isActive: l.isActive ?? true,
    })),
    orders: options.orders ?? 20,
    orderItems: options.orderItems,
    accessToken: options.accessToken ?? `shpat_${hex(32)}`,
    clientId: options.clientId ?? hex(32),
    clientSecret: options.clientSecret ?? `shpss_${hex(32)}`,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 86_399,
    plan,
    bucket: {
      maximumAvailable: options.bucket?.maximumAvailable ?? PLAN_BUCKETS[plan].maximumAvailable,
      restoreRate: options.bucket?.restoreRate ?? PLAN_BUCKETS[plan].restoreRate,
    },
    // The single-query ceiling is 1,000 on every plan (docs/shopify-api.md#rate-limits-by-plan).
    maxQueryCost: options.maxQueryCost ?? 1000,
    latency:
      typeof options.latency === 'object' ? options.latency : createLatencyModel(options.latency ?? 'none', seed),
    faults: options.faults,
    // Five concurrent bulk queries per shop since 2026-01 (docs/shopify-api.md#bulk-export).
    bulk: {
      pollsToComplete: options.bulk?.pollsToComplete ?? 2,
      maxConcurrent: options.bulk?.maxConcurrent ?? 5,
      failWith: options.bulk?.failWith,
    },
    webhooks: { seed, ...options.webhooks },
    clock: options.clock ?? Date.now,
  };
}
