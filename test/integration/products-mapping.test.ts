import { afterEach, describe, expect, it } from 'vitest';
import type { TestSandbox } from '../helpers/cli-harness.js';
import {
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
 * Product sync beyond the defaults: compare-at prices from a channel price list (list_price only when it is higher than
 * the price), and a warehouse map that sums two warehouses into one location and leaves a third out (not written,
 * reported).
 */
describe('products: price list and warehouse map', () => {
  let t: TestSandbox | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it(
    'with SENTOS_SYNC_PRICE_LIST=b2c: price from prices.b2c, compare-at only when list_price is higher; no b2c ' +
      'price falls back to sale_price',
    async () => {
      t = await startProductsSandbox({ products: 16, seed: 5 });
      const wires = t.sandbox.sentos.state.products;
      const withB2c = wires.filter((p) => p.prices.b2c);
      const higher = withB2c.filter(
        (p) => Number(money(p.prices.b2c!.list_price)) > Number(money(p.prices.b2c!.sale_price)),
      );
      expect(higher.length, 'seed 5 has b2c list prices above the sale price').toBeGreaterThan(0);
      expect(withB2c.length - higher.length, 'and b2c prices without a higher list price').toBeGreaterThan(0);
      expect(wires.length - withB2c.length, 'and products without a b2c price').toBeGreaterThan(0);

      const run = await products(t, [], { SENTOS_SYNC_PRICE_LIST: 'b2c' });
      expect(run.code, run.stderr).toBe(0);
      const report = run.json();
      expect(report.summary).toMatchObject({ created: wires.length, failed: 0, total: wires.length });
      const map = warehouseToLocation(t.sandbox, t.env);
      const actual = shopifyView(t.sandbox, [...new Set(map.values())]);
      // Without a b2c entry the default rule applies (the oracle falls back the same way), said once per product.
      for (const wire of wires)
        expect(actual.get(wire.variants[0]?.sku ?? wire.sku)).toEqual(expectedProduct(wire, map, 'b2c'));
      const fallback = 'price list "b2c" has no price for this product: used sale_price (variant before product)';
      for (const wire of wires) {
        const item = report.items.find((i: any) => i.key === wire.sku);
        const lines = (item.reasons ?? []).filter((r: string) => r === fallback);
        expect(lines, wire.sku).toHaveLength(wire.prices.b2c ? 0 : 1);
      }
      // Compare-at prices read back from Shopify compare equal: the resync writes nothing.
      t.sandbox.shopify.resetStats();
      const again = await products(t, [], { SENTOS_SYNC_PRICE_LIST: 'b2c' });
      expect(again.json().summary).toMatchObject({ unchanged: wires.length, updated: 0, created: 0 });
      expect(mutations(t.sandbox)).toEqual({});
    },
  );

  it(
    'reads every wire quirk Sentos is known for (warehouse objects, stock strings, model strings, [] for {}) ' +
      'the same way',
    async () => {
      t = await startProductsSandbox({
        products: 12,
        seed: 8,
        sentos: {
          quirks: { warehouseAsObject: true, stockAsString: true, modelAsString: true, emptyObjectsAsArrays: true },
        },
      });
      const run = await products(t);
      expect(run.code, run.stderr).toBe(0);
      const map = warehouseToLocation(t.sandbox, t.env);
      const actual = shopifyView(t.sandbox, mappedLocations(map));
      for (const wire of t.sandbox.sentos.state.products)
        expect(actual.get(wire.variants[0]?.sku ?? wire.sku)).toEqual(expectedProduct(wire, map));
      t.sandbox.shopify.resetStats();
      expect((await products(t)).json().summary).toMatchObject({ unchanged: 12 });
      expect(mutations(t.sandbox)).toEqual({});
    },
  );

  it(
    'on API 2026-07 (stock needs inventoryActivate first) the first run lands the same and the resync writes ' +
      'nothing',
    async () => {
      t = await startProductsSandbox({ products: 6, seed: 13 });
      const env = { SHOPIFY_API_VERSION: '2026-07' };
      const run = await products(t, [], env);
      expect(run.code, run.stderr).toBe(0);
      const map = warehouseToLocation(t.sandbox, t.env);
      const actual = shopifyView(t.sandbox, mappedLocations(map));
      for (const wire of t.sandbox.sentos.state.products)
        expect(actual.get(wire.variants[0]?.sku ?? wire.sku)).toEqual(expectedProduct(wire, map));
      // New variants are stocked by productSet's inventoryQuantities, which needs no activation in any version.
      expect(mutations(t.sandbox)).toEqual({ productSet: 6 });
      t.sandbox.shopify.resetStats();
      expect((await products(t, [], env)).json().summary).toMatchObject({ unchanged: 6 });
      expect(mutations(t.sandbox)).toEqual({});
    },
  );

  it('sums the warehouses mapped to one location, and reports (never writes) an unmapped warehouse', async () => {
    t = await startProductsSandbox({ products: 12, seed: 2 });
    const env = { SENTOS_SYNC_WAREHOUSE_MAP: 'MERKEZ=Merkez Depo,DEPO=Merkez Depo' };
    const run = await products(t, [], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.json().warnings.join('\n')).toMatch(/warehouse MAGAZA \(3\) is not written to Shopify/);
    const map = warehouseToLocation(t.sandbox, { ...t.env, ...env });
    expect([...map]).toEqual([
      [1, 'Merkez Depo'],
      [2, 'Merkez Depo'],
    ]);
    const actual = shopifyView(t.sandbox, ['Merkez Depo', 'İstanbul Mağaza', 'Ankara Mağaza']);
    for (const wire of t.sandbox.sentos.state.products) {
      const expected = expectedProduct(wire, map);
      for (const v of expected.variants)
        v.stock = { ...v.stock, 'İstanbul Mağaza': undefined, 'Ankara Mağaza': undefined };
      expect(actual.get(expected.variants[0]!.sku)).toEqual(expected);
    }
  });
});
