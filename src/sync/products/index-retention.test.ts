import { describe, expect, it } from 'vitest';
import { aSentosProduct, aSentosVariant } from '../../../test/builders/sentos-product.js';
import { aShopifyProduct, aShopifyVariant } from '../../../test/builders/shopify-product.js';
import type { ShopifyProduct } from '../../shopify/types.js';
import { countOf, indexSentos, indexShopify, valuesOf } from './match-index.js';

/**
 * The planning indexes hold one entry per key and a list only where a key repeats (docs/architecture.md#memory): at
 * 10,000 products a list and a hit object per SKU were 30 MB. Counted here as the objects an index adds to the
 * catalog it indexes.
 */
function objectsOf(root: unknown, stop = new Set<object>()): Set<object> {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null || seen.has(value) || stop.has(value)) continue;
    seen.add(value);
    if (value instanceof Map) stack.push(...value.keys(), ...value.values());
    else if (value instanceof Set) stack.push(...value.values());
    else stack.push(...Object.values(value));
  }
  return seen;
}

/** `count` products of three variants, SKUs unique except `DUP`, on a variant of the first two products. */
function catalog(count: number): ShopifyProduct[] {
  return Array.from({ length: count }, (_, p) =>
    aShopifyProduct({
      id: `gid://shopify/Product/${p}`,
      handle: `p-${p}`,
      sentosProductId: String(p),
      variants: [0, 1, 2].map((v) =>
        aShopifyVariant({
          id: `gid://shopify/ProductVariant/${p * 3 + v}`,
          sku: p < 2 && v === 0 ? 'DUP' : `P${p}-${v}`,
          barcode: `B${p * 3 + v}`,
        }),
      ),
    }),
  );
}

describe('the planning indexes', () => {
  it('add no object per variant: five containers, and a list for the one SKU on two variants', () => {
    const products = catalog(50);
    const index = indexShopify(products, { barcodes: false });
    const added = objectsOf(index, objectsOf(products));
    // byId, bySku, byBarcode, bySentosId, handles, the index itself, and the list of DUP.
    expect(added.size).toBe(7);
    expect(valuesOf(index.bySku, 'DUP').map((p) => p.id)).toEqual([
      'gid://shopify/Product/0',
      'gid://shopify/Product/1',
    ]);
    expect(countOf(index.bySku, 'P7-1')).toBe(1);
    expect(index.byBarcode.size).toBe(0);
  });

  it('index barcodes only when matching by barcode is on', () => {
    const products = catalog(5);
    const index = indexShopify(products, { barcodes: true });
    expect(index.byBarcode.size).toBe(15);
    expect(valuesOf(index.byBarcode, 'B4')).toEqual([products[1]]);
  });

  it('Sentos owners: the id itself for a SKU of one product, every occurrence for a repeated one', () => {
    const sentos = Array.from({ length: 40 }, (_, p) =>
      aSentosProduct({
        id: String(p),
        sku: `S${p}`,
        variants: [aSentosVariant({ sku: `S${p}-A` }), aSentosVariant({ sku: p < 3 ? 'TWICE' : `S${p}-B` })],
      }),
    );
    const owners = indexSentos(sentos);
    // The map, and the list of TWICE: ids are strings, shared with the catalog.
    expect(objectsOf(owners, objectsOf(sentos)).size).toBe(2);
    expect(valuesOf(owners, 'TWICE')).toEqual(['0', '1', '2']);
    expect(valuesOf(owners, 'S9-A')).toEqual(['9']);
  });
});
