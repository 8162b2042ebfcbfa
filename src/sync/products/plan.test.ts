import { describe, expect, it } from 'vitest';
import {
  aSentosProduct,
  aSentosWarehouse,
  aStock,
  aVariantProduct,
  tl,
} from '../../../test/builders/sentos-product.js';
import { aShopifyLocation, shopifyProductFromWrite } from '../../../test/builders/shopify-product.js';
import type { SentosProduct } from '../../sentos/types.js';
import type { ShopifyProduct } from '../../shopify/types.js';
import { planProducts, type PlanInput } from './plan.js';
import { productSettings } from './settings.js';
import type { ProductPlan } from './types.js';

const L1 = 'gid://shopify/Location/1';
const L2 = 'gid://shopify/Location/2';
const locations = [aShopifyLocation({ id: L1, name: 'Ana Depo' }), aShopifyLocation({ id: L2, name: 'Mağaza' })];
const warehouses = [aSentosWarehouse({ id: '1', name: 'MERKEZ' }), aSentosWarehouse({ id: '2', name: 'DEPO' })];
const twoLocationMap = productSettings({ warehouseMap: { MERKEZ: 'Ana Depo', '2': L2 } });

function plan(sentos: SentosProduct[], shopify: ShopifyProduct[], extra: Partial<PlanInput> = {}): ProductPlan {
  return planProducts({
    sentos,
    shopify,
    locations,
    warehouses,
    categories: new Map([['37', ['Giyim', 'Elbise']]]),
    settings: twoLocationMap,
    ...extra,
  });
}

/** Shopify after applying a plan: product writes replace products, stock rows set levels. */
function apply(result: ProductPlan, before: ShopifyProduct[]): ShopifyProduct[] {
  const byId = new Map(before.map((p) => [p.id, p]));
  result.items.forEach((item, n) => {
    const write = item.productWrite;
    const old = item.shopifyProductId ? byId.get(item.shopifyProductId) : undefined;
    const levelsOf = (sku: string) => {
      const levels = new Map(
        (old?.variants.find((v) => v.sku === sku)?.levels ?? []).map((l) => [l.locationId, l.available]),
      );
      for (const row of item.stock.filter((r) => r.sku === sku)) levels.set(row.locationId, row.target);
      return [...levels].map(([locationId, available]) => ({ locationId, available }));
    };
    if (write) {
      const next = shopifyProductFromWrite(write, { n: n + 1, levels: levelsOf });
      byId.set(next.id, { ...next, sentosProductId: old?.sentosProductId ?? next.sentosProductId });
    } else if (old) {
      byId.set(old.id, { ...old, variants: old.variants.map((v) => ({ ...v, levels: levelsOf(v.sku) })) });
    }
  });
  return [...byId.values()];
}

const dress = (overrides: Partial<SentosProduct> = {}) =>
  aVariantProduct(
    { id: '1842', sku: 'STD-ELB', prices: { b2c: { sale: tl('1.299,90'), list: tl('1.499,90') } }, ...overrides },
    { colors: ['Siyah', 'Kırmızı'], sizes: ['S', 'M'], stock: 3 },
  );
const belt = () =>
  aSentosProduct({
    id: '1907',
    sku: 'STD-KMR',
    salePrice: tl('249,90'),
    prices: { b2c: { sale: tl('249,90') } },
    stocks: [aStock('1', 12), aStock('2', 5)],
  });

describe('planProducts: first run', () => {
  const first = plan([dress(), belt()], [], { settings: { ...twoLocationMap, priceList: 'b2c' } });

  it('creates each product by handle, in its final status, with options, variants, prices, stock and the link', () => {
    expect(first.summary).toMatchObject({ create: 2, total: 2, productWrites: 2 });
    expect(first.items[0]?.productWrite).toEqual({
      identifier: { handle: 'sentos-std-elb' },
      handle: 'sentos-std-elb',
      title: 'Kruvaze Yaka Midi Elbise',
      descriptionHtml: '<p>%100 viskon.</p>',
      vendor: 'Stil Demo',
      productType: 'Elbise',
      tags: undefined,
      status: 'DRAFT',
      options: [
        { name: 'Renk', values: ['Siyah', 'Kırmızı'] },
        { name: 'Beden', values: ['S', 'M'] },
      ],
      variants: expect.arrayContaining([
        {
          sku: 'STD-ELB-1-M',
          barcode: '869001842' + '11',
          price: 129990,
          compareAtPrice: 149990,
          optionValues: [
            { optionName: 'Renk', name: 'Kırmızı' },
            { optionName: 'Beden', name: 'M' },
          ],
          inventoryQuantities: [
            { locationId: L1, quantity: 3 },
            { locationId: L2, quantity: 0 },
          ],
        },
      ]),
      imageSources: undefined,
      sentosProductId: '1842',
    });
    expect(first.items[0]?.productWrite?.variants.map((v) => v.sku)).toEqual([
      'STD-ELB-0-S',
      'STD-ELB-0-M',
      'STD-ELB-1-S',
      'STD-ELB-1-M',
    ]);
  });

  it('plans stock per mapped location for variants productSet will create', () => {
    expect(first.items[1]?.stock).toEqual([
      {
        sku: 'STD-KMR',
        inventoryItemId: undefined,
        locationId: L1,
        sentos: 12,
        pending: 0,
        target: 12,
        current: undefined,
        needsActivation: true,
        inProductSet: true,
      },
      {
        sku: 'STD-KMR',
        inventoryItemId: undefined,
        locationId: L2,
        sentos: 5,
        pending: 0,
        target: 5,
        current: undefined,
        needsActivation: true,
        inProductSet: true,
      },
    ]);
    expect(first.items[0]?.stock).toHaveLength(8);
    expect(first.items.map((i) => i.activate)).toEqual([false, false]);
  });

  it('creates a product that should go live ACTIVE in its one productSet: no follow-up publish', () => {
    const live = plan([belt()], [], { settings: { ...twoLocationMap, newProductStatus: 'ACTIVE' } });
    expect(live.items[0]).toMatchObject({ action: 'create', activate: false, productWrite: { status: 'ACTIVE' } });
    expect(live.items[0]?.productWrite?.variants[0]?.inventoryQuantities).toEqual([
      { locationId: L1, quantity: 12 },
      { locationId: L2, quantity: 5 },
    ]);
  });

  it('a second run against the result is all unchanged: zero writes', () => {
    const settings = { ...twoLocationMap, priceList: 'b2c' };
    const second = plan([dress(), belt()], apply(first, []), { settings });
    expect(second.summary).toMatchObject({ unchanged: 2, productWrites: 0, stockRows: 0 });
    expect(second.items.every((i) => i.changes.length === 0 && i.matchedBy === 'link')).toBe(true);
  });
});

describe('planProducts: later runs', () => {
  const initial = plan([dress(), belt()], []);
  const shopify = apply(initial, []);

  it('one price change → exactly one productWrite with the full variant list, no stock row', () => {
    const changed = dress();
    changed.variants[1]!.salePrice = tl('1.199,90');
    const result = plan([changed, belt()], shopify);
    expect(result.summary).toMatchObject({ update: 1, unchanged: 1, productWrites: 1, stockRows: 0 });
    const item = result.items[0];
    expect(item?.changes).toEqual([{ field: 'price', sku: 'STD-ELB-0-M', from: '1299.90', to: '1199.90' }]);
    expect(item?.productWrite?.identifier).toEqual({ id: item?.shopifyProductId });
    expect(item?.productWrite?.variants).toHaveLength(4);
    expect(item?.productWrite?.variants.every((v) => v.id !== undefined)).toBe(true);
    expect(item?.productWrite?.title).toBeUndefined();
  });

  it('one warehouse stock change → one stock row, no productWrite', () => {
    const changed = belt();
    changed.stocks = [aStock('1', 12), aStock('2', 4)];
    const result = plan([dress(), changed], shopify);
    expect(result.summary).toMatchObject({ update: 1, productWrites: 0, stockRows: 1 });
    expect(result.items[1]?.stock).toEqual([
      {
        sku: 'STD-KMR',
        inventoryItemId: expect.stringContaining('InventoryItem'),
        locationId: L2,
        sentos: 4,
        pending: 0,
        target: 4,
        current: 5,
        needsActivation: false,
      },
    ]);
  });

  it.each([
    ['Sentos 10, pending 2 → 8', 10, 2, 8],
    ['pending above stock clamps to 0', 1, 3, 0],
  ])('subtracts units Shopify sold that Sentos has not seen: %s', (_name, sentos, pending, target) => {
    const changed = belt();
    changed.stocks = [aStock('1', sentos), aStock('2', 5)];
    const pendingBySku = new Map([['STD-KMR', new Map([[L1, pending]])]]);
    const row = plan([changed], shopify, { pendingBySku }).items[0]?.stock[0];
    expect(row).toMatchObject({ locationId: L1, sentos, pending, target, current: 12 });
  });

  it('a sale already reflected in Shopify (pending equals the difference) gives no row', () => {
    const pendingBySku = new Map([['STD-KMR', new Map([[L1, 2]])]]);
    const sold = shopify.map((p) => ({
      ...p,
      variants: p.variants.map((v) => ({
        ...v,
        levels: v.levels.map((l) => (l.locationId === L1 ? { ...l, available: l.available - 2 } : l)),
      })),
    }));
    expect(plan([belt()], sold, { pendingBySku }).items[0]).toMatchObject({ action: 'unchanged', stock: [] });
  });

  it('never overwrites a field Sentos does not own', () => {
    const edited = shopify.map((p) => ({
      ...p,
      title: 'Merchant title',
      vendor: 'Merchant',
      variants: p.variants.map((v) => ({ ...v, barcode: 'SHOP-BC', compareAtPrice: 99999 })),
    }));
    const changed = belt();
    changed.salePrice = tl('300,00');
    const settings = productSettings({
      ...twoLocationMap,
      owned: { title: false, vendor: false, barcode: false, compareAtPrice: false },
    });
    const item = plan([changed], edited, { settings }).items[0];
    expect(item?.changes).toEqual([{ field: 'price', sku: 'STD-KMR', from: '249.90', to: '300.00' }]);
    expect(item?.productWrite?.title).toBeUndefined();
    expect(item?.productWrite?.vendor).toBeUndefined();
    expect(item?.productWrite?.variants).toEqual([
      expect.objectContaining({ barcode: 'SHOP-BC', compareAtPrice: 99999, price: 30000 }),
    ]);
  });

  it.each([
    [
      'a list price not above the price clears compare-at',
      { b2c: { sale: tl('249,90'), list: tl('249,90') } },
      [{ field: 'compareAtPrice', sku: 'STD-KMR', from: '999.99', to: null }],
      null,
    ],
    [
      'a higher list price sets it',
      { b2c: { sale: tl('249,90'), list: tl('300') } },
      [{ field: 'compareAtPrice', sku: 'STD-KMR', from: '999.99', to: '300.00' }],
      30000,
    ],
    ['no list price: Sentos has no opinion, Shopify’s stays', { b2c: { sale: tl('249,90') } }, [], 99999],
  ])('compare-at: %s', (_name, prices, changes, written) => {
    const withCompareAt = shopify.map((p) => ({
      ...p,
      variants: p.variants.map((v) => ({ ...v, compareAtPrice: 99999 })),
    }));
    const changed = { ...belt(), prices };
    const item = plan([changed], withCompareAt, { settings: { ...twoLocationMap, priceList: 'b2c' } }).items[0];
    expect(item?.changes).toEqual(changes);
    if (changes.length > 0) expect(item?.productWrite?.variants[0]?.compareAtPrice).toBe(written);
    else expect(item?.productWrite).toBeUndefined();
  });

  it('an unowned price keeps Shopify’s value in the variant write', () => {
    const changed = belt();
    changed.salePrice = tl('300,00');
    changed.name = 'Yeni ad';
    const item = plan([changed], shopify, { settings: productSettings({ ...twoLocationMap, owned: { price: false } }) })
      .items[0];
    expect(item?.changes).toEqual([{ field: 'title', from: 'Kruvaze Yaka Midi Elbise', to: 'Yeni ad' }]);
    expect(item?.productWrite?.variants[0]).toMatchObject({ price: 24990 });
  });

  it('reports owned content changes old → new', () => {
    const changed = dress({ name: 'Yeni', brand: 'Marka', descriptionDetail: '<p>yeni</p>' });
    const item = plan([changed], shopify).items[0];
    expect(item?.changes).toEqual([
      { field: 'title', from: 'Kruvaze Yaka Midi Elbise', to: 'Yeni' },
      { field: 'descriptionHtml', from: '<p>%100 viskon.</p>', to: '<p>yeni</p>' },
      { field: 'vendor', from: 'Stil Demo', to: 'Marka' },
    ]);
    expect(item?.productWrite).toMatchObject({ title: 'Yeni', vendor: 'Marka', descriptionHtml: '<p>yeni</p>' });
    expect(item?.productWrite?.productType).toBeUndefined();
  });

  it('finishes the activation of a create whose run stopped, but leaves a merchant’s draft alone', () => {
    const drafts = shopify.map((p) => ({ ...p, status: 'DRAFT' }));
    const settings = productSettings({ ...twoLocationMap, newProductStatus: 'ACTIVE' });
    const result = plan([dress(), belt()], drafts, { settings, pendingActivation: new Set(['1907']) });
    expect(result.items.map((i) => [i.action, i.activate])).toEqual([
      ['unchanged', false],
      ['update', true],
    ]);
    expect(result.items[1]?.changes).toEqual([{ field: 'status', from: 'DRAFT', to: 'ACTIVE' }]);
  });
});
