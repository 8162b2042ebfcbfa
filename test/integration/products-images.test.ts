import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireProduct } from '../../src/sandbox/sentos/wire-types.js';
import type { TestSandbox } from '../helpers/cli-harness.js';
import { mutations, products, startProductsSandbox } from './products-oracle.js';

/**
 * Images are synced by default: every Shopify product's media are the Sentos product's images, then its
 * variants' images, without duplicates, in Sentos order, and each variant shows its own first image. The
 * expectation is computed here from the Sentos simulator's wire objects, independently of the tool.
 */
function expectedSources(wire: WireProduct): string[] {
  return [...new Set([...wire.images, ...wire.variants.flatMap((v) => v.images)].map((i) => i.url))];
}

describe('products: images', () => {
  let t: TestSandbox;
  const shopifyOf = (wire: WireProduct) =>
    t.sandbox.shopify.state.products.find((p) =>
      p.metafields.some((m) => m.namespace === 'sentos_sync' && m.key === 'product_id' && m.value === String(wire.id)),
    )!;
  const mediaOf = (wire: WireProduct) => shopifyOf(wire).media.map((m) => m.source);

  beforeAll(async () => {
    t = await startProductsSandbox({ products: 12, seed: 7 });
    const first = await products(t);
    expect(first.code, first.stderr).toBe(0);
  }, 30_000);
  afterAll(() => t.close());

  it('the first sync gives every product its Sentos images in Sentos order, and each variant its own', () => {
    const wires = t.sandbox.sentos.state.products;
    expect(wires.some((w) => w.images.length === 0 && w.variants.some((v) => v.images.length > 0))).toBe(true);
    expect(wires.some((w) => w.images.length > 1)).toBe(true);
    for (const wire of wires) {
      const product = shopifyOf(wire);
      expect(mediaOf(wire), wire.sku).toEqual(expectedSources(wire));
      for (const variant of wire.variants) {
        const record = product.variants.find((v) => v.sku === variant.sku)!;
        const attached = product.media.filter((m) => record.mediaIds?.includes(m.id)).map((m) => m.source);
        expect(attached, variant.sku).toEqual(variant.images.slice(0, 1).map((i) => i.url));
      }
    }
  });

  it(
    'a changed image list in Sentos replaces the media on the next run, and only that product is ' + 'written',
    async () => {
      const wire = t.sandbox.sentos.state.products.find((w) => w.images.length >= 2)!;
      const [first, ...rest] = wire.images;
      wire.images = [...rest, first!, { id: 999_001, url: 'https://demo.sentos.com.tr/urunres/yeni-foto.jpg' }];
      t.sandbox.shopify.resetStats();
      const run = await products(t);
      expect(run.code, run.stderr).toBe(0);
      expect(mutations(t.sandbox)).toEqual({ productSet: 1, metafieldsSet: 1 });
      expect(mediaOf(wire)).toEqual(expectedSources(wire));
      expect(mediaOf(wire)[0]).toBe(rest[0]!.url);
      const item = run.json().items.find((i: { key: string }) => i.key === String(wire.id) || i.key === wire.sku);
      expect(item).toMatchObject({ action: 'update', status: 'done', changes: [{ field: 'images' }] });
    },
  );

  it('a resync with no change writes nothing', async () => {
    t.sandbox.shopify.resetStats();
    const run = await products(t);
    expect(run.code, run.stderr).toBe(0);
    expect(run.json().summary).toMatchObject({ unchanged: 12, updated: 0, created: 0 });
    expect(t.sandbox.shopify.stats().requests.dataMutations).toBe(0);
  });
});
