import { describe, expect, it } from 'vitest';
import {
  aSentosProduct,
  aSentosVariant,
  aSentosWarehouse,
  aStock,
  aVariantProduct,
  tl,
} from '../../../test/builders/sentos-product.js';
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
  [
    'missing SKU',
    { variants: [variant('A-S', 'Siyah', 'S'), variant('  ', 'Siyah', 'M')] },
    ['variant #2: SKU is empty'],
  ],
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

  const planB2c = (products: SentosProduct[]) =>
    planProducts({
      sentos: products,
      shopify: [],
      locations: [aShopifyLocation()],
      warehouses: [aSentosWarehouse()],
      categories: new Map(),
      settings: productSettings({ priceList: 'b2c' }),
    });
  const fallbacks: Array<[string, SentosProduct['prices']]> = [
    ['no price lists at all ({} or [])', {}],
    ['the key missing', { trendyol: { sale: tl('100,00') } }],
    ['the entry empty', { b2c: {} }],
    ['the list sale_price empty', { b2c: { sale: tl(''), list: tl('150,00') } }],
  ];
  it.each(fallbacks)('falls back to sale_price when the list has no usable entry: %s', (_name, prices) => {
    const product = aVariantProduct(
      { sku: 'STD-9', salePrice: tl('99,90'), prices },
      { colors: ['Siyah'], sizes: ['S', 'M', 'L'] },
    );
    product.variants[1]!.salePrice = tl('89,90'); // variant before product
    const item = planB2c([product]).items[0]!;
    expect(item.action).toBe('create');
    expect(item.productWrite?.variants.map((v) => v.price)).toEqual([9990, 8990, 9990]);
    // One line for the product, not one per variant.
    expect(item.warnings).toEqual([
      'price list "b2c" has no price for this product: used sale_price (variant before product)',
    ]);
  });

  it('a list sale_price that is present but not a price fails the product, no fallback', () => {
    const item = planB2c([aSentosProduct({ prices: { b2c: { sale: tl('yüz lira') } } })]).items[0];
    expect(item).toMatchObject({
      action: 'invalid',
      reasons: ['variant STD-1: prices.b2c.sale_price "yüz lira" is not a price'],
      warnings: [],
    });
  });

  it('a duplicate SKU is a conflict even when the product is also invalid', () => {
    const a = aSentosProduct({ id: '1', sku: 'DUP', salePrice: tl('abc') });
    const b = aSentosProduct({ id: '2', sku: 'DUP' });
    const plan = planB2c([a, b]);
    expect(plan.items.map((i) => i.action)).toEqual(['conflict', 'conflict']);
    expect(plan.items[0]?.reasons[0]).toMatch(/SKU "DUP" appears 2 times in Sentos/);
    expect(plan.items[0]?.reasons).toContain('variant DUP: sale_price "abc" is not a price');
  });

  it('groups the same problem of many variants into one line with a count and the first SKUs', () => {
    const product = aVariantProduct(
      { sku: 'BIG', salePrice: tl('12,3,4') },
      { colors: Array.from({ length: 30 }, (_, i) => `Renk ${i}`), sizes: ['S', 'M', 'L', 'XL', 'XXL'] },
    );
    product.variants[7]!.salePrice = tl('x');
    for (const v of product.variants.slice(0, 40)) v.stocks = [aStock('1', -1)];
    const item = planB2c([product]).items[0]!;
    expect(item.action).toBe('invalid');
    expect(item.reasons).toEqual([
      '150 variants: sale_price is not a price (BIG-0-S "12,3,4", BIG-0-M "12,3,4", BIG-0-L "12,3,4", ' +
        'BIG-0-XL "12,3,4", BIG-0-XXL "12,3,4", … and 145 more)',
    ]);
    expect(item.warnings).toHaveLength(2);
    expect(item.warnings[1]).toMatch(/^40 variants: stock -1 in warehouse 1 counted as 0 \(BIG-0-S, /);
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
