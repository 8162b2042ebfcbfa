import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireProduct } from '../../src/sandbox/sentos/wire-types.js';
import type { CliRun, TestSandbox } from '../helpers/cli-harness.js';
import { products, startProductsSandbox } from './products-oracle.js';

/**
 * Report semantics, over the real wire: a conflict has its own status, an item rejected at read time keeps its
 * title, and reasons are grouped by kind so a product with hundreds of bad variants stays a few lines.
 */
const MAX_LINES = 20;

describe('products: report semantics', () => {
  let t: TestSandbox;
  let wires: WireProduct[];
  let huge: WireProduct;
  let copied: [WireProduct, WireProduct];
  let dupBad: WireProduct;
  let unreadable: WireProduct;
  let dry: CliRun;
  let real: CliRun;

  beforeAll(async () => {
    t = await startProductsSandbox({ products: 12, seed: 11 });
    wires = t.sandbox.sentos.state.products;
    const multi = wires.filter((p) => p.variants.length >= 2);
    const simple = wires.filter((p) => p.variants.length === 0);
    const [a, b, c, d] = multi as [WireProduct, WireProduct, WireProduct, WireProduct];
    const variants = (p: WireProduct, n: number, price?: string) =>
      Array.from({ length: n }, (_, i) => ({
        ...p.variants[0]!,
        sku: `${p.sku}-V${i}`,
        color: `Renk ${Math.floor(i / 20)}`,
        model: { name: 'Beden', value: `B${i % 20}` },
        ...(price === undefined ? {} : { sale_price: price }),
      }));
    // 400 variants, each with a price that is not one.
    huge = a;
    huge.variants = variants(a, 400, 'abc');
    // 300 variants copied into a second product: 300 duplicate SKUs, conflicts on both sides.
    b.variants = variants(b, 300);
    c.variants = b.variants.map((v) => ({ ...v }));
    copied = [b, c];
    // A duplicate SKU on a product that also has a bad price: the conflict wins.
    dupBad = d;
    d.variants = [{ ...d.variants[0]!, sku: b.variants[0]!.sku, sale_price: 'xyz' }, ...d.variants.slice(1)];
    // No SKU and no variants: rejected while reading, before the planner sees it.
    unreadable = simple[0]!;
    unreadable.sku = '';
    dry = await products(t, ['--dry-run']);
    real = await products(t);
  }, 30_000);
  afterAll(() => t.close());

  const itemOf = (run: CliRun, key: string) => run.json().items.find((i: any) => i.key === key);

  it('never has more than ~20 reason lines per item, in the dry run and the real run', () => {
    for (const run of [dry, real]) {
      for (const item of run.json().items) {
        expect((item.reasons ?? []).length, item.key).toBeLessThanOrEqual(MAX_LINES);
        expect((item.error?.message ?? '').length, item.key).toBeLessThan(2_000);
      }
    }
  });

  it('groups 400 bad prices into one line with a count and the first SKUs', () => {
    const item = itemOf(real, huge.sku);
    const first5 = [0, 1, 2, 3, 4].map((i) => `${huge.sku}-V${i}`).join(', ');
    expect(item).toMatchObject({ action: 'invalid', status: 'failed' });
    expect(item.reasons).toEqual([`400 variants: sale_price "abc" is not a price (${first5}, … and 395 more)`]);
  });

  it('reports conflicts with the status conflict, also when the product has other problems', () => {
    for (const run of [dry, real]) {
      for (const p of [...copied, dupBad]) {
        expect(itemOf(run, p.sku), p.sku).toMatchObject({ action: 'conflict', status: 'conflict' });
      }
      expect(itemOf(run, copied[0].sku).reasons[0]).toMatch(/^300 SKUs appear more than once in Sentos \(SKU "/);
      expect(itemOf(run, dupBad.sku).reasons).toContain(
        `variant ${dupBad.variants[0]!.sku}: sale_price "xyz" is not a price`,
      );
    }
    expect(real.json().summary).toMatchObject({ conflicts: 3 });
  });

  it('keeps the title of a product rejected at read time', () => {
    const item = itemOf(real, String(unreadable.id));
    expect(item).toMatchObject({ title: unreadable.name, action: 'invalid', status: 'failed' });
    expect(item.reasons).toEqual([expect.stringMatching(/product has no SKU and no variants/)]);
  });
});
