import { z } from 'zod';
import { defineOperation } from './operation.js';

export interface ProductStatusUpdateVariables {
  product: { id: string; status: 'ACTIVE' | 'DRAFT' | 'ARCHIVED' | 'UNLISTED' };
}

/**
 * Publishes a product created as a draft once its variants and stock are complete. productUpdate changes only the
 * fields given, so nothing else of the product (variants, media, metafields) is touched.
 */
export const ProductStatusUpdate = defineOperation<ProductStatusUpdateVariables>()({
  name: 'ProductStatusUpdate',
  kind: 'write',
  document: `
mutation ProductStatusUpdate($product: ProductUpdateInput!) {
  productUpdate(product: $product) {
    product { id status }
    userErrors { field message }
  }
}`,
  data: z.object({
    productUpdate: z
      .object({
        product: z.object({ id: z.string(), status: z.string() }).nullable(),
        userErrors: z.array(z.object({ field: z.array(z.string()).nullable(), message: z.string() })),
      })
      .nullable(),
  }),
});
