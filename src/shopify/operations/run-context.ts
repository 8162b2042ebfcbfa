import { z } from 'zod';
import { defineOperation } from './operation.js';
import { LOCATION_PAGE_FIELDS, locationPageSchema } from './locations.js';
import { SHOP_FIELDS, shopSchema } from './shop-info.js';

export interface RunContextVariables {
  locationsFirst: number;
  /** null counts everything (schema 2026-10 [V]): the client sends null, see ../run-context.ts. */
  productsLimit: number | null;
  variantsLimit: number | null;
}

const countSchema = z.object({ count: z.number(), precision: z.string() });

/**
 * What a products run needs from Shopify before its catalog read, in one request: the shop (a wrong token fails
 * here, before the long Sentos read), the active locations and the catalog counts that choose pages or a bulk
 * export (docs/shopify-api.md#catalog-reads). Three reads folded into one: the same answers, one request.
 * Estimated cost with locationsFirst 50: 1 + (2 + 50) + 2 = 55 requested; actual ≈ 5 + locations.
 */
export const RunContext = defineOperation<RunContextVariables>()({
  name: 'RunContext',
  kind: 'read',
  document: `
query RunContext($locationsFirst: Int!, $productsLimit: Int, $variantsLimit: Int) {
  ${SHOP_FIELDS}
  locations(first: $locationsFirst, includeInactive: false) { ${LOCATION_PAGE_FIELDS} }
  productsCount(limit: $productsLimit) { count precision }
  productVariantsCount(limit: $variantsLimit) { count precision }
}`,
  data: z.object({
    shop: shopSchema,
    locations: locationPageSchema,
    productsCount: countSchema.nullable(),
    // Forgiving, as in CatalogCounts: without the field the product count decides alone.
    productVariantsCount: countSchema.nullable().optional(),
  }),
});
