/**
 * Validation before any write. A failing product gets every reason and is not written; the others go on
 * (docs/house-style.md
 * house style 8). Limits: docs/shopify-api.md#productset, docs/shopify-api.md#pitfalls [V].
 */
import { formatMinor } from '../../core/money.js';
import type { MappedProduct, MappedVariant } from './map.js';
import { fallbackNote } from './price.js';
import { groupIssues, summarizeMany, type VariantIssue } from './reasons.js';

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
  // Grouped by kind: a product with 500 variants missing a price is one line, not 500.
  reasons.push(...groupIssues(mapped.variants.flatMap((variant) => variantIssues(variant, checkValues))));
  reasons.push(...collisionReasons(mapped));
  warnings.push(...fallbackNote(mapped.variants.find((v) => v.price.fallbackFrom)?.price.fallbackFrom));
  warnings.push(...groupIssues(mapped.variants.flatMap(negativeStockIssues)));
  return { reasons, warnings };
}

function label(variant: MappedVariant): string {
  return `variant ${nameOf(variant)}`;
}

function nameOf(variant: MappedVariant): string {
  return variant.sku === '' ? `#${variant.position}` : variant.sku;
}

function variantIssues(variant: MappedVariant, checkValues: boolean): VariantIssue[] {
  const issues: VariantIssue[] = [];
  const issue = (message: string, kind = message, detail?: string) =>
    issues.push({ name: nameOf(variant), message, kind, detail });
  if (variant.sku === '') issue('SKU is empty');
  const { price, priceLabel, list, listLabel } = variant.price;
  if (price === undefined || (!price.ok && (price.reason === 'missing' || price.reason === 'empty'))) {
    issue(`${priceLabel} is missing`);
  } else if (!price.ok) {
    issue(`${priceLabel} "${price.raw}" is not a price`, `${priceLabel} is not a price`, `"${price.raw}"`);
  } else if (price.minor <= 0) {
    // A 0.00 price would publish the item for free: the worst failure merchants reported.
    const shown = formatMinor(price.minor);
    issue(`${priceLabel} ${shown} is not above zero`, `${priceLabel} is not above zero`, shown);
  }
  if (list !== undefined && !list.ok && list.reason !== 'missing' && list.reason !== 'empty') {
    issue(`${listLabel} "${list.raw}" is not a price`, `${listLabel} is not a price`, `"${list.raw}"`);
  }
  for (const option of checkValues ? variant.optionValues : []) {
    if (option.name === '') issue(`option ${option.optionName} has no value`);
  }
  for (const stock of variant.stocks) {
    if (!Number.isInteger(stock.quantity)) {
      const where = `in warehouse ${stock.warehouseId}`;
      issue(
        `stock "${stock.quantity}" ${where} is not a whole number`,
        `stock ${where} is not a whole number`,
        `"${stock.quantity}"`,
      );
    }
  }
  return issues;
}

function negativeStockIssues(variant: MappedVariant): VariantIssue[] {
  return variant.stocks
    .filter((s) => Number.isInteger(s.quantity) && s.quantity < 0)
    .map((s) => ({
      name: nameOf(variant),
      message: `stock ${s.quantity} in warehouse ${s.warehouseId} counted as 0`,
      kind: `negative stock in warehouse ${s.warehouseId} counted as 0`,
      detail: String(s.quantity),
    }));
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
  return summarizeMany(reasons, (n) => `${n} variants repeat the options of another variant`);
}
