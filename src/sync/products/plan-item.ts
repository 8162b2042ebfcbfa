/** One Sentos product → exactly one plan item. */
import type { SentosProduct } from '../../sentos/types.js';
import type { ShopifyVariant } from '../../shopify/types.js';
import { diffProduct } from './diff.js';
import { mapProduct, type MapContext, type MappedProduct, type MappedVariant } from './map.js';
import { matchProduct, type MatchContext, type MatchResult } from './match.js';
import { notInSentosRows, untrackedWarnings } from './not-in-sentos.js';
import type { ProductSyncSettings } from './settings.js';
import { stockRows, type LocationPlan } from './stock.js';
import type { PlanItem, StockChange } from './types.js';
import { validateMapped } from './validate.js';
import { foldNewVariantStock, type QuantityCache } from './new-variant-stock.js';
import { createWrite, handleFor } from './write.js';

export interface PlanEnv {
  settings: ProductSyncSettings;
  mapContext: MapContext;
  match: MatchContext;
  locations: LocationPlan;
  pendingBySku: Map<string, Map<string, number>>;
  pendingActivation: Set<string>;
  /** Handles in Shopify plus those planned so far (updated by creates). */
  takenHandles: Set<string>;
  /** Warehouse ids seen in stock that no location takes (filled while planning). */
  unknownWarehouses: Set<string>;
  /** New variants' initial quantities, each distinct one held once (new-variant-stock.ts). */
  quantities: QuantityCache;
}

export interface PlannedItem {
  item: PlanItem;
  /** Variants of this item that already exist in Shopify: the guard's denominator. */
  matchedVariants: number;
}

export function planItem(product: SentosProduct, env: PlanEnv): PlannedItem {
  const mapped = mapProduct(product, env.mapContext);
  const validation = validateMapped(mapped);
  const match = matchProduct(product, env.match);
  const item: PlanItem = {
    key: product.id,
    sku: mapped.sku,
    title: mapped.title,
    action: 'unchanged',
    reasons: [],
    warnings: [...validation.warnings, ...match.warnings],
    changes: [],
    stock: [],
    activate: false,
  };
  if (match.kind === 'matched') {
    item.shopifyProductId = match.product.id;
    item.matchedBy = match.by;
  }
  // A conflict first, whatever else is wrong: a duplicate SKU is what the merchant must resolve (in Sentos or
  // Shopify), and reporting it as a price failure would hide that the product is not ours to write alone.
  if (match.kind === 'conflict') {
    const reasons = [...match.reasons, ...validation.reasons];
    return { item: { ...item, action: 'conflict', reasons }, matchedVariants: 0 };
  }
  if (validation.reasons.length > 0)
    return { item: { ...item, action: 'invalid', reasons: validation.reasons }, matchedVariants: 0 };
  if (match.kind === 'none') return { item: planCreate(mapped, item, env), matchedVariants: 0 };
  return planUpdate(mapped, match, item, env);
}

function planCreate(mapped: MappedProduct, item: PlanItem, env: PlanEnv): PlanItem {
  const handle = handleFor(mapped, env.settings.handlePrefix, env.takenHandles);
  const stock = stockFor(
    mapped.variants.map((mv) => ({ mapped: mv })),
    env,
  );
  const folded = foldNewVariantStock(createWrite(mapped, env.settings, handle), stock, env.quantities);
  // When the stock fits in the productSet, the product is created complete, in its final status: one call, no
  // publish. Otherwise it is a DRAFT until its stock is written, then published (never live half-made).
  // Either way the create is a handle upsert, so a create whose answer was lost converges instead of duplicating.
  const wantsActive = env.settings.newProductStatus === 'ACTIVE';
  // Object.assign, not `{ ...item, productWrite }`: a spread that adds a field gives every item its own hidden
  // class in V8 (docs/architecture.md#memory).
  return Object.assign({}, item, {
    action: 'create' as const,
    productWrite: folded.complete ? { ...folded.write, status: env.settings.newProductStatus } : folded.write,
    stock: folded.stock,
    activate: wantsActive && !folded.complete,
  });
}

function planUpdate(
  mapped: MappedProduct,
  match: Extract<MatchResult, { kind: 'matched' }>,
  item: PlanItem,
  env: PlanEnv,
): PlannedItem {
  const diff = diffProduct(mapped, match.product, match.variants, env.settings);
  const warnings = [...item.warnings, ...diff.warnings];
  if (diff.skipReasons.length > 0) {
    return { item: { ...item, action: 'skip', reasons: diff.skipReasons, warnings }, matchedVariants: 0 };
  }
  const changes = [...diff.changes];
  // A create whose activation never ran (the run stopped): finish it. A merchant's own draft is not in the set.
  const activate =
    env.settings.newProductStatus === 'ACTIVE' &&
    match.product.status === 'DRAFT' &&
    env.pendingActivation.has(mapped.sentosId);
  if (activate) changes.push({ field: 'status', from: match.product.status, to: 'ACTIVE' });
  // New variants carry their initial stock in the productSet that creates them; existing ones keep compare-and-set.
  const fresh = stockFor(diff.stocked, env);
  const folded = diff.productWrite ? foldNewVariantStock(diff.productWrite, fresh, env.quantities) : undefined;
  // Variants Sentos no longer has stop selling: 0 at every mapped location (one CAS row each, never a delete).
  const removed = env.settings.owned.stock ? notInSentosRows(diff.kept, env.locations) : [];
  if (env.settings.owned.stock) warnings.push(...untrackedWarnings(diff.kept));
  const stock = [...(folded?.stock ?? fresh), ...removed];
  const changed = changes.length > 0 || stock.length > 0;
  return {
    item: Object.assign({}, item, {
      action: changed ? ('update' as const) : ('unchanged' as const),
      warnings,
      changes,
      stock,
      productWrite: folded?.write,
      activate,
    }),
    matchedVariants: match.variants.size + diff.kept.length,
  };
}

function stockFor(variants: Array<{ mapped: MappedVariant; variant?: ShopifyVariant }>, env: PlanEnv): StockChange[] {
  if (!env.settings.owned.stock) return [];
  return variants.flatMap(({ mapped, variant }) => {
    const pending = env.pendingBySku.get(mapped.sku);
    const result = stockRows({ sku: mapped.sku, stocks: mapped.stocks, variant, pending }, env.locations);
    for (const id of result.unknownWarehouses) env.unknownWarehouses.add(id);
    return result.rows;
  });
}
