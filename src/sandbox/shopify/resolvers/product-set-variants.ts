import { moneyToMinor } from '../decimal.js';
import { activeLevelAt } from '../state/inventory-ops.js';
import type { ShopifyStore } from '../state/store.js';
import type { OptionRecord, OptionValueRecord, ProductRecord, VariantRecord } from '../state/types.js';
import {
  MAX_INVENTORY_QUANTITIES,
  MAX_OPTIONS,
  MAX_VARIANTS,
  type OptionInput,
  type ProductSetInput,
  type ProductSetUserError,
  type VariantInput,
} from './product-set-input.js';

/**
 * productSet options and variants must agree (docs/shopify-api.md#productset [V: error codes]): every variant names one
 * value of every option, no two variants share a combination, options ≤ 3, variants ≤ 2048. Existing options, values
 * and variants are matched by id (or option/value name) so their ids survive an update.
 */
export interface PlannedOption {
  existing?: OptionRecord;
  name: string;
  position: number;
  values: Array<{ existing?: OptionValueRecord; name: string }>;
}
export interface PlannedVariant {
  input: VariantInput;
  existing?: VariantRecord;
  optionValues: Array<{ optionName: string; name: string }>;
}
export interface OptionsPlan {
  options: PlannedOption[];
  variants: PlannedVariant[];
}

type Errors = ProductSetUserError[];

function fail(errors: Errors, code: string, field: string[], message: string): void {
  errors.push({ code, field, message });
}

/** A product created without options gets Shopify's lone "Default Title" variant (docs/shopify-api.md#productset). */
function defaultPlan(): OptionsPlan {
  const value = { optionName: 'Title', name: 'Default Title' };
  return {
    options: [{ name: 'Title', position: 1, values: [{ name: 'Default Title' }] }],
    variants: [{ input: { optionValues: [value] }, optionValues: [value] }],
  };
}

/** undefined: leave options and variants as they are (an update that sends neither). */
export function planOptionsAndVariants(
  store: ShopifyStore,
  input: ProductSetInput,
  target: ProductRecord | undefined,
  errors: Errors,
): OptionsPlan | undefined {
  const hasOptions = input.productOptions !== undefined && input.productOptions !== null;
  const hasVariants = input.variants !== undefined && input.variants !== null;
  if (hasVariants && !hasOptions)
    fail(
      errors,
      'PRODUCT_OPTIONS_INPUT_MISSING',
      ['input', 'productOptions'],
      'Must specify product options when updating variants.',
    );
  if (hasOptions && !hasVariants)
    fail(errors, 'VARIANTS_INPUT_MISSING', ['input', 'variants'], 'Must specify variants when updating options.');
  if (!hasOptions || !hasVariants) return target ? undefined : defaultPlan();
  const before = errors.length;
  const options = planOptions(input.productOptions as OptionInput[], target, errors);
  const variants = planVariants(store, input.variants as VariantInput[], options, target, errors);
  return errors.length === before ? { options, variants } : undefined;
}

function planOptions(inputs: OptionInput[], target: ProductRecord | undefined, errors: Errors): PlannedOption[] {
  if (inputs.length > MAX_OPTIONS)
    fail(
      errors,
      'OPTIONS_OVER_LIMIT',
      ['input', 'productOptions'],
      `Options over limit: a product has at most ${MAX_OPTIONS}.`,
    );
  const planned: PlannedOption[] = [];
  inputs.forEach((option, i) => {
    const field = (...rest: string[]) => ['input', 'productOptions', String(i), ...rest];
    const byId = option.id ? target?.options.find((candidate) => candidate.id === option.id) : undefined;
    if (option.id && !byId) return fail(errors, 'OPTION_DOES_NOT_EXIST', field('id'), 'Option does not exist.');
    const name = option.name ?? byId?.name;
    if (!name || !name.trim()) return fail(errors, 'INVALID_INPUT', field('name'), "Option name can't be blank.");
    if (planned.some((other) => other.name.toLowerCase() === name.toLowerCase())) {
      return fail(errors, 'DUPLICATED_OPTION_NAME', field('name'), 'Duplicated option name.');
    }
    const existing = byId ?? target?.options.find((candidate) => candidate.name === name);
    if (!option.values || option.values.length === 0) {
      return fail(
        errors,
        'OPTION_VALUES_MISSING',
        field('values'),
        'Each option must have at least one option value specified.',
      );
    }
    const values: PlannedOption['values'] = [];
    option.values.forEach((value, j) => {
      const valueById = value.id ? existing?.values.find((candidate) => candidate.id === value.id) : undefined;
      if (value.id && !valueById)
        return fail(
          errors,
          'OPTION_VALUE_DOES_NOT_EXIST',
          field('values', String(j), 'id'),
          'Option value does not exist.',
        );
      const valueName = value.name ?? valueById?.name ?? '';
      if (!valueName.trim())
        return fail(errors, 'INVALID_INPUT', field('values', String(j), 'name'), "Option value can't be blank.");
      if (values.some((other) => other.name === valueName))
        return fail(errors, 'DUPLICATED_OPTION_VALUE', field('values', String(j)), 'Duplicated option value.');
      values.push({
        existing: valueById ?? existing?.values.find((candidate) => candidate.name === valueName),
        name: valueName,
      });
    });
    planned.push({ existing, name, position: option.position ?? i + 1, values });
  });
  return planned.sort((a, b) => a.position - b.position).map((option, index) => ({ ...option, position: index + 1 }));
}

function planVariants(
  store: ShopifyStore,
  inputs: VariantInput[],
  options: PlannedOption[],
  target: ProductRecord | undefined,
  errors: Errors,
): PlannedVariant[] {
  if (inputs.length > MAX_VARIANTS)
    fail(errors, 'VARIANTS_OVER_LIMIT', ['input', 'variants'], 'Number of product variants exceeds shop limit.');
  if (inputs.length === 0)
    fail(errors, 'INVALID_INPUT', ['input', 'variants'], 'A product needs at least one variant.');
  const quantities = inputs.reduce((sum, variant) => sum + (variant.inventoryQuantities?.length ?? 0), 0);
  if (quantities > MAX_INVENTORY_QUANTITIES) {
    fail(
      errors,
      'INVENTORY_QUANTITIES_LIMIT_EXCEEDED',
      ['input', 'variants'],
      'Inventory quantity input exceeds the limit of 50000.',
    );
  }
  const combos = new Set<string>();
  const ids = new Set<string>();
  return inputs.flatMap((variant, i) => {
    const field = (...rest: string[]) => ['input', 'variants', String(i), ...rest];
    const before = errors.length;
    const existing = variant.id ? target?.variants.find((candidate) => candidate.id === variant.id) : undefined;
    if (variant.id && !existing)
      fail(errors, 'PRODUCT_VARIANT_DOES_NOT_EXIST', field('id'), 'Product variant does not exist.');
    if (variant.id && ids.has(variant.id))
      fail(errors, 'INVALID_VARIANT', field('id'), 'The same variant id is given twice.');
    if (variant.id) ids.add(variant.id);
    const optionValues = resolveOptionValues(variant, options, field, errors);
    const combo = optionValues.map((value) => value.name).join(' / ');
    if (optionValues.length === options.length && combos.has(combo))
      fail(errors, 'INVALID_VARIANT', field('optionValues'), `The variant '${combo}' already exists.`);
    combos.add(combo);
    checkVariantFields(store, variant, existing, field, errors);
    return errors.length === before ? [{ input: variant, existing, optionValues }] : [];
  });
}

function resolveOptionValues(
  variant: VariantInput,
  options: PlannedOption[],
  field: (...rest: string[]) => string[],
  errors: Errors,
) {
  const chosen = new Map<string, string>();
  variant.optionValues.forEach((value, j) => {
    const at = field('optionValues', String(j));
    const option = options.find((candidate) =>
      value.optionId ? candidate.existing?.id === value.optionId : candidate.name === value.optionName,
    );
    if (!option)
      return fail(
        errors,
        'OPTION_DOES_NOT_EXIST',
        at,
        `Option ${value.optionName ?? value.optionId ?? ''} does not exist.`,
      );
    const picked = option.values.find((candidate) =>
      value.id ? candidate.existing?.id === value.id : candidate.name === value.name,
    );
    if (!picked)
      return fail(
        errors,
        'OPTION_VALUE_DOES_NOT_EXIST',
        at,
        `Option value ${value.name ?? value.id ?? ''} does not exist on ${option.name}.`,
      );
    if (chosen.has(option.name)) return fail(errors, 'INVALID_VARIANT', at, `Option ${option.name} is given twice.`);
    chosen.set(option.name, picked.name);
  });
  const missing = options.filter((option) => !chosen.has(option.name));
  if (missing.length > 0)
    fail(
      errors,
      'INVALID_VARIANT',
      field('optionValues'),
      `Missing a value for option ${missing.map((o) => o.name).join(', ')}.`,
    );
  return options
    .filter((option) => chosen.has(option.name))
    .map((option) => ({ optionName: option.name, name: chosen.get(option.name) as string }));
}

function checkVariantFields(
  store: ShopifyStore,
  variant: VariantInput,
  existing: VariantRecord | undefined,
  field: (...rest: string[]) => string[],
  errors: Errors,
): void {
  const itemSku = variant.inventoryItem?.sku;
  if (variant.sku !== undefined && itemSku !== undefined && variant.sku !== itemSku) {
    fail(errors, 'INVALID_VARIANT', field('sku'), 'sku and inventoryItem.sku differ.');
  }
  for (const name of ['price', 'compareAtPrice'] as const) {
    const value = variant[name];
    if (value !== undefined && value !== null && moneyToMinor(value) < 0)
      fail(errors, 'INVALID_VARIANT', field(name), `${name} must be greater than or equal to 0.`);
  }
  const item = existing ? store.inventoryItems.get(existing.inventoryItemId) : undefined;
  (variant.inventoryQuantities ?? []).forEach((row, k) => {
    const at = field('inventoryQuantities', String(k));
    const location = store.locations.find((candidate) => candidate.id === row.locationId);
    if (row.name !== 'available' && row.name !== 'on_hand')
      fail(errors, 'INVALID_INPUT', [...at, 'name'], "Quantity name must be 'available' or 'on_hand'.");
    else if (!location) fail(errors, 'INVALID_INPUT', [...at, 'locationId'], 'Location does not exist.');
    // "If you're updating an existing variant, you can only update the quantities at locations where the variant is
    // already stocked" (docs/shopify-api.md#productset).
    else if (item && !activeLevelAt(item, location.id)) {
      fail(
        errors,
        'INVALID_VARIANT',
        [...at, 'locationId'],
        'The variant is not stocked at this location; activate it with inventoryActivate first.',
      );
    }
  });
}
