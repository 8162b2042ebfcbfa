import { z } from 'zod';
import { defineOperation } from './operation.js';
import { codedUserErrorSchema } from './wire.js';

export interface MetafieldsSetVariables {
  metafields: Array<{ ownerId: string; namespace: string; key: string; type: string; value: string }>;
}

/**
 * Upserts metafields without touching the owner's others (productSet would replace the whole list,
 * docs/shopify-api.md#productset). At most 25 per call (schema 2026-10 metafieldsSet description). Cost ≈ 10 + a few
 * points.
 */
export const MetafieldsSet = defineOperation<MetafieldsSetVariables>()({
  name: 'MetafieldsSet',
  kind: 'write',
  document: `
mutation MetafieldsSet($metafields: [MetafieldsSetInput!]!) {
  metafieldsSet(metafields: $metafields) {
    metafields { key namespace value }
    userErrors { code field message }
  }
}`,
  data: z.object({
    metafieldsSet: z
      .object({
        metafields: z.array(z.object({ key: z.string(), namespace: z.string(), value: z.string() })).nullable(),
        userErrors: z.array(codedUserErrorSchema),
      })
      .nullable(),
  }),
});
