import { describe, expect, it } from 'vitest';
import { aSentosProduct, aSentosWarehouse, aStock } from '../../../test/builders/sentos-product.js';
import { aShopifyLocation, aShopifyProduct, aShopifyVariant } from '../../../test/builders/shopify-product.js';
import type { SentosProduct, SentosWarehouse } from '../../sentos/types.js';
import type { ShopifyLocation } from '../../shopify/types.js';
import { planProducts } from './plan.js';
import { productSettings } from './settings.js';
import { planActivations, planToStockWrites } from './stock-writes.js';

const L1 = 'gid://shopify/Location/1';
const L2 = 'gid://shopify/Location/2';
const merkez = aSentosWarehouse({ id: '1', name: 'MERKEZ' });
const depo = aSentosWarehouse({ id: '2', name: 'DEPO' });

function plan(
  sentos: SentosProduct[],
  locations: ShopifyLocation[],
  warehouseMap: Record<string, string> = {},
  warehouses: SentosWarehouse[] = [merkez, depo],
) {
  return planProducts({
    sentos,
    shopify: [],
    locations,
    warehouses,
    categories: new Map(),
    settings: productSettings({ warehouseMap }),
  });
}

const product = (id: string, stocks = [aStock('1', 4), aStock('2', 6)]) =>
  aSentosProduct({ id, sku: `S-${id}`, stocks });

describe('stock per location', () => {
  it('one location and no map: the sum of all warehouses goes there', () => {
    const result = plan([product('1')], [aShopifyLocation({ id: L1 })]);
    expect(result.items[0]?.stock).toMatchObject([{ locationId: L1, sentos: 10, target: 10 }]);
    expect(result.unmappedWarehouses).toEqual([]);
  });

  it('inactive locations do not count as the single location', () => {
    const result = plan([product('1')], [aShopifyLocation({ id: L1 }), aShopifyLocation({ id: L2, isActive: false })]);
    expect(result.items[0]?.stock).toMatchObject([{ locationId: L1, sentos: 10 }]);
  });

  it('several locations and no map: nothing is written, every warehouse reported once', () => {
    const result = plan(
      [product('1'), product('2')],
      [aShopifyLocation({ id: L1 }), aShopifyLocation({ id: L2, name: 'B' })],
    );
    expect(result.items.flatMap((i) => i.stock)).toEqual([]);
    expect(result.unmappedWarehouses).toEqual([
      { id: '1', name: 'MERKEZ', reason: 'no Shopify location is mapped to it' },
      { id: '2', name: 'DEPO', reason: 'no Shopify location is mapped to it' },
    ]);
  });

  it.each([
    ['warehouse id → location id', { '1': L1, '2': L2 }],
    ['warehouse name → location name', { MERKEZ: 'Ana Depo', DEPO: 'Mağaza' }],
    ['names compared the Turkish way', { merkez: 'ana depo', depo: 'MAĞAZA' }],
  ])('maps %s', (_name, map) => {
    const locations = [aShopifyLocation({ id: L1, name: 'Ana Depo' }), aShopifyLocation({ id: L2, name: 'Mağaza' })];
    const result = plan([product('1')], locations, map);
    expect(result.items[0]?.stock).toMatchObject([
      { locationId: L1, sentos: 4 },
      { locationId: L2, sentos: 6 },
    ]);
  });

  it('two warehouses mapped to one location are summed', () => {
    const result = plan([product('1')], [aShopifyLocation({ id: L1 }), aShopifyLocation({ id: L2 })], {
      '1': L1,
      '2': L1,
    });
    expect(result.items[0]?.stock).toMatchObject([{ locationId: L1, sentos: 10 }]);
  });

  it('a warehouse without location is not written and reported once, the mapped one is written', () => {
    const locations = [aShopifyLocation({ id: L1 }), aShopifyLocation({ id: L2 })];
    const result = plan([product('1'), product('2')], locations, { '1': L1, '2': 'Nowhere' });
    expect(result.items.flatMap((i) => i.stock.map((r) => [r.sku, r.locationId, r.sentos]))).toEqual([
      ['S-1', L1, 4],
      ['S-2', L1, 4],
    ]);
    expect(result.unmappedWarehouses).toEqual([
      { id: '2', name: 'DEPO', reason: 'location "Nowhere" is not an active Shopify location' },
    ]);
  });

  it('stock in a warehouse missing from the warehouse list is reported once', () => {
    const stocks = [aStock('1', 4), aStock('9', 1)];
    const result = plan(
      [product('1', stocks), product('2', stocks)],
      [aShopifyLocation({ id: L1 }), aShopifyLocation({ id: L2 })],
      { '1': L1 },
    );
    expect(result.unmappedWarehouses).toContainEqual({
      id: '9',
      name: '',
      reason: 'not in the Sentos warehouse list and not mapped',
    });
    expect(result.unmappedWarehouses.filter((w) => w.id === '9')).toHaveLength(1);
  });

  it('a mapped location Sentos has no stock row for gets 0', () => {
    const existing = aShopifyProduct({
      variants: [aShopifyVariant({ sku: 'S-1', levels: [{ locationId: L1, available: 7 }] })],
    });
    const result = planProducts({
      sentos: [product('1', [])],
      shopify: [existing],
      locations: [aShopifyLocation({ id: L1 })],
      warehouses: [merkez],
      categories: new Map(),
      settings: productSettings({ owned: { price: false } }),
    });
    expect(result.items[0]?.stock).toMatchObject([{ sku: 'S-1', current: 7, target: 0 }]);
  });

  it('stock not owned: no stock rows at all', () => {
    const result = planProducts({
      sentos: [product('1')],
      shopify: [],
      locations: [aShopifyLocation({ id: L1 })],
      warehouses: [merkez, depo],
      categories: new Map(),
      settings: productSettings({ owned: { stock: false } }),
    });
    expect(result.items[0]?.stock).toEqual([]);
  });
});

describe('planToStockWrites', () => {
  const existing = (n: number, available?: number) =>
    aShopifyProduct({
      id: `gid://shopify/Product/${n}`,
      handle: `h${n}`,
      variants: [
        aShopifyVariant({
          id: `gid://shopify/ProductVariant/${n}`,
          sku: `S-${n}`,
          inventoryItemId: `gid://shopify/InventoryItem/${n}`,
          levels: available === undefined ? [] : [{ locationId: L1, available }],
        }),
      ],
    });

  function planWith(count: number, available?: number) {
    const sentos = Array.from({ length: count }, (_, i) =>
      aSentosProduct({ id: String(i + 1), sku: `S-${i + 1}`, stocks: [aStock('1', 3)] }),
    );
    return planProducts({
      sentos,
      shopify: sentos.map((_, i) => existing(i + 1, available)),
      locations: [aShopifyLocation({ id: L1 })],
      warehouses: [merkez],
      categories: new Map(),
      settings: productSettings({ owned: { price: false } }),
    });
  }

  it('uses the quantity read at plan time as changeFromQuantity (compare-and-set, never null)', () => {
    expect(planToStockWrites(planWith(1, 5))).toEqual([
      [{ inventoryItemId: 'gid://shopify/InventoryItem/1', locationId: L1, quantity: 3, changeFromQuantity: 5 }],
    ]);
  });

  it('an unstocked location is activated first and compared against 0', () => {
    const result = planWith(1);
    expect(planActivations(result)).toEqual([{ inventoryItemId: 'gid://shopify/InventoryItem/1', locationId: L1 }]);
    expect(planToStockWrites(result)[0]?.[0]).toMatchObject({ quantity: 3, changeFromQuantity: 0 });
  });

  it('batches at most 250 rows', () => {
    expect(planToStockWrites(planWith(600, 0)).map((b) => b.length)).toEqual([250, 250, 100]);
  });

  it('rows of variants still to be created wait for their inventory item ids', () => {
    const created = planProducts({
      sentos: [aSentosProduct({ sku: 'NEW', stocks: [aStock('1', 2)] })],
      shopify: [],
      locations: [aShopifyLocation({ id: L1 })],
      warehouses: [merkez],
      categories: new Map(),
      settings: productSettings(),
    });
    const ids = new Map([['NEW', 'gid://shopify/InventoryItem/77']]);
    // The create carries this stock in its productSet: nothing is left for inventorySetQuantities.
    expect(created.items[0]?.stock.every((r) => r.inProductSet)).toBe(true);
    expect(planToStockWrites(created, ids)).toEqual([]);
    expect(planActivations(created, ids)).toEqual([]);
    // Too large for one productSet: the rows wait for the ids the create returns.
    const large = {
      ...created,
      items: created.items.map((i) => ({ ...i, stock: i.stock.map((r) => ({ ...r, inProductSet: false })) })),
    };
    expect(planToStockWrites(large)).toEqual([]);
    expect(planToStockWrites(large, ids)).toEqual([
      [{ inventoryItemId: 'gid://shopify/InventoryItem/77', locationId: L1, quantity: 2, changeFromQuantity: 0 }],
    ]);
    expect(planActivations(large, ids)).toEqual([
      { inventoryItemId: 'gid://shopify/InventoryItem/77', locationId: L1 },
    ]);
  });
});
