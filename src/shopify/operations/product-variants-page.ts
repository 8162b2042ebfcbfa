import { z } from 'zod';
import { defineOperation } from './operation.js';
import { VARIANT_FIELDS, variantConnectionSchema } from './wire.js';

export interface ProductVariantsPageVariables {
  id: string;
  first: number;
  after: string;
  levelsFirst: number;
}

/**
 * The rest of a product's variants when the first page said hasNextPage (products can have 2,048 variants,
 * docs/shopify-api.md#pitfalls). Cost ≈ 3 + first × (5 + 3 × levelsFirst): 3 + 20 × 35 = 703 with the defaults.
 */
export const ProductVariantsPage = defineOperation<ProductVariantsPageVariables>()({
  name: 'ProductVariantsPage',
  kind: 'read',
  document: `
query ProductVariantsPage($id: ID!, $first: Int!, $after: String!, $levelsFirst: Int!) {
  product(id: $id) {
    variants(first: $first, after: $after) { nodes { ...VariantFields } pageInfo { hasNextPage endCursor } }
  }
}
${VARIANT_FIELDS}`,
  data: z.object({ product: z.object({ variants: variantConnectionSchema }).nullable() }),
});
