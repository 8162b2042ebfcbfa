import { describe, expect, it } from 'vitest';
import { catalogItems, generateCatalog, type WireMoney, type WireProduct } from './catalog.js';

function allMoney(products: WireProduct[]): WireMoney[] {
  return products.flatMap((p) => [
    p.sale_price,
    p.purchase_price,
    ...Object.values(p.prices).flatMap((c) => [c.list_price, c.sale_price]),
    ...p.variants.flatMap((v) => (v.sale_price === undefined ? [] : [v.sale_price])),
  ]);
}

/** Independent reading of Sentos money for the assertions: last separator is the decimal one. */
function toMinor(value: WireMoney): number {
  if (typeof value === 'number') return Math.round(value * 100);
  const at = Math.max(value.lastIndexOf('.'), value.lastIndexOf(','));
  return Number(value.slice(0, at).replace(/[.,]/g, '')) * 100 + Number(value.slice(at + 1).padEnd(2, '0'));
}

describe('generateCatalog', () => {
  const catalog = generateCatalog({ seed: 42, count: 300 });

  it('is deterministic by seed and differs across seeds', () => {
    expect(generateCatalog({ seed: 42, count: 300 })).toEqual(catalog);
    expect(generateCatalog({ seed: 43, count: 300 }).products).not.toEqual(catalog.products);
  });

  it('extends the same prefix when the count grows', () => {
    expect(generateCatalog({ seed: 42, count: 310 }).products.slice(0, 300)).toEqual(catalog.products);
  });

  it('mixes variant and simple products at roughly 80/20', () => {
    const simple = catalog.products.filter((p) => p.variants.length === 0).length;
    expect(simple / catalog.products.length).toBeGreaterThan(0.1);
    expect(simple / catalog.products.length).toBeLessThan(0.3);
  });

  it('has unique SKUs and ids across products and variants', () => {
    const skus = catalog.products.flatMap((p) => [p.sku, ...p.variants.map((v) => v.sku)]);
    expect(new Set(skus).size).toBe(skus.length);
    expect(new Set(catalog.products.map((p) => p.id)).size).toBe(catalog.products.length);
    expect(skus.filter((s) => /^[A-Z]{3}-[A-Z]{3}-\d{4}-[A-Z]{3}-[0-9A-Z]+$/.test(s)).length).toBeGreaterThan(100);
  });

  it('produces every Sentos money form and never a dot-only thousands value', () => {
    const money = allMoney(catalog.products);
    const strings = money.filter((m): m is string => typeof m === 'string');
    expect(strings.some((s) => /^\d{1,3}(\.\d{3})+,\d{2}$/.test(s))).toBe(true); // "1.299,90"
    expect(strings.some((s) => /^\d{1,3},\d{2}$/.test(s))).toBe(true); // "220,00"
    expect(strings.some((s) => /^\d+\.\d{2}$/.test(s))).toBe(true); // "220.50"
    expect(money.some((m) => typeof m === 'number')).toBe(true);
    expect(strings.filter((s) => /^\d{1,3}(\.\d{3})+$/.test(s))).toEqual([]);
  });

  it('keeps list_price >= sale_price and discounts some', () => {
    const channel = catalog.products.flatMap((p) => Object.values(p.prices));
    expect(channel.every((c) => toMinor(c.list_price) >= toMinor(c.sale_price))).toBe(true);
    expect(channel.some((c) => toMinor(c.list_price) > toMinor(c.sale_price))).toBe(true);
    expect(catalog.products.some((p) => Object.keys(p.prices).length === 0)).toBe(true);
  });

  it('looks like a Turkish apparel shop', () => {
    const text = catalog.products.map((p) => `${p.name} ${p.description}`).join(' ');
    for (const letter of ['ç', 'ğ', 'ı', 'İ', 'ö', 'ş', 'ü']) expect(text).toContain(letter);
    expect(catalog.products.some((p) => p.brand === null)).toBe(true);
    expect(new Set(catalog.products.map((p) => p.vat_rate))).toEqual(new Set([10, 20]));
    const variant = catalog.products.find((p) => p.variants.length > 0)?.variants[0];
    expect(variant).toMatchObject({
      model: { name: 'Beden' },
      stocks: expect.arrayContaining([expect.objectContaining({ warehouse: 1 })]),
    });
    expect(catalog.products[0]?.images[0]?.url ?? catalog.products[1]?.images[0]?.url).toMatch(
      /^https:\/\/demo\.sentos\.com\.tr\/urunres\//,
    );
    expect(catalog.warehouses).toEqual([
      { id: 1, name: 'MERKEZ' },
      { id: 2, name: 'DEPO' },
      { id: 3, name: 'MAGAZA' },
    ]);
    expect(catalog.categories[0]).toMatchObject({
      parent_id: 0,
      sub_categories: expect.arrayContaining([expect.objectContaining({ parent_id: catalog.categories[0]?.id })]),
    });
  });

  it('orders sizes in apparel order within a colour', () => {
    const order = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];
    for (const product of catalog.products) {
      const sizes = product.variants.filter((v) => v.color === product.variants[0]?.color).map((v) => v.model.value);
      if (!sizes.every((s) => order.includes(s))) continue;
      expect(sizes).toEqual([...sizes].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    }
  });

  // Its speed is the benchmark's business (npm run bench), never a test's: a slow machine must not fail it.
  it('generates 10,000 products, every SKU unique', () => {
    const big = generateCatalog({ seed: 9, count: 10_000 });
    expect(big.products).toHaveLength(10_000);
    const skus = big.products.flatMap((p) => [p.sku, ...p.variants.map((v) => v.sku)]);
    expect(new Set(skus).size).toBe(skus.length);
  });
});

describe('catalogItems', () => {
  it('lists each variant, or the simple product itself, with a dot-decimal price', () => {
    const catalog = generateCatalog({ seed: 5, count: 50 });
    const items = catalogItems(catalog);
    const expected = catalog.products.reduce((n, p) => n + Math.max(1, p.variants.length), 0);
    expect(items).toHaveLength(expected);
    expect(items.every((i) => /^\d+\.\d{2}$/.test(i.price))).toBe(true);
    const simple = catalog.products.find((p) => p.variants.length === 0) as WireProduct;
    expect(items.find((i) => i.sku === simple.sku)).toEqual({
      sku: simple.sku,
      productId: simple.id,
      name: simple.name,
      price: (toMinor(simple.sale_price) / 100).toFixed(2),
      vatRate: simple.vat_rate,
    });
    const variant = catalog.products.find((p) => p.variants.length > 0)?.variants[0];
    expect(items.find((i) => i.sku === variant?.sku)?.variantTitle).toBe(`${variant?.color} / ${variant?.model.value}`);
  });

  it('reads "1.299,90", "220,00", "220.50" and numbers alike', () => {
    const base = generateCatalog({ seed: 1, count: 1 });
    const product = { ...(base.products[0] as WireProduct), variants: [] };
    const priced = (sale_price: WireMoney) =>
      catalogItems({ ...base, products: [{ ...product, sale_price }] })[0]?.price;
    expect([priced('1.299,90'), priced('220,00'), priced('220.50'), priced(1299.9), priced(45)]).toEqual([
      '1299.90',
      '220.00',
      '220.50',
      '1299.90',
      '45.00',
    ]);
  });
});
