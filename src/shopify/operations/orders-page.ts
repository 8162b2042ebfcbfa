import { z } from 'zod';
import { defineOperation } from './operation.js';
import { ADDRESS_FIELDS, LINE_ITEM_FIELDS, orderSchema } from './order-wire.js';
import { pageInfoSchema } from './wire.js';

export interface OrdersPageVariables {
  first: number;
  after?: string | null;
  query?: string | null;
}

/**
 * Incremental order pull, oldest change first (sortKey UPDATED_AT, docs/shopify-api.md#orders). Requested cost by the
 * docs/shopify-api.md#rate-limits-by-plan rules (estimate-cost.ts): one line item = 1 + variant 1 + two MoneyBags 4 +
 * taxLines(first: 3) 3 = 9, so lineItems(first: 50) = 2 + 450; the rest of an order ≈ 30 (customer 3, addresses 2,
 * money 4, fulfillments(first: 5) × (1 + trackingInfo(first: 3)) 20) → ≈ 483 per order. `first` therefore starts at 1
 * (≈ 485 points) and only grows when Shopify reports a cheaper requestedQueryCost (page-size.ts). Orders with more than
 * 50 line items are completed by OrderLineItemsPage.
 */
export const OrdersPage = defineOperation<OrdersPageVariables>()({
  name: 'OrdersPage',
  kind: 'read',
  document: `
query OrdersPage($first: Int!, $after: String, $query: String) {
  orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    nodes {
      id legacyResourceId name createdAt updatedAt processedAt cancelledAt cancelReason closed test
      displayFinancialStatus displayFulfillmentStatus currencyCode presentmentCurrencyCode
      email phone note paymentGatewayNames
      customer { firstName lastName defaultEmailAddress { emailAddress } defaultPhoneNumber { phoneNumber } }
      billingAddress { ...AddressFields }
      shippingAddress { ...AddressFields }
      totalShippingPriceSet { shopMoney { amount } }
      totalPriceSet { shopMoney { amount } }
      lineItems(first: 50) { nodes { ...LineItemFields } pageInfo { hasNextPage endCursor } }
      fulfillments(first: 5) { status trackingInfo(first: 3) { company number url } }
    }
    pageInfo { hasNextPage endCursor }
  }
}
${ADDRESS_FIELDS}
${LINE_ITEM_FIELDS}`,
  data: z.object({ orders: z.object({ nodes: z.array(orderSchema), pageInfo: pageInfoSchema }) }),
});
