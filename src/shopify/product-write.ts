/**
 * The catalog writes: productSet (docs/shopify-api.md#productset) and the status-only productUpdate that
 * publishes a draft. Selections ask only for what the caller uses: the returned selection costs points.
 */
import type { z } from 'zod';
import { RemoteError } from '../core/errors.js';
import type { GraphqlTransport } from './graphql.js';
import { ProductSet, ProductSetWithVariants, ProductStatusUpdate, WrittenVariantsPage } from './operations/index.js';
import type { writtenVariantsSchema } from './operations/product-set.js';
import * as size from './page-size.js';
import { predictCost } from './operations/predict-cost.js';
import { toProductSetInput } from './product-set-input.js';
import type { ProductWrite, ProductWriteResult, WrittenProduct } from './types.js';
import { toUserErrors } from './user-errors.js';

export async function productSet(gql: GraphqlTransport, write: ProductWrite): Promise<ProductWriteResult> {
  const { identifier, input } = toProductSetInput(write);
  // productSet is declarative: the same input converges to the same product, so a retry is safe
  // (docs/shopify-api.md#rate-limits-by-plan).
  // The returned selection is what costs (docs/shopify-api.md#productset): ask only for what the caller uses.
  if (!write.returnVariants) {
    const { data } = await gql.execute(ProductSet, { identifier, input }, { idempotent: true });
    const result = payloadOf(data.productSet);
    const { userErrors } = result;
    return result.product ? { product: { id: result.product.id, variants: [] }, userErrors } : { userErrors };
  }
  const { data } = await gql.execute(
    ProductSetWithVariants,
    { identifier, input, variantsFirst: variantsFirst(write) },
    { idempotent: true },
  );
  const result = payloadOf(data.productSet);
  if (!result.product) return { userErrors: result.userErrors };
  const variants = await allWrittenVariants(gql, result.product.id, result.product.variants);
  return { product: { id: result.product.id, variants }, userErrors: result.userErrors };
}

/** What the pacer will reserve for this write's productSet, before it is sent (the bulk-or-per-call choice). */
export function predictProductSetCost(write: ProductWrite): number {
  const { identifier, input } = toProductSetInput(write);
  if (!write.returnVariants) return predictCost(ProductSet.document, { identifier, input });
  return predictCost(ProductSetWithVariants.document, { identifier, input, variantsFirst: variantsFirst(write) });
}

/**
 * The requested cost counts `first`, not what comes back (docs/shopify-api.md#rate-limits-by-plan): ask for exactly the
 * variants we sent.
 */
function variantsFirst(write: ProductWrite): number {
  return Math.min(Math.max(write.variants.length, 1), size.VARIANTS_PAGE_FIRST);
}

function payloadOf<P>(payload: { product: P | null; userErrors: Parameters<typeof toUserErrors>[0] } | null): {
  product?: P;
  userErrors: ProductWriteResult['userErrors'];
} {
  if (!payload)
    throw new RemoteError('Shopify ProductSet returned no payload', {
      service: 'shopify',
      code: 'UNEXPECTED_RESPONSE',
    });
  const userErrors = toUserErrors(payload.userErrors);
  return payload.product ? { product: payload.product, userErrors } : { userErrors };
}

type WrittenVariants = z.infer<typeof writtenVariantsSchema>;

async function allWrittenVariants(
  gql: GraphqlTransport,
  productId: string,
  first: WrittenVariants,
): Promise<WrittenProduct['variants']> {
  const nodes = [...first.nodes];
  let pageInfo = first.pageInfo;
  while (pageInfo.hasNextPage && pageInfo.endCursor) {
    const variables = { id: productId, first: size.VARIANTS_PAGE_FIRST, after: pageInfo.endCursor };
    const { data } = await gql.execute(WrittenVariantsPage, variables);
    if (!data.product)
      throw new RemoteError(`Shopify product ${productId} disappeared while it was being read; run again.`, {
        service: 'shopify',
        code: 'NOT_FOUND',
      });
    nodes.push(...data.product.variants.nodes);
    pageInfo = data.product.variants.pageInfo;
  }
  return nodes.map((n) => ({ id: n.id, sku: n.sku ?? '', inventoryItemId: n.inventoryItem.id }));
}

/** productUpdate of the status alone: publishes a draft without re-sending its variants. */
export async function setProductStatus(
  gql: GraphqlTransport,
  id: string,
  status: ProductWrite['status'] & string,
): Promise<ProductWriteResult> {
  const { data } = await gql.execute(ProductStatusUpdate, { product: { id, status } }, { idempotent: true });
  if (!data.productUpdate)
    throw new RemoteError('Shopify ProductStatusUpdate returned no payload', {
      service: 'shopify',
      code: 'UNEXPECTED_RESPONSE',
    });
  return {
    userErrors: data.productUpdate.userErrors.map((e) => ({ field: e.field ?? undefined, message: e.message })),
  };
}
