/**
 * Settings of the product sync. The config layer validates and resolves them; this module only names their shape and
 * the defaults the planner assumes.
 */

/** Per field: does Sentos own it? A field Sentos does not own is never overwritten in Shopify. */
export interface OwnedFields {
  title: boolean;
  description: boolean;
  vendor: boolean;
  productType: boolean;
  tags: boolean;
  /** The option structure and the variant list (adding variants, option values, removal when allowed). */
  variants: boolean;
  price: boolean;
  compareAtPrice: boolean;
  barcode: boolean;
  images: boolean;
  stock: boolean;
}

export interface GuardSettings {
  /** Abort when more than this share of the existing catalog would be updated. */
  maxChangeShare: number;
  /** Abort when more than this share of existing variants would have stock set from > 0 to 0. */
  maxZeroStockShare: number;
}

export interface ProductSyncSettings {
  /**
   * 'sale_price' = the product/variant sale_price; any other value is a key of Sentos `prices`
   * (docs/sentos-api.md#prices), e.g. 'b2c' → prices.b2c.sale_price, with prices.b2c.list_price as compare-at
   * candidate.
   */
  priceList: string;
  owned: OwnedFields;
  /**
   * Creates are always written as DRAFT ("created as drafts and made active only once complete"); 'ACTIVE' plans a
   * follow-up activation that apply runs after the stock is written.
   */
  newProductStatus: 'DRAFT' | 'ACTIVE';
  /** tags ← the category path names. */
  tagsFromCategory: boolean;
  /** productType ← the leaf category name, or not derived at all. */
  productTypeFromCategory: 'leaf' | 'none';
  /** Opt-in fallback key when no SKU of a product is found in Shopify. */
  matchByBarcode: boolean;
  /**
   * Sentos warehouse id or name → Shopify location id or name. Empty: with exactly one active location the
   * sum of all warehouses goes there; with several the products phase stops first (see stock-setup.ts).
   */
  warehouseMap: Record<string, string>;
  guard: GuardSettings;
  /** New products get the handle `${handlePrefix}${slug(product SKU)}`. */
  handlePrefix: string;
  /**
   * productSet deletes variants missing from its input; only plan that when explicitly allowed
   * (docs/shopify-api.md#productset).
   */
  allowVariantRemoval: boolean;
  /**
   * At this many product writes or more, creates and full updates go as bulk imports
   * (docs/architecture.md#bulk-import); 0: never.
   */
  bulkThreshold: number;
  /**
   * Writes that reach bulkThreshold go bulk only when one call per product would wait longer than this many seconds
   * for the cost bucket (docs/architecture.md#bulk-import); 0: the count alone decides.
   */
  bulkQuotaWaitS: number;
}

export const DEFAULT_OWNED_FIELDS: Readonly<OwnedFields> = Object.freeze({
  title: true,
  description: true,
  vendor: true,
  productType: true,
  tags: true,
  variants: true,
  price: true,
  compareAtPrice: true,
  barcode: true,
  // On by default: merchants expect their Sentos photos in Shopify. productSet replaces a product's media
  // with the list sent, so `products.notOwned` = images keeps a gallery the merchant curates in Shopify.
  images: true,
  stock: true,
});

/**
 * The planner's neutral defaults, for tests and `productSettings({...})`. A real run passes every user-facing
 * value from the typed settings, whose defaults live in src/config/schema.ts only.
 */
export const DEFAULT_PRODUCT_SETTINGS: Readonly<ProductSyncSettings> = Object.freeze({
  priceList: 'sale_price',
  owned: DEFAULT_OWNED_FIELDS,
  newProductStatus: 'DRAFT',
  tagsFromCategory: false,
  productTypeFromCategory: 'leaf',
  matchByBarcode: false,
  warehouseMap: Object.freeze({}) as Record<string, string>,
  guard: Object.freeze({ maxChangeShare: 0.5, maxZeroStockShare: 0.3 }),
  handlePrefix: 'sentos-',
  allowVariantRemoval: false,
  // Off in the neutral defaults (tests write per call unless they ask); real runs take src/config/schema.ts's.
  bulkThreshold: 0,
  // 0: a test that asks for bulk (bulkThreshold) gets it whatever the bucket.
  bulkQuotaWaitS: 0,
});

/** Defaults overlaid with a partial (owned and guard merged per key): handy for config resolution and tests. */
export function productSettings(
  overrides: Partial<Omit<ProductSyncSettings, 'owned' | 'guard'>> & {
    owned?: Partial<OwnedFields>;
    guard?: Partial<GuardSettings>;
  } = {},
): ProductSyncSettings {
  return {
    ...DEFAULT_PRODUCT_SETTINGS,
    ...overrides,
    owned: { ...DEFAULT_OWNED_FIELDS, ...overrides.owned },
    guard: { ...DEFAULT_PRODUCT_SETTINGS.guard, ...overrides.guard },
  };
}
