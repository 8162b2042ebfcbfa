import { z } from 'zod';
import { defineOperation } from './operation.js';
import { codedUserErrorSchema, pageInfoSchema } from './wire.js';

/** Wire input of productSet (docs/shopify-api.md#productset); built by ../product-set-input.ts. */
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
    /** Initial stock of a NEW variant (no compare-and-set: nothing can be sold before it exists). */
    inventoryQuantities?: Array<{ locationId: string; name: 'available'; quantity: number }>;
    /** Must also be in `files` (schema 2026-10 ProductVariantSetInput.file). */
    file?: FileSetWireInput;
  }>;
  files?: FileSetWireInput[];
  metafields?: Array<{ namespace: string; key: string; type: string; value: string }>;
}

export interface FileSetWireInput {
  originalSource: string;
  contentType: 'IMAGE';
}

export interface ProductSetVariables {
  identifier: { id: string } | { handle: string };
  input: ProductSetWireInput;
}

export interface ProductSetWithVariantsVariables extends ProductSetVariables {
  variantsFirst: number;
}

const payload = <T extends z.ZodTypeAny>(product: T) =>
  z.object({
    productSet: z.object({ product: product.nullable(), userErrors: z.array(codedUserErrorSchema) }).nullable(),
  });

/**
 * Declarative upsert, synchronous. The returned selection is what costs points (docs/shopify-api.md#productset):
 * the tool needs only the product id when every new variant's stock travels in `inventoryQuantities`, so this
 * costs 10 + 0.2 × variants + 0.4 × metafields + 1 (the product object), ≈ 13 for 8 variants.
 */
export const ProductSet = defineOperation<ProductSetVariables>()({
  name: 'ProductSet',
  kind: 'write',
  document: `
mutation ProductSet($identifier: ProductSetIdentifiers, $input: ProductSetInput!) {
  productSet(identifier: $identifier, input: $input, synchronous: true) {
    product { id }
    userErrors { code field message }
  }
}`,
  data: payload(z.object({ id: z.string() })),
});

export const writtenVariantsSchema = z.object({
  nodes: z.array(z.object({ id: z.string(), sku: z.string().nullable(), inventoryItem: z.object({ id: z.string() }) })),
  pageInfo: pageInfoSchema,
});

/**
 * The same upsert when the caller still has to write stock for variants it creates (their inventory item ids
 * are needed): 3 more points per variant returned (the node, its inventoryItem, and the connection's 2).
 */
export const ProductSetWithVariants = defineOperation<ProductSetWithVariantsVariables>()({
  name: 'ProductSetWithVariants',
  kind: 'write',
  document: `
mutation ProductSetWithVariants($identifier: ProductSetIdentifiers, $input: ProductSetInput!, $variantsFirst: Int!) {
  productSet(identifier: $identifier, input: $input, synchronous: true) {
    product {
      id
      variants(first: $variantsFirst) { nodes { id sku inventoryItem { id } } pageInfo { hasNextPage endCursor } }
    }
    userErrors { code field message }
  }
}`,
  data: payload(z.object({ id: z.string(), variants: writtenVariantsSchema })),
});

export interface WrittenVariantsPageVariables {
  id: string;
  first: number;
  after: string;
}

/** The rest of a written product's variant ids (more than 250 variants created without their stock). */
export const WrittenVariantsPage = defineOperation<WrittenVariantsPageVariables>()({
  name: 'WrittenVariantsPage',
  kind: 'read',
  document: `
query WrittenVariantsPage($id: ID!, $first: Int!, $after: String!) {
  product(id: $id) {
    variants(first: $first, after: $after) { nodes { id sku inventoryItem { id } } pageInfo { hasNextPage endCursor } }
  }
}`,
  data: z.object({ product: z.object({ variants: writtenVariantsSchema }).nullable() }),
});
