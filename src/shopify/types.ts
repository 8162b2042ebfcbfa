/**
 * Shopify domain types: what the client hands to the rest of the tool after parsing GraphQL responses.
 * Ids are GIDs; money is minor units in the shop currency.
 */
import type { Minor } from '../core/money.js';

export type ShopifyAuth =
  { type: 'token'; accessToken: string } | { type: 'client-credentials'; clientId: string; clientSecret: string };

export interface ShopifyShop {
  name: string;
  myshopifyDomain: string;
  currencyCode: string;
  ianaTimezone: string;
}

export interface ShopifyLocation {
  id: string;
  name: string;
  isActive: boolean;
}

export interface ShopifyInventoryLevel {
  readonly locationId: string;
  readonly available: number;
}

export interface SelectedOption {
  readonly name: string;
  readonly value: string;
}

/**
 * Read-only: a catalog read shares equal option lists and levels between variants (docs/architecture.md#memory).
 */
export interface ShopifyVariant {
  id: string;
  sku: string;
  barcode?: string;
  price: Minor;
  compareAtPrice?: Minor;
  /** In the product's option order. */
  selectedOptions: readonly SelectedOption[];
  inventoryItemId: string;
  tracked: boolean;
  /** Only the locations where the item is stocked (active). */
  levels: readonly ShopifyInventoryLevel[];
}

export interface ShopifyProduct {
  id: string;
  handle: string;
  title: string;
  descriptionHtml: string;
  vendor: string;
  productType: string;
  tags: string[];
  status: string;
  options: Array<{ name: string; values: string[] }>;
  variants: ShopifyVariant[];
  /** Metafield sentos_sync.product_id: the link to the Sentos product, when this tool created or matched it. */
  sentosProductId?: string;
  /** Metafield sentos_sync.image_sources: the Sentos image URLs last pushed, in order. */
  imageSources?: string[];
}

export interface ShopifyMailingAddress {
  firstName?: string;
  lastName?: string;
  name?: string;
  company?: string;
  address1?: string;
  address2?: string;
  city?: string;
  province?: string;
  provinceCode?: string;
  country?: string;
  countryCode?: string;
  zip?: string;
  phone?: string;
}

export interface ShopifyTaxLine {
  title: string;
  /** Percentage, e.g. 20 for 20 %. */
  ratePercentage: number;
  /** The tax charged, after discounts and before returns (TaxLine.priceSet). */
  amount: MoneyPair;
}

/**
 * One amount in the shop's currency and in the currency the customer paid in (a MoneyBag's shopMoney and
 * presentmentMoney, minor units). The two are equal for an order paid in the shop currency.
 */
export interface MoneyPair {
  shop: Minor;
  presentment: Minor;
}

/** A share of a discount that Shopify allocated to a line or a shipping line (DiscountAllocation). */
export interface ShopifyDiscountAllocation {
  amount: MoneyPair;
  /** LINE_ITEM or SHIPPING_LINE (DiscountApplication.targetType). */
  targetType: string;
  /** ALL (an order-level discount spread by Shopify), ENTITLED or EXPLICIT. */
  targetSelection: string;
}

export interface ShopifyShippingLine {
  title: string;
  isRemoved: boolean;
  /** After discounts (shipping codes and cart-level free shipping), before refunds; tax included when taxesIncluded. */
  discountedPrice: MoneyPair;
  /** After discounts and refunds. */
  currentDiscountedPrice: MoneyPair;
  taxLines: ShopifyTaxLine[];
  discountAllocations: ShopifyDiscountAllocation[];
}

/** What the money model needs of an order (docs/shopify-api.md#order-money), both currencies. */
export interface ShopifyOrderMoney {
  /** Prices include tax (Turkish shops: KDV included); false: tax is added on top. */
  taxesIncluded: boolean;
  /** totalPriceSet: before returns. */
  total: MoneyPair;
  /** currentTotalPriceSet: after returns, refunds and edits. */
  currentTotal: MoneyPair;
  tips: MoneyPair;
  /** currentTotalDutiesSet + currentTotalAdditionalFeesSet (null counts as 0). */
  dutiesAndFees: MoneyPair;
  shippingLines: ShopifyShippingLine[];
}

export interface ShopifyLineItem {
  id: string;
  sku?: string;
  name: string;
  title: string;
  variantTitle?: string;
  variantId?: string;
  quantity: number;
  /** Quantity after removals and refunds. */
  currentQuantity: number;
  originalUnitPrice: Minor;
  /** Unit price after line-level discounts. */
  discountedUnitPrice: Minor;
  taxLines: ShopifyTaxLine[];
  /** Both currencies, before any discount. */
  originalUnitPriceSet: MoneyPair;
  /** Line-level and order-level discounts Shopify allocated to the line, over the original quantity. */
  discountAllocations: ShopifyDiscountAllocation[];
  isGiftCard: boolean;
  requiresShipping: boolean;
}

export interface ShopifyFulfillment {
  status: string;
  trackingCompany?: string;
  trackingNumber?: string;
  trackingUrl?: string;
}

export interface ShopifyOrder {
  id: string;
  /** The numeric id (legacyResourceId) as a string: the dedupe key sent to Sentos as order_id. */
  legacyId: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  processedAt: string;
  cancelledAt?: string;
  cancelReason?: string;
  closed: boolean;
  test: boolean;
  displayFinancialStatus?: string;
  displayFulfillmentStatus: string;
  currencyCode: string;
  presentmentCurrencyCode: string;
  email?: string;
  phone?: string;
  note?: string;
  paymentGatewayNames: string[];
  customer?: { firstName?: string; lastName?: string; email?: string; phone?: string };
  billingAddress?: ShopifyMailingAddress;
  shippingAddress?: ShopifyMailingAddress;
  shippingTotal: Minor;
  totalPrice: Minor;
  money: ShopifyOrderMoney;
  lineItems: ShopifyLineItem[];
  fulfillments: ShopifyFulfillment[];
}

export interface ShopifyOrderQuery {
  /** ISO time: only orders updated strictly after it. */
  updatedAfter?: string;
  /** Extra Shopify search syntax, e.g. "financial_status:paid". */
  search?: string;
  ids?: string[];
}

/** One row of inventorySetQuantities (docs/shopify-api.md#inventory). */
export interface InventoryWrite {
  inventoryItemId: string;
  locationId: string;
  quantity: number;
  /** Compare-and-set: the quantity read at plan time; null skips the check (never used by sync). */
  changeFromQuantity: number | null;
}

export interface InventoryWriteResult {
  ok: boolean;
  /** Rows whose changeFromQuantity was stale: someone sold or adjusted in between. */
  stale: Array<{ inventoryItemId: string; locationId: string }>;
  userErrors: Array<{ code?: string; field?: string[]; message: string }>;
}

/**
 * What sync asks the client to write for one product (mapped to productSet by the client). Scalar fields left undefined
 * are not sent, so Shopify keeps them (productSet updates only included non-list fields). `options` and `variants` are
 * always the COMPLETE lists: productSet deletes omitted variants (docs/shopify-api.md#productset).
 */
export interface ProductWrite {
  /** Update by id; create (or converge a create whose outcome was unknown) by handle upsert. */
  identifier: { id: string } | { handle: string };
  handle?: string;
  title?: string;
  descriptionHtml?: string;
  vendor?: string;
  productType?: string;
  tags?: string[];
  status?: 'ACTIVE' | 'DRAFT' | 'ARCHIVED' | 'UNLISTED';
  options: Array<{ name: string; values: string[] }>;
  variants: VariantWrite[];
  /**
   * Image URLs in order: the product's media become exactly these (productSet `files` replaces the list);
   * undefined leaves the media alone. On a create they are also recorded in sentos_sync.image_sources.
   */
  imageSources?: string[];
  /** Written as metafield sentos_sync.product_id on create only (productSet replaces the whole metafield list). */
  sentosProductId?: string;
  /**
   * The caller still writes stock for variants this call creates, so it needs their inventory item ids back
   * (3 points per variant more, docs/shopify-api.md#productset). Otherwise only the product id is returned.
   */
  returnVariants?: boolean;
}

export interface VariantWrite {
  id?: string;
  sku: string;
  barcode?: string;
  price?: number; // minor units
  /** null clears the compare-at price. */
  compareAtPrice?: number | null;
  optionValues: Array<{ optionName: string; name: string }>;
  /**
   * Initial `available` stock per location, for a variant this call CREATES (no id): a blind set, safe only
   * because nothing can have been sold of a variant that does not exist yet. Existing variants' stock goes
   * through compare-and-set inventorySetQuantities (docs/shopify-api.md#productset).
   */
  inventoryQuantities?: Array<{ locationId: string; quantity: number }>;
  /** The variant's image: one of the product's imageSources, sent only together with them. */
  imageSource?: string;
}

/** What a productSet returns: the product id, and the variants' ids when ProductWrite.returnVariants asked. */
export interface WrittenProduct {
  id: string;
  variants: Array<{ id: string; sku: string; inventoryItemId: string }>;
}

export interface ProductWriteResult {
  product?: WrittenProduct;
  userErrors: Array<{ code?: string; field?: string[]; message: string }>;
}

/** metafieldsSet rows: upserts without touching the product's other metafields. */
export interface MetafieldWrite {
  ownerId: string;
  key: 'product_id' | 'image_sources';
  value: string;
}
