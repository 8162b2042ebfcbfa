/**
 * Product images (docs/shopify-api.md#product-media). Sentos's product images, then its variants' images, by
 * source URL without duplicates, in Sentos order; each variant shows its own first image. productSet's `files`
 * REPLACES the product's media, so images are written only when Sentos owns them and only when the list
 * differs from the one last written (kept in the metafield sentos_sync.image_sources): an unchanged list, or
 * one Sentos does not own (`products.notOwned` = images), never touches the product's media.
 */
import type { SentosProduct, SentosVariant } from '../../sentos/types.js';
import type { VariantWrite } from '../../shopify/types.js';
import type { FieldChange } from './types.js';
import { skuKey } from './text.js';

/** Product images, then variant images, by source URL without duplicates (docs/sentos-api.md#product-images). */
export function imageSources(product: SentosProduct): string[] {
  const urls = [...product.images, ...product.variants.flatMap((v) => v.images)];
  return [...new Set(urls.map((u) => u.trim()).filter((u) => u !== ''))];
}

/** SKU → the variant's first image: the one Shopify shows when a shopper picks that variant. */
export function variantImages(product: SentosProduct): Record<string, string> {
  const images: Record<string, string> = {};
  for (const variant of product.variants) {
    const first = firstImage(variant);
    if (first !== undefined) images[skuKey(variant.sku)] = first;
  }
  return images;
}

function firstImage(variant: SentosVariant): string | undefined {
  // A loop, not map+find: it runs for every variant of every product on each plan.
  for (const url of variant.images) {
    const trimmed = url.trim();
    if (trimmed !== '') return trimmed;
  }
  return undefined;
}

export interface ImageDiffInput {
  /** What Sentos has, already deduplicated (imageSources). */
  wanted: string[];
  /** What the tool last wrote (the metafield), undefined when it never wrote images to this product. */
  written: string[] | undefined;
  owned: boolean;
}

/**
 * The list to send, or undefined to leave the media alone: not owned; Sentos has no image (a gap in the ERP
 * never empties a product's gallery); or the same list, in the same order, as last written.
 */
export function imagesToWrite(input: ImageDiffInput): string[] | undefined {
  if (!input.owned || input.wanted.length === 0) return undefined;
  const written = input.written ?? [];
  if (written.length === input.wanted.length && written.every((url, i) => url === input.wanted[i])) return undefined;
  return input.wanted;
}

export function imageChange(input: ImageDiffInput, next: string[]): FieldChange {
  return { field: 'images', from: input.written ?? [], to: next };
}

/**
 * Each variant write gets its own first image when the product's files are written with it (productSet
 * requires a variant's file to be one of the product's files, schema 2026-10 ProductVariantSetInput.file).
 */
export function withVariantImages(
  variants: VariantWrite[],
  images: Record<string, string>,
  files: string[],
): VariantWrite[] {
  const sent = new Set(files);
  // Object.assign, not a spread that adds a field: see docs/architecture.md#memory.
  return variants.map((variant) => {
    const image = images[variant.sku];
    return image !== undefined && sent.has(image) ? Object.assign({}, variant, { imageSource: image }) : variant;
  });
}
