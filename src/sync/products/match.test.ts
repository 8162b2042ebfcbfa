import { describe, expect, it } from 'vitest';
import { aSentosProduct, aSentosVariant, aSentosWarehouse } from '../../../test/builders/sentos-product.js';
import { aShopifyLocation, aShopifyProduct, aShopifyVariant } from '../../../test/builders/shopify-product.js';
import type { SentosProduct } from '../../sentos/types.js';
import type { ShopifyProduct } from '../../shopify/types.js';
import { planProducts, type PlanInput } from './plan.js';
import { checkGuard } from './guard.js';
import { DEFAULT_PRODUCT_SETTINGS, productSettings } from './settings.js';

const P = (n: number) => `gid://shopify/Product/${n}`;
const V = (n: number) => `gid://shopify/ProductVariant/${n}`;

function plan(sentos: SentosProduct[], shopify: ShopifyProduct[], extra: Partial<PlanInput> = {}) {
  return planProducts({
    sentos,
    shopify,
    locations: [aShopifyLocation()],
    warehouses: [aSentosWarehouse()],
    categories: new Map(),
    settings: productSettings(),
    ...extra,
  });
}

const simple = (id: string, sku: string, extra: Partial<SentosProduct> = {}) =>
  aSentosProduct({ id, sku, barcode: '', ...extra });
const shop = (n: number, skus: string[], extra: Partial<ShopifyProduct> = {}) =>
  aShopifyProduct({
    id: P(n),
    handle: `h-${n}`,
    title: `Shopify ${n}`,
    variants: skus.map((sku, i) => aShopifyVariant({ id: V(n * 100 + i), sku, barcode: undefined })),
    ...extra,
  });

describe('matching: conflicts are reported and not touched', () => {
  const twoVariant = (id: string, skus: [string, string]) =>
    aSentosProduct({
      id,
      sku: `M-${id}`,
      variants: skus.map((sku, i) => aSentosVariant({ sku, model: { name: 'Beden', value: `S${i}` } })),
    });

  it.each<[string, SentosProduct[], ShopifyProduct[], Partial<PlanInput>, string, RegExp]>([
    [
      'duplicate SKU across Sentos products',
      [simple('1', 'X'), simple('2', ' X ')],
      [],
      {},
      '1',
      /SKU "X" appears 2 times in Sentos \(products 1, 2\)/,
    ],
    [
      'duplicate SKU inside one Sentos product',
      [twoVariant('1', ['X', 'X'])],
      [],
      {},
      '1',
      /SKU "X" appears 2 times in Sentos/,
    ],
    [
      'duplicate SKU in Shopify',
      [simple('1', 'X')],
      [shop(1, ['X']), shop(2, ['X'])],
      {},
      '1',
      /SKU "X" is on 2 Shopify variants/,
    ],
    [
      'one Sentos product split over two Shopify products',
      [twoVariant('1', ['A', 'B'])],
      [shop(1, ['A']), shop(2, ['B'])],
      {},
      '1',
      /sit in 2 Shopify products/,
    ],
    [
      'linked product also holds a SKU of another Sentos product',
      [simple('1', 'A'), simple('2', 'B')],
      [shop(1, ['A', 'B'], { sentosProductId: '1' })],
      {},
      '1',
      /also holds SKU "B" of Sentos product 2/,
    ],
    [
      'SKU-matched product is linked to another Sentos product',
      [simple('1', 'A')],
      [shop(1, ['A'], { sentosProductId: '9' })],
      {},
      '1',
      /linked to Sentos product 9/,
    ],
    [
      'linked product elsewhere than the SKU',
      [simple('1', 'A')],
      [shop(1, [], { sentosProductId: '1' }), shop(2, ['A'])],
      {},
      '1',
      /SKU "A" sits in Shopify product .*\/2, not in the linked product/,
    ],
    [
      'two Shopify products carry the same link',
      [simple('1', 'A')],
      [shop(1, ['A'], { sentosProductId: '1' }), shop(2, [], { sentosProductId: '1' })],
      {},
      '1',
      /all carry the link/,
    ],
    [
      'saved link disagrees with the metafield',
      [simple('1', 'A')],
      [shop(1, ['A'], { sentosProductId: '1' }), shop(2, [])],
      { links: new Map([['1', P(2)]]) },
      '1',
      /saved link points to/,
    ],
  ])('%s', (_name, sentos, shopify, extra, key, reason) => {
    const result = plan(sentos, shopify, extra);
    const item = result.items.find((i) => i.key === key);
    expect(item).toMatchObject({ action: 'conflict', stock: [] });
    expect(item?.productWrite).toBeUndefined();
    expect(item?.reasons.join('\n')).toMatch(reason);
  });

  it('a conflict does not stop the other products', () => {
    const result = plan([simple('1', 'X'), simple('2', 'X'), simple('3', 'OK')], []);
    expect(result.items.map((i) => i.action)).toEqual(['conflict', 'conflict', 'create']);
    expect(result.summary).toMatchObject({ conflict: 2, create: 1 });
  });
});

describe('matching: keys', () => {
  it('the link wins over a SKU guess (metafield and local link map)', () => {
    const viaMeta = plan([simple('1', 'NEW-SKU')], [shop(1, ['OLD-SKU'], { sentosProductId: '1' })]).items[0];
    expect(viaMeta).toMatchObject({ action: 'update', matchedBy: 'link', shopifyProductId: P(1) });
    expect(viaMeta?.changes).toContainEqual({ field: 'sku', sku: 'NEW-SKU', from: 'OLD-SKU', to: 'NEW-SKU' });
    expect(viaMeta?.productWrite?.variants).toMatchObject([{ id: V(100), sku: 'NEW-SKU' }]);
    const viaMap = plan([simple('1', 'NEW-SKU')], [shop(1, ['OLD-SKU'])], { links: new Map([['1', P(1)]]) }).items[0];
    expect(viaMap).toMatchObject({ action: 'update', matchedBy: 'link', shopifyProductId: P(1) });
  });

  it('a saved link to a product gone from Shopify falls back to SKU matching with a warning', () => {
    const item = plan([simple('1', 'A')], [shop(2, ['A'])], { links: new Map([['1', P(7)]]) }).items[0];
    expect(item).toMatchObject({ matchedBy: 'sku', shopifyProductId: P(2) });
    expect(item?.warnings).toContain(`linked Shopify product ${P(7)} no longer exists`);
  });

  it('matches SKUs byte-equal after trim, never case-folded', () => {
    const result = plan([simple('1', ' Sku-İ '), simple('2', 'sku-i')], [shop(1, ['Sku-İ'])]);
    expect(result.items.map((i) => [i.action, i.matchedBy])).toEqual([
      ['update', 'sku'],
      ['create', undefined],
    ]);
  });

  it('uses the barcode only when opted in and no SKU is found', () => {
    const sentos = [simple('1', 'NEW', { barcode: '869123' })];
    const shopify = [shop(1, [], { variants: [aShopifyVariant({ id: V(1), sku: 'OLD', barcode: '869123' })] })];
    expect(plan(sentos, shopify).items[0]).toMatchObject({ action: 'create' });
    const item = plan(sentos, shopify, { settings: productSettings({ matchByBarcode: true }) }).items[0];
    expect(item).toMatchObject({ action: 'update', matchedBy: 'barcode', shopifyProductId: P(1) });
    expect(item?.changes).toContainEqual({ field: 'sku', sku: 'NEW', from: 'OLD', to: 'NEW' });
    expect(item?.productWrite?.variants).toMatchObject([{ id: V(1), sku: 'NEW' }]);
  });

  it('an ambiguous barcode is a conflict', () => {
    const shopify = [
      shop(1, ['P'], { variants: [aShopifyVariant({ id: V(1), sku: 'P', barcode: '8' })] }),
      shop(2, ['Q'], { variants: [aShopifyVariant({ id: V(2), sku: 'Q', barcode: '8' })] }),
    ];
    const item = plan([simple('1', 'NEW', { barcode: '8' })], shopify, {
      settings: productSettings({ matchByBarcode: true }),
    }).items[0];
    expect(item).toMatchObject({ action: 'conflict' });
  });

  it('a title look-alike is only a suggestion: the product is created', () => {
    const result = plan(
      [simple('1', 'NEW', { name: 'KIRMIZI İpek Şal' })],
      [shop(5, ['OTHER'], { title: 'kırmızı ipek  şal' })],
    );
    expect(result.items[0]).toMatchObject({ action: 'create' });
    expect(result.items[0]?.productWrite?.identifier).toEqual({ handle: 'sentos-new' });
    expect(result.suggestions).toEqual([
      {
        sentosId: '1',
        sku: 'NEW',
        title: 'KIRMIZI İpek Şal',
        shopifyProductId: P(5),
        shopifyTitle: 'kırmızı ipek  şal',
      },
    ]);
  });

  it('the look-alike is shown on the create itself, before anything is written', () => {
    const result = plan([simple('1', 'NEW', { name: 'İpek Şal' })], [shop(5, ['OTHER'], { title: 'ipek şal' })]);
    expect(result.items[0]?.warnings).toContainEqual(
      expect.stringMatching(/possible duplicate: Shopify product "ipek şal"/),
    );
  });

  it('a Shopify product linked to another Sentos product is not a look-alike', () => {
    const linked = plan(
      [simple('1', 'NEW', { name: 'İpek Şal' })],
      [shop(5, ['OTHER'], { title: 'ipek şal', sentosProductId: '99' })],
    );
    expect(linked.suggestions).toEqual([]);
    expect(linked.items[0]?.warnings ?? []).not.toContainEqual(expect.stringMatching(/possible duplicate/));
  });

  it.each([
    [3, []],
    [4, ['look-alike-creates']],
  ])('%i look-alike creates: guard %j', (count, codes) => {
    const sentos = Array.from({ length: count }, (_, i) => simple(String(i), `NEW-${i}`, { name: `Şal ${i}` }));
    const shopify = Array.from({ length: count }, (_, i) => shop(i + 10, [`OTHER-${i}`], { title: `şal ${i}` }));
    const result = plan(sentos, shopify);
    expect(checkGuard(result, DEFAULT_PRODUCT_SETTINGS.guard).map((v) => v.code)).toEqual(codes);
  });
});
