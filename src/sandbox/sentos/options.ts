/**
 * Options of the Sentos simulator and their defaults. Where sentos-api.md only infers a behaviour ([I]),
 * the simulator takes the strictest reading (helper brief), and a quirk flag lets a test relax it.
 */
import type { FaultOptions } from '../faults.js';
import { createRandom } from '../seed/random.js';
import type { SeedCatalog } from '../seed/catalog.js';
import { createLatencyModel, type LatencyModel, type LatencySetting } from '../latency.js';

export type SentosSimAuth = 'basic' | 'headers' | 'bearer' | 'token';

export interface SentosSimLimits {
  /** POST/PUT per window: "POST 12 per minute" (docs/sentos-api.md#rate-limits [V: MSO]); every write counts. */
  postsPerWindow: number;
  /** The same GET at most twice per minute (docs/sentos-api.md#rate-limits [V: MSO]). */
  sameGetPerWindow: number;
  windowMs: number;
  /**
   * Whether 429s carry Retry-After (docs/sentos-api.md#rate-limits: unverified that Sentos sends it, so tests can turn
   * it off).
   */
  sendRetryAfter: boolean;
}

export interface SentosSimQuirks {
  /** stocks[].warehouse as {id, name} (docs/sentos-api.md#product-shape-and-quirks quirk 2 [V: MSO]). */
  warehouseAsObject: boolean;
  /** stocks[].stock as a string, "4" (docs/sentos-api.md#product-shape-and-quirks quirk 2). */
  stockAsString: boolean;
  /** variant model as the plain value string (docs/sentos-api.md#product-shape-and-quirks [V: VGP accepts it]). */
  modelAsString: boolean;
  /**
   * PHP serialisation: an empty object comes out as [] (docs/sentos-api.md#base-url-auth-and-transport,
   * docs/sentos-api.md#product-shape-and-quirks quirk 3).
   */
  emptyObjectsAsArrays: boolean;
  /**
   * PUT /products/{id} with a variants list: 'delete' drops the variants it omits (docs/sentos-api.md#open-questions;
   * MSO fears it, so the strict simulator does it). 'keep' leaves them.
   */
  omittedVariantsOnPut: 'keep' | 'delete';
  /**
   * Product write validation errors answered as 2xx {errors, message, product: []}
   * (docs/sentos-api.md#errors-and-limits [V: SAL]); else 422.
   */
  productErrorsAs200: boolean;
}

export interface SentosSimulatorOptions {
  host?: string;
  port?: number;
  seed?: number;
  /** Number of generated products when no catalog is given. */
  products?: number;
  /** Overrides generation. Deep-copied: the simulator never mutates the caller's object. */
  catalog?: SeedCatalog;
  apiKey?: string;
  apiSecret?: string;
  acceptAuth?: SentosSimAuth;
  limits?: Partial<SentosSimLimits>;
  faults?: FaultOptions;
  quirks?: Partial<SentosSimQuirks>;
  /**
   * Which order statuses take warehouse stock (default 2, 3, 4, 5, 99; 6 gives it back). Our model of Sentos,
   * to be confirmed on a real tenant [I] (see stock-rule.ts).
   */
  stockRule?: { decrementOnStatuses: number[] };
  pageSizeMax?: number;
  /** Clock for rate windows and timestamps (epoch ms). */
  now?: () => number;
  /** How long each request takes: 'none' (default), 'field' (seeded model) or fixed ms (../latency.ts). */
  latency?: LatencySetting | LatencyModel;
}

export interface ResolvedSentosOptions {
  host: string;
  port: number;
  seed: number;
  catalog: SeedCatalog | undefined;
  products: number;
  apiKey: string;
  apiSecret: string;
  acceptAuth: SentosSimAuth;
  limits: SentosSimLimits;
  faults: FaultOptions | undefined;
  quirks: SentosSimQuirks;
  decrementOnStatuses: readonly number[];
  pageSizeMax: number;
  /** Used when a list request names no size ([I]: the real default is unknown; smaller catches more bugs). */
  pageSizeDefault: number;
  now: () => number;
  latency: LatencyModel;
}

export const DEFAULT_LIMITS: SentosSimLimits = {
  postsPerWindow: 12,
  sameGetPerWindow: 2,
  windowMs: 60_000,
  sendRetryAfter: true,
};

export const DEFAULT_QUIRKS: SentosSimQuirks = {
  warehouseAsObject: false,
  stockAsString: false,
  modelAsString: false,
  emptyObjectsAsArrays: true,
  omittedVariantsOnPut: 'delete',
  productErrorsAs200: true,
};

/** Credentials derived from the seed, so a sandbox run can be replayed with the same key pair. */
function seededCredentials(seed: number): { apiKey: string; apiSecret: string } {
  const random = createRandom(seed ^ 0x5e7705);
  const hex = (n: number) => Array.from({ length: n }, () => random.int(0, 15).toString(16)).join('');
  return { apiKey: `sandbox-key-${seed}-${hex(8)}`, apiSecret: `sandbox-secret-${hex(24)}` };
}

/** Spread-safe: an explicit `undefined` must not erase a default. */
function defined<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function resolveOptions(options: SentosSimulatorOptions = {}): ResolvedSentosOptions {
  const seed = options.seed ?? 1;
  const credentials = seededCredentials(seed);
  const pageSizeMax = options.pageSizeMax ?? 100;
  return {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    seed,
    catalog: options.catalog,
    products: options.products ?? 40,
    apiKey: options.apiKey ?? credentials.apiKey,
    apiSecret: options.apiSecret ?? credentials.apiSecret,
    acceptAuth: options.acceptAuth ?? 'basic',
    limits: { ...DEFAULT_LIMITS, ...defined(options.limits) },
    faults: options.faults,
    quirks: { ...DEFAULT_QUIRKS, ...defined(options.quirks) },
    decrementOnStatuses: options.stockRule?.decrementOnStatuses ?? [2, 3, 4, 5, 99],
    pageSizeMax,
    pageSizeDefault: Math.min(50, pageSizeMax),
    now: options.now ?? Date.now,
    latency:
      typeof options.latency === 'object' ? options.latency : createLatencyModel(options.latency ?? 'none', seed),
  };
}
