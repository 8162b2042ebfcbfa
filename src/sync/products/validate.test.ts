import { describe, expect, it } from 'vitest';
import { aSentosProduct, aSentosVariant, aSentosWarehouse, aStock, tl } from '../../../test/builders/sentos-product.js';
import { aShopifyLocation } from '../../../test/builders/shopify-product.js';
import type { SentosProduct } from '../../sentos/types.js';
import { planProducts } from './plan.js';
import { productSettings } from './settings.js';

const variant = (sku: string, color: string, size: string, extra = {}) =>
  aSentosVariant({ sku, color, model: { name: 'Beden', value: size }, ...extra });

const broken: Array<[string, Partial<SentosProduct>, string[]]> = [
  [
    'unparsable Turkish price',
    { variants: [variant('STD-1-S', 'Siyah', 'S', { salePrice: tl('12,3,4') })] },
    ['variant STD-1-S: sale_price "12,3,4" is not a price'],
  ],
  ['misplaced thousands', { salePrice: tl('1,23.4,5') }, ['variant STD-1: sale_price "1,23.4,5" is not a price']],
  ['zero price', { salePrice: tl('0,00') }, ['variant STD-1: sale_price 0.00 is not above zero']],
  ['negative price', { salePrice: tl('-5,00') }, ['variant STD-1: sale_price -5.00 is not above zero']],
  ['missing price', { salePrice: undefined }, ['variant STD-1: sale_price is missing']],
  ['empty price string', { salePrice: tl('') }, ['variant STD-1: sale_price is missing']],
  ['missing SKU', { variants: [variant('A-S', 'Siyah', 'S'), variant('  ', 'Siyah', 'M')] }, ['variant #2 has no SKU']],
  [
    'option collision',
    { variants: [variant('A-S', 'Siyah', 'S'), variant('A-S2', 'Siyah', 'S')] },
    ['variant A-S and variant A-S2 have the same options (Siyah / S)'],
  ],
  [
    'empty option value',
    { variants: [variant('A-S', 'Siyah', 'S'), variant('A-M', '', 'M')] },
    ['variant A-M: option Renk has no value'],
  ],
  [
    '4 option axes',
    {
      variants: ['Beden', 'Numara', 'Boy'].map((name, i) =>
        aSentosVariant({ sku: `A-${i}`, color: 'Siyah', model: { name, value: 'X' } }),
      ),
    },
    ['4 options (Renk, Beden, Numara, Boy); Shopify allows at most 3'],
  ],
  [
    'fractional stock',
    { stocks: [aStock('1', 2.5)] },
    ['variant STD-1: stock "2.5" in warehouse 1 is not a whole number'],
  ],
  ['no name', { name: '  ' }, ['product has no name']],
  [
    'model value without attribute',
    { variants: [aSentosVariant({ sku: 'A', color: 'Siyah', model: { name: '', value: 'M' } })] },
    ['variant A: model value "M" has no attribute name'],
  ],
  [
    'variants nothing tells apart',
    {
      variants: [
        aSentosVariant({ sku: 'A', color: undefined, model: undefined }),
        aSentosVariant({ sku: 'B', color: undefined, model: undefined }),
      ],
    },
    ['variants have no colour or model value to tell them apart'],
  ],
];

describe('validation before any write', () => {
  it.each(broken)('%s: invalid with a clear reason, the rest plan fine', (_name, overrides, reasons) => {
    const bad = aSentosProduct({ id: '1', sku: 'STD-1', ...overrides });
    const good = aSentosProduct({ id: '2', sku: 'GOOD-1' });
    const plan = planProducts({
      sentos: [bad, good],
      shopify: [],
      locations: [aShopifyLocation()],
      warehouses: [aSentosWarehouse()],
      categories: new Map(),
      settings: productSettings(),
    });
    expect(plan.items[0]).toMatchObject({ key: '1', action: 'invalid', reasons, stock: [] });
    expect(plan.items[0]?.productWrite).toBeUndefined();
    expect(plan.items[1]).toMatchObject({ key: '2', action: 'create' });
    expect(plan.summary).toMatchObject({ invalid: 1, create: 1, total: 2 });
  });

  it('reports every reason of a product, not just the first', () => {
    const bad = aSentosProduct({ name: '', salePrice: tl('abc'), stocks: [aStock('1', 1.5)] });
    const plan = planProducts({
      sentos: [bad],
      shopify: [],
      locations: [aShopifyLocation()],
      warehouses: [aSentosWarehouse()],
      categories: new Map(),
      settings: productSettings(),
    });
    expect(plan.items[0]?.reasons).toHaveLength(3);
  });

  it('a channel list price that does not parse is invalid too', () => {
    const bad = aSentosProduct({ prices: { b2c: { sale: tl('100,00'), list: tl('1..0') } } });
    const plan = planProducts({
      sentos: [bad],
      shopify: [],
      locations: [aShopifyLocation()],
      warehouses: [aSentosWarehouse()],
      categories: new Map(),
      settings: productSettings({ priceList: 'b2c' }),
    });
    expect(plan.items[0]).toMatchObject({
      action: 'invalid',
      reasons: ['variant STD-1: prices.b2c.list_price "1..0" is not a price'],
    });
  });

  it('a product without a price in the configured channel list is invalid', () => {
    const plan = planProducts({
      sentos: [aSentosProduct({ prices: { trendyol: { sale: tl('100,00') } } })],
      shopify: [],
      locations: [aShopifyLocation()],
      warehouses: [aSentosWarehouse()],
      categories: new Map(),
      settings: productSettings({ priceList: 'b2c' }),
    });
    expect(plan.items[0]).toMatchObject({
      action: 'invalid',
      reasons: ['variant STD-1: prices.b2c.sale_price is missing'],
    });
  });

  it('negative stock counts as 0 with a warning, not a failure', () => {
    const plan = planProducts({
      sentos: [aSentosProduct({ stocks: [aStock('1', -3)] })],
      shopify: [],
      locations: [aShopifyLocation()],
      warehouses: [aSentosWarehouse()],
      categories: new Map(),
      settings: productSettings(),
    });
    expect(plan.items[0]).toMatchObject({
      action: 'create',
      warnings: ['variant STD-1: stock -3 in warehouse 1 counted as 0'],
    });
    expect(plan.items[0]?.stock).toMatchObject([{ sku: 'STD-1', sentos: 0, target: 0 }]);
  });
});
