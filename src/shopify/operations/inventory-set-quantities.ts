import { z } from 'zod';
import { defineOperation } from './operation.js';
import { codedUserErrorSchema } from './wire.js';

export interface InventorySetQuantitiesVariables {
  quantities: Array<{
    inventoryItemId: string;
    locationId: string;
    quantity: number;
    changeFromQuantity: number | null;
  }>;
  referenceDocumentUri: string;
  idempotencyKey: string;
}

/**
 * Absolute stock, the call for a source-of-truth system (docs/shopify-api.md#inventory). name "available" and reason
 * "correction" are fixed in the document; changeFromQuantity is always present (null skips the compare,
 * docs/shopify-api.md#pitfalls);
 * `@idempotent` is mandatory from 2026-04. At most 250 quantities (input-array limit, docs/shopify-api.md#pitfalls
 * pitfall 15). Cost ≈ 10 + 1.
 */
export const InventorySetQuantities = defineOperation<InventorySetQuantitiesVariables>()({
  name: 'InventorySetQuantities',
  kind: 'write',
  document:
    `
mutation InventorySetQuantities(
  $quantities: [InventoryQuantityInput!]!
  $referenceDocumentUri: String!
  $idempotencyKey: String!
) {
  inventorySetQuantities(
    input: { name: "available", reason: "correction", referenceDocumentUri: $referenceDocumentUri, quantities: ` +
    `$quantities }
  ) @idempotent(key: $idempotencyKey) {
    inventoryAdjustmentGroup { id }
    userErrors { code field message }
  }
}`,
  data: z.object({
    inventorySetQuantities: z
      .object({
        inventoryAdjustmentGroup: z.object({ id: z.string() }).nullable(),
        userErrors: z.array(codedUserErrorSchema),
      })
      .nullable(),
  }),
});
