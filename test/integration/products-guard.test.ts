import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/core/errors.js';
import type { WireProduct } from '../../src/sandbox/sentos/wire-types.js';
import type { TestSandbox } from '../helpers/cli-harness.js';
import { mutations, products, startProductsSandbox } from './products-oracle.js';

/**
 * Product sync: `--limit`, `--sku`, and the safety guard (empty Sentos read, too large a share of the catalog
 * rewritten, too many variants zeroed) stopping a real run before any write unless `--force`.
 */
describe('products: selection and the safety guard', () => {
  let t: TestSandbox;
  let wires: WireProduct[];
  beforeAll(async () => {
    t = await startProductsSandbox({ products: 12, seed: 12 });
    wires = t.sandbox.sentos.state.products;
  });
  afterAll(() => t.close());

  const skusOf = (p: WireProduct) => (p.variants.length ? p.variants.map((v) => v.sku) : [p.sku]);
  const inShopify = (p: WireProduct) =>
    skusOf(p).every((sku) => t.sandbox.shopify.state.variantBySku(sku) !== undefined);

  it('--limit 3 writes only the first three Sentos products; --sku with a variant SKU only its product', async () => {
    const limited = await products(t, ['--limit', '3']);
    expect(limited.code, limited.stderr).toBe(0);
    expect(limited.json().items.map((i: any) => i.key)).toEqual(wires.slice(0, 3).map((p) => p.sku));
    expect(wires.map(inShopify)).toEqual(wires.map((_, i) => i < 3));
    const target = wires.slice(3).find((p) => p.variants.length > 1)!;
    const one = await products(t, ['--sku', target.variants[1]!.sku]);
    expect(one.json().items).toMatchObject([{ key: target.sku, action: 'create', status: 'done' }]);
    expect(t.sandbox.shopify.state.products.length).toBe(4);
    const rest = await products(t);
    expect(rest.json().summary).toMatchObject({ created: 8, unchanged: 4, failed: 0 });
  });

  it(
    '--sku of one changed product on a store in sync exits 0 and writes it (the guard measures ' + 'the store)',
    async () => {
      const target = wires[0]!;
      const before = target.name;
      target.name = `${before} (yeni)`;
      t.sandbox.shopify.resetStats();
      const one = await products(t, ['--sku', target.sku]);
      expect(one.code, one.stderr).toBe(0);
      expect(one.json().items).toMatchObject([{ key: target.sku, action: 'update', status: 'done' }]);
      expect(mutations(t.sandbox)).toMatchObject({ productSet: 1 });
      target.name = before;
      const back = await products(t, ['--sku', target.sku, '--limit', '1']);
      expect(back.code, back.stderr).toBe(0);
    },
  );

  it('stops before any write when more than half of the catalog would be rewritten, unless --force', async () => {
    for (const p of wires.slice(0, 7)) p.name = `${p.name} (2027)`;
    t.sandbox.shopify.resetStats();
    const stopped = await products(t);
    expect(stopped.code).toBe(ExitCode.failure);
    expect(stopped.stdout + stopped.stderr).toMatch(
      /Safety guard: 7 of 12 existing products would be rewritten \(58\.3% > 50%\)/,
    );
    expect(mutations(t.sandbox)).toEqual({});
    const dry = await products(t, ['--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.json().warnings.join('\n')).toMatch(/Safety guard would stop a real run: 7 of 12/);
    const forced = await products(t, ['--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.json().summary).toMatchObject({ updated: 7 });
    expect(mutations(t.sandbox)).toEqual({ productSet: 7 });
  });

  it('stops when too many variants would drop to zero stock, unless --force', async () => {
    for (const p of wires)
      for (const sku of skusOf(p)) for (const w of [1, 2, 3]) t.sandbox.sentos.state.setVariantStock(sku, w, 0);
    t.sandbox.shopify.resetStats();
    const stopped = await products(t);
    expect(stopped.code).toBe(ExitCode.failure);
    expect(stopped.stdout + stopped.stderr).toMatch(/existing variants would go from stock to zero/);
    expect(mutations(t.sandbox)).toEqual({});
    const forced = await products(t, ['--force']);
    expect(forced.code, forced.stderr).toBe(0);
    const merkez = t.sandbox.shopify.state.locations[0]!.id;
    expect(wires.flatMap(skusOf).map((sku) => t.sandbox.shopify.state.available(sku, merkez))).toEqual(
      wires.flatMap(skusOf).map(() => 0),
    );
  });

  it('stops when the Sentos read is empty, even with nothing to change', async () => {
    const saved = wires.splice(0, wires.length);
    try {
      t.sandbox.shopify.resetStats();
      const stopped = await products(t);
      expect(stopped.code).toBe(ExitCode.failure);
      expect(stopped.stdout + stopped.stderr).toMatch(/the Sentos read returned no products/);
      expect(mutations(t.sandbox)).toEqual({});
    } finally {
      wires.push(...saved);
    }
  });
});
