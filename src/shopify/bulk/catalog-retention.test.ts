import { describe, expect, it } from 'vitest';
import { objectsOf } from '../../../test/helpers/object-graph.js';
import { CatalogInterner } from '../intern.js';
import type { ShopifyProduct } from '../types.js';
import { catalogCollector, joinCatalog, levelsCollector } from './catalog-lines.js';

/**
 * What a bulk catalog read keeps (docs/architecture.md#memory): at 10,000 products every per-variant object counts,
 * so values that repeat are one object, and nothing of the parsed lines survives the read.
 */
const LOCATIONS = ['gid://shopify/Location/1', 'gid://shopify/Location/2', 'gid://shopify/Location/3'];
const COLOURS = ['Siyah', 'Kırmızı'];
const SIZES = ['S', 'M', 'L'];

/** Lines as the exports send them: `products` products of six variants each, every item stocked at 3 locations. */
function exportLines(products: number): { catalog: unknown[]; levels: unknown[] } {
  const catalog: unknown[] = [];
  const levels: unknown[] = [];
  let n = 0;
  for (let p = 1; p <= products; p++) {
    const id = `gid://shopify/Product/${p}`;
    catalog.push({
      id,
      handle: `sentos-p${p}`,
      title: `Elbise ${p}`,
      descriptionHtml: '<p>%100 viskon.</p>',
      vendor: 'Stil Demo',
      productType: 'Elbise',
      tags: ['yeni-sezon', 'elbise'],
      status: 'ACTIVE',
      options: [
        { name: 'Renk', position: 1, values: COLOURS },
        { name: 'Beden', position: 2, values: SIZES },
      ],
      sentosProductId: { value: String(1000 + p) },
      imageSources: null,
    });
    for (const colour of COLOURS)
      for (const size of SIZES) {
        n += 1;
        const item = `gid://shopify/InventoryItem/${n}`;
        catalog.push({
          id: `gid://shopify/ProductVariant/${n}`,
          sku: `P${p}-${colour}-${size}`,
          barcode: `869${String(n).padStart(10, '0')}`,
          price: '1299.90',
          compareAtPrice: null,
          // Reversed in the file: the read orders variants by position.
          position: 7 - (n % 6 || 6),
          selectedOptions: [
            { name: 'Renk', value: colour },
            { name: 'Beden', value: size },
          ],
          inventoryItem: { id: item, tracked: true },
          __parentId: id,
        });
        levels.push({ id: item });
        LOCATIONS.forEach((location, i) =>
          levels.push({
            location: { id: location },
            quantities: [{ name: 'available', quantity: (n + i) % 4 }],
            __parentId: item,
          }),
        );
      }
  }
  // Each line is its own parse, as it is off the wire.
  const parsed = (lines: unknown[]) => lines.map((line) => JSON.parse(JSON.stringify(line)) as unknown);
  return { catalog: parsed(catalog), levels: parsed(levels) };
}

async function read(lines: { catalog: unknown[]; levels: unknown[] }): Promise<ShopifyProduct[]> {
  const intern = new CatalogInterner();
  const catalog = catalogCollector(intern)();
  for (const line of lines.catalog) catalog.add(line);
  const levels = levelsCollector(intern)();
  for (const line of lines.levels) levels.add(line);
  const unexpected = () => Promise.reject(new Error('every item has levels'));
  return joinCatalog(catalog.finish(), levels.finish(), unexpected, intern);
}

describe('the bulk catalog read', () => {
  it('keeps one level per location and quantity, one level list and one option list per combination', async () => {
    const products = await read(exportLines(20));
    const variants = products.flatMap((p) => p.variants);
    expect(variants.length).toBe(120);
    const levels = variants.flatMap((v) => v.levels);
    expect(levels.length).toBe(360);
    const pairs = new Set(levels.map((l) => `${l.locationId} ${l.available}`));
    expect(new Set(levels).size).toBe(pairs.size);
    expect(pairs.size).toBe(12);
    expect(new Set(variants.map((v) => v.selectedOptions)).size).toBe(COLOURS.length * SIZES.length);
    const combinations = new Set(variants.map((v) => v.levels.map((l) => l.available).join()));
    expect(new Set(variants.map((v) => v.levels)).size).toBe(combinations.size);
    expect(combinations.size).toBe(4);
    // Shared, so frozen: changing one variant's level would change every variant holding it.
    expect(() => ((levels[0] as { available: number }).available = 99)).toThrow(TypeError);
  });

  it('holds a fixed number of objects per variant, and nothing of the parsed lines', async () => {
    const lines = exportLines(10);
    const products = await read(lines);
    const held = objectsOf(products);
    const fromLines = objectsOf(lines);
    expect([...held].filter((value) => fromLines.has(value))).toEqual([]);
    // Ten more products of the same shape add their own objects only: per product the product, its variants, tags,
    // options (two, each with its values) lists; per variant the variant. Levels, level lists and option lists
    // repeat, so they add nothing.
    const twice = objectsOf(await read(exportLines(20)));
    expect(twice.size - held.size).toBe(10 * (1 + 1 + 1 + 1 + 2 * 2 + 6));
  });

  it('orders variants by position and gives each its own levels', async () => {
    const [product] = await read(exportLines(1));
    expect(product?.variants.map((v) => v.sku)).toEqual([
      'P1-Kırmızı-L',
      'P1-Kırmızı-M',
      'P1-Kırmızı-S',
      'P1-Siyah-L',
      'P1-Siyah-M',
      'P1-Siyah-S',
    ]);
    expect(product?.variants[5]?.levels).toEqual([
      { locationId: LOCATIONS[0], available: 1 },
      { locationId: LOCATIONS[1], available: 2 },
      { locationId: LOCATIONS[2], available: 3 },
    ]);
  });
});
