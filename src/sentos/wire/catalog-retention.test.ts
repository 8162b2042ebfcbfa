import { describe, expect, it } from 'vitest';
import { objectsOf } from '../../../test/helpers/object-graph.js';
import type { SentosProduct } from '../types.js';
import { SentosInterner } from './intern.js';
import { parseSentosProducts } from './product.js';

/**
 * What a Sentos catalog read keeps (docs/architecture.md#memory): at 10,000 products every per-variant object counts,
 * so values that repeat are one object, and nothing of the parsed pages survives the read.
 */
const COLOURS = ['Siyah', 'Kırmızı'];
const SIZES = ['S', 'M', 'L'];
const WAREHOUSES = [1, 2, 3];

/** Products as GET /products sends them: six variants each, every variant stocked in 3 warehouses. */
function wireProducts(products: number): unknown[] {
  const items: unknown[] = [];
  let n = 0;
  for (let p = 1; p <= products; p++) {
    const variants = [];
    for (const colour of COLOURS)
      for (const size of SIZES) {
        n += 1;
        variants.push({
          sku: `P${p}-${colour}-${size}`,
          barcode: `869${String(n).padStart(10, '0')}`,
          color: colour,
          model: { name: 'Beden', value: size },
          stocks: WAREHOUSES.map((warehouse, i) => ({ warehouse, stock: String((n + i) % 4) })),
          images: [{ id: n, url: `https://cdn.example/p${p}-${colour}.jpg` }],
          sale_price: '1.299,90',
          purchase_price: 650,
        });
      }
    items.push({
      id: 1000 + p,
      sku: `P${p}`,
      name: `Elbise ${p}`,
      brand: 'Stil Demo',
      category_id: 7,
      currency: 'TL',
      vat_rate: 20,
      sale_price: '1.299,90',
      purchase_price: '650,00',
      prices: { b2c: { list_price: '1.499,90', sale_price: '1.299,90' }, n11: [] },
      stocks: [],
      images: [{ id: 1, url: `https://cdn.example/p${p}.jpg` }],
      variants,
    });
  }
  // Each page is its own parse, as it is off the wire.
  return JSON.parse(JSON.stringify(items)) as unknown[];
}

function read(items: unknown[], interner = new SentosInterner()): SentosProduct[] {
  const { products, invalid } = parseSentosProducts(items, interner);
  expect(invalid).toEqual([]);
  return products;
}

describe('the Sentos catalog read', () => {
  it('keeps one stock row per warehouse and quantity, one stock list, price and model per combination', () => {
    const interner = new SentosInterner();
    // Two pages through one interner, as a catalog read does.
    const products = [...read(wireProducts(10), interner), ...read(wireProducts(20).slice(10), interner)];
    const variants = products.flatMap((p) => p.variants);
    expect(variants.length).toBe(120);
    const stocks = variants.flatMap((v) => v.stocks);
    expect(stocks.length).toBe(360);
    const pairs = new Set(stocks.map((s) => `${s.warehouseId} ${s.quantity}`));
    expect(pairs.size).toBe(12);
    expect(new Set(stocks).size).toBe(pairs.size);
    expect(new Set(variants.map((v) => v.stocks)).size).toBe(4);
    expect(new Set(variants.map((v) => v.model)).size).toBe(SIZES.length);
    expect(new Set([...variants, ...products].map((v) => v.salePrice)).size).toBe(1);
    expect(new Set(variants.map((v) => v.purchasePrice)).size).toBe(1);
    expect(new Set(products.map((p) => p.prices.b2c)).size).toBe(1);
    // Shared, so frozen: changing one variant's stock would change every variant holding it.
    expect(() => ((stocks[0] as { quantity: number }).quantity = 99)).toThrow(TypeError);
    expect(() => (variants[0]?.stocks as unknown[]).push(stocks[0])).toThrow(TypeError);
  });

  it('holds a fixed number of objects per product and variant, and nothing of the parsed pages', () => {
    const items = wireProducts(10);
    const held = objectsOf(read(items));
    const fromPages = objectsOf(items);
    expect([...held].filter((value) => fromPages.has(value))).toEqual([]);
    // Ten more products of the same shape add their own objects only: per product the product, its prices, its
    // variants list, its image list and one image list per colour; per variant the variant. Stock rows and lists,
    // models and prices repeat, so they add nothing.
    const twice = objectsOf(read(wireProducts(20)));
    expect(twice.size - held.size).toBe(10 * (1 + 1 + 1 + 1 + COLOURS.length + 6));
  });

  it('reads the same values as before: stock, prices, images and model per variant', () => {
    const [product] = read(wireProducts(1));
    expect(product?.prices).toEqual({
      b2c: { list: { ok: true, minor: 149990 }, sale: { ok: true, minor: 129990 } },
      // `[]` for a channel: an entry without prices, as before.
      n11: {},
    });
    expect(product?.variants[4]).toEqual({
      sku: 'P1-Kırmızı-M',
      barcode: '8690000000005',
      color: 'Kırmızı',
      model: { name: 'Beden', value: 'M' },
      stocks: [
        { warehouseId: '1', quantity: 1 },
        { warehouseId: '2', quantity: 2 },
        { warehouseId: '3', quantity: 3 },
      ],
      images: ['https://cdn.example/p1-Kırmızı.jpg'],
      salePrice: { ok: true, minor: 129990 },
      purchasePrice: { ok: true, minor: 65000 },
    });
  });
});
