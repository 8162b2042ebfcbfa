/**
 * Domain ProductWrite → productSet variables (docs/shopify-api.md#productset). Pure, table-tested.
 * - identifier {id} updates; {handle} upserts and needs input.handle equal to it (INPUT_MISMATCH otherwise).
 * - options and variants are always complete: productSet deletes omitted list entries (docs/shopify-api.md#pitfalls
 * pitfall 1).
 * - SKU goes to variants[].sku and inventoryItem.sku, with tracked: true (docs/shopify-api.md#productset,
 * docs/shopify-api.md#pitfalls).
 * - files and metafields are lists that productSet REPLACES (docs/shopify-api.md#product-media): files only
 *   when imageSources is given, each variant's file with them; metafields only on create (sentosProductId,
 *   with image_sources), else a later write would delete them.
 * - inventoryQuantities only on variants without an id (created by this call): docs/shopify-api.md#productset.
 */
import { formatMinor } from '../core/money.js';
import type { FileSetWireInput, ProductSetWireInput } from './operations/product-set.js';
import type { ProductWrite, VariantWrite } from './types.js';

export const METAFIELD_NAMESPACE = 'sentos_sync';

export function toProductSetInput(write: ProductWrite): {
  identifier: { id: string } | { handle: string };
  input: ProductSetWireInput;
} {
  const identifier = 'id' in write.identifier ? { id: write.identifier.id } : { handle: write.identifier.handle };
  const handle = 'handle' in identifier ? identifier.handle : write.handle;
  const input: ProductSetWireInput = {
    ...(handle !== undefined && { handle }),
    ...(write.title !== undefined && { title: write.title }),
    ...(write.descriptionHtml !== undefined && { descriptionHtml: write.descriptionHtml }),
    ...(write.vendor !== undefined && { vendor: write.vendor }),
    ...(write.productType !== undefined && { productType: write.productType }),
    ...(write.tags !== undefined && { tags: write.tags }),
    ...(write.status !== undefined && { status: write.status }),
    productOptions: write.options.map((option, index) => ({
      name: option.name,
      position: index + 1,
      values: option.values.map((name) => ({ name })),
    })),
    variants: write.variants.map((variant) => toVariantInput(variant, write.imageSources)),
  };
  if (write.imageSources !== undefined) input.files = write.imageSources.map(imageFile);
  if (write.sentosProductId !== undefined) {
    input.metafields = [
      {
        namespace: METAFIELD_NAMESPACE,
        key: 'product_id',
        type: 'single_line_text_field',
        value: write.sentosProductId,
      },
    ];
    // A create has no metafields to lose, so the image list rides along instead of a metafieldsSet call.
    if (write.imageSources !== undefined)
      input.metafields.push({
        namespace: METAFIELD_NAMESPACE,
        key: 'image_sources',
        type: 'json',
        value: JSON.stringify(write.imageSources),
      });
  }
  return { identifier, input };
}

function imageFile(originalSource: string): FileSetWireInput {
  return { originalSource, contentType: 'IMAGE' };
}

function toVariantInput(variant: VariantWrite, files: string[] | undefined): ProductSetWireInput['variants'][number] {
  const file =
    variant.imageSource !== undefined && files?.includes(variant.imageSource) ? variant.imageSource : undefined;
  return {
    ...(variant.id !== undefined && { id: variant.id }),
    optionValues: variant.optionValues.map((v) => ({ optionName: v.optionName, name: v.name })),
    sku: variant.sku,
    ...(variant.barcode !== undefined && { barcode: variant.barcode }),
    // Money is a decimal string on the wire, never a JS float (docs/shopify-api.md#pitfalls).
    ...(variant.price !== undefined && { price: formatMinor(variant.price) }),
    ...(variant.compareAtPrice !== undefined && {
      compareAtPrice: variant.compareAtPrice === null ? null : formatMinor(variant.compareAtPrice),
    }),
    inventoryItem: { sku: variant.sku, tracked: true },
    ...(variant.id === undefined &&
      variant.inventoryQuantities !== undefined && {
        inventoryQuantities: variant.inventoryQuantities.map((q) => ({
          locationId: q.locationId,
          name: 'available' as const,
          quantity: q.quantity,
        })),
      }),
    ...(file !== undefined && { file: imageFile(file) }),
  };
}
