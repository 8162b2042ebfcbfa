import { z } from 'zod';
import { defineOperation } from './operation.js';
import { userErrorSchema } from './wire.js';

export interface FulfillmentCreateVariables {
  fulfillment: {
    lineItemsByFulfillmentOrder: Array<{
      fulfillmentOrderId: string;
      fulfillmentOrderLineItems?: Array<{ id: string; quantity: number }>;
    }>;
    notifyCustomer: boolean;
    trackingInfo?: { company?: string; number?: string; url?: string };
  };
}

/**
 * fulfillmentCreate, 2026-10 shape (docs/shopify-api.md#fulfilment-orders): FulfillmentInput with
 * lineItemsByFulfillmentOrder (one location's fulfilment orders), trackingInfo and notifyCustomer. Not idempotent and
 * it takes no @idempotent key: the caller checks the order's fulfilments before every call and after an unknown
 * outcome (docs/shopify-api.md#fulfilment-orders).
 */
export const FulfillmentCreate = defineOperation<FulfillmentCreateVariables>()({
  name: 'FulfillmentCreate',
  kind: 'write',
  document: `
mutation FulfillmentCreate($fulfillment: FulfillmentInput!) {
  fulfillmentCreate(fulfillment: $fulfillment) {
    fulfillment { id status trackingInfo(first: 3) { company number url } }
    userErrors { field message }
  }
}`,
  data: z.object({
    fulfillmentCreate: z
      .object({
        fulfillment: z
          .object({
            id: z.string(),
            status: z.string(),
            trackingInfo: z.array(
              z.object({ company: z.string().nullable(), number: z.string().nullable(), url: z.string().nullable() }),
            ),
          })
          .nullable(),
        userErrors: z.array(userErrorSchema),
      })
      .nullable(),
  }),
});
