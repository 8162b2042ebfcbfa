import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSandbox } from '../helpers/cli-harness.js';
import {
  expectedProduct,
  mappedLocations,
  mutations,
  products,
  shopifyView,
  startProductsSandbox,
  warehouseToLocation,
} from './products-oracle.js';

/**
 * Product sync: `--dry-run` sends no mutation, and its plan is exactly what the real run then does (same items, same
 * actions, same changes), both for a first run (creates) and for a mixed update.
 */
type Item = { key: string; action: string; status: string; changes?: unknown[]; reasons?: string[] };

function plan(items: Item[]) {
  return items.map(({ key, action, changes, reasons }) => ({ key, action, changes, reasons }));
}

describe('products --dry-run', () => {
  let t: TestSandbox;
  const view = () =>
    JSON.stringify([...shopifyView(t.sandbox, mappedLocations(warehouseToLocation(t.sandbox, t.env)))]);
  beforeAll(async () => {
    t = await startProductsSandbox({ products: 14, seed: 6 });
  });
  afterAll(() => t.close());

  async function dryThenReal(): Promise<{ dry: Item[]; real: Item[] }> {
    const before = view();
    const productsBefore = t.sandbox.shopify.state.products.length;
    t.sandbox.shopify.resetStats();
    const dry = await products(t, ['--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(mutations(t.sandbox)).toEqual({});
    expect(t.sandbox.shopify.stats().requests.dataMutations).toBe(0);
    expect(t.sandbox.sentos.stats().requests.writes).toBe(0);
    expect(view()).toBe(before);
    expect(t.sandbox.shopify.state.products.length).toBe(productsBefore);
    const dryReport = dry.json();
    expect(dryReport.dryRun).toBe(true);
    expect(dryReport.items.every((i: Item) => i.status === 'planned' || i.action === 'unchanged')).toBe(true);
    const real = await products(t);
    expect(real.code, real.stderr).toBe(0);
    return { dry: dryReport.items, real: real.json().items };
  }

  it(
    'on an empty store: plans every create with its stock rows, writes nothing, and the real run does ' +
      'exactly that',
    async () => {
      const { dry, real } = await dryThenReal();
      expect(dry.length).toBe(14);
      expect(dry.every((i) => i.action === 'create')).toBe(true);
      expect(plan(real)).toEqual(plan(dry));
      expect(real.every((i) => i.status === 'done')).toBe(true);
    },
  );

  it(
    'after Sentos changes: prices, stock, a new variant and a renamed title are planned and then applied ' + 'exactly',
    async () => {
      const state = t.sandbox.sentos.state;
      const [a, b, c, d] = state.products.filter((p) => p.variants.length >= 2);
      state.setVariantPrice(a!.variants[0]!.sku, '999,90');
      state.setVariantStock(b!.variants[1]!.sku, 1, 0);
      state.setVariantStock(b!.variants[0]!.sku, 3, 41);
      c!.name = `${c!.name} Yeni Sezon`;
      const template = d!.variants[0]!;
      d!.variants.push({
        ...template,
        sku: `${template.sku}-YENI`,
        barcode: '8690000999993',
        color: 'Füme',
        stocks: [{ warehouse: 1, stock: 4 }],
        images: [],
      });
      const { dry, real } = await dryThenReal();
      expect(
        dry
          .filter((i) => i.action === 'update')
          .map((i) => i.key)
          .sort(),
      ).toEqual([a!.sku, b!.sku, c!.sku, d!.sku].sort());
      expect(plan(real)).toEqual(plan(dry));
      expect(real.filter((i) => i.action === 'update').every((i) => i.status === 'done')).toBe(true);
      const added = dry.find((i) => i.key === d!.sku)!.changes!;
      expect(added).toEqual(
        expect.arrayContaining([
          { field: 'options', from: expect.any(Array), to: expect.arrayContaining([expect.stringContaining('Füme')]) },
          { field: 'variant', sku: `${template.sku}-YENI`, from: null, to: `${template.sku}-YENI` },
        ]),
      );
      expect(t.sandbox.shopify.state.variantBySku(`${template.sku}-YENI`)).toMatchObject({ barcode: '8690000999993' });
      const map = warehouseToLocation(t.sandbox, t.env);
      const actual = shopifyView(t.sandbox, mappedLocations(map));
      for (const wire of state.products)
        expect(actual.get(wire.variants[0]?.sku ?? wire.sku)).toEqual(expectedProduct(wire, map));
    },
  );

  it('a dry run after the real run plans nothing', async () => {
    const { dry, real } = await dryThenReal();
    expect(dry.every((i) => i.action === 'unchanged')).toBe(true);
    expect(plan(real)).toEqual(plan(dry));
  });
});
