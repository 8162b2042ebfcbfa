import path from 'node:path';
import type { ResolvedConfig } from '../config/resolve.js';
import { hasUserinfo } from '../config/schema.js';
import { readJsonFile, writeFileAtomic } from '../core/files.js';
import { SENTOS_AUTH_METHODS, type SentosAuthMethod } from '../sentos/types.js';
import { sentosConnection, shopifyConnection } from '../config/resolve.js';
import { UsageError } from '../core/errors.js';
import { createSentosClient, type SentosClient } from '../sentos/client.js';
import { createShopifyClient, type ShopifyClient } from '../shopify/client.js';
import type { EventSink } from '../sync/events.js';
import { orderSettings, type OrderSyncSettings } from '../sync/orders/index.js';
import {
  DEFAULT_OWNED_FIELDS,
  productSettings,
  type OwnedFields,
  type ProductSyncSettings,
} from '../sync/products/index.js';
import type { Runtime } from './runtime.js';

/**
 * Builds the clients and settings from the resolved config: the one place where configuration meets the
 * injectable constructors (clients never read process.env themselves).
 */
export function sentosClientFor(
  runtime: Runtime,
  config: ResolvedConfig,
  sink: EventSink,
  options: { detectFresh?: boolean } = {},
): SentosClient {
  const connection = sentosConnection(config);
  const remembered = options.detectFresh ? undefined : rememberedAuth(runtime, connection.apiUrl);
  return createSentosClient({
    baseUrl: connection.apiUrl,
    apiKey: connection.apiKey,
    apiSecret: connection.apiSecret,
    authMethod: connection.authMethod === 'auto' ? (remembered ?? 'auto') : connection.authMethod,
    clock: runtime.clock,
    stats: runtime.stats,
    retry: retryOverride(runtime.env),
    limits: {
      postsPerWindow: config.settings.sentos.postsPerMinute,
      sameGetPerWindow: config.settings.sentos.sameGetPerMinute,
      ...windowOverride(runtime.env),
    },
    onEvent: (e) =>
      runtime.output.debug(
        `sentos ${e.method} ${e.url} → ${e.status} ${e.durationMs}ms${e.requestId ? ` [${e.requestId}]` : ''}`,
      ),
    onRetry: (r) => runtime.output.debug(`sentos retry ${r.operation} in ${r.delayMs}ms (${r.reason})`),
    onWait: (w) => sink({ type: 'waiting', service: 'sentos', waitMs: w.waitMs, reason: w.reason }),
  });
}

export function shopifyClientFor(runtime: Runtime, config: ResolvedConfig, sink: EventSink): ShopifyClient {
  const connection = shopifyConnection(config);
  return createShopifyClient({
    store: connection.store,
    auth: connection.auth,
    apiVersion: connection.apiVersion,
    maxConcurrent: config.settings.shopify.maxInFlight,
    retry: retryOverride(runtime.env),
    bulkPolling: bulkPollOverride(runtime.env),
    clock: runtime.clock,
    stats: runtime.stats,
    onEvent: (e) =>
      runtime.output.debug(
        `shopify ${e.method} ${e.url} → ${e.status} ${e.durationMs}ms${e.requestId ? ` [${e.requestId}]` : ''}`,
      ),
    onRetry: (r) => runtime.output.debug(`shopify retry ${r.operation} in ${r.delayMs}ms (${r.reason})`),
    onThrottle: (t) =>
      sink({
        type: 'waiting',
        service: 'shopify',
        waitMs: t.waitMs,
        // People read the limit, not the GraphQL operation's name (--verbose shows that).
        reason: 'Shopify cost limit',
      }),
  });
}

/**
 * The auth method detection found, per API URL: saves up to four probes on every later run. test-connection
 * always detects afresh (and saves the result), so a tenant that changes its method is one command away.
 */
export function rememberAuth(runtime: Runtime, config: ResolvedConfig, client: SentosClient): void {
  const method = client.authMethod;
  if (!method || config.settings.sentos.authMethod !== 'auto') return;
  const file = path.join(runtime.paths.stateDir, 'sentos-auth.json');
  const apiUrl = authCacheKey(String(config.settings.sentos.apiUrl));
  const saved = cleanAuthCache(readJsonFile<Record<string, string>>(file) ?? {});
  if (saved.entries[apiUrl] === method && !saved.dropped) return;
  writeFileAtomic(file, `${JSON.stringify({ ...saved.entries, [apiUrl]: method })}\n`);
}

function rememberedAuth(runtime: Runtime, apiUrl: string): SentosAuthMethod | undefined {
  const saved = readJsonFile<Record<string, string>>(path.join(runtime.paths.stateDir, 'sentos-auth.json'));
  const method = saved?.[authCacheKey(apiUrl)];
  return SENTOS_AUTH_METHODS.includes(method as SentosAuthMethod) ? (method as SentosAuthMethod) : undefined;
}

/** The API URL as a cache key, never with credentials in it (the settings refuse them; older files had some). */
export function authCacheKey(apiUrl: string): string {
  return apiUrl.trim().replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^/?#]*@/i, '$1');
}

/** Drops keys an older version wrote with `user:password@` in them. */
function cleanAuthCache(saved: Record<string, string>): { entries: Record<string, string>; dropped: boolean } {
  const entries: Record<string, string> = {};
  for (const [key, value] of Object.entries(saved)) if (!hasUserinfo(key)) entries[key] = value;
  return { entries, dropped: Object.keys(entries).length !== Object.keys(saved).length };
}

/** SENTOS_SYNC_SENTOS_WINDOW_MS shortens Sentos's one-minute window; only the sandbox and tests set it. */
function windowOverride(env: NodeJS.ProcessEnv): { windowMs?: number } {
  const ms = envMs(env, 'SENTOS_SYNC_SENTOS_WINDOW_MS', 'the Sentos rate-limit window');
  return ms === undefined ? {} : { windowMs: ms };
}

/**
 * A numeric tuning variable, checked like `config set` checks a setting: a typo is an error naming the variable,
 * never silently the default (a cron running at a 1-minute window it was told was 1 second, or the reverse).
 */
export function envMs(env: NodeJS.ProcessEnv, name: string, what: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) <= 0)
    throw new UsageError(`Invalid ${name}: expected a whole number of milliseconds above 0.`, {
      hint: `${name} sets ${what}; unset it to use the default.`,
    });
  return Number(raw);
}

/**
 * SENTOS_SYNC_BULK_POLL_MS shortens the first wait before polling a bulk export (default 250 ms); only tests and the
 * demo set it, since the sandbox finishes an export at once at loopback speed and the polls would be most of a run.
 * The longest wait between polls shrinks with it (100 times the first, instead of 10 s): an import's next poll is
 * timed from the rate seen so far, and the sandbox, sharing the test's thread, shows a slow start that would
 * otherwise send the poll 10 s past the import's end.
 */
function bulkPollOverride(env: NodeJS.ProcessEnv): { initialDelayMs?: number; maxDelayMs?: number; estimate?: null } {
  const ms = envMs(env, 'SENTOS_SYNC_BULK_POLL_MS', 'the first wait before polling a bulk export');
  // No expected duration either: the polls then double from this first wait, as fast as the test asks.
  return ms === undefined ? {} : { initialDelayMs: ms, maxDelayMs: ms * 100, estimate: null };
}

/** SENTOS_SYNC_RETRY_BASE_MS shortens the retry backoff (default 1 s); only tests and benchmarks set it. */
export function retryOverride(env: NodeJS.ProcessEnv): { baseDelayMs?: number } {
  const ms = envMs(env, 'SENTOS_SYNC_RETRY_BASE_MS', 'the first retry backoff');
  return ms === undefined ? {} : { baseDelayMs: ms };
}

export function productSettingsFrom(config: ResolvedConfig): ProductSyncSettings {
  const p = config.settings.products;
  const owned: Partial<OwnedFields> = {};
  for (const field of p.notOwned) {
    if (!(field in DEFAULT_OWNED_FIELDS))
      throw new UsageError(`products.notOwned: unknown field "${field}".`, {
        hint: `Fields: ${Object.keys(DEFAULT_OWNED_FIELDS).join(', ')}`,
      });
    owned[field as keyof OwnedFields] = false;
  }
  if (p.stock === 'off') owned.stock = false; // catalog only: no stock row is planned or written
  return productSettings({
    priceList: p.priceList,
    newProductStatus: p.newStatus,
    warehouseMap: p.warehouseMap,
    matchByBarcode: p.matchByBarcode,
    tagsFromCategory: p.tagsFromCategory,
    allowVariantRemoval: p.allowVariantRemoval,
    bulkThreshold: p.bulkThreshold,
    bulkQuotaWaitS: p.bulkQuotaWait,
    owned,
    guard: { maxChangeShare: p.maxChangeShare, maxZeroStockShare: p.maxZeroStockShare },
  });
}

export function orderSettingsFrom(config: ResolvedConfig): OrderSyncSettings {
  const o = config.settings.orders;
  return orderSettings({
    ...(o.channelId !== undefined ? { channelId: o.channelId } : {}),
    ...(o.warehouseId !== undefined ? { warehouseId: o.warehouseId } : {}),
    unknownSkuPolicy: o.unknownSku,
    defaultPaymentMethod: o.defaultPaymentMethod,
    orderCodeFrom: o.orderCodeFrom,
    paymentMap: o.paymentMap,
    foreignCurrency: o.foreignCurrency,
    moneySource: config.settings.money.source,
  });
}
