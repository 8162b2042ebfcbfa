/**
 * The catalog read by bulk export, for stores too large to page through (docs/shopify-api.md#catalog-reads:
 * ProductsPage costs ≈ 700 points per product; docs/shopify-api.md#bulk-export: a bulk export has no cost limit). Two
 * exports run at once because a bulk query nests connections at most two levels deep: products → variants, and
 * inventoryItems → inventoryLevels. Their lines are joined by inventory item id into the same ShopifyProduct objects
 * the paginated read yields. Nothing is yielded before both files are complete.
 */
import type { z } from 'zod';
import { RemoteError } from '../../core/errors.js';
import { toShopifyProduct, toShopifyVariant } from '../map-product.js';
import {
  BulkCatalogLevels,
  bulkCatalogProductsDocument,
  itemLineSchema,
  levelLineSchema,
  productLineSchema,
  variantLineSchema,
  type ProductLine,
  type VariantLine,
} from '../operations/bulk-catalog-export.js';
import type { CatalogSize } from '../read-choice.js';
import type { ShopifyInventoryLevel, ShopifyProduct } from '../types.js';
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

interface CatalogFile {
  products: ProductLine[];
  variants: Map<string, VariantLine[]>;
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
  const [catalog, levels] = await both(
    (signal) =>
      download(
        deps,
        'BulkCatalogProducts',
        productsOp,
        catalogCollector,
        { products: [], variants: new Map() },
        signal,
      ),
    (signal) =>
      download(
        deps,
        'BulkCatalogLevels',
        levelsOp,
        levelsCollector,
        new Map<string, ShopifyInventoryLevel[]>(),
        signal,
      ),
  );
  return join(catalog, levels, options.readLevels);
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

/** Product lines have no __parentId; variant lines point at their product, which came earlier or later. */
function catalogCollector(): JsonlCollector<CatalogFile> {
  const file: CatalogFile = { products: [], variants: new Map() };
  return {
    add: (line) => {
      if (hasParent(line)) {
        const variant = parseLine(variantLineSchema, line, 'BulkCatalogProducts');
        listFor(file.variants, variant.__parentId).push(variant);
      } else file.products.push(parseLine(productLineSchema, line, 'BulkCatalogProducts'));
    },
    finish: () => {
      const ids = new Set(file.products.map((product) => product.id));
      for (const parent of file.variants.keys())
        if (!ids.has(parent))
          throw inconsistent('BulkCatalogProducts', `variants of ${parent}, a product not in the file`);
      return file;
    },
  };
}

/** Item lines, then their active levels; an item without level lines is stocked nowhere. */
function levelsCollector(): JsonlCollector<Map<string, ShopifyInventoryLevel[]>> {
  const levels = new Map<string, ShopifyInventoryLevel[]>();
  const orphans = new Map<string, ShopifyInventoryLevel[]>();
  return {
    add: (line) => {
      if (!hasParent(line)) {
        const item = parseLine(itemLineSchema, line, 'BulkCatalogLevels');
        if (!levels.has(item.id)) levels.set(item.id, orphans.get(item.id) ?? []);
        orphans.delete(item.id);
        return;
      }
      const level = parseLine(levelLineSchema, line, 'BulkCatalogLevels');
      const available = level.quantities.find((q) => q.name === 'available')?.quantity ?? 0;
      listFor(levels.has(level.__parentId) ? levels : orphans, level.__parentId).push({
        locationId: level.location.id,
        available,
      });
    },
    finish: () => {
      const [orphan] = orphans.keys();
      if (orphan) throw inconsistent('BulkCatalogLevels', `levels of ${orphan}, an inventory item not in the file`);
      return levels;
    },
  };
}

async function join(
  catalog: CatalogFile,
  levels: Map<string, ShopifyInventoryLevel[]>,
  readLevels: BulkCatalogOptions['readLevels'],
): Promise<ShopifyProduct[]> {
  const variantsOf = (product: ProductLine) =>
    [...(catalog.variants.get(product.id) ?? [])].sort((a, b) => a.position - b.position);
  const unseen = catalog.products
    .flatMap(variantsOf)
    .map((v) => v.inventoryItem.id)
    .filter((id) => !levels.has(id));
  const late = unseen.length > 0 ? await readLevels(unseen) : new Map<string, ShopifyInventoryLevel[]>();
  const levelsOf = (variant: VariantLine): ShopifyInventoryLevel[] => {
    const found = levels.get(variant.inventoryItem.id) ?? late.get(variant.inventoryItem.id);
    if (found) return found;
    throw new RemoteError(
      `Shopify inventory item ${variant.inventoryItem.id} disappeared while it was being read; run again.`,
      { service: 'shopify', code: 'NOT_FOUND' },
    );
  };
  return catalog.products.map((product) =>
    toShopifyProduct(
      product,
      variantsOf(product).map((variant) => toShopifyVariant(variant, levelsOf(variant))),
    ),
  );
}

function hasParent(line: unknown): boolean {
  return typeof line === 'object' && line !== null && '__parentId' in line;
}

function parseLine<S extends z.ZodType>(schema: S, line: unknown, label: string): z.infer<S> {
  const parsed = schema.safeParse(line);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw inconsistent(
    label,
    `a line has an unexpected shape at ${issue?.path.join('.') ?? ''} (${issue?.message ?? 'invalid'})`,
  );
}

function inconsistent(label: string, what: string): RemoteError {
  return new RemoteError(
    `Shopify bulk export ${label}: ${what}.`,
    { service: 'shopify', code: 'UNEXPECTED_RESPONSE' },
    { hint: 'Run again; the catalog was not read.' },
  );
}

function listFor<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}
