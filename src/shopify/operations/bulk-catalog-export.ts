/**
 * The inner documents of the bulk catalog export (docs/shopify-api.md#bulk-export) and the zod schemas of their JSONL
 * lines. They are GraphQL documents like any other, so they sit in ALL_OPERATIONS and are validated against the schema;
 * test/integration/shopify-bulk-catalog.test.ts also runs them through the sandbox's bulk rules.
 *
 * Bulk rules shape them: connections only through `edges { node }`, no `first:`/pageInfo, every connection
 * read in full, at most two levels of nested connections. Products → variants is two levels already, so the
 * stock comes from a second export, inventoryItems → inventoryLevels, joined by inventory item id.
 */
import { z } from 'zod';
import type { OperationDocument } from './operation.js';
import { levelsSchema, productSchema, variantSchema } from './wire.js';

const productsDocument = (products: string) => `
query BulkCatalogProducts {
  ${products} {
    edges {
      node {
        id handle title descriptionHtml vendor productType tags status
        options { name position values }
        sentosProductId: metafield(namespace: "sentos_sync", key: "product_id") { value }
        imageSources: metafield(namespace: "sentos_sync", key: "image_sources") { value }
        variants {
          edges {
            node {
              id sku barcode price compareAtPrice position
              selectedOptions { name value }
              inventoryItem { id tracked }
            }
          }
        }
      }
    }
  }
}`;

/** Products with their variants: product lines, then variant lines with `__parentId` = the product id. */
export const BulkCatalogProducts: OperationDocument = {
  name: 'BulkCatalogProducts',
  document: productsDocument('products'),
};

/** The same export limited by Shopify search syntax. A bulk query takes no variables, so the search is a literal. */
export function bulkCatalogProductsDocument(search?: string): string {
  // JSON string escapes are valid GraphQL string escapes.
  return search ? productsDocument(`products(query: ${JSON.stringify(search)})`) : BulkCatalogProducts.document;
}

/** `available` per active location of every inventory item: item lines, then level lines parented to the item. */
export const BulkCatalogLevels: OperationDocument = {
  name: 'BulkCatalogLevels',
  document: `
query BulkCatalogLevels {
  inventoryItems {
    edges {
      node {
        id
        inventoryLevels { edges { node { location { id } quantities(names: ["available"]) { name quantity } } } }
      }
    }
  }
}`,
};

export const productLineSchema = productSchema.omit({ variants: true });
export const variantLineSchema = variantSchema
  .omit({ inventoryItem: true })
  .extend({ inventoryItem: z.object({ id: z.string(), tracked: z.boolean() }), __parentId: z.string() });
export const itemLineSchema = z.object({ id: z.string() });
export const levelLineSchema = levelsSchema.shape.nodes.element.extend({ __parentId: z.string() });

export type ProductLine = z.infer<typeof productLineSchema>;
export type VariantLine = z.infer<typeof variantLineSchema>;
export type LevelLine = z.infer<typeof levelLineSchema>;
