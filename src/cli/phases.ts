import type { ResolvedConfig } from '../config/resolve.js';
import { statsSince } from '../core/http/stats.js';
import type { SentosClient } from '../sentos/client.js';
import type { ShopifyClient } from '../shopify/client.js';
import type { ShopifyOrder } from '../shopify/types.js';
import { DEFAULT_STOCK_TAKING_STATUSES, pendingQuantities, type SentRecord } from '../sync/orders/index.js';
import { buildReport, type RunReport } from '../sync/report.js';
import { CHECKPOINT_OVERLAP_MS, runOrders, type OrdersRunOptions, type OrdersRunResult } from '../sync/run/orders.js';
import { runProducts } from '../sync/run/products.js';
import { knownSkusOf, type SentosSnapshot } from '../sync/run/sentos-snapshot.js';
import type { LedgerEntry, OrderLedger } from '../sync/state/order-ledger.js';
import type { JobContext } from './job.js';
import type { Runtime } from './runtime.js';
import { orderSettingsFrom, productSettingsFrom } from './services.js';
import { orderState, productState } from './state-files.js';

/** The two phases as the commands run them: runtime and config in, a RunReport out. */
export interface PhaseDeps {
  runtime: Runtime;
  config: ResolvedConfig;
  sentos: SentosClient;
  shopify: ShopifyClient;
  ctx: JobContext;
  /** Request counts when this phase started (set by `sync` for its second phase). */
  statsBefore?: ReturnType<Runtime['stats']['snapshot']>;
}

export interface ProductsOptions {
  dryRun: boolean;
  force: boolean;
  limit?: number;
  skus?: string[];
}

export async function productsPhase(
  deps: PhaseDeps,
  snapshot: SentosSnapshot,
  options: ProductsOptions,
  pendingBySku?: () => Promise<PendingBySku>,
): Promise<RunReport> {
  const { runtime, ctx } = deps;
  // In `sync` the orders phase ran first: this report counts only what this phase sent.
  const before = deps.statsBefore;
  const state = productState(runtime);
  const result = await runProducts({
    sentosSnapshot: snapshot,
    shopify: deps.shopify,
    settings: productSettingsFrom(deps.config),
    links: state.links,
    pendingActivation: state.pendingActivation,
    pendingBySku,
    runId: ctx.runId,
    clock: runtime.clock,
    signal: runtime.signal,
    onEvent: ctx.sink,
    options,
  });
  return buildReport({
    command: 'products',
    runId: ctx.runId,
    dryRun: options.dryRun,
    startedAtMs: ctx.startedAtMs,
    nowMs: runtime.clock.now(),
    items: result.items,
    interrupted: result.interrupted,
    warnings: result.warnings,
    stats: statsSince(runtime.stats.snapshot(), before),
  });
}

export async function ordersPhase(
  deps: PhaseDeps,
  snapshot: SentosSnapshot,
  options: OrdersRunOptions,
): Promise<{ report: RunReport; result: OrdersRunResult }> {
  const { runtime, ctx } = deps;
  const state = orderState(runtime);
  const result = await runOrders({
    sentos: deps.sentos,
    shopify: deps.shopify,
    settings: orderSettingsFrom(deps.config),
    ledger: state.ledger,
    checkpoint: state.checkpoint,
    knownSkus: knownSkusOf(snapshot),
    clock: runtime.clock,
    signal: runtime.signal,
    onEvent: ctx.sink,
    options,
  });
  const report = buildReport({
    command: 'orders',
    runId: ctx.runId,
    dryRun: options.dryRun,
    startedAtMs: ctx.startedAtMs,
    nowMs: runtime.clock.now(),
    items: result.items,
    interrupted: result.interrupted,
    warnings: result.warnings,
    stats: runtime.stats.snapshot(),
  });
  return { report, result };
}

/** sku → location id ('*' = every location) → units to hold back. */
export type PendingBySku = Map<string, Map<string, number>>;

/** The orders window `sync` reads when there is no checkpoint (same default as the orders phase). */
const DEFAULT_LOOKBACK_MS = 7 * 24 * 60 * 60_000;
const IDS_PER_READ = 50;

/** Where the pending read starts: the orders checkpoint as it was BEFORE this run (minus the overlap). */
export function pendingWindowStart(runtime: Runtime): string {
  const saved = orderState(runtime).checkpoint.load();
  const startMs = saved
    ? Date.parse(saved.updatedAt) - CHECKPOINT_OVERLAP_MS
    : runtime.clock.now() - DEFAULT_LOOKBACK_MS;
  return new Date(startMs).toISOString();
}

/**
 * Units sold on Shopify that Sentos's stock as read does not include (issue 6 §2), as a reader the products
 * phase calls AFTER it has read Shopify's levels. Reading the orders after the levels closes the window
 * between the orders phase and the level read: a sale placed there is in the levels but would be in no
 * order list, and `available := Sentos − pending` would put it back on sale. A sale placed after the level
 * read is caught by compare-and-set at the write (and, if it is also in this read, held back twice for one
 * run: the safe side). The read is the whole orders window (not the orders phase's selection, which
 * --order/--status/--limit narrow) plus orders the ledger says failed or wait in a status that takes no stock.
 *
 * Shopify orders do not say which Sentos warehouse will book them (orders.warehouseId or Sentos's default),
 * so the hold is applied at every location that stocks the SKU ('*'): too much for a run, never too little.
 */
export function pendingReader(
  deps: PhaseDeps,
  snapshot: SentosSnapshot,
  windowStart: string,
  ordersRun?: OrdersRunResult,
): () => Promise<PendingBySku> {
  return async () => {
    const { ledger } = orderState(deps.runtime);
    const orders = await readPendingOrders(deps, windowStart, ledger, ordersRun);
    const options = { includeTestOrders: orderSettingsFrom(deps.config).includeTestOrders };
    const totals = pendingQuantities(
      [...orders.values()],
      sentRecords(ledger.all(), ordersRun, orders, snapshot.readAtMs),
      snapshot.readAtMs,
      options,
    );
    return new Map([...totals].map(([sku, quantity]) => [sku, new Map([['*', quantity]])]));
  };
}

/** The orders phase's list, the window read again now, and the ledger's failed or waiting orders; newest copy wins. */
async function readPendingOrders(
  deps: PhaseDeps,
  windowStart: string,
  ledger: OrderLedger,
  ordersRun?: OrdersRunResult,
): Promise<Map<string, ShopifyOrder>> {
  const orders = new Map<string, ShopifyOrder>();
  const add = (order: ShopifyOrder) => {
    const known = orders.get(order.id);
    if (!known || known.updatedAt <= order.updatedAt) orders.set(order.id, order);
  };
  ordersRun?.orders.forEach(add);
  await readWindow(deps, windowStart, add);
  const seen = new Set([...orders.values()].map((o) => o.legacyId));
  const waiting = ledger
    .all()
    .filter((e) => !DEFAULT_STOCK_TAKING_STATUSES.includes(e.status) && e.status !== SENTOS_CANCELLED)
    .map((e) => e.shopifyId);
  const missing = [...new Set([...ledger.pendingFailures().map((f) => f.shopifyId), ...waiting])].filter(
    (id) => !seen.has(id),
  );
  for (let i = 0; i < missing.length; i += IDS_PER_READ) {
    for await (const page of deps.shopify.listOrders({ ids: missing.slice(i, i + IDS_PER_READ) })) page.forEach(add);
  }
  return orders;
}

const SENTOS_CANCELLED = 6;
/** Orders updated this long after the read began are past what the levels saw (and clocks may differ). */
const CHASE_MARGIN_MS = 60_000;

/**
 * The window, oldest change first. On a busy store new orders keep arriving at the end of the list; a sale made
 * after the levels were read is the compare-and-set's job, so the read stops instead of chasing them forever.
 */
async function readWindow(deps: PhaseDeps, windowStart: string, add: (order: ShopifyOrder) => void): Promise<void> {
  const stopAtMs = deps.runtime.clock.now() + CHASE_MARGIN_MS;
  for await (const page of deps.shopify.listOrders({ updatedAfter: windowStart })) {
    page.forEach(add);
    if (page.some((order) => Date.parse(order.updatedAt) > stopAtMs)) return;
  }
}

/**
 * The ledger's view, except that an order pushed in THIS run counts as received after the read whatever its
 * first-sent time: `sync` reads Sentos before it pushes, so a status change made now (1 → 2 takes stock) is
 * not in the numbers it read.
 */
function sentRecords(
  entries: LedgerEntry[],
  ordersRun: OrdersRunResult | undefined,
  orders: Map<string, ShopifyOrder>,
  readAtMs: number,
): Map<string, SentRecord> {
  const records = new Map(entries.map((e) => [e.shopifyId, { sentAtMs: e.sentAtMs, status: e.status }]));
  const byName = new Map([...orders.values()].map((o) => [o.name, o.legacyId]));
  for (const item of ordersRun?.items ?? []) {
    const id = byName.get(item.key);
    const record = id === undefined ? undefined : records.get(id);
    if (record && item.status === 'done') record.sentAtMs = Math.max(record.sentAtMs, readAtMs);
  }
  return records;
}
