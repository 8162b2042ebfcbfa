/**
 * The two catalog exports' lines, turned into the catalog's own objects as they arrive (docs/architecture.md#memory):
 * no parsed line outlives its own `add`, equal values are shared (../intern.ts), and the join only attaches levels
 * and orders variants, so the whole catalog exists once, never as lines and objects side by side.
 */
import type { z } from 'zod';
import { RemoteError } from '../../core/errors.js';
import type { CatalogInterner } from '../intern.js';
import { toShopifyProduct, toShopifyVariant } from '../map-product.js';
import {
  itemLineSchema,
  levelLineSchema,
  productLineSchema,
  variantLineSchema,
} from '../operations/bulk-catalog-export.js';
import type { ShopifyInventoryLevel, ShopifyProduct, ShopifyVariant } from '../types.js';
import type { JsonlCollector } from './download.js';

/** A product's variants in file order, with their positions (the join sorts them). */
interface VariantList {
  variants: ShopifyVariant[];
  positions: number[];
}

export interface CatalogFile {
  products: ShopifyProduct[];
  /** Product id → its variants, whose levels are not joined yet. */
  variants: Map<string, VariantList>;
}

export type LevelsFile = Map<string, readonly ShopifyInventoryLevel[]>;

/** The levels a variant holds until the join gives it its own (frozen: shared by every variant not joined yet). */
const NOT_JOINED: readonly ShopifyInventoryLevel[] = Object.freeze([]);

/** Product lines have no __parentId; variant lines point at their product, which came earlier or later. */
export function catalogCollector(intern: CatalogInterner): () => JsonlCollector<CatalogFile> {
  return () => {
    const file: CatalogFile = { products: [], variants: new Map() };
    return {
      add: (line) => {
        if (!hasParent(line)) {
          file.products.push(toShopifyProduct(parseLine(productLineSchema, line, 'BulkCatalogProducts'), [], intern));
          return;
        }
        const wire = parseLine(variantLineSchema, line, 'BulkCatalogProducts');
        let list = file.variants.get(wire.__parentId);
        if (!list) file.variants.set(wire.__parentId, (list = { variants: [], positions: [] }));
        list.variants.push(toShopifyVariant(wire, NOT_JOINED, intern));
        list.positions.push(wire.position);
      },
      finish: () => {
        const ids = new Set(file.products.map((product) => product.id));
        for (const parent of file.variants.keys())
          if (!ids.has(parent))
            throw inconsistent('BulkCatalogProducts', `variants of ${parent}, a product not in the file`);
        return file;
      },
    };
  };
}

/**
 * Item lines, then their active levels; an item without level lines is stocked nowhere. An item's list is made the
 * shared one (CatalogInterner.levels) when the next item starts, so the lists as they grew do not outlive the line
 * after them (docs/architecture.md#memory).
 */
export function levelsCollector(intern: CatalogInterner): () => JsonlCollector<LevelsFile> {
  return () => {
    const levels = new Map<string, readonly ShopifyInventoryLevel[]>();
    const orphans = new Map<string, ShopifyInventoryLevel[]>();
    let openId: string | undefined;
    let openList: ShopifyInventoryLevel[] = [];
    const open = (id: string, list: ShopifyInventoryLevel[]) => {
      close();
      levels.set(id, list);
      openId = id;
      openList = list;
    };
    const close = () => {
      if (openId !== undefined) levels.set(openId, intern.levels(openList));
      openId = undefined;
    };
    return {
      add: (line) => {
        if (!hasParent(line)) {
          const item = parseLine(itemLineSchema, line, 'BulkCatalogLevels');
          if (!levels.has(item.id)) open(item.id, orphans.get(item.id) ?? []);
          orphans.delete(item.id);
          return;
        }
        const wire = parseLine(levelLineSchema, line, 'BulkCatalogLevels');
        const available = wire.quantities.find((q) => q.name === 'available')?.quantity ?? 0;
        const level = intern.level(wire.location.id, available);
        const parent = wire.__parentId;
        const known = parent === openId ? undefined : levels.get(parent);
        // Levels of an item whose list was already shared (not the item just before): a list of its own again.
        if (known) open(parent, [...known]);
        if (parent === openId) openList.push(level);
        else listFor(orphans, parent).push(level);
      },
      finish: () => {
        close();
        const [orphan] = orphans.keys();
        if (orphan) throw inconsistent('BulkCatalogLevels', `levels of ${orphan}, an inventory item not in the file`);
        return levels;
      },
    };
  };
}

/**
 * Gives each product its variants in position order and each variant its levels (one list per combination of
 * locations and quantities: most variants of a shop share theirs), emptying both files as it goes.
 * `readLevels`: items the levels export did not see (created between the two exports), read directly.
 */
export async function joinCatalog(
  catalog: CatalogFile,
  levels: LevelsFile,
  readLevels: (inventoryItemIds: string[]) => Promise<Map<string, ShopifyInventoryLevel[]>>,
  intern: CatalogInterner,
): Promise<ShopifyProduct[]> {
  for (const product of catalog.products) {
    const list = catalog.variants.get(product.id);
    catalog.variants.delete(product.id);
    if (!list) continue;
    const order = list.positions.map((_, i) => i).sort((a, b) => list.positions[a]! - list.positions[b]!);
    product.variants = order.map((i) => list.variants[i]!);
  }
  const unseen: string[] = [];
  for (const product of catalog.products)
    for (const variant of product.variants)
      if (!levels.has(variant.inventoryItemId)) unseen.push(variant.inventoryItemId);
  const late = unseen.length > 0 ? await readLevels(unseen) : new Map<string, ShopifyInventoryLevel[]>();
  for (const product of catalog.products)
    for (const variant of product.variants) attachLevels(variant, levels, late, intern);
  levels.clear();
  return catalog.products;
}

function attachLevels(
  variant: ShopifyVariant,
  levels: LevelsFile,
  late: Map<string, ShopifyInventoryLevel[]>,
  intern: CatalogInterner,
): void {
  const found = levels.get(variant.inventoryItemId) ?? late.get(variant.inventoryItemId);
  if (!found)
    throw new RemoteError(
      `Shopify inventory item ${variant.inventoryItemId} disappeared while it was being read; run again.`,
      { service: 'shopify', code: 'NOT_FOUND' },
    );
  // The levels file's lists are shared already; those read late are not.
  variant.levels = levels.has(variant.inventoryItemId) ? found : intern.levels(found);
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
