import { z } from 'zod';
import { defineOperation } from './operation.js';

export interface CatalogCountsVariables {
  query?: string | null;
  /** Count no further than this; `precision` is AT_LEAST when the limit was reached (schema 2026-10 [V]). */
  productsLimit: number | null;
  variantsLimit: number | null;
}

const countSchema = z.object({ count: z.number(), precision: z.string() });

/**
 * How large a catalog read would be, in products AND variants, to choose between pages and a bulk export
 * (../read-choice.ts): a paged read costs per variant, so a shop of few products with many variants is large.
 * productVariantsCount takes no search ("No supported search fields", schema 2026-10): with a product search it
 * counts the whole shop, which can only push the choice towards the export. Estimated cost: 2 (two Counts).
 */
export const CatalogCounts = defineOperation<CatalogCountsVariables>()({
  name: 'CatalogCounts',
  kind: 'read',
  document: `
query CatalogCounts($query: String, $productsLimit: Int, $variantsLimit: Int) {
  productsCount(query: $query, limit: $productsLimit) { count precision }
  productVariantsCount(limit: $variantsLimit) { count precision }
}`,
  data: z.object({
    productsCount: countSchema.nullable(),
    // Forgiving: a shop or version without the field still reads (by the product count alone).
    productVariantsCount: countSchema.nullable().optional(),
  }),
});
