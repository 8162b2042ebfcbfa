import type { ResolvedConfig } from '../config/resolve.js';
import type { SentosClient } from '../sentos/client.js';
import type { ShopifyClient } from '../shopify/client.js';
import { pendingQuantities } from '../sync/orders/index.js';
import { buildReport, type RunReport } from '../sync/report.js';
import { runOrders, type OrdersRunOptions, type OrdersRunResult } from '../sync/run/orders.js';
import { runProducts } from '../sync/run/products.js';
import { knownSkusOf, type SentosSnapshot } from '../sync/run/sentos-snapshot.js';
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
}

export interface ProductsOptions {
  dryRun: boolean;
  force: boolean;
  limit?: number;
  skus?: string[];
}

export async function productsPhase(deps: PhaseDeps, snapshot: SentosSnapshot, options: ProductsOptions, pendingBySku?: Map<string, Map<string, number>>): Promise<RunReport> {
  const { runtime, ctx } = deps;
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
  return buildReport({ command: 'products', runId: ctx.runId, dryRun: options.dryRun, startedAtMs: ctx.startedAtMs, nowMs: runtime.clock.now(), items: result.items, interrupted: result.interrupted, warnings: result.warnings, stats: runtime.stats.snapshot() });
}

export async function ordersPhase(deps: PhaseDeps, snapshot: SentosSnapshot, options: OrdersRunOptions): Promise<{ report: RunReport; result: OrdersRunResult }> {
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
  const report = buildReport({ command: 'orders', runId: ctx.runId, dryRun: options.dryRun, startedAtMs: ctx.startedAtMs, nowMs: runtime.clock.now(), items: result.items, interrupted: result.interrupted, warnings: result.warnings, stats: runtime.stats.snapshot() });
  return { report, result };
}

/**
 * Units sold on Shopify that Sentos had not received when its stock was read (issue 6 §2): orders not pushed,
 * failed to push, or pushed after the read. Shopify orders do not say which location sold them, so the hold
 * is applied at every location that stocks the SKU: it can hold back too much for a while, never too little.
 */
export function pendingBySku(deps: PhaseDeps, orders: OrdersRunResult['orders'], snapshot: SentosSnapshot): Map<string, Map<string, number>> {
  const { ledger } = orderState(deps.runtime);
  const sentAt = new Map(ledger.all().map((e) => [e.shopifyId, { sentAtMs: e.sentAtMs }]));
  const totals = pendingQuantities(orders, sentAt, snapshot.readAtMs);
  const everywhere = new Map<string, Map<string, number>>();
  for (const [sku, quantity] of totals) everywhere.set(sku, new Map([['*', quantity]]));
  return everywhere;
}
