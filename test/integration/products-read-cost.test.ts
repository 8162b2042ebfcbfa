import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireProduct } from '../../src/sandbox/sentos/wire-types.js';
import type { TestSandbox } from '../helpers/cli-harness.js';
import { mutations, products, startProductsSandbox } from './products-oracle.js';

const WIDE_VARIANTS = 2_000;

/** One product of the seed grows to `count` variants: one colour, sizes "1" … "count". */
function widen(product: WireProduct, count: number): void {
  const [template] = product.variants;
  if (!template) throw new Error('the seed product to widen has no variants');
  product.variants = Array.from({ length: count }, (_, i) => ({
    ...template,
    sku: `${product.sku}-W${i + 1}`,
    barcode: '',
    color: template.color,
    model: { name: template.model.name, value: String(i + 1) },
    stocks: template.stocks.map((s) => ({ ...s })),
    images: [],
  }));
}

/**
 * Reads scale with variants, not products: 20 products of which one has 2,000 variants is a large catalog
 * however few products it has. An unchanged resync must read it for a bounded cost (the bulk export), not
 * page through 2,000 variants at tens of points each.
 */
describe('products: read cost of an unchanged resync follows the variant count', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startProductsSandbox({ products: 20, seed: 5 });
    const wide = t.sandbox.sentos.state.products.find((p) => p.variants.length > 0)!;
    widen(wide, WIDE_VARIANTS);
    const first = await products(t);
    expect(first.code, first.stderr).toBe(0);
    expect(first.json().summary.created).toBe(20);
  }, 120_000);
  afterAll(() => t.close());

  it('the catalog is as described: 20 products, one with 2,000 variants', () => {
    const shopify = t.sandbox.shopify.state.products;
    expect(shopify).toHaveLength(20);
    expect(Math.max(...shopify.map((p) => p.variants.length))).toBe(WIDE_VARIANTS);
  });

  it('an unchanged resync writes nothing and spends at most 100 cost points', async () => {
    t.sandbox.shopify.resetStats();
    const run = await products(t);
    expect(run.code, run.stderr).toBe(0);
    const report = run.json();
    expect(report.summary).toMatchObject({ unchanged: 20, created: 0, updated: 0 });
    expect(mutations(t.sandbox)).toEqual({});
    expect(report.requests.shopify.cost).toBeLessThanOrEqual(100);
    expect(t.sandbox.shopify.stats().costSpent).toBeLessThanOrEqual(100);
  }, 120_000);

  it('an unchanged resync asks shop, locations and counts in one request: 7 requests in all', async () => {
    t.sandbox.shopify.resetStats();
    const run = await products(t);
    expect(run.code, run.stderr).toBe(0);
    const { requests } = t.sandbox.shopify.stats();
    // RunContext (shop + locations + both counts), two exports started, each polled twice (the sandbox shows
    // RUNNING at the first poll): docs/shopify-api.md#catalog-reads.
    expect(requests.byOperation).toEqual({
      shop: 1,
      locations: 1,
      productsCount: 1,
      productVariantsCount: 1,
      bulkOperationRunQuery: 2,
      bulkOperation: 4,
    });
    expect(requests.total).toBe(7);
  }, 120_000);
});
