import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireProduct } from '../../src/sandbox/sentos/wire-types.js';
import type { CliRun, TestSandbox } from '../helpers/cli-harness.js';
import { mappedLocations, mutations, products, startProductsSandbox, warehouseToLocation } from './products-oracle.js';

/**
 * What Sentos removed stops selling in Shopify, over the real wire: a variant Sentos dropped is kept (variant
 * removal is off) with 0 available at every mapped location, a linked product Sentos dropped entirely gets the
 * same for its variants and is reported, nothing is deleted, and a --sku run never takes the others for gone.
 */
describe('products: variants and products removed in Sentos', () => {
  let t: TestSandbox;
  let shrunk: WireProduct;
  let dropped: WireProduct;
  let other: WireProduct;
  let removedSku: string;
  let selected: CliRun;
  let selectedWrites: Record<string, number>;
  let dry: CliRun;
  let real: CliRun;
  const available = (sku: string, location: string) => {
    const state = t.sandbox.shopify.state;
    return state.available(sku, state.locations.find((l) => l.name === location)!.id);
  };

  beforeAll(async () => {
    t = await startProductsSandbox({ products: 10, seed: 3 });
    const first = await products(t);
    expect(first.code, first.stderr).toBe(0);
    const wires = t.sandbox.sentos.state.products;
    const withStock = (p: WireProduct) => p.variants.some((v) => v.stocks.some((s) => Number(s.stock) > 0));
    const multi = wires.filter((p) => p.variants.length >= 2 && withStock(p));
    [shrunk, dropped, other] = multi as [WireProduct, WireProduct, WireProduct];
    const gone = shrunk.variants.find((v) => v.stocks.some((s) => Number(s.stock) > 0))!;
    removedSku = gone.sku;
    shrunk.variants = shrunk.variants.filter((v) => v !== gone);
    wires.splice(wires.indexOf(dropped), 1);
    t.sandbox.shopify.resetStats();
    selected = await products(t, ['--sku', other.sku]);
    selectedWrites = mutations(t.sandbox);
    dry = await products(t, ['--dry-run']);
    real = await products(t);
  }, 40_000);
  afterAll(() => t.close());

  const item = (run: CliRun, key: string) => run.json().items.find((i: any) => i.key === key);
  const vanished = (run: CliRun) => run.json().items.find((i: any) => i.title === dropped.name);

  it('a --sku run of another product leaves both alone', () => {
    expect(selected.code, selected.stderr).toBe(0);
    expect(selected.json().items.map((i: any) => i.key)).toEqual([other.sku]);
    expect(selectedWrites).toEqual({});
  });

  it('plans the removed variant as stock → 0 (not in Sentos) at every mapped location where it had stock', () => {
    const stock = item(dry, shrunk.sku).changes.filter((c: any) => c.field === 'stock' && c.sku === removedSku);
    expect(stock.length).toBeGreaterThan(0);
    for (const change of stock) expect(change).toMatchObject({ to: 0, reason: 'not in Sentos' });
    expect(item(dry, shrunk.sku).reasons).toContainEqual(
      `Shopify variant ${removedSku} is not in Sentos: kept with its stock set to 0 (variant removal is off)`,
    );
  });

  it('the real run keeps the variant and the vanished product, with 0 available everywhere mapped', () => {
    expect(real.code, real.stderr).toBe(0);
    const locations = mappedLocations(warehouseToLocation(t.sandbox, t.env));
    const state = t.sandbox.shopify.state;
    expect(state.variantBySku(removedSku)).toBeDefined();
    for (const location of locations) expect(available(removedSku, location), location).toBe(0);
    for (const v of dropped.variants) {
      expect(state.variantBySku(v.sku), v.sku).toBeDefined();
      for (const location of locations) expect(available(v.sku, location), `${v.sku} ${location}`).toBe(0);
    }
    const gone = vanished(real);
    expect(dropped.variants.map((v) => v.sku)).toContain(gone.key);
    expect(gone).toMatchObject({ title: dropped.name, action: 'update', status: 'done' });
    expect(gone.reasons).toEqual([
      expect.stringMatching(/is no longer in Sentos: its variants are set to 0 available/),
    ]);
    expect(gone.changes.every((c: any) => c.field === 'stock' && c.to === 0 && c.reason === 'not in Sentos')).toBe(
      true,
    );
  });

  it('says so in the run warnings, which the text summary prints', () => {
    expect(real.json().warnings).toContainEqual(
      expect.stringMatching(/^1 Shopify product\(s\) are no longer in Sentos \(.+\): their variants go to 0 available/),
    );
  });

  it('a rerun writes nothing more, and still reports the vanished product', async () => {
    t.sandbox.shopify.resetStats();
    const again = await products(t);
    expect(again.code, again.stderr).toBe(0);
    expect(mutations(t.sandbox)).toEqual({});
    expect(vanished(again)).toMatchObject({ action: 'unchanged', status: 'skipped' });
  });
});
