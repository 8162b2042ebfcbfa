/**
 * Shopify variants Sentos no longer has stop selling (they are never deleted unless
 * `products.allowVariantRemoval` is on, and a product is never deleted at all): every mapped location where
 * they have stock is set to 0 through the same compare-and-set stock write as any other row. A linked product
 * none of whose SKUs is in Sentos any more has vanished: its variants get the same rows, and it is reported.
 */
import type { ShopifyProduct, ShopifyVariant } from '../../shopify/types.js';
import type { MultiMap } from './match-index.js';
import type { LocationPlan } from './stock.js';
import { summarizeMany } from './reasons.js';
import { skuKey } from './text.js';
import type { PlanItem, StockChange } from './types.js';

export const NOT_IN_SENTOS = 'not in Sentos';

/** Rows to 0 where Shopify has stock (a level at 0 or below already sells nothing). */
export function notInSentosRows(variants: ShopifyVariant[], locations: LocationPlan): StockChange[] {
  const owned = new Set(locations.locationIds);
  return variants.flatMap((variant) =>
    variant.levels
      .filter((level) => owned.has(level.locationId) && level.available > 0)
      .map((level): StockChange => ({
        sku: skuKey(variant.sku) || variant.id,
        inventoryItemId: variant.inventoryItemId,
        locationId: level.locationId,
        sentos: 0,
        pending: 0,
        target: 0,
        current: level.available,
        needsActivation: false,
        reason: NOT_IN_SENTOS,
      })),
  );
}

/** Shopify ignores the quantity of an item whose inventory is not tracked: such a variant keeps selling. */
export function untrackedWarnings(variants: ShopifyVariant[]): string[] {
  const lines = variants
    .filter((v) => !v.tracked)
    .map((v) => `Shopify variant ${skuKey(v.sku) || v.id} is not in Sentos and its inventory is not tracked`);
  const what = (n: number) => `${n} Shopify variants are not in Sentos and their inventory is not tracked`;
  const advice =
    'so 0 available does not stop the sale: turn on inventory tracking in Shopify, or allow variant removal';
  return summarizeMany(lines, what).map((line) => `${line}, ${advice}`);
}

export interface VanishedInput {
  shopify: ShopifyProduct[];
  /** Sentos ids in the read (readable products). */
  sentosIds: Set<string>;
  /** Trimmed SKU → Sentos owners, over the whole read. */
  owners: MultiMap<string>;
  /** Shopify GID → Sentos ids the local link map points at it. */
  linkedTo: Map<string, string[]>;
  /** Products Sentos sent but that could not be read: never taken for vanished. */
  unreadable: Array<{ id?: string; sku?: string }>;
  locations: LocationPlan;
  stockOwned: boolean;
}

/**
 * Linked Shopify products whose Sentos product is gone from a complete read. Only call without a --sku or
 * --limit selection: outside a selection a product is merely not selected. When a product Sentos sent could
 * not be read and carries no id, nothing is taken for vanished (it might be that one).
 */
export function planVanished(input: VanishedInput): { items: PlanItem[]; variants: number } {
  if (input.unreadable.some((bad) => bad.id === undefined)) return { items: [], variants: 0 };
  const unreadableIds = new Set(input.unreadable.map((bad) => bad.id));
  const unreadableSkus = new Set(input.unreadable.flatMap((bad) => (bad.sku ? [skuKey(bad.sku)] : [])));
  const items: PlanItem[] = [];
  let variants = 0;
  for (const product of input.shopify) {
    const sentosId = product.sentosProductId ?? input.linkedTo.get(product.id)?.[0];
    if (sentosId === undefined || input.sentosIds.has(sentosId) || unreadableIds.has(sentosId)) continue;
    const skus = product.variants.map((v) => skuKey(v.sku)).filter((sku) => sku !== '');
    if (skus.some((sku) => input.owners.has(sku) || unreadableSkus.has(sku))) continue;
    const stock = input.stockOwned ? notInSentosRows(product.variants, input.locations) : [];
    variants += product.variants.length;
    items.push({
      key: sentosId,
      sku: skus[0] ?? product.handle,
      title: product.title,
      action: stock.length > 0 ? 'update' : 'unchanged',
      reasons: [],
      warnings: [
        `Sentos product ${sentosId} is no longer in Sentos: ` +
          (input.stockOwned ? 'its variants are set to 0 available; ' : '') +
          'the Shopify product is not deleted (archive or delete it in Shopify if it is gone for good)',
      ],
      changes: [],
      stock,
      shopifyProductId: product.id,
      matchedBy: 'link',
      activate: false,
      vanished: true,
    });
  }
  return { items, variants };
}
