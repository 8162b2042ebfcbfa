import { z } from 'zod';
import { defineOperation, type NoVariables } from './operation.js';

/** Shop identity and currency (docs/shopify-api.md#shop-and-locations). Estimated cost: 1 (one object). */
export const ShopInfo = defineOperation<NoVariables>()({
  name: 'ShopInfo',
  kind: 'read',
  document: `
query ShopInfo {
  shop { name myshopifyDomain currencyCode ianaTimezone }
}`,
  data: z.object({
    shop: z.object({
      name: z.string(),
      myshopifyDomain: z.string(),
      currencyCode: z.string(),
      ianaTimezone: z.string(),
    }),
  }),
});
