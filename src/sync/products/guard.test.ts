import { describe, expect, it } from 'vitest';
import { aSentosProduct, aSentosWarehouse, aStock, tl } from '../../../test/builders/sentos-product.js';
import { aShopifyLocation, aShopifyProduct, aShopifyVariant } from '../../../test/builders/shopify-product.js';
import { checkGuard } from './guard.js';
import { planProducts } from './plan.js';
import { DEFAULT_PRODUCT_SETTINGS, productSettings } from './settings.js';

const L1 = 'gid://shopify/Location/1';
const guard = DEFAULT_PRODUCT_SETTINGS.guard;

/** 10 products in both stores, 5 units each; `priceChanged` get a new price, `zeroed` lose their stock. */
function scenario(opts: {
  priceChanged?: number;
  zeroed?: number;
  created?: number;
  only?: { skus?: string[]; limit?: number };
}) {
  const sentos = Array.from({ length: 10 + (opts.created ?? 0) }, (_, i) =>
    aSentosProduct({
      id: String(i),
      sku: `S-${i}`,
      salePrice: i < (opts.priceChanged ?? 0) ? tl('999,00') : tl('1.299,90'),
      stocks: [aStock('1', i >= 10 - (opts.zeroed ?? 0) && i < 10 ? 0 : 5)],
    }),
  );
  const shopify = sentos.slice(0, 10).map((p, i) =>
    aShopifyProduct({
      id: `gid://shopify/Product/${i}`,
      handle: `h-${i}`,
      sentosProductId: p.id,
      variants: [aShopifyVariant({ id: `v${i}`, sku: p.sku, levels: [{ locationId: L1, available: 5 }] })],
    }),
  );
  return planProducts({
    sentos,
    shopify,
    locations: [aShopifyLocation({ id: L1 })],
    warehouses: [aSentosWarehouse()],
    categories: new Map(),
    settings: productSettings(),
    only: opts.only,
  });
}

describe('checkGuard', () => {
  it.each([
    ['nothing changes', {}, []],
    ['half the catalog changes (not more than 50%)', { priceChanged: 5 }, []],
    ['creates do not count as changes', { created: 30 }, []],
    ['6 of 10 products change', { priceChanged: 6 }, ['change-share']],
    ['3 of 10 variants go to zero (not more than 30%)', { zeroed: 3 }, []],
    ['4 of 10 variants go to zero', { zeroed: 4 }, ['zero-stock-share']],
    ['both', { priceChanged: 10, zeroed: 10 }, ['change-share', 'zero-stock-share']],
  ])('%s', (_name, opts, codes) => {
    expect(checkGuard(scenario(opts), guard).map((v) => v.code)).toEqual(codes);
  });

  it.each([
    ['--sku of the one changed product', { skus: ['S-0'] }],
    ['--limit 1 on the changed product', { limit: 1 }],
  ])('the store, not the selection, is measured: %s (an update-only plan) passes', (_name, only) => {
    const plan = scenario({ priceChanged: 1, zeroed: 0, only });
    expect(plan.items.map((i) => i.action)).toEqual(['update']);
    expect(checkGuard(plan, guard)).toEqual([]);
  });

  it('an empty Sentos read is a violation', () => {
    const plan = planProducts({
      sentos: [],
      shopify: [],
      locations: [],
      warehouses: [],
      categories: new Map(),
      settings: productSettings(),
    });
    expect(checkGuard(plan, guard)).toEqual([{ code: 'empty-read', message: 'the Sentos read returned no products' }]);
  });

  it('says what it found against which limit', () => {
    expect(checkGuard(scenario({ zeroed: 4 }), guard)).toEqual([
      {
        code: 'zero-stock-share',
        message: '4 of 10 existing variants would go from stock to zero (40% > 30%)',
        share: 0.4,
        limit: 0.3,
      },
    ]);
  });

  it('totals can be passed in (e.g. for a limited run measured against the whole catalog)', () => {
    const plan = scenario({ priceChanged: 6 });
    expect(checkGuard(plan, guard, { sentosProducts: 10, existingProducts: 100, existingVariants: 100 })).toEqual([]);
  });
});
