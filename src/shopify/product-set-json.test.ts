import { describe, expect, it } from 'vitest';
import { toProductSetInput } from './product-set-input.js';
import { productSetJson } from './product-set-json.js';
import type { ProductWrite, VariantWrite } from './types.js';

const variant = (over: Partial<VariantWrite> = {}): VariantWrite => ({
  sku: 'S-1',
  optionValues: [{ optionName: 'Renk', name: 'Kırmızı' }],
  ...over,
});

const create: ProductWrite = {
  identifier: { handle: 'kazak-1' },
  title: 'Yün "kazak" \\ ğüşiöç \u2028 😀',
  descriptionHtml: '<p>Açıklama\n</p>',
  vendor: 'Marka',
  productType: 'Giyim',
  tags: ['kış', 'yün'],
  status: 'ACTIVE',
  options: [
    { name: 'Renk', values: ['Kırmızı', 'Mavi'] },
    { name: 'Beden', values: ['S', 'M'] },
  ],
  variants: [
    variant({
      barcode: '869',
      price: 12990,
      compareAtPrice: 15000,
      imageSource: 'https://img/a.jpg',
      inventoryQuantities: [
        { locationId: 'gid://shopify/Location/1', quantity: 3 },
        { locationId: 'gid://shopify/Location/2', quantity: 0 },
      ],
    }),
    variant({ sku: 'S-2', price: 5, compareAtPrice: null, imageSource: 'https://img/not-in-files.jpg' }),
  ],
  imageSources: ['https://img/a.jpg', 'https://img/b.jpg'],
  sentosProductId: '42',
};

describe('productSetJson', () => {
  it.each<[string, ProductWrite]>([
    ['a create with stock, images and metafields', create],
    ['a create without images', { ...create, imageSources: undefined }],
    [
      'an update by id (existing variants carry no stock)',
      {
        identifier: { id: 'gid://shopify/Product/7' },
        handle: 'kazak-1',
        title: 'T',
        options: [{ name: 'Title', values: ['Default Title'] }],
        variants: [
          variant({ id: 'gid://shopify/ProductVariant/1', inventoryQuantities: [{ locationId: 'L', quantity: 1 }] }),
          variant({ sku: 'NEW', inventoryQuantities: [{ locationId: 'L', quantity: 2 }] }),
        ],
        imageSources: [],
      },
    ],
    ['the least a write can hold', { identifier: { id: 'gid://shopify/Product/8' }, options: [], variants: [] }],
  ])('%s: the same text as JSON.stringify(toProductSetInput(write))', (_name, write) => {
    const text = productSetJson(write);
    expect(text).toBe(JSON.stringify(toProductSetInput(write)));
    expect(JSON.parse(text)).toEqual(toProductSetInput(write));
  });
});
