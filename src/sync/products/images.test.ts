import { describe, expect, it } from 'vitest';
import { aSentosProduct, aSentosVariant, aSentosWarehouse, aStock } from '../../../test/builders/sentos-product.js';
import { aShopifyLocation, aShopifyProduct, aShopifyVariant } from '../../../test/builders/shopify-product.js';
import type { SentosProduct } from '../../sentos/types.js';
import type { ShopifyProduct } from '../../shopify/types.js';
import { toProductSetInput } from '../../shopify/product-set-input.js';
import { imagesToWrite, imageSources, variantImages } from './images.js';
import { planProducts } from './plan.js';
import { productSettings } from './settings.js';

const L1 = 'gid://shopify/Location/1';
const P1 = 'gid://shopify/Product/1';
const url = (name: string) => `https://demo.sentos.com.tr/urunres/${name}.jpg`;

/** A two-colour product: product images a, b; the red variant's own image is b again (deduplicated), blue has c. */
function tee(images = [url('a'), url('b')], blue = [url('c')]): SentosProduct {
  return aSentosProduct({
    id: '1',
    sku: 'TEE',
    images,
    variants: [
      aSentosVariant({
        sku: 'TEE-R',
        color: 'Kırmızı',
        model: undefined,
        images: [url('b')],
        stocks: [aStock('1', 1)],
      }),
      aSentosVariant({ sku: 'TEE-B', color: 'Mavi', model: undefined, images: blue, stocks: [aStock('1', 1)] }),
    ],
  });
}

/** The Shopify side of tee() after a first sync that recorded `written` in sentos_sync.image_sources. */
function synced(written: string[] | undefined): ShopifyProduct {
  const variant = (n: number, sku: string, colour: string) =>
    aShopifyVariant({
      id: `gid://shopify/ProductVariant/${n}`,
      sku,
      barcode: '8690000000011',
      price: 129990,
      selectedOptions: [{ name: 'Renk', value: colour }],
      inventoryItemId: `gid://shopify/InventoryItem/${n}`,
      levels: [{ locationId: L1, available: 1 }],
    });
  return aShopifyProduct({
    id: P1,
    title: 'Kruvaze Yaka Midi Elbise',
    productType: 'Elbise',
    sentosProductId: '1',
    options: [{ name: 'Renk', values: ['Kırmızı', 'Mavi'] }],
    variants: [variant(1, 'TEE-R', 'Kırmızı'), variant(2, 'TEE-B', 'Mavi')],
    ...(written ? { imageSources: written } : {}),
  });
}

function plan(sentos: SentosProduct, shopify: ShopifyProduct[], owned = true) {
  const result = planProducts({
    sentos: [sentos],
    shopify,
    locations: [aShopifyLocation({ id: L1 })],
    warehouses: [aSentosWarehouse()],
    categories: new Map([['37', ['Giyim', 'Elbise']]]),
    settings: productSettings({ owned: { images: owned } }),
  });
  return result.items[0]!;
}

describe('image sources', () => {
  it('product images, then variant images, deduplicated by URL (trimmed), in Sentos order', () => {
    const product = tee([url('a'), ` ${url('b')} `, ''], [url('c'), url('a')]);
    expect(imageSources(product)).toEqual([url('a'), url('b'), url('c')]);
    expect(variantImages(product)).toEqual({ 'TEE-R': url('b'), 'TEE-B': url('c') });
  });

  it.each<[string, { wanted: string[]; written: string[] | undefined; owned: boolean }, string[] | undefined]>([
    ['never written: the whole list', { wanted: ['a', 'b'], written: undefined, owned: true }, ['a', 'b']],
    ['the same list: nothing', { wanted: ['a', 'b'], written: ['a', 'b'], owned: true }, undefined],
    ['reordered: the new order', { wanted: ['b', 'a'], written: ['a', 'b'], owned: true }, ['b', 'a']],
    ['one removed: the shorter list', { wanted: ['a'], written: ['a', 'b'], owned: true }, ['a']],
    ['one added: the longer list', { wanted: ['a', 'b', 'c'], written: ['a', 'b'], owned: true }, ['a', 'b', 'c']],
    ['Sentos has none: the gallery is left alone', { wanted: [], written: ['a'], owned: true }, undefined],
    ['not owned: never', { wanted: ['a', 'b'], written: undefined, owned: false }, undefined],
  ])('%s', (_, input, expected) => {
    expect(imagesToWrite(input)).toEqual(expected);
  });
});

describe('planProducts: images', () => {
  it('a create sends the files in Sentos order, each variant its first image, and records them', () => {
    const item = plan(tee(), []);
    expect(item.action).toBe('create');
    expect(item.productWrite?.imageSources).toEqual([url('a'), url('b'), url('c')]);
    expect(item.productWrite?.variants.map((v) => [v.sku, v.imageSource])).toEqual([
      ['TEE-R', url('b')],
      ['TEE-B', url('c')],
    ]);
    const { input } = toProductSetInput(item.productWrite!);
    expect(input.files).toEqual(
      [url('a'), url('b'), url('c')].map((originalSource) => ({ originalSource, contentType: 'IMAGE' })),
    );
    expect(input.variants.map((v) => v.file?.originalSource)).toEqual([url('b'), url('c')]);
    expect(input.metafields).toContainEqual({
      namespace: 'sentos_sync',
      key: 'image_sources',
      type: 'json',
      value: JSON.stringify([url('a'), url('b'), url('c')]),
    });
  });

  it('an unchanged list sends nothing: the product is unchanged', () => {
    const item = plan(tee(), [synced([url('a'), url('b'), url('c')])]);
    expect(item.action).toBe('unchanged');
    expect(item.productWrite).toBeUndefined();
  });

  it('a changed list replaces the media: the whole new list, with the variant images', () => {
    const item = plan(tee([url('a'), url('d')]), [synced([url('a'), url('b'), url('c')])]);
    expect(item.action).toBe('update');
    expect(item.changes).toEqual([
      { field: 'images', from: [url('a'), url('b'), url('c')], to: [url('a'), url('d'), url('b'), url('c')] },
    ]);
    expect(item.productWrite?.imageSources).toEqual([url('a'), url('d'), url('b'), url('c')]);
    const { input } = toProductSetInput(item.productWrite!);
    expect(input.files?.map((f) => f.originalSource)).toEqual([url('a'), url('d'), url('b'), url('c')]);
    expect(input.variants.map((v) => v.file?.originalSource)).toEqual([url('b'), url('c')]);
    // An update leaves the metafield list alone (productSet would replace it): metafieldsSet records the images.
    expect(input.metafields).toBeUndefined();
  });

  it('not owned: never sent, on a create nor on an update, whatever the lists', () => {
    const created = plan(tee(), [], false);
    expect(created.productWrite?.imageSources).toBeUndefined();
    expect(toProductSetInput(created.productWrite!).input.files).toBeUndefined();
    expect(toProductSetInput(created.productWrite!).input.variants.every((v) => v.file === undefined)).toBe(true);
    expect(plan(tee([url('z')]), [synced([url('a')])], false).action).toBe('unchanged');
  });

  it('another change writes the product without touching its media when the images did not change', () => {
    const product = tee();
    product.name = 'Yeni Ad';
    const item = plan(product, [synced([url('a'), url('b'), url('c')])]);
    expect(item.changes.map((c) => c.field)).toEqual(['title']);
    const { input } = toProductSetInput(item.productWrite!);
    expect(input.files).toBeUndefined();
    expect(input.variants.every((v) => v.file === undefined)).toBe(true);
  });
});
