import { z } from 'zod';
import { defineOperation } from './operation.js';
import { pageInfoSchema } from './wire.js';

/** One page of active locations, as Locations and RunContext read it. */
export const LOCATION_PAGE_FIELDS = 'nodes { id name isActive } pageInfo { hasNextPage endCursor }';
export const locationPageSchema = z.object({
  nodes: z.array(z.object({ id: z.string(), name: z.string(), isActive: z.boolean() })),
  pageInfo: pageInfoSchema,
});

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
  locations(first: $first, after: $after, includeInactive: false) { ${LOCATION_PAGE_FIELDS} }
}`,
  data: z.object({ locations: locationPageSchema }),
});
