import { z } from 'zod';
import { defineOperation } from './operation.js';
import { PRODUCT_FIELDS, pageInfoSchema, productSchema } from './wire.js';

export interface ProductsPageVariables {
  first: number;
  after?: string | null;
  query?: string | null;
  variantsFirst: number;
  levelsFirst: number;
}

/**
 * Catalog read by cursor (docs/shopify-api.md#catalog-reads), sortKey ID so pages are stable while we write. Cost per
 * product ≈ 8 + variantsFirst × (5 + 3 × levelsFirst) by the docs/shopify-api.md#rate-limits-by-plan rules
 * (estimate-cost.ts); with the defaults in ../page-size.ts (20 variants, 10 levels) one product is ≈ 710 points, so
 * `first` starts at 1
 * and grows only when Shopify reports a lower requestedQueryCost (page-size.ts, docs/shopify-api.md#orders "raise first
 * only after measuring").
 */
export const ProductsPage = defineOperation<ProductsPageVariables>()({
  name: 'ProductsPage',
  kind: 'read',
  document: `
query ProductsPage($first: Int!, $after: String, $query: String, $variantsFirst: Int!, $levelsFirst: Int!) {
  products(first: $first, after: $after, query: $query, sortKey: ID) {
    nodes { ...ProductFields }
    pageInfo { hasNextPage endCursor }
  }
}
${PRODUCT_FIELDS}`,
  data: z.object({ products: z.object({ nodes: z.array(productSchema), pageInfo: pageInfoSchema }) }),
});
