/** Which Sentos price becomes the Shopify price and compare-at price (issue 3 §3, sentos-api.md §2.6). */
import type { MoneyResult } from '../../core/money.js';
import type { SentosProduct, SentosVariant } from '../../sentos/types.js';

export interface VariantPrice {
  /** Undefined when Sentos gave no price at all in the configured list. */
  price?: MoneyResult;
  /** Field name for messages: "sale_price" or "prices.b2c.sale_price". */
  priceLabel: string;
  list?: MoneyResult;
  listLabel: string;
}

/**
 * 'sale_price': the variant's sale_price, else the product's. A channel key: prices[key] of the product, since
 * Sentos keeps channel price lists per product only (sentos-api.md §2.4); the variant sale_price belongs to
 * the default list and is not mixed in.
 */
export function resolveVariantPrice(
  product: SentosProduct,
  variant: SentosVariant | undefined,
  priceList: string,
): VariantPrice {
  if (priceList === 'sale_price') {
    return {
      price: variant?.salePrice ?? product.salePrice,
      priceLabel: 'sale_price',
      listLabel: 'list_price',
    };
  }
  const channel = product.prices[priceList];
  return {
    price: channel?.sale,
    priceLabel: `prices.${priceList}.sale_price`,
    list: channel?.list,
    listLabel: `prices.${priceList}.list_price`,
  };
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
