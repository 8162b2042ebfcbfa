import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSandbox } from '../helpers/cli-harness.js';
import {
  duplicates,
  expectedProduct,
  mappedLocations,
  money,
  mutations,
  products,
  shopifyView,
  startProductsSandbox,
  warehouseToLocation,
} from './products-oracle.js';

/**
 * Product sync: a first run creates every product exactly as Sentos describes it (asserted on the Shopify sandbox's
 * state, against an oracle built from the Sentos sandbox's wire data), and an immediate second run changes nothing and
 * sends no mutation at all (asserted on the sandbox's request counts).
 */
describe('products: first run, then an unchanged resync', () => {
  let t: TestSandbox;
  let first: Awaited<ReturnType<typeof products>>;
  beforeAll(async () => {
    t = await startProductsSandbox({ products: 16, seed: 3 });
    first = await products(t);
  }, 20_000);
  afterAll(() => t.close());

  it('the seed covers what the assertions rely on: variant and simple products, every money form', () => {
    const wires = t.sandbox.sentos.state.products;
    expect(wires.some((p) => p.variants.length === 0)).toBe(true);
    expect(wires.some((p) => p.variants.length > 1)).toBe(true);
    const forms = new Set(
      wires.map((p) =>
        typeof p.sale_price === 'number'
          ? 'number'
          : /,/.test(p.sale_price)
            ? /\./.test(p.sale_price)
              ? 'tr-thousands'
              : 'tr-comma'
            : 'dot',
      ),
    );
    expect([...forms].sort()).toEqual(['dot', 'number', 'tr-comma', 'tr-thousands']);
    expect(new Set(t.sandbox.sentos.state.warehouses.map((w) => w.id)).size).toBeGreaterThanOrEqual(2);
  });

  it('exits 0 and reports every product created', () => {
    expect(first.code, first.stderr).toBe(0);
    const report = first.json();
    expect(report.summary).toEqual({
      created: 16,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      failed: 0,
      conflicts: 0,
      notReached: 0,
      total: 16,
    });
    expect(report.items.every((i: any) => i.action === 'create' && i.status === 'done')).toBe(true);
  });

  it('creates every product with its options, variants, SKUs, barcodes, prices and stock per mapped location', () => {
    const map = warehouseToLocation(t.sandbox, t.env);
    expect(map.size).toBe(3);
    const locations = mappedLocations(map);
    const actual = shopifyView(t.sandbox, locations);
    expect(actual.size).toBe(16);
    for (const wire of t.sandbox.sentos.state.products) {
      const key = wire.variants[0]?.sku ?? wire.sku;
      expect(actual.get(key), key).toEqual(expectedProduct(wire, map));
    }
    expect(duplicates(t.sandbox)).toEqual([]);
  });

  it('keeps apparel size order and Turkish letters in option values', () => {
    const wire = t.sandbox.sentos.state.products.find((p) =>
      p.variants.some((v) => /^(XS|S|M|L|XL|XXL)$/.test(v.model.value)),
    );
    expect(wire, 'seed 3 has an apparel product').toBeDefined();
    const record = t.sandbox.shopify.state.variantBySku(wire!.variants[0]!.sku)!;
    const product = t.sandbox.shopify.state.products.find((p) => p.id === record.productId)!;
    const sizes = product.options[1]!.values.map((v) => v.name);
    const run = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];
    expect(sizes).toEqual([...sizes].sort((a, b) => run.indexOf(a) - run.indexOf(b)));
    expect(product.options.map((o) => o.name)).toEqual(['Renk', 'Beden']);
  });

  it('links each product to its Sentos id and leaves it ACTIVE (created complete, in one productSet)', () => {
    for (const wire of t.sandbox.sentos.state.products) {
      const record = t.sandbox.shopify.state.variantBySku(wire.variants[0]?.sku ?? wire.sku)!;
      const product = t.sandbox.shopify.state.products.find((p) => p.id === record.productId)!;
      expect(product.status).toBe('ACTIVE');
      expect(product.metafields.find((m) => m.namespace === 'sentos_sync' && m.key === 'product_id')?.value).toBe(
        String(wire.id),
      );
    }
  });

  it('the first run writes each product once, with its stock, and needs no publish or stock call', () => {
    const stats = t.sandbox.shopify.stats().requests.byOperation;
    expect(stats.productSet).toBe(16);
    expect(stats.productUpdate).toBeUndefined();
    expect(stats.inventorySetQuantities).toBeUndefined();
    expect(stats.metafieldsSet).toBeUndefined();
  });

  it('an immediate second run reports everything unchanged and sends zero mutations', async () => {
    t.sandbox.shopify.resetStats();
    t.sandbox.sentos.resetStats();
    const snapshot = () =>
      JSON.stringify([...shopifyView(t.sandbox, mappedLocations(warehouseToLocation(t.sandbox, t.env)))]);
    const before = snapshot();
    const second = await products(t);
    expect(second.code, second.stderr).toBe(0);
    const report = second.json();
    expect(report.summary).toEqual({
      created: 0,
      updated: 0,
      unchanged: 16,
      skipped: 0,
      failed: 0,
      conflicts: 0,
      notReached: 0,
      total: 16,
    });
    expect(report.items.every((i: any) => i.action === 'unchanged' && i.changes === undefined)).toBe(true);
    expect(mutations(t.sandbox)).toEqual({});
    expect(t.sandbox.shopify.stats().requests.dataMutations).toBe(0);
    expect(report.requests.shopify.writes).toBe(0);
    expect(t.sandbox.sentos.stats().requests.writes).toBe(0);
    expect(snapshot()).toBe(before);
  });
});

describe('money parsing of the test oracle itself', () => {
  it.each([
    ['1.299,90', '1299.90'],
    ['220,00', '220.00'],
    ['220.50', '220.50'],
    [220, '220.00'],
    [1299.9, '1299.90'],
    ['12.345.678,05', '12345678.05'],
    ['12,3,4', undefined],
    ['abc', undefined],
    ['', undefined],
  ])('%j → %j', (input, expected) => {
    expect(money(input)).toBe(expected);
  });
});
