/** Builders of Shopify domain objects with overrides, plus "the product as Shopify holds it after a write". */
import type {
  ProductWrite,
  ShopifyInventoryLevel,
  ShopifyLocation,
  ShopifyProduct,
  ShopifyVariant,
} from '../../src/shopify/types.js';

export function aShopifyLocation(overrides: Partial<ShopifyLocation> = {}): ShopifyLocation {
  return { id: 'gid://shopify/Location/1', name: 'Ana Depo', isActive: true, ...overrides };
}

export function aShopifyVariant(overrides: Partial<ShopifyVariant> = {}): ShopifyVariant {
  return {
    id: 'gid://shopify/ProductVariant/1',
    sku: 'STD-1',
    barcode: '8690000000004',
    price: 129990,
    selectedOptions: [{ name: 'Title', value: 'Default Title' }],
    inventoryItemId: 'gid://shopify/InventoryItem/1',
    tracked: true,
    levels: [{ locationId: 'gid://shopify/Location/1', available: 5 }],
    ...overrides,
  };
}

export function aShopifyProduct(overrides: Partial<ShopifyProduct> = {}): ShopifyProduct {
  return {
    id: 'gid://shopify/Product/1',
    handle: 'sentos-std-1',
    title: 'Kruvaze Yaka Midi Elbise',
    descriptionHtml: '<p>%100 viskon.</p>',
    vendor: 'Stil Demo',
    productType: '',
    tags: [],
    status: 'ACTIVE',
    options: [{ name: 'Title', values: ['Default Title'] }],
    variants: [aShopifyVariant()],
    ...overrides,
  };
}

/**
 * What Shopify holds after applying `write` (and the stock writes): ids derived from `n`, levels from `levels`
 * (SKU → levels). Lets a test plan again against the result of the first plan: the second run must be empty.
 */
export function shopifyProductFromWrite(
  write: ProductWrite,
  opts: { n: number; levels?: (sku: string) => ShopifyInventoryLevel[]; status?: string },
): ShopifyProduct {
  const id = 'id' in write.identifier ? write.identifier.id : `gid://shopify/Product/${opts.n}`;
  return {
    id,
    handle: write.handle ?? `handle-${opts.n}`,
    title: write.title ?? '',
    descriptionHtml: write.descriptionHtml ?? '',
    vendor: write.vendor ?? '',
    productType: write.productType ?? '',
    tags: [...(write.tags ?? [])].sort(),
    status: opts.status ?? write.status ?? 'ACTIVE',
    options: write.options.map((o) => ({ name: o.name, values: [...o.values] })),
    variants: write.variants.map((v, i) => ({
      id: v.id ?? `gid://shopify/ProductVariant/${opts.n * 10_000 + i}`,
      sku: v.sku,
      barcode: v.barcode,
      price: v.price ?? 0,
      compareAtPrice: v.compareAtPrice ?? undefined,
      selectedOptions: v.optionValues.map((o) => ({ name: o.optionName, value: o.name })),
      inventoryItemId: `gid://shopify/InventoryItem/${opts.n * 10_000 + i}`,
      tracked: true,
      levels: opts.levels?.(v.sku) ?? [],
    })),
    sentosProductId: write.sentosProductId,
    imageSources: write.imageSources,
  };
}
