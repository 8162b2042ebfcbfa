import { describe, expect, it } from 'vitest';
import { aSentosProduct, aSentosVariant, aSentosWarehouse, aStock } from '../../../test/builders/sentos-product.js';
import { aShopifyLocation, aShopifyProduct, aShopifyVariant } from '../../../test/builders/shopify-product.js';
import type { SentosProduct } from '../../sentos/types.js';
import type { ShopifyProduct, ShopifyVariant } from '../../shopify/types.js';
import { planProducts, type PlanInput } from './plan.js';
import { productSettings } from './settings.js';

const L1 = 'gid://shopify/Location/1';
const P1 = 'gid://shopify/Product/1';

function plan(sentos: SentosProduct[], shopify: ShopifyProduct[], extra: Partial<PlanInput> = {}) {
  return planProducts({
    sentos,
    shopify,
    locations: [aShopifyLocation({ id: L1 })],
    warehouses: [aSentosWarehouse()],
    categories: new Map([['37', ['Giyim', 'Elbise']]]),
    settings: productSettings(),
    ...extra,
  });
}

const sizes = (skus: Array<[string, string]>, stock = 3) =>
  aSentosProduct({
    id: '1',
    sku: 'M',
    barcode: '',
    variants: skus.map(([sku, size]) =>
      aSentosVariant({
        sku,
        barcode: undefined,
        color: undefined,
        model: { name: 'Beden', value: size },
        stocks: [aStock('1', stock)],
      }),
    ),
  });
const shopVariant = (n: number, sku: string, size: string, extra: Partial<ShopifyVariant> = {}) =>
  aShopifyVariant({
    id: `gid://shopify/ProductVariant/${n}`,
    sku,
    barcode: undefined,
    inventoryItemId: `gid://shopify/InventoryItem/${n}`,
    selectedOptions: [{ name: 'Beden', value: size }],
    levels: [{ locationId: L1, available: 3 }],
    ...extra,
  });
const shopProduct = (variants: ShopifyVariant[], extra: Partial<ShopifyProduct> = {}) =>
  aShopifyProduct({
    id: P1,
    sentosProductId: '1',
    productType: 'Elbise',
    options: [{ name: 'Beden', values: variants.map((v) => v.selectedOptions[0]?.value ?? '') }],
    variants,
    ...extra,
  });

describe('variant structure', () => {
  const current = shopProduct([shopVariant(1, 'M-S', 'S'), shopVariant(2, 'M-M', 'M'), shopVariant(3, 'M-XL', 'XL')]);

  it('keeps a Shopify variant missing from Sentos (productSet would delete it) and warns', () => {
    const item = plan(
      [
        sizes([
          ['M-S', 'S'],
          ['M-M', 'M'],
          ['M-L', 'L'],
        ]),
      ],
      [current],
    ).items[0];
    expect(item?.action).toBe('update');
    expect(item?.changes).toEqual([
      { field: 'options', from: ['Beden: S, M, XL'], to: ['Beden: S, M, L, XL'] },
      { field: 'variant', sku: 'M-L', from: null, to: 'M-L' },
    ]);
    expect(item?.productWrite?.variants.map((v) => [v.sku, v.id])).toEqual([
      ['M-S', 'gid://shopify/ProductVariant/1'],
      ['M-M', 'gid://shopify/ProductVariant/2'],
      ['M-L', undefined],
      ['M-XL', 'gid://shopify/ProductVariant/3'],
    ]);
    expect(item?.warnings).toEqual([
      'Shopify variant M-XL is not in Sentos: kept with its stock set to 0 (variant removal is off)',
    ]);
    // It stops selling: one compare-and-set row to 0 at the mapped location, beside the new variant's stock.
    expect(item?.stock).toEqual([
      expect.objectContaining({ sku: 'M-L', inventoryItemId: undefined, target: 3, needsActivation: true }),
      {
        sku: 'M-XL',
        inventoryItemId: 'gid://shopify/InventoryItem/3',
        locationId: L1,
        sentos: 0,
        pending: 0,
        target: 0,
        current: 3,
        needsActivation: false,
        reason: 'not in Sentos',
      },
    ]);
  });

  it('a kept variant without stock anywhere mapped gives no row; an unowned stock gives none at all', () => {
    const sold = shopProduct([
      shopVariant(1, 'M-S', 'S'),
      shopVariant(2, 'M-M', 'M'),
      shopVariant(3, 'M-XL', 'XL', { levels: [{ locationId: L1, available: 0 }] }),
    ]);
    const two = sizes([
      ['M-S', 'S'],
      ['M-M', 'M'],
    ]);
    expect(plan([two], [sold]).items[0]).toMatchObject({ action: 'unchanged', stock: [] });
    const unowned = plan([two], [current], { settings: productSettings({ owned: { stock: false } }) }).items[0];
    expect(unowned).toMatchObject({ action: 'unchanged', stock: [] });
    expect(unowned?.warnings).toEqual(['Shopify variant M-XL is not in Sentos: kept (variant removal is off)']);
  });

  it('removes it only when variant removal is allowed, as a planned change', () => {
    const settings = productSettings({ allowVariantRemoval: true });
    const item = plan(
      [
        sizes([
          ['M-S', 'S'],
          ['M-M', 'M'],
        ]),
      ],
      [current],
      { settings },
    ).items[0];
    expect(item?.changes).toEqual([
      { field: 'options', from: ['Beden: S, M, XL'], to: ['Beden: S, M'] },
      { field: 'variant', sku: 'M-XL', from: 'M-XL', to: null },
    ]);
    expect(item?.productWrite?.variants.map((v) => v.sku)).toEqual(['M-S', 'M-M']);
  });

  it('warns that a kept variant Shopify does not track keeps selling (its 0 would change nothing)', () => {
    const untracked = shopProduct([shopVariant(1, 'M-S', 'S'), shopVariant(2, 'M-XL', 'XL', { tracked: false })]);
    const item = plan([sizes([['M-S', 'S']])], [untracked]).items[0];
    expect(item?.warnings).toContain(
      'Shopify variant M-XL is not in Sentos and its inventory is not tracked, ' +
        'so 0 available does not stop the sale: turn on inventory tracking in Shopify, or allow variant removal',
    );
  });

  it('a kept variant is no content change: only its stock goes to 0, with no productSet', () => {
    const item = plan(
      [
        sizes([
          ['M-S', 'S'],
          ['M-M', 'M'],
        ]),
      ],
      [current],
    ).items[0];
    expect(item).toMatchObject({ action: 'update', changes: [], stock: [{ sku: 'M-XL', target: 0, current: 3 }] });
    expect(item?.productWrite).toBeUndefined();
  });

  it('skips a product whose kept variant would collide with a Sentos variant', () => {
    const item = plan(
      [
        sizes([
          ['M-S', 'S'],
          ['M-M2', 'M'],
        ]),
      ],
      [shopProduct([shopVariant(1, 'M-S', 'S'), shopVariant(2, 'M-M', 'M')])],
    ).items[0];
    expect(item).toMatchObject({ action: 'skip', stock: [] });
    expect(item?.reasons[0]).toMatch(
      /Shopify variant M-M is not in Sentos and has the same options as a Sentos variant/,
    );
    expect(item?.productWrite).toBeUndefined();
  });

  it('without ownership of variants: no option change, no added variant, Shopify option values kept', () => {
    const settings = productSettings({ owned: { variants: false } });
    const item = plan(
      [
        sizes([
          ['M-S', 'Small'],
          ['M-L', 'L'],
        ]),
      ],
      [current],
      { settings },
    ).items[0];
    // M-M and M-XL are not in Sentos: kept as they are, but no longer for sale.
    expect(item).toMatchObject({ action: 'update', changes: [] });
    expect(item?.stock.map((r) => [r.sku, r.target, r.reason])).toEqual([
      ['M-M', 0, 'not in Sentos'],
      ['M-XL', 0, 'not in Sentos'],
    ]);
    expect(item?.warnings).toContain('variant M-L is not in Shopify and was not added (Sentos does not own variants)');
  });

  it('an option value renamed in Sentos is an option and variant change', () => {
    const item = plan(
      [
        sizes([
          ['M-S', 'Small'],
          ['M-M', 'M'],
          ['M-XL', 'XL'],
        ]),
      ],
      [current],
    ).items[0];
    expect(item?.changes).toEqual([
      { field: 'options', from: ['Beden: S, M, XL'], to: ['Beden: Small, M, XL'] },
      { field: 'optionValues', sku: 'M-S', from: 'Beden: S', to: 'Beden: Small' },
    ]);
  });

  it('an untracked variant gets tracked when Sentos owns stock', () => {
    const untracked = shopProduct([shopVariant(1, 'M-S', 'S', { tracked: false })]);
    const item = plan([sizes([['M-S', 'S']])], [untracked]).items[0];
    expect(item?.changes).toEqual([{ field: 'tracked', sku: 'M-S', from: false, to: true }]);
    expect(item?.productWrite).toBeDefined();
  });
});

describe('content details', () => {
  const existing = aShopifyProduct({ id: P1, sentosProductId: '1', tags: ['Elbise', 'Giyim'], productType: 'Elbise' });

  it('tags compare as a set (Shopify sorts them), so an unchanged list is not rewritten', () => {
    const settings = productSettings({ tagsFromCategory: true });
    const item = plan([aSentosProduct({ id: '1' })], [existing], { settings }).items[0];
    expect(item).toMatchObject({ action: 'unchanged' });
    const changed = plan([aSentosProduct({ id: '1', categoryId: '38' })], [existing], {
      settings,
      categories: new Map([['38', ['Giyim', 'Etek']]]),
    }).items[0];
    expect(changed?.changes).toEqual([
      { field: 'productType', from: 'Elbise', to: 'Etek' },
      { field: 'tags', from: ['Elbise', 'Giyim'], to: ['Giyim', 'Etek'] },
    ]);
  });

  it('images are compared by source URL and written only when owned (the default)', () => {
    const product = aSentosProduct({ id: '1', images: ['https://x/1.jpg', 'https://x/1.jpg', 'https://x/2.jpg'] });
    const notOwned = productSettings({ owned: { images: false } });
    expect(plan([product], [existing], { settings: notOwned }).items[0]).toMatchObject({ action: 'unchanged' });
    const settings = productSettings();
    const item = plan([product], [existing], { settings }).items[0];
    expect(item?.changes).toEqual([{ field: 'images', from: [], to: ['https://x/1.jpg', 'https://x/2.jpg'] }]);
    expect(item?.productWrite?.imageSources).toEqual(['https://x/1.jpg', 'https://x/2.jpg']);
    const synced = { ...existing, imageSources: ['https://x/1.jpg', 'https://x/2.jpg'] };
    expect(plan([product], [synced], { settings }).items[0]).toMatchObject({ action: 'unchanged' });
  });

  it('a taken handle gets the Sentos id appended; two creates never share a handle', () => {
    const taken = aShopifyProduct({ handle: 'sentos-abc-1', variants: [] });
    const result = plan(
      [aSentosProduct({ id: '7', sku: 'ABC_1' }), aSentosProduct({ id: '8', sku: 'abc-1' })],
      [taken],
    );
    expect(result.items.map((i) => i.productWrite?.handle)).toEqual(['sentos-abc-1-7', 'sentos-abc-1-8']);
    expect(result.items[0]?.productWrite?.identifier).toEqual({ handle: 'sentos-abc-1-7' });
  });

  it('descriptive fields Sentos does not own are left out of a create', () => {
    const settings = productSettings({ owned: { description: false, vendor: false, productType: false } });
    const write = plan([aSentosProduct()], [], { settings }).items[0]?.productWrite;
    expect(write).toMatchObject({ title: 'Kruvaze Yaka Midi Elbise', status: 'DRAFT' });
    expect([write?.descriptionHtml, write?.vendor, write?.productType]).toEqual([undefined, undefined, undefined]);
  });
});

describe('selection', () => {
  const products = ['A', 'B', 'C'].map((sku, i) => aSentosProduct({ id: String(i + 1), sku }));

  it.each([
    [{ limit: 2 }, ['A', 'B']],
    [{ skus: ['C', ' A '] }, ['A', 'C']],
    [{ skus: ['C', 'B'], limit: 1 }, ['B']],
  ])('only %j plans %j', (only, skus) => {
    expect(plan(products, [], { only }).items.map((i) => i.sku)).toEqual(skus);
  });

  it('duplicates outside the selection still make a conflict', () => {
    const withDup = [...products, aSentosProduct({ id: '4', sku: 'A' })];
    expect(plan(withDup, [], { only: { skus: ['A'], limit: 1 } }).items).toMatchObject([
      { key: '1', action: 'conflict' },
    ]);
  });
});

describe('scale', () => {
  it('plans 10,000 products with Map indexes (count only, no timing assert)', () => {
    const sentos = Array.from({ length: 10_000 }, (_, i) =>
      aSentosProduct({ id: String(i), sku: `SKU-${i}`, name: `Ürün ${i}` }),
    );
    const shopify = sentos.slice(0, 5_000).map((p, i) =>
      aShopifyProduct({
        id: `gid://shopify/Product/${i}`,
        handle: `h-${i}`,
        title: `Ürün ${i}`,
        sentosProductId: p.id,
        variants: [aShopifyVariant({ id: `v${i}`, sku: p.sku })],
      }),
    );
    const result = plan(sentos, shopify);
    expect(result.summary).toMatchObject({ total: 10_000, create: 5_000 });
    expect(result.summary.update + result.summary.unchanged).toBe(5_000);
  });
});
