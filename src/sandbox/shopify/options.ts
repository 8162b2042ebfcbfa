import { createRandom } from '../seed/random.js';
import type { SeedOrderItem } from '../seed/orders.js';
import type { FaultOptions } from '../faults.js';
import type { BulkOptions } from './bulk/operations.js';
import type { MutationBulkOptions } from './bulk/mutations.js';
import { DEFAULT_MAX_UPLOAD_BYTES } from './bulk/staged-uploads.js';
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
  /** Add the money model's golden orders (#2001…, ../seed/golden-orders.ts) after the generated ones. */
  goldenOrders?: boolean;
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
  /**
   * Bulk query operations: polls until COMPLETED (default 2), forced failure, concurrency (default 5); bulk
   * mutations: see BulkMutationSettings (docs/shopify-api.md#bulk-mutations).
   */
  bulk?: Partial<BulkOptions> & BulkMutationSettings;
  /** Webhook deliveries: shares dropped, duplicated, delayed, out of order; retry schedule scale. */
  webhooks?: WebhookOptions;
  /** Milliseconds since the epoch; inject to make timestamps and the cost bucket deterministic. */
  clock?: () => number;
}

/** Bulk mutation knobs (docs/shopify-api.md#bulk-mutations); every one optional. */
export interface BulkMutationSettings {
  /** JSONL lines processed per second per operation: default 1000 with latency none, else 20 [I]. */
  mutationLinesPerSecond?: number;
  /** Bulk mutation operations in progress at once per shop (default 5, since 2026-01 [V]). */
  maxConcurrentMutations?: number;
  /** Largest staged upload accepted, in bytes (default 100 MB [V]). */
  maxUploadBytes?: number;
  /** An operation still in progress this long after creation (clock ms) ends FAILED/TIMEOUT (default 24 h [V]). */
  mutationTimeLimitMs?: number;
  /** Result line order: 'shuffled' (default, seeded: the strictest reading) or 'input'. */
  mutationResultOrder?: 'shuffled' | 'input';
}

export interface ResolvedOptions {
  host: string;
  port: number;
  seed: number;
  shopName: string;
  locations: Array<{ name: string; isActive: boolean }>;
  orders: number;
  orderItems?: SeedOrderItem[];
  goldenOrders: boolean;
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
  bulkMutations: MutationBulkOptions & { maxUploadBytes: number };
  webhooks: WebhookOptions;
  clock: () => number;
}

const DEFAULT_LOCATIONS = ['Merkez Depo', 'İstanbul Mağaza', 'Ankara Mağaza'];

/** Defaults: a Standard-plan shop (bucket 2000/100, docs/shopify-api.md#rate-limits-by-plan), max cost 1000. */
export function resolveOptions(options: ShopifySimulatorOptions = {}): ResolvedOptions {
  const seed = options.seed ?? 1;
  const random = createRandom(seed ^ 0x5eed);
  const plan = options.plan ?? 'standard';
  const latency =
    typeof options.latency === 'object' ? options.latency : createLatencyModel(options.latency ?? 'none', seed);
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
    goldenOrders: options.goldenOrders ?? false,
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
    latency,
    faults: options.faults,
    // Five concurrent bulk queries per shop since 2026-01 (docs/shopify-api.md#bulk-export).
    bulk: {
      pollsToComplete: options.bulk?.pollsToComplete ?? 2,
      maxConcurrent: options.bulk?.maxConcurrent ?? 5,
      failWith: options.bulk?.failWith,
    },
    bulkMutations: {
      linesPerSecond: positive(options.bulk?.mutationLinesPerSecond, latency.setting === 'none' ? 1000 : 20),
      maxConcurrent: positive(options.bulk?.maxConcurrentMutations, 5),
      maxUploadBytes: positive(options.bulk?.maxUploadBytes, DEFAULT_MAX_UPLOAD_BYTES),
      timeLimitMs: positive(options.bulk?.mutationTimeLimitMs, 86_400_000),
      resultOrder: options.bulk?.mutationResultOrder ?? 'shuffled',
      seed,
    },
    webhooks: { seed, ...options.webhooks },
    clock: options.clock ?? Date.now,
  };
}

function positive(value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!(value > 0)) throw new Error(`sandbox: bulk mutation settings must be positive numbers, got ${value}`);
  return value;
}
