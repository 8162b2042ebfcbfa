import { GraphQLError } from 'graphql';
import type { RequestContext, ResolverMap } from '../context.js';
import type { ProductRecord } from '../state/types.js';
import { APP_NAMESPACE } from './catalog-types.js';
import { upsertMetafields } from './product-set-apply.js';
import { normalizeHandle, type ProductSetIdentifier, type ProductSetInput } from './product-set-input.js';
import { validateMetafields } from './product-set-validate.js';

/**
 * productUpdate(identifier:, product:) (docs/shopify-api.md#granular-mutations): changes only the fields given; unlike
 * productSet its `metafields` are upserted, not a replacement list. Options, variants and media are not touched. The
 * deprecated `input:` and the `media:` argument are not modelled by the sandbox.
 */
/** The productSet input's scalar fields and metafields: the two inputs share these in the schema. */
type ProductUpdateInput = Pick<
  ProductSetInput,
  'id' | 'title' | 'handle' | 'descriptionHtml' | 'vendor' | 'productType' | 'status' | 'tags' | 'metafields'
>;

interface UserErrorOut {
  field: string[] | null;
  message: string;
}

function findTarget(
  ctx: RequestContext,
  identifier: ProductSetIdentifier | null | undefined,
  input: ProductUpdateInput,
): ProductRecord | undefined {
  if (identifier?.id) return ctx.store.productById(identifier.id);
  if (identifier?.handle) return ctx.store.productByHandle(normalizeHandle(identifier.handle));
  const custom = identifier?.customId;
  if (custom) {
    const namespace = custom.namespace ?? APP_NAMESPACE;
    return ctx.store.products.find((product) =>
      product.metafields.some((f) => f.namespace === namespace && f.key === custom.key && f.value === custom.value),
    );
  }
  return input.id ? ctx.store.productById(input.id) : undefined;
}

function validate(ctx: RequestContext, product: ProductRecord, input: ProductUpdateInput): UserErrorOut[] {
  const errors: UserErrorOut[] = [];
  if (input.title !== undefined && !input.title?.trim())
    errors.push({ field: ['product', 'title'], message: "Title can't be blank" });
  if (input.handle) {
    const owner = ctx.store.productByHandle(normalizeHandle(input.handle));
    if (owner && owner !== product)
      errors.push({
        field: ['product', 'handle'],
        message: `Handle '${input.handle}' already in use. Please provide a new handle.`,
      });
  }
  const metafieldErrors: Array<{ code: string; field: string[] | null; message: string }> = [];
  validateMetafields(input.metafields, ['product', 'metafields'], product.metafields, metafieldErrors);
  return [...errors, ...metafieldErrors.map(({ field, message }) => ({ field, message }))];
}

function productUpdate(
  ctx: RequestContext,
  args: {
    identifier?: ProductSetIdentifier | null;
    product?: ProductUpdateInput | null;
    input?: unknown;
    media?: unknown;
  },
) {
  if (args.input !== undefined || args.media !== undefined || !args.product) {
    throw new GraphQLError(
      'The sandbox implements productUpdate(product:) only (not the deprecated input: nor media:).',
      { extensions: { code: 'NOT_IMPLEMENTED_IN_SANDBOX' } },
    );
  }
  const input = args.product;
  const product = findTarget(ctx, args.identifier, input);
  if (!product) return { product: null, userErrors: [{ field: ['product', 'id'], message: 'Product does not exist' }] };
  const userErrors = validate(ctx, product, input);
  if (userErrors.length > 0) return { product: null, userErrors };
  const before = JSON.stringify(product);
  const now = ctx.store.now();
  if (input.title) product.title = input.title;
  if (input.handle) product.handle = normalizeHandle(input.handle);
  if (input.descriptionHtml !== undefined) product.descriptionHtml = input.descriptionHtml ?? '';
  if (input.vendor !== undefined) product.vendor = input.vendor ?? '';
  if (input.productType !== undefined) product.productType = input.productType ?? '';
  if (input.status) product.status = input.status;
  if (input.tags) product.tags = [...input.tags];
  upsertMetafields(ctx.store, product, input.metafields ?? [], now);
  if (JSON.stringify(product) !== before) product.updatedAt = now;
  return { product, userErrors: [] };
}

export const productUpdateResolvers: ResolverMap = {
  Mutation: {
    // The arguments are coerced to productUpdate's input types by graphql-js before this runs.
    productUpdate: (_source, args, ctx) => productUpdate(ctx, args as Parameters<typeof productUpdate>[1]),
  },
};
