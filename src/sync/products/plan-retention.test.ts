import { describe, expect, it } from 'vitest';
import { objectsOf } from '../../../test/helpers/object-graph.js';
import {
  aSentosProduct,
  aSentosWarehouse,
  aStock,
  aVariantProduct,
  tl,
} from '../../../test/builders/sentos-product.js';
import { aShopifyLocation, shopifyProductFromWrite } from '../../../test/builders/shopify-product.js';
import type { SentosProduct } from '../../sentos/types.js';
import { planProducts } from './plan.js';
import { productSettings } from './settings.js';

/**
 * A products run empties the Sentos snapshot's list once planned (docs/architecture.md#memory): that frees the
 * catalog only if the plan holds no object or array of it (strings are values and may be shared).
 */
const settings = productSettings({ warehouseMap: { MERKEZ: 'Ana Depo', DEPO: 'Mağaza' } });
const locations = [
  aShopifyLocation({ id: 'gid://shopify/Location/1', name: 'Ana Depo' }),
  aShopifyLocation({ id: 'gid://shopify/Location/2', name: 'Mağaza' }),
];
const warehouses = [aSentosWarehouse({ id: '1', name: 'MERKEZ' }), aSentosWarehouse({ id: '2', name: 'DEPO' })];
const catalog = (): SentosProduct[] => [
  aVariantProduct(
    { id: '1842', sku: 'STD-ELB', prices: { b2c: { sale: tl('1.299,90') } }, images: ['https://cdn.example/a.jpg'] },
    { colors: ['Siyah', 'Kırmızı'], sizes: ['S', 'M'], stock: 3 },
  ),
  aSentosProduct({ id: '1907', sku: 'STD-KMR', salePrice: tl('249,90'), stocks: [aStock('1', 12), aStock('2', 5)] }),
];
const plan = (sentos: SentosProduct[], shopify = [] as ReturnType<typeof shopifyProductFromWrite>[]) =>
  planProducts({ sentos, shopify, locations, warehouses, categories: new Map(), settings });

describe('the plan holds no Sentos object', () => {
  it.each([
    ['creates', () => [] as ReturnType<typeof shopifyProductFromWrite>[]],
    [
      'updates of every product (prices and stock changed in Sentos)',
      () =>
        plan(catalog()).items.map((item, n) =>
          shopifyProductFromWrite(item.productWrite!, { n: n + 1, levels: () => [] }),
        ),
    ],
  ])('%s', (_name, shopify) => {
    const sentos = catalog().map((p) => ({ ...p, salePrice: tl('1,00'), prices: { b2c: { sale: tl('1,00') } } }));
    const result = plan(sentos, shopify());
    expect(result.items.length).toBe(2);
    expect(result.items.every((i) => i.action === 'create' || i.action === 'update')).toBe(true);
    const fromSentos = objectsOf(sentos);
    const shared = [...objectsOf(result)].filter((value) => fromSentos.has(value));
    expect(shared).toEqual([]);
  });
});

describe("new variants' initial quantities", () => {
  it('are held once per location and quantity across the whole plan, not once per variant', () => {
    // 30 products × 4 variants × 2 locations = 240 initial quantities (3 units at one, 0 at the other): 2 distinct.
    const sentos = Array.from({ length: 30 }, (_, i) =>
      aVariantProduct(
        { id: String(5000 + i), sku: `QTY-${i}`, salePrice: tl('10,00') },
        { colors: ['Siyah', 'Beyaz'], sizes: ['S', 'M'], stock: 3 },
      ),
    );
    const result = plan(sentos);
    const quantities = result.items.flatMap((i) => i.productWrite!.variants.flatMap((v) => v.inventoryQuantities!));
    expect(quantities.length).toBe(240);
    expect(new Set(quantities).size).toBe(2);
    expect(quantities.every((q) => Object.isFrozen(q))).toBe(true);
    expect(new Set(quantities.map((q) => `${q.locationId}=${q.quantity}`))).toEqual(
      new Set(['gid://shopify/Location/1=3', 'gid://shopify/Location/2=0']),
    );
  });
});
