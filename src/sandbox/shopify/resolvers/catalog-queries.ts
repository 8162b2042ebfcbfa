import { GraphQLError } from 'graphql';
import { paginate, type SortKey } from '../connection.js';
import { warnSearch, type ResolverMap } from '../context.js';
import { parseGid } from '../gid.js';
import {
  filterBySearch,
  matchAnyOf,
  matchLegacyId,
  matchTime,
  type SearchTerm,
  type TermMatcher,
} from '../search-query.js';
import type { ProductRecord, VariantRecord } from '../state/types.js';
import { APP_NAMESPACE, variantSortKey } from './catalog-types.js';

/**
 * Catalog queries: products, productsCount, productVariantsCount, product, productByIdentifier, productVariants,
 * productVariant, node(s).
 *
 * SKU search is deliberately NOT exact: like Shopify's tokenised index (docs/shopify-api.md#finding-a-variant-by-sku)
 * it is case-insensitive and `sku:TEE-1001` also finds `TEE-1001-RED`. A client must compare SKUs itself.
 */
export function skuSearchMatches(sku: string | null, term: SearchTerm): boolean {
  if (!sku) return false;
  const stored = sku.toLowerCase();
  const wanted = term.value.toLowerCase();
  return stored === wanted || (stored.startsWith(wanted) && /[-_ /.]/.test(stored.charAt(wanted.length)));
}

function productMatchers(nowMs: number): Record<string, TermMatcher<ProductRecord>> {
  return {
    default: (product, term) =>
      product.title.toLowerCase().includes(term.value.toLowerCase()) ||
      product.variants.some((variant) => skuSearchMatches(variant.sku, term)),
    title: (product, term) => product.title.toLowerCase().includes(term.value.toLowerCase()),
    handle: (product, term) => term.value.split(',').includes(product.handle),
    sku: (product, term) => product.variants.some((variant) => skuSearchMatches(variant.sku, term)),
    barcode: (product, term) => product.variants.some((variant) => matchAnyOf(variant.barcode, term)),
    id: (product, term) => matchLegacyId(product.legacyId, term),
    status: (product, term) => matchAnyOf(product.status, term),
    vendor: (product, term) => matchAnyOf(product.vendor, term),
    product_type: (product, term) => matchAnyOf(product.productType, term),
    tag: (product, term) => product.tags.some((tag) => tag.toLowerCase() === term.value.toLowerCase()),
    updated_at: (product, term) => matchTime(product.updatedAt, term, nowMs),
    created_at: (product, term) => matchTime(product.createdAt, term, nowMs),
  };
}

function variantMatchers(
  nowMs: number,
  productOf: (variant: VariantRecord) => ProductRecord | undefined,
): Record<string, TermMatcher<VariantRecord>> {
  const productLegacy = (variant: VariantRecord) => productOf(variant)?.legacyId ?? 0;
  return {
    default: (variant, term) =>
      skuSearchMatches(variant.sku, term) ||
      (productOf(variant)?.title.toLowerCase().includes(term.value.toLowerCase()) ?? false),
    sku: (variant, term) => skuSearchMatches(variant.sku, term),
    barcode: (variant, term) => matchAnyOf(variant.barcode, term),
    id: (variant, term) => matchLegacyId(variant.legacyId, term),
    product_id: (variant, term) => matchLegacyId(productLegacy(variant), term),
    product_ids: (variant, term) =>
      term.value
        .split(',')
        .map((id) => id.trim())
        .includes(String(productLegacy(variant))),
    product_status: (variant, term) => matchAnyOf(productOf(variant)?.status, term),
    title: (variant, term) =>
      variant.optionValues
        .map((value) => value.name)
        .join(' / ')
        .toLowerCase()
        .includes(term.value.toLowerCase()),
    updated_at: (variant, term) => matchTime(variant.updatedAt, term, nowMs),
  };
}

const PRODUCT_SORT: Record<string, (product: ProductRecord) => SortKey> = {
  ID: (product) => [product.legacyId, product.legacyId],
  TITLE: (product) => [product.title, product.legacyId],
  UPDATED_AT: (product) => [product.updatedAt, product.legacyId],
  CREATED_AT: (product) => [product.createdAt, product.legacyId],
  VENDOR: (product) => [product.vendor, product.legacyId],
  PRODUCT_TYPE: (product) => [product.productType, product.legacyId],
};

function productSortKey(sortKey: string): (product: ProductRecord) => SortKey {
  const key = PRODUCT_SORT[sortKey];
  if (!key)
    throw new GraphQLError(`The sandbox does not implement sortKey ${sortKey} for products`, {
      extensions: { code: 'NOT_IMPLEMENTED_IN_SANDBOX' },
    });
  return key;
}

/** Shopify rejects malformed global ids outright rather than returning null. */
function requireGid(id: string): void {
  if (!parseGid(id)) throw new GraphQLError(`Invalid global id '${id}'`, { extensions: { code: 'INVALID_GLOBAL_ID' } });
}

/** productVariantsCount: "Limited to a maximum of 10000 by default" (schema 2026-10 description [V]). */
const DEFAULT_COUNT_LIMIT = 10_000;

export const catalogQueryResolvers: ResolverMap = {
  QueryRoot: {
    products: (_source, args, ctx, info) => {
      const matched = filterBySearch(
        ctx.store.products,
        args.query,
        productMatchers(ctx.store.nowMs()),
        warnSearch(ctx, info),
      );
      return paginate(matched, productSortKey(args.sortKey ?? 'ID'), args);
    },
    /** "Limited to a maximum of 10000 by default"; `limit: null` counts everything (schema 2026-10 [V]). */
    productsCount: (_source, args, ctx, info) => {
      const matched = filterBySearch(
        ctx.store.products,
        args.query,
        productMatchers(ctx.store.nowMs()),
        warnSearch(ctx, info),
      ).length;
      const limit = typeof args.limit === 'number' ? args.limit : Number.POSITIVE_INFINITY;
      return { count: Math.min(matched, limit), precision: matched > limit ? 'AT_LEAST' : 'EXACT' };
    },
    /** The schema lists "No supported search fields" for its query: every variant of the shop is counted. */
    productVariantsCount: (_source, args, ctx) => {
      const matched = ctx.store.variants.length;
      const limit = args.limit === null ? Number.POSITIVE_INFINITY : (args.limit ?? DEFAULT_COUNT_LIMIT);
      return { count: Math.min(matched, limit), precision: matched > limit ? 'AT_LEAST' : 'EXACT' };
    },
    product: (_source, args, ctx) => (requireGid(args.id), ctx.store.productById(args.id) ?? null),
    productByIdentifier: (_source, args, ctx) => {
      const identifier = args.identifier as {
        id?: string;
        handle?: string;
        customId?: { namespace?: string | null; key: string; value: string };
      };
      if (identifier.id) return ctx.store.productById(identifier.id) ?? null;
      if (identifier.handle) return ctx.store.productByHandle(identifier.handle) ?? null;
      const custom = identifier.customId;
      if (!custom) return null;
      const namespace = custom.namespace ?? APP_NAMESPACE;
      return (
        ctx.store.products.find((product) =>
          product.metafields.some(
            (field) => field.namespace === namespace && field.key === custom.key && field.value === custom.value,
          ),
        ) ?? null
      );
    },
    productVariants: (_source, args, ctx, info) => {
      const matchers = variantMatchers(ctx.store.nowMs(), (variant) => ctx.store.productById(variant.productId));
      const matched = filterBySearch(ctx.store.variants, args.query, matchers, warnSearch(ctx, info));
      return paginate(matched, variantSortKey(args.sortKey ?? 'ID'), args);
    },
    productVariant: (_source, args, ctx) => (requireGid(args.id), ctx.store.variantById(args.id) ?? null),
    productOperation: (_source, args, ctx) => ctx.store.productOperations.get(args.id) ?? null,
    node: (_source, args, ctx) => (requireGid(args.id), ctx.store.nodeById(args.id) ?? null),
    nodes: (_source, args, ctx) => {
      const ids = args.ids as string[];
      if (ids.length > 250) {
        throw new GraphQLError(`The input array size of ${ids.length} is greater than the maximum allowed of 250.`, {
          extensions: { code: 'MAX_INPUT_SIZE_EXCEEDED' },
        });
      }
      ids.forEach(requireGid);
      return ids.map((id) => ctx.store.nodeById(id) ?? null);
    },
  },
  ProductSetOperation: {
    product: (operation: { productId: string | null }, _args, ctx) =>
      operation.productId ? (ctx.store.productById(operation.productId) ?? null) : null,
  },
};
