import { z } from 'zod';
import { defineOperation } from './operation.js';
import { LINE_ITEM_FIELDS, lineItemConnectionSchema } from './order-wire.js';

export interface OrderLineItemsPageVariables {
  id: string;
  after: string;
}

/**
 * The rest of an order's line items when OrdersPage's lineItems(first: 10) said hasNextPage (docs/shopify-api.md#orders
 * "page lineItems separately"). Cost ≈ 600 (25 line items with their money fields).
 */
export const OrderLineItemsPage = defineOperation<OrderLineItemsPageVariables>()({
  name: 'OrderLineItemsPage',
  kind: 'read',
  document: `
query OrderLineItemsPage($id: ID!, $after: String!) {
  order(id: $id) {
    lineItems(first: 25, after: $after) { nodes { ...LineItemFields } pageInfo { hasNextPage endCursor } }
  }
}
${LINE_ITEM_FIELDS}`,
  data: z.object({ order: z.object({ lineItems: lineItemConnectionSchema }).nullable() }),
});
