/**
 * Sentos product → the Shopify shape it should have. Pure; ownership is applied later by the diff, so the mapping
 * always says what Sentos thinks. `undefined` means "Sentos has no opinion" (empty in Sentos): such a field is never
 * written, so a gap in the ERP cannot wipe a value in Shopify.
 */
import type { SentosProduct, SentosStock, SentosVariant } from '../../sentos/types.js';
import { imageSources, variantImages } from './images.js';
import { compareAtFrom, resolveVariantPrice, type VariantPrice } from './price.js';
import type { ProductSyncSettings } from './settings.js';
import { plainTextToHtml, skuKey } from './text.js';

/**
 * option1 ← color (docs/sentos-api.md#product-shape-and-quirks: "option1 = Renk ← color, option2 = model.name ←
 * model.value").
 */
export const COLOR_OPTION = 'Renk';
/** Shopify's option for a product without real options (docs/shopify-api.md#productset). */
export const DEFAULT_OPTION = { name: 'Title', value: 'Default Title' } as const;

export interface OptionValue {
  optionName: string;
  name: string;
}

export interface MappedVariant {
  sku: string;
  /** 1-based position in Sentos, for messages about variants without a SKU. */
  position: number;
  barcode?: string;
  optionValues: OptionValue[];
  price: VariantPrice;
  /** null = none (clear it); undefined = no list price, so no opinion. */
  compareAt: number | null | undefined;
  stocks: readonly SentosStock[];
}

export interface MappedProduct {
  sentosId: string;
  sku: string;
  title: string;
  descriptionHtml?: string;
  vendor?: string;
  productType?: string;
  tags?: string[];
  options: Array<{ name: string; values: string[] }>;
  variants: MappedVariant[];
  imageSources: string[];
  /** SKU → the variant's first Sentos image (images.ts). */
  variantImages: Record<string, string>;
  /** Data problems only visible while mapping (a size without attribute name); validation reports them. */
  problems: string[];
}

export interface MapContext {
  settings: ProductSyncSettings;
  /** categoryId → path names, root first. */
  categories: Map<string, string[]>;
}

export function mapProduct(product: SentosProduct, ctx: MapContext): MappedProduct {
  const { settings } = ctx;
  const path = product.categoryId === undefined ? undefined : ctx.categories.get(product.categoryId);
  const names = path?.map((n) => n.trim()).filter((n) => n !== '');
  const axes = buildAxes(product.variants);
  const sources: Array<SentosVariant | undefined> = product.variants.length === 0 ? [undefined] : product.variants;
  const variants = sources.map((variant, index): MappedVariant => {
    const price = resolveVariantPrice(product, variant, settings.priceList);
    return {
      sku: skuKey(variant ? variant.sku : product.sku),
      position: index + 1,
      barcode: nonEmpty(variant ? variant.barcode : product.barcode),
      optionValues: axes.valuesOf(variant),
      price,
      compareAt: compareAtFrom(price.price, price.list),
      stocks: variant ? variant.stocks : product.stocks,
    };
  });
  return {
    sentosId: product.id,
    sku: skuKey(product.sku),
    title: product.name.trim(),
    descriptionHtml: describe(product),
    vendor: nonEmpty(product.brand),
    productType: settings.productTypeFromCategory === 'leaf' ? names?.at(-1) : undefined,
    tags: settings.tagsFromCategory && names ? [...new Set(names)] : undefined,
    options: axes.options,
    variants,
    imageSources: imageSources(product),
    variantImages: variantImages(product),
    problems: axes.problems,
  };
}

interface Axes {
  options: Array<{ name: string; values: string[] }>;
  valuesOf(variant: SentosVariant | undefined): OptionValue[];
  problems: string[];
}

/**
 * Options in Sentos order: Renk first when any variant has a colour, then each model attribute name in order of
 * first appearance; values in order of first appearance, which keeps apparel size order (S, M, L). A variant
 * lacking a value on an axis gets "" and fails validation rather than being guessed.
 */
function buildAxes(variants: SentosVariant[]): Axes {
  const problems: string[] = [];
  const axes = new Map<string, Set<string>>();
  if (variants.some((v) => nonEmpty(v.color) !== undefined)) axes.set(COLOR_OPTION, new Set());
  for (const v of variants) {
    if (!v.model) continue;
    const name = v.model.name.trim();
    if (name === '' && v.model.value.trim() !== '') {
      problems.push(`variant ${skuKey(v.sku)}: model value "${v.model.value}" has no attribute name`);
    } else if (name !== '' && !axes.has(name)) axes.set(name, new Set());
  }
  const valueOn = (v: SentosVariant, axis: string): string =>
    axis === COLOR_OPTION ? (v.color ?? '').trim() : v.model?.name.trim() === axis ? v.model.value.trim() : '';
  for (const v of variants)
    for (const [axis, values] of axes) {
      const value = valueOn(v, axis);
      if (value !== '') values.add(value);
    }
  // One variant and no axis at all: Shopify's default option, like a simple product.
  if (axes.size === 0 && variants.length <= 1) {
    const only: OptionValue[] = [{ optionName: DEFAULT_OPTION.name, name: DEFAULT_OPTION.value }];
    return { options: [{ name: DEFAULT_OPTION.name, values: [DEFAULT_OPTION.value] }], valuesOf: () => only, problems };
  }
  return {
    options: [...axes].map(([name, values]) => ({ name, values: [...values] })),
    valuesOf: (v) => (v ? [...axes.keys()].map((axis) => ({ optionName: axis, name: valueOn(v, axis) })) : []),
    problems,
  };
}

/** description_detail (HTML) first, else the plain description escaped into paragraphs. */
function describe(product: SentosProduct): string | undefined {
  const detail = nonEmpty(product.descriptionDetail);
  if (detail !== undefined) return detail;
  const plain = nonEmpty(product.description);
  return plain === undefined ? undefined : plainTextToHtml(plain);
}

function nonEmpty(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}
