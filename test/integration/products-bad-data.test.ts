import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/core/errors.js';
import type { WireProduct, WireVariant } from '../../src/sandbox/sentos/wire-types.js';
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
 * Product sync: bad data fails or conflicts alone, with a clear reason, and the rest syncs. The Sentos sandbox's wire
 * objects are edited before the run, so the data travels the real wire.
 *
 * Four option axes: Sentos has one colour and one model per variant, but the model NAME may differ between
 * variants of one product (Beden, Boy, Kalıp), which maps to Renk + three attributes = four options.
 */
type Case = { name: string; key: () => string; action: 'invalid' | 'conflict'; reason: RegExp };

describe('products with bad data', () => {
  let t: TestSandbox;
  let wires: WireProduct[];
  let good: WireProduct[];
  const cases: Case[] = [];
  let first: Awaited<ReturnType<typeof products>>;

  beforeAll(async () => {
    t = await startProductsSandbox({ products: 30, seed: 11 });
    wires = t.sandbox.sentos.state.products;
    const simples = wires.filter((p) => p.variants.length === 0);
    const multi = wires.filter((p) => p.variants.length >= 3);
    expect(simples.length, 'seed 11 has enough simple products').toBeGreaterThanOrEqual(4);
    expect(multi.length, 'and enough variant products').toBeGreaterThanOrEqual(12);
    const [s0, s1, s2, s3] = simples as [WireProduct, WireProduct, WireProduct, WireProduct];
    type Multi = WireProduct & { variants: [WireVariant, WireVariant, WireVariant] };
    const [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11] = multi as unknown as [
      Multi,
      Multi,
      Multi,
      Multi,
      Multi,
      Multi,
      Multi,
      Multi,
      Multi,
      Multi,
      Multi,
      Multi,
    ];
    const productPrice = (p: WireProduct, price: WireProduct['sale_price']) => {
      p.sale_price = price;
      for (const v of p.variants) delete v.sale_price;
    };
    // Every money form Sentos sends: all must land as the same decimal in Shopify.
    productPrice(s0, '1.299,90');
    productPrice(s1, '220,00');
    productPrice(m0, '220.50');
    productPrice(m1, 220);
    productPrice(m2, '2.000,00');
    m2.variants[1].sale_price = '1.234,56';
    m2.variants[2].sale_price = 1999.9;
    // A Turkish SKU must match byte for byte (no locale lower-casing) on the next run.
    m3.variants[0].sku = `İĞŞ-ıçö-${m3.id}`;

    const bad = (name: string, key: () => string, action: Case['action'], reason: RegExp) =>
      cases.push({ name, key, action, reason });
    productPrice(m4, '12,3,4');
    bad('unparsable price', () => m4.sku, 'invalid', /sale_price "12,3,4" is not a price/);
    productPrice(s2, '0,00');
    bad('zero price', () => s2.sku, 'invalid', /sale_price 0\.00 is not above zero/);
    m5.variants[1].sku = '';
    bad('variant without SKU', () => m5.sku, 'invalid', /variants\.1\.sku: SKU is empty/);
    s3.sku = '';
    bad('simple product without SKU', () => String(s3.id), 'invalid', /product has no SKU and no variants/);
    m7.variants[2].sku = m6.variants[0].sku;
    bad(
      'duplicate SKU (first owner)',
      () => m6.sku,
      'conflict',
      new RegExp(`SKU "${m6.variants[0].sku}" appears 2 times in Sentos \\(products ${m6.id}, ${m7.id}\\)`),
    );
    bad(
      'duplicate SKU (second owner)',
      () => m7.sku,
      'conflict',
      new RegExp(`SKU "${m6.variants[0].sku}" appears 2 times in Sentos`),
    );
    m8.variants[1].color = m8.variants[0].color;
    m8.variants[1].model = { ...m8.variants[0].model };
    bad(
      'option-value collision',
      () => m8.sku,
      'invalid',
      new RegExp(`variant ${m8.variants[0].sku} and variant ${m8.variants[1].sku} have the same options`),
    );
    m9.variants[1].model = { name: 'Boy', value: 'Uzun' };
    m9.variants[2].model = { name: 'Kalıp', value: 'Slim' };
    bad('four option axes', () => m9.sku, 'invalid', /4 options \(Renk, Beden, Boy, Kalıp\); Shopify allows at most 3/);
    const template = m10.variants[0];
    (m10 as WireProduct).variants = Array.from({ length: 2049 }, (_, i) => ({
      ...template,
      sku: `${m10.sku}-V${i}`,
      color: `Renk ${Math.floor(i / 50)}`,
      model: { name: 'Beden', value: `B${i % 50}` },
      stocks: [],
      images: [],
    }));
    bad('more than 2,048 variants', () => m10.sku, 'invalid', /2049 variants; Shopify allows at most 2048/);
    m11.name = '  ';
    bad('no name', () => m11.sku, 'invalid', /product has no name/);
    const badKeys = new Set([m4, s2, m5, s3, m6, m7, m8, m9, m10, m11]);
    good = wires.filter((p) => !badKeys.has(p));
    first = await products(t);
  }, 20_000);
  afterAll(() => t.close());

  it('exits with the partial code and counts each bad product once', () => {
    expect(first.code, first.stderr).toBe(ExitCode.partial);
    expect(first.json().summary).toEqual({
      created: good.length,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      failed: 8,
      conflicts: 2,
      notReached: 0,
      total: 30,
    });
  });

  it('reports each bad product alone, with its reason, and writes nothing of it', () => {
    const items = first.json().items as Array<{
      key: string;
      action: string;
      status: string;
      reasons?: string[];
      error?: { message: string };
    }>;
    const skus = new Set(t.sandbox.shopify.state.products.flatMap((p) => p.variants.map((v) => v.sku)));
    for (const c of cases) {
      const item = items.find((i) => i.key === c.key());
      expect(item, c.name).toBeDefined();
      const text = [...(item!.reasons ?? []), item!.error?.message ?? ''].join('\n');
      expect(text, c.name).toMatch(c.reason);
      if (c.action === 'conflict') expect(item, c.name).toMatchObject({ action: 'conflict', status: 'conflict' });
      else expect(item!.status, c.name).toBe('failed');
      const wire = wires.find((p) => p.sku === c.key() || String(p.id) === c.key())!;
      // The duplicated SKU itself is in Shopify through neither product; the others of the two are not either.
      for (const v of wire.variants.length ? wire.variants : [wire])
        if (v.sku) expect(skus.has(v.sku), `${c.name}: ${v.sku}`).toBe(false);
    }
  });

  it('syncs every other product exactly, whatever the money form', () => {
    const map = warehouseToLocation(t.sandbox, t.env);
    const actual = shopifyView(t.sandbox, mappedLocations(map));
    expect(actual.size).toBe(good.length);
    for (const wire of good)
      expect(actual.get(wire.variants[0]?.sku ?? wire.sku), wire.sku).toEqual(expectedProduct(wire, map));
    const prices = (sku: string) => t.sandbox.shopify.state.variantBySku(sku)!.price;
    const [s0, s1] = wires.filter((p) => p.variants.length === 0);
    expect([prices(s0!.sku), prices(s1!.sku)]).toEqual(['1299.90', '220.00']);
    const multi = wires.filter((p) => p.variants.length >= 3);
    expect(multi[0]!.variants.map((v) => prices(v.sku))).toEqual(multi[0]!.variants.map(() => '220.50'));
    expect(multi[1]!.variants.map((v) => prices(v.sku))).toEqual(multi[1]!.variants.map(() => '220.00'));
    expect(multi[2]!.variants.slice(0, 3).map((v) => prices(v.sku))).toEqual(['2000.00', '1234.56', '1999.90']);
  });

  it('a second run changes nothing: the good products are unchanged, the bad ones report the same', async () => {
    t.sandbox.shopify.resetStats();
    const second = await products(t);
    expect(second.code).toBe(ExitCode.partial);
    expect(second.json().summary).toEqual({
      created: 0,
      updated: 0,
      unchanged: good.length,
      skipped: 0,
      failed: 8,
      conflicts: 2,
      notReached: 0,
      total: 30,
    });
    expect(mutations(t.sandbox)).toEqual({});
  });

  it('fixing a bad product in Sentos syncs it on the next run', async () => {
    const fixed = wires.find((p) => p.sku === cases[0]!.key())!;
    fixed.sale_price = '449,90';
    t.sandbox.shopify.resetStats();
    const third = await products(t);
    expect(third.json().summary).toMatchObject({ created: 1, failed: 7, conflicts: 2 });
    expect(mutations(t.sandbox)).toEqual({ productSet: 1 }); // created ACTIVE with its stock in one call
    for (const v of fixed.variants) expect(t.sandbox.shopify.state.variantBySku(v.sku)?.price).toBe('449.90');
  });
});
