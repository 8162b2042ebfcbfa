import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/core/errors.js';
import { gql } from '../../src/sandbox/shopify/test-client.js';
import type { WireProduct, WireVariant } from '../../src/sandbox/sentos/wire-types.js';
import type { TestSandbox } from '../helpers/cli-harness.js';
import {
  duplicates,
  expectedProduct,
  mappedLocations,
  products,
  shopifyView,
  startProductsSandbox,
  warehouseToLocation,
} from './products-oracle.js';

/**
 * Product sync against a store that already has the merchant's own products: a product holding all of a Sentos
 * product's SKUs is adopted (updated, linked), never duplicated; SKUs spread over two Shopify products, or a SKU on two
 * Shopify variants, is a conflict that touches nothing; a title look-alike is only a suggestion; SKUs match byte for
 * byte (a lower-cased SKU is another SKU).
 */
const UPSERT = `mutation Upsert($identifier: ProductSetIdentifiers, $input: ProductSetInput!) {
  productSet(identifier: $identifier, input: $input, synchronous: true) { product { id } userErrors { field message } }
}`;

async function merchantProduct(
  t: TestSandbox,
  handle: string,
  title: string,
  variants: Array<Pick<WireVariant, 'sku' | 'color'> & { size: string }>,
): Promise<string> {
  const input = {
    handle,
    title,
    status: 'ACTIVE',
    productOptions: [
      { name: 'Renk', values: [...new Set(variants.map((v) => v.color))].map((name) => ({ name })) },
      { name: 'Beden', values: [...new Set(variants.map((v) => v.size))].map((name) => ({ name })) },
    ],
    variants: variants.map((v) => ({
      sku: v.sku,
      price: '1.00',
      inventoryItem: { sku: v.sku, tracked: true },
      optionValues: [
        { optionName: 'Renk', name: v.color },
        { optionName: 'Beden', name: v.size },
      ],
    })),
  };
  const response = await gql(t.sandbox.shopify, UPSERT, { identifier: { handle }, input });
  expect(response.body.data.productSet.userErrors).toEqual([]);
  return response.body.data.productSet.product.id;
}

describe('products against a store with its own products', () => {
  let t: TestSandbox;
  let wires: WireProduct[];
  const ids: Record<string, string> = {};
  let before: Map<string, string>;
  let run: Awaited<ReturnType<typeof products>>;
  const spec = (v: WireVariant) => ({ sku: v.sku, color: v.color, size: v.model.value });

  beforeAll(async () => {
    t = await startProductsSandbox({ products: 10, seed: 14 });
    wires = t.sandbox.sentos.state.products;
    const [a, b, c, d, e] = wires.filter((p) => p.variants.length >= 2) as Array<
      WireProduct & { variants: [WireVariant, WireVariant] }
    >;
    expect(e, 'seed 14 has five variant products').toBeDefined();
    ids.adopt = await merchantProduct(t, 'merchant-adopt', 'Eski Ad', a!.variants.map(spec));
    ids.half1 = await merchantProduct(t, 'merchant-half-1', 'Yarım 1', [spec(b!.variants[0])]);
    ids.half2 = await merchantProduct(t, 'merchant-half-2', 'Yarım 2', [spec(b!.variants[1])]);
    ids.dup1 = await merchantProduct(t, 'merchant-dup-1', 'Kopya 1', [spec(c!.variants[0])]);
    ids.dup2 = await merchantProduct(t, 'merchant-dup-2', 'Kopya 2', [spec(c!.variants[0])]);
    ids.lookalike = await merchantProduct(t, 'merchant-lookalike', `  ${d!.name.toLocaleUpperCase('tr')} `, [
      { sku: 'MERCHANT-ONLY', color: 'Siyah', size: 'M' },
    ]);
    ids.lower = await merchantProduct(t, 'merchant-lower', 'Küçük harf', [
      { ...spec(e!.variants[0]), sku: e!.variants[0].sku.toLowerCase() },
    ]);
    before = new Map(t.sandbox.shopify.state.products.map((p) => [p.id, JSON.stringify(p)]));
    // Adopting a merchant's product rewrites it: 1 of the store's 7 products, which a guard set to 10 % stops.
    const guarded = await products(t, [], { SENTOS_SYNC_MAX_CHANGE_SHARE: '0.1' });
    expect(guarded.code).toBe(ExitCode.failure);
    expect(guarded.stdout).toMatch(/Safety guard: 1 of 7 existing products would be rewritten \(14\.3% > 10%\)/);
    expect(t.sandbox.shopify.state.products.length).toBe(7);
    run = await products(t, ['--force']);
  }, 20_000);
  afterAll(() => t.close());

  it('adopts the product that holds all the SKUs: updated in place, linked, no second product', () => {
    const a = wires.filter((p) => p.variants.length >= 2)[0]!;
    expect(run.json().items.find((i: any) => i.key === a.sku)).toMatchObject({ action: 'update', status: 'done' });
    const adopted = t.sandbox.shopify.state.products.find((p) => p.id === ids.adopt)!;
    expect(adopted.metafields.find((m) => m.key === 'product_id')?.value).toBe(String(a.id));
    const map = warehouseToLocation(t.sandbox, t.env);
    expect(shopifyView(t.sandbox, mappedLocations(map)).get(a.variants[0]!.sku)).toEqual(expectedProduct(a, map));
    // The only duplicate is the merchant's own (the two "Kopya" products), left as it was.
    const c = wires.filter((p) => p.variants.length >= 2)[2]!;
    expect(duplicates(t.sandbox)).toEqual([`SKU ${c.variants[0]!.sku} appears 2 times`]);
  });

  it(
    'reports SKUs spread over two Shopify products and a SKU on two Shopify variants as conflicts, touching ' +
      'neither',
    () => {
      const [, b, c] = wires.filter((p) => p.variants.length >= 2);
      const items = run.json().items;
      expect(items.find((i: any) => i.key === b!.sku)).toMatchObject({
        action: 'conflict',
        status: 'conflict',
        reasons: [expect.stringMatching(/SKUs of this product sit in 2 Shopify products/)],
      });
      expect(items.find((i: any) => i.key === c!.sku)).toMatchObject({
        action: 'conflict',
        reasons: expect.arrayContaining([
          expect.stringMatching(new RegExp(`SKU "${c!.variants[0]!.sku}" is on 2 Shopify variants`)),
        ]),
      });
      for (const key of ['half1', 'half2', 'dup1', 'dup2'])
        expect(JSON.stringify(t.sandbox.shopify.state.products.find((p) => p.id === ids[key])), key).toBe(
          before.get(ids[key]!),
        );
      expect(run.code).toBe(ExitCode.partial);
    },
  );

  it('creates the title look-alike and the lower-cased SKU as new products, only suggesting the look-alike', () => {
    const [, , , d, e] = wires.filter((p) => p.variants.length >= 2);
    const report = run.json();
    expect(report.items.find((i: any) => i.key === d!.sku)).toMatchObject({ action: 'create', status: 'done' });
    expect(report.items.find((i: any) => i.key === e!.sku)).toMatchObject({ action: 'create', status: 'done' });
    expect(report.warnings.join('\n')).toContain(`Suggestion only: Sentos ${d!.sku}`);
    for (const key of ['lookalike', 'lower'])
      expect(JSON.stringify(t.sandbox.shopify.state.products.find((p) => p.id === ids[key])), key).toBe(
        before.get(ids[key]!),
      );
    // 7 merchant products + every Sentos product except the two conflicts and the adopted one.
    expect(t.sandbox.shopify.state.products.length).toBe(7 + wires.length - 3);
  });

  it('the next run leaves everything as it is', async () => {
    t.sandbox.shopify.resetStats();
    const again = await products(t);
    expect(again.json().summary).toMatchObject({ created: 0, updated: 0, conflicts: 2, unchanged: wires.length - 2 });
    expect(t.sandbox.shopify.stats().requests.dataMutations).toBe(0);
  });
});
