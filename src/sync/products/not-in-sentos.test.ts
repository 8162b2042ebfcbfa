import { describe, expect, it } from 'vitest';
import { aSentosProduct, aSentosWarehouse } from '../../../test/builders/sentos-product.js';
import { aShopifyLocation, aShopifyProduct, aShopifyVariant } from '../../../test/builders/shopify-product.js';
import type { SentosProduct } from '../../sentos/types.js';
import type { ShopifyProduct } from '../../shopify/types.js';
import { checkGuard } from './guard.js';
import { planProducts, type PlanInput } from './plan.js';
import { productSettings } from './settings.js';

const L1 = 'gid://shopify/Location/1';
const L2 = 'gid://shopify/Location/2';
const UNMAPPED = 'gid://shopify/Location/3';

function plan(sentos: SentosProduct[], shopify: ShopifyProduct[], extra: Partial<PlanInput> = {}) {
  return planProducts({
    sentos,
    shopify,
    locations: [L1, L2, UNMAPPED].map((id, i) => aShopifyLocation({ id, name: `Yer ${i + 1}` })),
    warehouses: [aSentosWarehouse({ id: '1', name: 'MERKEZ' }), aSentosWarehouse({ id: '2', name: 'DEPO' })],
    categories: new Map(),
    settings: productSettings({ warehouseMap: { MERKEZ: L1, DEPO: L2 } }),
    ...extra,
  });
}

/** A Shopify product this tool created for Sentos product `sentosId`, with stock at all three locations. */
const linked = (n: number, sentosId: string | undefined, skus: string[]) =>
  aShopifyProduct({
    id: `gid://shopify/Product/${n}`,
    handle: `h-${n}`,
    title: `Ürün ${n}`,
    sentosProductId: sentosId,
    variants: skus.map((sku, i) =>
      aShopifyVariant({
        id: `gid://shopify/ProductVariant/${n}${i}`,
        sku,
        inventoryItemId: `gid://shopify/InventoryItem/${n}${i}`,
        levels: [
          { locationId: L1, available: 4 },
          { locationId: L2, available: 0 },
          { locationId: UNMAPPED, available: 7 },
        ],
      }),
    ),
  });

const stillThere = aSentosProduct({ id: '1', sku: 'KALAN' });
const shopify = [linked(1, '1', ['KALAN']), linked(2, '2', ['GIDEN-S', 'GIDEN-M'])];

describe('a product that vanished from Sentos', () => {
  it('stops selling (0 at every mapped location that has stock), is reported, and is never deleted', () => {
    const result = plan([stillThere], shopify);
    const gone = result.items.find((i) => i.key === '2');
    expect(gone).toMatchObject({
      sku: 'GIDEN-S',
      title: 'Ürün 2',
      action: 'update',
      shopifyProductId: 'gid://shopify/Product/2',
      changes: [],
      warnings: [
        expect.stringMatching(/^Sentos product 2 is no longer in Sentos: its variants are set to 0 available/),
      ],
    });
    expect(gone?.productWrite).toBeUndefined();
    // L2 is already 0 and the unmapped location is not Sentos's to set: one row per variant, at L1.
    expect(gone?.stock.map((r) => [r.sku, r.locationId, r.current, r.target, r.reason])).toEqual([
      ['GIDEN-S', L1, 4, 0, 'not in Sentos'],
      ['GIDEN-M', L1, 4, 0, 'not in Sentos'],
    ]);
    expect(result.totals.existingVariants).toBe(3);
    expect(result.summary.total).toBe(2);
  });

  it('is found through the local link map too; an unlinked (merchant) product is never touched', () => {
    const viaMap = linked(2, undefined, ['GIDEN-S']);
    const own = linked(3, undefined, ['MAGAZA-OZEL']);
    const result = plan([stillThere], [shopify[0]!, viaMap, own], { links: new Map([['2', viaMap.id]]) });
    expect(result.items.map((i) => i.key)).toEqual(['1', '2']);
  });

  it('outside a --sku or --limit selection a product is not vanished, merely not selected', () => {
    expect(plan([stillThere], shopify, { only: { skus: ['KALAN'] } }).items.map((i) => i.key)).toEqual(['1']);
    expect(plan([stillThere], shopify, { only: { limit: 1 } }).items.map((i) => i.key)).toEqual(['1']);
  });

  it('is not vanished when its SKUs moved to another Sentos product or Sentos sent it unreadable', () => {
    const moved = aSentosProduct({ id: '7', sku: 'GIDEN-S' });
    expect(plan([stillThere, moved], shopify).items.find((i) => i.key === '2')).toBeUndefined();
    const unreadable = [{ id: '2' }];
    expect(plan([stillThere], shopify, { unreadable }).items.map((i) => i.key)).toEqual(['1']);
    // An unreadable product with no id could be any of them: nothing is taken for vanished.
    expect(plan([stillThere], shopify, { unreadable: [{}] }).items).toHaveLength(1);
  });

  it('counts toward the zero-stock safety guard: an empty-looking read cannot zero the store quietly', () => {
    const result = plan([stillThere], shopify);
    expect(checkGuard(result, productSettings().guard).map((v) => v.code)).toEqual(['zero-stock-share']);
  });
});
