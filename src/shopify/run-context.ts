/**
 * The reads a products run makes before its catalog read, folded into one request (operations/run-context.ts):
 * the shop (the credentials check before the long Sentos read), the active locations and the catalog counts that
 * choose pages or a bulk export (docs/shopify-api.md#catalog-reads).
 */
import type { GraphqlTransport } from './graphql.js';
import { Locations, RunContext } from './operations/index.js';
import { LOCATIONS_FIRST } from './page-size.js';
import type { CatalogSize } from './read-choice.js';
import type { ShopifyLocation, ShopifyShop } from './types.js';

export interface ShopifyRunContext {
  shop: ShopifyShop;
  /** Every active location, all pages. */
  locations: ShopifyLocation[];
  /** The counts as CatalogCounts reads them, for listProducts({ size }). */
  catalogSize: CatalogSize;
}

export async function readRunContext(gql: GraphqlTransport): Promise<ShopifyRunContext> {
  const { data } = await gql.execute(RunContext, {
    locationsFirst: LOCATIONS_FIRST,
    // Counted in full (limit null, the same one point): the choice needs only the threshold, but a bulk export's
    // expected duration, which schedules its polls (bulk/poll-schedule.ts), needs the real size.
    productsLimit: null,
    variantsLimit: null,
  });
  return {
    shop: data.shop,
    locations: await restOfLocations(gql, data.locations.nodes, data.locations.pageInfo),
    catalogSize: { products: data.productsCount?.count ?? 0, variants: data.productVariantsCount?.count },
  };
}

/** A shop with more than one page of locations is rare: the first page rides in RunContext, the rest follow. */
async function restOfLocations(
  gql: GraphqlTransport,
  first: ShopifyLocation[],
  pageInfo: { hasNextPage: boolean; endCursor: string | null },
): Promise<ShopifyLocation[]> {
  const locations = [...first];
  let page = pageInfo;
  while (page.hasNextPage && page.endCursor) {
    const { data } = await gql.execute(Locations, { first: LOCATIONS_FIRST, after: page.endCursor });
    locations.push(...data.locations.nodes);
    page = data.locations.pageInfo;
  }
  return locations;
}
