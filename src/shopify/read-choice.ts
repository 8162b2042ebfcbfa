/**
 * Pages or bulk export for a catalog read, decided by what the read would cost (docs/shopify-api.md#catalog-reads).
 * A paged read pays for every variant and every inventory level it returns, so its cost follows the VARIANT
 * count: 20 products of which one has 2,000 variants cost ≈ 30,000 points paged. A bulk export costs about
 * the same whatever the size (two bulkOperationRunQuery mutations and a few polls). Pure, table-tested.
 */

/** Paged actual cost per product besides its variants: the node, options, two metafields, the connection. */
export const PAGED_COST_PER_PRODUCT = 25;

/**
 * Paged actual cost per variant: node, selectedOptions, inventoryItem and its levels connection (4), then location and
 * quantities per level returned (3 each), at most `levelsFirst` levels (docs/shopify-api.md#rate-limits-by-plan rules,
 * as measured against the sandbox: 13 points per variant at 3 locations).
 */
export function pagedCostPerVariant(levelsFirst: number): number {
  return 4 + 3 * Math.max(1, levelsFirst);
}

/**
 * What a bulk catalog read spends: two runs (10 points each plus the payload) and their polls. Kept as an
 * upper bound so the choice never picks an export that costs more than the pages it replaces.
 */
export const BULK_READ_COST = 40;

export interface CatalogSize {
  products: number;
  /** undefined when the shop did not say (no productVariantsCount): the product count decides alone. */
  variants?: number;
}

export interface ReadChoiceOptions {
  /** Inventory levels asked per variant in the paged read (the shop's location count, at most 10). */
  levelsFirst: number;
  /** Above this many products the export is used whatever the estimate (the client's bulkThreshold). */
  productThreshold: number;
}

export function estimatedPagedCost(size: CatalogSize, levelsFirst: number): number {
  const variants = size.variants ?? size.products;
  return size.products * PAGED_COST_PER_PRODUCT + variants * pagedCostPerVariant(levelsFirst);
}

export function chooseCatalogRead(size: CatalogSize, options: ReadChoiceOptions): 'paginated' | 'bulk' {
  if (size.products > options.productThreshold) return 'bulk';
  if (size.products === 0) return 'paginated';
  return estimatedPagedCost(size, options.levelsFirst) > BULK_READ_COST ? 'bulk' : 'paginated';
}
