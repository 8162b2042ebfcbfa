import { describe, expect, it } from 'vitest';
import type { ProductWrite } from '../../shopify/types.js';
import { PRODUCT_SET_QUANTITY_LIMIT, foldNewVariantStock } from './new-variant-stock.js';
import type { StockChange } from './types.js';

const L1 = 'gid://shopify/Location/1';
const L2 = 'gid://shopify/Location/2';

const write = (variants: Array<{ sku: string; id?: string }>): ProductWrite => ({
  identifier: { handle: 'sentos-p' },
  options: [{ name: 'Size', values: variants.map((v) => v.sku) }],
  variants: variants.map((v) => ({ ...v, optionValues: [{ optionName: 'Size', name: v.sku }] })),
});

const row = (sku: string, locationId: string, target: number, inventoryItemId?: string): StockChange => ({
  sku,
  inventoryItemId,
  locationId,
  sentos: target,
  pending: 0,
  target,
  current: inventoryItemId ? 1 : undefined,
  needsActivation: !inventoryItemId,
});

describe('foldNewVariantStock', () => {
  it('puts every new variant stock row into its variant, in row order, and marks the rows', () => {
    const folded = foldNewVariantStock(write([{ sku: 'A' }, { sku: 'B' }]), [
      row('A', L1, 3),
      row('B', L1, 0),
      row('A', L2, 7),
    ]);
    expect(folded.complete).toBe(true);
    expect(folded.write.returnVariants).toBeUndefined();
    expect(folded.write.variants.map((v) => v.inventoryQuantities)).toEqual([
      [
        { locationId: L1, quantity: 3 },
        { locationId: L2, quantity: 7 },
      ],
      [{ locationId: L1, quantity: 0 }],
    ]);
    expect(folded.stock.map((r) => r.inProductSet)).toEqual([true, true, true]);
  });

  it('leaves existing variants and their compare-and-set rows alone', () => {
    const existing = 'gid://shopify/InventoryItem/9';
    const folded = foldNewVariantStock(write([{ sku: 'OLD', id: 'gid://shopify/ProductVariant/9' }, { sku: 'NEW' }]), [
      row('OLD', L1, 4, existing),
      row('NEW', L1, 2),
    ]);
    expect(folded.complete).toBe(true);
    expect(folded.write.variants[0]?.inventoryQuantities).toBeUndefined();
    expect(folded.write.variants[1]?.inventoryQuantities).toEqual([{ locationId: L1, quantity: 2 }]);
    expect(folded.stock.map((r) => [r.sku, r.inProductSet ?? false])).toEqual([
      ['OLD', false],
      ['NEW', true],
    ]);
  });

  it('returns the write unchanged when there is no new-variant stock', () => {
    const original = write([{ sku: 'A' }]);
    expect(foldNewVariantStock(original, [])).toEqual({ write: original, stock: [], complete: true });
  });

  it('over the 50,000-quantity limit keeps the rows for the stock writer and asks for the variant ids', () => {
    const rows = Array.from({ length: PRODUCT_SET_QUANTITY_LIMIT + 1 }, (_, i) => row('A', `L${i}`, 1));
    const folded = foldNewVariantStock(write([{ sku: 'A' }]), rows);
    expect(folded.complete).toBe(false);
    expect(folded.write.returnVariants).toBe(true);
    expect(folded.write.variants[0]?.inventoryQuantities).toBeUndefined();
    expect(folded.stock.some((r) => r.inProductSet)).toBe(false);
  });

  it('asks for the variant ids when a row names a variant this write does not create', () => {
    const folded = foldNewVariantStock(write([{ sku: 'A' }]), [row('A', L1, 1), row('GHOST', L1, 1)]);
    expect(folded).toMatchObject({ complete: false, write: { returnVariants: true } });
  });
});
