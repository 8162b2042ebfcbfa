/**
 * Catalog reads (writes: product-write.ts). A product's variants and an item's levels can outgrow one page:
 * they are completed here, so callers always get whole products. Catalogs whose paged read would cost more
 * than a bulk export are read by export (bulk/catalog.ts; the choice in read-choice.ts counts variants, not
 * products: pages pay per variant, so one product of 2,000 variants is a large catalog).
 */
import { RemoteError } from '../core/errors.js';
import { listProductsByBulk } from './bulk/catalog.js';
import type { BulkDeps } from './bulk/operation.js';
import type { GraphqlTransport } from './graphql.js';
import { toLevels, toShopifyProduct, toShopifyVariant } from './map-product.js';
import { InventoryLevelsByItems, CatalogCounts, ProductVariantsPage, ProductsPage } from './operations/index.js';
import type { WireProduct, WireVariant } from './operations/wire.js';
import * as size from './page-size.js';
import { chunk, paginate } from './paginate.js';
import { chooseCatalogRead, type CatalogSize } from './read-choice.js';
import type { ShopifyInventoryLevel, ShopifyProduct } from './types.js';

/** Above this many products the catalog is always read by bulk export, whatever the cost estimate says. */
export const DEFAULT_BULK_THRESHOLD = 250;

export interface ListProductsOptions {
  /** Products per page of the paginated read; default: start at 1 and follow the measured cost (page-size.ts). */
  pageSize?: number;
  /** Shopify product search syntax, e.g. "sku:ABC-1" or "updated_at:>'2026-11-01'". */
  query?: string;
  /**
   * 'auto' (default): CatalogCounts first (products and variants), then pages when they cost less than a bulk
   * export (read-choice.ts) and never above `bulkThreshold` products.
   */
  mode?: 'auto' | 'paginated' | 'bulk';
  /** Overrides the client's threshold for this read. */
  bulkThreshold?: number;
  /**
   * Inventory levels asked per variant in the paginated read (default 10). The requested cost counts `first`,
   * so a caller that knows the shop's location count passes it: a 3-location shop then pays for 3, not 10.
   * Items stocked at more locations are still read in full (overflow read).
   */
  levelsFirst?: number;
  /** The shop's counts when the caller read them already (RunContext): no CatalogCounts request then. */
  size?: CatalogSize;
}

/** What the bulk path needs; without it listProducts always pages. */
export interface BulkReading {
  deps: BulkDeps;
  threshold: number;
}

export async function* listProducts(
  gql: GraphqlTransport,
  options: ListProductsOptions = {},
  bulk?: BulkReading,
): AsyncGenerator<ShopifyProduct[]> {
  const choice = bulk ? await chooseRead(gql, options, bulk.threshold) : undefined;
  if (bulk && choice?.bulk) {
    yield* listProductsByBulk(bulk.deps, {
      search: options.query,
      readLevels: (ids) => getInventoryLevels(gql, ids),
      size: choice.size,
    });
    return;
  }
  if (options.mode === 'bulk')
    throw new RemoteError('Bulk catalog reads are not available on this client.', {
      service: 'shopify',
      code: 'BULK_UNAVAILABLE',
    });
  yield* listProductsByPage(gql, options);
}

/**
 * CatalogCounts costs two points. Products are counted just above the threshold (all the choice needs);
 * variants up to Shopify's default cap, which is far above where the export is chosen anyway.
 */
async function chooseRead(
  gql: GraphqlTransport,
  options: ListProductsOptions,
  clientThreshold: number,
): Promise<{ bulk: boolean; size?: CatalogSize }> {
  if (options.mode === 'paginated') return { bulk: false };
  if (options.mode === 'bulk') return { bulk: true, size: options.size };
  const threshold = options.bulkThreshold ?? clientThreshold;
  const size = options.size ?? (await countCatalog(gql, options.query, threshold));
  const read = chooseCatalogRead(size, { levelsFirst: levelsFirstOf(options), productThreshold: threshold });
  return { bulk: read === 'bulk', size };
}

/** productVariantsCount's own default cap (schema 2026-10: "Limited to a maximum of 10000 by default"). */
const VARIANTS_COUNT_LIMIT = 10_000;

async function countCatalog(gql: GraphqlTransport, query: string | undefined, threshold: number): Promise<CatalogSize> {
  const { data } = await gql.execute(CatalogCounts, {
    query: query ?? null,
    productsLimit: threshold + 1,
    variantsLimit: VARIANTS_COUNT_LIMIT,
  });
  return { products: data.productsCount?.count ?? 0, variants: data.productVariantsCount?.count };
}

function levelsFirstOf(options: ListProductsOptions): number {
  return Math.min(Math.max(options.levelsFirst ?? size.LEVELS_FIRST, 1), size.LEVELS_FIRST);
}

function listProductsByPage(gql: GraphqlTransport, options: ListProductsOptions): AsyncGenerator<ShopifyProduct[]> {
  const levelsFirst = levelsFirstOf(options);
  const variables = { query: options.query ?? null, variantsFirst: size.PRODUCT_VARIANTS_FIRST, levelsFirst };
  return paginate(
    async ({ first, after }) => {
      const { data, requestedCost } = await gql.execute(ProductsPage, { ...variables, first, after });
      return {
        items: await completeProducts(gql, data.products.nodes, levelsFirst),
        pageInfo: data.products.pageInfo,
        requestedCost,
      };
    },
    { first: options.pageSize ?? size.INITIAL_PRODUCTS_FIRST, adaptive: options.pageSize === undefined },
  );
}

/** Ids that are not inventory items are absent from the map. */
export async function getInventoryLevels(
  gql: GraphqlTransport,
  inventoryItemIds: string[],
): Promise<Map<string, ShopifyInventoryLevel[]>> {
  const result = new Map<string, ShopifyInventoryLevel[]>();
  const overflow: string[] = [];
  for (const ids of chunk([...new Set(inventoryItemIds)], size.LEVEL_ITEMS_PER_CALL)) {
    const { data } = await gql.execute(InventoryLevelsByItems, { ids, levelsFirst: size.LEVELS_FIRST });
    for (const node of data.nodes) {
      if (!node?.id || !node.inventoryLevels) continue;
      if (node.inventoryLevels.pageInfo.hasNextPage) overflow.push(node.id);
      else result.set(node.id, toLevels(node.inventoryLevels));
    }
  }
  for (const [id, levels] of await readOverflowLevels(gql, overflow)) result.set(id, levels);
  return result;
}

/** Completes each product's variants and the levels of items stocked at more locations than the page held. */
async function completeProducts(
  gql: GraphqlTransport,
  wires: WireProduct[],
  levelsFirst: number,
): Promise<ShopifyProduct[]> {
  const variantLists: WireVariant[][] = [];
  for (const wire of wires) variantLists.push(await allVariants(gql, wire, levelsFirst));
  const overflow = variantLists.flat().filter((v) => v.inventoryItem.inventoryLevels.pageInfo.hasNextPage);
  const levels = await readOverflowLevels(
    gql,
    overflow.map((v) => v.inventoryItem.id),
  );
  return wires.map((wire, i) =>
    toShopifyProduct(
      wire,
      (variantLists[i] ?? []).map((v) => toShopifyVariant(v, levels.get(v.inventoryItem.id))),
    ),
  );
}

async function allVariants(gql: GraphqlTransport, product: WireProduct, levelsFirst: number): Promise<WireVariant[]> {
  const variants = [...product.variants.nodes];
  let pageInfo = product.variants.pageInfo;
  while (pageInfo.hasNextPage && pageInfo.endCursor) {
    const variables = { id: product.id, first: size.VARIANTS_PAGE_FIRST, after: pageInfo.endCursor, levelsFirst };
    const { data } = await gql.execute(ProductVariantsPage, variables);
    if (!data.product) throw vanished(`product ${product.id}`);
    variants.push(...data.product.variants.nodes);
    pageInfo = data.product.variants.pageInfo;
  }
  return variants;
}

/** Items stocked at more than LEVELS_FIRST locations: one item per call with 250 levels (753 points). */
async function readOverflowLevels(gql: GraphqlTransport, ids: string[]): Promise<Map<string, ShopifyInventoryLevel[]>> {
  const result = new Map<string, ShopifyInventoryLevel[]>();
  for (const id of ids) {
    const { data } = await gql.execute(InventoryLevelsByItems, { ids: [id], levelsFirst: size.LEVELS_FIRST_OVERFLOW });
    const levels = data.nodes[0]?.inventoryLevels;
    if (!levels) throw vanished(`inventory item ${id}`);
    if (levels.pageInfo.hasNextPage) {
      throw new RemoteError(
        `Inventory item ${id} is stocked at more than ${size.LEVELS_FIRST_OVERFLOW} locations, which ` +
          `sentos-sync cannot read.`,
        {
          service: 'shopify',
          code: 'TOO_MANY_LOCATIONS',
        },
      );
    }
    result.set(id, toLevels(levels));
  }
  return result;
}

function vanished(what: string): RemoteError {
  return new RemoteError(`Shopify ${what} disappeared while it was being read; run again.`, {
    service: 'shopify',
    code: 'NOT_FOUND',
  });
}
