import { z } from 'zod';
import { defineOperation } from './operation.js';
import { LEVEL_FIELDS, levelsSchema } from './wire.js';

export interface InventoryLevelsByItemsVariables {
  ids: string[];
  levelsFirst: number;
}

/**
 * Re-reads `available` per location for known inventory items (after a CHANGE_FROM_QUANTITY_STALE,
 * docs/shopify-api.md#inventory). Ids that are not inventory items come back as null or {}. Cost ≈ ids × (3 + 3 ×
 * levelsFirst):
 * 20 ids × 33 = 660 with the defaults; one id with levelsFirst 250 = 753 for the overflow re-read.
 */
export const InventoryLevelsByItems = defineOperation<InventoryLevelsByItemsVariables>()({
  name: 'InventoryLevelsByItems',
  kind: 'read',
  document: `
query InventoryLevelsByItems($ids: [ID!]!, $levelsFirst: Int!) {
  nodes(ids: $ids) {
    ... on InventoryItem {
      id
      inventoryLevels(first: $levelsFirst) { nodes { ...LevelFields } pageInfo { hasNextPage } }
    }
  }
}
${LEVEL_FIELDS}`,
  data: z.object({
    nodes: z.array(z.object({ id: z.string().optional(), inventoryLevels: levelsSchema.optional() }).nullable()),
  }),
});
