/**
 * The Shopify GraphQL Admin client (docs/house-style.md#2-one-client-per-remote-api: one client per remote, methods
 * named after the
 * operation, lists as async generators). Everything that differs between production, sandbox and tests is
 * injected; the constructor never reads process.env (style 4).
 */
import type { Dispatcher } from 'undici';
import { systemClock, type Clock } from '../core/clock.js';
import { DEFAULT_RETRY, HttpClient, createAgent, type HttpEvent, type RetryOptions } from '../core/http/client.js';
import { secrets as defaultSecrets, type SecretRegistry } from '../core/redact.js';
import type { RequestStats } from '../core/request-stats.js';
import { createTokenSource } from './auth.js';
import {
  findBulkImport,
  pollBulkImport,
  readBulkImportResults,
  startBulkImport,
  waitForBulkImport,
  type BulkImportApi,
} from './bulk/import.js';
import { DEFAULT_BULK_POLLING, type BulkPolling } from './bulk/operation.js';
import { stageUpload, uploadStaged } from './bulk/upload.js';
import {
  DEFAULT_BULK_THRESHOLD,
  getInventoryLevels,
  listProducts,
  type BulkReading,
  type ListProductsOptions,
} from './catalog.js';
import { CostPacer, DEFAULT_MAX_IN_FLIGHT, type ThrottleEvent } from './cost-pacer.js';
import { GraphqlTransport } from './graphql.js';
import { inFlightFor, type ThrottleStatus } from './throttle.js';
import {
  activateInventory,
  metafieldsSet,
  setInventoryQuantities,
  type InventoryActivateResult,
  type MetafieldsSetResult,
  type SetQuantitiesOptions,
} from './inventory.js';
import {
  createFulfillment,
  getOrderFulfilment,
  type FulfillmentCreateResult,
  type FulfillmentInput,
  type ShopifyOrderFulfilment,
} from './fulfillments.js';
import { Locations, PublicApiVersions, ShopInfo } from './operations/index.js';
import { listOrders, type ListOrdersOptions } from './orders.js';
import { LOCATIONS_FIRST } from './page-size.js';
import { paginate } from './paginate.js';
import { predictProductSetCost, productSet, setProductStatus } from './product-write.js';
import { readRunContext, type ShopifyRunContext } from './run-context.js';
import { normalizeShopifyStore } from './store-url.js';
import {
  deleteWebhookSubscription,
  listWebhookSubscriptions,
  registerWebhooks,
  type RegisterResult,
  type WebhookSubscription,
} from './webhooks.js';
import type * as T from './types.js';

export type { BulkImportApi } from './bulk/import.js';

/** Default Admin API version (docs/house-style.md#shopify-through-graphql-only; docs/shopify-api.md#api-versions). */
export const DEFAULT_API_VERSION = '2026-10';

export interface ShopifyClientOptions {
  /** "mystore", "mystore.myshopify.com", an https URL, or a loopback URL (the sandbox). */
  store: string;
  auth: T.ShopifyAuth;
  apiVersion?: string;
  dispatcher?: Dispatcher;
  clock?: Clock;
  stats?: RequestStats;
  retry?: Partial<RetryOptions>;
  timeoutMs?: number;
  /** GraphQL requests in flight at once (default DEFAULT_MAX_IN_FLIGHT); the cost bucket paces them. */
  maxConcurrent?: number;
  onEvent?: (event: HttpEvent) => void;
  onRetry?: (info: { delayMs: number; reason: string; operation: string }) => void;
  onThrottle?: (event: ThrottleEvent) => void;
  secrets?: SecretRegistry;
  /** listProducts reads by bulk export above this many products (default 250; 0: always). */
  bulkThreshold?: number;
  /** Polling of bulk operations: first wait, longest wait, give-up time. */
  bulkPolling?: Partial<BulkPolling>;
}

export interface ShopifyClient {
  readonly baseUrl: string;
  readonly apiVersion: string;
  /** Requests the client keeps in flight at most: how many independent writes a caller may overlap. */
  readonly maxInFlight?: number;
  /** ShopInfo: name, myshopify domain, currency, time zone. */
  getShop(): Promise<T.ShopifyShop>;
  /** PublicApiVersions: to warn when the pinned version is no longer supported. */
  getPublicApiVersions(): Promise<Array<{ handle: string; supported: boolean }>>;
  /** Locations: every active location, all pages. */
  listLocations(): Promise<T.ShopifyLocation[]>;
  /**
   * RunContext: the shop, its active locations and the catalog counts in one request, for a products run (pass
   * `catalogSize` to listProducts as `size`).
   */
  getRunContext(): Promise<ShopifyRunContext>;
  /**
   * Complete products, one page per yield. ProductsCount decides: up to the bulk threshold ProductsPage (+
   * ProductVariantsPage, InventoryLevelsByItems); above it two bulk exports (BulkCatalogProducts,
   * BulkCatalogLevels) downloaded from their signed URLs without the access token.
   */
  listProducts(options?: ListProductsOptions): AsyncGenerator<T.ShopifyProduct[]>;
  /** ProductSet: declarative upsert of one product; userErrors are returned, not thrown. */
  productSet(write: T.ProductWrite): Promise<T.ProductWriteResult>;
  /** ProductStatusUpdate: change only the status (publish a completed draft). */
  setProductStatus(id: string, status: 'ACTIVE' | 'DRAFT' | 'ARCHIVED' | 'UNLISTED'): Promise<T.ProductWriteResult>;
  /** MetafieldsSet: namespace sentos_sync, 25 per call; userErrors returned. */
  metafieldsSet(rows: T.MetafieldWrite[]): Promise<MetafieldsSetResult>;
  /** InventoryActivate: stock an item at a location (idempotent by key). */
  activateInventory(
    inventoryItemId: string,
    locationId: string,
    idempotencyKey: string,
  ): Promise<InventoryActivateResult>;
  /** InventorySetQuantities: absolute `available`, ≤ 250 rows; stale compare-and-set rows listed in `stale`. */
  setInventoryQuantities(rows: T.InventoryWrite[], options: SetQuantitiesOptions): Promise<T.InventoryWriteResult>;
  /** InventoryLevelsByItems: current `available` per active location, keyed by inventory item id. */
  getInventoryLevels(inventoryItemIds: string[]): Promise<Map<string, T.ShopifyInventoryLevel[]>>;
  /** OrdersPage (+ OrderLineItemsPage): orders by updatedAt ascending, one page per yield. */
  listOrders(query?: ListOrdersOptions): AsyncGenerator<T.ShopifyOrder[]>;
  /** OrderFulfillmentOrders: fulfilments with tracking and fulfilment orders with location and remaining lines. */
  getOrderFulfilment(orderId: string): Promise<ShopifyOrderFulfilment | undefined>;
  /** FulfillmentCreate: not idempotent (a lost answer throws OutcomeUnknownError); userErrors returned. */
  createFulfillment(input: FulfillmentInput): Promise<FulfillmentCreateResult>;
  /** WebhookSubscriptions: every subscription of this app, all pages. */
  listWebhookSubscriptions(): Promise<WebhookSubscription[]>;
  /** WebhookSubscriptionCreate per topic not yet subscribed at `uri` (idempotent). */
  registerWebhooks(uri: string, topics: readonly string[]): Promise<RegisterResult>;
  /** WebhookSubscriptionDelete; userErrors returned. */
  deleteWebhookSubscription(id: string): Promise<{ ok: boolean; userErrors: Array<{ message: string }> }>;
  /**
   * The shop's cost bucket as last reported (restored to now, less what is in flight); undefined before any answer.
   * Absent in test doubles.
   */
  costBucket?(): ThrottleStatus | undefined;
  /** The client's own prediction of productSet's requested cost for this write (operations/predict-cost.ts). */
  predictProductSetCost?(write: T.ProductWrite): number;
  /** Requests of `cost` points worth overlapping: what the full bucket pays for at once, at most maxInFlight. */
  inFlightFor?(cost: number): number;
  /** Bulk import of product writes (absent in test doubles: the products run then writes per call). */
  bulkImport?: BulkImportApi;
}

export function createShopifyClient(options: ShopifyClientOptions): ShopifyClient {
  const { baseUrl } = normalizeShopifyStore(options.store);
  const apiVersion = options.apiVersion ?? DEFAULT_API_VERSION;
  const clock = options.clock ?? systemClock;
  const secrets = options.secrets ?? defaultSecrets;
  const pacer = new CostPacer({
    clock,
    stats: options.stats,
    maxConcurrent: options.maxConcurrent,
    onThrottle: options.onThrottle,
  });
  const shared = {
    service: 'shopify' as const,
    baseUrl,
    dispatcher: options.dispatcher ?? createAgent(options.timeoutMs),
    timeoutMs: options.timeoutMs,
    retry: options.retry,
    clock,
    stats: options.stats,
    secrets,
    onEvent: options.onEvent,
    onRetry: options.onRetry,
  };
  // GraphQL goes by undici's request: a first sync sends thousands with hundreds in flight, and fetch's web streams
  // cost ~5× the CPU per request (core/http/client.ts).
  const http = new HttpClient({
    ...shared,
    schedule: pacer.schedule,
    bodyRetrySignal: pacer.bodyRetrySignal,
    transport: 'dispatcher',
  });
  // The token endpoint is not GraphQL: no cost bucket for it.
  const tokens = createTokenSource(options.auth, { http: new HttpClient(shared), clock, secrets });
  const gql = new GraphqlTransport({ http, tokens, apiVersion, secrets });
  const bulk: BulkReading = {
    threshold: options.bulkThreshold ?? DEFAULT_BULK_THRESHOLD,
    deps: {
      gql,
      clock,
      secrets,
      dispatcher: shared.dispatcher,
      stats: options.stats,
      onEvent: options.onEvent,
      retry: { ...DEFAULT_RETRY, ...options.retry },
      polling: { ...DEFAULT_BULK_POLLING, ...options.bulkPolling },
    },
  };

  return {
    baseUrl,
    apiVersion,
    maxInFlight: options.maxConcurrent ?? DEFAULT_MAX_IN_FLIGHT,
    getShop: async () => (await gql.execute(ShopInfo, {})).data.shop,
    getPublicApiVersions: async () => (await gql.execute(PublicApiVersions, {})).data.publicApiVersions,
    listLocations: () => collectLocations(gql),
    getRunContext: () => readRunContext(gql),
    listProducts: (listOptions) => listProducts(gql, listOptions, bulk),
    costBucket: () => pacer.bucket(),
    inFlightFor: (cost) => inFlightFor(pacer.bucket(), cost, options.maxConcurrent ?? DEFAULT_MAX_IN_FLIGHT),
    predictProductSetCost: (write) => predictProductSetCost(write),
    productSet: (write) => productSet(gql, write),
    setProductStatus: (id, status) => setProductStatus(gql, id, status),
    metafieldsSet: (rows) => metafieldsSet(gql, rows),
    activateInventory: (itemId, locationId, key) => activateInventory(gql, itemId, locationId, key),
    setInventoryQuantities: (rows, setOptions) => setInventoryQuantities(gql, rows, setOptions),
    getInventoryLevels: (ids) => getInventoryLevels(gql, ids),
    listOrders: (query) => listOrders(gql, query),
    getOrderFulfilment: (orderId) => getOrderFulfilment(gql, orderId),
    createFulfillment: (input) => createFulfillment(gql, input),
    listWebhookSubscriptions: () => listWebhookSubscriptions(gql),
    registerWebhooks: (uri, topics) => registerWebhooks(gql, uri, topics),
    deleteWebhookSubscription: (id) => deleteWebhookSubscription(gql, id),
    bulkImport: {
      stage: (filename, bytes) => stageUpload(bulk.deps, filename, bytes),
      upload: (target, filename, body, signal) => uploadStaged(bulk.deps, target, filename, body, signal),
      start: (start, signal) => startBulkImport(bulk.deps, start, signal),
      poll: (id) => pollBulkImport(bulk.deps, id),
      wait: (id, onProgress, signal, total) => waitForBulkImport(bulk.deps, id, onProgress, signal, total),
      find: (marker, sinceIso) => findBulkImport(bulk.deps, marker, sinceIso),
      results: (id, url, fileSize, signal) => readBulkImportResults(bulk.deps, id, url, fileSize, signal),
    },
  };
}

async function collectLocations(gql: GraphqlTransport): Promise<T.ShopifyLocation[]> {
  const locations: T.ShopifyLocation[] = [];
  const pages = paginate(
    async ({ first, after }) => {
      const { data, requestedCost } = await gql.execute(Locations, { first, after });
      return { items: data.locations.nodes, pageInfo: data.locations.pageInfo, requestedCost };
    },
    { first: LOCATIONS_FIRST, adaptive: false },
  );
  for await (const page of pages) locations.push(...page);
  return locations;
}
