/**
 * Product media as productSet writes it (docs/shopify-api.md#product-media):
 * - `files` REPLACES the product's media: an entry with `id` keeps that media (its alt may change), an entry
 *   with `originalSource` creates a NEW media from that URL (strictest reading: Shopify does not match an
 *   existing image by its source URL), and media not listed are removed from the product [V: productSet list
 *   fields; I: new media per originalSource];
 * - a variant's `file` must also be in the product's `files` [V: schema 2026-10]; it attaches that media to the
 *   variant. A variant keeps only media the product still has;
 * - a new media is UPLOADED in the answer of the call that created it and READY from the next request on;
 *   `image` is null until READY [V: schema 2026-10 MediaImage.image]. Its URLs are Shopify CDN URLs, never the
 *   source URL, so a client cannot find its images by source URL in a read [I].
 */
import type { ShopifyStore } from '../state/store.js';
import type { MediaRecord, ProductRecord, VariantRecord } from '../state/types.js';
import type { FileInput, ProductSetUserError, VariantInput } from './product-set-input.js';

const CDN = 'https://cdn.shopify.com/s/files/1/0000/0001/files';

export function buildMedia(
  store: ShopifyStore,
  files: FileInput[],
  existing: MediaRecord[],
  now: string,
): MediaRecord[] {
  return files.map((file) => {
    const current = file.id ? existing.find((media) => media.id === file.id) : undefined;
    if (current) return { ...current, alt: file.alt !== undefined ? file.alt : current.alt };
    const ids = store.newId('MediaImage');
    const source = file.originalSource ?? '';
    const media: MediaRecord = {
      __typename: 'MediaImage',
      id: ids.id,
      alt: file.alt ?? null,
      source,
      url: `${CDN}/${fileName(source, ids.legacyId)}?v=${ids.legacyId}`,
      status: 'UPLOADED',
      createdAt: now,
    };
    store.pendingMedia.push(media);
    return media;
  });
}

function fileName(source: string, id: number): string {
  const last = source.split('?')[0]?.split('/').pop() ?? '';
  return /^[\w.-]+$/.test(last) ? last : `image-${id}.jpg`;
}

/** The media a variant's `file` names, among the product's media just built from `files` (same call). */
export function mediaOfFile(file: FileInput, files: FileInput[], media: MediaRecord[]): MediaRecord | undefined {
  const index = files.findIndex((f) =>
    file.id ? f.id === file.id : !f.id && f.originalSource === file.originalSource,
  );
  return index < 0 ? undefined : media[index];
}

/** After the product's media (and variants) were written: variants attach their file and drop removed media. */
export function linkVariantMedia(
  product: ProductRecord,
  variants: Array<{ record: VariantRecord; input: VariantInput }>,
  files: FileInput[] | null | undefined,
): void {
  const present = new Set(product.media.map((media) => media.id));
  for (const variant of product.variants) variant.mediaIds = (variant.mediaIds ?? []).filter((id) => present.has(id));
  if (!files) return;
  for (const { record, input } of variants) {
    if (!input.file) continue;
    const media = mediaOfFile(input.file, files, product.media);
    if (media) record.mediaIds = [media.id];
  }
}

/** A variant's file that is not among the product's files is refused before anything is written. */
export function validateVariantFiles(
  variants: VariantInput[] | null | undefined,
  files: FileInput[] | null | undefined,
  errors: ProductSetUserError[],
): void {
  (variants ?? []).forEach((variant, index) => {
    const file = variant.file;
    if (!file) return;
    const listed = (files ?? []).some((f) =>
      file.id ? f.id === file.id : !f.id && f.originalSource === file.originalSource,
    );
    if (!listed)
      errors.push({
        code: 'INVALID_INPUT',
        field: ['input', 'variants', String(index), 'file'],
        message: "The variant's file must also be specified in the product's files.",
      });
  });
}

/** Processing finishes between requests: what one call uploaded is READY for the next. */
export function settleMedia(store: ShopifyStore): void {
  for (const media of store.pendingMedia.splice(0)) if (media.status === 'UPLOADED') media.status = 'READY';
}
