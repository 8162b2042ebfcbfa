import { z } from 'zod';
import { defineOperation } from './operation.js';
import { PRODUCT_FIELDS, codedUserErrorSchema, productSchema } from './wire.js';

/** Wire input of productSet (shopify-admin-api.md §3.3 "Input shape"); built by ../product-set-input.ts. */
export interface ProductSetWireInput {
  handle?: string;
  title?: string;
  descriptionHtml?: string;
  vendor?: string;
  productType?: string;
  tags?: string[];
  status?: string;
  productOptions: Array<{ name: string; position: number; values: Array<{ name: string }> }>;
  variants: Array<{
    id?: string;
    optionValues: Array<{ optionName: string; name: string }>;
    sku: string;
    barcode?: string;
    price?: string;
    compareAtPrice?: string | null;
    inventoryItem: { sku: string; tracked: boolean };
  }>;
  files?: Array<{ originalSource: string; contentType: 'IMAGE' }>;
  metafields?: Array<{ namespace: string; key: string; type: string; value: string }>;
}

export interface ProductSetVariables {
  identifier: { id: string } | { handle: string };
  input: ProductSetWireInput;
  variantsFirst: number;
  levelsFirst: number;
}

/**
 * Declarative upsert, synchronous so the product comes back in the payload (§3.3). Returns the product with
 * the same selection as ProductsPage, so one mapper serves both. Cost: productSet's own dynamic cost
 * (10 + 0.2 × variants + 1.9 × files …, §3.3) plus ≈ 710 for the returned product with the defaults.
 */
export const ProductSet = defineOperation<ProductSetVariables>()({
  name: 'ProductSet',
  kind: 'write',
  document: `
mutation ProductSet($identifier: ProductSetIdentifiers, $input: ProductSetInput!, $variantsFirst: Int!, $levelsFirst: Int!) {
  productSet(identifier: $identifier, input: $input, synchronous: true) {
    product { ...ProductFields }
    userErrors { code field message }
  }
}
${PRODUCT_FIELDS}`,
  data: z.object({
    productSet: z.object({ product: productSchema.nullable(), userErrors: z.array(codedUserErrorSchema) }).nullable(),
  }),
});
