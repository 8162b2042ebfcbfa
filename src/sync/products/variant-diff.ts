/**
 * The variant list of an update. productSet deletes variants missing from its input (docs/shopify-api.md#productset,
 * docs/shopify-api.md#pitfalls), so the list is always complete: matched variants carry their ids, Shopify variants not
 * in Sentos are kept with their current values unless removal is allowed (docs/shopify-api.md#productset).
 */
import type { ShopifyProduct, ShopifyVariant, VariantWrite } from '../../shopify/types.js';
import type { MappedProduct, MappedVariant, OptionValue } from './map.js';
import type { OwnedFields } from './settings.js';
import { summarizeMany } from './reasons.js';
import { skuKey } from './text.js';
import type { FieldChange } from './types.js';
import { compareAtOf, keptVariantWrite, money, newVariantWrite, priceOf, selectedOptionValues } from './write.js';

export interface VariantDiff {
  writes: VariantWrite[];
  changes: FieldChange[];
  warnings: string[];
  /** Shopify variants not in Sentos that stay in the product. */
  kept: ShopifyVariant[];
  /** Sentos variants that exist after the write, with their Shopify variant when it exists already. */
  stocked: Array<{ mapped: MappedVariant; variant?: ShopifyVariant }>;
}

export interface VariantDiffInput {
  mapped: MappedProduct;
  product: ShopifyProduct;
  matches: Map<string, ShopifyVariant>;
  owned: OwnedFields;
  allowVariantRemoval: boolean;
}

export function diffVariants(input: VariantDiffInput): VariantDiff {
  const { mapped, product, matches, owned } = input;
  const diff: VariantDiff = { writes: [], changes: [], warnings: [], kept: [], stocked: [] };
  for (const mv of mapped.variants) {
    const sv = matches.get(mv.sku);
    if (sv) {
      diff.writes.push(existingWrite(mv, sv, owned, diff.changes));
      diff.stocked.push({ mapped: mv, variant: sv });
    } else if (owned.variants) {
      diff.writes.push(newVariantWrite(mv));
      diff.changes.push({ field: 'variant', sku: mv.sku, from: null, to: mv.sku });
      diff.stocked.push({ mapped: mv });
    } else {
      diff.warnings.push(`variant ${mv.sku} is not in Shopify and was not added (Sentos does not own variants)`);
    }
  }
  const matchedIds = new Set([...matches.values()].map((v) => v.id));
  const keptNames: string[] = [];
  for (const sv of product.variants) {
    if (matchedIds.has(sv.id)) continue;
    const name = skuKey(sv.sku) || sv.id;
    if (owned.variants && input.allowVariantRemoval) {
      diff.changes.push({ field: 'variant', sku: name, from: name, to: null });
      continue;
    }
    diff.writes.push(keptVariantWrite(sv));
    diff.kept.push(sv);
    keptNames.push(name);
  }
  // Kept, but no longer for sale: the planner sets their stock to 0 (not-in-sentos.ts).
  const outcome = owned.stock ? 'kept with its stock set to 0' : 'kept';
  const lines = keptNames.map((n) => `Shopify variant ${n} is not in Sentos: ${outcome} (variant removal is off)`);
  diff.warnings.push(
    ...summarizeMany(lines, (n) => `${n} Shopify variants are not in Sentos: ${outcome} (variant removal is off)`),
  );
  return diff;
}

/**
 * An existing variant: owned fields take Sentos's value, the others carry Shopify's current value. Compared as
 * typed values (numbers, strings, option pairs); the readable forms of a change row are built only for a change.
 */
function existingWrite(
  mv: MappedVariant,
  sv: ShopifyVariant,
  owned: OwnedFields,
  changes: FieldChange[],
): VariantWrite {
  const sku = mv.sku;
  // A barcode match carries a renamed SKU: the Sentos SKU is the key and is always written.
  const currentSku = skuKey(sv.sku);
  if (currentSku !== sku) changes.push({ field: 'sku', sku, from: currentSku, to: sku });
  const price = owned.price ? priceOf(mv) : sv.price;
  if (sv.price !== price) changes.push({ field: 'price', sku, from: money(sv.price), to: money(price) });
  const currentCompareAt = compareAtOf(sv);
  const compareAt = owned.compareAtPrice && mv.compareAt !== undefined ? mv.compareAt : currentCompareAt;
  if (currentCompareAt !== compareAt)
    changes.push({ field: 'compareAtPrice', sku, from: money(currentCompareAt), to: money(compareAt) });
  const barcode = owned.barcode && mv.barcode !== undefined ? mv.barcode : sv.barcode;
  const currentBarcode = sv.barcode?.trim() || null;
  const nextBarcode = barcode?.trim() || null;
  if (currentBarcode !== nextBarcode) changes.push({ field: 'barcode', sku, from: currentBarcode, to: nextBarcode });
  const current = selectedOptionValues(sv);
  const optionValues = owned.variants ? mv.optionValues : current;
  if (!sameOptionValues(current, optionValues))
    changes.push({ field: 'optionValues', sku, from: comboOf(current), to: comboOf(optionValues) });
  // Stock written to an untracked item has no effect (docs/shopify-api.md#pitfalls): tracking it is a change of its
  // own.
  if (owned.stock && !sv.tracked) changes.push({ field: 'tracked', sku, from: false, to: true });
  return { id: sv.id, sku, barcode, price, compareAtPrice: compareAt, optionValues };
}

function sameOptionValues(a: OptionValue[], b: OptionValue[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++)
    if (a[i]!.optionName !== b[i]!.optionName || a[i]!.name !== b[i]!.name) return false;
  return true;
}

export function comboOf(values: OptionValue[]): string {
  return values.map((o) => `${o.optionName}: ${o.name}`).join(' / ');
}

/**
 * The options of the written product: Sentos's, plus the values of kept Shopify variants. Kept variants must
 * fit the option names and must not collide with a Sentos combination, or productSet would reject the write.
 */
export function mergeOptions(
  mapped: MappedProduct,
  kept: ShopifyVariant[],
): { options: Array<{ name: string; values: string[] }>; problems: string[] } {
  const options = mapped.options.map((o) => ({ name: o.name, values: [...o.values] }));
  const names = options.map((o) => o.name).join(', ');
  const combos = new Set(mapped.variants.map((v) => v.optionValues.map((o) => o.name).join('\u0000')));
  const problems: string[] = [];
  for (const sv of kept) {
    const name = skuKey(sv.sku) || sv.id;
    const own = sv.selectedOptions.map((o) => o.name).join(', ');
    if (own !== names) {
      problems.push(
        `Shopify variant ${name} is not in Sentos and its options (${own}) do not fit (${names}); allow variant ` +
          `removal or fix it in Shopify`,
      );
      continue;
    }
    const key = sv.selectedOptions.map((o) => o.value).join('\u0000');
    if (combos.has(key)) {
      problems.push(
        `Shopify variant ${name} is not in Sentos and has the same options as a Sentos variant; allow variant ` +
          `removal or fix it in Shopify`,
      );
    }
    combos.add(key);
    sv.selectedOptions.forEach((o, i) => {
      const option = options[i];
      if (option && !option.values.includes(o.value)) option.values.push(o.value);
    });
  }
  return { options, problems };
}
