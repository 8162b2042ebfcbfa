import { describe, expect, it } from 'vitest';
import { aSentosProduct, aSentosVariant, aVariantProduct, tl } from '../../../test/builders/sentos-product.js';
import { mapProduct } from './map.js';
import { productSettings } from './settings.js';

const categories = new Map([['37', ['Giyim', 'Kadın', 'Elbise']]]);
const map = (product = aSentosProduct(), overrides: Parameters<typeof productSettings>[0] = {}) =>
  mapProduct(product, { settings: productSettings(overrides), categories });

describe('mapProduct: options', () => {
  it('gives a simple product Shopify’s default option and its own SKU and barcode', () => {
    const mapped = map();
    expect(mapped.options).toEqual([{ name: 'Title', values: ['Default Title'] }]);
    expect(mapped.variants).toMatchObject([
      { sku: 'STD-1', barcode: '8690000000004', optionValues: [{ optionName: 'Title', name: 'Default Title' }] },
    ]);
  });

  it('keeps Sentos order of first appearance for colours and sizes (apparel order, not alphabetical)', () => {
    const variants = [
      aSentosVariant({ sku: 'A-XL', color: 'Siyah', model: { name: 'Beden', value: 'XL' } }),
      aSentosVariant({ sku: 'A-S', color: 'Siyah', model: { name: 'Beden', value: 'S' } }),
      aSentosVariant({ sku: 'B-XL', color: 'Beyaz', model: { name: 'Beden', value: 'XL' } }),
      aSentosVariant({ sku: 'B-M', color: 'Beyaz', model: { name: 'Beden', value: 'M' } }),
    ];
    const mapped = map(aSentosProduct({ variants }));
    expect(mapped.options).toEqual([
      { name: 'Renk', values: ['Siyah', 'Beyaz'] },
      { name: 'Beden', values: ['XL', 'S', 'M'] },
    ]);
    expect(mapped.variants[3]?.optionValues).toEqual([
      { optionName: 'Renk', name: 'Beyaz' },
      { optionName: 'Beden', name: 'M' },
    ]);
  });

  it.each([
    [
      'no colour on any variant: no Renk',
      [{ color: undefined }, { color: '' }],
      [{ name: 'Beden', values: ['S', 'M'] }],
    ],
    [
      'no model on any variant: only Renk',
      [
        { model: undefined, color: 'Siyah' },
        { model: undefined, color: 'Mavi' },
      ],
      [{ name: 'Renk', values: ['Siyah', 'Mavi'] }],
    ],
  ])('%s', (_name, parts, options) => {
    const sizes = ['S', 'M'];
    const variants = parts.map((part, i) =>
      aSentosVariant({ sku: `V-${i}`, model: { name: 'Beden', value: sizes[i] as string }, ...part }),
    );
    expect(map(aSentosProduct({ variants })).options).toEqual(options);
  });

  it('a variant product with one variant and no axis gets the default option', () => {
    const mapped = map(aSentosProduct({ variants: [aSentosVariant({ color: undefined, model: undefined })] }));
    expect(mapped.options).toEqual([{ name: 'Title', values: ['Default Title'] }]);
  });
});

describe('mapProduct: prices', () => {
  it.each([
    [
      'sale_price: variant price wins, no list price so no compare-at opinion',
      'sale_price',
      { salePrice: tl('99,90') },
      9990,
      undefined,
    ],
    ['sale_price: falls back to the product price', 'sale_price', {}, 129990, undefined],
    [
      'channel list: prices.b2c with a higher list price as compare-at',
      'b2c',
      { salePrice: tl('99,90') },
      119990,
      149990,
    ],
    ['channel list: equal list price gives no compare-at (cleared)', 'trendyol', {}, 134990, null],
    ['channel list: lower list price gives no compare-at (cleared)', 'n11', {}, 134990, null],
  ])('%s', (_name, priceList, variantOverrides, price, compareAt) => {
    const product = aSentosProduct({
      prices: {
        b2c: { sale: tl('1.199,90'), list: tl('1.499,90') },
        trendyol: { sale: tl('1.349,90'), list: tl('1.349,90') },
        n11: { sale: tl('1.349,90'), list: tl('1.000,00') },
      },
      variants: [aSentosVariant(variantOverrides)],
    });
    const [variant] = map(product, { priceList }).variants;
    expect(variant?.price.price).toEqual({ ok: true, minor: price });
    expect(variant?.compareAt).toBe(compareAt);
  });

  it.each([
    ['1.299,90', 129990],
    ['220,00', 22000],
    ['220.50', 22050],
    [249.9, 24990],
    ['1.234.567,89', 123456789],
    [' 1 299,90 TL', 129990],
  ])('Turkish price form %j flows through as %i minor units', (raw, minor) => {
    const [variant] = map(aSentosProduct({ salePrice: tl(raw) })).variants;
    expect(variant?.price.price).toEqual({ ok: true, minor });
  });
});

describe('mapProduct: content', () => {
  it('maps title, body, vendor, category type and tags', () => {
    expect(map(aSentosProduct({ name: '  Elbise ' }), { tagsFromCategory: true })).toMatchObject({
      title: 'Elbise',
      descriptionHtml: '<p>%100 viskon.</p>',
      vendor: 'Stil Demo',
      productType: 'Elbise',
      tags: ['Giyim', 'Kadın', 'Elbise'],
    });
  });

  it('escapes the plain description when there is no detail, and leaves empty fields as no opinion', () => {
    const mapped = map(
      aSentosProduct({ descriptionDetail: ' ', description: 'A & B', brand: undefined, categoryId: '99' }),
    );
    expect(mapped).toMatchObject({
      descriptionHtml: '<p>A &amp; B</p>',
      vendor: undefined,
      productType: undefined,
      tags: undefined,
    });
  });

  it('does not derive tags or type when switched off', () => {
    expect(map(aSentosProduct(), { productTypeFromCategory: 'none' })).toMatchObject({
      productType: undefined,
      tags: undefined,
    });
  });

  it('lists product images then variant images, without duplicates', () => {
    const product = aVariantProduct(
      { images: ['https://x/1.jpg', 'https://x/2.jpg'] },
      { colors: ['Siyah'], sizes: ['S', 'M'] },
    );
    product.variants[0]!.images = ['https://x/1.jpg', 'https://x/3.jpg'];
    product.variants[1]!.images = ['https://x/3.jpg'];
    expect(map(product).imageSources).toEqual(['https://x/1.jpg', 'https://x/2.jpg', 'https://x/3.jpg']);
  });
});
