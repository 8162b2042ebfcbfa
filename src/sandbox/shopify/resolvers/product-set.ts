import type { RequestContext, ResolverMap } from '../context.js';
import { applyProductSet } from './product-set-apply.js';
import type { ProductSetArgs, ProductSetUserError } from './product-set-input.js';
import { resolveTarget, validateBasics } from './product-set-validate.js';
import { planOptionsAndVariants } from './product-set-variants.js';

/**
 * productSet (docs/shopify-api.md#productset). Everything is validated before anything is written, so a call with a
 * userError changes nothing. `synchronous: false` is accepted: the sandbox runs the job at once and answers with a
 * productSetOperation that is already COMPLETE (product: null in the payload, as Shopify's async mode does);
 * productOperation(id:) then returns it with the product. In a bulk mutation line `synchronous` is ignored.
 */
function productSet(ctx: RequestContext, args: ProductSetArgs) {
  const errors: ProductSetUserError[] = [];
  const target = resolveTarget(ctx.store, args, errors);
  const product = target === 'invalid' ? undefined : target.product;
  if (target !== 'invalid') validateBasics(ctx.store, args, product, errors);
  const plan = target === 'invalid' ? undefined : planOptionsAndVariants(ctx.store, args.input, product, errors);
  if (errors.length > 0) return { product: null, productSetOperation: null, userErrors: errors };
  const written = applyProductSet(ctx.store, args.input, product, plan);
  // Inside a bulk operation productSet "will always run synchronously and this argument will be ignored" [V: schema
  // 2026-10 argument description] (docs/shopify-api.md#bulk-mutations).
  if (args.synchronous !== false || ctx.inBulkOperation)
    return { product: written, productSetOperation: null, userErrors: [] };
  const operation = {
    __typename: 'ProductSetOperation' as const,
    id: ctx.store.newId('ProductSetOperation').id,
    status: 'COMPLETE' as const,
    productId: written.id,
    userErrors: [],
  };
  ctx.store.productOperations.set(operation.id, operation);
  return { product: null, productSetOperation: operation, userErrors: [] };
}

export const productSetResolvers: ResolverMap = {
  Mutation: {
    // graphql-js has coerced the arguments to productSet's (ProductSetInput!, ProductSetIdentifiers), so they
    // have the schema's shape.
    productSet: (_source, args, ctx) => productSet(ctx, args as unknown as ProductSetArgs),
  },
};
