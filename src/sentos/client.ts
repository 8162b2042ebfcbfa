import type { Dispatcher } from 'undici';
import type { Clock } from '../core/clock.js';
import { HttpClient, type HttpClientOptions, type HttpEvent, type RetryOptions } from '../core/http/client.js';
import { secrets as defaultSecrets, type SecretRegistry } from '../core/redact.js';
import type { RequestStats } from '../core/request-stats.js';
import { normalizeSentosBaseUrl } from './base-url.js';
import { createSentosScheduler, type SentosLimits, type SentosWait } from './limits.js';
import { createOrder, findOrders, listOrdersCreatedSince, updateOrder } from './orders.js';
import { getProduct, listProducts, type ListProductsOptions, type SentosProductPage } from './products.js';
import { listCategories, listSalesChannels, listWarehouses } from './reference-lists.js';
import { SentosTransport } from './transport.js';
import type {
  SentosAuthMethod,
  SentosCategory,
  SentosOrder,
  SentosOrderPayload,
  SentosOrderQuery,
  SentosOrderUpdatePayload,
  SentosProduct,
  SentosSalesChannel,
  SentosWarehouse,
} from './types.js';

export interface SentosClientOptions {
  /** A firm name, panel URL or API URL; normalised with normalizeSentosBaseUrl. */
  baseUrl: string;
  apiKey: string;
  apiSecret: string;
  /** 'auto' (default) detects the method on the first call; persist `client.authMethod` to skip that. */
  authMethod?: SentosAuthMethod | 'auto';
  dispatcher?: Dispatcher;
  clock?: Clock;
  stats?: RequestStats;
  retry?: Partial<RetryOptions>;
  limits?: Partial<SentosLimits>;
  timeoutMs?: number;
  /** Jitter source for retry backoff; injected by tests for determinism. */
  random?: () => number;
  onEvent?: (event: HttpEvent) => void;
  onRetry?: HttpClientOptions['onRetry'];
  /** A request will wait noticeably for a Sentos limit (e.g. "waiting 41s for Sentos's 12 POST/min limit"). */
  onWait?: (wait: SentosWait) => void;
  /** Where the key and secret are registered for scrubbing; the process-wide registry by default. */
  secrets?: SecretRegistry;
}

/**
 * One client for the Sentos REST API (docs/house-style.md#2-one-client-per-remote-api): methods named after the
 * operation.
 */
export interface SentosClient {
  /** The auth method in use: configured, or found by detection; undefined until detection ran. */
  readonly authMethod: SentosAuthMethod | undefined;
  /** Probes basic, headers, bearer, token (in that order) and keeps the first that is not refused. */
  detectAuth(): Promise<SentosAuthMethod>;
  /** GET /products, page by page from 1; invalid products are reported per page, never thrown. */
  listProducts(options?: ListProductsOptions): AsyncGenerator<SentosProductPage>;
  /** GET /products/{id}; undefined when Sentos answers 404. */
  getProduct(id: string): Promise<SentosProduct | undefined>;
  /** GET /warehouses. */
  listWarehouses(): Promise<SentosWarehouse[]>;
  /** GET /categories, the tree flattened parents-first with parentId. */
  listCategories(): Promise<SentosCategory[]>;
  /** GET /sales-channels (the ids POST /orders takes as channel_id). */
  listSalesChannels(): Promise<SentosSalesChannel[]>;
  /** GET /orders filtered by order_id / order_code / updated window, all pages. Ids come back as strings. */
  findOrders(query: SentosOrderQuery): Promise<SentosOrder[]>;
  /**
   * GET /orders created since a Turkey-time timestamp, at most `maxPages` pages; `complete` false when more were
   * left unread.
   */
  listOrdersCreatedSince(createdStart: string, maxPages: number): Promise<{ orders: SentosOrder[]; complete: boolean }>;
  /** POST /orders. Never resent blindly: an unknown outcome throws OutcomeUnknownError. */
  createOrder(payload: SentosOrderPayload): Promise<SentosOrder>;
  /** PUT /orders/{id} (status, tracking); safe to repeat. */
  updateOrder(id: string, payload: SentosOrderUpdatePayload): Promise<void>;
}

/** Builds a client. Reads nothing from the environment (house style 4): everything comes in `options`. */
export function createSentosClient(options: SentosClientOptions): SentosClient {
  const secrets = options.secrets ?? defaultSecrets;
  // Registered before the first request, so no error or event can carry them (key, secret, base64 form).
  secrets.addBasic(options.apiKey, options.apiSecret);
  const scheduler = createSentosScheduler({ limits: options.limits, clock: options.clock, onWait: options.onWait });
  const http = new HttpClient({
    service: 'sentos',
    baseUrl: normalizeSentosBaseUrl(options.baseUrl),
    dispatcher: options.dispatcher,
    timeoutMs: options.timeoutMs,
    retry: options.retry,
    clock: options.clock,
    random: options.random,
    stats: options.stats,
    secrets,
    schedule: (request, task) => scheduler.schedule(request, task),
    onEvent: options.onEvent,
    onRetry: options.onRetry,
  });
  const transport = new SentosTransport({
    http,
    apiKey: options.apiKey,
    apiSecret: options.apiSecret,
    authMethod: options.authMethod ?? 'auto',
    secrets,
  });
  return {
    get authMethod() {
      return transport.authMethod;
    },
    detectAuth: () => transport.detect(),
    listProducts: (listOptions) => listProducts(transport, listOptions),
    getProduct: (id) => getProduct(transport, id),
    listWarehouses: () => listWarehouses(transport),
    listCategories: () => listCategories(transport),
    listSalesChannels: () => listSalesChannels(transport),
    findOrders: (query) => findOrders(transport, query),
    listOrdersCreatedSince: (start, maxPages) => listOrdersCreatedSince(transport, start, maxPages),
    createOrder: (payload) => createOrder(transport, payload),
    updateOrder: (id, payload) => updateOrder(transport, id, payload),
  };
}
