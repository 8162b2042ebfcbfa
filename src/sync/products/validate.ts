/**
 * Validation before any write (issue 3 §4). A failing product gets every reason and is not written; the
 * others go on (design.md house style 8). Limits: shopify-admin-api.md §3.3 / §10 item 16 [V].
 */
import { formatMinor } from '../../core/money.js';
import type { MappedProduct, MappedVariant } from './map.js';

/** OPTIONS_OVER_LIMIT [V: schema 2026-10]. */
export const MAX_OPTIONS = 3;
/** VARIANTS_OVER_LIMIT: 2,048 by default [V: schema 2026-10]. */
export const MAX_VARIANTS = 2048;

export interface ValidationResult {
  reasons: string[];
  warnings: string[];
}

export function validateMapped(mapped: MappedProduct): ValidationResult {
  const reasons: string[] = [...mapped.problems];
  const warnings: string[] = [];
  if (mapped.title === '') reasons.push('product has no name');
  if (mapped.options.length > MAX_OPTIONS) {
    const names = mapped.options.map((o) => o.name).join(', ');
    reasons.push(`${mapped.options.length} options (${names}); Shopify allows at most ${MAX_OPTIONS}`);
  }
  if (mapped.variants.length > MAX_VARIANTS) {
    reasons.push(`${mapped.variants.length} variants; Shopify allows at most ${MAX_VARIANTS}`);
  }
  // Over the option limit, every variant lacks values on the other axes: that noise hides the one cause.
  const checkValues = mapped.options.length <= MAX_OPTIONS;
  for (const variant of mapped.variants) {
    reasons.push(...variantReasons(variant, checkValues));
    warnings.push(...negativeStockWarnings(variant));
  }
  reasons.push(...collisionReasons(mapped));
  return { reasons, warnings };
}

function label(variant: MappedVariant): string {
  return variant.sku === '' ? `variant #${variant.position}` : `variant ${variant.sku}`;
}

function variantReasons(variant: MappedVariant, checkValues: boolean): string[] {
  const reasons: string[] = [];
  const name = label(variant);
  if (variant.sku === '') reasons.push(`${name} has no SKU`);
  const { price, priceLabel, list, listLabel } = variant.price;
  if (price === undefined || (!price.ok && (price.reason === 'missing' || price.reason === 'empty'))) {
    reasons.push(`${name}: ${priceLabel} is missing`);
  } else if (!price.ok) {
    reasons.push(`${name}: ${priceLabel} "${price.raw}" is not a price`);
  } else if (price.minor <= 0) {
    // A 0.00 price would publish the item for free: the worst failure merchants reported (issue 3).
    reasons.push(`${name}: ${priceLabel} ${formatMinor(price.minor)} is not above zero`);
  }
  if (list !== undefined && !list.ok && list.reason !== 'missing' && list.reason !== 'empty') {
    reasons.push(`${name}: ${listLabel} "${list.raw}" is not a price`);
  }
  for (const option of checkValues ? variant.optionValues : []) {
    if (option.name === '') reasons.push(`${name}: option ${option.optionName} has no value`);
  }
  for (const stock of variant.stocks) {
    if (!Number.isInteger(stock.quantity)) {
      reasons.push(`${name}: stock "${stock.quantity}" in warehouse ${stock.warehouseId} is not a whole number`);
    }
  }
  return reasons;
}

function negativeStockWarnings(variant: MappedVariant): string[] {
  return variant.stocks
    .filter((s) => Number.isInteger(s.quantity) && s.quantity < 0)
    .map((s) => `${label(variant)}: stock ${s.quantity} in warehouse ${s.warehouseId} counted as 0`);
}

/** No two variants with the same option-value combination (DUPLICATED_OPTION_VALUE would reject the write). */
function collisionReasons(mapped: MappedProduct): string[] {
  if (mapped.options.length === 0 && mapped.variants.length > 1) {
    return ['variants have no colour or model value to tell them apart'];
  }
  const seen = new Map<string, MappedVariant>();
  const reasons: string[] = [];
  for (const variant of mapped.variants) {
    const key = variant.optionValues.map((o) => o.name).join('\u0000');
    const first = seen.get(key);
    if (first === undefined) seen.set(key, variant);
    else {
      const combo = variant.optionValues.map((o) => o.name).join(' / ');
      reasons.push(`${label(first)} and ${label(variant)} have the same options (${combo})`);
    }
  }
  return reasons;
}
