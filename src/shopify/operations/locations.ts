import { z } from 'zod';
import { defineOperation } from './operation.js';
import { pageInfoSchema } from './wire.js';

export interface LocationsVariables {
  first: number;
  after?: string | null;
}

/**
 * Active locations only: `includeInactive` defaults to false and inactive locations cannot stock inventory
 * (docs/shopify-api.md#shop-and-locations). Estimated cost with first: 50: 2 + 50 × 1 + 1 = 53.
 */
export const Locations = defineOperation<LocationsVariables>()({
  name: 'Locations',
  kind: 'read',
  document: `
query Locations($first: Int!, $after: String) {
  locations(first: $first, after: $after, includeInactive: false) {
    nodes { id name isActive }
    pageInfo { hasNextPage endCursor }
  }
}`,
  data: z.object({
    locations: z.object({
      nodes: z.array(z.object({ id: z.string(), name: z.string(), isActive: z.boolean() })),
      pageInfo: pageInfoSchema,
    }),
  }),
});
