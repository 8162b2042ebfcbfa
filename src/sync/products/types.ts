/**
 * The plan of a product sync: what `--dry-run` prints and what apply executes, nothing more
 * (docs/house-style.md#data-flows-one-way).
 */
import type { ProductWrite } from '../../shopify/types.js';

export type PlanAction = 'create' | 'update' | 'unchanged' | 'skip' | 'conflict' | 'invalid';

/** How the Shopify product of an item was found. */
export type MatchKind = 'link' | 'sku' | 'barcode';

export type ChangeValue = string | number | boolean | null | string[];

/**
 * One field change, old → new. Money is shown as "1299.90" strings; `sku` names the variant for variant
 * fields. Fields: title, descriptionHtml, vendor, productType, tags, status, options, images, and per variant
 * sku, price, compareAtPrice, barcode, optionValues, tracked, variant (added: from null; removed: to null).
 */
export interface FieldChange {
  field: string;
  sku?: string;
  location?: string;
  from: ChangeValue;
  to: ChangeValue;
}

/**
 * One stock row: only written when `target !== current` (docs/architecture.md#no-oversell: the subtraction is shown).
 */
export interface StockChange {
  sku: string;
  /** Undefined for variants that productSet has yet to create. */
  inventoryItemId?: string;
  locationId: string;
  /** Sum of the Sentos warehouses mapped to this location. */
  sentos: number;
  /** Units sold on Shopify that Sentos has not seen yet. */
  pending: number;
  /** max(0, sentos − pending). */
  target: number;
  /** Shopify's available quantity at plan time; undefined when not stocked at the location. */
  current?: number;
  needsActivation: boolean;
  /** Written by the product's own productSet (a new variant's initial stock), not by the stock writer. */
  inProductSet?: boolean;
  /** Why the row exists when it is not Sentos's stock: `not in Sentos` (a variant Sentos no longer has → 0). */
  reason?: string;
}

export interface PlanItem {
  /** The Sentos product id. */
  key: string;
  sku: string;
  title: string;
  action: PlanAction;
  /** Why the item is invalid, a conflict or skipped (every reason, not just the first). */
  reasons: string[];
  /** Non-blocking notes: kept variants, negative stock read as 0, variants not added… */
  warnings: string[];
  changes: FieldChange[];
  productWrite?: ProductWrite;
  stock: StockChange[];
  /** The Shopify product this item updates (absent for creates and unmatched items). */
  shopifyProductId?: string;
  matchedBy?: MatchKind;
  /** Apply sets the product ACTIVE after its stock is written (drafts until complete). */
  activate: boolean;
  /** A linked Shopify product whose Sentos product is gone: its variants stop selling, it is never deleted. */
  vanished?: boolean;
}

export interface PlanSummary {
  create: number;
  update: number;
  unchanged: number;
  skip: number;
  conflict: number;
  invalid: number;
  total: number;
  productWrites: number;
  stockRows: number;
}

/** A title look-alike: reported, never acted on. */
export interface TitleSuggestion {
  sentosId: string;
  sku: string;
  title: string;
  shopifyProductId: string;
  shopifyTitle: string;
}

export interface UnmappedWarehouse {
  /** Sentos warehouse id (or the map key, when a map entry names no known warehouse). */
  id: string;
  name: string;
  reason: string;
}

/** Denominators of the safety guard. */
export interface GuardTotals {
  /** Products in the whole Sentos read, before `--sku`/`--limit`. */
  sentosProducts: number;
  /** Products in the Shopify store (at least the planned items that exist there), whatever was selected. */
  existingProducts: number;
  /** Variants in the Shopify store (at least the matched variants of the planned items). */
  existingVariants: number;
}

export interface ProductPlan {
  items: PlanItem[];
  summary: PlanSummary;
  suggestions: TitleSuggestion[];
  unmappedWarehouses: UnmappedWarehouse[];
  totals: GuardTotals;
}
