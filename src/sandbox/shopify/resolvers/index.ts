import type { ResolverMap } from '../context.js';
import { bulkMutationResolvers } from './bulk-mutations.js';
import { bulkOperationResolvers } from './bulk-operations.js';
import { catalogQueryResolvers } from './catalog-queries.js';
import { catalogTypeResolvers } from './catalog-types.js';
import { fulfillmentCreateResolvers } from './fulfillment-create.js';
import { fulfillmentOrderResolvers } from './fulfillment-orders.js';
import { inventoryMutationResolvers } from './inventory-mutations.js';
import { inventoryTypeResolvers } from './inventory-types.js';
import { metafieldResolvers } from './metafields.js';
import { orderPartResolvers } from './order-parts.js';
import { orderTypeResolvers } from './order-types.js';
import { orderQueryResolvers } from './orders.js';
import { productSetResolvers } from './product-set.js';
import { productUpdateResolvers } from './product-update.js';
import { shopResolvers } from './shop.js';
import { webhookResolvers } from '../webhooks/resolvers.js';

/** All resolver maps merged per type: the root types are spread over several area files. */
export function allResolvers(): ResolverMap {
  const maps = [
    shopResolvers,
    catalogQueryResolvers,
    catalogTypeResolvers,
    productSetResolvers,
    productUpdateResolvers,
    metafieldResolvers,
    inventoryTypeResolvers,
    inventoryMutationResolvers,
    orderQueryResolvers,
    orderTypeResolvers,
    orderPartResolvers,
    fulfillmentOrderResolvers,
    fulfillmentCreateResolvers,
    bulkOperationResolvers,
    bulkMutationResolvers,
    webhookResolvers,
  ];
  const merged: ResolverMap = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) merged[type] = { ...merged[type], ...fields };
  }
  return merged;
}
