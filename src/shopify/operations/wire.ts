/**
 * Wire pieces shared by several operations: selection fragments and the zod schemas of what they select.
 * Wire casing on purpose (docs/house-style.md#3-wire-types-at-the-boundary); mapping to domain types happens in
 * ../map-*.ts.
 */
import { z } from 'zod';

export const pageInfoSchema = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() });

/** MoneyBag.shopMoney: the shop currency, what Sentos books (docs/shopify-api.md#orders). */
export const moneyBagSchema = z.object({ shopMoney: z.object({ amount: z.string() }) });

/** ProductSetUserError / InventorySetQuantitiesUserError / MetafieldsSetUserError share this shape. */
export const codedUserErrorSchema = z.object({
  code: z.string().nullable(),
  field: z.array(z.string()).nullable(),
  message: z.string(),
});

/** Plain UserError (no `code` field in the schema: inventoryActivate). */
export const userErrorSchema = z.object({ field: z.array(z.string()).nullable(), message: z.string() });

export const levelsSchema = z.object({
  nodes: z.array(
    z.object({
      location: z.object({ id: z.string() }),
      quantities: z.array(z.object({ name: z.string(), quantity: z.number() })),
    }),
  ),
  pageInfo: z.object({ hasNextPage: z.boolean() }),
});

/**
 * Only `available` is read: that is the quantity sync sets (inventorySetQuantities name "available",
 * docs/shopify-api.md#inventory).
 * `inventoryLevels` lists active levels only (includeInactive defaults to false, docs/shopify-api.md#inventory), i.e.
 * the locations where the item is stocked.
 */
export const LEVEL_FIELDS = `
fragment LevelFields on InventoryLevel {
  location { id }
  quantities(names: ["available"]) { name quantity }
}`;

export const VARIANT_FIELDS = `
fragment VariantFields on ProductVariant {
  id sku barcode price compareAtPrice position
  selectedOptions { name value }
  inventoryItem {
    id tracked
    inventoryLevels(first: $levelsFirst) { nodes { ...LevelFields } pageInfo { hasNextPage } }
  }
}
${LEVEL_FIELDS}`;

export const variantSchema = z.object({
  id: z.string(),
  sku: z.string().nullable(),
  barcode: z.string().nullable(),
  price: z.string(),
  compareAtPrice: z.string().nullable(),
  position: z.number(),
  selectedOptions: z.array(z.object({ name: z.string(), value: z.string() })),
  inventoryItem: z.object({ id: z.string(), tracked: z.boolean(), inventoryLevels: levelsSchema }),
});

export const variantConnectionSchema = z.object({ nodes: z.array(variantSchema), pageInfo: pageInfoSchema });

/**
 * The product as ProductsPage lists it and productSet returns it. Metafields are aliased so both fit in one selection.
 * `options(first: 3)`: productSet accepts at most 3 options (docs/shopify-api.md#productset limits).
 */
export const PRODUCT_FIELDS = `
fragment ProductFields on Product {
  id handle title descriptionHtml vendor productType tags status
  options(first: 3) { name position values }
  sentosProductId: metafield(namespace: "sentos_sync", key: "product_id") { value }
  imageSources: metafield(namespace: "sentos_sync", key: "image_sources") { value }
  variants(first: $variantsFirst) { nodes { ...VariantFields } pageInfo { hasNextPage endCursor } }
}
${VARIANT_FIELDS}`;

const metafieldValueSchema = z.object({ value: z.string() }).nullable();

export const productSchema = z.object({
  id: z.string(),
  handle: z.string(),
  title: z.string(),
  descriptionHtml: z.string(),
  vendor: z.string(),
  productType: z.string(),
  tags: z.array(z.string()),
  // Enums are decoded leniently: new values arrive with new versions (docs/shopify-api.md#pitfalls).
  status: z.string(),
  options: z.array(z.object({ name: z.string(), position: z.number(), values: z.array(z.string()) })),
  sentosProductId: metafieldValueSchema,
  imageSources: metafieldValueSchema,
  variants: variantConnectionSchema,
});

export type WireProduct = z.infer<typeof productSchema>;
export type WireVariant = z.infer<typeof variantSchema>;
export type WireLevels = z.infer<typeof levelsSchema>;
