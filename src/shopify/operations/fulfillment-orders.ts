import { z } from 'zod';
import { defineOperation } from './operation.js';
import { pageInfoSchema } from './wire.js';

export interface OrderFulfillmentOrdersVariables {
  id: string;
}

/**
 * One order's fulfilment state (docs/shopify-api.md#fulfilment-orders): its fulfilments with their tracking numbers
 * (what was shipped already, by whom) and its fulfilment orders with the assigned location and what remains per line.
 * Requested cost ≈ fulfillments 5 × (1 + 3) + fulfillmentOrders(first: 3) × (1 + location 2 + lineItems(first: 30)
 * 2 + 30 × 2) ≈ 215, refunded down to what the order really has: small, because a run reads it for every order it
 * places (docs/architecture.md#location-to-warehouse) and a failed attempt keeps its reservation in the pacer. An order
 * with more fulfilment orders or lines than that is refused by the fulfilment step rather than shipped in part.
 */
export const OrderFulfillmentOrders = defineOperation<OrderFulfillmentOrdersVariables>()({
  name: 'OrderFulfillmentOrders',
  kind: 'read',
  document: `
query OrderFulfillmentOrders($id: ID!) {
  order(id: $id) {
    id name displayFulfillmentStatus cancelledAt
    fulfillments(first: 5) { id status trackingInfo(first: 3) { company number url } }
    fulfillmentOrders(first: 3) {
      nodes {
        id status
        assignedLocation { location { id name } }
        lineItems(first: 30) {
          nodes { id remainingQuantity totalQuantity lineItem { id sku } }
          pageInfo { hasNextPage endCursor }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
}`,
  data: z.object({
    order: z
      .object({
        id: z.string(),
        name: z.string(),
        displayFulfillmentStatus: z.string(),
        cancelledAt: z.string().nullable(),
        fulfillments: z.array(
          z.object({
            id: z.string(),
            status: z.string(),
            trackingInfo: z.array(
              z.object({ company: z.string().nullable(), number: z.string().nullable(), url: z.string().nullable() }),
            ),
          }),
        ),
        fulfillmentOrders: z.object({
          nodes: z.array(
            z.object({
              id: z.string(),
              status: z.string(),
              assignedLocation: z.object({ location: z.object({ id: z.string(), name: z.string() }).nullable() }),
              lineItems: z.object({
                nodes: z.array(
                  z.object({
                    id: z.string(),
                    remainingQuantity: z.number(),
                    totalQuantity: z.number(),
                    lineItem: z.object({ id: z.string(), sku: z.string().nullable() }),
                  }),
                ),
                pageInfo: pageInfoSchema,
              }),
            }),
          ),
          pageInfo: pageInfoSchema,
        }),
      })
      .nullable(),
  }),
});
