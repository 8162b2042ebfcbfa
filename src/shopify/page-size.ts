/**
 * Page sizes and how they adapt to the measured query cost. A single query may not request more than
 * 1,000 points (MAX_COST_EXCEEDED, docs/shopify-api.md#rate-limits-by-plan); nested connections multiply, so the
 * defaults below are sized by the pessimistic docs/shopify-api.md#rate-limits-by-plan rules
 * (operations/estimate-cost.ts) and list pages then grow towards TARGET_QUERY_COST from the requestedQueryCost Shopify
 * reports ("raise `first` only after measuring", docs/shopify-api.md#orders). Pure functions, table-tested.
 */

/** Well under the 1,000-point single-query limit, leaving room for estimation error. */
export const TARGET_QUERY_COST = 750;

/** Connection page size ceiling (docs/shopify-api.md#catalog-reads: "Page size max 250"). */
export const MAX_PAGE_SIZE = 250;

/** inventoryLevels(first:) per item: one per active location; more than 10 is re-read one item at a time. */
export const LEVELS_FIRST = 10;
/** The one-item overflow re-read: 3 + 3 × 250 = 753 points. */
export const LEVELS_FIRST_OVERFLOW = 250;

/** variants(first:) inside ProductsPage / ProductSet: 20 × (5 + 3 × 10) + 10 ≈ 710 points per product. */
export const PRODUCT_VARIANTS_FIRST = 20;
/** ProductVariantsPage(first:): 3 + 20 × 35 = 703. */
export const VARIANTS_PAGE_FIRST = 20;

/** InventoryLevelsByItems ids per call: 20 × (3 + 3 × 10) = 660. */
export const LEVEL_ITEMS_PER_CALL = 20;

/** Locations(first:): 2 + 50 × 1. */
export const LOCATIONS_FIRST = 50;

/** First page of products/orders before any cost is known (≈ 710 and ≈ 485 points, see the operations). */
export const INITIAL_PRODUCTS_FIRST = 1;
export const INITIAL_ORDERS_FIRST = 1;

/** metafieldsSet accepts at most 25 metafields per call (schema 2026-10 description). */
export const METAFIELDS_PER_CALL = 25;

/**
 * inventorySetQuantities: input arrays are capped at 250 items (docs/shopify-api.md#inventory,
 * docs/shopify-api.md#pitfalls).
 */
export const MAX_INVENTORY_ROWS = 250;

export interface NextPageSizeInput {
  /** `first` of the page just fetched. */
  current: number;
  /** requestedQueryCost Shopify reported for it; undefined when the response carried no cost. */
  requestedCost: number | undefined;
  max?: number;
  target?: number;
}

/**
 * Cost grows about linearly with `first`, so the next page takes as many items as fit the target at the
 * measured cost per item, never more than twice the current size in one step (a cheap empty page must not
 * jump to 250) and never fewer than 1.
 */
export function nextPageSize(input: NextPageSizeInput): number {
  const max = input.max ?? MAX_PAGE_SIZE;
  const target = input.target ?? TARGET_QUERY_COST;
  if (input.requestedCost === undefined || input.requestedCost <= 0) return clamp(input.current, 1, max);
  const perItem = input.requestedCost / input.current;
  const fits = Math.floor(target / perItem);
  return clamp(Math.min(fits, input.current * 2), 1, max);
}

/**
 * After MAX_COST_EXCEEDED: scale `first` down by the ratio Shopify reported (cost vs maxCost) with a 20 %
 * margin. Returns undefined when the page cannot shrink any further (the query itself is too expensive).
 */
export function shrinkPageSize(
  current: number,
  cost: number | undefined,
  maxCost: number | undefined,
): number | undefined {
  if (current <= 1) return undefined;
  const ratio = cost && maxCost && cost > 0 ? maxCost / cost : 0.5;
  const next = Math.floor(current * ratio * 0.8);
  return clamp(Math.min(next, current - 1), 1, current - 1);
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}
