/**
 * productSet variables as JSON text, written straight from the ProductWrite: the same text as
 * `JSON.stringify(toProductSetInput(write))`, key for key (product-set-json.test.ts holds the two together), without
 * building the variables object first. A bulk import encodes 10,000 of these in a row, and V8 promoted those
 * short-lived objects to the old generation: ~120 MB more heap at 10k (docs/architecture.md#memory).
 */
import { formatMinor } from '../core/money.js';
import { METAFIELD_NAMESPACE } from './product-set-input.js';
import type { ProductWrite, VariantWrite } from './types.js';

const json = JSON.stringify;

/** `,"key":value` (value already JSON), or nothing when undefined, as JSON.stringify leaves such a key out. */
const field = (key: string, value: string | undefined): string => (value === undefined ? '' : `,"${key}":${value}`);
/** A JSON object from its fields, each written by `field` (a leading comma each). */
const object = (fields: string): string => `{${fields.slice(1)}}`;
const text = (value: string | undefined): string | undefined => (value === undefined ? undefined : json(value));
const list = <T>(items: readonly T[], each: (item: T, index: number) => string): string => {
  let out = '';
  for (let i = 0; i < items.length; i++) out += `${i > 0 ? ',' : ''}${each(items[i]!, i)}`;
  return `[${out}]`;
};
const file = (originalSource: string): string =>
  object(field('originalSource', json(originalSource)) + field('contentType', '"IMAGE"'));

export function productSetJson(write: ProductWrite): string {
  const byId = 'id' in write.identifier;
  const identifier = byId
    ? object(field('id', text((write.identifier as { id: string }).id)))
    : object(field('handle', text((write.identifier as { handle: string }).handle)));
  const handle = byId ? write.handle : (write.identifier as { handle: string }).handle;
  let input =
    field('handle', text(handle)) +
    field('title', text(write.title)) +
    field('descriptionHtml', text(write.descriptionHtml)) +
    field('vendor', text(write.vendor)) +
    field('productType', text(write.productType)) +
    field('tags', write.tags === undefined ? undefined : json(write.tags)) +
    field('status', text(write.status)) +
    field(
      'productOptions',
      list(write.options, (option, index) =>
        object(
          field('name', text(option.name)) +
            field('position', json(index + 1)) +
            field(
              'values',
              list(option.values, (name) => object(field('name', text(name)))),
            ),
        ),
      ),
    ) +
    field(
      'variants',
      list(write.variants, (variant) => variantJson(variant, write.imageSources)),
    );
  if (write.imageSources !== undefined) input += field('files', list(write.imageSources, file));
  if (write.sentosProductId !== undefined) {
    const metafield = (key: string, type: string, value: string) =>
      object(
        field('namespace', json(METAFIELD_NAMESPACE)) +
          field('key', json(key)) +
          field('type', json(type)) +
          field('value', json(value)),
      );
    let metafields = metafield('product_id', 'single_line_text_field', write.sentosProductId);
    if (write.imageSources !== undefined)
      metafields += `,${metafield('image_sources', 'json', json(write.imageSources))}`;
    input += field('metafields', `[${metafields}]`);
  }
  return object(field('identifier', identifier) + field('input', object(input)));
}

function variantJson(variant: VariantWrite, files: string[] | undefined): string {
  const image =
    variant.imageSource !== undefined && files?.includes(variant.imageSource) ? variant.imageSource : undefined;
  const money = (minor: number | null | undefined) =>
    minor === undefined ? undefined : minor === null ? 'null' : json(formatMinor(minor));
  const quantities =
    variant.id === undefined && variant.inventoryQuantities !== undefined
      ? list(variant.inventoryQuantities, (q) =>
          object(
            field('locationId', text(q.locationId)) +
              field('name', '"available"') +
              field('quantity', json(q.quantity)),
          ),
        )
      : undefined;
  return object(
    field('id', text(variant.id)) +
      field(
        'optionValues',
        list(variant.optionValues, (v) =>
          object(field('optionName', text(v.optionName)) + field('name', text(v.name))),
        ),
      ) +
      field('sku', text(variant.sku)) +
      field('barcode', text(variant.barcode)) +
      field('price', money(variant.price)) +
      field('compareAtPrice', money(variant.compareAtPrice)) +
      field('inventoryItem', object(field('sku', text(variant.sku)) + field('tracked', 'true'))) +
      field('inventoryQuantities', quantities) +
      field('file', image === undefined ? undefined : file(image)),
  );
}
