import { z } from 'zod';
import { defineOperation, type NoVariables } from './operation.js';

/** The shop fields every reader of the shop asks for (ShopInfo, RunContext). */
export const SHOP_FIELDS = 'shop { name myshopifyDomain currencyCode ianaTimezone }';
export const shopSchema = z.object({
  name: z.string(),
  myshopifyDomain: z.string(),
  currencyCode: z.string(),
  ianaTimezone: z.string(),
});

/** Shop identity and currency (docs/shopify-api.md#shop-and-locations). Estimated cost: 1 (one object). */
export const ShopInfo = defineOperation<NoVariables>()({
  name: 'ShopInfo',
  kind: 'read',
  document: `
query ShopInfo {
  ${SHOP_FIELDS}
}`,
  data: z.object({ shop: shopSchema }),
});
