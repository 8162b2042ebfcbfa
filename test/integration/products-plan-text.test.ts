import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type TestSandbox } from '../helpers/cli-harness.js';
import { products, startProductsSandbox } from './products-oracle.js';

/** The dry run a person reads: exactly what would change, by variant and by location name. */
describe('products --dry-run: the plan in words', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startProductsSandbox({ products: 8, seed: 6 });
    const first = await products(t);
    expect(first.code, first.stderr).toBe(0);
  }, 20_000);
  afterAll(() => t.close());

  const dryRun = () => runCli(['products', '--dry-run'], t.env);

  it('after a price drift in Shopify: the variant, old and new price, and nothing else to change', async () => {
    const product = t.sandbox.sentos.state.products.find((p) => p.variants.length >= 2)!;
    const sku = product.variants[1]!.sku;
    const variant = t.sandbox.shopify.state.variantBySku(sku)!;
    const sentosPrice = variant.price;
    variant.price = '1.00';
    const run = await dryRun();
    expect(run.code, run.stderr).toBe(0);
    const plan = run.stdout.slice(0, run.stdout.indexOf('\n\nProducts'));
    expect(plan.split('\n')).toEqual([
      'Plan (1 item, riskiest first):',
      expect.stringMatching(new RegExp(`^~ would update ${product.sku} `)),
      `    ${sku} price: "1.00" → "${sentosPrice}"`,
    ]);
    expect(run.stdout).toMatch(/Would update +1\n/);
    variant.price = sentosPrice;
  });

  it('after a Sentos stock change: the location by name, old → new, with the Sentos figure', async () => {
    const product = t.sandbox.sentos.state.products.find((p) => p.variants.length >= 2)!;
    const sku = product.variants[0]!.sku;
    const old = t.sandbox.sentos.state.stockOf(sku)[2] ?? 0;
    t.sandbox.sentos.state.setVariantStock(sku, 2, old + 5);
    const run = await dryRun();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`    ${sku} İstanbul Mağaza ${old} → ${old + 5} (Sentos ${old + 5}, held 0)\n`);
    expect(run.stdout).not.toContain('gid://shopify/Location');
  });
});
