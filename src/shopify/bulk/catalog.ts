/**
 * The catalog read by bulk export, for stores too large to page through (docs/shopify-api.md#catalog-reads:
 * ProductsPage costs ≈ 700 points per product; docs/shopify-api.md#bulk-export: a bulk export has no cost limit). Two
 * exports run at once because a bulk query nests connections at most two levels deep: products → variants, and
 * inventoryItems → inventoryLevels. Their lines are joined by inventory item id into the same ShopifyProduct objects
 * the paginated read yields, built line by line (./catalog-lines.ts). Nothing is yielded before both files are
 * complete.
 */
import { CatalogInterner } from '../intern.js';
import { BulkCatalogLevels, bulkCatalogProductsDocument } from '../operations/bulk-catalog-export.js';
import type { CatalogSize } from '../read-choice.js';
import type { ShopifyInventoryLevel, ShopifyProduct } from '../types.js';
import { catalogCollector, joinCatalog, levelsCollector } from './catalog-lines.js';
import { downloadJsonl, type JsonlCollector } from './download.js';
import { runBulkQuery, type BulkDeps, type CompletedBulkOperation } from './operation.js';

/** Products per yield: the same order of size as a large paginated page. */
export const BULK_PAGE_SIZE = 250;

export interface BulkCatalogOptions {
  /** Shopify product search syntax, as for ProductsPage. */
  search?: string;
  /** Levels of items the levels export did not see (created between the two exports): read them directly. */
  readLevels: (inventoryItemIds: string[]) => Promise<Map<string, ShopifyInventoryLevel[]>>;
  /** The shop's counts, when read: how long the exports should take, which schedules their polls. */
  size?: CatalogSize;
}

export async function* listProductsByBulk(
  deps: BulkDeps,
  options: BulkCatalogOptions,
): AsyncGenerator<ShopifyProduct[]> {
  const products = await readCatalog(deps, options);
  for (let start = 0; start < products.length; start += BULK_PAGE_SIZE)
    yield products.slice(start, start + BULK_PAGE_SIZE);
}

async function readCatalog(deps: BulkDeps, options: BulkCatalogOptions): Promise<ShopifyProduct[]> {
  // Both exports run at once; when one fails the other is abandoned rather than polled to its end.
  const controller = new AbortController();
  const both = <A, B>(a: (signal: AbortSignal) => Promise<A>, b: (signal: AbortSignal) => Promise<B>) =>
    Promise.all([a(controller.signal), b(controller.signal)]).catch((error: unknown) => {
      controller.abort(error);
      throw error;
    });
  // Products and variants as the estimate's objects for both exports: the levels export holds an item per variant
  // and its levels, about as many lines (poll-schedule.ts: an estimate, polls follow if it runs longer).
  const objects = options.size ? options.size.products + (options.size.variants ?? options.size.products) : undefined;
  const [productsOp, levelsOp] = await both(
    (signal) => runBulkQuery(deps, 'BulkCatalogProducts', bulkCatalogProductsDocument(options.search), signal, objects),
    (signal) => runBulkQuery(deps, 'BulkCatalogLevels', BulkCatalogLevels.document, signal, objects),
  );
  // One interner for both files: a location GID is one string whether a level or a variant holds it.
  const intern = new CatalogInterner();
  const [catalog, levels] = await both(
    (signal) =>
      download(
        deps,
        'BulkCatalogProducts',
        productsOp,
        catalogCollector(intern),
        { products: [], variants: new Map() },
        signal,
      ),
    (signal) =>
      download(
        deps,
        'BulkCatalogLevels',
        levelsOp,
        levelsCollector(intern),
        new Map<string, ShopifyInventoryLevel[]>(),
        signal,
      ),
  );
  return joinCatalog(catalog, levels, options.readLevels, intern);
}

function download<T>(
  deps: BulkDeps,
  label: string,
  op: CompletedBulkOperation,
  collector: () => JsonlCollector<T>,
  empty: T,
  signal: AbortSignal,
): Promise<T> {
  if (!op.url) return Promise.resolve(empty);
  return downloadJsonl(
    deps,
    { label, url: op.url, objectCount: op.objectCount, fileSize: op.fileSize },
    collector,
    signal,
  );
}
