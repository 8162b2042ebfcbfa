/** Shared by the mapping tests: a known-SKU index and map() with the settings the reference order uses. */
import type { ShopifyOrder } from '../../shopify/types.js';
import { mapShopifyOrder, type MapOrderResult, type MappedOrder } from './map.js';
import { orderSettings, type OrderSettingsOverrides } from './settings.js';

export const knownSkus = new Map<string, { productId?: string }>([
  ['STD-ELB-1042-SYH-S', { productId: '1842' }],
  ['STD-KMR-0007', {}],
]);

export function map(
  order: ShopifyOrder,
  overrides: OrderSettingsOverrides = {},
  skus: typeof knownSkus | undefined = knownSkus,
): MapOrderResult {
  return mapShopifyOrder(order, {
    settings: orderSettings({ channelId: 3, warehouseId: 1, ...overrides }),
    knownSkus: skus,
  });
}

export function mapOk(order: ShopifyOrder, overrides: OrderSettingsOverrides = {}): MappedOrder {
  const result = map(order, overrides);
  if (!result.ok) throw new Error(`expected ok, got ${result.reasons.join('; ')}`);
  return result;
}
