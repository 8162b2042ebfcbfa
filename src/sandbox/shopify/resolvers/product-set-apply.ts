import { formatMoney, moneyToMinor } from '../decimal.js';
import { activate, activeLevelAt, setQuantity } from '../state/inventory-ops.js';
import type { ShopifyStore } from '../state/store.js';
import type {
  InventoryItemRecord,
  MetafieldRecord,
  OptionRecord,
  ProductRecord,
  VariantRecord,
} from '../state/types.js';
import { APP_NAMESPACE } from './catalog-types.js';
import { handleFromTitle, normalizeHandle, type MetafieldInput, type ProductSetInput } from './product-set-input.js';
import { buildMedia, linkVariantMedia } from './product-media.js';
import type { OptionsPlan, PlannedVariant } from './product-set-variants.js';

/**
 * Apply a validated productSet: scalars update only when given; the lists that are given (variants, options,
 * metafields, files) REPLACE what was there — omitted variants are deleted with their inventory
 * (docs/shopify-api.md#productset). updatedAt moves only when something actually changed.
 */
export function applyProductSet(
  store: ShopifyStore,
  input: ProductSetInput,
  target: ProductRecord | undefined,
  plan: OptionsPlan | undefined,
): ProductRecord {
  const now = store.now();
  const product = target ?? newProduct(store, input, now);
  const before = snapshot(product);
  if (input.title !== undefined && input.title !== null) product.title = input.title;
  if (input.handle !== undefined && input.handle !== null) product.handle = normalizeHandle(input.handle);
  if (input.descriptionHtml !== undefined) product.descriptionHtml = input.descriptionHtml ?? '';
  if (input.vendor !== undefined) product.vendor = input.vendor ?? '';
  if (input.productType !== undefined) product.productType = input.productType ?? '';
  if (input.status) product.status = input.status;
  if (input.tags) product.tags = [...input.tags];
  if (input.files) product.media = buildMedia(store, input.files, product.media, now);
  let written: VariantRecord[] = [];
  if (plan) {
    product.options = buildOptions(store, plan);
    written = buildVariants(store, product, plan.variants, now);
    product.variants = byPosition(written);
  }
  // `written` is in input order, so the i-th record is the i-th variant input's.
  const planned = (plan?.variants ?? []).map((p, i) => ({ record: written[i], input: p.input }));
  linkVariantMedia(product, planned.filter(hasRecord), input.files);
  if (input.metafields)
    product.metafields = buildMetafields(store, product.id, input.metafields, product.metafields, now);
  if (!target || snapshot(product) !== before) product.updatedAt = now;
  store.indexProduct(product);
  return product;
}

function hasRecord<T extends { record: VariantRecord | undefined }>(entry: T): entry is T & { record: VariantRecord } {
  return entry.record !== undefined;
}

function newProduct(store: ShopifyStore, input: ProductSetInput, now: string): ProductRecord {
  const base = input.handle ? normalizeHandle(input.handle) : handleFromTitle(input.title ?? '');
  let handle = base;
  // An omitted handle is generated from the title and suffixed when taken (docs/shopify-api.md#productset).
  for (let n = 1; store.productByHandle(handle); n += 1) handle = `${base}-${n}`;
  return {
    __typename: 'Product',
    ...store.newId('Product'),
    handle,
    title: input.title ?? '',
    descriptionHtml: '',
    vendor: store.shop.name,
    productType: '',
    tags: [],
    status: 'ACTIVE',
    options: [],
    variants: [],
    media: [],
    metafields: [],
    createdAt: now,
    updatedAt: now,
  };
}

function snapshot(product: ProductRecord): string {
  return JSON.stringify({ ...product, updatedAt: undefined });
}

function buildOptions(store: ShopifyStore, plan: OptionsPlan): OptionRecord[] {
  return plan.options.map((option) => ({
    __typename: 'ProductOption',
    id: option.existing?.id ?? store.newId('ProductOption').id,
    name: option.name,
    position: option.position,
    values: option.values.map((value) => ({
      __typename: 'ProductOptionValue',
      id: value.existing?.id ?? store.newId('ProductOptionValue').id,
      name: value.name,
    })),
  }));
}

function buildVariants(
  store: ShopifyStore,
  product: ProductRecord,
  planned: PlannedVariant[],
  now: string,
): VariantRecord[] {
  const kept = new Set(planned.map((variant) => variant.existing).filter(Boolean));
  for (const variant of product.variants) if (!kept.has(variant)) store.forgetVariant(variant);
  const variants = planned.map((plan, index) => {
    const variant = plan.existing ?? newVariant(store, product, plan, now);
    const before = JSON.stringify(variant);
    updateVariant(store, variant, plan, now);
    variant.position = plan.input.position ?? index + 1;
    if (JSON.stringify(variant) !== before) variant.updatedAt = now;
    return variant;
  });
  return variants;
}

function byPosition(variants: VariantRecord[]): VariantRecord[] {
  return [...variants]
    .sort((a, b) => a.position - b.position)
    .map((variant, index) => Object.assign(variant, { position: index + 1 }));
}

function newVariant(store: ShopifyStore, product: ProductRecord, plan: PlannedVariant, now: string): VariantRecord {
  const ids = store.newId('ProductVariant');
  const item: InventoryItemRecord = {
    __typename: 'InventoryItem',
    ...store.newId('InventoryItem'),
    variantId: ids.id,
    tracked: plan.input.inventoryItem?.tracked ?? false,
    requiresShipping: true,
    cost: null,
    levels: [],
    createdAt: now,
    updatedAt: now,
  };
  store.inventoryItems.set(item.id, item);
  const variant: VariantRecord = {
    __typename: 'ProductVariant',
    ...ids,
    productId: product.id,
    sku: null,
    barcode: null,
    price: '0.00',
    compareAtPrice: null,
    position: 0,
    optionValues: plan.optionValues,
    inventoryItemId: item.id,
    inventoryPolicy: 'DENY',
    taxable: true,
    metafields: [],
    createdAt: now,
    updatedAt: now,
  };
  // New variants may carry initial stock: activate each location and set the named quantity
  // (docs/shopify-api.md#productset).
  for (const row of plan.input.inventoryQuantities ?? []) {
    const location = store.location(row.locationId);
    if (location) setQuantity(activate(store, item, location), row.name as 'available' | 'on_hand', row.quantity, now);
  }
  return variant;
}

function updateVariant(store: ShopifyStore, variant: VariantRecord, plan: PlannedVariant, now: string): void {
  const input = plan.input;
  const sku = input.sku !== undefined ? input.sku : input.inventoryItem?.sku;
  if (sku !== undefined) variant.sku = sku;
  if (input.barcode !== undefined) variant.barcode = input.barcode;
  if (input.price !== undefined && input.price !== null) variant.price = formatMoney(moneyToMinor(input.price));
  if (input.compareAtPrice !== undefined)
    variant.compareAtPrice = input.compareAtPrice === null ? null : formatMoney(moneyToMinor(input.compareAtPrice));
  if (input.inventoryPolicy) variant.inventoryPolicy = input.inventoryPolicy;
  if (typeof input.taxable === 'boolean') variant.taxable = input.taxable;
  variant.optionValues = plan.optionValues;
  if (input.metafields)
    variant.metafields = buildMetafields(store, variant.id, input.metafields, variant.metafields, now);
  const item = store.itemOf(variant);
  const itemInput = input.inventoryItem;
  if (typeof itemInput?.tracked === 'boolean' && item.tracked !== itemInput.tracked)
    Object.assign(item, { tracked: itemInput.tracked, updatedAt: now });
  if (typeof itemInput?.requiresShipping === 'boolean') item.requiresShipping = itemInput.requiresShipping;
  if (itemInput?.cost !== undefined) item.cost = itemInput.cost;
  if (plan.existing) {
    for (const row of input.inventoryQuantities ?? []) {
      const level = activeLevelAt(item, row.locationId);
      if (level) setQuantity(level, row.name as 'available' | 'on_hand', row.quantity, now);
    }
  }
}

export function buildMetafields(
  store: ShopifyStore,
  ownerId: string,
  inputs: MetafieldInput[],
  existing: MetafieldRecord[],
  now: string,
): MetafieldRecord[] {
  return inputs.map((input) => {
    const namespace = input.namespace ?? APP_NAMESPACE;
    const current = existing.find(
      (field) => field.id === input.id || (field.namespace === namespace && field.key === input.key),
    );
    const value = input.value ?? '';
    const type = input.type ?? current?.type ?? 'single_line_text_field';
    if (current)
      return current.value === value && current.type === type ? current : { ...current, value, type, updatedAt: now };
    const ids = store.newId('Metafield');
    return {
      __typename: 'Metafield',
      ...ids,
      ownerId,
      namespace,
      key: input.key ?? '',
      type,
      value,
      createdAt: now,
      updatedAt: now,
    };
  });
}

/** Upsert into an owner's list (metafieldsSet, productUpdate): the owner's other metafields stay. */
export function upsertMetafields(
  store: ShopifyStore,
  owner: { id: string; metafields: MetafieldRecord[] },
  inputs: MetafieldInput[],
  now: string,
): MetafieldRecord[] {
  return inputs.map((input) => {
    const [written] = buildMetafields(store, owner.id, [input], owner.metafields, now);
    if (!written) throw new Error('sandbox bug: metafield not built');
    if (!owner.metafields.includes(written)) {
      const replaced = owner.metafields.some((existing) => existing.id === written.id);
      owner.metafields = replaced
        ? owner.metafields.map((existing) => (existing.id === written.id ? written : existing))
        : [...owner.metafields, written];
    }
    return written;
  });
}
