import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { paginate, paginateList, type SortKey } from '../connection.js';
import type { Args, RequestContext, ResolverMap } from '../context.js';
import { moneyToMinor } from '../decimal.js';
import { quantityOf } from '../state/inventory-ops.js';
import type { MediaRecord, MetafieldRecord, OptionRecord, ProductRecord, VariantRecord } from '../state/types.js';

/**
 * Field resolvers of Product, ProductVariant, options, media and metafields
 * (docs/shopify-api.md#finding-a-variant-by-sku, docs/shopify-api.md#catalog-reads).
 */
export const APP_NAMESPACE = '$app';

/** `metafield(key:, namespace:)`: a missing namespace means the app's own; "ns.key" keys are split. */
export function findMetafield(fields: MetafieldRecord[], args: Args): MetafieldRecord | null {
  let namespace: string = args.namespace ?? APP_NAMESPACE;
  let key: string = args.key;
  if (!args.namespace && key.includes('.'))
    [namespace, key] = [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)];
  return fields.find((field) => field.namespace === namespace && field.key === key) ?? null;
}

function metafieldConnection(fields: MetafieldRecord[], args: Args) {
  const selected = fields.filter(
    (field) =>
      (!args.namespace || field.namespace === args.namespace) &&
      (!args.keys || args.keys.includes(`${field.namespace}.${field.key}`)),
  );
  return paginateList(selected, args);
}

function variantTitle(variant: VariantRecord): string {
  return variant.optionValues.map((value) => value.name).join(' / ');
}

function available(ctx: RequestContext, variant: VariantRecord): number {
  const item = ctx.store.inventoryItems.get(variant.inventoryItemId);
  return (item?.levels ?? [])
    .filter((level) => level.isActive)
    .reduce((sum, level) => sum + quantityOf(level, 'available'), 0);
}

function decoratedOptions(product: ProductRecord) {
  return product.options.map((option) => ({
    ...option,
    optionValues: option.values.map((value) => ({
      ...value,
      hasVariants: product.variants.some((variant) =>
        variant.optionValues.some((v) => v.optionName === option.name && v.name === value.name),
      ),
    })),
  }));
}

const VARIANT_SORT: Record<string, (variant: VariantRecord) => SortKey> = {
  POSITION: (variant) => [variant.position, variant.legacyId],
  ID: (variant) => [variant.legacyId, variant.legacyId],
  SKU: (variant) => [variant.sku ?? '', variant.legacyId],
  TITLE: (variant) => [variantTitle(variant), variant.legacyId],
};

export function variantSortKey(sortKey: string | undefined): (variant: VariantRecord) => SortKey {
  const key = VARIANT_SORT[sortKey ?? 'ID'];
  if (!key)
    throw new GraphQLError(`The sandbox does not implement sortKey ${sortKey} for variants`, {
      extensions: { code: 'NOT_IMPLEMENTED_IN_SANDBOX' },
    });
  return key;
}

export const catalogTypeResolvers: ResolverMap = {
  Product: {
    legacyResourceId: (product: ProductRecord) => String(product.legacyId),
    description: (product: ProductRecord) => product.descriptionHtml.replace(/<[^>]*>/g, ''),
    options: (product: ProductRecord, args) => decoratedOptions(product).slice(0, args.first ?? undefined),
    variants: (product: ProductRecord, args) =>
      paginate(product.variants, variantSortKey(args.sortKey ?? 'POSITION'), args),
    variantsCount: (product: ProductRecord) => ({ count: product.variants.length, precision: 'EXACT' }),
    hasOnlyDefaultVariant: (product: ProductRecord) =>
      product.variants.length === 1 && product.variants[0]?.optionValues[0]?.name === 'Default Title',
    totalInventory: (product: ProductRecord, _args, ctx) =>
      product.variants.reduce((sum, variant) => sum + available(ctx, variant), 0),
    tracksInventory: (product: ProductRecord, _args, ctx) =>
      product.variants.some((variant) => ctx.store.inventoryItems.get(variant.inventoryItemId)?.tracked),
    hasOutOfStockVariants: (product: ProductRecord, _args, ctx) =>
      product.variants.some((variant) => available(ctx, variant) <= 0),
    media: (product: ProductRecord, args) => paginateList(product.media, args),
    mediaCount: (product: ProductRecord) => ({ count: product.media.length, precision: 'EXACT' }),
    featuredMedia: (product: ProductRecord) => product.media[0] ?? null,
    metafield: (product: ProductRecord, args) => findMetafield(product.metafields, args),
    metafields: (product: ProductRecord, args) => metafieldConnection(product.metafields, args),
    priceRangeV2: (product: ProductRecord, _args, ctx) => {
      const prices = product.variants.map((variant) => moneyToMinor(variant.price)).sort((a, b) => a - b);
      const money = (minor: number | undefined) => ({
        amount: ((minor ?? 0) / 100).toFixed(2),
        currencyCode: ctx.store.shop.currencyCode,
      });
      return { minVariantPrice: money(prices[0]), maxVariantPrice: money(prices[prices.length - 1]) };
    },
    isGiftCard: () => false,
    requiresSellingPlan: () => false,
    seo: () => ({ title: null, description: null }),
    publishedAt: (product: ProductRecord) => (product.status === 'ACTIVE' ? product.createdAt : null),
    onlineStoreUrl: () => null,
    templateSuffix: () => null,
  },
  ProductOption: {
    values: (option: OptionRecord) => option.values.map((value) => value.name),
    optionValues: (option: OptionRecord & { optionValues?: unknown }) =>
      option.optionValues ?? option.values.map((value) => ({ ...value, hasVariants: false })),
    linkedMetafield: () => null,
  },
  ProductVariant: {
    legacyResourceId: (variant: VariantRecord) => String(variant.legacyId),
    title: (variant: VariantRecord) => variantTitle(variant),
    displayName: (variant: VariantRecord, _args, ctx) =>
      `${ctx.store.productById(variant.productId)?.title ?? ''} - ${variantTitle(variant)}`,
    product: (variant: VariantRecord, _args, ctx) => ctx.store.productById(variant.productId),
    inventoryItem: (variant: VariantRecord, _args, ctx) => ctx.store.itemOf(variant),
    inventoryQuantity: (variant: VariantRecord, _args, ctx) => available(ctx, variant),
    sellableOnlineQuantity: (variant: VariantRecord, _args, ctx) => Math.max(0, available(ctx, variant)),
    availableForSale: (variant: VariantRecord, _args, ctx) =>
      variant.inventoryPolicy === 'CONTINUE' || available(ctx, variant) > 0,
    selectedOptions: (variant: VariantRecord, _args, ctx) => {
      const product = ctx.store.productById(variant.productId);
      return variant.optionValues.map((value) => {
        const optionValue = product?.options
          .find((option) => option.name === value.optionName)
          ?.values.find((v) => v.name === value.name);
        return {
          name: value.optionName,
          value: value.name,
          optionValue: optionValue ? { ...optionValue, hasVariants: true } : null,
        };
      });
    },
    metafield: (variant: VariantRecord, args) => findMetafield(variant.metafields, args),
    metafields: (variant: VariantRecord, args) => metafieldConnection(variant.metafields, args),
    media: (variant: VariantRecord, args, ctx) => {
      const media = ctx.store.productById(variant.productId)?.media ?? [];
      const ids = new Set(variant.mediaIds ?? []);
      return paginateList(
        media.filter((m) => ids.has(m.id)),
        args,
      );
    },
    requiresComponents: () => false,
    showUnitPrice: () => false,
    unitPrice: () => null,
    taxCode: () => null,
  },
  MediaImage: {
    // Processed images only: `image` is null until READY (schema 2026-10), as is the preview's image.
    image: (media: MediaRecord) =>
      media.status === 'READY'
        ? {
            id: media.id.replace('MediaImage', 'ImageSource'),
            url: media.url,
            altText: media.alt,
            width: null,
            height: null,
          }
        : null,
    originalSource: (media: MediaRecord) => ({ url: media.url, fileSize: null }),
    preview: (media: MediaRecord) => ({
      image: media.status === 'READY' ? { url: media.url, altText: media.alt } : null,
      status: media.status,
    }),
    mediaContentType: () => 'IMAGE',
    status: (media: MediaRecord) => media.status,
    fileStatus: (media: MediaRecord) => media.status,
    mediaErrors: () => [],
    mediaWarnings: () => [],
    fileErrors: () => [],
    mimeType: () => null,
    updatedAt: (media: MediaRecord) => media.createdAt,
  },
  Metafield: {
    legacyResourceId: (field: MetafieldRecord) => String(field.legacyId),
    compareDigest: (field: MetafieldRecord) => metafieldDigest(field.value),
    jsonValue: (field: MetafieldRecord): unknown =>
      field.type === 'json' || field.type.startsWith('list.') ? (JSON.parse(field.value) as unknown) : field.value,
    owner: (field: MetafieldRecord, _args, ctx) => ctx.store.nodeById(field.ownerId),
    ownerType: (field: MetafieldRecord) => (field.ownerId.includes('/ProductVariant/') ? 'PRODUCTVARIANT' : 'PRODUCT'),
    definition: () => null,
    reference: () => null,
  },
};

/** The compare-and-set digest metafieldsSet accepts (an opaque hash of the stored value). */
export function metafieldDigest(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
