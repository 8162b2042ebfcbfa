import type { ResolvedConfig } from '../config/resolve.js';
import { statsSince } from '../core/request-stats.js';
import type { SentosClient } from '../sentos/client.js';
import type { ShopifyClient } from '../shopify/client.js';
import type { ShopifyRunContext } from '../shopify/run-context.js';
import { buildReport, type RunReport } from '../sync/report.js';
import { runFulfilments } from '../sync/run/fulfilments.js';
import { lineLocations, type LineLocations } from '../sync/run/line-locations.js';
import { orderWindowStart } from '../sync/run/order-window.js';
import { runOrders, type OrdersRunOptions, type OrdersRunResult } from '../sync/run/orders.js';
import { pendingHoldReader } from '../sync/run/pending-hold.js';
import { runProducts } from '../sync/run/products.js';
import { knownSkusOf, type SentosSnapshot } from '../sync/run/sentos-snapshot.js';
import { skuResolver } from '../sync/run/sku-resolver.js';
import type { JobContext } from './job.js';
import type { Runtime } from './runtime.js';
import { orderSettingsFrom, productSettingsFrom } from './services.js';
import { orderState, productState, skuIndex } from './state-files.js';

/** One reader per run (its job context), so `sync`'s two phases share the fulfilment-order reads. */
const readers = new WeakMap<JobContext, LineLocations>();

function lineLocationsOf(deps: PhaseDeps, snapshot?: SentosSnapshot): LineLocations {
  const known = readers.get(deps.ctx);
  if (known) return known;
  const { products, orders } = deps.config.settings;
  const reader = lineLocations({
    shopify: deps.shopify,
    sentos: deps.sentos,
    warehouseMap: products.warehouseMap,
    ...(orders.warehouseId !== undefined ? { preferredWarehouseId: orders.warehouseId } : {}),
    ...(snapshot ? { warehouses: snapshot.warehouses } : {}),
    cache: orderState(deps.runtime).lineLocations,
    signal: deps.runtime.signal,
  });
  readers.set(deps.ctx, reader);
  return reader;
}

/** The two phases as the commands run them: runtime and config in, a RunReport out. */
export interface PhaseDeps {
  runtime: Runtime;
  config: ResolvedConfig;
  sentos: SentosClient;
  shopify: ShopifyClient;
  ctx: JobContext;
  /** The shop, locations and counts read before the Sentos catalog (RunContext): the products phase reuses them. */
  shopifyContext?: ShopifyRunContext;
  /** Request counts when this phase started (set by `sync` for its second phase). */
  statsBefore?: ReturnType<Runtime['stats']['snapshot']>;
}

export interface ProductsOptions {
  dryRun: boolean;
  force: boolean;
  limit?: number;
  skus?: string[];
  /** Nothing reads the snapshot's products after this phase plans: let them go (runProducts). */
  releaseSentosProducts?: boolean;
}

/** What `sync` adds to the products phase's hold: the orders window re-read and its orders phase's result. */
export interface SyncHold {
  windowStart: string;
  ordersRun?: OrdersRunResult;
}

export async function productsPhase(
  deps: PhaseDeps,
  snapshot: SentosSnapshot,
  options: ProductsOptions,
  syncHold?: SyncHold,
): Promise<RunReport> {
  const { runtime, ctx } = deps;
  // In `sync` the orders phase ran first: this report counts only what this phase sent, and only its own time.
  const before = deps.statsBefore;
  const startedAtMs = before ? runtime.clock.now() : ctx.startedAtMs;
  const state = productState(runtime);
  const result = await runProducts({
    sentosSnapshot: snapshot,
    shopify: deps.shopify,
    shopifyContext: deps.shopifyContext,
    settings: productSettingsFrom(deps.config),
    links: state.links,
    pendingActivation: state.pendingActivation,
    bulkJournal: state.bulkJournal,
    // Every products run holds back what the ledger knows Sentos has not received; `sync` also re-reads its window.
    pendingBySku: pendingHoldReader({
      shopify: deps.shopify,
      ledger: orderState(runtime).ledger,
      clock: runtime.clock,
      includeTestOrders: orderSettingsFrom(deps.config).includeTestOrders,
      sentosReadAtMs: snapshot.readAtMs,
      ...syncHold,
      lineLocations: (orders) => lineLocationsOf(deps, snapshot).locationsOf(orders),
    }),
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
    startedAtMs,
    nowMs: runtime.clock.now(),
    items: result.items,
    interrupted: result.interrupted,
    warnings: result.warnings,
    stats: statsSince(runtime.stats.snapshot(), before),
    locations: result.locations,
    ...(result.bulk && { bulk: result.bulk }),
  });
}

/**
 * `snapshot`: `sync` read the catalog already, its SKUs serve. Without one (`orders` alone) only the SKUs of
 * the orders being pushed are resolved, from the index the last catalog read left (sku-resolver.ts).
 */
export async function ordersPhase(
  deps: PhaseDeps,
  snapshot: SentosSnapshot | undefined,
  options: OrdersRunOptions,
): Promise<{ report: RunReport; result: OrdersRunResult }> {
  const { runtime, ctx } = deps;
  const state = orderState(runtime);
  const skus = snapshot
    ? { knownSkus: knownSkusOf(snapshot) }
    : {
        resolveSkus: skuResolver({
          sentos: deps.sentos,
          index: skuIndex(runtime),
          now: () => runtime.clock.now(),
          onEvent: ctx.sink,
          signal: runtime.signal,
        }),
      };
  const result = await runOrders({
    sentos: deps.sentos,
    shopify: deps.shopify,
    settings: orderSettingsFrom(deps.config),
    ledger: state.ledger,
    checkpoint: state.checkpoint,
    ...skus,
    lineWarehouses: (orders) => lineLocationsOf(deps, snapshot).warehousesOf(orders),
    clock: runtime.clock,
    signal: runtime.signal,
    onEvent: ctx.sink,
    options,
  });
  // Shipments back from Sentos, on window runs only: a webhook batch (--order) does not list Sentos again.
  if (!options.orders?.length && !result.interrupted) {
    const shipped = await runFulfilments({
      sentos: deps.sentos,
      shopify: deps.shopify,
      ledger: state.ledger,
      journal: state.fulfilments,
      notifyCustomer: deps.config.settings.orders.notifyCustomer,
      clock: runtime.clock,
      signal: runtime.signal,
      dryRun: options.dryRun,
      ...(options.settleMs !== undefined ? { settleMs: options.settleMs } : {}),
    });
    result.items.push(...shipped.items);
    result.warnings.push(...shipped.warnings);
  }
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

/** Where `sync`'s hold read starts: the orders checkpoint as it was BEFORE this run (minus the overlap). */
export function pendingWindowStart(runtime: Runtime): string {
  return orderWindowStart(orderState(runtime).checkpoint.load(), runtime.clock.now());
}
