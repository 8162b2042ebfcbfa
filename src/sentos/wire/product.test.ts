import { describe, expect, it } from 'vitest';
import { parseSentosProduct, parseSentosProducts } from './product.js';

/** A wire product as docs/sentos-api.md#product-shape-and-quirks shows it, with overrides. */
function wireProduct(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 1907,
    category_id: 52,
    sku: 'STD-KMR-0007',
    name: 'Deri Kemer',
    brand: 'Stil Demo',
    barcode: '8690000190700',
    currency: 'TL',
    purchase_price: '85,00',
    sale_price: '249,90',
    vat_rate: 20,
    stocks: [{ warehouse: 1, stock: 12 }],
    prices: {},
    images: [{ id: 91020, url: 'https://demo.sentos.com.tr/urunres/stdkmr0007.jpg' }],
    variants: [],
    ...overrides,
  };
}

function wireVariant(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sku: 'STD-ELB-1042-SYH-S',
    barcode: '8690000104201',
    color: 'Siyah',
    model: { name: 'Beden', value: 'S' },
    stocks: [{ warehouse: 1, stock: 3 }],
    images: [],
    ...overrides,
  };
}

function parsed(raw: unknown) {
  const result = parseSentosProduct(raw);
  if (!result.ok) throw new Error(`expected a valid product, got: ${result.invalid.reason}`);
  return result.product;
}

describe('money quirks (docs/sentos-api.md#product-shape-and-quirks quirk 1)', () => {
  it.each([
    ['1.299,90', 129990],
    ['220,00', 22000],
    ['220.50', 22050],
    [220.5, 22050],
    [249, 24900],
    ['1.220,5', 122050],
    ['  99,9 ', 9990],
  ])('sale_price %j → %i minor', (wire, minor) => {
    expect(parsed(wireProduct({ sale_price: wire })).salePrice).toEqual({ ok: true, minor });
  });

  it.each([['abc'], ['12,34,56'], [true]])('sale_price %j → {ok:false}, the product still parses', (wire) => {
    const product = parsed(wireProduct({ sale_price: wire }));
    expect(product.salePrice).toMatchObject({ ok: false });
    expect(product.sku).toBe('STD-KMR-0007');
  });

  it.each([[null], [''], [undefined]])('sale_price %j → no price', (wire) => {
    expect(parsed(wireProduct({ sale_price: wire }))).not.toHaveProperty('salePrice');
  });

  it('parses channel prices, and `[]` as no prices', () => {
    const product = parsed(wireProduct({ prices: { b2c: { list_price: '1.499,90', sale_price: 1299.9 }, n11: [] } }));
    expect(product.prices).toEqual({
      b2c: { list: { ok: true, minor: 149990 }, sale: { ok: true, minor: 129990 } },
      n11: {},
    });
    expect(parsed(wireProduct({ prices: [] })).prices).toEqual({});
    expect(parsed(wireProduct({ prices: null })).prices).toEqual({});
  });
});

describe('shape quirks', () => {
  it('maps ids to strings and keeps the domain shape', () => {
    expect(parsed(wireProduct())).toEqual({
      id: '1907',
      sku: 'STD-KMR-0007',
      name: 'Deri Kemer',
      brand: 'Stil Demo',
      barcode: '8690000190700',
      categoryId: '52',
      currency: 'TL',
      vatRate: 20,
      salePrice: { ok: true, minor: 24990 },
      purchasePrice: { ok: true, minor: 8500 },
      prices: {},
      stocks: [{ warehouseId: '1', quantity: 12 }],
      images: ['https://demo.sentos.com.tr/urunres/stdkmr0007.jpg'],
      variants: [],
    });
  });

  it.each([
    ['warehouse as {id,name}', { warehouse: { id: 2, name: 'DEPO' }, stock: 4 }, { warehouseId: '2', quantity: 4 }],
    ['stock as a numeric string', { warehouse: 1, stock: '4' }, { warehouseId: '1', quantity: 4 }],
    ['warehouse as a string id', { warehouse: '3', stock: 0 }, { warehouseId: '3', quantity: 0 }],
  ])('stocks: %s', (_label, wire, expected) => {
    expect(parsed(wireProduct({ stocks: [wire] })).stocks).toEqual([expected]);
  });

  it.each([
    ['{name,value}', { name: 'Beden', value: 'M' }, { name: 'Beden', value: 'M' }],
    ['a plain string (read as Beden)', '3 Yaş', { name: 'Beden', value: '3 Yaş' }],
    ['value without a name', { value: 'L' }, { name: 'Beden', value: 'L' }],
    ['empty {name,value}', { name: '', value: '' }, undefined],
    ['[]', [], undefined],
    ['null', null, undefined],
  ])('variant model: %s', (_label, wire, expected) => {
    const variant = parsed(wireProduct({ variants: [wireVariant({ model: wire })] })).variants[0];
    expect(variant?.model).toEqual(expected);
  });

  it('tolerates null brand, missing arrays and id/sku as numbers', () => {
    const product = parsed({ id: '77', sku: 12345, name: 'X', brand: null });
    expect(product).toEqual({ id: '77', sku: '12345', name: 'X', prices: {}, stocks: [], images: [], variants: [] });
  });

  it('reads variants with their own prices, images and trimmed SKUs', () => {
    const product = parsed(
      wireProduct({
        sku: 'STD-ELB-1042',
        variants: [
          wireVariant({
            sku: ' STD-ELB-1042-SYH-M ',
            sale_price: '1.299,90',
            images: [{ id: 1, url: 'https://x/1.jpg' }, 'https://x/2.jpg'],
          }),
        ],
      }),
    );
    expect(product.variants).toEqual([
      {
        sku: 'STD-ELB-1042-SYH-M',
        barcode: '8690000104201',
        color: 'Siyah',
        model: { name: 'Beden', value: 'S' },
        stocks: [{ warehouseId: '1', quantity: 3 }],
        images: ['https://x/1.jpg', 'https://x/2.jpg'],
        salePrice: { ok: true, minor: 129990 },
      },
    ]);
  });
});

describe('parseSentosProducts: a bad product never kills the page', () => {
  it.each([
    [
      'a variant without a SKU',
      wireProduct({ id: 2, sku: 'P2', variants: [wireVariant({ sku: null })] }),
      { id: '2', sku: 'P2', name: 'Deri Kemer' },
      /variants\.0\.sku/,
    ],
    [
      'a non-numeric stock',
      wireProduct({ id: 3, sku: 'P3', stocks: [{ warehouse: 1, stock: 'çok' }] }),
      { id: '3', sku: 'P3', name: 'Deri Kemer' },
      /stocks\.0\.stock/,
    ],
    ['no SKU and no variants', wireProduct({ id: 4, sku: '' }), { id: '4', name: 'Deri Kemer' }, /no SKU/],
    ['no id', wireProduct({ id: undefined, sku: 'P5' }), { sku: 'P5', name: 'Deri Kemer' }, /id/],
    ['not an object', 'garbage', {}, /expected object/i],
  ])('%s is reported with what identifies it', (_label, bad, identity, reason) => {
    const page = parseSentosProducts([
      wireProduct({ id: 1, sku: 'P1' }),
      bad,
      wireProduct({ id: 6, sku: 'P6', sale_price: 'abc' }),
    ]);
    expect(page.products.map((p) => p.sku)).toEqual(['P1', 'P6']);
    expect(page.products[1]?.salePrice).toMatchObject({ ok: false, raw: 'abc' });
    expect(page.invalid).toHaveLength(1);
    expect(page.invalid[0]).toEqual({ ...identity, reason: expect.stringMatching(reason) });
  });
});
