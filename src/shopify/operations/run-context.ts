import { z } from 'zod';
import { defineOperation } from './operation.js';
import { pageInfoSchema } from './wire.js';

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
  shop { name myshopifyDomain currencyCode ianaTimezone }
  locations(first: $locationsFirst, includeInactive: false) {
    nodes { id name isActive }
    pageInfo { hasNextPage endCursor }
  }
  productsCount(limit: $productsLimit) { count precision }
  productVariantsCount(limit: $variantsLimit) { count precision }
}`,
  data: z.object({
    shop: z.object({
      name: z.string(),
      myshopifyDomain: z.string(),
      currencyCode: z.string(),
      ianaTimezone: z.string(),
    }),
    locations: z.object({
      nodes: z.array(z.object({ id: z.string(), name: z.string(), isActive: z.boolean() })),
      pageInfo: pageInfoSchema,
    }),
    productsCount: countSchema.nullable(),
    // Forgiving, as in CatalogCounts: without the field the product count decides alone.
    productVariantsCount: countSchema.nullable().optional(),
  }),
});
