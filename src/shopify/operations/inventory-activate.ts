import { z } from 'zod';
import { defineOperation } from './operation.js';
import { LEVEL_FIELDS, userErrorSchema } from './wire.js';

export interface InventoryActivateVariables {
  inventoryItemId: string;
  locationId: string;
  idempotencyKey: string;
}

/**
 * Stocks an item at a location before the first set; `@idempotent` is mandatory from 2026-04
 * (docs/shopify-api.md#inventory, docs/shopify-api.md#pitfalls pitfall 7). No quantities: since 2026-04 a re-activation
 * keeps previous quantities. Cost ≈ 10 + 3 = 13.
 */
export const InventoryActivate = defineOperation<InventoryActivateVariables>()({
  name: 'InventoryActivate',
  kind: 'write',
  document: `
mutation InventoryActivate($inventoryItemId: ID!, $locationId: ID!, $idempotencyKey: String!) {
  inventoryActivate(inventoryItemId: $inventoryItemId, locationId: $locationId) @idempotent(key: $idempotencyKey) {
    inventoryLevel { ...LevelFields }
    userErrors { field message }
  }
}
${LEVEL_FIELDS}`,
  data: z.object({
    inventoryActivate: z
      .object({
        inventoryLevel: z
          .object({
            location: z.object({ id: z.string() }),
            quantities: z.array(z.object({ name: z.string(), quantity: z.number() })),
          })
          .nullable(),
        userErrors: z.array(userErrorSchema),
      })
      .nullable(),
  }),
});
