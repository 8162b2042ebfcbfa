import type { Clock } from '../../core/clock.js';
import { collectGarbage } from '../../core/collect-garbage.js';
import { AuthError, CliError, ConfigError, ExitCode, errorMessage, throwIfAborted } from '../../core/errors.js';
import type { ShopifyClient } from '../../shopify/client.js';
import type { ShopifyRunContext } from '../../shopify/run-context.js';
import type { MetafieldWrite, ShopifyLocation, ShopifyProduct } from '../../shopify/types.js';
import type { EventSink } from '../events.js';
import {
  checkGuard,
  checkStockSetup,
  planProducts,
  type PlanItem,
  type ProductPlan,
  type ProductSyncSettings,
} from '../products/index.js';
import type { ReportItem } from '../report.js';
import type { BulkJournal } from '../state/bulk-journal.js';
import type { IdSet } from '../state/id-set.js';
import type { ProductLinks } from '../state/product-links.js';
import type { SentosSnapshot } from './sentos-snapshot.js';
import { invalidItem, planWarnings, reportItem, stockWarnings, unreadableItems } from './product-report.js';
import { applyBulkWrites, bulkWarnings, type BulkRunSummary } from './bulk-apply.js';
import { recoverBulkImports } from './bulk-recover.js';
import { runPool } from './pool.js';
import { writeStock } from './stock-writer.js';
import { splitWrites, writeLanes } from './write-path.js';

/**
 * `products`: read both sides completely → plan (pure) → show or apply exactly that plan → report.
 * `--dry-run` stops after the plan; the real run applies the same plan (docs/house-style.md#data-flows-one-way).
 */
export interface ProductsRunInput {
  sentosSnapshot: SentosSnapshot;
  shopify: ShopifyClient;
  /** Read before the Sentos catalog by the command (RunContext): its locations and counts are reused. */
  shopifyContext?: ShopifyRunContext;
  settings: ProductSyncSettings;
  links: ProductLinks;
  pendingActivation: IdSet;
  /** Bulk imports not yet read into state (docs/architecture.md#bulk-import); without it every write is per call. */
  bulkJournal?: BulkJournal;
  /**
   * sku → location id ('*' = every location) → units sold on Shopify that Sentos has not seen
   * (docs/architecture.md#no-oversell). A function is called after Shopify's levels are read, so no sale falls between
   * the two reads.
   */
  pendingBySku?: Map<string, Map<string, number>> | (() => Promise<Map<string, Map<string, number>>>);
  runId: string;
  clock: Clock;
  signal: AbortSignal;
  onEvent: EventSink;
  options: {
    dryRun: boolean;
    force: boolean;
    limit?: number;
    skus?: string[];
    /**
     * The caller hands the Sentos snapshot over: its product list is emptied once the plan is made, so the writes and
     * the report do not carry a catalog nothing reads any more (docs/architecture.md#memory). `serve` keeps its
     * snapshot for the next batch and leaves this off.
     */
    releaseSentosProducts?: boolean;
  };
}

export interface ProductsRunResult {
  plan: ProductPlan;
  /** The shop's locations, id → name (the report names stock rows by location). */
  locations: Record<string, string>;
  items: ReportItem[];
  interrupted: boolean;
  warnings: string[];
  /** Set when product writes went as bulk imports. */
  bulk?: BulkRunSummary;
}

export interface ShopifySnapshot {
  products: ShopifyProduct[];
  locations: ShopifyLocation[];
}

/** `context`: locations and counts read earlier in the run (RunContext), so they are not asked again. */
export async function readShopifySnapshot(
  shopify: ShopifyClient,
  onEvent: EventSink,
  signal?: AbortSignal,
  context?: ShopifyRunContext,
): Promise<ShopifySnapshot> {
  onEvent({ type: 'phase', phase: 'read-shopify', message: 'Reading Shopify products and locations…' });
  const locations = context?.locations ?? (await shopify.listLocations());
  const products: ShopifyProduct[] = [];
  for await (const page of shopify.listProducts({ levelsFirst: locations.length, size: context?.catalogSize })) {
    throwIfAborted(signal); // nothing is written while reading: Ctrl-C stops at once
    products.push(...page);
    onEvent({ type: 'read-progress', source: 'shopify', what: 'products', count: products.length });
  }
  return { products, locations };
}

export async function runProducts(input: ProductsRunInput): Promise<ProductsRunResult> {
  // An earlier run's bulk import is read (waited for, if still running) before Shopify is read and anything planned.
  const recovered =
    input.bulkJournal && input.shopify.bulkImport
      ? await recoverBulkImports({ ...input, bulk: input.shopify.bulkImport, journal: input.bulkJournal })
      : [];
  const snapshot = await readShopifySnapshot(input.shopify, input.onEvent, input.signal, input.shopifyContext);
  // The export's download and join leave garbage V8 would keep under the planning (docs/architecture.md#memory).
  collectGarbage(snapshot.products.length);
  // Before any write (and in a dry run too): stock with no place to go is a setup error, never a silent skip.
  const setup = checkStockSetup(input.settings, input.sentosSnapshot.warehouses, snapshot.locations);
  if (setup.problem) throw new ConfigError(setup.problem.message, { hint: setup.problem.hint });
  const pendingBySku = typeof input.pendingBySku === 'function' ? await input.pendingBySku() : input.pendingBySku;
  input.onEvent({ type: 'phase', phase: 'plan', message: 'Planning…' });
  const plan = planProducts({
    sentos: input.sentosSnapshot.products,
    shopify: snapshot.products,
    locations: snapshot.locations,
    warehouses: input.sentosSnapshot.warehouses,
    categories: input.sentosSnapshot.categories,
    links: input.links.asMap(),
    pendingBySku,
    pendingActivation: input.pendingActivation.asSet(),
    settings: input.settings,
    only: { skus: input.options.skus, limit: input.options.limit },
    unreadable: input.sentosSnapshot.invalid,
  });
  if (input.options.releaseSentosProducts) {
    input.sentosSnapshot.products = [];
    // The catalog and the planning's garbage go before the writes and the report grow the heap further.
    collectGarbage(plan.items.length);
  }
  const warnings = [...recovered, ...setup.notes, ...planWarnings(plan)];
  if (input.options.skus?.length && plan.items.length === 0)
    warnings.push(`No Sentos product holds ${input.options.skus.join(', ')} (product or variant SKU, exact match).`);
  const violations = checkGuard(plan, input.settings.guard);
  if (violations.length > 0 && !input.options.force) {
    if (!input.options.dryRun) {
      throw new CliError(`Safety guard: ${violations.map((v) => v.message).join('; ')}. Nothing was written.`, {
        hint:
          'Check the plan with --dry-run. If it is what you want, run again with --force (or raise ' +
          'products.maxChangeShare / products.maxZeroStockShare).',
        exitCode: ExitCode.failure,
      });
    }
    warnings.push(...violations.map((v) => `Safety guard would stop a real run: ${v.message} (use --force)`));
  }
  const locations = Object.fromEntries(snapshot.locations.map((l) => [l.id, l.name]));
  const toApply = plan.items.filter((i) => i.action === 'create' || i.action === 'update');
  input.onEvent({
    type: 'planned',
    total: plan.items.length,
    toApply: input.options.dryRun ? 0 : toApply.length,
    what: 'products',
  });
  const unreadable = unreadableItems(input.sentosSnapshot);
  if (input.options.dryRun)
    return {
      plan,
      locations,
      items: [...plan.items.map((i) => reportItem(i, i.action === 'conflict' ? 'conflict' : 'planned')), ...unreadable],
      interrupted: false,
      warnings,
    };
  const applied = await applyPlan(plan, snapshot, input);
  return {
    plan,
    locations,
    items: [...applied.items, ...unreadable],
    interrupted: applied.interrupted,
    warnings: [...warnings, ...applied.warnings],
    ...(applied.bulk && { bulk: applied.bulk }),
  };
}

async function applyPlan(
  plan: ProductPlan,
  snapshot: ShopifySnapshot,
  input: ProductsRunInput,
): Promise<{ items: ReportItem[]; interrupted: boolean; warnings: string[]; bulk?: BulkRunSummary }> {
  const byId = new Map(snapshot.products.map((p) => [p.id, p]));
  const failures = new Map<string, { message: string; hint?: string }>();
  const createdItems = new Map<string, string>();
  // Product writes overlap (as many as the full bucket pays for at once, bounded by the client's in-flight limit; its
  // cost pacer keeps them within the bucket): with real latency one-at-a-time would leave a Plus bucket idle. Stock
  // and publishes follow, so a product is always written before its stock, and its stock before its publish.
  const toWrite = plan.items.filter((i) => (i.action === 'create' || i.action === 'update') && i.productWrite);
  const written = new Set<string>();
  // From products.bulkThreshold writes, when the bucket would hold one call each up, the writes go as bulk imports,
  // outside the cost bucket (write-path.ts, bulk-apply.ts).
  const { bulkImport } = input.shopify;
  const split = splitWrites(toWrite, input);
  const bulk =
    split.bulk.length > 0 && bulkImport && input.bulkJournal
      ? await applyBulkWrites(split.bulk, byId, {
          ...input,
          shopify: { ...input.shopify, bulkImport },
          journal: input.bulkJournal,
        })
      : undefined;
  for (const key of bulk?.written ?? []) written.add(key);
  for (const [key, failure] of bulk?.failures ?? []) failures.set(key, failure);
  const pool = await runPool(split.perCall, writeLanes(split.perCall, input.shopify), input.signal, async (item) => {
    const failure = await writeProduct(item, byId, input, createdItems);
    if (failure) failures.set(item.key, failure);
    else written.add(item.key);
    input.onEvent(
      failure
        ? { type: 'item-failed', key: item.sku, message: failure.message }
        : { type: 'item-done', key: item.sku, action: item.action },
    );
  });
  const interrupted = pool.notStarted > 0 || (bulk?.interrupted ?? false);
  // Items whose product write is done (or not needed), in plan order: only their stock may be written.
  const ready = plan.items.filter(
    (i) => (i.action === 'create' || i.action === 'update') && (i.productWrite ? written.has(i.key) : !interrupted),
  );
  input.links.save();
  const stock = await writeStock({
    plan: { ...plan, items: interrupted ? ready.filter((i) => i.productWrite) : ready },
    createdItems,
    shopify: input.shopify,
    runId: input.runId,
    signal: input.signal,
  });
  for (const [key, failure] of stock.failures) failures.set(key, failure);
  const unpublished = await publishDrafts(plan, input, failures, stock.writtenKeys);
  const readyKeys = new Set(ready.map((i) => i.key));
  const items = plan.items.map((item): ReportItem => {
    const failure = failures.get(item.key);
    if (failure) return { ...reportItem(item, 'failed'), error: failure };
    if (item.action === 'invalid') return invalidItem(item);
    if (item.action === 'conflict') return reportItem(item, 'conflict');
    if (item.action !== 'create' && item.action !== 'update') return reportItem(item, 'skipped');
    const done =
      readyKeys.has(item.key) &&
      (item.stock.length === 0 || stock.writtenKeys.has(item.key)) &&
      !unpublished.has(item.key);
    if (done) return reportItem(item, 'done', stock.carried);
    // Interrupted after this product was written but before its stock or publishing: it exists in Shopify
    // (as a draft for a create), so the report must count it; the next run completes it.
    const written = readyKeys.has(item.key) && item.productWrite !== undefined;
    const partial = reportItem(item, written ? 'done' : 'planned', stock.carried);
    return written
      ? {
          ...partial,
          unfinished: item.action === 'create' && item.activate ? 'not-published' : 'stock-pending',
          reasons: [
            ...(partial.reasons ?? []),
            'interrupted before its stock or publishing was written; the next run completes it',
          ],
        }
      : partial;
  });
  return {
    items,
    interrupted: interrupted || stock.interrupted || unpublished.size > 0,
    warnings: [...stockWarnings(stock), ...bulkWarnings(bulk?.summary)],
    ...(bulk && { bulk: bulk.summary }),
  };
}

/** productSet, then the link and image metafields; returns the failure, if any. */
async function writeProduct(
  item: PlanItem,
  byId: Map<string, ShopifyProduct>,
  input: ProductsRunInput,
  createdItems: Map<string, string>,
): Promise<{ message: string; hint?: string } | undefined> {
  const write = item.productWrite!;
  // Before the call: a create whose answer is lost (dropped connection, retries exhausted) may still have
  // happened, and its draft must be published by a later run that finds it by SKU.
  if (item.action === 'create' && item.activate) input.pendingActivation.add(item.key);
  try {
    const result = await input.shopify.productSet(write);
    if (result.userErrors.length > 0 || !result.product) {
      // A rejected productSet wrote nothing: there is no draft to publish later.
      if (item.action === 'create' && !result.product) input.pendingActivation.delete(item.key);
      return {
        message: `Shopify rejected the product: ${
          result.userErrors.map((e) => `${e.message}${e.field ? ` (${e.field.join('.')})` : ''}`).join('; ') ||
          'no product returned'
        }`,
        hint: 'Fix the data in Sentos (or the conflicting product in Shopify); the next run tries again.',
      };
    }
    const product = result.product;
    for (const variant of product.variants) createdItems.set(variant.sku, variant.inventoryItemId);
    input.links.set(item.key, product.id);
    const metafields: MetafieldWrite[] = [];
    if (byId.get(product.id)?.sentosProductId !== item.key && item.action !== 'create')
      metafields.push({ ownerId: product.id, key: 'product_id', value: item.key });
    // A create carried its image list in the productSet's own metafields (nothing there to replace yet).
    if (write.imageSources && item.action !== 'create')
      metafields.push({ ownerId: product.id, key: 'image_sources', value: JSON.stringify(write.imageSources) });
    if (metafields.length > 0) {
      const set = await input.shopify.metafieldsSet(metafields);
      if (!set.ok)
        return {
          message:
            `The product was written, but its sentos_sync metafields were not: ` +
            `${set.userErrors.map((e) => e.message).join('; ')}`,
        };
    }
    return undefined;
  } catch (error) {
    if (error instanceof AuthError) throw error;
    return { message: errorMessage(error), hint: error instanceof CliError ? error.hint : undefined };
  }
}

/** New products go live only once their variants and stock are written. */
async function publishDrafts(
  plan: ProductPlan,
  input: ProductsRunInput,
  failures: Map<string, { message: string; hint?: string }>,
  stocked: Set<string>,
): Promise<Set<string>> {
  // Stopped before their publish: still drafts, so neither done nor a success (the next run publishes them).
  const unpublished = new Set<string>();
  for (const item of plan.items) {
    if (!item.activate || failures.has(item.key)) continue;
    if (item.stock.length > 0 && !stocked.has(item.key)) continue;
    if (input.signal.aborted) {
      unpublished.add(item.key);
      continue;
    }
    // The matched product when this run did not write it (a draft left by a create that looked failed).
    const id = input.links.get(item.key) ?? item.shopifyProductId;
    if (!id) continue;
    try {
      const result = await input.shopify.setProductStatus(id, 'ACTIVE');
      if (result.userErrors.length > 0)
        failures.set(item.key, {
          message: `Could not publish the product: ${result.userErrors.map((e) => e.message).join('; ')}`,
        });
      else input.pendingActivation.delete(item.key);
    } catch (error) {
      if (error instanceof AuthError) throw error;
      failures.set(item.key, { message: `Could not publish the product: ${errorMessage(error)}` });
    }
  }
  input.pendingActivation.save(); // one write for the whole batch of publishes
  return unpublished;
}
