/** Which Sentos price becomes the Shopify price and compare-at price (docs/sentos-api.md#prices). */
import type { MoneyResult } from '../../core/money.js';
import type { SentosProduct, SentosVariant } from '../../sentos/types.js';

export interface VariantPrice {
  /** Undefined when Sentos gave no price at all in the configured list. */
  price?: MoneyResult;
  /** Field name for messages: "sale_price" or "prices.b2c.sale_price". */
  priceLabel: string;
  list?: MoneyResult;
  listLabel: string;
  /** The configured list this price fell back from (it had no usable entry): said once per product. */
  fallbackFrom?: string;
}

/**
 * 'sale_price': the variant's sale_price, else the product's. A channel key: prices[key] of the product, since
 * Sentos keeps channel price lists per product only (docs/sentos-api.md#prices); the variant sale_price belongs
 * to the default list and is not mixed in. A channel list with no usable entry for the product (`{}`, `[]`, the
 * key missing, or its sale_price empty) falls back to the default rule: many merchants fill a channel list for
 * part of the catalog only, and refusing the rest would leave it unsynced. A sale_price that is present but not
 * a price is not "no entry": it stays, and validation fails the product with it.
 */
export function resolveVariantPrice(
  product: SentosProduct,
  variant: SentosVariant | undefined,
  priceList: string,
): VariantPrice {
  const channel = priceList === 'sale_price' ? undefined : product.prices[priceList];
  if (priceList === 'sale_price' || !usable(channel?.sale)) {
    return {
      price: variant?.salePrice ?? product.salePrice,
      priceLabel: 'sale_price',
      listLabel: 'list_price',
      ...(priceList === 'sale_price' ? {} : { fallbackFrom: priceList }),
    };
  }
  return {
    price: channel?.sale,
    priceLabel: `prices.${priceList}.sale_price`,
    list: channel?.list,
    listLabel: `prices.${priceList}.list_price`,
  };
}

/** Missing or empty is no entry; anything else (a price, or text that is not one) is the list's answer. */
function usable(sale: MoneyResult | undefined): boolean {
  return sale !== undefined && (sale.ok || (sale.reason !== 'missing' && sale.reason !== 'empty'));
}

/** One line per product (not per variant) when its price came from the default rule instead of the list. */
export function fallbackNote(priceList: string | undefined): string[] {
  return priceList === undefined
    ? []
    : [`price list "${priceList}" has no price for this product: used sale_price (variant before product)`];
}

/**
 * Compare-at only when the list price is strictly higher than the price, otherwise none (null, which clears
 * it). Without a list price (the default list has none) Sentos has no opinion (undefined): Shopify's stays.
 */
export function compareAtFrom(
  price: MoneyResult | undefined,
  list: MoneyResult | undefined,
): number | null | undefined {
  if (!price?.ok || !list?.ok) return undefined;
  return list.minor > price.minor ? list.minor : null;
}
