import { z } from 'zod';
import { defineOperation } from './operation.js';

export interface ProductsCountVariables {
  query?: string | null;
  /** Count no further than this; `precision` is AT_LEAST when the limit was reached (schema 2026-10 [V]). */
  limit: number | null;
}

/**
 * How many products a catalog read would return, to choose between pages and a bulk export (§4.1, §4.2).
 * Estimated cost: 1 (one object), against ≈ 700 points per product for ProductsPage.
 */
export const ProductsCount = defineOperation<ProductsCountVariables>()({
  name: 'ProductsCount',
  kind: 'read',
  document: `
query ProductsCount($query: String, $limit: Int) {
  productsCount(query: $query, limit: $limit) { count precision }
}`,
  data: z.object({ productsCount: z.object({ count: z.number(), precision: z.string() }).nullable() }),
});
