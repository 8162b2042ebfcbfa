/**
 * The update of one matched product: every field change old → new, and the productSet input when content or structure
 * changed. Unowned scalars stay undefined so Shopify keeps them.
 */
import type { ProductWrite, ShopifyProduct, ShopifyVariant } from '../../shopify/types.js';
import { imageChange, imagesToWrite, withVariantImages } from './images.js';
import type { MappedProduct, MappedVariant } from './map.js';
import type { ProductSyncSettings } from './settings.js';
import type { FieldChange } from './types.js';
import { diffVariants, mergeOptions } from './variant-diff.js';

export interface ProductDiff {
  changes: FieldChange[];
  productWrite?: ProductWrite;
  warnings: string[];
  /** Why the product cannot be written safely: the item is skipped. */
  skipReasons: string[];
  stocked: Array<{ mapped: MappedVariant; variant?: ShopifyVariant }>;
  /** Shopify variants not in Sentos that stay in the product (their stock goes to 0). */
  kept: ShopifyVariant[];
}

export function diffProduct(
  mapped: MappedProduct,
  product: ShopifyProduct,
  matches: Map<string, ShopifyVariant>,
  settings: ProductSyncSettings,
): ProductDiff {
  const { owned } = settings;
  const scalars = diffScalars(mapped, product, settings);
  const variants = diffVariants({ mapped, product, matches, owned, allowVariantRemoval: settings.allowVariantRemoval });
  const merged = owned.variants ? mergeOptions(mapped, variants.kept) : { options: product.options, problems: [] };
  const options = merged.options;
  const optionChanges: FieldChange[] = [];
  if (!sameOptions(product.options, options)) {
    optionChanges.push({ field: 'options', from: describeOptions(product.options), to: describeOptions(options) });
  }
  const changes = [...scalars.changes, ...optionChanges, ...variants.changes];
  const result: ProductDiff = {
    changes,
    warnings: variants.warnings,
    skipReasons: merged.problems,
    stocked: variants.stocked,
    kept: variants.kept,
  };
  if (changes.length > 0 && merged.problems.length === 0) {
    const files = scalars.write.imageSources;
    const writes = files ? withVariantImages(variants.writes, mapped.variantImages, files) : variants.writes;
    result.productWrite = { identifier: { id: product.id }, ...scalars.write, options, variants: writes };
  }
  return result;
}

type ScalarWrite = Pick<ProductWrite, 'title' | 'descriptionHtml' | 'vendor' | 'productType' | 'tags' | 'imageSources'>;

function diffScalars(
  mapped: MappedProduct,
  product: ShopifyProduct,
  settings: ProductSyncSettings,
): { changes: FieldChange[]; write: ScalarWrite } {
  const { owned } = settings;
  const changes: FieldChange[] = [];
  const write: ScalarWrite = {};
  const text = (field: 'title' | 'descriptionHtml' | 'vendor' | 'productType', own: boolean, next?: string) => {
    // undefined = Sentos has no value: never written, so a gap in the ERP cannot wipe Shopify's value.
    const current = product[field].trim();
    if (!own || next === undefined || next === current) return;
    changes.push({ field, from: product[field], to: next });
    write[field] = next;
  };
  text('title', owned.title, mapped.title);
  text('descriptionHtml', owned.description, mapped.descriptionHtml);
  text('vendor', owned.vendor, mapped.vendor);
  text('productType', owned.productType, mapped.productType);
  // Shopify returns tags sorted: compare as sets so an unchanged list is not rewritten every run.
  if (owned.tags && mapped.tags !== undefined && !sameSet(mapped.tags, product.tags)) {
    changes.push({ field: 'tags', from: product.tags, to: mapped.tags });
    write.tags = mapped.tags;
  }
  const images = { wanted: mapped.imageSources, written: product.imageSources, owned: owned.images };
  const files = imagesToWrite(images);
  if (files) {
    changes.push(imageChange(images, files));
    write.imageSources = files;
  }
  return { changes, write };
}

function sameSet(a: string[], b: string[]): boolean {
  const left = new Set(a.map((t) => t.trim()));
  const right = new Set(b.map((t) => t.trim()));
  return left.size === right.size && [...left].every((t) => right.has(t));
}

type Options = Array<{ name: string; values: string[] }>;

/** Names and value order matter: productSet positions values in the order given. */
function sameOptions(a: Options, b: Options): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const left = a[i]!;
    const right = b[i]!;
    if (left.name !== right.name || left.values.length !== right.values.length) return false;
    for (let j = 0; j < left.values.length; j++) if (left.values[j] !== right.values[j]) return false;
  }
  return true;
}

/** "Renk: Siyah, Kırmızı": readable in the plan. */
function describeOptions(options: Options): string[] {
  return options.map((o) => `${o.name}: ${o.values.join(', ')}`);
}
