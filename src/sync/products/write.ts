/** Building ProductWrite/VariantWrite values (shopify/types.ts) from mapped Sentos data. */
import { formatMinor } from '../../core/money.js';
import type { ProductWrite, ShopifyVariant, VariantWrite } from '../../shopify/types.js';
import type { MappedProduct, MappedVariant, OptionValue } from './map.js';
import { imagesToWrite, withVariantImages } from './images.js';
import type { ProductSyncSettings } from './settings.js';
import { slugify } from './text.js';

/** The price of a validated variant (validation rejects a missing, unparsable or non-positive one). */
export function priceOf(variant: MappedVariant): number {
  const price = variant.price.price;
  if (!price?.ok) throw new Error(`bug: variant ${variant.sku} reached planning without a valid price`);
  return price.minor;
}

/** For change rows: "1299.90", or null for no price. */
export function money(minor: number | null | undefined): string | null {
  return minor === null || minor === undefined ? null : formatMinor(minor);
}

/** Shopify reports an unset compare-at price as null or sometimes 0.00: both mean none. */
export function compareAtOf(variant: ShopifyVariant): number | null {
  return variant.compareAtPrice !== undefined && variant.compareAtPrice > 0 ? variant.compareAtPrice : null;
}

export function selectedOptionValues(variant: ShopifyVariant): OptionValue[] {
  return variant.selectedOptions.map((o) => ({ optionName: o.name, name: o.value }));
}

/**
 * A variant productSet will create. Price, compare-at and barcode are always written: there is nothing in Shopify to
 * overwrite, and a new variant without a price would go on sale at 0.00.
 */
export function newVariantWrite(variant: MappedVariant): VariantWrite {
  return {
    sku: variant.sku,
    barcode: variant.barcode,
    price: priceOf(variant),
    compareAtPrice: variant.compareAt,
    optionValues: variant.optionValues,
  };
}

/** An existing Shopify variant kept as it is, so productSet neither changes nor deletes it. */
export function keptVariantWrite(variant: ShopifyVariant): VariantWrite {
  return {
    id: variant.id,
    sku: variant.sku,
    barcode: variant.barcode,
    price: variant.price,
    compareAtPrice: compareAtOf(variant),
    optionValues: selectedOptionValues(variant),
  };
}

/**
 * A create: by handle upsert (a create whose outcome was unknown converges instead of duplicating,
 * docs/shopify-api.md#productset), always as DRAFT, with the link metafield. Descriptive fields Sentos does not own
 * stay unset; the title is always sent because Shopify requires one.
 */
export function createWrite(mapped: MappedProduct, settings: ProductSyncSettings, handle: string): ProductWrite {
  const { owned } = settings;
  const files = imagesToWrite({ wanted: mapped.imageSources, written: undefined, owned: owned.images });
  const variants = mapped.variants.map(newVariantWrite);
  return {
    identifier: { handle },
    handle,
    title: mapped.title,
    descriptionHtml: owned.description ? mapped.descriptionHtml : undefined,
    vendor: owned.vendor ? mapped.vendor : undefined,
    productType: owned.productType ? mapped.productType : undefined,
    tags: owned.tags ? mapped.tags : undefined,
    status: 'DRAFT',
    options: mapped.options,
    variants: files ? withVariantImages(variants, mapped.variantImages, files) : variants,
    imageSources: files,
    sentosProductId: mapped.sentosId,
  };
}

/**
 * `${prefix}${slug(product SKU)}`; when that handle is taken (HANDLE_NOT_UNIQUE, docs/shopify-api.md#pitfalls, or an
 * upsert onto someone else's product), the Sentos id is appended. `taken` is updated.
 */
export function handleFor(mapped: MappedProduct, prefix: string, taken: Set<string>): string {
  const slug = slugify(mapped.sku) || slugify(mapped.sentosId);
  let handle = `${prefix}${slug}`;
  if (taken.has(handle)) handle = `${handle}-${slugify(mapped.sentosId)}`;
  taken.add(handle);
  return handle;
}
