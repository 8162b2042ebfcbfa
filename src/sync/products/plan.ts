/**
 * planProducts: the pure planner behind both `--dry-run` and the real run (docs/house-style.md#data-flows-one-way).
 * Indexes are Maps built once, so 10,000 products plan in linear time.
 */
import type { SentosProduct, SentosWarehouse } from '../../sentos/types.js';
import type { ShopifyLocation, ShopifyProduct } from '../../shopify/types.js';
import { indexSentos, indexShopify, reverseLinks, type ShopifyIndex } from './match.js';
import { pushTo } from './match-index.js';
import { planVanished } from './not-in-sentos.js';
import { planItem, type PlanEnv } from './plan-item.js';
import type { ProductSyncSettings } from './settings.js';
import { resolveLocations } from './stock.js';
import { normalizeTitle, skuKey } from './text.js';
import type { PlanItem, PlanSummary, ProductPlan, TitleSuggestion, UnmappedWarehouse } from './types.js';

export interface PlanInput {
  /** The complete Sentos read: duplicate detection needs all of it even when `only` selects a few. */
  sentos: SentosProduct[];
  /** The Shopify products the tool manages (complete read). */
  shopify: ShopifyProduct[];
  locations: ShopifyLocation[];
  warehouses: SentosWarehouse[];
  /** categoryId → category path names, root first. */
  categories: Map<string, string[]>;
  /** Local state: Sentos product id → Shopify product GID. */
  links?: Map<string, string>;
  /** sku → location id → units sold on Shopify that Sentos has not seen yet (docs/architecture.md#no-oversell). */
  pendingBySku?: Map<string, Map<string, number>>;
  /** Sentos ids created by this tool and not yet activated (local state), so a stopped run completes. */
  pendingActivation?: Set<string>;
  settings: ProductSyncSettings;
  /** `--sku` (product or variant SKU) and `--limit` (first N products). */
  only?: { skus?: string[]; limit?: number };
  /** Products Sentos sent that could not be read: a linked product may be one of them, so it is not vanished. */
  unreadable?: Array<{ id?: string; sku?: string }>;
}

export function planProducts(input: PlanInput): ProductPlan {
  const { settings } = input;
  const links = input.links ?? new Map<string, string>();
  const shopify = indexShopify(input.shopify, { barcodes: settings.matchByBarcode });
  const locations = resolveLocations(input.warehouses, input.locations, settings.warehouseMap);
  const env: PlanEnv = {
    settings,
    mapContext: { settings, categories: input.categories },
    match: {
      shopify,
      owners: indexSentos(input.sentos),
      links,
      linkedTo: reverseLinks(links),
      matchByBarcode: settings.matchByBarcode,
    },
    locations,
    pendingBySku: input.pendingBySku ?? new Map<string, Map<string, number>>(),
    pendingActivation: input.pendingActivation ?? new Set(),
    takenHandles: new Set(shopify.handles),
    unknownWarehouses: new Set(),
    quantities: new Map(),
  };
  const items: PlanItem[] = [];
  let existingVariants = 0;
  for (const product of selectProducts(input.sentos, input.only)) {
    const planned = planItem(product, env);
    items.push(planned.item);
    existingVariants += planned.matchedVariants;
  }
  // Only a whole-catalog run can tell that a product vanished: outside a selection it is merely not selected.
  if (!isSelection(input.only)) {
    const sentosIds = new Set(input.sentos.map((p) => p.id));
    const vanished = planVanished({
      shopify: input.shopify,
      sentosIds,
      owners: env.match.owners,
      linkedTo: env.match.linkedTo,
      unreadable: input.unreadable ?? [],
      locations,
      stockOwned: settings.owned.stock,
    });
    items.push(...vanished.items);
    existingVariants += vanished.variants;
  }
  const summary = summarize(items);
  return {
    items,
    summary,
    suggestions: suggest(items, shopify, new Set(links.values())),
    unmappedWarehouses: [...locations.unmapped, ...unknown(env.unknownWarehouses, input.warehouses)],
    // The guard measures the store, not the selection: `--sku X` or `--limit 5` on a healthy store is not "100 %".
    totals: {
      sentosProducts: input.sentos.length,
      existingProducts: Math.max(summary.update + summary.unchanged, input.shopify.length),
      existingVariants: Math.max(
        existingVariants,
        input.shopify.reduce((sum, p) => sum + p.variants.length, 0),
      ),
    },
  };
}

function isSelection(only: PlanInput['only']): boolean {
  return (only?.skus !== undefined && only.skus.length > 0) || only?.limit !== undefined;
}

export function selectProducts(products: SentosProduct[], only: PlanInput['only']): SentosProduct[] {
  let selected = products;
  if (only?.skus && only.skus.length > 0) {
    const wanted = new Set(only.skus.map(skuKey));
    selected = selected.filter((p) => wanted.has(skuKey(p.sku)) || p.variants.some((v) => wanted.has(skuKey(v.sku))));
  }
  return only?.limit !== undefined ? selected.slice(0, Math.max(0, only.limit)) : selected;
}

export function summarize(items: PlanItem[]): PlanSummary {
  const summary: PlanSummary = {
    create: 0,
    update: 0,
    unchanged: 0,
    skip: 0,
    conflict: 0,
    invalid: 0,
    total: items.length,
    productWrites: 0,
    stockRows: 0,
  };
  for (const item of items) {
    summary[item.action] += 1;
    if (item.productWrite) summary.productWrites += 1;
    summary.stockRows += item.stock.length;
  }
  return summary;
}

/**
 * Creates whose title matches a Shopify product that no Sentos product is linked to: possible duplicates (the
 * merchant made the product by hand, with other SKUs). Titles never decide a match; they are shown before the
 * create, on the item itself, and many of them stop a real run (see guard.ts). The title index is built here,
 * only when something is created: normalising every title would cost each resync of an in-sync store.
 */
function suggest(items: PlanItem[], shopify: ShopifyIndex, linked: Set<string>): TitleSuggestion[] {
  const suggestions: TitleSuggestion[] = [];
  let byTitle: Map<string, ShopifyProduct[]> | undefined;
  for (const item of items) {
    if (item.action !== 'create' || item.title === '') continue;
    if (!byTitle) {
      byTitle = new Map();
      for (const product of shopify.byId.values()) pushTo(byTitle, normalizeTitle(product.title), product);
    }
    for (const product of byTitle.get(normalizeTitle(item.title)) ?? []) {
      if (product.sentosProductId !== undefined || linked.has(product.id)) continue;
      suggestions.push({
        sentosId: item.key,
        sku: item.sku,
        title: item.title,
        shopifyProductId: product.id,
        shopifyTitle: product.title,
      });
      item.warnings.push(
        `possible duplicate: Shopify product "${product.title}" (${product.id}) has the same title and no SKU ` +
          `in common`,
      );
    }
  }
  return suggestions;
}

/** Warehouse ids in stock rows that no location takes and the warehouse list does not name (reported once). */
function unknown(ids: Set<string>, warehouses: SentosWarehouse[]): UnmappedWarehouse[] {
  const listed = new Set(warehouses.map((w) => w.id));
  return [...ids]
    .filter((id) => !listed.has(id))
    .map((id) => ({ id, name: '', reason: 'not in the Sentos warehouse list and not mapped' }));
}
